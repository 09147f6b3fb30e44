import { WfmError } from './errors.ts';
import { intervalChoices } from './series.ts';

/**
 * History from the event log, pure: contacts counted per quarter hour of UTC by the database are moved
 * to the workspace's wall-clock time and summed per interval. Every time zone's offset is a whole
 * number of quarter hours, so a UTC quarter hour falls inside exactly one local interval.
 */

export const BUCKET_MINUTES = 15;

export interface ContactBucket {
  /** Start of the UTC quarter hour, epoch milliseconds. */
  bucket: number;
  queueKey: string;
  channel: string;
  /** Contacts that arrived (entered a queue for the first time) in the quarter hour. */
  arrivals: number;
  /** Of those, the ones an agent handled, and their handle time in total (answer to close), seconds. */
  handled: number;
  handleSeconds: number;
}

export interface HistoryRow {
  queueKey: string;
  channel: string;
  /** Interval start, local epoch milliseconds. */
  start: number;
  volume: number;
  ahtSeconds: number | null;
}

/**
 * Sums quarter-hour buckets into intervals of the workspace's wall-clock time. Intervals in which no
 * contact arrived are absent (unknown), not zero: the event log cannot tell a closed hour from a quiet one.
 *
 * @example
 * historyFromBuckets([{ bucket: Date.UTC(2026, 0, 5, 13), queueKey: 'sales', channel: 'voice',
 *   arrivals: 3, handled: 2, handleSeconds: 400 }], 60, 'America/Bogota');
 * // [{ queueKey: 'sales', channel: 'voice', start: Date.UTC(2026, 0, 5, 8), volume: 3, ahtSeconds: 200 }]
 */
export function historyFromBuckets(
  buckets: readonly ContactBucket[],
  intervalMinutes: number,
  timeZone: string,
): HistoryRow[] {
  if (!(intervalChoices as readonly number[]).includes(intervalMinutes) || intervalMinutes < BUCKET_MINUTES) {
    throw new WfmError(
      'wfm.invalid_input',
      `history from events is kept at 15, 30 or 60 minutes, got ${intervalMinutes}`,
    );
  }
  const local = localEpoch(timeZone);
  const step = intervalMinutes * 60_000;
  const sums = new Map<string, { row: HistoryRow; handled: number; handleSeconds: number }>();
  for (const b of buckets) {
    const start = Math.floor(local(b.bucket) / step) * step;
    const key = `${b.queueKey}\u0000${b.channel}\u0000${start}`;
    let s = sums.get(key);
    if (!s) {
      s = {
        row: { queueKey: b.queueKey, channel: b.channel, start, volume: 0, ahtSeconds: null },
        handled: 0,
        handleSeconds: 0,
      };
      sums.set(key, s);
    }
    s.row.volume += b.arrivals;
    s.handled += b.handled;
    s.handleSeconds += b.handleSeconds;
  }
  return [...sums.values()]
    .map((s) => ({ ...s.row, ahtSeconds: s.handled > 0 ? s.handleSeconds / s.handled : null }))
    .sort(
      (a, b) =>
        a.queueKey.localeCompare(b.queueKey) || a.channel.localeCompare(b.channel) || a.start - b.start,
    );
}

/**
 * A function from an instant to the wall-clock time of a zone written as if it were UTC.
 * @example localEpoch('America/Bogota')(Date.UTC(2026, 0, 5, 13)) === Date.UTC(2026, 0, 5, 8)
 */
export function localEpoch(timeZone: string): (utcMs: number) => number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
  } catch {
    throw new WfmError('wfm.invalid_input', `unknown time zone '${timeZone}'`);
  }
  return (utcMs) => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(utcMs))) parts[p.type] = Number(p.value);
    return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  };
}
