/**
 * TempEval-3 TimeBank suite: `findPeriods(text, { published: dct })` against the gold TIMEX3
 * annotations of `<data>/timeml/dev/*.json`.
 *
 * How we count (printed with the figures):
 * - Detection: a predicted mention matches a gold one when their spans overlap, one to one
 *   (each gold takes the unmatched prediction it overlaps most). DATE detection compares our
 *   DATE mentions with gold DATEs; a prediction that overlaps only gold expressions of another type
 *   (DURATION, TIME, SET) is left out rather than counted as a false positive, and a gold DATE we
 *   found under another type counts as missed. DURATION detection is counted the same way.
 * - Resolution: among matched DATEs, the share whose [from, to] equals the interval the gold value
 *   denotes (`timexSpan`: day, month, quarter, half, week, weekend, season, year, decade, century).
 *   Gold PAST_REF / PRESENT_REF / FUTURE_REF are right when we give the same timex and no interval.
 *   Gold values with unknown parts ("1989-WXX", "1988-QX", "PXY") denote no interval: they are left
 *   out of the share and their number is printed. A second figure compares the interval of our
 *   `timex` instead of [from, to]: TIMEX3 keeps "early", "end of", "so far" in a separate `mod`
 *   attribute that this data does not carry, so its values name the whole period.
 *
 * `TIMEML_VERBOSE=1` prints every miss instead of a handful.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPeriods } from '../../src/extract/period.js';
import { timexSpan, isoDay } from '../../src/extract/period/calendar.js';
import type { PeriodMention } from '../../src/extract/types.js';
import type { EvalResult } from './types.js';

interface Timex {
  tid: string;
  type: 'DATE' | 'DURATION' | 'TIME' | 'SET';
  value: string;
  text: string;
  start: number;
  end: number;
}

interface Doc {
  doc: string;
  dct: string;
  text: string;
  timexes: Timex[];
}

const REFS = new Set(['PAST_REF', 'PRESENT_REF', 'FUTURE_REF']);
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

interface Detection {
  tp: number;
  fp: number;
  fn: number;
  pairs: Array<[Timex, PeriodMention]>;
  misses: Timex[];
  wrong: PeriodMention[];
}

/** One-to-one overlap matching of predictions of `type` against gold of `type`. */
function detect(gold: Timex[], preds: PeriodMention[], type: Timex['type']): Detection {
  const g = gold.filter((t) => t.type === type);
  const p = preds.filter((m) => m.type === type);
  const used = new Set<PeriodMention>();
  const pairs: Array<[Timex, PeriodMention]> = [];
  const misses: Timex[] = [];
  for (const t of g) {
    let best: PeriodMention | null = null;
    for (const m of p) if (!used.has(m) && overlap(t, m) > 0 && (!best || overlap(t, m) > overlap(t, best))) best = m;
    if (best) {
      used.add(best);
      pairs.push([t, best]);
    } else misses.push(t);
  }
  const wrong = p.filter((m) => !used.has(m) && !gold.some((t) => t.type !== type && overlap(t, m) > 0));
  return { tp: pairs.length, fp: wrong.length, fn: misses.length, pairs, misses, wrong };
}

type Verdict = 'right' | 'wrong' | 'unscored';

function resolution(t: Timex, m: PeriodMention, byTimex: boolean): Verdict {
  if (REFS.has(t.value)) return m.timex === t.value && m.from === undefined ? 'right' : 'wrong';
  const span = timexSpan(t.value);
  if (!span) return 'unscored';
  if (byTimex) {
    const ours = m.timex ? timexSpan(m.timex) : null;
    return ours && ours.from === span.from && ours.to === span.to ? 'right' : 'wrong';
  }
  return m.from === isoDay(span.from) && m.to === isoDay(span.to) ? 'right' : 'wrong';
}

const prf = (tp: number, fp: number, fn: number): { p: number; r: number; f: number } => {
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const pct = (x: number): string => (100 * x).toFixed(1);
const context = (d: Doc, s: number, e: number): string =>
  `${d.text.slice(Math.max(0, s - 50), s)}[[${d.text.slice(s, e)}]]${d.text.slice(e, e + 30)}`.replace(/\s+/g, ' ');

export async function evaluate(dataDir: string): Promise<EvalResult | null> {
  const dir = join(dataDir, 'timeml', 'dev');
  if (!existsSync(dir)) return null;
  const docs: Doc[] = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Doc);
  const verbose = process.env.TIMEML_VERBOSE === '1';
  const show = verbose ? Infinity : 12;

  const date = { tp: 0, fp: 0, fn: 0 };
  const dur = { tp: 0, fp: 0, fn: 0 };
  let right = 0;
  let wrong = 0;
  let unscored = 0;
  let rightByTimex = 0;
  let durValue = 0;
  const missLines: string[] = [];
  const fpLines: string[] = [];
  const wrongLines: string[] = [];
  let chars = 0;
  let ms = 0;

  for (const d of docs) {
    const t0 = performance.now();
    const preds = findPeriods(d.text, { published: d.dct });
    ms += performance.now() - t0;
    chars += d.text.length;
    const det = detect(d.timexes, preds, 'DATE');
    date.tp += det.tp;
    date.fp += det.fp;
    date.fn += det.fn;
    for (const t of det.misses) missLines.push(`  miss ${d.doc} ${d.dct} ${t.value}: ${context(d, t.start, t.end)}`);
    for (const m of det.wrong) fpLines.push(`  extra ${d.doc} ${m.timex ?? ''}: ${context(d, m.start, m.end)}`);
    for (const [t, m] of det.pairs) {
      const v = resolution(t, m, false);
      if (v === 'unscored') {
        unscored++;
        continue;
      }
      if (resolution(t, m, true) === 'right') rightByTimex++;
      if (v === 'right') right++;
      else {
        wrong++;
        wrongLines.push(`  ${d.doc} dct ${d.dct} gold ${t.value} got ${m.from ?? '-'}..${m.to ?? '-'} (${m.timex ?? ''}): ${context(d, m.start, m.end)}`);
      }
    }
    const du = detect(d.timexes, preds, 'DURATION');
    dur.tp += du.tp;
    dur.fp += du.fp;
    dur.fn += du.fn;
    for (const [t, m] of du.pairs) if (m.duration === t.value) durValue++;
  }

  const D = prf(date.tp, date.fp, date.fn);
  const U = prf(dur.tp, dur.fp, dur.fn);
  const scored = right + wrong;
  const lines = [
    `${docs.length} documents, ${(chars / 1e6).toFixed(2)} MB, findPeriods ${(chars / 1e6 / (ms / 1000)).toFixed(1)} MB/s`,
    `DATE detection (overlap, one to one; predictions overlapping only non-DATE gold left out): P ${pct(D.p)}  R ${pct(D.r)}  F1 ${pct(D.f)}  (tp ${date.tp}, fp ${date.fp}, fn ${date.fn})`,
    `DATE resolution ([from,to] equals the gold interval): ${pct(right / Math.max(1, scored))}% of ${scored} matched (${unscored} gold values with unknown parts left out)`,
    `DATE resolution by timex interval (ignores part words, as TIMEX3 values do): ${pct(rightByTimex / Math.max(1, scored))}%`,
    `DURATION detection: P ${pct(U.p)}  R ${pct(U.r)}  F1 ${pct(U.f)}  (tp ${dur.tp}, fp ${dur.fp}, fn ${dur.fn}); value exact ${pct(durValue / Math.max(1, dur.tp))}%`,
    `missed DATEs (${missLines.length}):`,
    ...missLines.slice(0, show),
    `extra DATEs (${fpLines.length}):`,
    ...fpLines.slice(0, show),
    `wrong resolutions (${wrongLines.length}):`,
    ...wrongLines.slice(0, show),
  ];
  return {
    name: 'timeml',
    lines,
    metrics: {
      date_precision: D.p,
      date_recall: D.r,
      date_f1: D.f,
      date_resolution: right / Math.max(1, scored),
      date_resolution_timex: rightByTimex / Math.max(1, scored),
      duration_f1: U.f,
      mb_per_s: chars / 1e6 / (ms / 1000),
    },
  };
}
