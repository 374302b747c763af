/**
 * Business news of one week, in the wording of the 1989 Wall Street Journal reports of the TimeBank
 * corpus: many companies, each giving a profit, a figure a share and a change, on the same days. The
 * check must not read them as one story: a company's "$2.50 a share" is not another's, "the company"
 * is every article's own company, and the SEC or a month abbreviated is no shared name.
 */
import { describe, expect, it } from 'vitest';
import { linkingNames } from '../../../src/check/story.js';
import { runOnTexts } from '../harness.js';

const DAY = '1989-10-30';

describe('earnings reports of different companies', () => {
  it('do not meet over a common figure a share, told of no one subject, in a week of many such reports', () => {
    // Fourteen companies' results, each giving its figure a share (twelve different ones); three
    // give "$2.50 a share", told of "the company" or of no one.
    const companies = ['Dataproducts', 'Telerate', 'Price Stern Sloan', 'Weisfield', 'Cineplex', 'Jaguar', 'Intel', 'Compaq', 'Ratners', 'Bellsouth', 'Nestle', 'Del Monte', 'Telxon', 'Amdahl'];
    const eps = ['2.50', '2.50', '2.50', '1.14', '0.87', '3.12', '1.66', '0.92', '2.07', '1.41', '3.38', '0.56', '1.73', '0.64'];
    const sales = ['412.6', '98.3', '57.1', '61.9', '310.2', '880.4', '1,210.7', '756.3', '143.8', '2,540.1', '966.5', '402.2', '77.4', '534.9'];
    const texts = Object.fromEntries(
      companies.map((name, i) => [`a${i}`, `${name} results\n\n${name} Inc. said the company earned $${eps[i]} a share in the third quarter, on sales of $${sales[i]} million.`]),
    );
    const { findings } = runOnTexts('value-conflict', texts, DAY);
    expect(findings.map((f) => f.message)).toEqual([]);
  });

  it('of one event, however many, still meet over its one plain figure', () => {
    // Fourteen reports of one quake, each with its own town named: "magnitude 6.1" is given by all,
    // but it is one figure, not the many of a common metric.
    const towns = ['Napa', 'Vallejo', 'Sonoma', 'Petaluma', 'Fairfield', 'Benicia', 'Martinez', 'Novato', 'Vacaville', 'Suisun City', 'Calistoga', 'Yountville', 'Santa Rosa', 'American Canyon'];
    const texts = Object.fromEntries(towns.map((town, i) => [`q${i}`, `Quake shakes ${town}\n\nA magnitude 6.1 earthquake shook ${town} early on Sunday, and ${120 + i * 7} people were hurt, officials said.`]));
    const { findings } = runOnTexts('value-conflict', texts, '2014-08-24');
    // The counts of injured differ from report to report: one story, so they are compared.
    expect(findings.length).toBeGreaterThan(0);
  });

  it('do not meet through "the company", whose figures stay in their own story', () => {
    const { findings, claims } = runOnTexts(
      'value-conflict',
      {
        a: 'Results\n\nIn fiscal 1988, the company earned $17.3 million, or $1.92 a share, on revenue of $352.9 million.',
        b: 'Results\n\nLast year, the company earned $480.4 million, or $3.90 a share, on sales of $4.3 billion.',
      },
      DAY,
    );
    expect(claims.filter((c) => c.metricKey === 'income').map((c) => c.subjectKey)).toEqual([null, null]);
    expect(findings).toEqual([]);
  });

  it('a change is not checked against the figures a share restating its ends', () => {
    // Net rose 4.3% ($504.2 million to $525.8 million); the figures a share, read as last year's
    // both, are not the ends of the change.
    const { findings } = runOnTexts('arithmetic', { a: 'Nine months\n\nIn the nine months, net rose 4.3% to $525.8 million or $4.67 a share, from $504.2 million, or $4.41 a share, last year.' }, DAY);
    expect(findings).toEqual([]);
  });

  it('still meet when the same precise figures are told of one company by two outlets', () => {
    const { findings } = runOnTexts(
      'value-conflict',
      {
        a: 'Ratners raises bid\n\nRatners Group PLC raised its offer for Weisfield\'s Inc. to $57.50 a share, valuing the jeweler at $61.7 million, Ratners said on Oct. 31.',
        b: 'Ratners bid\n\nRatners Group PLC said on Oct. 31 it would pay $57.50 a share for Weisfield\'s Inc., valuing the jeweler at $67.1 million.',
      },
      DAY,
    );
    expect(findings.map((f) => f.actual ?? f.message)).toHaveLength(1);
  });

  it('do not contradict an earlier report whose figure a later one says the price was raised from', () => {
    const texts = {
      early: "Ratners to buy Weisfield's\n\nRatners Group PLC's U.S. subsidiary has agreed to acquire jewelry retailer Weisfield's Inc. for $50 a share, or about $55 million.",
      late: "Ratners raises bid\n\nRatners Group PLC raised its price for Weisfield's Inc. to $57.50 a share, or $62.1 million, from $50 a share, or $55 million, after another concern said it would outbid Ratners.",
    };
    const dates = { early: '1989-10-31', late: '1989-11-02' };
    expect(runOnTexts('value-conflict', texts, DAY, dates).findings).toEqual([]);
    const moved = runOnTexts('changed-between-reports', texts, DAY, dates).findings;
    expect(moved.map((f) => [f.severity, f.message])).toEqual([['info', expect.stringMatching(/'\$57\.50'.*moved from '\$50', the figure EARLY .*gives/)]]);
  });
});

describe('names that link stories', () => {
  it('are not a month abbreviated or a company suffix alone', () => {
    const { claims } = runOnTexts('value-conflict', { a: 'Weisfield\n\nSeattle-based Weisfield Inc. said on Oct. 27 that it had agreed to the offer of $50 a share; Inc. magazine ranked it on Nov. 2.' }, DAY);
    const names = new Set(claims.flatMap(linkingNames));
    for (const n of ['oct', 'nov', 'inc']) expect(names.has(n)).toBe(false);
  });
});
