import { WfmError } from '../errors.ts';
import { DAY_MS, type Grid } from '../series.ts';

/**
 * Special days (holidays, campaigns, a mailing) as multiplicative adjustments: a day with factor
 * 1.3 expects 30 % more than an ordinary day of its weekday, and factor 0 means closed. The history
 * is divided by the factors before any method sees it, so a past holiday does not drag its weekday
 * down, and the forecast is multiplied by them.
 */
export interface SpecialDay {
  /** Calendar date in the centre's time, YYYY-MM-DD. */
  date: string;
  factor: number;
}

/**
 * Factor per day number, validated.
 *
 * @example
 * specialDayFactors([{ date: '1999-01-05', factor: 0 }]); // Map { 10596 => 0 }
 */
export function specialDayFactors(days: readonly SpecialDay[]): Map<number, number> {
  const out = new Map<number, number>();
  days.forEach((d, i) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.date);
    const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
    if (!m || new Date(ms).toISOString().slice(0, 10) !== d.date) {
      throw new WfmError('wfm.invalid_input', `special day ${i + 1}: '${d.date}' is not a date YYYY-MM-DD`);
    }
    if (!Number.isFinite(d.factor) || d.factor < 0) {
      throw new WfmError(
        'wfm.invalid_input',
        `special day ${d.date}: factor must be zero or a positive number, got ${d.factor}`,
      );
    }
    out.set(ms / DAY_MS, d.factor);
  });
  return out;
}

/** The history with special days brought back to an ordinary day; closed days become unknown. */
export function normaliseHistory(grid: Grid, factors: Map<number, number>): Grid {
  if (factors.size === 0) return grid;
  const counts = Float64Array.from(grid.counts);
  const m = grid.slotsPerDay;
  for (const [day, factor] of factors) {
    const row = day - grid.firstDay;
    if (row < 0 || row >= grid.days) continue;
    for (let s = 0; s < m; s++)
      counts[row * m + s] = factor === 0 ? Number.NaN : counts[row * m + s]! / factor;
  }
  return { ...grid, counts };
}
