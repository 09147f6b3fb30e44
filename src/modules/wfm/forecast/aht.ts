import { type Grid, recentSameWeekday, weekdayOf } from '../series.ts';

/**
 * Handle time per interval: the volume-weighted mean handle time of the same slot over the last
 * `weeks` same weekdays, falling back to the volume-weighted mean of those whole days. Handle times
 * move slowly and their noise is weighted by volume, so a plain weighted mean is hard to improve on.
 *
 * @example
 * forecastAht(grid, grid.days, 1); // Float64Array of one day's slots, NaN where nothing is known
 */
export function forecastAht(grid: Grid, origin: number, horizonDays: number, weeks = 4): Float64Array {
  const m = grid.slotsPerDay;
  const out = new Float64Array(horizonDays * m).fill(Number.NaN);
  const aht = grid.aht;
  if (!aht) return out;
  const before = Math.min(origin, grid.days);
  for (let h = 0; h < horizonDays; h++) {
    const rows = recentSameWeekday(grid, weekdayOf(grid.firstDay + origin + h), before, weeks);
    let daySum = 0;
    let dayWeight = 0;
    const slot = new Float64Array(m).fill(Number.NaN);
    for (let s = 0; s < m; s++) {
      let sum = 0;
      let weight = 0;
      for (const r of rows) {
        const a = aht[r * m + s]!;
        const n = grid.counts[r * m + s]!;
        if (Number.isNaN(a) || Number.isNaN(n) || n <= 0) continue;
        sum += a * n;
        weight += n;
      }
      if (weight > 0) slot[s] = sum / weight;
      daySum += sum;
      dayWeight += weight;
    }
    for (let s = 0; s < m; s++) {
      out[h * m + s] = Number.isNaN(slot[s]!) ? (dayWeight > 0 ? daySum / dayWeight : Number.NaN) : slot[s]!;
    }
  }
  return out;
}
