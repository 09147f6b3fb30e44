/**
 * When the nightly value batch is due for a workspace. Pure: the caller passes the time.
 * The batch runs in the night of the workspace's own time zone (from 03:00 to 06:00 local time), once:
 * a run less than four hours old (the window is three) means this night's run is done.
 */

export const NIGHT_START_HOUR = 3;
const WINDOW_HOURS = 3;
const MIN_GAP_MS = 4 * 3600 * 1000;

// Building a formatter is far slower than using one; they depend only on the time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The hour of day (0–23) at `at` in `timeZone`. */
export function localHour(at: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  return Number(format.format(at));
}

/**
 * @example nightlyDue(new Date('2026-12-06T08:30:00Z'), null, 'America/Bogota') // true: 03:30 in Bogotá
 * @example nightlyDue(new Date('2026-12-06T15:00:00Z'), null, 'America/Bogota') // false: 10:00
 */
export function nightlyDue(now: Date, lastRun: Date | null, timeZone: string): boolean {
  const hour = localHour(now, timeZone);
  if (hour < NIGHT_START_HOUR || hour >= NIGHT_START_HOUR + WINDOW_HOURS) return false;
  return lastRun === null || now.getTime() - lastRun.getTime() >= MIN_GAP_MS;
}
