/**
 * `date-conflict`: the same event (same type, same actor, about the same fact) dated differently.
 * Two event claims are about the same fact when their sentences carry claims of one group, or
 * when they share type, actor and place.
 *
 * Conflicting pair:
 *   A (1M Reviews, 2026-03-23): "China's top data official said on March 23 that ... 140 trillion"
 *   B (Yicai, 2026-03-24): "... exceeded 140 trillion so far this month, Liu Liehong told reporters in Beijing today."
 * Harmless pair (a day inside the month the other gives):
 *   A: "Liu said on March 23 that usage passed 140 trillion"   B: "Liu said in March that usage passed 140 trillion"
 *
 * Info: a statement can be repeated on another occasion. Warning when the event is clearly the
 * same occasion: the same place, or a one-off event (not a statement) about the same fact.
 */
import type { Claim } from '../../store/schema.js';
import { nameArticles, phraseBefore, verb } from '../describe.js';
import { cmp } from '../hash.js';
import { formatPeriod, lengthDays, overlap } from '../period.js';
import { ONCE_EVENTS } from '../../extract/event-types.js';
import type { FindingDraft, Rule, RuleContext } from '../types.js';

const norm = (s: string): string => s.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();

interface Actor {
  /** The name as written, normalised. */
  name: string;
  /** The canonical entity, when the sentence resolves the name. */
  canonical: string | null;
}

function actorOf(c: Claim): Actor {
  const name = norm(c.event!.actor!);
  const e = c.entities.find((x) => norm(x.text) === name);
  return { name, canonical: e ? e.canonical : null };
}

/** The same actor: one canonical entity, or one name inside the other ("Liu" in "Liu Liehong"). */
function sameActor(a: Actor, b: Actor): boolean {
  if (a.canonical !== null && a.canonical === b.canonical) return true;
  if (a.name === b.name) return true;
  const [small, big] = a.name.length <= b.name.length ? [a.name, b.name] : [b.name, a.name];
  const words = new Set(big.split(' '));
  return small.split(' ').every((w) => words.has(w));
}

/**
 * Where an event claim is compared, or null for a claim the rule does not read: its block (type
 * and the actor's first word: "Liu" meets "Liu Liehong"), and what may connect it to another
 * event of the block besides a shared group: its place, and whether it happens once. The
 * re-check's scopes read it too (`scope.ts`).
 */
export function eventScope(c: Claim): { block: string; place: string | null; once: boolean } | null {
  if (c.kind !== 'event' || !c.event?.actor || !c.period || lengthDays(c.period) > 366) return null;
  return { block: `${c.event.type}\u0001${actorOf(c).name.split(' ')[0]}`, place: c.event.place ? norm(c.event.place) : null, once: ONCE_EVENTS.has(c.event.type) };
}

/** The event's actor is the speaker a claim is attributed to (as the rule reads a statement's figures elsewhere in its article). */
export const spokenBy = (event: Claim, speaker: string): boolean => sameActor(actorOf(event), { name: norm(speaker), canonical: null });

interface Event {
  claim: Claim;
  actor: Actor;
  place: string | null;
  groups: Set<string>;
}

/** Groups of the claims read from each sentence (article and quote range). */
function sentenceGroups(ctx: RuleContext): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const g of ctx.groups) {
    if (g.group.articles.length < 2) continue;
    for (const c of g.claims) {
      const k = `${c.article}|${c.start}|${c.end}`;
      if (!out.has(k)) out.set(k, new Set());
      out.get(k)!.add(g.key);
    }
  }
  return out;
}

/** Per article, per speaker (normalised): the groups, shared with another article, of the figures attributed to them. */
function speakerGroups(ctx: RuleContext): Map<string, Map<string, Set<string>>> {
  const out = new Map<string, Map<string, Set<string>>>();
  for (const g of ctx.groups) {
    if (g.group.articles.length < 2) continue;
    for (const c of g.claims) {
      if (!c.speaker) continue;
      const who = norm(c.speaker);
      if (!out.has(c.article)) out.set(c.article, new Map());
      const bySpeaker = out.get(c.article)!;
      if (!bySpeaker.has(who)) bySpeaker.set(who, new Set());
      bySpeaker.get(who)!.add(g.key);
    }
  }
  return out;
}

const shareGroup = (a: Event, b: Event): boolean => [...a.groups].some((g) => b.groups.has(g));
const samePlace = (a: Event, b: Event): boolean => a.place !== null && a.place === b.place;
/** Happens once to its actor (a founding, a birth): the actor alone says it is the same event. */
const once = (e: Event): boolean => ONCE_EVENTS.has(e.claim.event!.type);
const linked = (a: Event, b: Event): boolean => a.claim.article !== b.claim.article && sameActor(a.actor, b.actor) && (shareGroup(a, b) || samePlace(a, b) || once(a));

/** Events per date: each joins the first date cluster all of whose events overlap it. */
function byDate(events: Event[]): Event[][] {
  const sorted = [...events].sort((a, b) => lengthDays(a.claim.period!) - lengthDays(b.claim.period!) || cmp(a.claim.period!.start, b.claim.period!.start) || cmp(a.claim.id, b.claim.id));
  const clusters: Event[][] = [];
  for (const e of sorted) {
    const k = clusters.find((c) => c.every((x) => overlap(x.claim.period!, e.claim.period!)));
    if (k) k.push(e);
    else clusters.push([e]);
  }
  return clusters;
}

const articlesOf = (events: Event[]): Set<string> => new Set(events.map((e) => e.claim.article));

/**
 * The connected events of each block: same actor, same fact (a shared group, the same place, or a
 * one-off event). Order-free: linking is symmetric.
 */
function eventComponents(ctx: RuleContext): Array<{ block: string; events: Event[] }> {
  const groupsAt = sentenceGroups(ctx);
  const spokenBy = speakerGroups(ctx);
  const blocks = new Map<string, Event[]>();
  for (const c of ctx.claims) {
    const scope = eventScope(c);
    if (!scope) continue;
    const k = scope.block;
    const actor = actorOf(c);
    const groups = new Set(groupsAt.get(`${c.article}|${c.start}|${c.end}`) ?? []);
    // A statement is about what its speaker is quoted saying elsewhere in the article too.
    if (c.event!.type === 'statement') for (const [who, keys] of spokenBy.get(c.article) ?? []) if (sameActor(actor, { name: who, canonical: null })) for (const g of keys) groups.add(g);
    const e: Event = { claim: c, actor, place: scope.place, groups };
    if (!blocks.has(k)) blocks.set(k, []);
    blocks.get(k)!.push(e);
  }
  const out: Array<{ block: string; events: Event[] }> = [];
  for (const [block, events] of blocks) {
    // Events meet only through a shared group or place: index them by both, so a block of
    // thousands of events is walked through its buckets, not pair by pair.
    const buckets = new Map<string, Event[]>();
    for (const e of events) {
      if (once(e)) (buckets.get('o') ?? buckets.set('o', []).get('o')!).push(e);
      for (const g of e.groups) (buckets.get(`g\u0001${g}`) ?? buckets.set(`g\u0001${g}`, []).get(`g\u0001${g}`)!).push(e);
      if (e.place !== null) (buckets.get(`p\u0001${e.place}`) ?? buckets.set(`p\u0001${e.place}`, []).get(`p\u0001${e.place}`)!).push(e);
    }
    const near = (e: Event): Set<Event> => {
      const found = new Set<Event>(once(e) ? buckets.get('o') : []);
      for (const g of e.groups) for (const x of buckets.get(`g\u0001${g}`) ?? []) found.add(x);
      if (e.place !== null) for (const x of buckets.get(`p\u0001${e.place}`) ?? []) found.add(x);
      return found;
    };
    const seen = new Set<Event>();
    for (const seed of events) {
      if (seen.has(seed)) continue;
      const component: Event[] = [seed];
      seen.add(seed);
      for (let i = 0; i < component.length; i++) {
        for (const e of near(component[i])) if (!seen.has(e) && linked(component[i], e)) (seen.add(e), component.push(e));
      }
      out.push({ block, events: component });
    }
  }
  return out;
}

/**
 * Each event claim's connected events, as a key (block and the least claim id among them): the
 * re-check's scopes keep it, so that an edit touching one event re-reads all it is connected to.
 */
export function eventComponentKeys(ctx: RuleContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const { block, events } of eventComponents(ctx)) {
    const key = `${block}\u0001${events.map((e) => e.claim.id).sort()[0]}`;
    for (const e of events) out.set(e.claim.id, key);
  }
  return out;
}

export const dateConflict: Rule = {
  id: 'date-conflict',
  severity: 'info',
  doc:
    'The same event by the same actor about the same fact, dated differently. Conflicting: "said on March 23 that ... 140 trillion" / ' +
    '"told reporters in Beijing today" (March 24). Harmless: "said on March 23" / "said in March".',
  run(ctx) {
    const out: FindingDraft[] = [];
    const keyOf = (id: string): string => ctx.articles.get(id)?.key ?? id;
    for (const { block, events: component } of eventComponents(ctx)) {
      const type = block.split('\u0001')[0];
      if (articlesOf(component).size < 2) continue;
      const dates = byDate(component).sort((a, b) => articlesOf(b).size - articlesOf(a).size || cmp(a[0].claim.period!.start, b[0].claim.period!.start));
      const main = dates[0];
      const mainArticles = articlesOf(main);
      for (const odd of dates.slice(1)) {
        if (odd.some((e) => main.some((m) => overlap(e.claim.period!, m.claim.period!)))) continue;
        const oddArticles = [...articlesOf(odd)].filter((a) => !mainArticles.has(a));
        const partners = main;
        const otherArticles = [...articlesOf(partners)].filter((a) => !oddArticles.includes(a));
        if (oddArticles.length === 0 || otherArticles.length === 0) continue;
        const oddEvents = odd.filter((e) => oddArticles.includes(e.claim.article));
        const otherEvents = partners.filter((e) => otherArticles.includes(e.claim.article));
        const a = oddEvents[0].claim;
        const e = otherEvents[0].claim;
        const sameOccasion = ONCE_EVENTS.has(type) || oddEvents.some((x) => otherEvents.some((y) => samePlace(x, y))) || (type !== 'statement' && oddEvents.some((x) => otherEvents.some((y) => shareGroup(x, y))));
        const when = (c: Claim): string => {
          const published = ctx.articles.get(c.article)?.published;
          return formatPeriod(c.period!, !published || published.slice(0, 4) !== c.period!.start.slice(0, 4));
        };
        out.push({
          rule: 'date-conflict',
          severity: sameOccasion ? 'warning' : 'info',
          key: [type, otherEvents[0].actor.canonical ?? otherEvents[0].actor.name, ...oddArticles.map(keyOf).sort()],
          claims: [...oddEvents.map((x) => x.claim), ...otherEvents.map((x) => x.claim)],
          articles: [...oddArticles, ...otherArticles],
          message:
            `${nameArticles(oddArticles, ctx.articles)} ${verb(oddArticles.length, 'dates', 'date')} the ${type} ${ONCE_EVENTS.has(type) ? 'of' : 'by'} ${a.event!.actor} ${when(a)} ('${phraseBefore(a.quote, a.period!.text)}'), ` +
            `while ${nameArticles(otherArticles, ctx.articles)} ${verb(otherArticles.length, 'dates', 'date')} it ${when(e)}` +
            (sameOccasion ? ': the same occasion cannot have two dates.' : ': check whether these are two occasions.'),
          actual: when(a),
          expected: when(e),
        });
      }
    }
    return out;
  },
};
