/**
 * `deal-date`: one payment, two times. The same sum, paid, repaid, donated or raised by the same
 * party (the metric is the deal's verb: `money:repay`), is dated to times that do not overlap by
 * different articles of one story.
 *
 * Conflicting pair:
 *   A (Fox News): "The congressman's lawyers said in 2017 that Hunter and his wife repaid the campaign about $60,000."
 *   B (HuffPost, August 2018): "He repaid his campaign more than $60,000 earlier this year"
 * Harmless pair (the times overlap, or the sums differ):
 *   "repaid about $60,000 in 2017" / "repaid $60,000 by March 2017"
 *   "raised $2 million in 2019" / "raised $5 million in 2020"
 *
 * Warning: a second payment of the same sum is possible, so the editor decides.
 */
import type { Claim } from '../../store/schema.js';
import { claimsAgree } from '../compare.js';
import { nameArticles, quoteFigure, verb } from '../describe.js';
import { formatPeriod, lengthDays, overlap } from '../period.js';
import { byStory } from '../story.js';
import type { FindingDraft, Rule, RuleContext } from '../types.js';

const dealOf = (c: Claim): boolean => c.kind === 'figure' && c.value !== null && c.period !== null && (c.metricKey?.startsWith('money:') ?? false) && lengthDays(c.period) <= 366;

const sameParty = (ctx: RuleContext, a: Claim, b: Claim): boolean => {
  const x = ctx.subjectOf(a);
  const y = ctx.subjectOf(b);
  return x === null || y === null || x === y;
};

/** "in 2017", "in 2018 ('earlier this year')", with the year always (a deal's year is the question). */
function when(c: Claim): string {
  const p = c.period!;
  const day = p.start === p.end;
  const whole = /^(\w+ )?\d{4}(–\d{4})?$/.test(formatPeriod(p));
  const words = whole || day ? formatPeriod(p) : `${p.start.slice(0, 4)}${p.end.slice(0, 4) !== p.start.slice(0, 4) ? `–${p.end.slice(0, 4)}` : ''}`;
  const said = p.text && !p.text.includes(words) ? ` ('${p.text}')` : '';
  return `${day ? 'on' : 'in'} ${words}${said}`;
}

export const dealDate: Rule = {
  id: 'deal-date',
  severity: 'warning',
  doc:
    'One payment, two times. Conflicting: "lawyers said in 2017 that Hunter repaid the campaign about $60,000" / "He repaid his campaign more than $60,000 earlier this year" (2018). ' +
    'Harmless: "repaid about $60,000 in 2017" / "repaid $60,000 by March 2017".',
  run(ctx) {
    const blocks = byStory(ctx.storyOf, ctx.claims.filter(dealOf), (c) => c.article, (c) => c.metricKey!);
    const out: FindingDraft[] = [];
    for (const deals of blocks.values()) {
      if (new Set(deals.map((c) => c.article)).size < 2) continue;
      const done = new Set<Claim>();
      for (const a of deals) {
        if (done.has(a)) continue;
        // The same sum by the same party in other articles, and which of them are dated apart from `a`.
        const same = deals.filter((b) => b === a || (b.article !== a.article && claimsAgree(a, b) && sameParty(ctx, a, b)));
        const apart = same.filter((b) => !overlap(a.period!, b.period!));
        if (apart.length === 0) continue;
        const withA = same.filter((b) => overlap(a.period!, b.period!));
        for (const c of same) done.add(c);
        // The side most articles date it to is told first as the other side.
        const [odd, main] = new Set(withA.map((c) => c.article)).size <= new Set(apart.map((c) => c.article)).size ? [withA, apart] : [apart, withA];
        const oddArticles = [...new Set(odd.map((c) => c.article))];
        const mainArticles = [...new Set(main.map((c) => c.article))].filter((x) => !oddArticles.includes(x));
        if (mainArticles.length === 0) continue;
        const x = odd[0];
        const y = main.find((c) => mainArticles.includes(c.article))!;
        const deal = (x.metric ?? 'money').replace(/^money\s+/, '');
        out.push({
          rule: 'deal-date',
          severity: 'warning',
          key: [x.metricKey ?? '', ...oddArticles.map((id) => ctx.articles.get(id)?.key ?? id).sort(), ...mainArticles.map((id) => ctx.articles.get(id)?.key ?? id).sort()],
          claims: [...odd, ...main.filter((c) => mainArticles.includes(c.article))],
          articles: [...oddArticles, ...mainArticles],
          message:
            `${nameArticles(oddArticles, ctx.articles)} ${verb(oddArticles.length, 'says', 'say')} ${quoteFigure(x)} was ${deal} ${when(x)}, ` +
            `while ${nameArticles(mainArticles, ctx.articles)} ${verb(mainArticles.length, 'dates', 'date')} ${quoteFigure(y)} ${when(y)}: one payment or two?`,
          actual: x.period!.text,
          expected: y.period!.text,
        });
      }
    }
    return out;
  },
};
