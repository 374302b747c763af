/**
 * Datelines that open news copy: "(Yicai) March 24 --", "BEIJING, March 24 (Reuters) -",
 * "WASHINGTON (AP) —", "(Reuters) -". They name the outlet (in parentheses) and often the day the
 * story was filed, usually without a year. A dateline glued to the end of a pasted headline
 * ("…in Three Months(Yicai) March 24 -- China’s use…") is found too, so the headline can be split off.
 */
import { monthNumber } from './date.js';

export interface DatelineMatch {
  /** Where the dateline starts and where the body after it starts, in the searched string. */
  start: number;
  bodyStart: number;
  /** The dateline as written, trimmed ("(Yicai) March 24 --"). */
  text: string;
  outlet: string | null;
  city: string | null;
  month: number | null;
  day: number | null;
  year: number | null;
}

const OUTLET = String.raw`\((?<outlet>\p{Lu}[\p{L}\p{N}&.'’ -]{0,38}[\p{L}\p{N}.])\)`;
const MONTH = String.raw`(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DATE = String.raw`${MONTH}\s+(?<day>\d{1,2})(?!\d)(?:,?\s+(?<year>\d{4})(?!\d))?`;
const CITY = String.raw`(?<city>\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]+){0,3})(?:,\s+(?<region>\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)?))?`;
/** The dash after a dateline, then the body (which must start with a letter, digit or quote). */
const DASH = String.raw`\s*(?:--|—|–|-|:)\s*(?=[\p{L}\p{N}"'“‘])`;

const AT_START: RegExp[] = [
  new RegExp(String.raw`^${OUTLET}\s*${DATE}${DASH}`, 'u'),
  new RegExp(String.raw`^${CITY},\s*${DATE}\s*(?:${OUTLET})?${DASH}`, 'u'),
  new RegExp(String.raw`^${CITY}\s*${OUTLET}${DASH}`, 'u'),
  new RegExp(String.raw`^${OUTLET}${DASH}`, 'u'),
];
const GLUED = new RegExp(String.raw`${OUTLET}\s*${DATE}${DASH}`, 'u');

function toMatch(m: RegExpExecArray, offset: number): DatelineMatch {
  const g = m.groups ?? {};
  const month = g.month ? monthNumber(g.month) : null;
  const day = g.day ? Number(g.day) : null;
  const year = g.year ? Number(g.year) : null;
  const city = g.city ? (g.region ? `${g.city}, ${g.region}` : g.city) : null;
  return {
    start: offset + m.index,
    bodyStart: offset + m.index + m[0].length,
    text: m[0].trim(),
    outlet: g.outlet ? g.outlet.trim() : null,
    city,
    month,
    day: month !== null && day !== null && day >= 1 && day <= 31 ? day : null,
    year: year !== null && year >= 1800 && year <= 2199 ? year : null,
  };
}

/** A dateline at the very start of `line`, or null. */
export function datelineAtStart(line: string): DatelineMatch | null {
  for (const re of AT_START) {
    const m = re.exec(line);
    if (m) {
      const found = toMatch(m, 0);
      // A city dateline with no outlet and no date says nothing: "NASA — the agency…" is not one.
      if (found.outlet === null && found.month === null) continue;
      return found;
    }
  }
  return null;
}

/**
 * A dateline of the form "(Outlet) Month Day --" later in `line` (a headline glued in front of it),
 * or null. The text before it is returned as `start`.
 */
export function datelineInside(line: string): DatelineMatch | null {
  const m = GLUED.exec(line);
  if (!m || m.index === 0) return null;
  return toMatch(m, 0);
}
