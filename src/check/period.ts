/**
 * Periods as the check needs them: whether two periods name the same time for a figure, how to
 * print one in a message, and a coarse bucket for stable keys.
 */
import type { Claim, ClaimPeriod } from '../store/schema.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days since the epoch of a YYYY-MM-DD day. */
export const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / 864e5);

/** Length of a period in days (inclusive). */
export const lengthDays = (p: ClaimPeriod): number => dayNumber(p.end) - dayNumber(p.start) + 1;

/** The two periods share at least a day. */
export const overlap = (a: ClaimPeriod, b: ClaimPeriod): boolean => a.start <= b.end && b.start <= a.end;

/**
 * A level or rate (a share, a price, tokens per day) is observed at a time: "March 2026", "so far
 * this month" and "early 2026" can all name the same observation. A flow (dollars earned, taxes
 * paid) is summed over its period: a year and eight years are different facts.
 */
export function isLevel(claim: Claim): boolean {
  const v = claim.value;
  if (v && (v.unit === '%' || v.unit === 'x' || v.unit === 'pp' || v.per !== null)) return true;
  return claim.metricKey !== null && /\/[a-z-]+$/.test(claim.metricKey);
}

/** Observation windows up to a month inside a span up to four months ("March" in "early 2026"). */
const LEVEL_SHORT = 31;
const LEVEL_LONG = 123;

/** Two periods name the same time for a figure (see `isLevel`). */
export function samePeriod(a: ClaimPeriod, b: ClaimPeriod, level: boolean): boolean {
  if (!overlap(a, b)) return false;
  const la = lengthDays(a);
  const lb = lengthDays(b);
  const short = Math.min(la, lb);
  const long = Math.max(la, lb);
  // Stretches of years are totals over them: 2011–2014 is not 2007–2014.
  if (long > 400) return a.start.slice(0, 4) === b.start.slice(0, 4) && a.end.slice(0, 4) === b.end.slice(0, 4);
  if (short / long >= 0.5) return true;
  return level && short <= LEVEL_SHORT && long <= LEVEL_LONG;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOfMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A period in words for a message: "March 24", "March 2026", "2017", "2007–2014", else as written. */
export function formatPeriod(p: ClaimPeriod, withYear = true): string {
  const [ys, ms, ds] = p.start.split('-').map(Number);
  const [ye, me, de] = p.end.split('-').map(Number);
  if (p.start === p.end) return withYear ? `${MONTHS[ms - 1]} ${ds}, ${ys}` : `${MONTHS[ms - 1]} ${ds}`;
  if (ys === ye && ms === me && ds === 1 && de === lastDayOfMonth(ye, me)) return `${MONTHS[ms - 1]} ${ys}`;
  if (ms === 1 && ds === 1 && me === 12 && de === 31) return ys === ye ? `${ys}` : `${ys}–${ye}`;
  return p.text || `${p.start}–${p.end}`;
}

/** Coarse time bucket of a period, for keys that should survive small edits ("2026-03"). */
export function periodBucket(p: ClaimPeriod | null): string {
  if (!p) return 'undated';
  const mid = (dayNumber(p.start) + dayNumber(p.end)) / 2;
  const d = new Date(Math.floor(mid) * 864e5);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}
