import { describe, expect, it } from 'vitest';
import { chartMarks, placeLabels, timelineSvg, wantsLogScale, type ChartPoint } from '../../src/report/chart.js';
import { disputedSeries } from '../../src/report/timelines.js';
import { storyReport } from './fixture.js';

const pt = (label: string, start: string, end: string, value: number, conflicting = false): ChartPoint => ({ label, start, end, value, figure: String(value), conflicting });

describe('chartMarks', () => {
  it('merges one value said for overlapping periods, keeps other values and statuses apart', () => {
    const marks = chartMarks([
      pt('Yicai', '2024-01-01', '2024-03-31', 1e11),
      pt('CNS', '2024-03-01', '2024-03-31', 1e11),
      pt('Xinhua', '2024-01-01', '2024-03-31', 1e11),
      pt('Blog', '2024-01-01', '2024-03-31', 1e11, true),
      pt('Blog', '2025-01-01', '2025-03-31', 1e12, true),
      pt('Yicai', '2025-10-01', '2025-12-31', 1e11),
    ]);
    expect(marks.map((m) => [m.start, m.end, m.value, m.conflicting, m.label])).toEqual([
      ['2024-01-01', '2024-03-31', 1e11, false, '100000000000: Yicai, Xinhua +1'],
      ['2024-01-01', '2024-03-31', 1e11, true, '100000000000: Blog'],
      ['2025-01-01', '2025-03-31', 1e12, true, '1000000000000: Blog'],
      ['2025-10-01', '2025-12-31', 1e11, false, '100000000000: Yicai'],
    ]);
  });
});

describe('wantsLogScale', () => {
  const cases: Array<[number[], boolean]> = [
    [[1e11, 1e12, 1e14, 1.4e14], true],
    [[40, 42], false],
    [[1, 99], false],
    [[1, 100], true],
    [[0, 1000], false],
    [[-5, 500], false],
  ];
  for (const [values, log] of cases) it(`${values.join(', ')} → ${log ? 'log' : 'linear'}`, () => expect(wantsLogScale(values)).toBe(log));
});

describe('placeLabels', () => {
  it('puts a label below its point when the next point is higher, and left in the last third', () => {
    const marks = chartMarks([pt('a', '2024-01-01', '2024-03-31', 1e11), pt('e', '2025-01-01', '2025-03-31', 1e12), pt('a', '2025-10-01', '2025-12-31', 1e14), pt('a', '2026-03-01', '2026-03-31', 1.4e14)]);
    expect(placeLabels(marks)).toEqual([
      { below: false, left: false },
      { below: true, left: false },
      { below: true, left: true },
      { below: false, left: true },
    ]);
  });
});

describe('the seeds’ story as a timeline', () => {
  const { report } = storyReport();
  const series = disputedSeries(report);

  it('charts the one disputed series, with only the early-2025 point of article e in conflict', () => {
    expect(series.map((s) => [s.slug, s.title, s.axis])).toEqual([['china-daily-token-usage', 'China: daily token usage', 'token per day']]);
    expect(series[0].points.filter((p) => p.conflicting).map((p) => [p.label, p.start, p.value])).toEqual([['Tech Blog', '2025-01-01', 1e12]]);
    expect(series[0].points).toHaveLength(15);
    expect(series[0].caption).toBe('15 figures from 5 articles; in conflict: Tech Blog (1 trillion tokens, 2025-01-01/2025-04-30).');
  });

  it('renders an SVG with a legend, the highlighted point and a log axis, the same bytes every time', async () => {
    const options = { title: series[0].title, axis: series[0].axis };
    const svg = await timelineSvg(series[0].points, options);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>in conflict</text>');
    expect(svg).toContain('>consistent</text>');
    expect(svg).toContain('1 trillion: Tech Blog');
    expect(svg).toContain('fill="#d62728"');
    for (const tick of ['100B', '1T', '10T', '100T']) expect(svg).toContain(`>${tick}</text>`);
    // Another chart in between must not change the bytes (no global ids leak between renders).
    await timelineSvg(series[0].points.slice(0, 4), options);
    expect(await timelineSvg(series[0].points, options)).toBe(svg);
  });
});
