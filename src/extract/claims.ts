/**
 * Where a sentence becomes claims. For each sentence of an article: the quantities and time
 * expressions found in it become figure claims (value, unit, period, subject, metric, attribution),
 * stated changes become change claims linked to the figures they relate, "from X in T1 to Y by T2"
 * becomes one claim per point linked as a series, and dated statements or launches become event
 * claims. Positions are mapped back to the original file.
 */
import { hash } from 'node:crypto';
import attributionLexicon from './data/claim-attribution.json' with { type: 'json' };
import deals from './data/claim-deals.json' with { type: 'json' };
import events from './data/claim-events.json' with { type: 'json' };
import { spanToSource } from '../ingest/builder.js';
import type { ReadResult, Span } from '../ingest/types.js';
import type { Claim, ClaimPeriod } from '../store/schema.js';
import { findAttribution, isOrganisation, newAttributionContext, type Attribution, type AttributionContext } from './attribution.js';
import { findAcronyms, findNames, makeResolver, type EntityResolver } from './entities.js';
import { ONCE_EVENTS } from './event-types.js';
import { agentBefore, named, predicateConcept, readMetric, type MetricReading } from './metric.js';
import { tokenAt, tokenize, type Token } from './tokens.js';
import type { PeriodMention, QuantityMention, Value } from './types.js';

export interface ClaimInput {
  read: ReadResult;
  articleId: string;
  quantities: QuantityMention[];
  periods: PeriodMention[];
  /** Alias table: name slug → canonical display name (from `sources/aliases.yaml`). */
  aliases?: Map<string, string>;
}

/** Block kinds read for claims; metadata lines and boilerplate are not. */
const READ_KINDS = new Set(['title', 'heading', 'paragraph', 'list-item', 'quote', 'table-cell', 'caption']);
const eventVerbs = new Map<string, string>();
for (const t of events.types) for (const w of t.words) eventVerbs.set(w, t.type);
const eventNouns = new Set<string>(events.nouns.words);

/** A figure being assembled, before ids and positions. */
interface Draft {
  kind: Claim['kind'];
  sentence: Span;
  block: string;
  blockIndex: number;
  quantity: QuantityMention | null;
  value: Value | null;
  period: PeriodMention | null;
  metric: MetricReading;
  subject: string | null;
  attribution: Attribution | null;
  entities: Claim['entities'];
  series: { key: string; index: number } | null;
  change: { direction: 'up' | 'down' | 'to' | 'from' | null; from: Draft | null; to: Draft | null } | null;
  event: Claim['event'];
  /** The figure is the starting point of a comparison ("from X", "than X"). */
  isBase: boolean;
  /** The figure is the value a movement started from, at no time of its own ("raised its offer to $57.50 from $50"): `movedFrom`. */
  earlier?: boolean;
  /** For a span: the figure whose time it measures, and whether the length was written ("in seven years") or counted from a range ("from 2007 to 2014"). */
  spanOf?: { figure: Draft; written: boolean };
}

/** Read every claim of an article. */
export function readClaims(input: ClaimInput): Claim[] {
  const { read } = input;
  const text = read.text;
  const resolver = makeResolver(input.aliases ?? new Map(), findAcronyms(text));
  const attribution = newAttributionContext();
  const drafts: Draft[] = [];
  /** Surname → the one full name the article gave it so far (null when two people share it). */
  const people = new Map<string, string | null>();
  let qi = 0;
  let pi = 0;
  const sentences = read.sentences;
  let blockIndex = 0;
  for (const s of sentences) {
    while (blockIndex < read.blocks.length - 1 && read.blocks[blockIndex].end < s.start) blockIndex++;
    const block = read.blocks[blockIndex];
    while (qi < input.quantities.length && input.quantities[qi].start < s.start) qi++;
    while (pi < input.periods.length && input.periods[pi].start < s.start) pi++;
    const qs: QuantityMention[] = [];
    for (let k = qi; k < input.quantities.length && input.quantities[k].end <= s.end; k++) qs.push(input.quantities[k]);
    const ps: PeriodMention[] = [];
    for (let k = pi; k < input.periods.length && input.periods[k].end <= s.end; k++) ps.push(input.periods[k]);
    const tokens = tokenize(text, s.start, s.end);
    // "Bush paid …" after "Jeb Bush": the surname that opens the sentence is a name.
    if (tokens[0]?.cap && tokens[0].kind === 'word' && people.get(tokens[0].text)) tokens[0].surname = true;
    learnAppositions(tokens, s.start, attribution);
    const attr = findAttribution(tokens, s.start, attribution);
    if (!block || !READ_KINDS.has(block.kind)) continue;
    const entities = entitiesOf(tokens, s.start, resolver);
    // Full names met so far, by surname: "Macron, 39," later in the article is Emmanuel Macron.
    for (const e of entities) {
      if (isOrganisation(e.text)) continue;
      const name = withoutRoles(e.text);
      const words = name.split(/\s+/);
      if (words.length < 2) continue;
      const surname = words[words.length - 1];
      const known = people.get(surname);
      // "Le Pen" after "Marine Le Pen" is the same person; two names that do not end alike are two.
      if (known === undefined) people.set(surname, name);
      else if (known !== null && !known.endsWith(name)) people.set(surname, name.endsWith(known) ? name : null);
    }
    const figures = readSentence(text, s, block.kind, blockIndex, tokens, qs, ps, attr, entities, people);
    drafts.push(...figures);
    const events = readEvents(s, block.kind, blockIndex, tokens, ps, attr, entities, attribution, figures, people);
    drafts.push(...events, ...readOccasions(s, block.kind, blockIndex, tokens, ps, attr, entities, [...figures, ...events], text));
  }
  // "China's top data official said on March 23 …" before the article names him: the article's main speaker.
  const main = mainSpeaker(attribution);
  for (const d of drafts) if (d.event && d.event.type === 'statement' && !d.event.actor && main) [d.event, d.subject] = [{ ...d.event, actor: main }, main];
  resolveAcrossSentences(drafts);
  restatements(drafts);
  const lines = lineStarts(read.source);
  return drafts.map((d) => toClaim(d, input, resolver, lines));
}

/** "NAME, TITLE of ORG" anywhere: remember the person, so later "Liu said" or "the official said" resolve. */
function learnAppositions(tokens: Token[], start: number, ctx: AttributionContext): void {
  const names = findNames(tokens, start);
  for (const n of names) {
    if (tokens[n.last + 1]?.text !== ',' || isOrganisation(n.text) || n.last === n.first) continue;
    const probe: Token[] = tokens.slice(n.first);
    const fake = newAttributionContext();
    // Reuse the attribution reader on "NAME, TITLE of ORG, said" by appending a verb.
    const said: Token = { text: 'said', lower: 'said', start: tokens[tokens.length - 1].end, end: tokens[tokens.length - 1].end, kind: 'word', cap: false };
    const commaAt = probe.findIndex((t, i) => i > 2 && t.text === ',');
    if (commaAt < 0) continue;
    const attempt = findAttribution([...probe.slice(0, commaAt + 1), said], probe[0].start, fake);
    if (attempt?.name && attempt.organisation) {
      const parts = attempt.name.split(/\s+/);
      for (const key of [attempt.name, parts[0], parts[parts.length - 1]]) {
        if (!ctx.speakers.has(key.toLowerCase())) ctx.speakers.set(key.toLowerCase(), { name: attempt.name, organisation: attempt.organisation, title: attempt.title });
      }
    }
  }
}

function entitiesOf(tokens: Token[], start: number, resolver: EntityResolver): Claim['entities'] {
  return findNames(tokens, start).map((n) => {
    const r = resolver(n.text);
    return { text: n.text.replace(/^the\s+/i, ''), canonical: r.canonical, start: n.start, end: n.end };
  });
}

const isMoney = (unit: string | null) => unit !== null && /^[A-Z]{3}$/.test(unit);
/** Words before a time that make it the one compared with ("than a year earlier", "since 2024"). */
const COMPARED_WITH = /\b(than|since|compared\s+(?:to|with)|versus|vs\.?)\s+$/i;
const TIME_PER = /^(day|week|month|year|hour|quarter)$/;
const TIME_UNIT = /^(second|minute|hour|day|week|month|quarter|year|decade|century|millennium|fortnight)$/;
const PEOPLE_NOUNS = /^(people|person|child|adult|soldier|civilian|death|victim|worker|employee|student|officer|member|resident|patient|passenger|migrant|refugee|journalist|prisoner|hostage|casualty|injury|fatality)$/;
const SMALL_COUNT_NOUNS = /^(time|step|way|thing|reason|factor|development|region|action|part|point|case|item|area|year|month|week|day|hour|minute|people|person|man|woman|country|nation|model|company|player|member|side|phase|round|stage|level|tier|group|kind|type|sort|option|question|answer|goal|priority|initiative|pillar|hub|node|cluster|province|city)$/;

function readSentence(
  text: string,
  s: Span,
  block: string,
  blockIndex: number,
  tokens: Token[],
  qs: QuantityMention[],
  ps: PeriodMention[],
  attr: Attribution | null,
  entities: Claim['entities'],
  people: ReadonlyMap<string, string | null> = new Map(),
): Draft[] {
  const out: Draft[] = [];
  // "said on March 23 that … 140 trillion": the date of the saying, not of the figure.
  // "higher than a year earlier", "since 2024": the time compared with belongs to no figure.
  const dated = joinRanges(ps, text).filter((p) => p.from && p.to && p.type !== 'DURATION' && !datesAnEvent(p, tokens) && !COMPARED_WITH.test(text.slice(Math.max(0, p.start - 16), p.start)));
  const used = new Set<PeriodMention>();
  // "approved the bill 67-33", "by a vote of 219 to 212", "a 5–4 decision": a tally's two sides,
  // read in place of the numbers (or the range) the scanner made of them.
  const tallies = readTallies(tokens);
  const inTally = (q: QuantityMention): boolean => tallies.some((t) => t.start < q.end && q.start < t.end);
  const figures = qs.filter((q) => !ps.some((p) => p.start < q.end && q.start < p.end && p.type !== 'DURATION') && !inTally(q));
  // "a Category 4 storm": a storm's category, a number a label scanner passes over.
  for (const c of readCategories(tokens)) {
    const period = choosePeriod(c, undefined, dated, used, text);
    out.push({ kind: 'figure', sentence: s, block, blockIndex, quantity: c, value: { ...c.value }, period, metric: { text: 'category', key: 'category', subject: null, unit: null, per: null, cumulative: false, anaphoric: false }, subject: null, attribution: attr, entities, series: null, change: null, event: null, isBase: false });
  }
  for (const t of tallies) {
    const period = choosePeriod(t.sides[0], undefined, dated, used, text);
    if (period) used.add(period);
    t.sides.forEach((q, i) => {
      const side = i === 0 ? 'for' : 'against';
      out.push({ kind: 'figure', sentence: s, block, blockIndex, quantity: q, value: { ...q.value }, period, metric: { text: `votes ${side}`, key: `tally:${side}`, subject: null, unit: null, per: null, cumulative: false, anaphoric: false }, subject: null, attribution: attr, entities, series: null, change: null, event: null, isBase: false });
    });
  }
  for (let n = 0; n < figures.length; n++) {
    let q = figures[n];
    // "an increase of over 1,000 times": a multiplier, however the counter read the noun.
    if (q.kind === 'count' && (q.value.unit === 'time' || q.value.unit === 'fold')) q = { ...q, kind: 'multiplier', value: { ...q.value, unit: 'x' } };
    const first = tokenAt(tokens, q.start);
    let last = tokenAt(tokens, q.end - 1);
    if (last >= tokens.length) last = tokens.length - 1;
    const unit = q.value.unit;
    // "this 10–20x cost advantage", "a 3x price gap": a ratio between two things, not a change over time.
    const ratioNoun = q.kind === 'multiplier' ? comparisonAfter(tokens, last) : null;
    const read = ratioNoun ? { text: ratioNoun, key: `ratio:${ratioNoun.toLowerCase().replace(/\s+/g, '-')}`, subject: null, unit: null, per: null, cumulative: false, anaphoric: false } : readMetric(tokens, first, last, unit, s.start);
    const price = priceMetric(q, tokens, first, entities) ?? distanceMetric(q, tokens, last, entities) ?? namedPrice(q, tokens, last, entities);
    let metric = price ? { ...price, subject: price.subject ?? read.subject } : read;
    // "a 48-page indictment", "a 4.6-magnitude earthquake": the count measures the noun it qualifies.
    if ((metric.key === null || metric.key.split('/')[0] === unit) && unit !== null && /\d-\p{L}+$/u.test(q.text)) {
      const noun = tokens[last + 1];
      if (noun && noun.kind === 'word' && !noun.cap && /^[a-z]{3,}$/.test(noun.lower) && !/(ed|ly)$/.test(noun.lower)) {
        const head = noun.lower.replace(/s$/, '');
        metric = { ...metric, text: `${head} (${unit}s)`, key: `${unit}:${head}` };
      }
    }
    // "a magnitude 6.1 earthquake", "the 4.6 quake", "a 5.9-magnitude earthquake": one measure, however written.
    const shock = magnitudeOf(q, tokens, first, last);
    if (shock) {
      // A magnitude is a number on a scale, with no unit (as the lexicon's "a magnitude of 4.6" reads it).
      q = { ...q, kind: 'number', value: { ...q.value, unit: null } };
      metric = { ...metric, text: 'magnitude', key: shock, unit: null, per: null, cumulative: false, anaphoric: false };
    }
    // "repaid the campaign about $60,000", "raised $2 million": money named by nothing but the deal.
    // "The charity has now raised $2.4 million": a phrase read before the deal's verb is who dealt, not what.
    // "a $5 billion fine", "a $2 million settlement": the deal named by the noun after the sum.
    const dealNoun = isMoney(unit) && !q.value.per && !price ? DEAL_NOUNS.get(tokens[last + 1]?.lower ?? '') : undefined;
    if (dealNoun) metric = { ...metric, text: `money ${tokens[last + 1].lower}`, key: `money:${dealNoun}` };
    let deal = isMoney(unit) && !q.value.per && !price && ratioNoun === null && !dealNoun ? dealVerbBefore(tokens, first) : null;
    if (deal) {
      const before = metric.key !== null && metric.text !== null && text.slice(s.start, deal.start).toLowerCase().includes(metric.text.toLowerCase());
      if (metric.key === null || before) metric = { ...metric, text: `money ${deal.word}`, key: `money:${deal.lemma}`, subject: metric.subject ?? (before ? metric.text : null) };
      else deal = null;
    }
    // "John Smith, 42,", "the 40-year-old actor Paul Walker", "died at the age of 85": a named person's age.
    const age = ageOf(q, tokens, first, last, people, s.start);
    if (age) {
      q = { ...q, kind: 'measure', value: { ...q.value, unit: 'year' } };
      metric = { text: 'age', key: 'age', subject: age, unit: null, per: null, cumulative: false, anaphoric: false };
    }
    // "left the road at about 70 miles per hour", "travelling at 90 mph", "winds of up to 150 km/h":
    // a speed is one measure whatever the clause around it; a wind's is kept apart from a vehicle's.
    // ("0-60 mph" is the sprint a time is given for, not a speed.)
    if (!age && q.value.unit && SPEED_UNIT.test(q.value.unit) && q.value.min > 0 && !(metric.key ?? '').startsWith('speed')) {
      // Sustained winds and gusts, a limit ("a 65 mph zone", "the 70 mph limit") and what was driven are four measures.
      const around = `${metric.text ?? ''} ${tokens[last + 1]?.lower ?? ''}`.toLowerCase();
      const kind = /\bgusts?\b/.test(around) ? 'gust' : /\bwinds?\b/.test(around) ? 'wind' : /\b(limit|zone)\b/.test(around) ? 'limit' : null;
      metric = { ...metric, text: kind ? `${kind} speed` : 'speed', key: kind ? `speed:${kind}` : 'speed', unit: null, per: null };
    }
    // "from the age of 5" with no one named: an age no one holds would take the story's one person.
    if (!age && metric.key === 'age') continue;
    // "sentenced Smith to 10 years", "Smith was sentenced to 12 years", "a 10-year prison sentence".
    const term = age ? null : prisonTerm(q, tokens, first, last, s.start);
    if (term) metric = { text: 'prison sentence', key: 'sentence', subject: term.who, unit: null, per: null, cumulative: false, anaphoric: false };
    // "Police detained 130 people" and "300,000 people took part": a count named only by its noun is
    // told apart by what the counted did or had done to them. A predicate that is a measure of the
    // lexicon keys as that measure, however the count is worded: "killed 12 people", "12 people
    // died" and "15 dead" are one death toll. A bare number with such a predicate ("Quake kills 12",
    // "four were injured") counts people.
    let outcome = age !== null;
    const bare = q.kind === 'number' && unit === null && Number.isInteger(q.value.max) && q.value.max > 0 && metric.key === null;
    if ((q.kind === 'count' && unit !== null && (metric.key === null || metric.key.split('/')[0] === unit)) || bare) {
      const predicate = predicateOf(tokens, first, last, q.unitText) ?? headlineVerb(tokens, first);
      // "12 deaths", "claimed five lives": the counted noun is the measure itself.
      const own = unit !== null ? [`${unit}s`, unit.replace(/y$/, 'ies'), unit.replace(/fe$/, 'ves'), unit].map(predicateConcept).find((c) => c !== null) ?? null : null;
      const concept = own?.cumulative ? own : predicate ? predicateConcept(predicate.word) : null;
      // "A similar attack on a bus station killed 12", "a previous crash killed 20": the toll of
      // another occasion, told for comparison, is not this story's toll (and is not read as one).
      if (concept?.cumulative && otherOccasion(tokens, first)) continue;
      if (concept && concept.cumulative && (bare || own === concept || PEOPLE_NOUNS.test(unit!) || /^(people|person|man|woman|men|women|other)$/.test(unit!))) {
        outcome = true;
        if (bare) q = { ...q, kind: 'count', value: { ...q.value, unit: 'people' } };
        // "killed 12 people in Texas and three in Oklahoma": the place right after the count is whose toll it is.
        const where = entities.find((e) => {
          const at = tokenAt(tokens, e.start);
          return at > last && at <= last + 3 && /^(in|across|on)$/.test(tokens[at - 1]?.lower ?? '') && !isOrganisation(e.text);
        });
        metric = { ...metric, text: own === concept ? (q.unitText ?? unit) : `${q.unitText ?? 'people'} ${predicate!.word}`, key: concept.concept, cumulative: true, subject: metric.subject ?? where?.text ?? null };
      } else if (predicate && !bare) metric = { ...metric, text: `${q.unitText ?? unit} ${predicate.word}`, key: `${unit}:${predicate.stem}` };
    }
    // "12 dead", "40 wounded", "two others": however the toll was read, it counts people.
    if (q.kind === 'count' && metric.cumulative && /^(dead|injured|wounded|hurt|missing|other)$/.test(q.value.unit ?? '')) q = { ...q, value: { ...q.value, unit: 'people' } };
    const before = tokens.slice(Math.max(0, first - 3), first).map((t) => t.lower);
    const isChange = (q.kind === 'multiplier' && ratioNoun === null) || (q.kind === 'percent' && (q.change === 'up' || q.change === 'down' || /^(increase|growth|rise|jump|gain|drop|decline|fall|decrease|more|higher|lower|less|surge)$/.test(tokens[last + 1]?.lower ?? '') || before.includes('up') || before.includes('down')));
    // Small bare counts without a metric ("six major actions", "Two regions") are not checkable figures.
    if (!outcome && !isChange && (q.kind === 'count' || q.kind === 'number') && Math.abs(q.value.max) <= 12 && Number.isInteger(q.value.max) && (!metric.key || (unit !== null && SMALL_COUNT_NOUNS.test(unit)))) continue;
    // Durations ("in just over two years", "two decades") say how long, not how much.
    // (kept when it is the sentence's only figure: "more revenue in 20 days than in all of 2025").
    if (!age && !term && !isChange && unit !== null && TIME_UNIT.test(unit) && q.kind !== 'money' && q.kind !== 'percent' && figures.some((o) => o !== q && !(o.value.unit && TIME_UNIT.test(o.value.unit)))) continue;
    // "One aspect", "a third-party": small numbers written as words count people or nothing checkable.
    if (!outcome && !isChange && (q.kind === 'count' || q.kind === 'number') && Math.abs(q.value.max) <= 12 && /^[\p{L}\s-]+$/u.test(q.text) && !(unit !== null && PEOPLE_NOUNS.test(unit))) continue;
    if (!isChange && q.kind === 'number' && !metric.key && !metric.anaphoric && unit === null && !/(million|billion|trillion|thousand)/i.test(q.text)) continue;
    const next = figures[n + 1];
    // A stated change takes only a time written after it ("up 40% in March"), not the sentence's other times.
    // An age is as of the article ("Ramos, 39, had filed a lawsuit in 2011": 2011 is the lawsuit's).
    let period = age ? null : isChange ? choosePeriod(q, next, dated.filter((p) => p.start >= q.end), used, text) : choosePeriod(q, next, dated, used, text);
    // "lawyers said in 2017 that Hunter repaid the campaign about $60,000": a payment told of in
    // 2017 was made by then, so the saying's time is the payment's (at the latest).
    if (!period && deal?.past) {
      period = [...ps].reverse().find((p) => p.from && p.to && p.type !== 'DURATION' && p.end <= q.start && datesAnEvent(p, tokens) && days(p.from, p.to) <= 366) ?? null;
    }
    if (period) used.add(period);
    const isBase = /\b(from|than|compared|versus|vs)\b/.test(before.join(' ')) || (tokens[first - 1]?.lower === 'the' && /^(from|than)$/.test(tokens[first - 2]?.lower ?? ''));
    out.push({
      kind: isChange ? 'change' : 'figure',
      sentence: s,
      block,
      blockIndex,
      quantity: q,
      value: { ...q.value },
      period,
      metric,
      subject: metric.subject,
      attribution: attr,
      entities,
      series: null,
      change: isChange ? { direction: q.change ?? 'up', from: null, to: null } : null,
      event: null,
      isBase,
    });
  }
  derivePrices(out, tokens, s, block, blockIndex, attr, entities);
  readSpans(out, ps, text);
  linkSeries(out, s);
  linkChanges(out);
  carryMetric(out, text);
  movedFrom(out, tokens);
  restatedPerUnit(out, text);
  resultsOnRevenue(out, text);
  return out;
}

/** Measures of a company's results that a figure per share restates (earnings per share, dividend per share). */
const RESULTS = new Set(['profit', 'income', 'revenue', 'dividend', 'loss', 'earning', 'earnings']);

/** Words between a result and the revenue it was made on: "$1.7 billion, or $3.51 a share, on revenue of". */
const ON_REVENUE = /^[^.;]{0,24}?\bon\s+(?:[a-z-]+\s+){0,2}(?:revenue|revenues|sales|turnover)\s+(?:of\s+)?$/i;

/**
 * "For 1988, BellSouth earned $1.7 billion, or $3.51 a share, on revenue of $13.6 billion": the
 * revenue a result was made on is the same company's, of the same time.
 */
function resultsOnRevenue(out: Draft[], text: string): void {
  const figures = out.filter((d) => d.kind === 'figure' && d.quantity && d.value);
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i];
    const prev = figures[i - 1];
    if (prev.sentence !== f.sentence || f.metric.key !== 'revenue' || !RESULTS.has(prev.metric.key?.split(/[:/]/)[0] ?? '')) continue;
    if (!ON_REVENUE.test(text.slice(prev.quantity!.end, f.quantity!.start))) continue;
    f.subject ??= prev.subject;
    f.period ??= prev.period;
    if (prev.earlier) f.earlier = true;
  }
}

/** Money, in a currency or its hundredth ("68 cents", "4 pence"). */
const moneyLike = (unit: string | null): boolean => isMoney(unit) || (unit !== null && /^(cent|penny|pence)$/.test(unit));

/**
 * "earned $17.3 million, or $1.92 a share", "a net loss of $2.3 million, or 68 cents a share": the
 * figure after "or" restates the one before it per share (or per unit), so it measures the same
 * thing per that unit (earnings per share), not the price of a share. It takes the time, subject
 * and standing (an earlier value) of the figure it restates.
 */
function restatedPerUnit(out: Draft[], text: string): void {
  const figures = out.filter((d) => d.kind === 'figure' && d.quantity && d.value);
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i];
    const prev = figures[i - 1];
    if (prev.sentence !== f.sentence || !f.value!.per || prev.value!.per || !moneyLike(f.value!.unit) || !moneyLike(prev.value!.unit)) continue;
    if (!/^\s*,?\s*or\s+(?:about\s+|nearly\s+|roughly\s+)?$/i.test(text.slice(prev.quantity!.end, f.quantity!.start))) continue;
    // "up from $15 million, or $1.70 a share": the restatement of an earlier value is one too.
    if (prev.earlier) f.earlier = true;
    const noun = perNoun(f.value!.per);
    const base = prev.metric.key?.split(/[:/]/)[0] ?? '';
    // Results per share; "values the company at $1.2 billion, or $35 a share" stays the price of a share.
    if (!noun || TIME_PER.test(noun) || !RESULTS.has(base)) continue;
    f.metric = { ...prev.metric, text: `${prev.metric.text ?? base} per ${f.value!.per}`, key: `${prev.metric.key!.split('/')[0]}/${noun}` };
    f.subject ??= prev.subject;
    f.period ??= prev.period;
  }
}

/** The words before a figure that make it the start of a movement ("up from", "compared with", "versus"). */
const MOVED_WORDS = /^(from|compared|versus|vs)$/;

/**
 * A figure a movement started from, with no time of its own, is an earlier value of what the
 * sentence's other figure measures now: "raised its price to $57.50 a share from $50 a share",
 * "sales of $4.1 billion, compared with $3.8 billion". Another article that gives that earlier
 * value does not contradict this one (`src/check/conflicts.ts`). A figure with a time of its own
 * ("from 100 billion in early 2024 to 140 trillion") is a point of its own time instead, and the
 * origin "from" ("athletes from 200 countries") has no other figure of its kind in the sentence.
 */
function movedFrom(out: Draft[], tokens: Token[]): void {
  const figures = out.filter((d) => d.kind === 'figure' && d.quantity && d.value);
  for (const f of figures) {
    if (!f.isBase) continue;
    const first = tokenAt(tokens, f.quantity!.start);
    if (!tokens.slice(Math.max(0, first - 3), first).some((t) => MOVED_WORDS.test(t.lower))) continue;
    // The figure now, in the same unit ("$57.50 a share … from $50 a share"; not "200 countries" against "10,000 tickets").
    const now = figures.find((o) => o !== f && !o.isBase && o.sentence === f.sentence && o.value!.unit === f.value!.unit && o.value!.per === f.value!.per);
    if (!now) continue;
    if (f.period && !(now.period && now.period.from === f.period.from && now.period.to === f.period.to)) continue;
    f.earlier = true;
  }
}

/** The change's time when it is written between the change and the next figure ("rose 0.2% in April to $26.84"). */
function timeBetween(prev: Draft, f: Draft): PeriodMention | null {
  const p = prev.period;
  return p && p.start >= prev.quantity!.end && p.end <= f.quantity!.start ? p : null;
}

/** The words between two figures without the time between them and its preposition. */
function withoutTime(text: string, prev: Draft, f: Draft, p: PeriodMention): string {
  return text.slice(prev.quantity!.end, p.start).replace(/\s*\b(?:in|on|during|for|over|through|at)\s*$/i, '') + text.slice(p.end, f.quantity!.start);
}

/** Words between a movement and the figure it reached: "rose 10% to $313.2 million", "fell to about $4". */
const REACHED = /^\s*,?\s*(?:to|at)\s+(?:a\s+record\s+|an?\s+all-time\s+high\s+of\s+|about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|some\s+)?$/i;
/** Words between a figure and the one it moved from: "$5 billion from $4.2 billion", "…, up from $21.4 million", "$5 billion in 2023 from". */
const MOVED_FROM = /^\s*,?\s*(?:in\s+[\w'-]+(?:\s+[\w'-]+)?\s+)?(?:(?:up|down)\s+)?from\s+(?:about\s+|around\s+|nearly\s+|roughly\s+)?$/i;

/**
 * A figure a movement reached takes the movement's metric and subject when it has none of its
 * own: "Profit rose 10% to $313.2 million" is a profit of $313.2 million. The figure it moved from
 * takes them only when its own time is written and differs ("$5.94 a share, up 56% from $4.06 a
 * share, a year earlier"): without one, it would pass for a figure of the same time.
 */
function carryMetric(out: Draft[], text: string): void {
  const figures = out.filter((d) => d.quantity && d.value && (d.kind === 'figure' || d.kind === 'change'));
  const gap = (x: Draft, y: Draft): string => text.slice(x.quantity!.end, y.quantity!.start);
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i];
    const prev = figures[i - 1];
    if (f.kind !== 'figure' || f.metric.key !== null || f.metric.anaphoric || !prev.metric.key || prev.sentence !== f.sentence) continue;
    const between = timeBetween(prev, f);
    if (prev.kind === 'change' && !f.isBase && (REACHED.test(gap(prev, f)) || (between !== null && REACHED.test(withoutTime(text, prev, f, between))))) {
      // A change in money reaches money; a percentage reaches any figure.
      if (prev.value!.unit !== '%' && isMoney(prev.value!.unit) !== isMoney(f.value!.unit)) continue;
      f.metric = { ...prev.metric };
      f.subject ??= prev.subject;
      // "rose 0.2% in April to $26.84": the figure reached is April's.
      if (between && !f.period) f.period = between;
      continue;
    }
    // "… to $5.94 a share, up 56% from $4.06 a share, a year earlier": from the figure the change reached.
    const ref = prev.kind === 'figure' ? prev : figures[i - 2]?.kind === 'figure' && figures[i - 2].sentence === f.sentence ? figures[i - 2] : null;
    if (!ref?.metric.key || !MOVED_FROM.test(gap(prev, f)) || isMoney(ref.value!.unit) !== isMoney(f.value!.unit)) continue;
    if (!f.period?.from || !ref.period?.from || (f.period.from === ref.period.from && f.period.to === ref.period.to)) continue;
    f.metric = { ...ref.metric };
    f.subject ??= ref.subject;
  }
}

/** Words between a figure and the time it took: "$139 million in seven years", "over the past five years". */
const SPAN_GAP = /^(?:\s+[a-z][a-z-]*){0,5}?[\s,]*(?:in|over|during|across)\s+(?:(?:the|its|their|his|her)\s+)?(?:(?:past|last|first|previous|preceding|most\s+recent)\s+)?$/;
/** The same, when the time expression took the preposition in ("over five years"). */
const SPAN_GAP_BARE = /^(?:\s+[a-z][a-z-]*){0,5}?\s+$/;
const SPAN_LEAD = /^(?:in|over|during|across)\s/i;
const SPAN_UNITS: Record<string, string> = { Y: 'year', M: 'month', W: 'week', D: 'day' };

/** Whole calendar years an interval covers ("2007-01-01" to "2014-12-31": 8), or null when it is not whole years. */
function wholeYears(from: string, to: string): number | null {
  if (!from.endsWith('-01-01') || !to.endsWith('-12-31')) return null;
  return Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1;
}

/**
 * How long a figure's time is, as a claim of its own (kind `span`): written after the figure
 * ("$139 Million in Seven Years", "1,200 jobs over the past three years"), or counted from a range
 * of whole years the figure is given for ("$139 million … from 2007 to 2014": eight years). A
 * headline's "seven years" can then be held against its body's 2007–2014.
 */
function readSpans(out: Draft[], ps: PeriodMention[], text: string): void {
  for (const d of out.slice()) {
    if (d.kind !== 'figure' || !d.quantity || !d.value || (d.value.unit && TIME_UNIT.test(d.value.unit))) continue;
    const q = d.quantity;
    const written = ps.find((p) => {
      if (p.type !== 'DURATION' || p.start < q.end || p.start - q.end > 40) return false;
      const gap = text.slice(q.end, p.start);
      return SPAN_GAP.test(gap) || (SPAN_LEAD.test(p.text) && SPAN_GAP_BARE.test(gap));
    });
    const match = written ? /^P(\d+)([YMWD])$/.exec(written.duration ?? '') : null;
    let length: { n: number; unit: string; at: PeriodMention } | null = match && written ? { n: Number(match[1]), unit: SPAN_UNITS[match[2]], at: written } : null;
    if (!length && d.period?.from && d.period.to && /\b(to|through|thru|until|till|and)\b|[-–—]/.test(d.period.text)) {
      const years = wholeYears(d.period.from, d.period.to);
      if (years !== null && years >= 2) length = { n: years, unit: 'year', at: d.period };
    }
    if (!length || length.n <= 0) continue;
    const value: Value = { min: length.n, max: length.n, unit: length.unit, per: null, approx: false, bound: null };
    out.push({
      ...d,
      kind: 'span',
      quantity: { text: length.at.text, start: length.at.start, end: length.at.end, value, kind: 'measure', unitText: length.unit, change: null },
      value,
      period: null,
      entities: [],
      series: null,
      change: null,
      event: null,
      isBase: false,
      spanOf: { figure: d, written: length.at !== d.period },
    });
  }
}

/** "the $279 Xbox One S", "a $1,000 iPhone": the price of the thing named right after the money. */
function namedPrice(q: QuantityMention, tokens: Token[], last: number, entities: Claim['entities']): MetricReading | null {
  if (!isMoney(q.value.unit) || q.value.per) return null;
  const next = tokens[last + 1];
  const named = next ? entities.find((e) => e.start === next.start) : undefined;
  if (!named) return null;
  return { text: 'price', key: 'price', subject: named.text, unit: null, per: null, cumulative: false, anaphoric: false };
}

const LENGTH_UNITS = /^(mile|kilometre|kilometer|km|metre|meter|m|foot|feet|ft|yard|nautical mile)$/;
const DIRECTION = /^(north|south|east|west|northeast|northwest|southeast|southwest|north-northeast|north-northwest|south-southeast|south-southwest|east-northeast|east-southeast|west-northwest|west-southwest|northern|southern|eastern|western|outside|inland|offshore|off|away|up|down|upstream|downstream|due|just|roughly)$/;

/**
 * A distance from a named place ("about 20 miles north of Santa Rosa", "four miles west of Cobb",
 * "26 miles from Santa Rosa"): the metric is the distance from that place, whatever the direction.
 */
function distanceMetric(q: QuantityMention, tokens: Token[], last: number, entities: Claim['entities']): MetricReading | null {
  if (!q.value.unit || !LENGTH_UNITS.test(q.value.unit)) return null;
  let k = last + 1;
  while (k < tokens.length && (DIRECTION.test(tokens[k].lower) || tokens[k].text === '-')) k++;
  if (!/^(of|from)$/.test(tokens[k]?.lower ?? '')) return null;
  k++;
  if (tokens[k]?.lower === 'the' && tokens[k + 1]?.cap) k++;
  const place = entities.find((e) => e.start === tokens[k]?.start);
  if (!place) return null;
  return { text: `distance from ${place.text}`, key: `distance:${place.canonical}`, subject: null, unit: null, per: null, cumulative: false, anaphoric: false };
}

/** Words between a verb and the count it governs ("killed at least 12", "reached an estimated 300"). */
const BEFORE_COUNT = /^(at|least|some|about|around|nearly|almost|roughly|more|than|over|up|to|an|estimated|another|the|a)$/;
const PREDICATE_AFTER_SKIP = /^(were|was|are|is|have|has|had|been|being|reportedly|also|already|still|now|who|that|later|allegedly|officially|remain|remained|remains|confirmed|feared|presumed|believed)$/;
const PREDICATE_WORDS = /^(dead|missing|hurt|took|take|takes|died|die|fled|flee|remain|remained|attended|attend|marched|march|gathered|gather|joined|join|protested|voted|work|worked|live|lived|lost|left|signed|arrived|crossed|returned|applied|registered|tested)$/;
const NOT_PREDICATES = /^(need|needed|used|based|called|named|so-called|expected|estimated|reported|said|added|compared|related|listed|included|red|bed|hundred|kindred|shed|speed|seed|feed|need|deed|weed|breed|greed|bred)$/;

/** Deal verbs by form: the lemma that keys the money, and whether the form is past. */
const DEAL_FORMS = new Map<string, { lemma: string; past: boolean }>();
for (const v of deals.verbs) {
  for (const w of v.past) DEAL_FORMS.set(w, { lemma: v.lemma, past: true });
  for (const w of v.other) DEAL_FORMS.set(w, { lemma: v.lemma, past: false });
}
/** Nouns that name a deal after its sum ("a $5 billion fine", "a $2 million settlement"), by noun. */
const DEAL_NOUNS = new Map<string, string>();
for (const v of deals.verbs) for (const n of (v as { nouns?: string[] }).nouns ?? []) DEAL_NOUNS.set(n, v.lemma);
const DEAL_STOP = /^(said|says|told|and|but|while|which|who|that|of|with|after|before|when)$/;

/** The verb a bare money figure is the object of: "repaid the campaign about $60,000", "had already repaid about $60,000". */
function dealVerbBefore(tokens: Token[], first: number): { word: string; lemma: string; past: boolean; start: number } | null {
  for (let k = first - 1; k >= 0 && k >= first - 6; k--) {
    const t = tokens[k];
    if (t.kind !== 'word') return null;
    const form = DEAL_FORMS.get(t.lower);
    if (form) return { word: t.lower, ...form, start: t.start };
    if (DEAL_STOP.test(t.lower)) return null;
  }
  return null;
}

/** A verb's stem, crudely but the same way for every form: "detained" → "detain", "injured" → "injur". */
function stem(word: string): string {
  const w = word.toLowerCase();
  if (w === 'took' || w === 'takes') return 'take';
  if (w === 'fled') return 'flee';
  if (w === 'lost') return 'lose';
  if (w === 'left') return 'leave';
  if (/ied$/.test(w)) return w.slice(0, -3) + 'y';
  if (/([b-df-hj-np-tv-z])\1ed$/.test(w)) return w.slice(0, -3);
  if (/e?d$/.test(w) && w.length > 4) return w.replace(/e?d$/, '');
  return w.replace(/e?s$/, '');
}

/** The verb a bare count goes with: "detained 130 people", "130 people were detained", "300,000 people took part". */
function predicateOf(tokens: Token[], first: number, last: number, unitText: string | null): { word: string; stem: string } | null {
  const verbish = (t: Token | undefined): boolean => t !== undefined && t.kind === 'word' && !t.cap && !NOT_PREDICATES.test(t.lower) && (/[a-z]{3,}ed$/.test(t.lower) || PREDICATE_WORDS.test(t.lower));
  let k = first - 1;
  while (k >= 0 && BEFORE_COUNT.test(tokens[k].lower)) k--;
  if (verbish(tokens[k])) return { word: tokens[k].lower, stem: stem(tokens[k].lower) };
  let j = last + 1;
  const nounWords = new Set((unitText ?? '').toLowerCase().split(/\s+/));
  while (j < tokens.length && j <= last + 3 && nounWords.has(tokens[j].lower)) j++;
  while (j < tokens.length && PREDICATE_AFTER_SKIP.test(tokens[j].lower)) j++;
  if (verbish(tokens[j])) return { word: tokens[j].lower, stem: stem(tokens[j].lower) };
  return null;
}

/**
 * A prison term: a length of time after "sentenced … to" ("sentenced Smith to 10 years", "was
 * sentenced to 12 years") or before "sentence" or "term" ("a 10-year prison sentence"). `who` is the
 * person named after "sentenced" or before "was sentenced", when there is one.
 */
function prisonTerm(q: QuantityMention, tokens: Token[], first: number, last: number, sentenceStart: number): { who: string | null } | null {
  if (!q.value.unit || !/^(year|month|week|day)$/.test(q.value.unit)) return null;
  let verb = -1;
  if (tokens[first - 1]?.lower === 'to') {
    for (let k = first - 2; k >= Math.max(0, first - 8) && verb < 0; k--) if (/^sentenc(e|ed|es|ing)$/.test(tokens[k].lower)) verb = k;
    if (verb < 0) return null;
  } else {
    // "a 10-year prison sentence", "a 15-year jail term" (a loan's "one-year term" is no prison term)
    const after = tokens.slice(last + 1, last + 3).map((t) => t.lower);
    if (!/-/.test(q.text) || !(after.includes('sentence') || (after.includes('term') && (after.includes('prison') || after.includes('jail'))))) return null;
  }
  const names = findNames(tokens, sentenceStart).filter((n) => !isOrganisation(n.text));
  const person = (n: { text: string } | undefined): string | null => (n ? n.text.replace(/^the\s+/i, '') : null);
  if (verb < 0) return { who: person(names.find((n) => n.last < first)) };
  const object = names.find((n) => n.first === verb + 1 && n.last < first);
  const passive = /^(was|were|is|been|be)$/.test(tokens[verb - 1]?.lower ?? '') ? names.filter((n) => n.last < verb - 1).pop() : undefined;
  return { who: person(object ?? passive) };
}

const STORMS = /^(storm|hurricane|typhoon|cyclone)s?$/;

/** A storm's category ("a Category 4 storm", "Category 5 hurricane"), 1 to 5, as a figure of its own. */
function readCategories(tokens: Token[]): QuantityMention[] {
  const out: QuantityMention[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const n = tokens[i + 1];
    if (tokens[i].lower !== 'category' || n.kind !== 'num' || !/^[1-5]$/.test(n.text)) continue;
    // "weakened to a Category 1", "upgraded from Category 3": a storm's category moves; only the one it is said to be is read.
    if (tokens.slice(Math.max(0, i - 4), i).some((t) => /^(to|from|weakened|downgraded|upgraded|strengthened|intensified|became|becoming|peaked|peak|reached|before|after|once|previously|earlier)$/.test(t.lower))) continue;
    // a storm named right after it ("a Category 4 hurricane") or in the words before ("the storm, now a Category 4")
    if (!STORMS.test(tokens[i + 2]?.lower ?? '') && !tokens.slice(Math.max(0, i - 6), i).some((t) => STORMS.test(t.lower))) continue;
    out.push({ text: n.text, start: n.start, end: n.end, value: { min: Number(n.text), max: Number(n.text), unit: null, per: null, approx: false, bound: null }, kind: 'number', unitText: null, change: null });
  }
  return out;
}

/** Words around a tally that make two numbers its sides ("voted 52-48", "a 5-4 decision"). */
const TALLY_BEFORE = /^(vote|votes|voted|approved|passed|rejected|confirmed|ruled|defeated|adopted|backed|endorsed|overrode|sustained|upheld|split)$/;
const TALLY_AFTER = /^(vote|votes|decision|ruling|majority|margin|verdict|tally|split)$/;

/**
 * The tallies of a sentence: two whole numbers joined by a dash ("67-33", "5–4") or by "to" after
 * "vote(s) of" ("a vote of 219 to 212"), next to a word of voting or deciding. Each side becomes a
 * figure of its own (`tally:for`, `tally:against`) pointing at its number.
 */
function readTallies(tokens: Token[]): Array<{ start: number; end: number; sides: [QuantityMention, QuantityMention] }> {
  const out: Array<{ start: number; end: number; sides: [QuantityMention, QuantityMention] }> = [];
  const whole = (t: Token | undefined): boolean => t !== undefined && t.kind === 'num' && /^\d{1,6}$/.test(t.text);
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, join, b] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    // "approved the 2024-25 budget", "the 2019-2020 season": years, not a tally.
    if (!whole(a) || !whole(b) || /^(1[89]|20)\d\d$/.test(a.text)) continue;
    const dash = /^[-–—]$/.test(join.text) && join.start === a.end && b.start === join.end;
    const to = join.lower === 'to';
    if (!dash && !to) continue;
    const before = tokens.slice(Math.max(0, i - 5), i).map((t) => t.lower);
    const voteOf = before.slice(-3).includes('vote') || before.slice(-3).includes('votes');
    const context = voteOf || (dash && (before.some((w) => TALLY_BEFORE.test(w)) || TALLY_AFTER.test(tokens[i + 3]?.lower ?? '')));
    if (!context || (to && !voteOf)) continue;
    const side = (t: Token): QuantityMention => ({ text: t.text, start: t.start, end: t.end, value: { min: Number(t.text), max: Number(t.text), unit: 'vote', per: null, approx: false, bound: null }, kind: 'count', unitText: null, change: null });
    out.push({ start: a.start, end: b.end, sides: [side(a), side(b)] });
    i += 2;
  }
  return out;
}

/** Nouns for an earthquake; an aftershock or a foreshock is another quake, keyed apart. */
const QUAKES = /^(earthquake|quake|temblor|tremor|shock|aftershock|foreshock)s?$/;

/**
 * The key of a quake's magnitude when the figure is one ("magnitude 6.1", "magnitude-6.1 quake",
 * "5.9-magnitude earthquake", "the 4.6 quake", "measured 6.1 on the Richter scale"), else null:
 * `magnitude` (the lexicon's measure), or `magnitude:aftershock` for another shock than the main one.
 */
function magnitudeOf(q: QuantityMention, tokens: Token[], first: number, last: number): string | null {
  const v = q.value.max;
  if (!(v > 0 && v < 10) || q.value.min !== v) return null;
  // The number alone: what follows it is the quake's noun, whatever unit the scanner made of it.
  let k = tokens[first]?.kind === 'num' ? first + 1 : last + 1;
  if (q.value.unit !== 'magnitude') {
    const lead = tokens[first - 1]?.text === '-' ? first - 2 : first - 1;
    // "a magnitude 4.6 quake", "an earthquake measuring 4.6", "a tremor registering 5.1".
    const named = tokens[lead]?.lower === 'magnitude' || (/^(measuring|measured|registering|registered)$/.test(tokens[lead]?.lower ?? '') && QUAKES.test(tokens[lead - 1]?.lower ?? ''));
    const richter = tokens.slice(last + 1, last + 5).some((t) => t.lower === 'richter');
    if (!named && !((q.kind === 'number' && q.value.unit === null) && (richter || QUAKES.test(tokens[k]?.lower ?? '')))) return null;
  }
  while (k < tokens.length && (tokens[k].text === '-' || tokens[k].lower === 'magnitude')) k++;
  const noun = tokens[k]?.lower ?? '';
  return /^(after|fore)shocks?$/.test(noun) ? `magnitude:${noun.replace(/s$/, '')}` : 'magnitude';
}

/** Roles and titles written before a name ("Actor Paul Walker", "Sen. Joe Biden"). */
const ROLES = new Set([...attributionLexicon.roles.words, ...attributionLexicon.titles.words]);

/**
 * Measures a reader gives one figure for what its own words say (an age, a tally's side, a prison
 * term, a storm's category): a later figure does not take them ("His kidnappers demanded a ransom
 * of $1 million" after "Jorge Hernandez, 49,").
 */
const OWN_MEASURES = /^(age|tally:|sentence$|category$)/;

/** Units of speed ("mile per hour", "kilometre per hour", "knot"). */
const SPEED_UNIT = /^(?:(?:mile|kilometre|metre|foot)s? per (?:hour|second)|knot)$/;

/** The full name the article gave a surname before ("Walker" → "Paul Walker"), else the name as written. */
function fullName(name: string, people: ReadonlyMap<string, string | null>): string {
  const full = people.get(name.split(/\s+/).pop() ?? '');
  return full && full.endsWith(name) ? full : name;
}

/** A name without the roles and titles written before it ("Actor Paul Walker" → "Paul Walker"). */
function withoutRoles(text: string): string {
  const words = text.replace(/^the\s+/i, '').split(/\s+/);
  while (words.length > 2 && ROLES.has(words[0].toLowerCase().replace(/\.$/, ''))) words.shift();
  return words.join(' ');
}

/** Words before a bare number that make it an age ("aged 42", "at age 42", "at the age of 85"). */
const AGE_LEAD = /^(aged|age)$/;

/**
 * The person whose age a figure is, or null when it is not an age: "John Smith, 42," (a whole number
 * set off by commas after a name), "aged 42", "at the age of 85" (the name before in the sentence),
 * "the 40-year-old actor Paul Walker" (the name or the noun after). An age with no one to hold it
 * is not read: a story names many people, and their ages must not be compared with each other.
 */
function ageOf(q: QuantityMention, tokens: Token[], first: number, last: number, people: ReadonlyMap<string, string | null>, sentenceStart: number): string | null {
  const v = q.value.max;
  if (!Number.isInteger(v) || v < 1 || v > 119 || q.value.min !== v) return null;
  if (q.kind !== 'number' && q.value.unit !== 'year-old') return null;
  const all = findNames(tokens, sentenceStart).filter((n) => !isOrganisation(n.text));
  const names = all.filter((n) => n.last < first);
  const person = (n: { text: string } | undefined): string | null => {
    if (!n) return null;
    const words = withoutRoles(n.text).split(/\s+/);
    // A surname stands for the full name the article gave it before ("Macron, 39,", "Le Pen, 48,").
    const name = fullName(words.join(' '), people);
    return /^[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+)+$/u.test(name) ? name : null;
  };
  if (q.kind === 'number') {
    const end = tokens[last + 1];
    const apposed = tokens[first - 1]?.text === ',' && (!end || /^[,.;)]$/.test(end.text));
    // (a surname opening the sentence is no name to the name finder: "Macron, 39, will be …")
    const opening = first === 2 ? openingName(tokens) : null;
    if (apposed) return person(names.find((n) => n.last === first - 2) ?? (opening ? { text: opening } : undefined));
    const lead = tokens[first - 1]?.lower ?? '';
    // "Smith died aged 42", "Paul Walker died at the age of 40": the name just before the saying of the age.
    const at = lead === 'of' ? first - 4 : first - 1;
    if (AGE_LEAD.test(lead) || (lead === 'of' && tokens[first - 2]?.lower === 'age')) return person(names.filter((n) => n.last >= at - 5).pop());
    return null;
  }
  // "40-year-old actor Paul Walker": a name within the next few words; else the name just before ("Walker, a 40-year-old").
  const after = all.find((n) => n.first > last && n.first <= last + 3);
  return person(after) ?? person(names.find((n) => n.last >= first - 4 && tokens[n.last + 1]?.text === ','));
}

/** Words that set a clause on another occasion than the story's ("a similar attack", "a previous crash"). */
const OTHER_OCCASION = /^(similar|another|previous|earlier|prior|former|separate)$/;

/** The clause of the figure at `first` (from its last comma or semicolon) speaks of another occasion. */
function otherOccasion(tokens: Token[], first: number): boolean {
  for (let k = first - 1; k >= 0 && !/^[,;:]$/.test(tokens[k].text); k--) if (OTHER_OCCASION.test(tokens[k].lower)) return true;
  return false;
}

/**
 * A headline's verb in the present before a count ("Quake kills 12", "Blast injures 30"), or a
 * participle ("killing five people"), read as its past form, which is how the measures' lexicon
 * names it.
 */
function headlineVerb(tokens: Token[], first: number): { word: string; stem: string } | null {
  let k = first - 1;
  while (k >= 0 && BEFORE_COUNT.test(tokens[k].lower)) k--;
  const t = tokens[k];
  if (!t || t.kind !== 'word') return null;
  // "kills 12" (a headline's present), "killing five people", "injuring 30" (a participle)
  const base = /^[a-z]{3,}ing$/.test(t.lower) ? t.lower.slice(0, -3) : /^[a-z]{3,}s$/.test(t.lower) ? t.lower.slice(0, -1) : null;
  if (base === null) return null;
  const past = base.endsWith('e') ? `${base}d` : `${base}ed`;
  return predicateConcept(past) ? { word: past, stem: stem(past) } : null;
}

const COMPARISON_HEADS = /^(advantage|gap|difference|premium|discount|edge|lead|disadvantage|markup)$/;

/** The comparison a multiplier qualifies ("10–20x cost advantage" → "cost advantage"), or null. */
function comparisonAfter(tokens: Token[], last: number): string | null {
  const words: string[] = [];
  for (let k = last + 1; k < Math.min(tokens.length, last + 4); k++) {
    if (tokens[k].kind !== 'word') break;
    words.push(tokens[k].text);
    if (COMPARISON_HEADS.test(tokens[k].lower)) return words.join(' ');
  }
  return null;
}

/**
 * A payment per unit written as such ("$1.10 per million output tokens", "$20 a month"): the metric
 * is the price of that unit (key `price:UNIT`, as the prices derived from a payment for a quantity),
 * about the name written just before ("DeepSeek V3.2 at $1.10", "V4 costs $0.28") or after ("$0.28
 * for DeepSeek V4").
 */
function priceMetric(q: QuantityMention, tokens: Token[], first: number, entities: Claim['entities']): MetricReading | null {
  if (!isMoney(q.value.unit) || !q.value.per) return null;
  const noun = perNoun(q.value.per);
  // "$2.1 billion annually", "$20 a month": money over time is revenue or spending, read as such.
  if (!noun || TIME_PER.test(noun)) return null;
  let subject: string | null = null;
  const lead = tokens[first - 1];
  const named = entities.filter((e) => e.end <= q.start).pop();
  if (named && lead) {
    const gap = tokens.filter((t) => t.start >= named.end && t.end <= q.start);
    if (gap.length <= 2 && gap.every((t) => /^(at|costs?|charges?|is|was|priced|for|of|:|,|—|–|-|only|just|about|around|roughly)$/.test(t.lower))) subject = named.text;
  }
  subject ??= nameAfter(tokens, q, entities) ?? agentBefore(tokens, first);
  return { text: `price per ${q.value.per}`, key: `price:${noun}`, subject, unit: null, per: null, cumulative: false, anaphoric: false };
}

/** The counted unit of a rate's denominator: "million output tokens" → "token", "month" → "month". */
function perNoun(per: string): string | null {
  const last = /(\p{L}+)\W*$/u.exec(per)?.[1]?.toLowerCase();
  if (!last) return null;
  if (/(ss|us|is)$/.test(last)) return last;
  if (/ies$/.test(last)) return last.slice(0, -3) + 'y';
  return last.replace(/s$/, '');
}

/** The period is written right after an event verb ("said on March 23", "announced Tuesday", "launched in April 2026"). */
function datesAnEvent(p: PeriodMention, tokens: Token[]): boolean {
  let i = tokenAt(tokens, p.start) - 1;
  if (/^(on|in|at|this|last)$/.test(tokens[i]?.lower ?? '')) i--;
  return i >= 0 && eventVerbs.has(tokens[i].lower);
}

/** A figure compared with, between a figure and a time: the time is that figure's ("… from 4 pence a year earlier"). */
const BASE_BETWEEN = /\b(?:compared\s+(?:with|to)|versus|vs\.?|from|than)\s+(?:about\s+|around\s+|nearly\s+|roughly\s+)?(?:[$€£¥]|[A-Z]{1,3}\$)?\d/i;

/** The time a figure is about: the expression right after it ("100 billion in early 2024"), else before it in the same clause, else the sentence's only one. */
function choosePeriod(q: QuantityMention, next: QuantityMention | undefined, dated: PeriodMention[], used: Set<PeriodMention>, text: string): PeriodMention | null {
  // "from early 2024 (100 billion per day) to early 2026 (140 trillion per day)", "In 2025: 3.1 million"
  const glued = dated.find((p) => p.end <= q.start && /^\s*[(:]\s*$/.test(text.slice(p.end, q.start)));
  if (glued) return glued;
  // "compared with a year earlier", and "$254 million, compared with $198 million, a year earlier": the time of what it is compared with.
  const comparedWith = (p: PeriodMention): boolean => COMPARED_WITH.test(text.slice(Math.max(0, p.start - 16), p.start)) || (p.start >= q.end && BASE_BETWEEN.test(text.slice(q.end, p.start)));
  const after = dated.find((p) => p.start >= q.end && p.start - q.end <= 60 && (!next || p.start < next.start) && !/[;:]/.test(text.slice(q.end, p.start)) && !comparedWith(p));
  if (after) return after;
  const beforeP = [...dated].reverse().find((p) => p.end <= q.start && q.start - p.end <= 120 && !used.has(p) && !/[;]/.test(text.slice(p.end, q.start)));
  if (beforeP) return beforeP;
  const free = dated.filter((p) => !used.has(p) && !(p.start >= q.end && comparedWith(p)));
  if (free.length === 1 && !next) return free[0];
  // "earned $141 million and paid $44 million in taxes from 2007 to 2014": one time for the sentence.
  if (dated.length === 1 && dated[0].start >= q.end && !/[;:]/.test(text.slice(q.end, dated[0].start)) && !comparedWith(dated[0])) return dated[0];
  return null;
}

/** "from 2007 to 2014", "between March and May 2026", "2019–2021": two times joined into one stretch. */
function joinRanges(ps: PeriodMention[], text: string): PeriodMention[] {
  const out: PeriodMention[] = [];
  for (let i = 0; i < ps.length; i++) {
    const a = ps[i];
    const b = ps[i + 1];
    if (b && a.from && a.to && b.from && b.to && a.type === 'DATE' && b.type === 'DATE' && a.from <= b.from) {
      const between = text.slice(a.end, b.start);
      const lead = /\b(from|between)\s+$/i.test(text.slice(Math.max(0, a.start - 10), a.start));
      if ((lead && /^\s*(to|through|thru|until|till|and|[-–—])\s*$/i.test(between)) || /^\s*[–—]\s*$|^-$/.test(between)) {
        out.push({ text: text.slice(a.start, b.end), start: a.start, end: b.end, from: a.from, to: b.to, type: 'DATE', anchor: a.anchor, timex: `${a.timex ?? ''}/${b.timex ?? ''}` });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** "processing 100 million output tokens ... pays roughly $42 on X": a price per unit, derived. */
function derivePrices(out: Draft[], tokens: Token[], s: Span, block: string, blockIndex: number, attr: Attribution | null, entities: Claim['entities']): void {
  const counts = out.filter((d) => d.kind === 'figure' && d.value && d.value.unit && !isMoney(d.value.unit) && d.value.unit !== '%' && d.value.unit !== 'x' && d.value.min === d.value.max);
  if (counts.length !== 1) return;
  const count = counts[0];
  const payVerb = tokens.some((t) => /^(pays|pay|paid|costs|cost|charges|charge|charged|spends|spent|billed)$/.test(t.lower));
  if (!payVerb) return;
  for (const money of out.filter((d) => d.value && isMoney(d.value.unit) && !d.value.per)) {
    const amount = money.value!;
    const units = count.value!.min;
    if (units <= 0) continue;
    const scale = units >= 1e6 ? 1e6 : units >= 1e3 ? 1e3 : 1;
    const scaleWord = scale === 1e6 ? 'million ' : scale === 1e3 ? 'thousand ' : '';
    const unitText = (count.quantity?.unitText ?? count.value!.unit ?? '').replace(/^(daily|monthly|weekly)\s+/i, '');
    const subject = nameAfter(tokens, money.quantity!, entities);
    // The payment itself is the cost of that quantity: it compares only with costs of the same quantity.
    money.metric = { ...money.metric, text: `cost of ${count.quantity?.text ?? units} ${unitText}`.trim(), key: `cost:${count.value!.unit}@${units}${count.value!.per ? '/' + count.value!.per : ''}`, anaphoric: false };
    money.subject = subject ?? money.subject;
    out.push({
      ...money,
      kind: 'figure',
      value: { min: (amount.min * scale) / units, max: (amount.max * scale) / units, unit: amount.unit, per: `${scaleWord}${unitText}`.trim(), approx: amount.approx, bound: amount.bound },
      metric: { ...money.metric, text: `price per ${scaleWord}${unitText}`.trim(), key: `price:${count.value!.unit}`, unit: null, per: null, anaphoric: false },
      subject: subject ?? money.subject,
      series: null,
      change: null,
      event: null,
      isBase: false,
      sentence: s,
      block,
      blockIndex,
      attribution: attr,
      entities,
    });
  }
}

/** A name right after a figure ("$42 on DeepSeek V3.2", "$1,000 for GPT-5.4"). */
function nameAfter(tokens: Token[], q: QuantityMention, entities: Claim['entities']): string | null {
  const i = tokenAt(tokens, q.end);
  if (!/^(on|for|with|at|from|using|via)$/.test(tokens[i]?.lower ?? '')) return null;
  const e = entities.find((x) => x.start === tokens[i + 1]?.start);
  return e ? e.text : null;
}

/** "from X in T1 to Y by T2, and Z by T3": the points share metric, subject and unit, and are linked. */
function linkSeries(out: Draft[], s: Span): void {
  const points = out.filter((d) => d.kind === 'figure' && d.period && d.value && !isMoney(d.value.unit) && d.value.unit !== '%');
  if (points.length < 2) return;
  const periods = new Set(points.map((p) => `${p.period!.from}/${p.period!.to}`));
  if (periods.size < 2) return;
  const lead = points.find((p) => p.metric.key && !p.metric.anaphoric) ?? null;
  const unit = points.find((p) => p.value!.unit)?.value!.unit ?? lead?.metric.unit ?? null;
  const compatible = points.filter((p) => p.value!.unit === null || p.value!.unit === unit);
  // "from 100 billion daily calls in early 2024 … to 140 trillion": every point is a daily count.
  const pers = new Set(compatible.map((p) => p.value!.per).filter((x) => x !== null));
  const per = pers.size === 1 ? [...pers][0] : null;
  if (compatible.length < 2) return;
  compatible.forEach((p, index) => {
    if (lead && (!p.metric.key || p.metric.anaphoric || p.metric.key !== lead.metric.key)) {
      p.metric = { ...lead.metric };
      p.subject = p.subject ?? lead.subject;
    }
    if (p.value && p.value.unit === null && unit) p.value = { ...p.value, unit };
    if (p.value && p.value.per === null && per) p.value = { ...p.value, per };
    p.series = { key: `${s.start}`, index };
  });
}

/** A stated change relates the figure it starts from ("from 100 trillion", "than the 100 billion") to the sentence's main figure. */
function linkChanges(out: Draft[]): void {
  const figures = out.filter((d) => d.kind === 'figure' && d.value && !isMoney(d.value.unit));
  for (const c of out.filter((d) => d.kind === 'change')) {
    const base = figures.find((f) => f.isBase && f.quantity!.start > c.quantity!.start) ?? figures.find((f) => f.isBase);
    const target = figures.find((f) => !f.isBase && f !== base);
    c.change = { direction: c.change?.direction ?? null, from: base ?? null, to: target ?? null };
  }
}

/** Dated statements and launches: "said on March 23", "told reporters in Beijing today", "launched V4 in April 2026". */
function readEvents(s: Span, block: string, blockIndex: number, tokens: Token[], ps: PeriodMention[], attr: Attribution | null, entities: Claim['entities'], ctx: AttributionContext, figures: Draft[], people: ReadonlyMap<string, string | null> = new Map()): Draft[] {
  const out: Draft[] = [];
  const taken = new Set(figures.map((f) => f.period));
  for (let v = 0; v < tokens.length; v++) {
    const type = eventVerbs.get(tokens[v].lower);
    if (!type) continue;
    // "Max Born": a capital inside a sentence is a name, not the verb.
    if (ONCE_EVENTS.has(type) && tokens[v].cap && v > 0 && block !== 'title' && block !== 'heading') continue;
    const verbEnd = tokens[v].end;
    const longest = ONCE_EVENTS.has(type) ? 366 : 31;
    const date = ps.find((p) => p.from && p.to && p.type !== 'DURATION' && !taken.has(p) && p.start >= verbEnd && p.start - verbEnd <= 70 && days(p.from!, p.to!) <= longest);
    if (!date) continue;
    taken.add(date);
    let actor: string | null = null;
    if (type === 'statement') actor = attr?.name ?? attr?.organisation ?? null;
    else {
      const e = entities.filter((x) => x.end <= tokens[v].start).pop();
      actor = e ? e.text : null;
      // "LinkedIn, founded in 2003", "Walker was born in 1973": a name that opens the sentence
      // is the one founded or born (the name finder passes over a lone word there).
      if (!actor && ONCE_EVENTS.has(type) && v <= 4) actor = openingName(tokens);
      // "Walker was born in 1973" after "Paul Walker": the full name, so that outlets meet.
      if (actor) actor = fullName(actor, people);
      // A death is a named person's ("an Israeli soldier was killed" is no one's to compare).
      if (type === 'death' && actor && (!/\s/.test(actor) || isOrganisation(actor))) actor = null;
    }
    if (!actor && type === 'statement') {
      const main = mainSpeaker(ctx);
      actor = main;
    }
    const place = placeNear(tokens, v, entities);
    out.push(eventDraft(s, block, blockIndex, date, { text: type, key: `event:${type}` }, attr, entities, { type, actor, place }));
  }
  return out;
}

/** Words that open a sentence without naming anyone. */
const PRONOUNS = /^(the|a|an|it|he|she|they|we|i|this|that|these|those|its|his|her|their|our|there)$/;

/**
 * A lone capitalised word that opens the sentence and is set off or described ("LinkedIn, founded
 * in 2003", "Macron, 39,", "Walker was born in 1973"): a name the name finder passes over there.
 */
function openingName(tokens: Token[]): string | null {
  const t = tokens[0];
  return t && t.kind === 'word' && t.cap && !PRONOUNS.test(t.lower) && /^(,|was|is)$/.test(tokens[1]?.lower ?? '') ? t.text : null;
}

const OCCASION_TYPE: Record<string, string> = { debates: 'debate', elections: 'election', protests: 'protest', attacks: 'attack', floods: 'flood', caucuses: 'caucus', quake: 'earthquake', tremor: 'earthquake' };
const DETERMINERS = /^(the|a|an|this|that|his|her|their|its|our|your|my|whose|of|for|at|in|on|after|before|during|since|and|or|but|with|by|from|to)$/;
/** "next Tuesday's debate", "an upcoming vote": what has not happened cannot be misdated. */
const AHEAD = /^(next|upcoming|coming|planned|scheduled|expected|proposed|future|possible|potential)$/;

/**
 * Dated occasions named by a noun: "The vice presidential debate on Tuesday", "Thursday's Senate
 * vote", "the Napa earthquake early Sunday". The words before the noun that say which occasion it
 * is ("vice presidential", "Senate") make its key, `event:debate:vice-presidential`; without them
 * ("the meeting on Tuesday") there is nothing to hold another article's date against, and none is
 * read. The date must be one day, written next to the noun, or the sentence's only one.
 */
function readOccasions(s: Span, block: string, blockIndex: number, tokens: Token[], ps: PeriodMention[], attr: Attribution | null, entities: Claim['entities'], taken: Draft[], text: string): Draft[] {
  // A day that dates a statement ("said on Tuesday") is not an occasion's; one a figure took may be
  // ("A bus crash killed 12 people on Tuesday": the toll and the crash share the day).
  const used = new Set(taken.filter((d) => d.kind === 'event').map((d) => d.period));
  const days1 = ps.filter((p) => p.from && p.to && p.type !== 'DURATION' && p.from === p.to && !used.has(p));
  if (days1.length === 0) return [];
  const nouns: Array<{ v: number; qualifier: string[] }> = [];
  for (let v = 1; v < tokens.length; v++) {
    // A noun inside a time expression ("March 2012", "the Election Day") names a time, not an occasion.
    if (!eventNouns.has(tokens[v].lower) || ps.some((p) => p.start <= tokens[v].start && tokens[v].start < p.end)) continue;
    // "the National Hurricane Center": a word inside a name, not an occasion.
    if (tokens[v].cap && tokens[v - 1]?.cap && tokens[v + 1]?.cap && tokens[v + 1].kind === 'word') continue;
    const qualifier: string[] = [];
    let k = v - 1;
    while (k >= 0 && qualifier.length < 3 && tokens[k].kind === 'word' && !DETERMINERS.test(tokens[k].lower) && !eventNouns.has(tokens[k].lower)) {
      if (AHEAD.test(tokens[k].lower) || ps.some((p) => p.start <= tokens[k].start && tokens[k].start < p.end)) break;
      qualifier.unshift(tokens[k].lower);
      k--;
    }
    // "next Tuesday's debate": ahead, whatever its words.
    if (tokens.slice(Math.max(0, k - 3), v).some((t) => AHEAD.test(t.lower))) continue;
    if (qualifier.length === 0 || !/^(the|a|an|this|that|'s)$/.test(tokens[k]?.lower ?? '')) continue;
    // "A gunman opened fire", "the car caught fire": a verb before the noun, not words that say which.
    if (/[a-z]{2,}ed$/.test(qualifier[qualifier.length - 1]) && eventVerbs.get(qualifier[qualifier.length - 1]) === undefined && !/^(the|this|that)$/.test(tokens[k]?.lower ?? '')) continue;
    nouns.push({ v, qualifier });
  }
  const out: Draft[] = [];
  for (const { v, qualifier } of nouns) {
    const noun = tokens[v];
    // next to the noun: "debate on Tuesday", "earthquake early Sunday"; or the sentence's only day for its only occasion
    const date =
      days1.find((p) => p.start >= noun.end && /^\s*(?:on|early|late|last|this)?\s*$/i.test(text.slice(noun.end, p.start))) ??
      (nouns.length === 1 && days1.length === 1 ? days1[0] : undefined);
    if (!date) continue;
    const type = OCCASION_TYPE[noun.lower] ?? noun.lower;
    const which = qualifier.join(' ');
    out.push(eventDraft(s, block, blockIndex, date, { text: `${which} ${noun.lower}`, key: `event:${type}:${which.replace(/[^a-z0-9]+/g, '-')}` }, attr, entities, { type, actor: null, place: null }));
  }
  return out;
}

function eventDraft(s: Span, block: string, blockIndex: number, date: PeriodMention, metric: { text: string; key: string }, attr: Attribution | null, entities: Claim['entities'], event: NonNullable<Claim['event']>): Draft {
  return {
    kind: 'event',
    sentence: s,
    block,
    blockIndex,
    quantity: null,
    value: null,
    period: date,
    metric: { ...metric, subject: null, unit: null, per: null, cumulative: false, anaphoric: false },
    subject: event.actor,
    attribution: attr,
    entities,
    series: null,
    change: null,
    event,
    isBase: false,
  };
}

function mainSpeaker(ctx: AttributionContext): string | null {
  for (const s of ctx.speakers.values()) if (s.name && s.name.includes(' ')) return s.name;
  return null;
}

function placeNear(tokens: Token[], v: number, entities: Claim['entities']): string | null {
  for (let k = v + 1; k < Math.min(tokens.length, v + 12); k++) {
    if (!/^(in|at)$/.test(tokens[k].lower)) continue;
    let j = k + 1;
    if (tokens[j]?.lower === 'the') j++;
    const e = entities.find((x) => x.start === tokens[j]?.start);
    if (e) return e.text;
  }
  return null;
}

function days(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 864e5;
}

/** Figures that point back ("that number", "the volume") take the metric of the paragraph's last figure; changes without figures in their sentence relate the paragraph's. */
function resolveAcrossSentences(drafts: Draft[]): void {
  let last: Draft | null = null;
  let lastSubject: { blockIndex: number; concept: string; subject: string } | null = null;
  for (const d of drafts) {
    if (d.kind === 'event') continue;
    // "That number" looks back within its paragraph or into the one just before, never over a heading.
    if (last && last.blockIndex !== d.blockIndex && (d.block !== 'paragraph' || d.blockIndex - last.blockIndex > 1)) last = null;
    // An unnamed figure takes the metric before it only when it counts the same thing in the same
    // paragraph ("… 140 trillion tokens. Two years ago, 100 billion tokens"); a bare share ("some 20
    // percent spent on border control") is of something else unless it points back ("that share").
    const continues = (x: Draft, l: Draft): boolean =>
      x.value !== null && x.value.unit !== '%' && !isMoney(x.value.unit) && (x.value.unit === null ? !isMoney(l.value?.unit ?? null) && l.value?.unit !== '%' : x.value.unit === l.value?.unit) && x.blockIndex === l.blockIndex;
    if (last && last.metric.key && !bareKey(last) && !OWN_MEASURES.test(last.metric.key) && d.kind === 'figure' && (d.metric.anaphoric || ((!d.metric.key || bareKey(d)) && continues(d, last)))) {
      const unitOk = !d.value || d.value.unit === null || d.value.unit === last.value?.unit;
      if (unitOk) {
        d.metric = { ...last.metric };
        d.subject ??= last.subject;
        if (d.value && d.value.unit === null && last.value?.unit) d.value = { ...d.value, unit: last.value.unit };
      }
    }
    if (d.kind === 'figure' && d.value && d.value.unit === null && d.metric.unit) d.value = { ...d.value, unit: d.metric.unit };
    if (d.kind === 'figure' && d.value && d.metric.per && !d.value.per) d.value = { ...d.value, per: d.metric.per };
    // A daily count is another metric than a total: the key names the time denominator.
    if (d.kind === 'figure' && d.value?.per && TIME_PER.test(d.value.per) && d.metric.key && !/[/:~]/.test(d.metric.key)) d.metric = { ...d.metric, key: `${d.metric.key}/${d.value.per}` };
    // A figure without a subject takes the one of the same metric earlier in its paragraph.
    const concept = d.metric.key ?? '';
    if (d.subject && d.metric.key) lastSubject = { blockIndex: d.blockIndex, concept, subject: d.subject };
    else if (!d.subject && lastSubject && lastSubject.blockIndex === d.blockIndex && lastSubject.concept === concept && d.metric.key) d.subject = lastSubject.subject;
    if (d.kind === 'change' && d.change && !d.change.to) {
      // A change that names its measure ("Revenue rose 33%") runs between figures of that measure,
      // not the paragraph's other figures ("67 cents a share … 34 cents a share, a year earlier").
      const own = d.metric.key && !d.metric.anaphoric && !isGrowth(d.metric.key) ? d.metric.key.replace(/~change$/, '') : null;
      const same = drafts.filter((x) => x.kind === 'figure' && x.blockIndex === d.blockIndex && x.period && x.metric.key && x !== d && (own === null || x.metric.key === own));
      const sorted = [...same].sort((a, b) => a.period!.from!.localeCompare(b.period!.from!));
      // A change runs between two times: figures all of one time ("$4.67 a share, from … $4.41 a
      // share, last year", both read as last year's) are not its ends.
      if (same.length >= 2 && sorted[0].period!.from !== sorted[sorted.length - 1].period!.from) {
        d.change = { ...d.change, from: d.change.from ?? sorted[0], to: sorted[sorted.length - 1] };
      } else if (same.length < 2 && last && last.kind === 'figure') d.change = { ...d.change, to: last };
    }
    if (d.kind === 'change' && d.change) {
      const ref = d.change.to ?? d.change.from;
      if (ref?.metric.key && (!d.metric.key || d.metric.anaphoric || isGrowth(d.metric.key) || d.metric.key === ref.metric.key)) {
        d.metric = { ...ref.metric, text: `change in ${ref.metric.text ?? ref.metric.key}`, key: `${ref.metric.key}~change` };
        d.subject ??= ref.subject;
      } else if (d.metric.key && !d.metric.key.endsWith('~change')) d.metric = { ...d.metric, key: `${d.metric.key}~change` };
    }
    if (d.kind === 'figure' && d.metric.key) last = d;
  }
}

/**
 * A figure named only by its noun ("What 140 Trillion Tokens Does Not Tell You") that repeats a
 * figure of the article with a named metric ("daily AI token consumption surpassed 140 trillion")
 * is that figure again: it takes its metric, subject and time denominator.
 */
function restatements(drafts: Draft[]): void {
  const named = drafts.filter((d) => d.kind === 'figure' && d.value && d.metric.key && !bareKey(d) && !d.metric.anaphoric);
  for (const d of drafts) {
    if (d.kind !== 'figure' || !d.value || (d.metric.key && !bareKey(d))) continue;
    // A sentence that names others ("… include international use of Chinese models via OpenRouter")
    // says something new about the figure: it stays its own claim. Headings are restatements.
    if (d.block !== 'title' && d.block !== 'heading' && d.entities.length > 0) continue;
    const same = named.find((n) => n.value!.min === d.value!.min && n.value!.max === d.value!.max && (d.value!.unit === null || n.value!.unit === d.value!.unit) && (d.value!.per === null || n.value!.per === d.value!.per));
    if (!same) continue;
    d.metric = { ...same.metric };
    d.subject ??= same.subject;
    // The same figure rests on the same authority (not on whoever the paragraph quoted last).
    d.attribution = same.attribution;
    d.value = { ...d.value, unit: d.value.unit ?? same.value!.unit, per: d.value.per ?? same.value!.per };
  }
}

/** The metric is only the counted noun ("token", "token/day"): nothing names what is counted. */
function bareKey(d: Draft): boolean {
  return d.value !== null && d.value.unit !== null && d.metric.key !== null && d.metric.key.split('/')[0] === d.value.unit;
}

function isGrowth(key: string): boolean {
  return /^(growth|decline)/.test(key);
}

function toClaim(d: Draft, input: ClaimInput, resolver: EntityResolver, lines: number[]): Claim {
  const { read, articleId } = input;
  // A span takes its figure's metric and subject as they stand after the article-wide passes.
  if (d.spanOf) {
    const f = d.spanOf.figure;
    d = { ...d, subject: f.subject, attribution: f.attribution, metric: { ...f.metric, text: `time of ${f.metric.text ?? 'the figure'}`, key: f.metric.key ? `span:${f.metric.key}` : null } };
  }
  const span = spanToSource(read.runs, d.sentence);
  const quote = read.format === 'html' ? read.text.slice(d.sentence.start, d.sentence.end) : read.source.slice(span.start, span.end);
  const { line, column } = lineColumn(lines, span.start);
  const figureSpan = d.quantity ? spanToSource(read.runs, d.quantity) : null;
  const id = claimId(articleId, d);
  const period: ClaimPeriod | null = periodOf(d);
  const subject = d.subject ? named(d.subject.replace(/^the\s+/i, '')) : null;
  const subjectKey = subject ? familyKey(d.subject!) ?? resolver(subject).canonical : null;
  const attribution = d.attribution?.text ?? null;
  return {
    id,
    article: articleId,
    quote,
    start: span.start,
    end: span.end,
    line,
    column,
    subject,
    metric: d.metric.text,
    value: d.value,
    period,
    attribution,
    sources: [],
    kind: d.kind,
    figure: d.quantity && figureSpan ? { text: d.quantity.text, start: figureSpan.start, end: figureSpan.end } : null,
    subjectKey,
    metricKey: d.metric.key,
    speaker: d.attribution?.name ?? null,
    organisation: d.attribution?.organisation ?? null,
    series: d.series ? { id: `${articleId}:s${d.series.key}`, index: d.series.index } : null,
    change: d.change ? { direction: d.change.direction, from: d.change.from ? claimId(articleId, d.change.from) : null, to: d.change.to ? claimId(articleId, d.change.to) : null } : null,
    event: d.event,
    ...(d.earlier ? { earlier: true } : {}),
    ...(d.spanOf ? { span: { of: claimId(articleId, d.spanOf.figure), written: d.spanOf.written } } : {}),
    entities: d.entities.map((e) => {
      const a = spanToSource(read.runs, e);
      return { ...e, start: a.start, end: a.end };
    }),
    block: d.block,
  };
}

/**
 * A family or a couple named by their surname: "the Clintons", "Hillary and Bill Clinton", "she and
 * former President Bill Clinton" all key as "clinton" (one person alone keeps their full name).
 */
function familyKey(written: string): string | null {
  const subject = written.replace(/^the\s+/i, '');
  // "the Clintons" (a family takes "the"; "Texas" and "Paris" do not)
  const plural = /^([A-Z][a-z]+?)s$/.exec(subject);
  if (plural && /^the\s/i.test(written)) return plural[1].toLowerCase();
  // "Hillary and Bill Clinton": the surname of the full name closing the pair ("Texas and Oklahoma" has none)
  const pair = /^(.+?)\s+(?:and|&)\s+(.+)$/.exec(subject);
  if (!pair || !/\s/.test(pair[2])) return null;
  const last = /([A-Z][a-z]+)$/.exec(subject);
  return last ? last[1].toLowerCase() : null;
}

function periodOf(d: Draft): ClaimPeriod | null {
  if (d.kind === 'change' && d.change?.from?.period?.from && d.change.to?.period?.to) {
    return { start: d.change.from.period.from, end: d.change.to.period.to, text: `${d.change.from.period.text} – ${d.change.to.period.text}` };
  }
  if (d.period?.from && d.period.to) return { start: d.period.from, end: d.period.to, text: d.period.text };
  return null;
}

function claimId(articleId: string, d: Draft): string {
  const anchor = `${articleId}|${d.kind}|${d.sentence.start}|${d.quantity?.start ?? d.period?.start ?? 0}|${d.value?.per ?? ''}`;
  return 'c-' + hash('sha1', anchor, 'hex').slice(0, 12);
}

/** Offsets at which each line of the source starts. */
export function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of a source offset, given the line starts. */
export function lineColumn(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}
