/**
 * Forecast accuracy measures over pairs of actual and forecast values (and, for coverage, the
 * prediction interval). Intervals without an actual are left out by the caller, never read as zero.
 */

export interface Accuracy {
  /** Pairs measured. */
  n: number;
  mae: number;
  rmse: number;
  /** Mean absolute percentage error over the pairs whose actual is not zero; null when none is. */
  mape: number | null;
  /** Symmetric MAPE, 2|f − a| / (|a| + |f|), over the pairs where they are not both zero. */
  smape: number | null;
  /** Share of actuals inside [lo, hi]; null when no interval was given. */
  coverage: number | null;
}

/** Accumulates pairs one at a time, so a backtest need not keep them all. */
export class AccuracyAccumulator {
  private n = 0;
  private abs = 0;
  private sq = 0;
  private pct = 0;
  private pctN = 0;
  private sym = 0;
  private symN = 0;
  private inside = 0;
  private intervals = 0;

  add(actual: number, forecast: number, lo?: number, hi?: number): void {
    const e = forecast - actual;
    this.n++;
    this.abs += Math.abs(e);
    this.sq += e * e;
    if (actual !== 0) {
      this.pct += Math.abs(e / actual);
      this.pctN++;
    }
    const denominator = Math.abs(actual) + Math.abs(forecast);
    if (denominator > 0) {
      this.sym += (2 * Math.abs(e)) / denominator;
      this.symN++;
    }
    if (lo !== undefined && hi !== undefined) {
      this.intervals++;
      if (actual >= lo && actual <= hi) this.inside++;
    }
  }

  result(): Accuracy {
    const n = this.n;
    return {
      n,
      mae: n ? this.abs / n : Number.NaN,
      rmse: n ? Math.sqrt(this.sq / n) : Number.NaN,
      mape: this.pctN ? this.pct / this.pctN : null,
      smape: this.symN ? this.sym / this.symN : null,
      coverage: this.intervals ? this.inside / this.intervals : null,
    };
  }
}

/**
 * Accuracy of a forecast against actuals; `lo`/`hi` give the coverage of its interval.
 *
 * @example
 * accuracy([10, 20], [12, 18]); // { n: 2, mae: 2, rmse: 2, mape: 0.15, smape: 0.1478…, coverage: null }
 */
export function accuracy(
  actual: readonly number[],
  forecast: readonly number[],
  lo?: readonly number[],
  hi?: readonly number[],
): Accuracy {
  const acc = new AccuracyAccumulator();
  actual.forEach((a, i) => {
    const f = forecast[i];
    if (f === undefined || Number.isNaN(a) || Number.isNaN(f)) return;
    acc.add(a, f, lo?.[i], hi?.[i]);
  });
  return acc.result();
}
