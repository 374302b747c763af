/**
 * `arithmetic`: a stated change or ratio that the figures it relates do not support: the
 * article's own figures when the change names them ("up 40 percent from 100 trillion"), else the
 * figures the articles agree on for the two ends of its period.
 *
 * Conflicting pair:
 *   "up 40 percent from 100 trillion at the end of last year" / "140 trillion" read as "up 60 percent"
 *   "a 1,000-fold increase" / from 100 billion to 2 trillion (20x)
 * Harmless pair:
 *   "up 40 percent from 100 trillion" / "140 trillion"
 *   "a 1,000-fold increase" / from 100 billion to 140 trillion (1,400x: a round multiplier is "on the order of")
 *
 * Warning. Figures of one metric read as two figures (a price per 100 million and a price per
 * million) are `internal-contradiction`'s; this rule reads only stated changes.
 */
import type { Claim } from '../../store/schema.js';
import { admitted, comparableUnits, compareValues, overlaps, sideOf, type Interval } from '../compare.js';
import { figureAt, formatNumber, nameArticle, quoteFigure } from '../describe.js';
import { periodBucket } from '../period.js';
import type { FindingDraft, Rule, RuleContext } from '../types.js';

/** "1,000-fold", "100 times", "tenfold": a round multiplier of ten or more reads as an order of magnitude. */
const ROUND_LOW = 0.9;
const ROUND_HIGH = 2;

const baseMetric = (key: string): string => key.replace(/~change$/, '');
const contains = (c: Claim, day: string): boolean => c.period !== null && c.period.start <= day && day <= c.period.end;

/** The figures a change relates: named by the extractor, else found for the ends of its period. */
function endsOf(ctx: RuleContext, c: Claim): { from: Claim; to: Claim; own: boolean } | null {
  const from = c.change?.from ? ctx.byId.get(c.change.from) ?? null : null;
  const to = c.change?.to ? ctx.byId.get(c.change.to) ?? null : null;
  if (from && to) return { from, to, own: true };
  if (!c.period || !c.metricKey) return null;
  const metric = baseMetric(c.metricKey);
  const subject = ctx.subjectOf(c);
  const fits = (x: Claim, day: string): boolean =>
    x.kind === 'figure' && x.metricKey === metric && x.value !== null && ctx.subjectOf(x) === subject && contains(x, day);
  const own = ctx.claims.filter((x) => x.article === c.article);
  const f = from ?? own.find((x) => fits(x, c.period!.start)) ?? agreed(ctx, (x) => fits(x, c.period!.start));
  const t = to ?? own.find((x) => fits(x, c.period!.end)) ?? agreed(ctx, (x) => fits(x, c.period!.end));
  if (!f || !t) return null;
  return { from: f, to: t, own: f.article === c.article && t.article === c.article };
}

/** The figure most articles give among those that fit. */
function agreed(ctx: RuleContext, fits: (c: Claim) => boolean): Claim | null {
  for (const g of ctx.groups) {
    const k = g.classes[0];
    if (g.group.articles.length >= 2 && k.articles.size >= 2 && k.claims.some(fits)) return k.claims.find(fits)!;
  }
  return null;
}

/** The ratio a change states, as an interval. */
function statedRatio(c: Claim, up: boolean): Interval {
  const v = c.value!;
  const written = (c.figure?.text ?? '').match(/\d[\d,]*(?:\.\d+)?/)?.[0]?.replace(/,/g, '') ?? String(v.min);
  if (v.unit === 'x' && v.min === v.max && v.bound === null && v.min >= 10 && /^[1-9]0+$/.test(written)) {
    return { lo: v.min * ROUND_LOW, hi: v.min * ROUND_HIGH };
  }
  const span = admitted(sideOf(c), 'round');
  if (v.unit === 'x') return up ? span : { lo: 1 / span.hi, hi: 1 / span.lo };
  return up ? { lo: 1 + span.lo / 100, hi: 1 + span.hi / 100 } : { lo: 1 - span.hi / 100, hi: 1 - span.lo / 100 };
}

function describeRatio(r: number, unit: string): string {
  if (unit === 'x') return `${formatNumber(+r.toPrecision(3))}x`;
  const pct = (r - 1) * 100;
  return `${pct >= 0 ? '+' : ''}${formatNumber(+pct.toPrecision(3))}%`;
}

export const arithmetic: Rule = {
  id: 'arithmetic',
  severity: 'warning',
  doc:
    'A stated change or ratio the figures do not support. Conflicting: "up 40 percent" from 100 trillion to 160 trillion. ' +
    'Harmless: "up 40 percent from 100 trillion" to 140 trillion; "1,000-fold" from 100 billion to 140 trillion.',
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const c of ctx.claims) {
      if (c.kind !== 'change' || !c.value || (c.value.unit !== '%' && c.value.unit !== 'x')) continue;
      const ends = endsOf(ctx, c);
      if (!ends) continue;
      const { from, to } = ends;
      if (from === to || !from.value || !to.value || from.metricKey !== to.metricKey) continue;
      if (!comparableUnits(compareValues(sideOf(from), sideOf(to)).units)) continue;
      if (from.period && to.period && from.period.start > to.period.start) continue;
      const f = admitted(sideOf(from), 'round');
      const t = admitted(sideOf(to), 'round');
      if (!(f.lo > 0) || !Number.isFinite(f.hi)) continue;
      const actual: Interval = { lo: t.lo / f.hi, hi: t.hi / f.lo };
      const exact = (to.value.min + to.value.max) / (from.value.min + from.value.max);
      const up = c.change?.direction === 'down' ? false : c.change?.direction === 'up' ? true : exact >= 1;
      if (overlaps(statedRatio(c, up), actual)) continue;
      const info = ctx.articles.get(c.article);
      const whose = ends.own ? 'its own figures' : 'the figures the articles agree on';
      out.push({
        rule: 'arithmetic',
        severity: 'warning',
        key: [c.metricKey ?? '', ctx.subjectOf(c) ?? '', periodBucket(c.period), c.change?.direction ?? '', info?.key ?? c.article],
        claims: [c, from, to],
        articles: [...new Set([c.article, from.article, to.article])],
        message:
          `${nameArticle(info, c.article)} states ${quoteFigure(c)}, but ${whose}, ${figureAt(from)} to ${figureAt(to)}, ` +
          `give ${describeRatio(exact, c.value.unit)}: check the change or the figures.`,
        actual: c.figure?.text ?? null,
        expected: describeRatio(exact, c.value.unit),
      });
    }
    return out;
  },
};
