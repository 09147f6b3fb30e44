import { type Accuracy, AccuracyAccumulator } from '../accuracy.ts';
import { type Grid, openSlots, weekdayOf } from '../series.ts';
import { errorQuantiles, intervalAround, standardisedError } from './intervals.ts';
import type { ForecastMethod } from './method.ts';

/**
 * Rolling-origin backtest (Tashman 2000): at each of the last `origins` days the method sees only
 * the days before it, forecasts `horizonDays` days, and is scored on the open intervals whose
 * actuals are known. The prediction interval used for coverage at an origin is built from the errors
 * of the earlier origins only, so the coverage reported is what a planner would have seen.
 */

export interface BacktestOptions {
  horizonDays: number;
  /** How many most recent days serve as origins (default 14). */
  origins?: number;
  /** Days of history an origin needs before it (default 14: two weeks for the weekly pattern). */
  minHistoryDays?: number;
  /** Central prediction interval, e.g. 0.8. */
  level: number;
}

export interface MethodBacktest {
  method: string;
  /** Over every origin and horizon. */
  overall: Accuracy;
  /** Index h − 1: accuracy h days ahead. */
  byHorizon: Accuracy[];
  /** Standardised errors per horizon (index h − 1), the raw material of prediction intervals. */
  errors: number[][];
}

/**
 * Backtests each method over the same origins and intervals.
 *
 * @example
 * const [hw] = backtest(grid, [holtWinters], { horizonDays: 1, level: 0.8 });
 * hw.overall.mae;
 */
export function backtest(
  grid: Grid,
  methods: readonly ForecastMethod[],
  options: BacktestOptions,
): MethodBacktest[] {
  const { horizonDays, level } = options;
  const m = grid.slotsPerDay;
  const first = Math.max(options.minHistoryDays ?? 14, grid.days - (options.origins ?? 14));
  return methods.map((method) => {
    const overall = new AccuracyAccumulator();
    const byHorizon = Array.from({ length: horizonDays }, () => new AccuracyAccumulator());
    const errors: number[][] = Array.from({ length: horizonDays }, () => []);
    for (let origin = first; origin < grid.days; origin++) {
      const f = method.forecast(grid, origin, horizonDays);
      const fresh: number[][] = errors.map(() => []);
      for (let h = 0; h < horizonDays && origin + h < grid.days; h++) {
        const row = origin + h;
        const open = openSlots(grid, weekdayOf(grid.firstDay + row), origin);
        const q = errorQuantiles(errors[h]!, level);
        for (let s = 0; s < m; s++) {
          const actual = grid.counts[row * m + s]!;
          const forecast = f[h * m + s]!;
          if (!open[s] || Number.isNaN(actual) || Number.isNaN(forecast)) continue;
          const { lo, hi } = intervalAround(forecast, q);
          overall.add(actual, forecast, lo, hi);
          byHorizon[h]!.add(actual, forecast, lo, hi);
          fresh[h]!.push(standardisedError(actual, forecast));
        }
      }
      fresh.forEach((e, h) => {
        errors[h]!.push(...e);
      });
    }
    return {
      method: method.name,
      overall: overall.result(),
      byHorizon: byHorizon.map((a) => a.result()),
      errors,
    };
  });
}
