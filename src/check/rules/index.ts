/** Every rule, in priority order: when two report the same claims, the earlier one stays. */
import type { Rule } from '../types.js';
import { arithmetic } from './arithmetic.js';
import { changedBetweenReports } from './changed-between-reports.js';
import { dateConflict } from './date-conflict.js';
import { dealDate } from './deal-date.js';
import { internalContradiction } from './internal-contradiction.js';
import { nameVariant } from './name-variant.js';
import { occasionDate } from './occasion-date.js';
import { seriesConflict } from './series-conflict.js';
import { singleSource } from './single-source.js';
import { spanConflict } from './span-conflict.js';
import { unitConflict } from './unit-conflict.js';
import { valueConflict } from './value-conflict.js';

export const RULES: readonly Rule[] = [
  valueConflict,
  internalContradiction,
  spanConflict,
  arithmetic,
  seriesConflict,
  changedBetweenReports,
  dateConflict,
  dealDate,
  occasionDate,
  unitConflict,
  nameVariant,
  singleSource,
];
