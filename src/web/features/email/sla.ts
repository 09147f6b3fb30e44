/**
 * The due-time countdown of an e-mail conversation, pure: which clock runs (first reply until one is
 * sent, then resolution), how long is left, and how urgent that is.
 */
export interface Due {
  /** Which target the countdown follows. */
  kind: 'firstReply' | 'resolution';
  /** Milliseconds left; negative once overdue. */
  leftMs: number;
  level: 'ok' | 'soon' | 'overdue';
}

/** Under this share of the whole target left, the countdown turns amber. */
const SOON_SHARE = 0.25;

/**
 * @example dueOf({ firstReplyDueAt: '2026-01-01T10:00:00Z', resolutionDueAt: null, firstRepliedAt: null },
 *   Date.parse('2026-01-01T09:30:00Z'), Date.parse('2026-01-01T09:00:00Z')) // { kind: 'firstReply', leftMs: 1800000, level: 'ok' }
 */
export function dueOf(
  c: { firstReplyDueAt: string | null; resolutionDueAt: string | null; firstRepliedAt: string | null },
  now: number,
  startedAt: number,
): Due | null {
  const kind = c.firstRepliedAt === null && c.firstReplyDueAt ? 'firstReply' : 'resolution';
  const at = kind === 'firstReply' ? c.firstReplyDueAt : c.resolutionDueAt;
  if (!at) return null;
  const due = Date.parse(at);
  if (Number.isNaN(due)) return null;
  const leftMs = due - now;
  const whole = Math.max(due - startedAt, 1);
  const level = leftMs < 0 ? 'overdue' : leftMs < whole * SOON_SHARE ? 'soon' : 'ok';
  return { kind, leftMs, level };
}

/**
 * A duration as the countdown shows it: days and hours, hours and minutes, or minutes and seconds.
 * @example formatLeft(3_723_000) // '1 h 02 min'
 */
export function formatLeft(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${pad(m)} min`;
  return `${m} min ${pad(s % 60)} s`;
}
