import { type Grid, weekdayOf } from '../series.ts';
import { type ForecastMethod, historyRows } from './method.ts';

/**
 * Double seasonal Holt-Winters on the interval series (Taylor 2003, "Short-term electricity demand
 * forecasting using double seasonal exponential smoothing"): a level, a daily seasonal (one index per
 * slot of the day) and a weekly seasonal (one per slot of the week), multiplicative. Counts are
 * shifted by one before smoothing so that empty night intervals divide by nothing near zero; an
 * unknown interval carries the state over untouched. α, δ, ω are chosen by coordinate search on the
 * sum of squared one-interval-ahead errors after a one-week warm-up.
 *
 * @example
 * holtWinters.forecast(grid, grid.days, 1);
 */
export const holtWinters: ForecastMethod = {
  name: 'holt_winters',
  forecast: (grid, origin, horizonDays) => forecastHw(grid, origin, horizonDays),
};

interface Params {
  alpha: number;
  delta: number;
  omega: number;
}

interface State {
  level: number;
  daily: Float64Array;
  weekly: Float64Array;
}

const grid01 = [0, 0.01, 0.03, 0.1, 0.2, 0.4];
const alphas = [0.002, 0.005, 0.01, 0.02, 0.05, 0.1];

function forecastHw(grid: Grid, origin: number, horizonDays: number): Float64Array {
  const m = grid.slotsPerDay;
  const out = new Float64Array(horizonDays * m).fill(Number.NaN);
  const rows = historyRows(grid, origin);
  if (rows < 7) return out;
  const init = initialState(grid, rows);
  if (!init) return out;
  let params: Params = { alpha: 0.01, delta: 0.1, omega: 0.1 };
  let best = run(grid, rows, init, params).sse;
  for (let pass = 0; pass < 2; pass++) {
    for (const key of ['alpha', 'delta', 'omega'] as const) {
      for (const v of key === 'alpha' ? alphas : grid01) {
        const trial = { ...params, [key]: v };
        const sse = run(grid, rows, init, trial).sse;
        if (sse < best) [best, params] = [sse, trial];
      }
    }
  }
  const { state } = run(grid, rows, init, params);
  for (let h = 0; h < horizonDays; h++) {
    const w = weekdayOf(grid.firstDay + origin + h);
    for (let s = 0; s < m; s++) {
      const f = state.level * state.daily[s]! * state.weekly[w * m + s]! - 1;
      out[h * m + s] = Math.max(0, f);
    }
  }
  return out;
}

function run(grid: Grid, rows: number, init: State, p: Params): { sse: number; state: State } {
  const m = grid.slotsPerDay;
  const daily = Float64Array.from(init.daily);
  const weekly = Float64Array.from(init.weekly);
  let level = init.level;
  let sse = 0;
  for (let r = 0; r < rows; r++) {
    const wBase = weekdayOf(grid.firstDay + r) * m;
    for (let s = 0; s < m; s++) {
      const y = grid.counts[r * m + s]!;
      if (Number.isNaN(y)) continue;
      const z = y + 1;
      const d = daily[s]!;
      const w = weekly[wBase + s]!;
      const e = z - level * d * w;
      if (r >= 7) sse += e * e;
      const newLevel = p.alpha * (z / (d * w)) + (1 - p.alpha) * level;
      daily[s] = p.delta * (z / (newLevel * w)) + (1 - p.delta) * d;
      weekly[wBase + s] = p.omega * (z / (newLevel * d)) + (1 - p.omega) * w;
      level = newLevel;
    }
  }
  return { sse, state: { level, daily, weekly } };
}

/**
 * Level: mean of the first week; daily indices: each slot's mean over the first weeks over the
 * level; weekly indices: what is left per slot of the week. Positions never seen stay at 1.
 */
function initialState(grid: Grid, rows: number): State | undefined {
  const m = grid.slotsPerDay;
  const span = Math.min(rows, 28);
  const weekSum = new Float64Array(7 * m);
  const weekN = new Float64Array(7 * m);
  let total = 0;
  let n = 0;
  for (let r = 0; r < span; r++) {
    const base = weekdayOf(grid.firstDay + r) * m;
    for (let s = 0; s < m; s++) {
      const y = grid.counts[r * m + s]!;
      if (Number.isNaN(y)) continue;
      weekSum[base + s]! += y + 1;
      weekN[base + s]!++;
      total += y + 1;
      n++;
    }
  }
  if (n === 0) return undefined;
  const level = total / n;
  const daily = new Float64Array(m);
  const weekly = new Float64Array(7 * m).fill(1);
  for (let s = 0; s < m; s++) {
    let sum = 0;
    let k = 0;
    for (let w = 0; w < 7; w++) {
      if (weekN[w * m + s]! > 0) {
        sum += weekSum[w * m + s]! / weekN[w * m + s]!;
        k++;
      }
    }
    daily[s] = k > 0 ? sum / k / level : 1;
    for (let w = 0; w < 7; w++) {
      const i = w * m + s;
      if (weekN[i]! > 0) weekly[i] = weekSum[i]! / weekN[i]! / level / daily[s]!;
    }
  }
  return { level, daily, weekly };
}
