import { DAY_MS, type SeriesPoint } from '../series.ts';

/**
 * Test and benchmark support: seeded synthetic call histories, so tests are repeatable without
 * shipping data. Not used by the product.
 */

/** mulberry32: a small, fast, seeded generator of uniform numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw: Knuth's product of uniforms below 30, a rounded normal above (error < 1 %). */
export function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

export interface SyntheticOptions {
  /** Day number of the first day (default 2024-01-07, a Sunday). */
  firstDay?: number;
  days: number;
  intervalMinutes: number;
  /** Mean calls per interval from its day, weekday (0 = Sunday) and slot; null = closed (absent). */
  mean: (day: number, weekday: number, slot: number) => number | null;
  seed?: number;
}

/**
 * Poisson counts around a given mean per interval; closed intervals are left out of the series.
 *
 * @example
 * syntheticHistory({ days: 56, intervalMinutes: 30, mean: (_d, w, s) => (w === 6 ? null : 10) });
 */
export function syntheticHistory(options: SyntheticOptions): SeriesPoint[] {
  const random = seededRandom(options.seed ?? 1);
  const first = options.firstDay ?? Date.UTC(2024, 0, 7) / DAY_MS;
  const slots = (24 * 60) / options.intervalMinutes;
  const points: SeriesPoint[] = [];
  for (let d = 0; d < options.days; d++) {
    const day = first + d;
    const weekday = (((day + 4) % 7) + 7) % 7;
    for (let s = 0; s < slots; s++) {
      const mean = options.mean(d, weekday, s);
      if (mean === null) continue;
      points.push({
        start: day * DAY_MS + s * options.intervalMinutes * 60_000,
        count: poisson(mean, random),
      });
    }
  }
  return points;
}
