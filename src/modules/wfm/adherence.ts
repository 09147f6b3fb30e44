/**
 * Adherence, pure: an agent's scheduled activity against the state routing recorded for them.
 *
 * - **Adherence** = time in the scheduled activity / time scheduled (shifts, breaks included). Working
 *   (available, busy, wrap-up) is right during work; not ready or offline is right during a break.
 * - **Conformance** = time worked / work time scheduled, wherever it falls: 100 % works as many minutes
 *   as planned, even at other times.
 */
import type { RosterShift } from './roster-types.ts';

export type Scheduled = 'work' | 'break' | 'lunch' | 'off';
/** What the agent was doing: `work` (available, busy, wrap-up), `away` (not ready), `off` (offline). */
export type Actual = 'work' | 'away' | 'off';

export interface StatusChange {
  /** Local epoch ms. */
  at: number;
  status: string;
  reason: string | null;
}

export interface Stretch {
  start: number;
  end: number;
  scheduled: Scheduled;
  actual: Actual;
  /** The status routing recorded (`not_ready`, …) and its reason. */
  status: string;
  reason: string | null;
}

export interface AgentAdherence {
  scheduledMinutes: number;
  inAdherenceMinutes: number;
  /** Null when nothing was scheduled in the window. */
  adherence: number | null;
  scheduledWorkMinutes: number;
  workedMinutes: number;
  conformance: number | null;
  /** Stretches out of adherence, at least `minExceptionMinutes` long. */
  exceptions: Stretch[];
  /** At the window's end (now, live): the activity, the state, and since when it has been out of adherence. */
  current: {
    scheduled: Scheduled;
    actual: Actual;
    status: string;
    reason: string | null;
    outOfAdherenceSince: number | null;
  };
}

/** The category of a routing status. */
export function actualOf(status: string): Actual {
  if (status === 'available' || status === 'busy' || status === 'wrap_up') return 'work';
  return status === 'offline' ? 'off' : 'away';
}

/** Whether a state keeps to an activity; nothing scheduled asks nothing. */
export function adheres(scheduled: Scheduled, actual: Actual): boolean {
  if (scheduled === 'off') return true;
  return scheduled === 'work' ? actual === 'work' : actual !== 'work';
}

/** The activity a shift schedules at a time. */
export function scheduledAt(shifts: readonly RosterShift[], t: number): Scheduled {
  for (const s of shifts) {
    if (t < s.start || t >= s.end) continue;
    const b = s.breaks.find((x) => t >= x.start && t < x.end);
    return b ? b.kind : 'work';
  }
  return 'off';
}

/**
 * An agent's adherence over [from, to). `changes` are the agent's status events in order; the first
 * may precede `from` (the state the window opens in). Before any event the agent is offline.
 *
 * @example
 * agentAdherence({ shifts, changes: [{ at: t0, status: 'available', reason: null }], from, to })
 * // { scheduledMinutes: 480, inAdherenceMinutes: 462, adherence: 0.9625, … }
 */
export function agentAdherence(input: {
  shifts: readonly RosterShift[];
  changes: readonly StatusChange[];
  from: number;
  to: number;
  minExceptionMinutes?: number;
}): AgentAdherence {
  const { shifts, from, to } = input;
  const changes = [...input.changes].sort((a, b) => a.at - b.at);
  const cuts = new Set<number>([from, to]);
  for (const s of shifts)
    for (const t of [s.start, s.end, ...s.breaks.flatMap((b) => [b.start, b.end])]) cuts.add(t);
  for (const c of changes) cuts.add(c.at);
  const times = [...cuts].filter((t) => t >= from && t <= to).sort((a, b) => a - b);
  let k = -1;
  const stretches: Stretch[] = [];
  for (let i = 0; i + 1 < times.length; i++) {
    const start = times[i]!;
    while (k + 1 < changes.length && changes[k + 1]!.at <= start) k++;
    const state = k >= 0 ? changes[k]! : { status: 'offline', reason: null };
    const stretch = {
      start,
      end: times[i + 1]!,
      scheduled: scheduledAt(shifts, start),
      actual: actualOf(state.status),
      status: state.status,
      reason: state.reason,
    };
    const last = stretches[stretches.length - 1];
    if (last && last.end === start && same(last, stretch)) last.end = stretch.end;
    else stretches.push(stretch);
  }
  const minutes = (pick: (s: Stretch) => boolean) =>
    stretches.filter(pick).reduce((t, s) => t + (s.end - s.start), 0) / 60_000;
  const scheduledMinutes = minutes((s) => s.scheduled !== 'off');
  const inAdherenceMinutes = minutes((s) => s.scheduled !== 'off' && adheres(s.scheduled, s.actual));
  const scheduledWorkMinutes = minutes((s) => s.scheduled === 'work');
  const workedMinutes = minutes((s) => s.actual === 'work');
  const out = stretches.filter((s) => !adheres(s.scheduled, s.actual));
  const merged = mergeAdjacent(out);
  const minMs = (input.minExceptionMinutes ?? 0) * 60_000;
  const lastStretch = stretches[stretches.length - 1];
  const lastState = changes.filter((c) => c.at <= to).pop() ?? { status: 'offline', reason: null };
  const scheduledNow = scheduledAt(shifts, Math.max(from, to - 1));
  const actualNow = actualOf(lastState.status);
  const openException = merged[merged.length - 1];
  return {
    scheduledMinutes,
    inAdherenceMinutes,
    adherence: scheduledMinutes > 0 ? inAdherenceMinutes / scheduledMinutes : null,
    scheduledWorkMinutes,
    workedMinutes,
    conformance: scheduledWorkMinutes > 0 ? workedMinutes / scheduledWorkMinutes : null,
    exceptions: merged.filter((s) => s.end - s.start >= minMs),
    current: {
      scheduled: scheduledNow,
      actual: actualNow,
      status: lastState.status,
      reason: lastState.reason,
      outOfAdherenceSince:
        !adheres(scheduledNow, actualNow) &&
        openException &&
        lastStretch &&
        openException.end === lastStretch.end
          ? openException.start
          : null,
    },
  };
}

const same = (a: Stretch, b: Stretch) =>
  a.scheduled === b.scheduled && a.status === b.status && a.reason === b.reason && a.actual === b.actual;

/** Out-of-adherence stretches that touch are one exception (a break that ran into work, say). */
function mergeAdjacent(stretches: readonly Stretch[]): Stretch[] {
  const out: Stretch[] = [];
  for (const s of stretches) {
    const last = out[out.length - 1];
    if (last && last.end === s.start) out[out.length - 1] = { ...s, start: last.start };
    else out.push({ ...s });
  }
  return out;
}
