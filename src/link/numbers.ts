/**
 * Figures in free text that is not an article body: the notes of a source list ("over 80% green
 * electricity", "100 billion → 140 trillion") and saved pages of cited sources, English or Chinese
 * ("140万亿"). Small on purpose: the extractor reads article bodies; this only needs values and units
 * to compare against claims.
 */

/** A figure as written, with its value and a coarse unit. */
export interface Figure {
  text: string;
  /** The figure with the unit word read after it ("20 days"); equals `text` when there is none. */
  phrase: string;
  start: number;
  end: number;
  value: number;
  /** "%", "x" (multiplier), "currency", a singular unit word ("day", "token"), or null. */
  unit: string | null;
  /** A scale word or character was written ("trillion", "亿"). */
  scaled: boolean;
  /** A bare four-digit year (1900–2100). */
  year: boolean;
}

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  quadrillion: 1e15,
  '千': 1e3,
  '万': 1e4,
  '十万': 1e5,
  '百万': 1e6,
  '千万': 1e7,
  '亿': 1e8,
  '十亿': 1e9,
  '百亿': 1e10,
  '千亿': 1e11,
  '万亿': 1e12,
};

const FIGURE =
  /(US\$|\$|€|£|¥|RMB\s?|USD\s?|CNY\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(thousand|quadrillion|trillion|billion|million|bn|tn|mn|k|m|b)\b|\s*(万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千))?(?:\s*(%|％|percent\b|per\s+cent\b|-fold\b|fold\b|x\b|×|times\b|倍))?/giu;
const UNIT_WORD = /^[\s-]*(?:(?:more|fewer|less)\s+)?([a-z][a-z-]{1,20})/i;
const NOT_UNITS = new Set(['and', 'or', 'to', 'the', 'a', 'an', 'of', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'than', 'as', 'is', 'was', 'are', 'were', 'that', 'this', 'per', 'since', 'until', 'over', 'under', 'into', 'after', 'before']);

/** Crude singular of a lower-case unit word ("days" → "day", "tokens" → "token"). */
export function singularUnit(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3 || /(ss|us|is)$/.test(w)) return w;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** Every figure in `text`, in order. */
export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const [whole, currency, digits, scaleWord, scaleCjk, suffix] = m;
    const start = m.index;
    // Not inside a longer token: "V4", "GPT-5.4", "A06PN300" are names, not figures.
    const before = text[start - 1] ?? ' ';
    const hyphenAfterWord = before === '-' && /\p{Ll}/u.test(text[start - 2] ?? '');
    if (!currency && !hyphenAfterWord && /[\p{L}\p{N}._/-]/u.test(before) && !/[\u3400-\u9fff]/u.test(before)) continue;
    let value = Number(digits.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    const scale = scaleWord ? SCALES[scaleWord.toLowerCase()] : scaleCjk ? SCALES[scaleCjk] : 1;
    // "m"/"b"/"k" alone are scales only right after a currency ("$2m"); otherwise the number stands alone.
    if (scaleWord && /^[mbk]$/i.test(scaleWord) && !currency) {
      out.push(plain(text, start, digits.length, value));
      FIGURE.lastIndex = start + digits.length;
      continue;
    }
    value *= scale;
    const end = start + whole.replace(/\s+$/, '').length;
    let unit: string | null = null;
    let phraseEnd = end;
    const s = suffix?.toLowerCase().replace(/\s+/g, ' ');
    if (s === '%' || s === '％' || s === 'percent' || s === 'per cent') unit = '%';
    else if (s) unit = 'x';
    else if (currency) unit = 'currency';
    else {
      const after = UNIT_WORD.exec(text.slice(end, end + 30));
      if (after && !NOT_UNITS.has(after[1].toLowerCase())) {
        unit = singularUnit(after[1]);
        phraseEnd = end + after[0].length;
      }
    }
    const isYear = !currency && !suffix && scale === 1 && /^(19|20)\d\d$/.test(digits);
    out.push({ text: text.slice(start, end), phrase: text.slice(start, phraseEnd).trim(), start, end, value, unit, scaled: scale !== 1, year: isYear });
  }
  return out;
}

function plain(text: string, start: number, length: number, value: number): Figure {
  const t = text.slice(start, start + length);
  return { text: t, phrase: t, start, end: start + length, value, unit: null, scaled: false, year: false };
}

/** True when two values agree within `tolerance` (relative; 1% by default). */
export function sameValue(a: number, b: number, tolerance = 0.01): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

const CURRENCY = /^(USD|EUR|GBP|CNY|JPY|RMB|HKD|INR|KRW|currency|\$|€|£|¥)$/i;

/** Can a figure be compared with a claim value of `unit`? Percentages, multipliers and money only meet their own kind. */
export function unitsCompatible(f: Figure, unit: string | null): boolean {
  if ((f.unit === '%') !== (unit === '%' || unit === 'pp')) return false;
  if ((f.unit === 'x') !== (unit === 'x')) return false;
  if ((f.unit === 'currency') !== (unit !== null && CURRENCY.test(unit))) return false;
  return true;
}

/** Does a figure give the claim's value (either end of a range), unit kind included? */
export function figureAgrees(f: Figure, value: { min: number; max: number; unit: string | null } | null, tolerance = 0.01): boolean {
  if (!value || f.year) return false;
  return unitsCompatible(f, value.unit) && (sameValue(f.value, value.min, tolerance) || sameValue(f.value, value.max, tolerance));
}
