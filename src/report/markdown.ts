/**
 * The Markdown report for editors, built as an mdast tree and serialised by remark-stringify with
 * remark-gfm (tables), never glued from strings. The same report gives the same bytes: nothing in
 * it depends on the clock or the machine. Each section is a small function of the report.
 */
import type { BlockContent, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { ArticleRecord, Claim, ClaimValue, Finding, Report } from '../store/schema.js';

// ---------------------------------------------------------------------------------------------
// Tree builders

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const heading = (depth: Heading['depth'], ...children: PhrasingContent[]): Heading => ({ type: 'heading', depth, children });
const item = (...children: BlockContent[]): ListItem => ({ type: 'listItem', spread: false, children });
const list = (items: ListItem[], ordered = false): List => ({ type: 'list', ordered, spread: false, children: items });
const cell = (...children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });
const row = (cells: TableCell[]): TableRow => ({ type: 'tableRow', children: cells });

/** A GFM table: a header row of strings, then rows of cells (strings are plain text). */
function table(header: string[], rows: Array<Array<string | PhrasingContent[]>>): Table {
  const toCell = (c: string | PhrasingContent[]): TableCell => (typeof c === 'string' ? cell(text(c)) : cell(...c));
  return { type: 'table', align: header.map(() => null), children: [row(header.map((h) => cell(text(h)))), ...rows.map((r) => row(r.map(toCell)))] };
}

// ---------------------------------------------------------------------------------------------
// Words for values

const SCALES: Array<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];
const CURRENCY: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: '¥' };

/** Digits with thousands separators, at most three decimals, the same on every machine. */
function digits(n: number): string {
  const [whole, frac] = (+n.toFixed(3)).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** A number as an editor writes it: 1.4e14 → "140 trillion", 40 → "40". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  for (const [scale, word] of SCALES) if (abs >= scale) return `${digits(+(n / scale).toPrecision(4))} ${word}`;
  return digits(n);
}

function amount(n: number, unit: string | null): string {
  const num = formatNumber(n);
  if (unit === null) return num;
  if (CURRENCY[unit]) return `${CURRENCY[unit]}${num}`;
  if (/^[A-Z]{3}$/.test(unit)) return `${unit} ${num}`;
  if (unit === '%') return `${num}%`;
  if (unit === 'x') return `${num}x`;
  if (unit === 'pp') return `${num} percentage points`;
  const plural = n !== 1 && /^[a-z][a-z ]*[^s]$/.test(unit) ? 's' : '';
  return `${num} ${unit}${plural}`;
}

/** A claim's value in words: "over 140 trillion tokens per day", "$2.1 billion–$21.1 billion". */
export function formatValue(v: ClaimValue): string {
  const body = v.min === v.max ? amount(v.min, v.unit) : `${amount(v.min, v.unit)}–${amount(v.max, v.unit)}`;
  const bound = v.bound === 'lower' ? 'over ' : v.bound === 'upper' ? 'up to ' : '';
  const approx = v.approx ? 'about ' : '';
  return `${approx}${bound}${body}${v.per ? ` per ${v.per}` : ''}`;
}

/** What a claim says, briefly: its value, else its period. */
const claimGist = (c: Claim): string => (c.value ? formatValue(c.value) : c.period ? c.period.text : c.quote);

// ---------------------------------------------------------------------------------------------
// Sections

interface Context {
  report: Report;
  records: Map<string, ArticleRecord>;
  articles: Map<string, Report['articles'][number]>;
  claims: Map<string, Claim>;
}

const context = (report: Report, records: ArticleRecord[]): Context => ({
  report,
  records: new Map(records.map((r) => [r.id, r])),
  articles: new Map(report.articles.map((a) => [a.id, a])),
  claims: new Map(report.claims.map((c) => [c.id, c])),
});

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const SEVERITIES: Finding['severity'][] = ['error', 'warning', 'info'];

/** Counts an editor reads first: articles, outlets, claims, groups, findings by severity. */
export function summarySection(report: Report): RootContent[] {
  const outlets = new Set(report.articles.map((a) => a.outlet).filter((o): o is string => o !== null));
  const noOutlet = report.articles.filter((a) => a.outlet === null).length;
  const byStatus = (s: string): number => report.groups.filter((g) => g.status === s).length;
  const bySeverity = SEVERITIES.map((s) => plural(report.findings.filter((f) => f.severity === s).length, s === 'info' ? 'note' : s));
  const open = report.findings.filter((f) => f.review.status === 'open').length;
  return [
    heading(2, text('Summary')),
    list([
      item(paragraph(strong('Articles:'), text(` ${report.articles.length} from ${plural(outlets.size, 'outlet')}${noOutlet ? ` (${noOutlet} without a known outlet)` : ''}`))),
      item(paragraph(strong('Claims:'), text(` ${report.claims.length}, citing ${plural(report.sources.length, 'source')}`))),
      item(
        paragraph(
          strong('Claim groups:'),
          text(` ${report.groups.length} (${byStatus('conflicting')} conflicting, ${byStatus('corroborated')} corroborated, ${byStatus('single-source')} single-source)`),
        ),
      ),
      item(paragraph(strong('Findings:'), text(` ${bySeverity.join(', ')}; ${open} open`))),
    ]),
  ];
}

/** Where a claim stands: "Outlet, 2026-03-23, `path:line`". */
function claimPlace(ctx: Context, c: Claim): PhrasingContent[] {
  const a = ctx.articles.get(c.article);
  const who = [a?.outlet ?? 'unknown outlet', a?.published ?? 'undated'].join(', ');
  return [text(`${who}, `), code(`${a?.path ?? c.article}:${c.line}`)];
}

/** One finding: message, then each claim's quote with its place, then rule and id. */
function findingBlock(ctx: Context, f: Finding, n: number): RootContent[] {
  const claims = f.claims.map((id) => ctx.claims.get(id)).filter((c): c is Claim => c !== undefined);
  const facts: PhrasingContent[] = [text('Rule '), code(f.rule), text(', finding '), code(f.id), text(`, review: ${f.review.status}`)];
  if (f.review.by) facts.push(text(` by ${f.review.by}`));
  if (f.review.reason) facts.push(text(` (${f.review.reason})`));
  if (f.reopened) facts.push(text(`; reopened: ${f.reopened}`));
  const blocks: RootContent[] = [heading(3, text(`${n}. ${f.severity.toUpperCase()}: ${f.message}`))];
  if (f.actual !== null || f.expected !== null) {
    blocks.push(paragraph(strong('Found:'), text(` ${f.actual ?? '–'}; `), strong('expected:'), text(` ${f.expected ?? '–'}`)));
  }
  blocks.push(
    list(
      claims.map((c) =>
        item(paragraph(text(`${claimGist(c)}: “${c.quote.replace(/\s+/g, ' ').trim()}” (`), ...claimPlace(ctx, c), text(')'))),
      ),
    ),
    paragraph(...facts),
  );
  return blocks;
}

/** The findings, most severe first (the report's order). */
export function discrepanciesSection(report: Report, records: ArticleRecord[] = []): RootContent[] {
  const ctx = context(report, records);
  const blocks: RootContent[] = [heading(2, text('Discrepancies'))];
  if (report.findings.length === 0) return [...blocks, paragraph(text('No findings.'))];
  report.findings.forEach((f, i) => blocks.push(...findingBlock(ctx, f, i + 1)));
  return blocks;
}

/** Groups seen in more than one article, as a table; single-source groups are counted. */
export function groupsSection(report: Report): RootContent[] {
  const ctx = context(report, []);
  const shared = report.groups.filter((g) => g.status !== 'single-source');
  const single = report.groups.length - shared.length;
  const blocks: RootContent[] = [heading(2, text('Claim groups'))];
  if (shared.length > 0) {
    blocks.push(
      table(
        ['Group', 'Status', 'Subject', 'Metric', 'Period', 'Values', 'Articles'],
        shared.map((g) => {
          const values = [...new Set(g.claims.map((id) => ctx.claims.get(id)).filter((c): c is Claim => !!c?.value).map((c) => formatValue(c.value!)))];
          return [
            [code(g.id)],
            g.status,
            g.subject ?? '–',
            g.metric ?? '–',
            g.period ? `${g.period.text} (${g.period.start}–${g.period.end})` : '–',
            values.join('; ') || '–',
            String(g.articles.length),
          ];
        }),
      ),
    );
  } else blocks.push(paragraph(text('No claim is reported by more than one article.')));
  if (single > 0) blocks.push(paragraph(text(`${plural(single, 'other group')} rest on a single source.`)));
  return blocks;
}

const ORIGIN_FIELDS = ['title', 'outlet', 'author', 'published', 'url'] as const;

/** Per article: its metadata and where each field came from (declared or inferred, and how). */
export function appendixSection(report: Report, records: ArticleRecord[]): RootContent[] {
  const ctx = context(report, records);
  const blocks: RootContent[] = [heading(2, text('Articles'))];
  for (const a of report.articles) {
    const r = ctx.records.get(a.id);
    blocks.push(heading(3, text(a.title ?? a.path)));
    const rows: Array<Array<string | PhrasingContent[]>> = [
      ['file', [code(a.path)], '–'],
      ['id', [code(a.id)], '–'],
    ];
    for (const field of ORIGIN_FIELDS) {
      const m = r?.[field] ?? null;
      rows.push([field, m ? m.value : '–', m ? `${m.origin}: ${m.how}` : 'unknown']);
    }
    if (r) rows.push(['claims', String(r.claimCount), '–'], ['sources', String(r.sourceCount), '–']);
    blocks.push(table(['Field', 'Value', 'Origin'], rows));
    if (r && r.notes.length > 0) blocks.push(list(r.notes.map((note) => item(paragraph(text(note))))));
  }
  return blocks;
}

/** A metadata value with where it came from: "Yicai (inferred: dateline)". */
const withOrigin = (m: ArticleRecord['title']): string => (m ? `${m.value} (${m.origin}: ${m.how})` : '–');

/** The articles a store holds, one row each, every metadata value with its origin. */
export function articlesSection(records: ArticleRecord[]): RootContent[] {
  if (records.length === 0) return [paragraph(text('The store holds no articles.'))];
  return [
    table(
      ['Article', 'File', 'Title', 'Outlet', 'Published', 'Author', 'URL', 'Claims', 'Sources'],
      records.map((r) => [
        [code(r.id)],
        [code(r.path)],
        withOrigin(r.title),
        withOrigin(r.outlet),
        withOrigin(r.published),
        withOrigin(r.author),
        withOrigin(r.url),
        String(r.claimCount),
        String(r.sourceCount),
      ]),
    ),
  ];
}

/** Serialise an mdast tree as GFM Markdown, the same way for every output of the tool. */
export function toMarkdown(tree: Root): string {
  return unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, listItemIndent: 'one', rule: '-' })
    .stringify(tree);
}

/** The whole report as an mdast tree. */
export function reportTree(report: Report, records: ArticleRecord[] = []): Root {
  return {
    type: 'root',
    children: [
      heading(1, text('claimtrace report')),
      ...summarySection(report),
      ...discrepanciesSection(report, records),
      ...groupsSection(report),
      ...appendixSection(report, records),
    ],
  };
}

/** The report as Markdown (GFM). */
export function renderMarkdown(report: Report, records: ArticleRecord[] = []): string {
  return toMarkdown(reportTree(report, records));
}
