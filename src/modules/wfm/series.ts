import { WfmError } from './errors.ts';

/**
 * Interval series on a day × slot grid. Times are wall-clock times of the centre written as if they
 * were UTC ("local epoch milliseconds"): a Monday 08:00 is a Monday 08:00 whatever the offset, so
 * daily and weekly seasonality never shift at a daylight-saving change.
 */

export const DAY_MS = 86_400_000;

export const intervalChoices = [5, 15, 30, 60] as const;

export interface SeriesPoint {
  /** Interval start, local epoch milliseconds. */
  start: number;
  count: number;
  /** Mean handle time of the interval's contacts, seconds, when known. */
  ahtSeconds?: number;
}

/** History laid out by day and slot; NaN marks an interval absent from the history (unknown, not 0). */
export interface Grid {
  intervalMinutes: number;
  slotsPerDay: number;
  /** Day number (days since 1970-01-01) of row 0. */
  firstDay: number;
  days: number;
  counts: Float64Array;
  /** Handle times, NaN where unknown; null when the history has none. */
  aht: Float64Array | null;
}

/** Day of the week of a day number, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Lays a series out on a grid. Rejects a start that is not on an interval boundary, a negative or
 * non-finite count, and an interval given twice, naming the row.
 *
 * @example
 * const g = buildGrid([{ start: Date.UTC(2024, 0, 1, 8), count: 12 }], 60);
 * g.counts[8]; // 12, and NaN for the other 23 hours of the day
 */
export function buildGrid(points: readonly SeriesPoint[], intervalMinutes: number): Grid {
  if (!(intervalChoices as readonly number[]).includes(intervalMinutes)) {
    throw new WfmError(
      'wfm.invalid_input',
      `interval must be one of ${intervalChoices.join(', ')} minutes, got ${intervalMinutes}`,
    );
  }
  if (points.length === 0) throw new WfmError('wfm.bad_history', 'the history is empty');
  const step = intervalMinutes * 60_000;
  const slotsPerDay = DAY_MS / step;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  points.forEach((p, i) => {
    if (!Number.isFinite(p.start) || p.start % step !== 0) {
      throw new WfmError(
        'wfm.bad_history',
        `row ${i + 1}: ${describeTime(p.start)} is not the start of a ${intervalMinutes}-minute interval`,
      );
    }
    if (!Number.isFinite(p.count) || p.count < 0) {
      throw new WfmError(
        'wfm.bad_history',
        `row ${i + 1}: count must be zero or a positive number, got ${p.count}`,
      );
    }
    const day = Math.floor(p.start / DAY_MS);
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
  });
  const days = lastDay - firstDay + 1;
  const counts = new Float64Array(days * slotsPerDay).fill(Number.NaN);
  const hasAht = points.some((p) => p.ahtSeconds !== undefined);
  const aht = hasAht ? new Float64Array(days * slotsPerDay).fill(Number.NaN) : null;
  const rowOf = new Map<number, number>();
  points.forEach((p, i) => {
    const cell = (p.start - firstDay * DAY_MS) / step;
    const earlier = rowOf.get(cell);
    if (earlier !== undefined) {
      throw new WfmError(
        'wfm.bad_history',
        `rows ${earlier + 1} and ${i + 1} both give the interval ${describeTime(p.start)}`,
      );
    }
    rowOf.set(cell, i);
    counts[cell] = p.count;
    if (aht && p.ahtSeconds !== undefined && Number.isFinite(p.ahtSeconds) && p.ahtSeconds > 0)
      aht[cell] = p.ahtSeconds;
  });
  return { intervalMinutes, slotsPerDay, firstDay, days, counts, aht };
}

/** Whether a grid row holds any known interval. */
export function dayHasData(grid: Grid, row: number): boolean {
  const base = row * grid.slotsPerDay;
  for (let s = 0; s < grid.slotsPerDay; s++) if (!Number.isNaN(grid.counts[base + s]!)) return true;
  return false;
}

/**
 * The last `count` rows before `beforeRow` that fall on `weekday` and hold data, most recent first.
 * Days absent from the history are skipped, not read as zero.
 */
export function recentSameWeekday(grid: Grid, weekday: number, beforeRow: number, count: number): number[] {
  const rows: number[] = [];
  for (let r = beforeRow - 1; r >= 0 && rows.length < count; r--) {
    if (weekdayOf(grid.firstDay + r) === weekday && dayHasData(grid, r)) rows.push(r);
  }
  return rows;
}

/**
 * The slots of a weekday that the centre is open, judged from the last four such days in the
 * history: a slot is open if any of them has it. A weekday never seen has no open slot.
 */
export function openSlots(grid: Grid, weekday: number, beforeRow: number): boolean[] {
  const open = new Array<boolean>(grid.slotsPerDay).fill(false);
  for (const r of recentSameWeekday(grid, weekday, beforeRow, 4)) {
    for (let s = 0; s < grid.slotsPerDay; s++)
      if (!Number.isNaN(grid.counts[r * grid.slotsPerDay + s]!)) open[s] = true;
  }
  return open;
}

/** `2024-01-01T08:00` for messages. */
export function describeTime(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 16) : String(ms);
}

/**
 * Arrivals per interval from arrival times (local epoch ms), e.g. calls of a per-call log. Every
 * interval of a day that has at least one arrival is emitted, with zero where nothing arrived: a
 * day with calls was a day the system ran. Days without any arrival are left out (unknown).
 *
 * @example
 * aggregateArrivals([Date.UTC(1999, 0, 3, 7, 1), Date.UTC(1999, 0, 3, 7, 20)], 30).slice(14, 15);
 * // [{ start: Date.UTC(1999, 0, 3, 7), count: 2 }]
 */
export function aggregateArrivals(arrivals: readonly number[], intervalMinutes: number): SeriesPoint[] {
  const step = intervalMinutes * 60_000;
  const perDay = new Map<number, Float64Array>();
  for (const t of arrivals) {
    const day = Math.floor(t / DAY_MS);
    const counts = perDay.get(day) ?? new Float64Array(DAY_MS / step);
    perDay.set(day, counts);
    const slot = Math.floor((t - day * DAY_MS) / step);
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  const points: SeriesPoint[] = [];
  for (const day of [...perDay.keys()].sort((a, b) => a - b)) {
    perDay.get(day)!.forEach((count, slot) => {
      points.push({ start: day * DAY_MS + slot * step, count });
    });
  }
  return points;
}
