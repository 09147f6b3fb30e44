/** Helpers for the weekly opening hours: days in the order people read a week, and simple checks. */
import type { OpeningInterval } from '../../../api/types.ts';

/** Monday first, as calendars in Colombia and most of the world show it; 0 is Sunday. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** The intervals of one day with their positions in the full list (positions name server errors). */
export function intervalsOf(
  weekly: OpeningInterval[],
  day: number,
): { interval: OpeningInterval; index: number }[] {
  return weekly.flatMap((interval, index) => (interval.day === day ? [{ interval, index }] : []));
}

/** A new interval for `day`: after the day's last one if any, else office hours. */
export function nextInterval(weekly: OpeningInterval[], day: number): OpeningInterval {
  const last = intervalsOf(weekly, day).at(-1)?.interval;
  if (!last) return { day, open: '08:00', close: '18:00' };
  return last.close < '20:00'
    ? { day, open: last.close, close: '22:00' }
    : { day, open: last.close, close: '23:59' };
}

/** Whether an interval closes after it opens ('HH:MM' strings compare correctly as text). */
export function isOrdered(interval: OpeningInterval): boolean {
  return interval.open < interval.close;
}
