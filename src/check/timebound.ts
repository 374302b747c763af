/**
 * Time-bound figures: counts that move while a story unfolds (a death toll, arrests "so far", a
 * crowd "by midday"). When two reports of such a count differ, the later one may be an update,
 * not a contradiction.
 */
import lexicon from './data/time-bound.json' with { type: 'json' };
import type { Claim } from '../store/schema.js';
import type { ArticleInfo } from './types.js';

const CUMULATIVE = new Set(lexicon.cumulative.flatMap((c) => c.words));
const MARKERS = lexicon.markers.flatMap((m) => m.words).sort((a, b) => b.length - a.length);

/** The metric counts something cumulative (by its key's concept or the words of its metric). */
export function isCumulative(c: Claim): boolean {
  const words = [...(c.metricKey ?? '').split(/[:/~\-|]/), ...(c.metric ?? '').toLowerCase().split(/[^a-z]+/), (c.value?.unit ?? '').toLowerCase()];
  return words.some((w) => w !== '' && CUMULATIVE.has(w));
}

/** The running-total wording in a claim's period or sentence ("so far", "by midday"), or null. */
export function timeMarker(c: Claim): string | null {
  const text = `${c.period?.text ?? ''} ${c.quote}`.toLowerCase();
  for (const m of MARKERS) {
    const i = text.indexOf(m);
    if (i >= 0 && !/[a-z]/.test(text[i + m.length] ?? '') && !/[a-z]/.test(text[i - 1] ?? '')) return m;
  }
  return null;
}

/** The figure may move between reports. */
export const isTimeBound = (c: Claim): boolean => isCumulative(c) || timeMarker(c) !== null;

/**
 * The two sides were reported at different times: different or unknown publication dates, or
 * different times of day in their wording.
 */
export function reportedApart(a: Claim[], b: Claim[], articles: Map<string, ArticleInfo>): boolean {
  for (const x of a) {
    for (const y of b) {
      const px = articles.get(x.article)?.published ?? null;
      const py = articles.get(y.article)?.published ?? null;
      if (px === null || py === null || px !== py) return true;
      const mx = timeMarker(x);
      const my = timeMarker(y);
      if ((mx !== null || my !== null) && mx !== my) return true;
    }
  }
  return false;
}
