import { WfmError } from '../errors.ts';
import { buildGrid, DAY_MS, type Grid, openSlots, type SeriesPoint, weekdayOf } from '../series.ts';
import { requireFraction } from '../validate.ts';
import { forecastAht } from './aht.ts';
import { backtest, type MethodBacktest } from './backtest.ts';
import { seasonalNaive, weekdayMean } from './baselines.ts';
import { etsProfile } from './ets-profile.ts';
import { holtWinters } from './holt-winters.ts';
import { errorQuantiles, intervalAround } from './intervals.ts';
import type { ForecastMethod } from './method.ts';
import { normaliseHistory, type SpecialDay, specialDayFactors } from './special-days.ts';

/** Forecast of volume (and handle time) per interval for the days after the history. */

export const methodNames = ['seasonal_naive', 'weekday_mean', 'ets_profile', 'holt_winters'] as const;
export type MethodName = (typeof methodNames)[number];

export interface ForecastOptions {
  intervalMinutes: number;
  horizonDays: number;
  /** A method, or 'auto' (default): the one with the lowest backtest MAE over the same horizon. */
  method?: MethodName | 'auto';
  /** Central prediction interval (default 0.8). */
  level?: number;
  specialDays?: readonly SpecialDay[];
  /** Backtest origins (default 14 most recent days). */
  backtestOrigins?: number;
}

export interface ForecastPoint {
  /** Interval start, local epoch milliseconds. */
  start: number;
  forecast: number;
  lo: number;
  hi: number;
  /** Handle-time forecast, seconds, when the history has handle times. */
  ahtSeconds?: number;
}

export interface ForecastResult {
  method: MethodName;
  points: ForecastPoint[];
  /** Accuracy of every method tried, by horizon: the evidence for the choice. */
  backtest: MethodBacktest[];
}

/** Candidates in order of simplicity: on a tie the simpler one wins. */
function methodsByName(): Record<MethodName, ForecastMethod> {
  return {
    seasonal_naive: seasonalNaive,
    weekday_mean: weekdayMean(4),
    ets_profile: etsProfile(4),
    holt_winters: holtWinters,
  };
}

/**
 * Forecasts the `horizonDays` days after the last day of the history, on the intervals the history
 * shows open (a slot absent from the last four same weekdays is closed and gets no point).
 *
 * @example
 * const { method, points } = forecastSeries(history, { intervalMinutes: 30, horizonDays: 7 });
 * // method: 'ets_profile', points: [{ start, forecast: 41.2, lo: 33.0, hi: 49.9 }, …]
 */
export function forecastSeries(history: readonly SeriesPoint[], options: ForecastOptions): ForecastResult {
  if (!Number.isSafeInteger(options.horizonDays) || options.horizonDays < 1 || options.horizonDays > 366) {
    throw new WfmError(
      'wfm.invalid_input',
      `horizon must be a whole number of days from 1 to 366, got ${options.horizonDays}`,
    );
  }
  const level = options.level ?? 0.8;
  requireFraction('prediction interval level', level, { allowZero: false, allowOne: false });
  const factors = specialDayFactors(options.specialDays ?? []);
  const grid = normaliseHistory(buildGrid(history, options.intervalMinutes), factors);
  const all = methodsByName();
  const requested = options.method ?? 'auto';
  if (requested !== 'auto' && !(requested in all)) {
    throw new WfmError(
      'wfm.invalid_input',
      `unknown method '${requested}': use auto or one of ${methodNames.join(', ')}`,
    );
  }
  const fallback = all.weekday_mean;
  const candidates = requested === 'auto' ? methodNames : [requested];
  const tried = backtest(
    grid,
    candidates.map((name) => withFallback(all[name], fallback)),
    { horizonDays: options.horizonDays, level, origins: options.backtestOrigins },
  );
  const chosen = requested === 'auto' ? pickByMae(tried) : requested;
  const errors = tried.find((t) => t.method === chosen)?.errors ?? [];
  const values = withFallback(all[chosen], fallback).forecast(grid, grid.days, options.horizonDays);
  const aht = forecastAht(grid, grid.days, options.horizonDays);
  return {
    method: chosen,
    points: toPoints(grid, values, aht, errors, level, factors, options.horizonDays),
    backtest: tried,
  };
}

/** Lowest MAE over the backtest; with no backtest possible (short history), the 4-week mean. */
function pickByMae(tried: readonly MethodBacktest[]): MethodName {
  let best: MethodBacktest | undefined;
  for (const t of tried) {
    if (t.overall.n > 0 && (!best || t.overall.mae < best.overall.mae)) best = t;
  }
  return (best?.method as MethodName | undefined) ?? 'weekday_mean';
}

/** Fills the intervals a method cannot forecast (too little history) with the 4-week mean. */
function withFallback(method: ForecastMethod, fallback: ForecastMethod): ForecastMethod {
  if (method === fallback) return method;
  return {
    name: method.name,
    forecast(grid, origin, horizonDays) {
      const f = method.forecast(grid, origin, horizonDays);
      if (!f.some(Number.isNaN)) return f;
      const g = fallback.forecast(grid, origin, horizonDays);
      return f.map((v, i) => (Number.isNaN(v) ? g[i]! : v));
    },
  };
}

function toPoints(
  grid: Grid,
  values: Float64Array,
  aht: Float64Array,
  errors: readonly number[][],
  level: number,
  factors: Map<number, number>,
  horizonDays: number,
): ForecastPoint[] {
  const m = grid.slotsPerDay;
  const step = grid.intervalMinutes * 60_000;
  const points: ForecastPoint[] = [];
  for (let h = 0; h < horizonDays; h++) {
    const day = grid.firstDay + grid.days + h;
    const factor = factors.get(day) ?? 1;
    if (factor === 0) continue;
    const open = openSlots(grid, weekdayOf(day), grid.days);
    // Beyond the backtested horizons the farthest one's errors are the best evidence left.
    const q = errorQuantiles(errors[Math.min(h, errors.length - 1)] ?? [], level);
    for (let s = 0; s < m; s++) {
      const f = values[h * m + s]!;
      if (!open[s] || Number.isNaN(f)) continue;
      const { lo, hi } = intervalAround(f, q);
      const point: ForecastPoint = {
        start: day * DAY_MS + s * step,
        forecast: f * factor,
        lo: lo * factor,
        hi: hi * factor,
      };
      const a = aht[h * m + s]!;
      if (!Number.isNaN(a)) point.ahtSeconds = a;
      points.push(point);
    }
  }
  return points;
}
