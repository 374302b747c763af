/**
 * A timeline of one disputed metric: one mark per article's claim at its period (a bar for the
 * period's extent, a point at its middle), conflicting points highlighted, a log scale when the
 * values span orders of magnitude. Specified in Vega-Lite and rendered to SVG with Vega, in Node,
 * with no browser and no network.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface ChartPoint {
  /** Who says it: "Yicai, 2026-03-24". */
  label: string;
  /** The period the value is for (inclusive days). */
  start: string;
  end: string;
  value: number;
  /** The figure as written, for the tooltip-like label. */
  figure: string;
  conflicting: boolean;
}

export interface ChartOptions {
  title: string;
  /** Axis title for the values ("daily token usage (token)"). */
  axis: string;
}

const midpoint = (start: string, end: string): string => {
  const t = (Date.parse(start) + Date.parse(end)) / 2;
  return new Date(t).toISOString().slice(0, 10);
};

/** The Vega-Lite specification of a timeline (exported for tests). */
export function timelineSpec(points: ChartPoint[], options: ChartOptions): TopLevelSpec {
  const values = points.map((p) => ({ ...p, mid: midpoint(p.start, p.end), endNext: nextDay(p.end), status: p.conflicting ? 'in conflict' : 'agrees' }));
  const positive = points.map((p) => p.value).filter((v) => v > 0);
  const log = positive.length === points.length && positive.length > 0 && Math.max(...positive) / Math.min(...positive) >= 100;
  const y = { field: 'value', type: 'quantitative' as const, title: options.axis, scale: log ? { type: 'log' as const } : { zero: false }, axis: { labelExpr: "replace(format(datum.value, '~s'), 'G', 'B')" } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title,
    width: 560,
    height: 280,
    data: { values },
    encoding: {
      y,
      color: {
        field: 'status',
        type: 'nominal',
        title: null,
        scale: { domain: ['agrees', 'in conflict'], range: ['#4c78a8', '#d62728'] },
      },
    },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 3, opacity: 0.5 },
        encoding: { x: { field: 'start', type: 'temporal', title: 'period' }, x2: { field: 'endNext' } },
      },
      {
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          x: { field: 'mid', type: 'temporal' },
          shape: { field: 'status', type: 'nominal', legend: null, scale: { domain: ['agrees', 'in conflict'], range: ['circle', 'diamond'] } },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 7, dy: -7, fontSize: 10 },
        encoding: { x: { field: 'mid', type: 'temporal' }, text: { field: 'label' }, color: { value: '#333' } },
      },
    ],
  } as TopLevelSpec;
}

function nextDay(day: string): string {
  return new Date(Date.parse(day) + 864e5).toISOString().slice(0, 10);
}

/** Render a timeline as an SVG document. */
export async function timelineSvg(points: ChartPoint[], options: ChartOptions): Promise<string> {
  const spec = compile(timelineSpec(points, options)).spec;
  const view = new View(parse(spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg + '\n';
}
