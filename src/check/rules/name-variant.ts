/**
 * `name-variant`: one entity under different names across articles (the alias file resolves them
 * to one canonical key), and one person under different titles. Reported once per variant, naming
 * the variant as written and the form the other articles use.
 *
 * Reported (info):
 *   A: "Liu Liehong, head of the National Data Bureau"   B: "Liu Liehong, head of the National Data Administration"
 *   A: "Liu Liehong, head of the ..."                    B: "Liu Liehong, director of the ..."
 * Not reported (an acronym, a shorter form, case or word order):
 *   A: "the National Data Administration (NDA)"          B: "the NDA"
 *   A: "Liu Liehong"                                     B: "Liu"
 *   A: "'Data Value Release Year'"                       B: "'data value release year'"
 */
import type { Claim } from '../../store/schema.js';
import { nameArticles, verb } from '../describe.js';
import { cmp } from '../hash.js';
import type { FindingDraft, Rule, RuleContext } from '../types.js';
import { singular } from '../units.js';

const STOP = new Set(['the', 'of', 'for', 'and', 'a', 'an', '&']);
const formKey = (text: string): string =>
  text.toLowerCase().replace(/['’]s$/, '').replace(/^the\s+/, '').replace(/[^a-z0-9&]+/g, ' ').trim();
const wordsOf = (key: string): string[] => key.split(' ').filter((w) => w && !STOP.has(w)).map(singular);

/** An acronym or abbreviation ("NDA", "U.S."): a short form, not a variant. */
const isAcronym = (text: string): boolean => !/[a-z]/.test(text) || /^([A-Za-z]\.)+$/.test(text.replace(/\s+/g, ''));

/** One form's words contained in the other's, or the same words in another order. */
function harmless(a: string, b: string): boolean {
  const wa = new Set(wordsOf(a));
  const wb = new Set(wordsOf(b));
  const [small, big] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  return [...small].every((w) => big.has(w));
}

interface Form {
  key: string;
  /** As written, the most frequent spelling. */
  text: string;
  claims: Claim[];
  articles: Set<string>;
}

function mostWritten(spellings: Map<string, number>): string {
  return [...spellings.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0][0];
}

/** Forms of each canonical entity (or each speaker's titles) across articles. */
function collect(ctx: RuleContext, read: (c: Claim) => Array<{ canonical: string; text: string }>): Map<string, Form[]> {
  const raw = new Map<string, Map<string, { spellings: Map<string, number>; claims: Claim[]; articles: Set<string> }>>();
  for (const c of ctx.claims) {
    for (const { canonical, text } of read(c)) {
      const key = formKey(text);
      if (!key) continue;
      if (!raw.has(canonical)) raw.set(canonical, new Map());
      const forms = raw.get(canonical)!;
      if (!forms.has(key)) forms.set(key, { spellings: new Map(), claims: [], articles: new Set() });
      const f = forms.get(key)!;
      f.spellings.set(text, (f.spellings.get(text) ?? 0) + 1);
      // One claim per article (a set lookup: a name written in thousands of articles stays linear).
      if (!f.articles.has(c.article)) f.claims.push(c);
      f.articles.add(c.article);
    }
  }
  const out = new Map<string, Form[]>();
  for (const [canonical, forms] of raw) {
    out.set(
      canonical,
      [...forms.entries()].map(([key, f]) => ({ key, text: mostWritten(f.spellings), claims: f.claims, articles: f.articles })),
    );
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "NAME, TITLE of ORG" in the claim's sentence: the title words ("head", "director"). */
export function titleOf(c: Claim): string | null {
  if (!c.speaker) return null;
  const m = new RegExp(`${escape(c.speaker)},\\s+(?:the\\s+)?([a-z][a-z -]{0,40}?)\\s+(?:of|at|for)\\s`).exec(c.quote);
  return m ? m[1].trim() : null;
}

function report(ctx: RuleContext, what: 'name' | 'title', canonical: string, forms: Form[], label: (f: Form) => string): FindingDraft[] {
  const out: FindingDraft[] = [];
  const usable = forms.filter((f) => !isAcronym(f.text));
  if (usable.length < 2) return out;
  const all = new Set(usable.flatMap((f) => [...f.articles]));
  if (all.size < 2) return out;
  usable.sort((a, b) => b.articles.size - a.articles.size || b.key.length - a.key.length || cmp(a.key, b.key));
  const main = usable[0];
  for (const variant of usable.slice(1)) {
    if (what === 'name' && harmless(variant.key, main.key)) continue;
    if (what === 'title' && variant.key === main.key) continue;
    const variantArticles = [...variant.articles].filter((a) => !main.articles.has(a));
    const mainArticles = [...main.articles].filter((a) => !variant.articles.has(a));
    if (variantArticles.length === 0 || mainArticles.length === 0) continue;
    out.push({
      rule: 'name-variant',
      severity: 'info',
      key: [what, canonical, variant.key],
      claims: [...variant.claims.filter((c) => variantArticles.includes(c.article)), ...main.claims.filter((c) => mainArticles.includes(c.article))],
      articles: [...variantArticles, ...mainArticles],
      message:
        `${nameArticles(variantArticles, ctx.articles)} ${verb(variantArticles.length, 'writes', 'write')} ${label(variant)}, ` +
        `while ${nameArticles(mainArticles, ctx.articles)} ${verb(mainArticles.length, 'writes', 'write')} ${label(main)}: ` +
        (what === 'name' ? 'the same body under two names; use one.' : 'check the title.'),
      actual: variant.text,
      expected: main.text,
    });
  }
  return out;
}

export const nameVariant: Rule = {
  id: 'name-variant',
  severity: 'info',
  doc:
    'One entity under different names across articles, or one person under different titles. Reported: "National Data Bureau" / ' +
    '"National Data Administration"; "head" / "director". Not reported: "NDA" / "National Data Administration"; "Liu" / "Liu Liehong".',
  run(ctx) {
    const out: FindingDraft[] = [];
    const names = collect(ctx, (c) => c.entities.map((e) => ({ canonical: e.canonical, text: e.text.replace(/^the\s+/i, '') })));
    for (const [canonical, forms] of [...names.entries()].sort((a, b) => cmp(a[0], b[0]))) {
      out.push(...report(ctx, 'name', canonical, forms, (f) => `'${f.text}'`));
    }
    const titles = collect(ctx, (c) => {
      const t = titleOf(c);
      return t ? [{ canonical: c.speaker!.toLowerCase(), text: t }] : [];
    });
    for (const [speaker, forms] of [...titles.entries()].sort((a, b) => cmp(a[0], b[0]))) {
      const who = forms[0].claims[0].speaker!;
      out.push(...report(ctx, 'title', speaker, forms, (f) => `${who} as '${f.text}'`));
    }
    return out;
  },
};
