/** What every benchmark returns: its own figures, its peer's or ceiling's, and ours over theirs. */
export interface BenchResult {
  name: string;
  figures: Record<string, number>;
  peer: Record<string, number>;
  ratios: Record<string, number>;
  /** Free-form context printed under the table (sizes, engine, notes). */
  context?: Record<string, string | number>;
}

export interface BenchOptions {
  full: boolean;
  json: boolean;
  /** Reports progress on stderr so that --json keeps stdout clean. */
  progress: (message: string) => void;
}

export type Bench = (options: BenchOptions) => Promise<BenchResult>;
