/**
 * The disputed series of a report, ready to chart: for each metric (subject, metric, unit) that a
 * finding of error or warning severity or a conflicting group involves, every claim of that metric
 * with a value and a period, the claims that stand apart marked as conflicting.
 */
import type { Claim, Finding, Report } from '../store/schema.js';
import type { ChartPoint } from './chart.js';
import { articleName, reportContext, type ReportContext } from './context.js';
import { formatValue, plural } from './format.js';
import { standingApart } from './sides.js';

export interface Series {
  key: string;
  /** A file name stem: "china-daily-token-usage". */
  slug: string;
  title: string;
  axis: string;
  points: ChartPoint[];
  /** The claims charted, in the order of `points`. */
  claims: string[];
  /** One sentence under the chart: what is highlighted, what could not be placed. */
  caption: string;
}

/**
 * A claim's series: subject, metric key and unit; null without a value. The subject is the claim's
 * own, else its group's, else that of the article's other claims of the same metric.
 */
function seriesKeyOf(ctx: ReportContext): (c: Claim) => string | null {
  const metricOf = (c: Claim): string | null => c.metricKey ?? c.metric;
  const subjectOf = (c: Claim): string | null => c.subjectKey ?? ctx.groupOf.get(c.id)?.subject?.toLowerCase() ?? null;
  const byArticle = new Map<string, string>();
  for (const c of ctx.report.claims) {
    const subject = subjectOf(c);
    const at = `${c.article}|${metricOf(c)}`;
    if (subject && !byArticle.has(at)) byArticle.set(at, subject);
  }
  return (c) => {
    const metric = metricOf(c);
    if (!c.value || !metric) return null;
    return `${subjectOf(c) ?? byArticle.get(`${c.article}|${metric}`) ?? ''}|${metric}|${c.value.unit ?? ''}`;
  };
}

/** The claims a finding says are off: those whose figure is its `actual`, else the sides that stand apart. */
export function apartIn(f: Finding | null, claims: Claim[]): Set<string> {
  const actual = f?.actual?.trim().toLowerCase();
  if (actual) {
    const hit = claims.filter((c) => c.figure?.text.trim().toLowerCase() === actual);
    if (hit.length > 0) return new Set(hit.map((c) => c.id));
    if (f?.claims.some((id) => !claims.some((c) => c.id === id))) return new Set();
  }
  return standingApart(claims);
}

const slugOf = (title: string): string =>
  title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'series';

/** The disputed series, in the order of the first finding or group that disputes each. */
export function disputedSeries(report: Report): Series[] {
  const ctx = reportContext(report);
  const seriesKey = seriesKeyOf(ctx);
  const apart = new Map<string, Set<string>>();
  const dispute = (f: Finding | null, claims: Claim[]) => {
    const byKey = new Map<string, Claim[]>();
    for (const c of claims) {
      const key = seriesKey(c);
      if (key) (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(c);
    }
    for (const [key, cs] of byKey) {
      const set = apart.get(key) ?? new Set<string>();
      for (const id of apartIn(f, cs)) set.add(id);
      apart.set(key, set);
    }
  };
  const claimsOf = (ids: string[]) => ids.map((id) => ctx.claims.get(id)).filter((c): c is Claim => c !== undefined);
  for (const f of report.findings) if (f.severity !== 'info') dispute(f, claimsOf(f.claims));
  for (const g of report.groups) if (g.status === 'conflicting') dispute(null, claimsOf(g.claims));

  // Every claim of each disputed series, read in one pass over the report's claims.
  const members = new Map<string, Claim[]>([...apart.keys()].map((key) => [key, []]));
  for (const c of report.claims) {
    const key = seriesKey(c);
    if (key !== null) members.get(key)?.push(c);
  }
  const slugs = new Set<string>();
  const titles = new Set<string>();
  const out: Series[] = [];
  for (const [key, conflicting] of apart) {
    const claims = members.get(key)!;
    const placed = claims.filter((c) => c.period !== null);
    const values = new Set(placed.map((c) => `${c.value!.min}/${c.value!.max}`));
    if (placed.length < 2 || values.size < 2 || !placed.some((c) => conflicting.has(c.id))) continue;
    // Named after the largest group among its claims.
    const first = placed.reduce((best, c) => ((ctx.groupOf.get(c.id)?.articles.length ?? 0) > (ctx.groupOf.get(best.id)?.articles.length ?? 0) ? c : best));
    const group = ctx.groupOf.get(first.id);
    const v = first.value!;
    const metric = group?.metric ?? first.metric ?? first.metricKey ?? 'value';
    const subject = group?.subject ?? first.subject;
    const unit = [v.unit, v.per && `per ${v.per}`].filter(Boolean).join(' ') || 'value';
    const named = subject && !metric.toLowerCase().includes(subject.toLowerCase()) ? `${subject}: ${metric}` : metric;
    const title = titles.has(named) ? `${named} (${unit})` : named;
    titles.add(title);
    let slug = slugOf(title);
    for (let n = 2; slugs.has(slug); n++) slug = `${slugOf(title)}-${n}`;
    slugs.add(slug);
    const points: ChartPoint[] = placed.map((c) => ({
      label: articleName(ctx, c.article),
      start: c.period!.start,
      end: c.period!.end,
      value: (c.value!.min + c.value!.max) / 2,
      figure: formatValue({ ...c.value!, unit: null, per: null, approx: false }),
      conflicting: conflicting.has(c.id),
    }));
    const names = [...new Set(placed.filter((c) => conflicting.has(c.id)).map((c) => `${articleName(ctx, c.article)} (${formatValue({ ...c.value!, per: null })}, ${c.period!.text})`))];
    const unplaced = claims.length - placed.length;
    const caption =
      `${plural(placed.length, 'figure')} from ${plural(new Set(placed.map((c) => c.article)).size, 'article')}` +
      (names.length > 0 ? `; in conflict: ${names.join('; ')}` : '') +
      (unplaced > 0 ? `; ${plural(unplaced, 'figure')} without a period not shown` : '') +
      '.';
    out.push({ key, slug, title, axis: unit, points, claims: placed.map((c) => c.id), caption });
  }
  return out;
}
