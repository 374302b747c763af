/**
 * `internal-contradiction`: one article gives two different figures for one fact (same metric,
 * subject and period), in different sentences and on the same authority; a headline against its
 * own body counts.
 *
 * Conflicting pair (one article):
 *   title: "Clintons Report Earnings of $139 Million in Seven Years"
 *   body:  "released her most recent eight years of tax returns"
 *   body:  "pays roughly $42 for 100 million output tokens on DeepSeek V3.2" / "DeepSeek V3.2 at $1.10 per million output tokens"
 * Harmless pair (one article): a claim contrasted with the record, on another authority:
 *   "Mr. Bush said the Clintons paid 30 percent" / "their effective tax rate was 35.72 percent"
 *
 * Warning; error when both figures are unhedged and differ by more than 10%.
 */
import type { Claim } from '../../store/schema.js';
import { compareValues, comparableUnits, sideOf } from '../compare.js';
import { figureAt, nameArticle, whatOf } from '../describe.js';
import { COMPARED_CLASSES, clash } from '../group.js';
import { samePeriod, isLevel } from '../period.js';
import type { FindingDraft, Rule, RuleContext } from '../types.js';
import { isTimePer, parsePer, singular } from '../units.js';

/** Above this gap, two unhedged figures for one fact are an error. */
export const ERROR_GAP = 0.1;

const STOP = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'for', 'to', 'and', 'its', 'their', 'his', 'her', "'s"]);
const words = (s: string): Set<string> => new Set(s.toLowerCase().split(/[^a-z0-9']+/).filter((w) => w && !STOP.has(w)).map(singular));

/** Metric phrases name the same thing when one's words contain the other's ("taxes" and "federal taxes", not "federal" and "state taxes"). */
function sameMetricWords(a: Claim, b: Claim): boolean {
  if (!a.metric || !b.metric) return true;
  const wa = words(a.metric);
  const wb = words(b.metric);
  const [small, big] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  return [...small].every((w) => big.has(w));
}

const authority = (c: Claim): string => (c.speaker ?? c.organisation ?? c.attribution ?? '').toLowerCase().trim();

/**
 * A metric named only by the counted noun ("42 people", "one mile", "an 11-year-old"): one article
 * counts many different things in those words, so two of its figures are not one fact.
 */
export function bareCount(c: Claim): boolean {
  const key = c.metricKey ?? '';
  if (/[:/~]/.test(key)) return false;
  const unit = c.value?.unit ? singular(c.value.unit.toLowerCase()) : null;
  return unit !== null && (key === unit || key === c.value!.unit || words(c.metric ?? '').size <= 1);
}

/** Two claims of one article may contradict each other (not a contrast, a range or one series). */
function contradictable(a: Claim, b: Claim): boolean {
  if (a.start === b.start && a.end === b.end) return false;
  // "raised its price to $57.50 from $50": the value it moved from is an earlier one.
  if (a.earlier || b.earlier) return false;
  if (bareCount(a) || bareCount(b)) return false;
  // Without a named subject on both, two sentences may be about two people or two things ("held in
  // lieu of $70,000 bond" / "$516,000 bond"); a headline against its own body is the exception.
  const headlineAndBody = (a.block === 'title') !== (b.block === 'title');
  if (!headlineAndBody && (a.subjectKey === null || a.subjectKey !== b.subjectKey)) return false;
  // One figure dated and the other not: most often two years of one measure ("$1.865 million in 2014").
  if ((a.period === null) !== (b.period === null)) return false;
  if (a.series && b.series && a.series.id === b.series.id) return false;
  if (authority(a) !== authority(b)) return false;
  if (a.kind !== b.kind) return false;
  return sameMetricWords(a, b);
}

const where = (c: Claim): string => (c.block === 'title' ? 'the headline' : 'the text');

function draft(ctx: RuleContext, key: string, a: Claim, b: Claim): FindingDraft {
  const cmp = compareValues(sideOf(a), sideOf(b));
  const hedged = a.value!.approx || b.value!.approx;
  const [first, second] = a.block !== 'title' && b.block === 'title' ? [b, a] : [a, b];
  const info = ctx.articles.get(a.article);
  return {
    rule: 'internal-contradiction',
    severity: !hedged && cmp.gap > ERROR_GAP ? 'error' : 'warning',
    key: [key, info?.key ?? a.article],
    claims: [first, second],
    articles: [a.article],
    message:
      `${nameArticle(info, a.article)} gives ${figureAt(first)} in ${where(first)} and ${figureAt(second)} in ${where(second) === where(first) ? 'another sentence' : where(second)} ` +
      `for ${whatOf(first, second)}: one of them is wrong.`,
    actual: first.figure?.text ?? null,
    expected: second.figure?.text ?? null,
  };
}

const concept = (key: string): string => key.split(/[:/~]/)[0];

export const internalContradiction: Rule = {
  id: 'internal-contradiction',
  severity: 'warning',
  doc:
    'One article, one fact, two figures. Conflicting: headline "$139 Million in Seven Years" / body "eight years of tax returns". ' +
    'Harmless: "Mr. Bush said they paid 30 percent" / "their rate was 35.72 percent" (another authority).',
  run(ctx) {
    const out: FindingDraft[] = [];
    const reported = new Set<string>();
    for (const group of ctx.groups) {
      const found = new Set<string>();
      const n = Math.min(group.classes.length, COMPARED_CLASSES);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const x = group.classes[i];
          const y = group.classes[j];
          const shared = [...x.articles].filter((a) => y.articles.has(a) && !found.has(a));
          if (shared.length === 0 || !clash(x, y)) continue;
          for (const article of shared) {
            const pair = pairIn(x.claims.filter((c) => c.article === article), y.claims.filter((c) => c.article === article));
            if (!pair) continue;
            found.add(article);
            reported.add(pairKey(pair[0], pair[1]));
            out.push(draft(ctx, group.key, pair[0], pair[1]));
          }
        }
      }
    }
    // Rates of one subject read under neighbouring metric keys ("price:token", "price:output-token"):
    // the same money per the same thing, in one article.
    const rates = new Map<string, Claim[]>();
    for (const c of ctx.claims) {
      if (!isRate(c, ctx.subjectOf)) continue;
      const subject = ctx.subjectOf(c);
      const k = `${c.article}\u0001${subject}\u0001${concept(c.metricKey!)}`;
      if (!rates.has(k)) rates.set(k, []);
      rates.get(k)!.push(c);
    }
    for (const [k, list] of rates) {
      if (list.length < 2 || new Set(list.map((c) => c.metricKey)).size < 2) continue;
      const done = list.some((c) => out.some((f) => f.claims.includes(c)));
      if (done) continue;
      for (let i = 0; i < list.length; i++) {
        const hit = list.slice(i + 1).find((b) => {
          const a = list[i];
          if (a.metricKey === b.metricKey || reported.has(pairKey(a, b))) return false;
          if (a.period && b.period && !samePeriod(a.period, b.period, isLevel(a))) return false;
          const c = compareValues(sideOf(a), sideOf(b));
          return !c.agree && comparableUnits(c.units) && contradictable(a, b);
        });
        if (hit) {
          out.push(draft(ctx, `rate|${k.split('\u0001').slice(1).join('|')}`, list[i], hit));
          break;
        }
      }
    }
    return out;
  },
};

/** A rate this rule compares with the article's other rates of its subject: money per a thing, not per a time. */
export function isRate(c: Claim, subjectOf: (c: Claim) => string | null): boolean {
  if (c.kind !== 'figure' || !c.value || !c.metricKey || !c.value.per || !/^[A-Z]{3}$/.test(c.value.unit ?? '')) return false;
  return subjectOf(c) !== null && !isTimePer(parsePer(c.value.per));
}

const pairKey = (a: Claim, b: Claim): string => [a.id, b.id].sort().join('|');

/** The first pair of claims, one from each list, that may contradict each other. */
function pairIn(xs: Claim[], ys: Claim[]): [Claim, Claim] | null {
  for (const a of xs) {
    for (const b of ys) {
      if (!contradictable(a, b)) continue;
      const c = compareValues(sideOf(a), sideOf(b));
      if (!c.agree && comparableUnits(c.units)) return a.start <= b.start ? [a, b] : [b, a];
    }
  }
  return null;
}
