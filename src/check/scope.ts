/**
 * Scopes: what each claim's findings may depend on, so a re-check knows which findings an edit of
 * the store can change (`incremental.ts`). A claim holds scope keys:
 *
 * - `F` its family: base metric (a stated change with the figures it relates) and subject, or
 *   its story when it has no subject. Groups and the group rules read one family.
 * - `S` its story. The story rules (spans, deals, occasions, single source) read one story.
 * - `C` the connected events of its `date-conflict` block, for an event (`eventComponentKeys`).
 * - a bundle key when a rule compares it with claims of other families: the rates of one article
 *   (`R`, `internal-contradiction`), the changes without subject (`A`, `arithmetic`, which takes
 *   their ends among the figures without subject of the same metric, in any story).
 *
 * A bundle reads keys besides its own (`reads`): a rate the families of its article's other rates,
 * a change without subject the families of the figures it may take its ends from. A bundle is
 * touched when any key it reads is; a finding or group is touched when any key of its claims is.
 *
 * Events connect through shared groups, places and one-off events, so each event also keeps what
 * may connect it (`links`): the families of its sentence and of its speaker's figures, its place
 * (`E` block and place) and whether it happens once (`E` block). An edit can only join events
 * through a family it touches or a place or one-off event of an event it changes: the re-check
 * reads again the connected events of every event reading a touched family or sharing such a key.
 */
import type { Claim } from '../store/schema.js';
import { groupable } from './group.js';
import { eventComponentKeys, eventScope, spokenBy } from './rules/date-conflict.js';
import { isRate } from './rules/internal-contradiction.js';
import type { RuleContext } from './types.js';

/** What one article's claims hold and read. */
export interface ArticleScopes {
  /** Every key its claims hold, sorted. */
  held: string[];
  /** Bundle reads: `[bundle, key, ...]`, sorted. */
  reads: string[][];
  /** Per event: its claim id, its `C` key, and the keys that may connect it (families and `E` keys), sorted. */
  links: string[][];
}

const baseMetric = (key: string): string => key.replace(/~change$/, '');

/** The story key of an article. */
export const storyScope = (story: string): string => `S\u0001${story}`;

/**
 * The scope keys of every claim of `ctx`, and what each article holds and reads. `component` may
 * replace an event's connected-events key: a re-check keeps the cached one of an event whose
 * connected events it did not all read.
 */
export function scopesOf(ctx: RuleContext, component: (claim: string, computed: string) => string = (_, computed) => computed): { claims: Map<string, string[]>; articles: Map<string, ArticleScopes> } {
  const family = (c: Claim): string | null => (groupable(c) ? `F\u0001${baseMetric(c.metricKey!)}\u0001${ctx.subjectOf(c) ?? ctx.storyOf(c.article)}` : null);
  const components = eventComponentKeys(ctx);
  const byArticle = new Map<string, Claim[]>();
  for (const c of ctx.claims) (byArticle.get(c.article) ?? byArticle.set(c.article, []).get(c.article)!).push(c);
  const claims = new Map<string, string[]>();
  const articles = new Map<string, ArticleScopes>();
  for (const [article, list] of byArticle) {
    const story = storyScope(ctx.storyOf(article));
    const held = new Set<string>([story]);
    const reads = new Map<string, Set<string>>();
    const links: string[][] = [];
    const read = (bundle: string, keys: Iterable<string | null>): void => {
      const set = reads.get(bundle) ?? reads.set(bundle, new Set()).get(bundle)!;
      for (const k of keys) if (k !== null) set.add(k);
    };
    const families = new Map(list.map((c) => [c.id, family(c)]));
    const spoken = list.filter((c) => c.speaker && families.get(c.id));
    for (const c of list) {
      const keys = [story];
      const f = families.get(c.id)!;
      if (f) keys.push(f);
      const event = eventScope(c);
      if (event) {
        const C = component(c.id, `C\u0001${components.get(c.id)}`);
        keys.push(C);
        const sentence = list.filter((x) => x.start === c.start && x.end === c.end);
        const said = c.event!.type === 'statement' ? spoken.filter((x) => spokenBy(c, x.speaker!)) : [];
        const connect = new Set<string>();
        for (const x of [...sentence, ...said]) if (families.get(x.id)) connect.add(families.get(x.id)!);
        if (event.place !== null) connect.add(`E\u0001${event.block}\u0001p\u0001${event.place}`);
        if (event.once) connect.add(`E\u0001${event.block}`);
        links.push([c.id, C, ...[...connect].sort()]);
      }
      if (isRate(c, ctx.subjectOf)) {
        const R = `R\u0001${article}`;
        keys.push(R);
        read(R, [story, f]);
      }
      if (c.metricKey && c.value && ctx.subjectOf(c) === null) {
        if (c.kind === 'change' && (c.value.unit === '%' || c.value.unit === 'x') && c.period) {
          const A = `A\u0001${baseMetric(c.metricKey)}`;
          keys.push(A);
          read(A, [story, f]);
        } else if (c.kind === 'figure') read(`A\u0001${c.metricKey}`, [f]);
      }
      claims.set(c.id, keys);
      for (const k of keys) held.add(k);
    }
    articles.set(article, {
      held: [...held].sort(),
      reads: [...reads].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([b, keys]) => [b, ...[...keys].sort()]),
      links: links.sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    });
  }
  return { claims, articles };
}
