/**
 * A timeline of one disputed metric: one mark per period and value (a bar for the period's
 * extent, a point at its middle) labelled with the figure and the outlets that give it,
 * conflicting points highlighted, a log scale when the values span orders of magnitude. Specified
 * in Vega-Lite and rendered to SVG with Vega, in Node, with no browser and no network; the same
 * points give the same bytes.
 */
import type { TopLevelSpec } from 'vega-lite';

export interface ChartPoint {
  /** Who says it: "Yicai" (points at the same period and value are merged, their labels joined). */
  label: string;
  /** The period the value is for (inclusive days). */
  start: string;
  end: string;
  value: number;
  /** The figure, for the mark's label ("100 billion"). */
  figure: string;
  conflicting: boolean;
}

export interface ChartOptions {
  title: string;
  /** Axis title for the values ("daily token usage (token)"). */
  axis: string;
}

/** One mark: the points at one period and value, merged. */
export interface ChartMark {
  start: string;
  end: string;
  value: number;
  figure: string;
  conflicting: boolean;
  /** The figure and who gives it: "100 billion: Yicai, CNS +2". */
  label: string;
  count: number;
}

const STATUS = { agrees: 'consistent', conflict: 'in conflict' } as const;
/** Labels list this many names, then "+N". */
const NAMES_SHOWN = 2;

const midpoint = (start: string, end: string): string => new Date((Date.parse(start) + Date.parse(end)) / 2).toISOString().slice(0, 10);
const nextDay = (day: string): string => new Date(Date.parse(day) + 864e5).toISOString().slice(0, 10);

/**
 * Merge points of the same value and status whose periods overlap ("the start of 2024" and "two
 * years ago", said in March 2026) into one mark spanning them, names in order of first appearance.
 */
export function chartMarks(points: ChartPoint[]): ChartMark[] {
  const clusters: Array<{ point: ChartPoint; start: string; end: string; names: string[] }> = [];
  const order = points.map((p, i) => ({ p, i })).sort((a, b) => (a.p.start < b.p.start ? -1 : a.p.start > b.p.start ? 1 : a.i - b.i));
  for (const { p } of order) {
    const m = clusters.find((c) => c.point.value === p.value && c.point.conflicting === p.conflicting && p.start <= c.end && c.start <= p.end);
    if (!m) {
      clusters.push({ point: p, start: p.start, end: p.end, names: [p.label] });
      continue;
    }
    if (p.end > m.end) m.end = p.end;
    if (!m.names.includes(p.label)) m.names.push(p.label);
  }
  return clusters.map(({ point, start, end, names }) => {
    const shown = names.slice(0, NAMES_SHOWN).join(', ') + (names.length > NAMES_SHOWN ? ` +${names.length - NAMES_SHOWN}` : '');
    const { value, figure, conflicting } = point;
    return { start, end, value, figure, conflicting, label: `${figure}: ${shown}`, count: names.length };
  });
}

/** True when a log scale suits the values: all positive and spanning two orders of magnitude or more. */
export function wantsLogScale(values: number[]): boolean {
  const positive = values.filter((v) => v > 0);
  return positive.length === values.length && positive.length > 0 && Math.max(...positive) / Math.min(...positive) >= 100;
}

/** The powers of ten from below the smallest value to above the largest (log-scale ticks). */
function decades(values: number[]): number[] {
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  return Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
}

/**
 * Where each mark's label goes: below the point when the next mark in time is higher (the label
 * would run into it) unless the point is the lowest; to the left of the point in the last third of
 * the time axis, so labels stay inside the chart.
 */
export function placeLabels(marks: ChartMark[]): Array<{ below: boolean; left: boolean }> {
  const t = marks.map((m) => (Date.parse(m.start) + Date.parse(m.end)) / 2);
  const order = marks.map((_, i) => i).sort((a, b) => t[a] - t[b] || marks[a].value - marks[b].value);
  const lowest = Math.min(...marks.map((m) => m.value));
  const [first, last] = [Math.min(...t), Math.max(...t)];
  const out = marks.map(() => ({ below: false, left: false }));
  order.forEach((i, k) => {
    const next = order[k + 1];
    out[i].below = next !== undefined && marks[next].value > marks[i].value && marks[i].value > lowest;
    out[i].left = last > first && (t[i] - first) / (last - first) > 2 / 3;
  });
  return out;
}

/** The Vega-Lite specification of a timeline (exported for tests). */
export function timelineSpec(points: ChartPoint[], options: ChartOptions): TopLevelSpec {
  const marks = chartMarks(points);
  const placed = placeLabels(marks);
  const values = marks.map((m, i) => ({ ...m, ...placed[i], mid: midpoint(m.start, m.end), endNext: nextDay(m.end), status: m.conflicting ? STATUS.conflict : STATUS.agrees }));
  const log = wantsLogScale(marks.map((m) => m.value));
  const ticks = log ? decades(marks.map((m) => m.value)) : undefined;
  const scale = log ? { type: 'log' as const, domain: [ticks![0], ticks![ticks!.length - 1]] } : { zero: false, padding: 12 };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: options.axis,
    scale,
    axis: { labelExpr: "replace(format(datum.value, '~s'), 'G', 'B')", ...(ticks ? { values: ticks } : { tickCount: 6 }) },
  };
  // One legend for colour and shape together: both encode `status` with the same domain.
  const domain = [STATUS.agrees, STATUS.conflict];
  const legend = { title: null, orient: 'bottom' as const, direction: 'horizontal' as const };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title,
    width: 600,
    height: 300,
    padding: 10,
    background: 'white',
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 4, opacity: 0.45 },
        encoding: {
          x: { field: 'start', type: 'temporal', title: 'period the figure is for', scale: { padding: 24 } },
          x2: { field: 'endNext' },
          color: { field: 'status', type: 'nominal', legend, scale: { domain, range: ['#4c78a8', '#d62728'] } },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 110, opacity: 1 },
        encoding: {
          x: { field: 'mid', type: 'temporal' },
          color: { field: 'status', type: 'nominal', legend, scale: { domain, range: ['#4c78a8', '#d62728'] } },
          shape: { field: 'status', type: 'nominal', legend, scale: { domain, range: ['circle', 'diamond'] } },
        },
      },
      // Labels in four layers (above or below the point, to its right or left) so that neighbours
      // do not write over each other: see `placeLabels`.
      ...[false, true].flatMap((below) =>
        [false, true].map((left) => ({
          transform: [{ filter: `datum.below === ${below} && datum.left === ${left}` }],
          mark: { type: 'text', align: left ? 'right' : 'left', baseline: below ? 'top' : 'bottom', dx: left ? -7 : 7, dy: below ? 5 : -5, fontSize: 11 },
          encoding: {
            x: { field: 'mid', type: 'temporal' },
            text: { field: 'label' },
            color: { condition: { test: `datum.status === '${STATUS.conflict}'`, value: '#b01c1c' }, value: '#333333' },
          },
        })),
      ),
    ],
    config: { font: 'sans-serif', legend: { labelFontSize: 11, labelLimit: 0, symbolSize: 110, symbolOpacity: 1 } },
  } as TopLevelSpec;
}

/** Render a timeline as an SVG document. vega is loaded on the first chart: most commands draw none. */
export async function timelineSvg(points: ChartPoint[], options: ChartOptions): Promise<string> {
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const spec = compile(timelineSpec(points, options)).spec;
  const view = new View(parse(spec), { renderer: 'none' });
  try {
    return `${await view.toSVG()}\n`;
  } finally {
    view.finalize();
  }
}
