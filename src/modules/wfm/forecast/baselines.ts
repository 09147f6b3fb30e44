import { type Grid, recentSameWeekday, weekdayOf } from '../series.ts';
import type { ForecastMethod } from './method.ts';

/**
 * Seasonal naive: each interval as it was on the most recent same weekday with data.
 *
 * @example
 * seasonalNaive.forecast(grid, grid.days, 1); // tomorrow = the same weekday last week
 */
export const seasonalNaive: ForecastMethod = {
  name: 'seasonal_naive',
  forecast: (grid, origin, horizonDays) => sameWeekdayMean(grid, origin, horizonDays, 1),
};

/**
 * Mean of the same interval over the last `weeks` same weekdays with data (days absent from the
 * history are skipped, not averaged in as zero). With 4 weeks this is the planners' usual baseline.
 *
 * @example
 * weekdayMean(4).forecast(grid, grid.days, 7);
 */
export function weekdayMean(weeks: number): ForecastMethod {
  return {
    name: weeks === 4 ? 'weekday_mean' : `weekday_mean_${weeks}`,
    forecast: (grid, origin, horizonDays) => sameWeekdayMean(grid, origin, horizonDays, weeks),
  };
}

function sameWeekdayMean(grid: Grid, origin: number, horizonDays: number, weeks: number): Float64Array {
  const { slotsPerDay: m } = grid;
  const out = new Float64Array(horizonDays * m).fill(Number.NaN);
  const before = Math.min(origin, grid.days);
  for (let h = 0; h < horizonDays; h++) {
    const rows = recentSameWeekday(grid, weekdayOf(grid.firstDay + origin + h), before, weeks);
    for (let s = 0; s < m; s++) {
      let sum = 0;
      let n = 0;
      for (const r of rows) {
        const v = grid.counts[r * m + s]!;
        if (!Number.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      if (n > 0) out[h * m + s] = sum / n;
    }
  }
  return out;
}
