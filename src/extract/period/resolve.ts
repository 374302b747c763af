/**
 * Resolution of scanned expressions to day intervals, in text order, following the conventions
 * at the top of `src/extract/period.ts`: written years first, then the year of the nearest
 * earlier absolute expression in the paragraph, then the publication date; relative expressions
 * count from the publication date; "a year earlier", "the quarter", "the year-ago period" refer to
 * the period talked about before.
 */
import {
  GRAN_RANK,
  addUnits,
  dayOf,
  easterDay,
  halfSpan,
  monthSpan,
  nthWeekday,
  quarterSpan,
  seasonSpan,
  shiftSpan,
  spanOf,
  stepSpan,
  weekday,
  weekendSpan,
  weekSpan,
  yearSpan,
  ymd,
  daySpan,
  decadeSpan,
  centurySpan,
  addMonths,
  type Gran,
  type Span,
} from './calendar.js';
import type { Base } from './expr.js';
import type { Holiday, Unit } from './lexicon.js';
import { applyPart } from './parts.js';
import { toShift } from './relative.js';
import type { Raw } from './scan.js';

export type Anchor = 'absolute' | 'relative' | 'anaphoric' | 'none';

export interface Resolved {
  raw: Raw;
  /** The period before any part word narrowed it. */
  span?: Span;
  from?: number;
  to?: number;
  timex?: string;
  type: 'DATE' | 'DURATION' | 'TIME' | 'SET';
  anchor: Anchor;
  /** A year is written in the expression. */
  explicitYear: boolean;
  /** Anchored on the reporting time ("yesterday", "Friday", a clock time): not a period others
   * compare with. */
  deictic: boolean;
  /** Itself read off another period ("a year earlier", "the year-ago quarter") or the end day of
   * one ("the quarter ended Sept. 30"): later anaphors skip it. */
  derived: boolean;
}

interface Got {
  span?: Span;
  anchor: Anchor;
  explicit?: boolean;
  timex?: string;
}

const NONE: Got = { anchor: 'none' };
const pad2 = (n: number): string => String(n).padStart(2, '0');

const UNIT_GRAN: Partial<Record<Unit, Gran>> = {
  year: 'year',
  decade: 'year',
  century: 'year',
  millennium: 'year',
  quarter: 'quarter',
  half: 'half',
  month: 'month',
  week: 'week',
  fortnight: 'week',
  weekend: 'weekend',
  day: 'day',
};

/** Words before a year that make it the bound of a range, not the time of the sentence. */
const RANGE_WORDS = new Set(['since', 'due', 'until', 'till', 'through', 'from', 'before', 'after', 'maturing', 'expiring']);
/** Words after a bare year that leave it a time adverbial ("in 1987 and", "in 2025, when"). */
const FUNCTION_WORDS = new Set(['and', 'or', 'but', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'when', 'while', 'that', 'which', 'who', 'the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'its', 'was', 'were', 'is', 'are', 'had', 'has', 'have', 'will', 'would', 'after', 'before', 'than', 'through', 'until', 'compared', 'versus', 'vs']);

const BOUNDARY = /[.!?]["”’')\]]*\s+(?=["“‘'(\[]?[A-Z])|\n/g;

/** Sentence boundaries between two offsets (2 when far apart). */
function sentencesBetween(text: string, a: number, b: number): number {
  if (b - a > 600) return 2;
  const gap = text.slice(a, b);
  BOUNDARY.lastIndex = 0;
  let n = 0;
  while (BOUNDARY.exec(gap) && n < 2) n++;
  return n;
}

function finer(a: Gran, b: Gran): Gran {
  return GRAN_RANK[a] <= GRAN_RANK[b] ? a : b;
}

class Resolver {
  readonly out: Resolved[] = [];
  constructor(
    readonly text: string,
    readonly raws: Raw[],
    readonly pub: number | null,
    readonly documentYear: number | null = null,
  ) {}

  /** The year for an expression written without one: the year of the nearest earlier expression
   * with a written year that sets the time of the passage (earlier in the same sentence, or
   * opening the previous sentence: "In March 2026, … Two years ago"), else the publication year. */
  year(raw: Raw, y?: number, yRel?: number): { y: number; anchor: Anchor; explicit: boolean } | null {
    if (y !== undefined) return { y, anchor: 'absolute', explicit: true };
    if (yRel !== undefined) return this.pub === null ? null : { y: ymd(this.pub).y + yRel, anchor: 'relative', explicit: false };
    for (let i = this.out.length - 1; i >= 0; i--) {
      const r = this.out[i];
      if (r.raw.para !== raw.para) break;
      const between = sentencesBetween(this.text, r.raw.end, raw.start);
      if (between > 1) break;
      if (!r.explicitYear || !r.span || GRAN_RANK[r.span.gran] > GRAN_RANK.year) continue;
      if (between === 0 ? !this.modifierYear(r) : this.opensSentence(r)) return { y: ymd(r.span.from).y, anchor: 'anaphoric', explicit: false };
    }
    if (this.pub !== null) return { y: ymd(this.pub).y, anchor: 'relative', explicit: false };
    return this.documentYear === null ? null : { y: this.documentYear, anchor: 'anaphoric', explicit: false };
  }

  /** A year that qualifies a noun ("his 1990 earnings projection") or bounds a range ("since
   * 1980", "bonds due 1993") does not set the time of what follows. */
  modifierYear(r: Resolved): boolean {
    const before = /(\p{L}+)\W*$/u.exec(this.text.slice(Math.max(0, r.raw.start - 12), r.raw.start))?.[1]?.toLowerCase();
    if (before && RANGE_WORDS.has(before)) return true;
    if (r.raw.expr.base?.k !== 'year') return false;
    const after = /^\s+(\p{L}+)/u.exec(this.text.slice(r.raw.end, r.raw.end + 24))?.[1]?.toLowerCase();
    return after !== undefined && !FUNCTION_WORDS.has(after);
  }

  /** The expression opens its sentence, after at most a preposition: "In March 2026, …". */
  opensSentence(r: Resolved): boolean {
    const lead = this.text.slice(Math.max(0, r.raw.start - 16), r.raw.start);
    return /(?:^|[.!?]["”’')]*\s+|\n\s*)(?:\p{Lu}\p{Ll}*\s+){0,2}$/u.test(lead) && !this.modifierYear(r);
  }

  /** A day or month written without a year and placed by the publication date: the nearest
   * occurrence, counting the future twice as far (news mostly looks back); the next one when the
   * clause speaks of the future ("will close Dec. 15"); the last one when it speaks of the past,
   * unless the next one is within a month ("said it extended the offer to Nov. 20"). */
  nearest(raw: Raw, yr: { y: number; anchor: Anchor; explicit: boolean }, make: (y: number) => Span): Span {
    const pub = this.pub;
    if (yr.anchor !== 'relative' || pub === null) return make(yr.y);
    const spans = [make(yr.y - 1), make(yr.y), make(yr.y + 1)];
    const next = spans.find((s) => s.to >= pub)!;
    const last = [...spans].reverse().find((s) => s.from <= pub)!;
    if (raw.tense === 'future' || next === last) return next;
    if (raw.tense === 'past') return next.from - pub > 31 ? last : next;
    // News mostly looks back: a later occurrence wins only when it is less than half as far.
    return 2 * (next.from - pub) < pub - last.to ? next : last;
  }

  /** The nearest earlier period others can refer to, within `paras` paragraphs. */
  ref(raw: Raw, ok: (r: Resolved) => boolean, paras = Infinity): Resolved | null {
    for (let i = this.out.length - 1; i >= 0; i--) {
      const r = this.out[i];
      if (raw.para - r.raw.para > paras) break;
      if (r.span && !r.deictic && !r.derived && (r.type === 'DATE' || r.type === 'DURATION') && ok(r)) return r;
    }
    return null;
  }

  base(raw: Raw, b: Base): Got {
    const pub = this.pub;
    switch (b.k) {
      case 'day': {
        const yr = this.year(raw, b.y, b.yRel);
        if (!yr) return { anchor: 'none', timex: `XXXX-${pad2(b.m)}-${pad2(b.d)}` };
        // "June 3 last year": the year is said, only not as a number.
        if (b.yRel !== undefined) return { span: daySpan(dayOf(yr.y, b.m, b.d)), anchor: yr.anchor, explicit: false };
        return { span: this.nearest(raw, yr, (y) => daySpan(dayOf(y, b.m, b.d))), anchor: yr.anchor, explicit: yr.explicit };
      }
      case 'month': {
        if (b.rel !== undefined) {
          if (pub === null) return { anchor: 'none', timex: `XXXX-${pad2(b.m)}` };
          const { y, m } = ymd(pub);
          const year = b.rel < 0 ? (b.m < m ? y : y - 1) : b.rel > 0 ? (b.m > m ? y : y + 1) : y;
          return { span: monthSpan(year, b.m), anchor: 'relative' };
        }
        const yr = this.year(raw, b.y, b.yRel);
        if (!yr) return { anchor: 'none', timex: `XXXX-${pad2(b.m)}` };
        if (b.yRel !== undefined) return { span: monthSpan(yr.y, b.m), anchor: yr.anchor, explicit: false };
        return { span: this.nearest(raw, yr, (y) => monthSpan(y, b.m)), anchor: yr.anchor, explicit: yr.explicit };
      }
      case 'year':
        return { span: yearSpan(b.y), anchor: 'absolute', explicit: true };
      case 'quarter':
      case 'half': {
        const yr = this.year(raw, b.y, b.yRel);
        const n = b.k === 'quarter' ? b.q : b.h;
        if (!yr) return { anchor: 'none', timex: `XXXX-${b.k === 'quarter' ? 'Q' : 'H'}${n}` };
        return { span: b.k === 'quarter' ? quarterSpan(yr.y, n) : halfSpan(yr.y, n), anchor: yr.anchor, explicit: yr.explicit };
      }
      case 'season':
        return this.season(raw, b);
      case 'decade':
        return { span: decadeSpan(b.y0), anchor: 'absolute', explicit: true };
      case 'century':
        return { span: centurySpan(b.c), anchor: 'absolute', explicit: true };
      case 'weekOfMonth': {
        const yr = this.year(raw, b.y);
        if (!yr) return NONE;
        const month = monthSpan(yr.y, b.m);
        const from = b.nth > 0 ? month.from + 7 * (b.nth - 1) : month.to - 6;
        if (from > month.to) return NONE;
        return { span: { from, to: Math.min(from + 6, month.to), gran: 'week', timex: month.timex }, anchor: yr.anchor, explicit: yr.explicit };
      }
      case 'rel': {
        if (pub === null) return NONE;
        if (b.gran === 'weekend') {
          const back = b.offset === 0 && weekday(pub) < 6 && raw.tense !== 'future' ? -1 : b.offset;
          return { span: weekendSpan(pub + 7 * back), anchor: 'relative' };
        }
        return { span: stepSpan(spanOf(b.gran, pub), b.offset), anchor: 'relative' };
      }
      case 'weekday': {
        if (pub === null) return { anchor: 'none', timex: `XXXX-WXX-${b.dow}` };
        const wd = weekday(pub);
        let day: number;
        if (b.rel === undefined) day = raw.tense === 'future' ? pub + ((b.dow - wd + 7) % 7) : pub - ((wd - b.dow + 7) % 7);
        else if (b.rel < 0) day = pub - ((wd - b.dow + 7) % 7 || 7);
        else if (b.rel > 0) day = pub + ((b.dow - wd + 7) % 7 || 7);
        else day = weekSpan(pub).from + b.dow - 1;
        return { span: daySpan(day), anchor: 'relative' };
      }
      case 'shift':
        return this.shift(raw, b);
      case 'anaphor':
        return this.anaphor(raw, b);
      case 'ref':
        return { anchor: 'none', timex: b.value };
      case 'holiday':
        return this.holiday(raw, b.h, b.y);
      case 'range': {
        const a = this.base(raw, b.from);
        const z = this.base(raw, b.to);
        if (!a.span || !z.span) return NONE;
        return { span: { from: a.span.from, to: z.span.to, gran: z.span.gran, timex: '' }, anchor: 'absolute' };
      }
    }
  }

  season(raw: Raw, b: Extract<Base, { k: 'season' }>): Got {
    const pub = this.pub;
    if (b.rel !== undefined) {
      if (pub === null) return { anchor: 'none', timex: `XXXX-${b.code}` };
      const y0 = ymd(pub).y;
      let y = b.code === 'WI' && ymd(pub).m <= 2 ? y0 - 1 : y0;
      if (b.rel < 0) while (seasonSpan(y, b.code).to >= pub) y--;
      if (b.rel > 0) while (seasonSpan(y, b.code).from <= pub) y++;
      return { span: seasonSpan(y, b.code), anchor: 'relative' };
    }
    const yr = this.year(raw, b.y);
    if (!yr) return { anchor: 'none', timex: `XXXX-${b.code}` };
    return { span: seasonSpan(yr.y, b.code), anchor: yr.anchor, explicit: yr.explicit };
  }

  holiday(raw: Raw, h: Holiday, y?: number): Got {
    const on = (year: number): number =>
      h.easter !== undefined
        ? easterDay(year) + h.easter
        : h.day !== undefined
          ? dayOf(year, h.month!, h.day)
          : nthWeekday(year, h.month!, h.weekday!, h.nth!) + (h.shift ?? 0);
    const yr = this.year(raw, y);
    if (!yr) return NONE;
    if (yr.anchor !== 'relative' || this.pub === null) return { span: daySpan(on(yr.y)), anchor: yr.anchor, explicit: yr.explicit };
    const pub = this.pub;
    const best = [yr.y - 1, yr.y, yr.y + 1].map(on).sort((a, b) => Math.abs(a - pub) - Math.abs(b - pub))[0];
    return { span: daySpan(best), anchor: 'relative' };
  }

  /** "two years ago" / "a year earlier" / "three months later". */
  shift(raw: Raw, b: Extract<Base, { k: 'shift' }>): Got {
    if (b.vague) return { anchor: 'none', timex: b.sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
    const step = toShift(b.unit, b.n * b.sign);
    const gran = UNIT_GRAN[b.unit];
    if (!step || !gran || !Number.isInteger(step.n)) return NONE;
    // A comparison with the period just reported: "sales rose in the third quarter from a year ago".
    const periodic = (r: Resolved): boolean => ['month', 'quarter', 'half'].includes(r.span!.gran) && GRAN_RANK[r.span!.gran] < GRAN_RANK[gran];
    let ref: Resolved | null = null;
    if (b.from === 'reference') ref = this.ref(raw, () => true, 3);
    else if (this.pub !== null) ref = this.ref(raw, periodic, 2);
    else ref = this.ref(raw, (r) => r.explicitYear, 0);
    if (ref?.span) return { span: shiftSpan(spanOf(finer(ref.span.gran, gran), ref.span.from), step.n, step.unit), anchor: 'anaphoric' };
    if (this.pub === null) return NONE;
    return { span: spanOf(gran, addUnits(this.pub, step.n, step.unit)), anchor: 'relative' };
  }

  /** "the quarter", "the latest period", "the year-ago quarter", "the following year", "the 1988 period". */
  anaphor(raw: Raw, b: Extract<Base, { k: 'anaphor' }>): Got {
    const gran = b.gran;
    const plainYear = gran === 'year' && !b.latest && !b.shift && !b.step;
    const sameGran = (r: Resolved): boolean => (gran ? r.span!.gran === gran : r.span!.gran !== 'day' && r.span!.gran !== 'week');
    const ref = plainYear ? null : this.ref(raw, sameGran);
    let span = ref?.span;
    let anchor: Anchor = 'anaphoric';
    if (!span) {
      anchor = 'relative';
      if (plainYear) {
        const yr = this.year(raw);
        if (!yr) return NONE;
        span = yearSpan(yr.y);
        anchor = yr.anchor;
      } else if (this.pub === null || (!gran && !b.shift && !b.latest)) return NONE;
      else {
        span = spanOf(gran ?? (b.latest ? 'quarter' : 'year'), this.pub);
        const completed = gran === 'quarter' || gran === 'half' || b.latest;
        if (completed && !b.step) span = stepSpan(span, -1);
      }
    }
    if (b.y !== undefined) span = shiftSpan(span, b.y - ymd(span.from).y, 'year');
    if (b.step) span = stepSpan(span, b.step);
    if (b.shift) span = shiftSpan(span, b.shift.n, b.shift.unit);
    return { span, anchor };
  }

  /** The last day named right after "the quarter ended …", if the next expression is a day. */
  endedOn(index: number): number | null {
    const raw = this.raws[index];
    const next = this.raws[index + 1];
    if (!raw.endedBy || !next || next.start - raw.end > 24 || next.expr.base?.k !== 'day') return null;
    return this.base(next, next.expr.base).span?.from ?? null;
  }

  resolve(index: number): Resolved {
    const raw = this.raws[index];
    const e = raw.expr;
    const type: Resolved['type'] = e.set ? 'SET' : e.clock ? 'TIME' : e.duration && !e.base ? 'DURATION' : 'DATE';
    const deictic = !!e.clock || e.base?.k === 'weekday' || (e.base?.k === 'rel' && e.base.gran === 'day');
    const b = e.base;
    const derived = b?.k === 'shift' || (b?.k === 'anaphor' && (!!b.shift || !!b.step)) || (index > 0 && this.raws[index - 1].endedBy && this.raws[index - 1].end + 24 >= raw.start);
    const r: Resolved = { raw, type, anchor: 'none', explicitYear: false, deictic, derived };
    if (e.set) r.timex = e.set;
    else if (e.duration && !e.base) r.timex = e.duration;
    if (!e.base) {
      if (e.clock) this.clockDay(r, e.clock);
      return r;
    }
    let got = this.base(raw, e.base);
    const ended = e.base.k === 'anaphor' && (e.base.gran === 'quarter' || e.base.gran === 'year' || e.base.gran === 'half') ? this.endedOn(index) : null;
    if (ended !== null) {
      const months = e.base.k === 'anaphor' && e.base.gran === 'quarter' ? 3 : e.base.k === 'anaphor' && e.base.gran === 'half' ? 6 : 12;
      const from = addMonths(ended + 1, -months);
      const aligned = spanOf(e.base.k === 'anaphor' ? e.base.gran! : 'year', from);
      const span = aligned.from === from && aligned.to === ended ? aligned : { from, to: ended, gran: aligned.gran, timex: '' };
      got = { span, anchor: 'anaphoric' };
    }
    r.anchor = got.anchor;
    r.explicitYear = !!got.explicit;
    r.timex = got.span?.timex || got.timex || undefined;
    if (got.span) {
      r.span = got.span;
      const narrowed = e.part ? applyPart(got.span, e.part, this.pub) : got.span;
      r.from = narrowed.from;
      r.to = narrowed.to;
      if (e.firstMonths) {
        r.from = got.span.from;
        r.to = addMonths(got.span.from, e.firstMonths) - 1;
        r.timex = undefined;
      }
    }
    if (e.clock) {
      if (r.from !== undefined && r.from === r.to) r.timex = `${r.timex}${e.clock}`;
      else this.clockDay(r, e.clock);
    }
    return r;
  }

  /** A time with no day of its own takes the day just talked about, or the publication day. */
  clockDay(r: Resolved, clock: string): void {
    for (let i = this.out.length - 1; i >= 0; i--) {
      const p = this.out[i];
      if (p.raw.para !== r.raw.para) break;
      if (p.from !== undefined && p.from === p.to) {
        [r.from, r.to, r.anchor, r.timex] = [p.from, p.to, 'anaphoric', `${p.timex ?? ''}${clock}`];
        return;
      }
    }
    if (this.pub !== null) [r.from, r.to, r.anchor, r.timex] = [this.pub, this.pub, 'relative', `${daySpan(this.pub).timex}${clock}`];
    else r.timex = clock;
  }
}

/** Resolves every scanned expression, in order, against the publication day (or null). */
export function resolveAll(text: string, raws: Raw[], published: number | null, documentYear: number | null = null): Resolved[] {
  const res = new Resolver(text, raws, published, documentYear);
  for (let i = 0; i < raws.length; i++) res.out.push(res.resolve(i));
  return res.out;
}

/**
 * The year an undated article speaks from: the latest year written in a month or a day of it
 * ("March 2026", "March 23, 2026"). Bare years ("by 2030") are left out, as they are mostly
 * targets and forecasts. Null when no such expression is written.
 */
export function documentYearOf(resolved: Resolved[]): number | null {
  let best: number | null = null;
  for (const r of resolved) {
    if (!r.explicitYear || !r.span || r.type !== 'DATE' || GRAN_RANK[r.span.gran] > GRAN_RANK.month) continue;
    const y = ymd(r.span.from).y;
    if (best === null || y > best) best = y;
  }
  return best;
}
