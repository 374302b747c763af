import { claim, p, source, usage, v } from '../factory.js';
import { ruleTable } from '../harness.js';

const openRouter = (sources: string[] = []) =>
  claim({ article: 'cm', metricKey: 'usage:token/week', metric: 'tokens contributed', subjectKey: 'chinese-models', value: v(1.296e13, { unit: 'token' }), period: p('2026-04-01/2026-04-07'), figure: '12.96 trillion', sources });
/** The figure both articles give, which puts them in one story. */
const shared = () => [usage('cm', 1.4e14, '2026-03', '140 trillion'), usage('yicai', 1.4e14, '2026-03', '140 trillion')];

ruleTable('single-source', {
  valid: [
    { name: 'a figure two articles give', claims: shared() },
    { name: 'a figure linked to its source', claims: [...shared(), openRouter(['s-1'])], sources: [source('s-1', 'cm', 'https://openrouter.ai/rankings')] },
    { name: 'an article checked alone', claims: [openRouter()] },
    { name: 'a dated event is not a figure', claims: [...shared(), claim({ article: 'cm', kind: 'event', metricKey: 'event:launch', period: p('2026-04'), event: { type: 'launch', actor: 'DeepSeek', place: null } })] },
  ],
  invalid: [
    {
      name: '12.96 trillion tokens that only one article gives, unlinked',
      claims: [...shared(), openRouter()],
      errors: [{ severity: 'info', message: ["Only CM (2026-03-23) gives '12.96 trillion'", 'links no source'], articles: ['cm'] }],
    },
  ],
});
