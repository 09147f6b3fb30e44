/**
 * When a scheduled report is sent and which days it covers, pure, in the workspace's time zone. A daily
 * report goes out every day at its local time and covers the day before; a weekly one on its weekday
 * and covers the seven days before. A local time that does not exist (a daylight-saving gap) is sent at
 * the first instant after it.
 */
import { localParts } from './metrics/periods.ts';

export interface ScheduledReport {
  frequency: 'daily' | 'weekly';
  /** 1 = Monday … 7 = Sunday; weekly only. */
  weekday?: number;
  /** Local time of sending, `HH:MM`. */
  time: string;
  grain: 'interval' | 'day' | 'week' | 'month';
  by: 'total' | 'queue' | 'channel' | 'team' | 'agent';
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The instant at which the local wall-clock `date` (YYYY-MM-DD) and `time` (HH:MM) happen in `timeZone`. */
export function localInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const offsetAt = (ms: number) => {
    const p = localParts(ms, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - ms;
  };
  let guess = wall - offsetAt(wall);
  // Near a change of offset, the offset at the first guess may be the other one: correct once.
  const corrected = wall - offsetAt(guess);
  if (corrected !== guess && localDate(corrected, timeZone) === date) guess = corrected;
  return guess;
}

/** The local date (YYYY-MM-DD) of an instant. */
export function localDate(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * The first sending instant strictly after `after`.
 * @example nextRun({ frequency: 'daily', time: '07:00', grain: 'day', by: 'queue' }, Date.parse('2026-12-06T12:00:00Z'), 'America/Bogota')
 * // Date.parse('2026-12-07T12:00:00Z'): 07:00 in Bogotá
 */
export function nextRun(s: ScheduledReport, after: number, timeZone: string): number {
  let date = localDate(after, timeZone);
  for (let i = 0; i < 9; i++, date = addDays(date, 1)) {
    if (s.frequency === 'weekly' && isoWeekday(date) !== s.weekday) continue;
    const at = localInstant(date, s.time, timeZone);
    if (at > after) return at;
  }
  throw new Error('unreachable: a day or a weekday comes within nine days');
}

/**
 * The local dates a run covers: the day before its local date, or the seven days before.
 * @example coveredDays({ frequency: 'weekly', weekday: 1, … }, Date.parse('2026-12-07T12:00:00Z'), 'America/Bogota')
 * // { from: '2026-11-30', to: '2026-12-06' }
 */
export function coveredDays(s: ScheduledReport, runAt: number, timeZone: string) {
  const today = localDate(runAt, timeZone);
  return { from: addDays(today, s.frequency === 'daily' ? -1 : -7), to: addDays(today, -1) };
}

/** What is wrong with a schedule (empty when nothing). */
export function checkSchedule(s: ScheduledReport): string[] {
  const problems: string[] = [];
  const m = /^(\d\d):(\d\d)$/.exec(s.time);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) problems.push('time must be HH:MM, 00:00–23:59');
  if (s.frequency === 'weekly' && !(Number.isInteger(s.weekday) && s.weekday! >= 1 && s.weekday! <= 7))
    problems.push('a weekly report needs a weekday, 1 (Monday) to 7 (Sunday)');
  if (s.frequency === 'daily' && s.weekday !== undefined) problems.push('a daily report has no weekday');
  if (s.frequency === 'daily' && s.grain !== 'interval' && s.grain !== 'day')
    problems.push('a daily report is by interval or by day');
  return problems;
}
