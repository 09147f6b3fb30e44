import { WfmError } from './errors.ts';
import { requirePositive } from './validate.ts';

/**
 * A shift pattern: which periods of its day it covers, counted from the day's first period. It may
 * run past the end of the day (a night shift), covering the next day's first periods.
 */
export interface ShiftPattern {
  name: string;
  /** 1 where an agent on this shift works the queue, 0 otherwise (before, after, during a break). */
  coverage: number[];
  /** Cost of one agent on one day of this shift (paid hours, say); default 1. */
  cost?: number;
  /** Days (0-based, of the horizon) on which the shift may be used; default every day. */
  days?: number[];
}

export interface Break {
  /**
   * Minutes after the start of the shift; several values are alternative placements, each giving
   * its own pattern, so the solver staggers breaks instead of sending everyone at once.
   */
  afterMinutes: number | number[];
  minutes: number;
  /** A paid break costs like work; an unpaid one does not. Neither covers the queue. */
  paid: boolean;
}

export interface PatternSpec {
  periodMinutes: number;
  /** Start times, minutes after midnight. */
  startMinutes: number[];
  /** Shift lengths including breaks, minutes. */
  lengthMinutes: number[];
  breaks?: Break[];
}

/**
 * Every start × length combination, with its breaks cut out of the coverage and its cost in paid
 * hours. Times must fall on period boundaries, so no period is half worked.
 *
 * @example
 * shiftPatterns({ periodMinutes: 15, startMinutes: [480], lengthMinutes: [510],
 *   breaks: [{ afterMinutes: 240, minutes: 30, paid: false }] });
 * // [{ name: '08:00+8h30', coverage: [0 × 32, 1 × 16, 0, 0, 1 × 16], cost: 8 }]
 */
export function shiftPatterns(spec: PatternSpec): ShiftPattern[] {
  const p = requirePositive('period length (minutes)', spec.periodMinutes);
  const onGrid = (what: string, m: number) => {
    if (!Number.isInteger(m / p) || m < 0) {
      throw new WfmError('wfm.invalid_input', `${what} ${m} min is not a whole number of ${p}-min periods`);
    }
    return m / p;
  };
  const patterns: ShiftPattern[] = [];
  const seen = new Set<string>();
  for (const start of spec.startMinutes) {
    const first = onGrid('start', start);
    if (start >= 24 * 60) throw new WfmError('wfm.invalid_input', `start ${start} min is not within the day`);
    for (const length of spec.lengthMinutes) {
      const periods = onGrid('length', length);
      if (periods === 0) throw new WfmError('wfm.invalid_input', 'a shift length must be positive');
      for (const placement of placements(spec.breaks ?? [])) {
        const coverage = new Array<number>(first + periods).fill(0);
        for (let k = first; k < first + periods; k++) coverage[k] = 1;
        let unpaid = 0;
        const where: string[] = [];
        for (const { b, at: after } of placement) {
          const at = onGrid('break start', after);
          const n = onGrid('break length', b.minutes);
          // A break must end before the shift does; one that cannot belongs to longer shifts only.
          if (at + n >= periods) continue;
          for (let k = first + at; k < first + at + n; k++) coverage[k] = 0;
          if (!b.paid) unpaid += b.minutes;
          if (Array.isArray(b.afterMinutes)) where.push(clock(start + after));
        }
        const cost = (length - unpaid) / 60;
        const key = `${coverage.join('')}/${cost}`;
        if (seen.has(key)) continue; // alternatives that do not fit collapse into one pattern
        seen.add(key);
        const name = `${clock(start)}+${duration(length)}${where.length ? ` break ${where.join(',')}` : ''}`;
        patterns.push({ name, coverage, cost });
      }
    }
  }
  return patterns;
}

/** Every combination of the breaks' alternative placements. */
function placements(breaks: readonly Break[]): { b: Break; at: number }[][] {
  let out: { b: Break; at: number }[][] = [[]];
  for (const b of breaks) {
    const ats = Array.isArray(b.afterMinutes) ? b.afterMinutes : [b.afterMinutes];
    out = out.flatMap((combo) => ats.map((at) => [...combo, { b, at }]));
  }
  return out;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function duration(minutes: number): string {
  return minutes % 60 === 0
    ? `${minutes / 60}h`
    : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`;
}
