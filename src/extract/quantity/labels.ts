/**
 * Numbers that are not quantities: years and dates ("in 2024", "March 23", "the 1990s"), ordinals
 * ("15th"), names and versions ("GPT-5.4", "Qwen 3.5", "iPhone 15", "Section 230"), times of day
 * ("03:50 PM", "9 a.m."), list markers, "24/7" and scores ("won 3-2"). Each test is a general
 * signal around the number, never a list of names.
 */
import { NUM, PUNCT, WORD, hasCapital, isChar, lineStart, low, raw, type Tokens } from './lex.js';
import {
  changeBefore,
  clockWords,
  eras,
  functionWords,
  labelNouns,
  months,
  ordinalSuffixes,
  perWords,
  qualifiersBefore,
  scoreWords,
  weekdays,
  yearPrepositions,
} from './lexicon.js';
import { isDash } from './numeral.js';
import type { Figure } from './scan.js';

const labelSymbols = new Set(['#', '№', '§']);
const AMBIGUOUS_MONTHS = new Set(['may', 'mar', 'jan', 'sun', 'sat', 'wed', 'dec', 'sep', 'oct', 'nov', 'aug', 'jun', 'jul', 'apr', 'feb', 'mon', 'tue', 'thu', 'fri']);

function isMonth(t: Tokens, j: number): boolean {
  if (j < 0 || j >= t.n || t.kind[j] !== WORD) return false;
  const w = low(t, j);
  if (!months.has(w)) return false;
  // "may" and short forms only capitalised
  return !AMBIGUOUS_MONTHS.has(w) || hasCapital(t, j);
}

/** Token j starts a sentence (line start, or after . ! ? : or an opening quote/bracket at a start). */
function sentenceStart(t: Tokens, j: number): boolean {
  if (lineStart(t, j)) return true;
  let k = j - 1;
  while (k >= 0 && t.kind[k] === PUNCT && /["'“‘(\[—–-]/.test(raw(t, k))) {
    if (lineStart(t, k)) return true;
    k--;
  }
  return k >= 0 && t.kind[k] === PUNCT && /[.!?:;]/.test(raw(t, k));
}

/** A capitalised word before the number that names something ("Qwen 3.5", "Windows 11", "Boeing 737"). */
function nameBefore(t: Tokens, f: Figure): boolean {
  const p = f.first - 1;
  if (p < 0 || t.kind[p] !== WORD || t.gap[f.first] === 2 || !hasCapital(t, p)) return false;
  const w = low(t, p);
  if (functionWords.has(w) || changeBefore.has(w) || perWords.has(w) || months.has(w) || weekdays.has(w)) return false;
  if (qualifiersBefore.matchBack(t, p)) return false;
  if (sentenceStart(t, p) && !isAllCaps(t, p)) return false;
  return true;
}

function isAllCaps(t: Tokens, j: number): boolean {
  const s = raw(t, j);
  return s.length >= 2 && s === s.toUpperCase();
}

/** The figure is a label, a date, a time, a name or a version, not a quantity. */
export function isLabel(t: Tokens, f: Figure): boolean {
  const n = f.n;
  const i = n.first;
  const kind = f.u.kind;
  const strong = kind === 'money' || kind === 'percent' || kind === 'percentage-point' || kind === 'measure' || kind === 'multiplier';
  const next = n.last + 1;
  const prev = i - 1;
  if (!n.digits) {
    // written numbers: a capitalised number word inside a sentence is a name ("Five-Year Plan", "Formula One")
    if (hasCapital(t, i) && !sentenceStart(t, i) && !isAllCaps(t, i) && kind !== 'money' && kind !== 'percent') return true;
    return false;
  }
  // glued to a word before: "V3", "A380", "H100" (currencies were taken off already)
  if (prev >= 0 && t.gap[i] === 0 && t.kind[prev] === WORD && f.first === i) return true;
  // hyphen-joined to a capitalised token: "GPT-5.4", "COVID-19", "F-35"
  if (prev >= 1 && isDash(t, prev) && t.gap[i] === 0 && t.gap[prev] === 0 && t.kind[prev - 1] === WORD && hasCapital(t, prev - 1) && f.first === i) return true;
  // a capitalised letter glued after: "4G", "5G", "3D", "2FA"; ordinal suffixes "15th"
  if (next < t.n && t.gap[next] === 0 && t.kind[next] === WORD) {
    const w = raw(t, next);
    if (ordinalSuffixes.has(w)) return true;
    if (kind === 'number' && /^[A-Z]/.test(w)) return true;
    // decades: "1990s", "80s"
    if ((w === 's' || w === 'S') && n.plainInt) return true;
  }
  // "'90s", "’20s"
  if (prev >= 0 && (isChar(t, prev, "'") || isChar(t, prev, '’')) && t.gap[i] === 0 && raw(t, next) === 's') return true;
  // times of day and durations on a clock: "03:50", "1:36.6", "9 a.m.", "5pm"
  if (isChar(t, next, ':') && t.gap[next] === 0 && t.kind[next + 1] === NUM && t.gap[next + 1] === 0) return true;
  if (isChar(t, prev, ':') && t.gap[i] === 0 && t.kind[prev - 1] === NUM) return true;
  if (clockAfter(t, next) && !strong) return true;
  // "24/7", dates "3/23/2026"
  if (isChar(t, next, '/') && t.gap[next] === 0 && t.kind[next + 1] === NUM && t.gap[next + 1] === 0) return true;
  if (isChar(t, prev, '/') && t.gap[i] === 0 && t.kind[prev - 1] === NUM) return true;
  // dates and years
  if (!strong) {
    if (n.plainInt && n.value <= 31 && (isMonth(t, prev) || (isChar(t, prev, '.') && isMonth(t, prev - 1)) || isMonth(t, next) || (low(t, next) === 'of' && isMonth(t, next + 1)))) return true;
    if (n.plainInt && n.width === 4 && n.value >= 1000 && n.value <= 2199 && !n.scaled) {
      const pw = low(t, prev);
      const yearWord = yearPrepositions.has(pw) && pw !== 'of' && pw !== 'and' && pw !== 'or' && pw !== 'to' && pw !== 'around';
      if (kind === 'number' && (n.value >= 1900 && n.value <= 2100 || yearWord)) return true;
      if (kind !== 'number' && (yearWord || isMonth(t, prev) || isChar(t, prev, ','))) return true;
      if (f.u.unitText && !/s$/i.test(f.u.unitText)) return true;
    }
    if (n.plainInt && eras.has(low(t, next))) return true;
    if (n.plainInt && (low(t, next) === 'a' || low(t, next) === 'b') && isChar(t, next + 1, '.') && eras.has(low(t, next) + '.' + low(t, next + 2) + '.')) return true;
    // "2016-17", "2024/25" seasons and fiscal years
    if (n.plainInt && n.width === 4 && n.value >= 1900 && n.value <= 2199 && (isDash(t, next) || isChar(t, next, '/')) && t.kind[next + 1] === NUM && t.gap[next + 1] === 0) return true;
  }
  // labels: "Section 230", "page 5", "No. 1", "#1", "§ 230", "Row 21"
  if (kind === 'number' || (kind === 'count' && !n.scaled)) {
    const pw = low(t, prev);
    if (labelNouns.has(pw) && t.kind[prev] === WORD && !n.scaled && f.first === i) return true;
    if (isChar(t, prev, '.') && (low(t, prev - 1) === 'no' || low(t, prev - 1) === 'nos' || low(t, prev - 1) === 'nr') && hasCapital(t, prev - 1)) return true;
    if (prev >= 0 && labelSymbols.has(raw(t, prev))) return true;
  }
  // a number before a name: "787 Dreamliner", "90049 ZIP Code", "9 E 71st St", "4 Started"
  if (kind === 'number' && !n.scaled && next < t.n && t.kind[next] === WORD && t.gap[next] === 1 && hasCapital(t, next)) return true;
  // network generations: "4G", "5G"
  if (n.plainInt && n.value <= 10 && raw(t, next) === 'G' && t.gap[next] === 0) return true;
  // names and versions: "Qwen 3.5", "iPhone 15", "Windows 11", "Boeing 737", ZIP codes after a state
  if ((kind === 'number' || kind === 'count') && !n.scaled && nameBefore(t, f)) return true;
  // list markers: "1." or "2)" at the start of a line
  if (lineStart(t, f.first) && n.plainInt && (isChar(t, next, '.') || isChar(t, next, ')')) && next + 1 < t.n && t.gap[next + 1] === 1) return true;
  if (lineStart(t, f.first - 1) && isChar(t, f.first - 1, '(') && isChar(t, next, ')')) return true;
  // scores: "won 3-2", "a 5-4 ruling", "2-0 down"
  if (n.plainInt && isDash(t, next) && t.gap[next] === 0 && t.kind[next + 1] === NUM && t.gap[next + 1] === 0 && n.value < 200) {
    const around = [low(t, prev), low(t, prev - 1), low(t, next + 2), low(t, next + 3)];
    if (around.some((w) => scoreWords.has(w))) return true;
  }
  // phone numbers: "555-1234", "(212) 555-1234", "1-800-..."
  if (n.plainInt && isDash(t, next) && t.gap[next] === 0 && t.kind[next + 1] === NUM && t.gap[next + 1] === 0) {
    const w2 = t.end[next + 1] - t.start[next + 1];
    if (n.width === 3 && w2 === 4) return true;
    if (isDash(t, next + 2) && t.gap[next + 2] === 0 && t.kind[next + 3] === NUM && t.gap[next + 3] === 0) return true;
  }
  return false;
}

function clockAfter(t: Tokens, j: number): boolean {
  if (j >= t.n || t.gap[j] === 2 || t.kind[j] !== WORD) return false;
  const w = low(t, j);
  if (w === 'am' || w === 'pm') return !(t.kind[j + 1] === WORD && t.gap[j + 1] === 0);
  if ((w === 'a' || w === 'p') && isChar(t, j + 1, '.') && t.gap[j + 1] === 0 && low(t, j + 2) === 'm') return true;
  if (w === "o'clock") return true;
  if (clockWords.has(w) && w.length >= 3 && w !== 'hrs' && w !== 'hours' && hasCapital(t, j)) return true;
  return false;
}

/** "one" used as a pronoun or determiner ("no one", "the one", "one another", "one day"). */
export function isPronounOne(t: Tokens, f: Figure): boolean {
  const w = low(t, f.n.first);
  if (w !== 'one' || f.n.last !== f.n.first) return false;
  const p = low(t, f.n.first - 1);
  const x = low(t, f.n.last + 1);
  if (p === 'no' || p === 'the' || p === 'this' || p === 'that' || p === 'any' || p === 'every' || p === 'each' || p === 'which' || p === 'only' || p === 'such' || p === 'a') return true;
  if (x === 'another' || x === 'way' || x === 'day' || x === 'thing' || x === 'who' || x === 'that' || x === "'s" || x === 'or') return true;
  // "one" counts only with a noun or "of" after it ("one solution", "one of the students")
  if (f.u.kind === 'number' && x !== 'of') return true;
  return false;
}
