/**
 * Exponential smoothing of a daily series with a damped additive trend and a multiplicative weekly
 * seasonal (Holt-Winters; ETS(A,Ad,M) recursions, Hyndman et al. 2008 §2.3). Unknown days advance
 * the state without an update. The smoothing parameters are chosen on a small grid by the sum of
 * squared one-day-ahead errors, which is enough for the few parameters and short series a centre
 * has, and is deterministic.
 */

export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

export interface EtsState {
  level: number;
  trend: number;
  /** Seasonal index per season position (weekday for a daily series). */
  season: Float64Array;
}

const alphas = [0.05, 0.1, 0.2, 0.3, 0.5, 0.8];
const trends: [number, number][] = [
  [0, 1],
  [0.05, 0.9],
  [0.05, 0.98],
  [0.15, 0.9],
  [0.15, 0.98],
];
const gammas = [0, 0.05, 0.15, 0.3];

/**
 * Fits the series (NaN = unknown) whose value i falls on season position `position(i)`, and
 * returns the parameters and the state after the last value.
 *
 * @example
 * const { state, params } = fitEts(dailyTotals, (i) => (firstWeekday + i) % 7, 7);
 * etsForecast(state, params, 1, (firstWeekday + dailyTotals.length) % 7); // tomorrow's total
 */
export function fitEts(
  y: Float64Array,
  position: (i: number) => number,
  period: number,
): { params: EtsParams; state: EtsState } {
  const init = initialState(y, position, period);
  let best: { params: EtsParams; state: EtsState; sse: number } | undefined;
  for (const alpha of alphas) {
    for (const [beta, phi] of trends) {
      for (const gamma of gammas) {
        const params = { alpha, beta, gamma, phi };
        const run = filter(y, position, init, params);
        if (!best || run.sse < best.sse) best = { params, state: run.state, sse: run.sse };
      }
    }
  }
  return { params: best!.params, state: best!.state };
}

/** The value `h` steps after the state (h ≥ 1), at season position `pos`. */
export function etsForecast(state: EtsState, params: EtsParams, h: number, pos: number): number {
  let damp = 0;
  for (let k = 1, p = params.phi; k <= h; k++, p *= params.phi) damp += p;
  return Math.max(0, (state.level + damp * state.trend) * (state.season[pos] ?? 1));
}

function filter(y: Float64Array, position: (i: number) => number, init: EtsState, p: EtsParams) {
  let level = init.level;
  let trend = init.trend;
  const season = Float64Array.from(init.season);
  let sse = 0;
  let seen = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    const pos = position(i);
    const base = level + p.phi * trend;
    const s = season[pos]!;
    if (Number.isNaN(v) || s <= 0) {
      level = base;
      trend *= p.phi;
      continue;
    }
    // The first week only warms the state up; its errors would reward fitting the initial guess.
    if (seen >= 7) sse += (v - base * s) ** 2;
    seen++;
    const newLevel = Math.max(1e-9, p.alpha * (v / s) + (1 - p.alpha) * base);
    trend = p.beta * (newLevel - level) + (1 - p.beta) * p.phi * trend;
    level = newLevel;
    season[pos] = p.gamma * (v / newLevel) + (1 - p.gamma) * s;
  }
  return { state: { level, trend, season }, sse };
}

/** Seasonal indices from the first four weeks' means per position; level from the first week. */
function initialState(y: Float64Array, position: (i: number) => number, period: number): EtsState {
  const sums = new Float64Array(period);
  const counts = new Float64Array(period);
  for (let i = 0; i < Math.min(y.length, 4 * period); i++) {
    const v = y[i]!;
    if (Number.isNaN(v)) continue;
    sums[position(i)]! += v;
    counts[position(i)]!++;
  }
  const means = Array.from(sums, (s, k) => (counts[k]! > 0 ? s / counts[k]! : Number.NaN));
  const known = means.filter((m) => !Number.isNaN(m));
  const overall = known.reduce((a, b) => a + b, 0) / Math.max(1, known.length);
  const season = Float64Array.from(means, (m) => (Number.isNaN(m) || overall <= 0 ? 1 : m / overall));
  let level = 0;
  let n = 0;
  for (let i = 0; i < Math.min(y.length, period); i++) {
    const v = y[i]!;
    const s = season[position(i)]!;
    if (!Number.isNaN(v) && s > 0) {
      level += v / s;
      n++;
    }
  }
  return { level: n ? level / n : overall, trend: 0, season };
}
