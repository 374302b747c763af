/**
 * The provenance chain of a claim (article → cited source → the source it cites → the original
 * speaker and event) on real articles, and its W3C PROV-JSON export checked by the zod schema.
 */
import { describe, expect, it } from 'vitest';
import { linkArticle } from '../../src/link/index.js';
import { provDocumentSchema, toProvJson } from '../../src/link/prov-json.js';
import { provenanceChain, renderChain } from '../../src/link/provenance.js';
import type { Claim, Report, Source } from '../../src/store/schema.js';
import { claimAt, readFile } from './factory.js';

const T140 = { min: 1.4e14, unit: 'token', bound: 'lower' as const };

function article(path: string, id: string, make: (r: ReturnType<typeof readFile>) => Claim[]) {
  const r = readFile(path);
  return { id, path, ...linkArticle(r, id, make(r)) };
}

// Seed 000 names the speaker and the event; seed 001 names neither in its sentence but cites China
// News Service, whose headline names Liu Liehong; the chain fixture cites "Sina Finance, citing Yicai, which cited Xinhua".
const a000 = article('sources/articles/000_3eecd60057be17cf.txt', 'a-000', (r) => [
  claimAt(r, 'a-000', '140 trillion', T140, { speaker: 'Liu Liehong', organisation: 'National Data Bureau' }),
  claimAt(r, 'a-000', 'At the China Development Forum 2026', null, {
    kind: 'event',
    event: { type: 'statement', actor: 'Liu Liehong', place: 'China Development Forum' },
    period: { start: '2026-03-23', end: '2026-03-23', text: 'March 23' },
  }),
]);
const a001 = article('sources/articles/001_ed238e00289bd11f.txt', 'a-001', (r) => [claimAt(r, 'a-001', '140 trillion', T140)]);
const chain = article('test/fixtures/link/cases/chain/article.txt', 'a-chain', (r) => [claimAt(r, 'a-chain', '5% in May', { min: 5, unit: '%' })]);
const parts = [a000, a001, chain];

const report: Report = {
  version: 1,
  articles: parts.map((p) => ({ id: p.id, path: p.path, title: null, outlet: null, published: p.id === 'a-000' ? '2026-03-23' : null })),
  claims: parts.flatMap((p) => p.claims),
  sources: parts.flatMap((p) => p.sources),
  groups: [
    { id: 'g-140', claims: [a000.claims[0].id, a001.claims[0].id], articles: ['a-000', 'a-001'], status: 'corroborated', subject: 'China', metric: 'daily token usage', period: null, origins: 1 },
    { id: 'g-5', claims: [chain.claims[0].id], articles: ['a-chain'], status: 'single-source', subject: null, metric: 'exports', period: null, origins: 1 },
  ],
  findings: [],
};
const names = (path: Source[]) => path.map((s) => s.name);

describe('provenanceChain', () => {
  it('follows "X, citing Y, which cited Z" to the end', () => {
    const c = provenanceChain(chain.claims[0].id, report);
    // The claim is linked to all three; Yicai's and Xinhua's own paths are tails of Sina Finance's.
    expect(chain.claims[0].sources).toHaveLength(3);
    expect(c?.paths.map(names)).toEqual([['Sina Finance', 'Yicai', 'Xinhua']]);
    expect(renderChain(c!, 'text')).toContain('1. Sina Finance (named) → citing Yicai (named) → citing Xinhua (named)');
  });

  it('traces seed 001 through China News Service to Liu Liehong at the China Development Forum, March 23', () => {
    const c = provenanceChain(a001.claims[0].id, report)!;
    expect(c.paths.map(names)).toEqual([['China News Service']]);
    expect(c.origin).toEqual({
      speaker: 'Liu Liehong',
      organisation: 'National Data Bureau',
      event: 'statement at China Development Forum, 2026-03-23',
      date: '2026-03-23',
      from: { claim: a000.claims[0].id, why: "speaker from the cited page's headline, the rest as stated in" },
    });
    expect(c.origins).toHaveLength(1);
    expect(c.related.map((r) => r.claim.id)).toEqual([a000.claims[0].id]);
    expect(c.firstReported?.id).toBe('a-000');
    expect(renderChain(c, 'text')).toContain('Origin: Liu Liehong, National Data Bureau — statement at China Development Forum, 2026-03-23');
  });

  it('states the origin of a claim that names it', () => {
    expect(provenanceChain(a000.claims[0].id, report)?.origin).toMatchObject({ speaker: 'Liu Liehong', event: 'statement at China Development Forum, 2026-03-23', from: null });
  });

  it('renders Markdown through remark, the same bytes each time', () => {
    const c = provenanceChain(a001.claims[0].id, report)!;
    const md = renderChain(c, 'markdown');
    expect(md.startsWith(`## Provenance of \`${a001.claims[0].id}\`\n`)).toBe(true);
    expect(md).toContain('[China News Service](https://www.chinanews.com.cn/cj/2026/03-23/10591500.shtml)');
    expect(renderChain(provenanceChain(a001.claims[0].id, report)!, 'markdown')).toBe(md);
  });

  it('is null for an unknown claim', () => {
    expect(provenanceChain('c-nothing', report)).toBeNull();
  });
});

describe('PROV-JSON export', () => {
  const doc = toProvJson(provenanceChain(a001.claims[0].id, report)!.graph);
  const relations = (kind: 'wasDerivedFrom' | 'wasAttributedTo' | 'wasGeneratedBy' | 'actedOnBehalfOf') => Object.values(doc[kind] ?? {});
  const typed = (t: string) => relations('wasDerivedFrom').filter((r) => (r['prov:type'] as { $: string } | undefined)?.$ === t);

  it('passes its schema', () => {
    expect(provDocumentSchema.safeParse(JSON.parse(JSON.stringify(doc))).success).toBe(true);
  });

  it('derives the claim from the article and quotes the cited source (wasQuotedFrom)', () => {
    const claim = `ct:${a001.claims[0].id}`;
    expect(relations('wasDerivedFrom')).toContainEqual({ 'prov:generatedEntity': claim, 'prov:usedEntity': 'ct:a-001', 'prov:label': 'read from the article' });
    expect(typed('prov:Quotation').map((r) => r['prov:generatedEntity'])).toContain(claim);
  });

  it("gives the cited page's primary source (hadPrimarySource): Liu Liehong's statement, generated by the forum", () => {
    const cns = a001.sources.find((s) => s.name === 'China News Service')!;
    expect(typed('prov:PrimarySource').map((r) => [r['prov:generatedEntity'], r['prov:usedEntity']])).toContainEqual([`ct:${cns.id}`, 'ct:person-liu-liehong-statement']);
    expect(relations('wasAttributedTo')).toContainEqual({ 'prov:entity': 'ct:person-liu-liehong-statement', 'prov:agent': 'ct:person-liu-liehong' });
    expect(relations('wasGeneratedBy')).toHaveLength(1);
    expect(doc.activity?.[relations('wasGeneratedBy')[0]['prov:activity'] as string]?.['prov:label']).toBe('statement at China Development Forum, 2026-03-23');
    expect(relations('actedOnBehalfOf')).toContainEqual({ 'prov:delegate': 'ct:person-liu-liehong', 'prov:responsible': 'ct:organisation-national-data-administration' });
  });

  const broken: Array<[string, unknown]> = [
    ['a relation to an undeclared entity', { prefix: { ct: 'https://claimtrace.dev/ns#' }, entity: { 'ct:a': {} }, wasDerivedFrom: { '_:d1': { 'prov:generatedEntity': 'ct:a', 'prov:usedEntity': 'ct:b' } } }],
    ['an undeclared prefix', { prefix: { ct: 'https://claimtrace.dev/ns#' }, entity: { 'ex:a': {} } }],
    ['a derivation without its used entity', { prefix: { ct: 'https://claimtrace.dev/ns#' }, entity: { 'ct:a': {} }, wasDerivedFrom: { '_:d1': { 'prov:generatedEntity': 'ct:a' } } }],
    ['an attribute without a prefix', { prefix: { ct: 'https://claimtrace.dev/ns#' }, entity: { 'ct:a': { label: 'x' } } }],
    ['a prefix that is no URL', { prefix: { ct: 'claimtrace' } }],
  ];
  it.each(broken)('the schema refuses %s', (_what, bad) => {
    expect(provDocumentSchema.safeParse(bad).success).toBe(false);
  });
});
