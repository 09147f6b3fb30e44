/** Layout of shifts on a day's time axis, pure: minutes from the day's midnight, for the Gantt chart. */
import type { Shift } from './schedule-api.ts';

export type SegmentKind = 'work' | 'break' | 'lunch';

export interface Segment {
  kind: SegmentKind;
  /** Minutes after the day's midnight (past 1440 for a shift running into the next day). */
  from: number;
  to: number;
}

/** Minutes from `day`'s midnight to a wall-clock time. @example minutesInto('2026-03-02', '2026-03-02T08:30:00') // 510 */
export const minutesInto = (day: string, local: string): number =>
  (Date.parse(`${local}Z`) - Date.parse(`${day}T00:00:00Z`)) / 60_000;

/**
 * A shift's work and breaks as segments in order.
 * @example segments('2026-03-02', shift) // [{ kind: 'work', from: 480, to: 600 }, { kind: 'break', … }, …]
 */
export function segments(day: string, shift: Shift): Segment[] {
  const out: Segment[] = [];
  let at = minutesInto(day, shift.start);
  for (const b of [...shift.breaks].sort((x, y) => x.start.localeCompare(y.start))) {
    const from = minutesInto(day, b.start);
    if (from > at) out.push({ kind: 'work', from: at, to: from });
    out.push({ kind: b.kind, from, to: minutesInto(day, b.end) });
    at = minutesInto(day, b.end);
  }
  const end = minutesInto(day, shift.end);
  if (end > at) out.push({ kind: 'work', from: at, to: end });
  return out;
}

/**
 * The hours the axis shows: whole hours around every shift of the day, at least 08:00–18:00.
 * @example axisHours('2026-03-02', [shift 06:30–15:00]) // { from: 6, to: 18 }
 */
export function axisHours(day: string, shifts: readonly Shift[]): { from: number; to: number } {
  let from = 8 * 60;
  let to = 18 * 60;
  for (const s of shifts) {
    from = Math.min(from, minutesInto(day, s.start));
    to = Math.max(to, minutesInto(day, s.end));
  }
  return { from: Math.floor(from / 60), to: Math.ceil(to / 60) };
}

/** `YYYY-MM-DD` plus n days. @example addDays('2026-03-02', 7) // '2026-03-09' */
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The Monday of a day's week. @example mondayOf('2026-03-05') // '2026-03-02' */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Paid hours of shifts: their length less their lunches. */
export function paidHours(shifts: readonly Shift[]): number {
  const minutes = shifts.reduce((total, s) => {
    const day = s.start.slice(0, 10);
    return total + segments(day, s).reduce((m, seg) => m + (seg.kind === 'lunch' ? 0 : seg.to - seg.from), 0);
  }, 0);
  return Math.round((minutes / 60) * 100) / 100;
}
