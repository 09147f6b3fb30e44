import { type Grid, recentSameWeekday, weekdayOf } from '../series.ts';
import { etsForecast, fitEts } from './ets.ts';
import { type ForecastMethod, historyRows } from './method.ts';

/**
 * Top-down forecast, the classic contact-centre split: daily totals by exponential smoothing with a
 * weekly seasonal and a damped trend (`ets.ts`), shared out over the day by the weekday's intraday
 * profile. The profile is the same-weekday share of each interval over the last `profileWeeks`
 * weeks, so its shape is the 4-week mean's; what changes is the day's level, which follows a trend
 * where the 4-week mean lags a month behind.
 *
 * @example
 * etsProfile().forecast(grid, grid.days, 7);
 */
export function etsProfile(profileWeeks = 4): ForecastMethod {
  return {
    name: 'ets_profile',
    forecast: (grid, origin, horizonDays) => forecastTopDown(grid, origin, horizonDays, profileWeeks),
  };
}

function forecastTopDown(
  grid: Grid,
  origin: number,
  horizonDays: number,
  profileWeeks: number,
): Float64Array {
  const m = grid.slotsPerDay;
  const out = new Float64Array(horizonDays * m).fill(Number.NaN);
  const rows = historyRows(grid, origin);
  const profiles = new Map<number, Float64Array>();
  for (let w = 0; w < 7; w++) profiles.set(w, weekdayProfile(grid, w, rows, profileWeeks));
  const totals = dailyTotals(grid, rows, profiles);
  if (totals.every((t) => Number.isNaN(t))) return out;
  const position = (i: number) => weekdayOf(grid.firstDay + i);
  const { state, params } = fitEts(totals, position, 7);
  for (let h = 0; h < horizonDays; h++) {
    const row = origin + h;
    const profile = profiles.get(weekdayOf(grid.firstDay + row))!;
    // Days between the last history row and the origin are unknown: the state steps over them.
    const total = etsForecast(state, params, row - rows + 1, position(row));
    for (let s = 0; s < m; s++) {
      const share = profile[s]!;
      if (!Number.isNaN(share)) out[h * m + s] = total * share;
    }
  }
  return out;
}

/**
 * Share of the day's volume in each slot on a weekday, as a ratio of sums over recent same
 * weekdays (robust to a quiet slot on one day). NaN for slots never seen on that weekday.
 */
function weekdayProfile(grid: Grid, weekday: number, before: number, weeks: number): Float64Array {
  const m = grid.slotsPerDay;
  const profile = new Float64Array(m).fill(Number.NaN);
  const rows = recentSameWeekday(grid, weekday, before, weeks);
  if (rows.length === 0) return profile;
  const dayTotal = rows.map((r) => sumKnown(grid, r));
  let norm = 0;
  for (let s = 0; s < m; s++) {
    let num = 0;
    let den = 0;
    rows.forEach((r, i) => {
      const v = grid.counts[r * m + s]!;
      if (!Number.isNaN(v)) {
        num += v;
        den += dayTotal[i]!;
      }
    });
    if (den > 0) {
      profile[s] = num / den;
      norm += num / den;
    } else if (rows.some((r) => !Number.isNaN(grid.counts[r * m + s]!))) profile[s] = 0;
  }
  if (norm > 0) for (let s = 0; s < m; s++) profile[s]! /= norm;
  return profile;
}

/**
 * Daily totals; a day with unknown slots is scaled up by the profile share it does cover, and a
 * day covering under half its profile is unknown.
 */
function dailyTotals(grid: Grid, rows: number, profiles: Map<number, Float64Array>): Float64Array {
  const m = grid.slotsPerDay;
  const totals = new Float64Array(rows).fill(Number.NaN);
  for (let r = 0; r < rows; r++) {
    const profile = profiles.get(weekdayOf(grid.firstDay + r))!;
    let sum = 0;
    let covered = 0;
    let any = false;
    for (let s = 0; s < m; s++) {
      const v = grid.counts[r * m + s]!;
      if (Number.isNaN(v)) continue;
      any = true;
      sum += v;
      const share = profile[s]!;
      if (!Number.isNaN(share)) covered += share;
    }
    if (any && covered >= 0.5) totals[r] = sum / covered;
  }
  return totals;
}

function sumKnown(grid: Grid, row: number): number {
  let sum = 0;
  for (let s = 0; s < grid.slotsPerDay; s++) {
    const v = grid.counts[row * grid.slotsPerDay + s]!;
    if (!Number.isNaN(v)) sum += v;
  }
  return sum;
}
