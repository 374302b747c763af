import { it } from 'vitest';
import { linkArticle } from '../../src/link/index.js';
import { claimAt, readFile } from './factory.js';
it('scratch', () => {
  const r = readFile('sources/articles/001_ed238e00289bd11f.txt');
  const claims = [
    claimAt(r, 'a1', '140 trillion', { min: 1.4e14, unit: 'token' }),
    claimAt(r, 'a1', '100 billion', { min: 1e11, unit: 'token' }, {}, 1),
    claimAt(r, 'a1', '80%', { min: 80, unit: '%' }),
    claimAt(r, 'a1', '20 days', { min: 20, unit: 'day' }),
    claimAt(r, 'a1', '2026 as a', null),
    claimAt(r, 'a1', 'three orders', { min: 1000, unit: 'x' }),
  ];
  const res = linkArticle(r, 'a1', claims);
  for (const s of res.sources) console.log(s.id, s.kind, s.name, s.url, s.via, s.start, s.end, JSON.stringify(r.source.slice(s.start, s.end)).slice(0, 80));
  for (const l of res.links) console.log(l.claim, l.source, l.reason, l.score, l.evidence);
});
