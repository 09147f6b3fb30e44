/** Number formats of the supervisor screens, pure. */

import { dayIn } from '../../ui/format.ts';

/** From the first of this month to today, in the workspace's time zone: a report's default range. */
export function thisMonth(timeZone: string): { from: string; to: string } {
  const to = dayIn(timeZone);
  return { from: `${to.slice(0, 8)}01`, to };
}

/** Colours of a chart's series, in order. */
export const PALETTE = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.6', 'pink.6'];

/** 0.8123 → "81%"; null → "—". */
export const percent = (v: number | null): string => (v === null ? '—' : `${Math.round(v * 100)}%`);

/** Seconds as m:ss (or h:mm:ss); null → "—". */
export function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** The red queues of a board that were not red on the previous one: what deserves an alert. */
export function newlyRed<T extends { queueId: string; levels: Record<string, string> }>(
  previous: T[] | undefined,
  current: T[],
): T[] {
  const wasRed = new Set(
    (previous ?? []).filter((q) => Object.values(q.levels).includes('red')).map((q) => q.queueId),
  );
  return current.filter((q) => Object.values(q.levels).includes('red') && !wasRed.has(q.queueId));
}
