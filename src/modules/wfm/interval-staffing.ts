import { WfmError } from './errors.ts';
import { agentsNeeded, type StaffingInput, type StaffingResult, withShrinkage } from './staffing.ts';
import { requireFraction, requireNonNegative, requirePositive } from './validate.ts';

/** Staffing per interval for the three kinds of work: calls, chats (concurrent) and e-mail (deferrable). */

export interface IntervalDemand {
  /** Contacts arriving in the interval (a forecast, so it may be fractional). */
  volume: number;
  ahtSeconds: number;
}

export interface IntervalStaffingOptions extends Omit<StaffingInput, 'arrivalsPerHour' | 'ahtSeconds'> {
  intervalMinutes: number;
  /** Chats one agent handles at once (default 1). The AHT is that of one chat at this concurrency. */
  concurrency?: number;
}

export interface IntervalStaffing {
  /** Agents on the queue; for chat, agents each holding `concurrency` chats. */
  agents: number;
  scheduledAgents: number;
  /** Measures at that staffing (for chat, of the pool of chat slots); null when nothing arrives. */
  result: StaffingResult | null;
}

/**
 * Agents needed per interval. An interval with no volume needs nobody. For chat, each agent is
 * `concurrency` independent servers: Erlang finds the chat slots needed and agents are slots / k,
 * rounded up, which is sound when the AHT given is the one observed at that concurrency.
 *
 * @example
 * staffIntervals([{ volume: 100, ahtSeconds: 180 }, { volume: 0, ahtSeconds: 180 }],
 *   { model: 'c', intervalMinutes: 30, target: { serviceLevel: 0.8, targetSeconds: 20 } });
 * // [{ agents: 14, scheduledAgents: 14, result: {…} }, { agents: 0, scheduledAgents: 0, result: null }]
 */
export function staffIntervals(
  demand: IntervalDemand[],
  options: IntervalStaffingOptions,
): IntervalStaffing[] {
  requirePositive('interval length (minutes)', options.intervalMinutes);
  const k = options.concurrency ?? 1;
  if (!Number.isSafeInteger(k) || k < 1) {
    throw new WfmError('wfm.invalid_input', `concurrency must be a whole number ≥ 1, got ${k}`);
  }
  const perHour = 60 / options.intervalMinutes;
  return demand.map((d, i) =>
    inInterval(i, () => {
      requireNonNegative('volume', d.volume);
      if (d.volume === 0) return { agents: 0, scheduledAgents: 0, result: null };
      const result = agentsNeeded({
        ...options,
        arrivalsPerHour: d.volume * perHour,
        ahtSeconds: d.ahtSeconds,
      });
      const agents = Math.max(0, Math.ceil(result.agents / k - 1e-9));
      return { agents, scheduledAgents: withShrinkage(agents, options.shrinkage ?? 0), result };
    }),
  );
}

export interface DeferrableInput {
  /** Items arriving per interval. */
  volumes: number[];
  ahtSeconds: number;
  /** Time allowed from arrival to done, minutes (e.g. 24 h for e-mail = 1440). */
  dueMinutes: number;
  intervalMinutes: number;
  /** Intervals in which the work may be done (the centre is open); default all. */
  open?: boolean[];
  /** Share of an agent's interval spent on this work, e.g. 0.85 (default 1). */
  maxOccupancy?: number;
  shrinkage?: number;
}

export interface DeferrableStaffing {
  /** Work placed in each interval, seconds of handle time. */
  workloadSeconds: number[];
  agents: number[];
  scheduledAgents: number[];
  /** Work whose window runs past the last interval given, seconds: it lands in the next horizon. */
  carriedOverSeconds: number;
}

/**
 * Deferrable work (e-mail, back-office) spread evenly over the open intervals between its arrival and
 * its due time, then turned into agents at the occupancy cap. The window of an item arriving in
 * interval i is intervals i … i+d−1 with d = ⌊due / interval⌋: counting the arrival interval whole
 * lets work start as it comes, and flooring the due time keeps every item inside its deadline.
 *
 * @example
 * staffDeferrable({ volumes: [40, 0, 0, 0], ahtSeconds: 360, dueMinutes: 120, intervalMinutes: 60 });
 * // 40 × 6 min = 4 h of work over 2 hours: { agents: [2, 2, 0, 0], … }
 */
export function staffDeferrable(input: DeferrableInput): DeferrableStaffing {
  requirePositive('handle time (seconds)', input.ahtSeconds);
  requirePositive('interval length (minutes)', input.intervalMinutes);
  requirePositive('due time (minutes)', input.dueMinutes);
  const cap = input.maxOccupancy ?? 1;
  requireFraction('maximum occupancy', cap, { allowZero: false, allowOne: true });
  const n = input.volumes.length;
  const open = input.open ?? input.volumes.map(() => true);
  if (open.length !== n) {
    throw new WfmError('wfm.invalid_input', `open has ${open.length} intervals but volumes has ${n}`);
  }
  const window = Math.floor(input.dueMinutes / input.intervalMinutes);
  if (window < 1) {
    throw new WfmError(
      'wfm.invalid_input',
      `due time ${input.dueMinutes} min is shorter than one ${input.intervalMinutes}-min interval: treat this work as a queue, not deferrable`,
    );
  }
  const work = new Array<number>(n).fill(0);
  let carriedOverSeconds = 0;
  for (let i = 0; i < n; i++) {
    const volume = input.volumes[i] ?? 0;
    inInterval(i, () => requireNonNegative('volume', volume));
    if (volume === 0) continue;
    const slots: number[] = [];
    let beyond = 0;
    for (let j = i; j < i + window; j++) {
      if (j >= n) beyond++;
      else if (open[j]) slots.push(j);
    }
    if (slots.length + beyond === 0) {
      throw new WfmError(
        'wfm.infeasible',
        `interval ${i}: ${volume} items are due before any open interval`,
        { interval: i },
      );
    }
    const share = (volume * input.ahtSeconds) / (slots.length + beyond);
    for (const j of slots) work[j] = (work[j] ?? 0) + share;
    carriedOverSeconds += share * beyond;
  }
  const capacity = input.intervalMinutes * 60 * cap;
  const agents = work.map((w) => Math.max(0, Math.ceil(w / capacity - 1e-9)));
  return {
    workloadSeconds: work,
    agents,
    scheduledAgents: agents.map((a) => withShrinkage(a, input.shrinkage ?? 0)),
    carriedOverSeconds,
  };
}

/** Runs one interval's computation, prefixing any error with the interval's position. */
function inInterval<T>(i: number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof WfmError)
      throw new WfmError(e.code, `interval ${i}: ${e.message}`, { ...e.details, interval: i });
    throw e;
  }
}
