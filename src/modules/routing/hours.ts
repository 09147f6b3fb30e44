/**
 * Queue business hours: which queues the calendar opens or closes at an instant, and when the next change
 * falls due. Pure: the time comes in, `queueHours` events and a deadline come out; the shell sends the
 * events to the core in the same transaction as whatever woke it, and arms a timer for the deadline.
 */
import { type BusinessHours, isOpen, localTime } from '../workspaces/index.ts';
import type { RoutingEvent } from './core/index.ts';

/** A queue's calendar: none (always open), the workspace's, or its own (in the workspace's time zone). */
export type QueueHours =
  | { calendar: 'workspace' }
  | { calendar: 'custom'; weekly: BusinessHours['weekly']; holidays: BusinessHours['holidays'] };

const DAY = 86_400_000;
/** How far ahead to look for a change; a calendar with none in this window is re-checked then. */
const HORIZON_DAYS = 9;

/** The calendar a queue follows, or null when it is always open. */
export function calendarOf(hours: QueueHours | null, workspaceHours: BusinessHours): BusinessHours | null {
  if (!hours) return null;
  return hours.calendar === 'workspace' ? workspaceHours : { weekly: hours.weekly, holidays: hours.holidays };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant at which the wall clock of `timeZone` shows `date` (YYYY-MM-DD) at `minutes` past midnight. */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minutes * 60_000;
  // The zone's offset at a guess, applied twice so that a guess on the far side of a DST change settles.
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const local = localTime(new Date(guess), timeZone);
    const [ly, lm, ld] = local.date.split('-').map(Number) as [number, number, number];
    const shownAsUtc = Date.UTC(ly, lm - 1, ld) + local.minutes * 60_000;
    guess = wall - (shownAsUtc - Math.floor(guess / 60_000) * 60_000);
  }
  return guess;
}

/**
 * The first instant after `at` at which the calendar opens or closes, or null when it never changes within
 * the horizon (always closed, say). Candidates are every local midnight (holidays) and span boundary.
 * @example nextChange(hours, Date.parse('2026-03-02T12:00:00Z'), 'America/Bogota') // 13:00Z: 08:00 there
 */
export function nextChange(hours: BusinessHours, at: number, timeZone: string): number | null {
  const openNow = isOpen(hours, new Date(at), timeZone);
  const start = localTime(new Date(at), timeZone).date;
  const candidates: number[] = [];
  for (let i = 0; i <= HORIZON_DAYS; i++) {
    const date = new Date(Date.parse(`${start}T00:00:00Z`) + i * DAY).toISOString().slice(0, 10);
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    const minutes = [0];
    for (const span of hours.weekly) {
      if (span.day === day) minutes.push(toMinutes(span.open), toMinutes(span.close));
    }
    for (const m of minutes) candidates.push(zonedInstant(date, m, timeZone));
  }
  candidates.sort((a, b) => a - b);
  for (const c of candidates) {
    if (c > at && isOpen(hours, new Date(c), timeZone) !== openNow) return c;
  }
  return null;
}

/** What the shell must tell the core now, and when to look again. */
export interface HoursPlan {
  events: Extract<RoutingEvent, { type: 'queueHours' }>[];
  /** The next opening or closing of any queue, or a re-check at the horizon; null if no queue has hours. */
  nextDueAt: number | null;
}

/**
 * Compares each queue's calendar at `now` with whether the engine has it open, and plans the
 * `queueHours` events that bring the engine in line. Queues in the engine's order, so the plan is
 * deterministic.
 */
export function planHours(
  queues: { id: string; calendar: BusinessHours | null }[],
  engineOpen: (queueId: string) => boolean,
  now: number,
  timeZone: string,
): HoursPlan {
  const events: HoursPlan['events'] = [];
  let nextDueAt: number | null = null;
  for (const q of queues) {
    const open = q.calendar ? isOpen(q.calendar, new Date(now), timeZone) : true;
    if (open !== engineOpen(q.id)) events.push({ type: 'queueHours', at: now, queueId: q.id, open });
    if (!q.calendar) continue;
    const due = nextChange(q.calendar, now, timeZone) ?? now + HORIZON_DAYS * DAY;
    if (nextDueAt === null || due < nextDueAt) nextDueAt = due;
  }
  return { events, nextDueAt };
}
