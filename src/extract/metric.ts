/**
 * What a figure measures and of whom: the metric phrase around a quantity ("China's daily AI token
 * usage has surpassed 140 trillion" → subject China, metric "daily AI token usage"), normalised to a
 * key in which synonyms meet (usage / consumption / volume) and different things stay apart (a
 * weekly count is not a daily one; a share of one total is not a share of another).
 */
import lexicon from './data/claim-metrics.json' with { type: 'json' };
import { abbreviationStop, demonymCountry, findNames, joinTokens, type NameSpan } from './entities.js';
import { singular, type Token } from './tokens.js';

interface Head {
  concept: string;
  cumulative: boolean;
}
const heads = new Map<string, Head>();
for (const h of lexicon.heads) for (const w of h.words) heads.set(w, { concept: h.concept, cumulative: Boolean((h as { cumulative?: boolean }).cumulative) });
const denominators: Array<{ words: string[]; per: string }> = lexicon.denominators.flatMap((d) => d.words.map((w) => ({ words: w.split(/\s+/), per: d.per })));
const modifiers = new Set(lexicon.modifiers.words);
/** The denominators by first word, in the order above (only these can match at a word). */
const denominatorsByFirst = new Map<string, typeof denominators>();
for (const d of denominators) denominatorsByFirst.set(d.words[0], [...(denominatorsByFirst.get(d.words[0]) ?? []), d]);

/**
 * The concept a predicate names when it is one of the lexicon's heads ("killed", "died" → deaths;
 * "injured" → injured; "detained" → arrests), with whether it counts up over time; else null.
 */
export function predicateConcept(word: string): Head | null {
  return heads.get(word.toLowerCase()) ?? null;
}

/** Nouns a percentage is the rate of ("a 25 percent tariff", "a 10% tax", "a 3% raise"). */
const RATE_NOUNS = new Set(lexicon.rateNouns.words);

/** Verbs and prepositions that link a metric phrase to its figure ("usage has exceeded 140 trillion"). */
const LINKS = new Set(
  'is was are were be been being has have had hit hits reached reach reaches reaching exceeded exceed exceeds exceeding surpassed surpass surpasses surpassing topped tops crossed cross crosses totaled totalled totals totaling total stood stands stand at of to from grew grow grows rose rise rises jumped jump jumps climbed climbs fell fall falls dropped drops declined declines increased increases decreased hit passed passes contributed contributes accounted accounts accounting for paid pays pay earned earns made makes raised spent spends cost costs charge charges charged received receives generated generates recorded records registered reported reporting numbered numbers came come comes amounted amounts amounting reaching approached approaching stood further also now already still just only nearly almost roughly about around some over more than less under up down by mark will would could may might expected projected estimated likely soared soaring surged surging jumped jumping doubled tripled been alone gained gains gain slipped slips slid slides slumped slumps plunged plunges tumbled tumbles eased eases edged edges advanced advances shrank shrinks widened widens narrowed narrows improved improves rebounded rebounds recovered recovers dipped dips sank sinks plummeted plummets expanded expands contracted contracts retreated retreats halved posted posts booked rising falling climbing sinking sank dropping declining increasing decreasing growing jumping slipping sliding plunging tumbling easing edging advancing gaining totalling'.split(' '),
);
/** Verbs among LINKS that say who did something with the figure (the phrase before is the subject). */
const AGENT_VERBS = new Set('contributed contributes paid pays pay earned earns made makes raised spent spends charge charges charged received receives generated generates recorded records registered accumulated accumulates donated gave give gives sold sells bought buys owes owed lost loses'.split(' '));
const STOP = new Set('there that which who whom whose and but or while as when where because although though if than said says told according since after before during with without against into onto upon'.split(' '));
/** Scale words written after a number ("$9.8 million"). */
const SCALES = /^(thousand|million|billion|trillion|mln|bln|m|bn)$/;
const BOUNDARY = new Set([',', ';', ':', '—', '–', '(', ')', '"', '“', '”', '.', '!', '?']);

export interface MetricReading {
  /** The metric phrase as written ("daily AI token usage"), or null. */
  text: string | null;
  key: string | null;
  subject: string | null;
  /** Unit suggested by the phrase ("token" from "token usage") when the figure has none. */
  unit: string | null;
  /** Time denominator from the phrase ("daily" → "day"). */
  per: string | null;
  cumulative: boolean;
  /** The phrase is anaphoric ("that number", "the volume"): take the metric of an earlier figure. */
  anaphoric: boolean;
}

/** Words that set the scope of a measure, kept in its key whatever the head ("federal taxes" is not "state taxes"). */
const SCOPE = new Set('federal state local municipal provincial regional global worldwide domestic international foreign public private military civilian'.split(' '));

const EMPTY: MetricReading = { text: null, key: null, subject: null, unit: null, per: null, cumulative: false, anaphoric: false };

/**
 * Read the metric of the quantity whose tokens are `first..last` in the sentence tokens.
 * `unit` is the quantity's own unit (a head noun like "token" or "protester", "%", "USD", "x").
 */
export function readMetric(tokens: Token[], first: number, last: number, unit: string | null, sentenceStart: number): MetricReading {
  const names = namesOf(tokens, sentenceStart);
  let phrase = leftPhrase(tokens, first);
  let verb: string | null = phrase ? tokens[phrase.verb]?.lower ?? null : null;
  let right = rightPhrase(tokens, last, unit);
  // "a 25 percent tariff", "tariffs of 25 percent", "a 3% raise": a percentage is the rate of the
  // noun it qualifies, not a share of it.
  if (unit === '%') {
    const after = tokens[last + 1];
    const before = phrase && verb === 'of' ? tokens[phrase.end] : undefined;
    for (const t of [after, before]) {
      const w = t && t.kind === 'word' ? singular(t.lower) : null;
      if (w && RATE_NOUNS.has(w)) return { text: t!.text, key: w, subject: null, unit: null, per: null, cumulative: false, anaphoric: false };
    }
  }
  if (phrase && verb && AGENT_VERBS.has(verb) && right) {
    const who = agent(tokens, coordinatedStart(tokens, phrase.start), phrase.end);
    return finish(wordsOf(tokens, right.start, right.end), who, unit, names, tokens, joinTokens(tokens, right.start, right.end));
  }
  // A percentage or money "of"/"in" phrase on the right names what it is a share of or spent on,
  // unless the noun before names the money itself ("earnings of $9.8 million on revenue of …").
  if (right && phrase && isMoney(unit) && verb === 'of' && phrase.verb === first - 1) right = null;
  if (right && phrase && (unit === '%' || isMoney(unit))) phrase = null;
  if (phrase && verb && AGENT_VERBS.has(verb) && right === null && unit && !isMoney(unit) && unit !== '%') {
    // "Chinese models contributed 12.96 trillion tokens": the phrase is who; the unit is what.
    const who = agent(tokens, phrase.start, phrase.end);
    return finish([unit + 's', verbConcept(verb)], who, unit, names, tokens);
  }
  if (phrase && verb && AGENT_VERBS.has(verb) && right) {
    const who = agent(tokens, phrase.start, phrase.end);
    return finish(wordsOf(tokens, right.start, right.end), who, unit, names, tokens, joinTokens(tokens, right.start, right.end));
  }
  if (phrase && verb && AGENT_VERBS.has(verb) && right === null && isMoney(unit)) {
    // "the Clintons earned $140,937,785": the phrase is who; the verb says what the money is.
    const who = agent(tokens, coordinatedStart(tokens, phrase.start), phrase.end);
    const concept = verbConcept(verb);
    return { ...finish([concept], who, unit, names, tokens, concept), subject: who };
  }
  if (!phrase && !right && unit && !isMoney(unit) && unit !== '%' && unit !== 'x' && unit !== 'pp') {
    right = null;
    return finish([unit], null, unit, names, tokens, null);
  }
  if (right && !phrase) {
    const reading = finish(wordsOf(tokens, right.start, right.end), null, unit, names, tokens, joinTokens(tokens, right.start, right.end), right.start);
    // "61% of tracked global token volume": a share, keyed by everything it is a share of. A rate
    // written right after the figure is the measure itself ("the 8 percent unemployment rate for …").
    if (unit === '%' && right.start === last + 1) {
      for (let i = right.start; i <= right.end; i++) {
        if (/^(rate|rates|ratio|margin|margins|yield|yields)$/.test(tokens[i].lower)) return finish(wordsOf(tokens, right.start, i), null, unit, names, tokens, joinTokens(tokens, right.start, i), right.start);
      }
    }
    if (unit === '%' && reading.key) {
      const words = [...new Set(wordsOf(tokens, right.start, right.end).filter((w) => !modifiers.has(w) && w !== "'s").map(singular))].sort();
      return { ...reading, text: `share of ${reading.text}`, key: `share:${words.join('-')}${reading.per ? '/' + reading.per : ''}`, unit: null };
    }
    return reading;
  }
  if (!phrase) return EMPTY;
  // "cut spending by $1 trillion", "raise the debt limit by $2.5 trillion": the figure is how much
  // the measure moved, not the measure.
  if (tokens[phrase.verb]?.lower === 'by' && phrase.start < phrase.end && CHANGE_VERBS.test(tokens[phrase.start].lower)) {
    const moved = finish(wordsOf(tokens, phrase.start + 1, phrase.end), null, unit, names, tokens, joinTokens(tokens, phrase.start + 1, phrase.end), phrase.start + 1);
    return moved.key ? { ...moved, text: `change in ${moved.text}`, key: `${moved.key}~change` } : moved;
  }
  verb = null;
  return finish(wordsOf(tokens, phrase.start, phrase.end), reporter(tokens, phrase.start, names), unit, names, tokens, joinTokens(tokens, phrase.start, phrase.end), phrase.start);
}

/** Verbs by which a company or a body gives its own results or decisions ("Tesla reported a profit of …"). */
const RESULT_VERBS = new Set('reported reports posted posts declared declares announced announces booked books recorded records approved approves unveiled unveils had has'.split(' '));

/**
 * The name that gives the figure's measure as its own: "Tesla reported a profit of $2 billion",
 * "Provigo Inc. posted net income of C$6.5 million", "Bush paid an effective tax rate of roughly 36
 * percent" (a name right before the verb, the verb right before the phrase).
 */
function reporter(tokens: Token[], start: number, names: NameSpan[]): string | null {
  const verb = tokens[start - 1];
  if (!verb || !(RESULT_VERBS.has(verb.lower) || AGENT_VERBS.has(verb.lower))) return null;
  // Right before the verb, but for the stop of an abbreviation it ends with ("Provigo Inc. posted").
  return names.find((n) => n.last === start - 2 || (n.last === start - 3 && tokens[start - 2].text === '.'))?.text ?? null;
}

/** A word that opens a clause whose subject follows: "showing", "that", "says". */
const CLAUSE_BEFORE = /^(?:\w+ing|that|which|shows?|showed|says?|said|reports?|reported)$/;

/** Words of a phrase beyond which it is more than who did it ("eight years of tax returns showing the Clintons"). */
const AGENT_WORDS = 4;

/**
 * Who did what the verb says, from the phrase before it: the phrase itself ("Chinese AI models
 * charge …"), or the name that ends a longer one, the clause's own subject ("… along with eight
 * years of tax returns showing the Clintons paid tens of millions of dollars").
 */
function agent(tokens: Token[], start: number, end: number): string {
  if (end - start + 1 > AGENT_WORDS && tokens[end].cap && tokens[end].kind === 'word') {
    let k = end;
    while (k > start && tokens[k - 1].cap && tokens[k - 1].kind === 'word') k--;
    if (k > start && tokens[k - 1].lower === 'the') k--;
    // A clause of its own opens before the name ("returns showing the Clintons"), not a title ("former President Bill Clinton").
    if (k > start && CLAUSE_BEFORE.test(tokens[k - 1].lower)) return joinTokens(tokens, k, end);
  }
  return joinTokens(tokens, start, end);
}

/** The start of a subject phrase, widened over a coordination before it ("Hillary and Bill Clinton", "she and Bill Clinton"). */
function coordinatedStart(tokens: Token[], start: number): number {
  let s = start;
  while (s >= 2 && /^(and|&)$/.test(tokens[s - 1].lower) && (tokens[s - 2].cap || /^(she|he|they|we)$/.test(tokens[s - 2].lower))) {
    s -= 2;
    while (s > 0 && tokens[s - 1].cap && tokens[s - 1].kind === 'word') s--;
  }
  return s;
}

function isMoney(unit: string | null): boolean {
  return unit !== null && /^[A-Z]{3}$/.test(unit);
}

function verbConcept(verb: string): string {
  if (/^(paid|pays|pay|spent|spends)$/.test(verb)) return 'spending';
  if (/^(earned|earns|made|makes)$/.test(verb)) return 'income';
  if (/^(raised)$/.test(verb)) return 'funding';
  return 'usage';
}

function wordsOf(tokens: Token[], i: number, j: number): string[] {
  const out: string[] = [];
  for (let k = i; k <= j; k++) out.push(tokens[k].lower);
  return out;
}

/** The phrase left of the figure, up to the verb or preposition that links it: [start, end] and the verb index. */
function leftPhrase(tokens: Token[], first: number): { start: number; end: number; verb: number } | null {
  let k = first - 1;
  let verb = -1;
  // "the Clintons' 2014 tax rate: 30 percent": a colon right before the figure links it to what it measures.
  if (k > 0 && tokens[k].text === ':' && tokens[k - 1].kind === 'word') verb = k--;
  // "reduce federal revenue by an additional $631 billion", "by another $2 billion".
  if (k >= 2 && /^(additional|extra|further)$/.test(tokens[k].lower) && /^(a|an)$/.test(tokens[k - 1].lower) && tokens[k - 2].lower === 'by') k -= 2;
  else if (k >= 1 && tokens[k].lower === 'another' && tokens[k - 1].lower === 'by') k -= 1;
  while (k >= 0 && tokens[k].kind === 'word' && LINKS.has(tokens[k].lower)) {
    verb = k;
    k--;
  }
  if (verb < 0 || k < 0) return null;
  const end = k;
  // "Exports to China … sank to": "to" before a name is where to, not a movement's end; not so
  // before a preposition ("sell three candy businesses to Nestle for $370 million": a verb's object).
  const moves = !/^(of|for|at|to|from|:)$/.test(tokens[verb].lower);
  const goesOn = (i: number): boolean => /^(of|for|at)$/.test(tokens[i].lower) || (moves && tokens[i].lower === 'to' && tokens[i + 1]?.cap === true && i + 1 <= end);
  while (k >= 0 && !(BOUNDARY.has(tokens[k].text) && !abbreviationStop(tokens, k)) && !STOP.has(tokens[k].lower) && !(tokens[k].kind === 'word' && LINKS.has(tokens[k].lower) && !goesOn(k))) k--;
  let start = k + 1;
  // "The board declared a quarterly dividend of …", "to boost its stake in …": an article or a
  // possessive inside the phrase opens the noun phrase that names the figure; the words before it
  // are a clause (who did what).
  for (let i = end; i > start; i--) {
    if (/^(a|an|its|their|his|her|our)$/.test(tokens[i].lower)) {
      start = i;
      break;
    }
  }
  // ", on revenue of $13.6 billion", ", for an effective tax rate of …": the preposition opens the phrase, it is not of it.
  if (start < end && /^(on|for|with|at|by|in)$/.test(tokens[start].lower)) start++;
  if (start > end || end - start > 10) return null;
  // "Wages rose 0.2% in April to $26.84": a phrase holding another figure names no metric, unless
  // "on" or "with" opens a phrase of its own after that figure ("earnings of $9.8 million on
  // revenue of $763 million").
  let lastNum = -1;
  // A year before a noun qualifies it ("the Clintons' 2014 tax rate"): a time, not another figure.
  const qualifies = (i: number): boolean => /^(1[89]|20)\d\d$/.test(tokens[i].text) && i < end && tokens[i + 1].kind === 'word' && !tokens[i + 1].cap && !FUNCTION_WORDS.test(tokens[i + 1].lower);
  for (let i = start; i <= end; i++) if (tokens[i].kind === 'num' && !qualifies(i)) lastNum = i;
  if (lastNum < 0) return { start, end, verb };
  let q = lastNum + 1;
  while (q <= end && SCALES.test(tokens[q].lower)) q++;
  if (q < end && /^(on|with)$/.test(tokens[q].lower)) return { start: q + 1, end, verb };
  // "In 2023 Tesla deliveries reached …": a year that opens the clause is its time, not a figure.
  if (q <= end && lastNum > 0 && /^(in|since|during|by)$/.test(tokens[lastNum - 1].lower) && /^(1[89]|20)\d\d$/.test(tokens[lastNum].text)) return { start: q, end, verb };
  // "exports to China in the first half of 2019 sinking to $1.3 billion": a year that closes the
  // phrase ends a time written after what it measures.
  if (lastNum === end && lastNum > start && /^(1[89]|20)\d\d$/.test(tokens[lastNum].text)) {
    let t = lastNum - 1;
    while (t > start && lastNum - t <= 6 && !/^(in|during|for|since)$/.test(tokens[t].lower)) t--;
    if (t > start && /^(in|during|for|since)$/.test(tokens[t].lower) && !tokens.slice(start, t).some((x) => x.kind === 'num')) return { start, end: t - 1, verb };
  }
  return null;
}

/** Names of a sentence, found once per sentence however many figures it holds. */
const namesMemo = new WeakMap<Token[], NameSpan[]>();
function namesOf(tokens: Token[], sentenceStart: number): NameSpan[] {
  let names = namesMemo.get(tokens);
  if (!names) namesMemo.set(tokens, (names = findNames(tokens, sentenceStart)));
  return names;
}

/** Who pays or charges the figure: the phrase before an agent verb ("Chinese AI models charge $2–3"). */
export function agentBefore(tokens: Token[], first: number): string | null {
  const phrase = leftPhrase(tokens, first);
  if (!phrase || !AGENT_VERBS.has(tokens[phrase.verb]?.lower ?? '')) return null;
  return agent(tokens, phrase.start, phrase.end);
}

const MONTHS_DAYS = 'january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday';
/** Words after "in" that open a time or a count ("in 2025", "in three months", "in March", "in Q1"). */
const IN_TIME = new RegExp(`^(one|two|three|four|five|six|seven|eight|nine|ten|just|only|less|more|under|over|recent|q[1-4]|h[12]|${MONTHS_DAYS})$`);
/** Words after "of/in/on/for" that name a day or a month ("on Wednesday", "in March"). */
const DAY_OR_MONTH = new RegExp(`^(${MONTHS_DAYS})$`);
/** Nouns of a stretch of time ("for its fiscal second quarter", "during the year"). */
const TIME_NOUNS = /^(quarter|quarters|year|years|month|months|week|weeks|period|half|season|fiscal)$/;
/** Words after "in the" that make a time ("in the first three months", "in the past year"). */
const IN_THE_TIME = /^(first|second|third|fourth|final|last|past|previous|next|same|current|latest|year|quarter|month|week|period)$/;

/**
 * The preposition at k opens a time or another figure, not what a share or a sum is of: "40% in
 * three months", "5% in 2025", "2.3% in the first three months of the year", "$61.1 billion for its
 * fiscal second quarter", "$5 billion on Wednesday", "tariffs … on $50 billion of goods".
 */
function opensTimeOrFigure(tokens: Token[], k: number): boolean {
  const p = tokens[k]?.lower ?? '';
  const next = tokens[k + 1];
  if (!/^(of|in|on|for|during|over)$/.test(p) || !next) return false;
  if (p === 'in' && (next.kind === 'num' || IN_TIME.test(next.lower) || (next.lower === 'the' && IN_THE_TIME.test(tokens[k + 2]?.lower ?? '')))) return true;
  if (/^(of|in|on|for)$/.test(p) && (DAY_OR_MONTH.test(next.lower) || next.kind === 'num' || /^[$€£¥]$/.test(next.text))) return true;
  if (/^(for|in|during|over)$/.test(p)) {
    for (let j = k + 1; j < tokens.length && j <= k + 5; j++) {
      if (TIME_NOUNS.test(tokens[j].lower)) return true;
      if (tokens[j].kind !== 'word' || STOP.has(tokens[j].lower)) break;
    }
  }
  return false;
}

/**
 * Capitalised words from k that end the phrase ("rose 12% in St. Louis last year", "won 52% in
 * Ohio."): a place, where the figure holds, not what it is a share of or spent on ("$5 billion in
 * Treasury bonds" goes on into a noun).
 */
function namesPlace(tokens: Token[], k: number): boolean {
  let i = k;
  while (i < tokens.length && ((tokens[i].kind === 'word' && tokens[i].cap) || abbreviationStop(tokens, i))) i++;
  if (i === k) return false;
  const next = tokens[i];
  return !next || BOUNDARY.has(next.text) || STOP.has(next.lower) || next.kind === 'num' || /^(in|on|at|by|from|to|over|since|during|this|last|next|and|or)$/.test(next.lower);
}

/** "of NP" / "in NP" / the head noun phrase right of the figure. */
function rightPhrase(tokens: Token[], last: number, unit: string | null): { start: number; end: number } | null {
  let k = last + 1;
  // "Over half (55%) of respondents": the phrase after the parenthesis is the figure's.
  if (tokens[k]?.text === ')' && tokens[k + 1]?.lower === 'of') k++;
  if (tokens[k]?.lower === 'mark' || tokens[k]?.lower === 'level') return null;
  if (unit !== '%' && !isMoney(unit)) return null;
  if (opensTimeOrFigure(tokens, k)) return null;
  if (tokens[k]?.lower === 'in' && namesPlace(tokens, k + 1)) return null;
  if (/^(of|in|on|for)$/.test(tokens[k]?.lower ?? '')) k++;
  else if (!(unit === '%' && tokens[k]?.kind === 'word' && !LINKS.has(tokens[k].lower) && !STOP.has(tokens[k].lower) && !/^(increase|growth|rise|jump|gain|drop|decline|fall|decrease|more|higher|lower|less|surge|stake|chance|probability|likely|cut|raise|hike|discount|off|of)$/.test(tokens[k].lower))) return null;
  const start = k;
  while (k < tokens.length && !BOUNDARY.has(tokens[k].text) && !STOP.has(tokens[k].lower) && tokens[k].kind !== 'num' && !/^(in|on|at|by|from|to|over|since|during|this|last|next)$/.test(tokens[k].lower) && !(k > start && CLAUSE_VERBS.has(tokens[k].lower)) && k - start < 8) k++;
  if (k === start) return null;
  return { start, end: k - 1 };
}

/** Verbs (and adverbs before a verb) that end the phrase a share is of: "78 percent of Americans live paycheck to paycheck", "40 percent of households have …". */
const CLAUSE_VERBS = new Set('already also still now even is are was were be been being have has had do does did will would can could should may might must live lives lived say says said think thinks believe believes want wants need needs needed get gets got own owns owned use uses used work works worked plan plans planned expect expects expected support supports supported oppose opposes opposed'.split(' '));

/** Verbs that move a measure by a figure ("cut spending by $1 trillion"). */
const CHANGE_VERBS = /^(cut|cuts|cutting|reduce|reduces|reduced|reducing|raise|raises|raising|increase|increases|increasing|lower|lowers|lowered|lowering|boost|boosts|boosted|boosting|expand|expands|expanded|trim|trims|trimmed|slash|slashes|slashed|lift|lifts|lifted|hike|hikes|hiked|decrease|decreases|decreased|grow|grows)$/;

/** Words that do not make a noun phrase: a year before them is no qualifier ("from 2007 through 2014 the couple"). */
const FUNCTION_WORDS = /^(the|a|an|and|or|to|through|thru|until|till|from|in|on|at|by|of|for|with|as|when|while)$/;

/** Nouns of a movement or a part, whose measure is written after "in" ("growth in revenue", "a stake in Paribas"). */
const MOVES_IN = /^(growth|rise|increase|decline|drop|fall|jump|gain|surge|change|cut|reduction|decrease|slump|plunge|share|stake|interest|investment|spike|boost|dip)$/;

const ANAPHORA = /^(?:(?:that|this|the|its)\s+)?(number|figure|volume|total|amount|count|level|tally|one|it|that|this)$/;

function finish(words: string[], who: string | null, unit: string | null, names: NameSpan[], tokens: Token[], text: string | null = null, phraseStart?: number): MetricReading {
  void tokens;
  void names;
  const joined = words.join(' ').replace(/ 's/g, "'s");
  if (ANAPHORA.test(joined)) return { ...EMPTY, text, anaphoric: true };
  // Subject: a possessive owner ("China's daily usage"), an "in/of NAME" tail, or who did it.
  let subject = who ? named(cleanSubject(who)) : null;
  const content: string[] = [];
  /** The content words written in the plural ("deaths", not "live"), for the heads named in the plural. */
  const plural = new Set<number>();
  let per: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const d = denominatorsByFirst.get(w)?.find((x) => x.words.every((y, k) => words[i + k] === y));
    if (d) {
      per = d.per;
      i += d.words.length - 1;
      continue;
    }
    // A year qualifying the measure ("2014 tax rate") is its time, not a word of it.
    if (/^(1[89]|20)\d\d$/.test(w)) continue;
    // "China's usage", and a plural's possessive like it ("the Clintons' 2014 tax rate").
    if (words[i + 1] === "'s" || ((words[i + 1] === "'" || words[i + 1] === '’') && w.endsWith('s'))) {
      if (!subject) subject = capitalised(words.slice(0, i + 1).filter((x) => !modifiers.has(x)).join(' '), text);
      content.length = 0;
      plural.clear();
      i++;
      continue;
    }
    // "Exports to China": where to, not what.
    if (w === 'to' && content.length > 0) break;
    if (/^(in|of|for|at|on|among|across)$/.test(w) && i > 0) {
      // A name keeps its own words, "New York Stock Exchange", "New Jersey" ("new" is also a modifier).
      const tail = words.slice(i + 1);
      while (/^(the|a|an)$/.test(tail[0] ?? '')) tail.shift();
      const name = capitalised(tail.join(' '), text) ?? capitalised(tail.filter((x) => !modifiers.has(x)).join(' '), text);
      if (name && /^[A-Z]/.test(name)) {
        subject ??= name;
        break;
      }
      // "Student loan obligations in this country": what follows "in" is where, not what, unless a
      // movement is in something ("the growth in revenue").
      if (w === 'in' && content.length > 0 && !MOVES_IN.test(content[content.length - 1])) break;
      if (w === 'of' || w === 'in') continue;
    }
    if (modifiers.has(w) || w === "'s") continue;
    const one = singular(w);
    if (one !== w) plural.add(content.length);
    content.push(one);
  }
  if (phraseStart !== undefined && subject === null && content.length > 0) {
    const country = demonymCountry(content[0]);
    if (country && content.length > 1 && /^(economy|market|gdp|usage|consumption|spending)$/.test(content[content.length - 1])) subject = country;
  }
  const headWord = findHead(content, plural);
  // "turnover of 11 million shares" is a trading volume; "turnover of $4 billion" is revenue.
  const traded = headWord?.word === 'turnover' && unit !== null && !isMoney(unit);
  const concept = traded ? 'usage' : headWord ? heads.get(headWord.word)!.concept : content.length ? content[content.length - 1] : null;
  if (!concept) return { ...EMPTY, text, subject, per };
  const rest = content.filter((w, i) => i < (headWord?.index ?? content.length - 1));
  let unitHint: string | null = null;
  if (concept === 'usage' && rest.length) unitHint = rest.find((w) => !heads.has(w) && !/^(data|computing|global|tracked|ai)$/.test(w)) ?? null;
  const qualifierWords = concept === 'share' || concept === 'rate' || concept === 'growth' || concept === 'decline' || concept === 'market' || concept === 'capacity' || concept === 'index' || !headWord
    ? [...new Set(rest)].filter((w) => !/^(data)$/.test(w)).sort()
    : // Words of scope always tell two measures apart: federal and state taxes, gross and net income.
      [...new Set(rest.filter((w) => SCOPE.has(w)))].sort();
  const unitPart = unit && !isMoney(unit) && unit !== '%' && unit !== 'x' && unit !== 'pp' && concept !== 'usage' && content.length === 1 && content[0] === unit ? '' : '';
  const key = `${concept}${qualifierWords.length ? ':' + qualifierWords.join('-') : ''}${unitPart}${per ? '/' + per : ''}`;
  return {
    text: text ?? (words.length ? words.join(' ') : null),
    key,
    subject,
    unit: unitHint,
    per,
    cumulative: headWord ? heads.get(headWord.word)!.cumulative : false,
    anaphoric: false,
  };
}

function findHead(content: string[], plural: ReadonlySet<number>): { word: string; index: number } | null {
  for (let i = content.length - 1; i >= 0; i--) {
    const two = i > 0 ? `${content[i - 1]} ${content[i]}` : null;
    if (two && heads.has(two)) return { word: two, index: i - 1 };
    if (heads.has(content[i])) return { word: content[i], index: i };
    // "death" read from "deaths" is the head "deaths"; a word written so ("you live at an altitude") is not "lives".
    if (plural.has(i) && heads.has(content[i] + 's')) return { word: content[i] + 's', index: i };
  }
  return null;
}

/** Recover the capitalised form of a lower-cased phrase from the original text, if it was a name. */
function capitalised(lower: string, original: string | null): string | null {
  if (!lower) return null;
  if (!original) return null;
  const i = original.toLowerCase().indexOf(lower);
  if (i < 0) return null;
  const s = original.slice(i, i + lower.length).replace(/['’]s$/, '');
  return /^[A-Z]/.test(s) ? s : null;
}

/**
 * A subject names someone or something: "the company", "officials", "she" name nobody a reader
 * elsewhere could tell apart (every article's company is "the company"); such a figure is left
 * without a subject, to take the one its story gives.
 */
export function named(s: string): string | null {
  return /[\p{Lu}\p{N}]/u.test(s) ? s : null;
}

function cleanSubject(s: string): string {
  return s.replace(/^(the|a|an)\s+/i, '').replace(/\s+(alone|also|now|still)$/i, '').trim();
}
