/** What one evaluation suite reports: printable lines and the figures behind them. */
export interface EvalResult {
  name: string;
  lines: string[];
  metrics: Record<string, number>;
}

/** An evaluation suite reads its data under `dataDir` (shared/eval) and returns null when absent. */
export type Suite = (dataDir: string) => Promise<EvalResult | null>;
