/**
 * A small seeded pseudo-random generator (mulberry32), so that a simulation with the same seed gives
 * the same numbers everywhere. Not for anything secret.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Exponentially distributed with this mean. */
  exponential(mean: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/**
 * @example
 * const r = seededRandom(42);
 * const gap = r.exponential(3600 / arrivalsPerHour);
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    exponential: (mean) => -mean * Math.log(1 - next()),
    int: (n) => Math.floor(next() * n),
  };
}
