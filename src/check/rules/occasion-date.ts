/**
 * `occasion-date`: one occasion, two days. Articles of one story date the same named occasion
 * (the extractor's nominal events: `event:debate:vice-presidential`) to different days.
 *
 * Conflicting pair (both published 2012-10-12):
 *   A (Fox News): "The face-off Thursday night was taking on outsized importance for a vice presidential debate."
 *   B (The New York Times): "The vice presidential debate on Tuesday was supposed to be a reboot for the Obama campaign"
 * Harmless pair (another occasion, or one not yet held):
 *   "the vice presidential debate on Thursday" / "next Tuesday's debate with Romney"
 *
 * Error when every article of the story dates it to one day but the odd one; warning when the
 * days are split evenly (two occasions of one name are possible: the first and second debate).
 * Days more than 14 days from the article's publication are left out (a past occasion recalled).
 */
import type { Claim } from '../../store/schema.js';
import { nameArticles, phraseBefore, verb } from '../describe.js';
import { dayNumber, formatPeriod } from '../period.js';
import { byStory } from '../story.js';
import type { FindingDraft, Rule } from '../types.js';

const NEAR_DAYS = 14;

export const occasionDate: Rule = {
  id: 'occasion-date',
  severity: 'error',
  doc:
    'One occasion, two days. Conflicting: "a vice presidential debate" on "Thursday night" / "The vice presidential debate on Tuesday". ' +
    'Harmless: "the vice presidential debate on Thursday" / "next Tuesday\'s debate with Romney" (another occasion, still ahead).',
  run(ctx) {
    const occasions = ctx.claims.filter((c) => {
      if (c.kind !== 'event' || !c.period || c.period.start !== c.period.end || !c.metricKey || c.metricKey.split(':').length !== 3) return false;
      const published = ctx.articles.get(c.article)?.published;
      return !published || Math.abs(dayNumber(published) - dayNumber(c.period.start)) <= NEAR_DAYS;
    });
    const blocks = byStory(ctx.storyOf, occasions, (c) => c.article, (c) => c.metricKey!);
    const out: FindingDraft[] = [];
    for (const claims of blocks.values()) {
      const byDay = new Map<string, Claim[]>();
      for (const c of claims) (byDay.get(c.period!.start) ?? byDay.set(c.period!.start, []).get(c.period!.start)!).push(c);
      if (byDay.size < 2) continue;
      const articlesOf = (cs: Claim[]): string[] => [...new Set(cs.map((c) => c.article))];
      const days = [...byDay.values()].sort((a, b) => articlesOf(b).length - articlesOf(a).length || a[0].period!.start.localeCompare(b[0].period!.start));
      const main = days[0];
      const mainArticles = articlesOf(main);
      for (const odd of days.slice(1)) {
        const oddArticles = articlesOf(odd).filter((a) => !mainArticles.includes(a));
        if (oddArticles.length === 0) continue;
        const x = odd.find((c) => oddArticles.includes(c.article))!;
        const y = main[0];
        const day = (c: Claim): string => formatPeriod(c.period!);
        out.push({
          rule: 'occasion-date',
          severity: mainArticles.length > oddArticles.length ? 'error' : 'warning',
          key: [x.metricKey!, ...oddArticles.map((id) => ctx.articles.get(id)?.key ?? id).sort()],
          claims: [...odd.filter((c) => oddArticles.includes(c.article)), ...main],
          articles: [...oddArticles, ...mainArticles],
          message:
            `${nameArticles(oddArticles, ctx.articles)} ${verb(oddArticles.length, 'dates', 'date')} the ${x.metric} ${day(x)} ('${phraseBefore(x.quote, x.period!.text)}'), ` +
            `while ${nameArticles(mainArticles, ctx.articles)} ${verb(mainArticles.length, 'dates', 'date')} it ${day(y)} ('${phraseBefore(y.quote, y.period!.text)}'): one of the days is wrong.`,
          actual: day(x),
          expected: day(y),
        });
      }
    }
    return out;
  },
};
