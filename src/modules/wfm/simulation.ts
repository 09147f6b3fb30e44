/**
 * Validation by simulation: a plan's day is played through the routing simulator (the same routing
 * core that runs live) with Poisson arrivals at the forecast rate of each interval, exponential
 * handle times at the interval's AHT, exponential patience when the plan uses Erlang A, and the
 * planned agents on duty interval by interval. The simulated service level per interval is set
 * beside the one the queueing formula predicted: where they differ, the formula's steady-state
 * assumption does not hold (a backlog carried over from a busy interval, too short an interval).
 */
import { type Random, runSimulation, type Shift, type SimCall, seededRandom } from '../routing/index.ts';
import { WfmError } from './errors.ts';

export interface SimulatedInterval {
  /** Seconds from the start of the day. */
  offset: number;
  /** Expected arrivals in the interval. */
  volume: number;
  ahtSeconds: number;
  /** Servers on duty: agents on the queue × concurrency. */
  servers: number;
}

export interface SimulationDayOptions {
  intervalMinutes: number;
  targetSeconds: number;
  /** Mean patience in seconds; none for Erlang C's callers who never hang up. */
  patienceSeconds?: number;
  /** Independent days played and pooled (default 20). */
  replications?: number;
  seed?: number;
}

export interface SimulatedFigures {
  offered: number;
  answered: number;
  abandoned: number;
  /** Answered within the target over offered, pooled over the replications; null with nothing offered. */
  serviceLevel: number | null;
  asaSeconds: number | null;
}

/**
 * Plays a day `replications` times and pools the figures per interval.
 *
 * @example
 * simulateDay([{ offset: 28_800, volume: 100, ahtSeconds: 180, servers: 14 }], { intervalMinutes: 30, targetSeconds: 20 })
 * // [{ offered: ~2000, serviceLevel: ~0.87, … }] (20 replications of ~100 calls)
 */
export function simulateDay(
  day: readonly SimulatedInterval[],
  options: SimulationDayOptions,
): SimulatedFigures[] {
  const replications = options.replications ?? 20;
  if (!Number.isSafeInteger(replications) || replications < 1 || replications > 200) {
    throw new WfmError(
      'wfm.invalid_input',
      `replications must be a whole number from 1 to 200, got ${replications}`,
    );
  }
  const length = options.intervalMinutes * 60;
  const slot = (offset: number) => Math.round(offset / length);
  const pooled = day.map(() => ({ offered: 0, answered: 0, abandoned: 0, within: 0, waitSum: 0 }));
  const bySlot = new Map(day.map((d, i) => [slot(d.offset), i]));
  const random = seededRandom(options.seed ?? 1);
  const shifts = dutyPeriods(day, length);
  for (let r = 0; r < replications; r++) {
    const calls = arrivals(day, length, options.patienceSeconds, random, r);
    if (calls.length === 0) continue;
    const result = runSimulation({
      calls,
      shifts,
      targetSeconds: options.targetSeconds,
      intervalSeconds: length,
    });
    for (const o of result.outcomes) {
      const i = bySlot.get(Math.floor(o.arrival / length));
      if (i === undefined) continue;
      const p = pooled[i]!;
      p.offered++;
      if (o.result === 'answered') {
        p.answered++;
        p.waitSum += o.wait;
        // At or within the target, as the simulator's own service level counts it.
        if (o.wait <= options.targetSeconds) p.within++;
      } else if (o.result === 'abandoned') p.abandoned++;
    }
  }
  return pooled.map((p) => ({
    offered: p.offered,
    answered: p.answered,
    abandoned: p.abandoned,
    serviceLevel: p.offered > 0 ? p.within / p.offered : null,
    asaSeconds: p.answered > 0 ? p.waitSum / p.answered : null,
  }));
}

/** Poisson arrivals at each interval's rate, thinned interval by interval. */
function arrivals(
  day: readonly SimulatedInterval[],
  length: number,
  patienceSeconds: number | undefined,
  random: Random,
  replication: number,
): SimCall[] {
  const calls: SimCall[] = [];
  for (const d of day) {
    if (d.volume <= 0) continue;
    const gap = length / d.volume;
    for (let t = d.offset + random.exponential(gap); t < d.offset + length; t += random.exponential(gap)) {
      calls.push({
        id: `r${replication}c${calls.length}`,
        arrival: t,
        service: random.exponential(d.ahtSeconds),
        patience:
          patienceSeconds === undefined ? Number.POSITIVE_INFINITY : random.exponential(patienceSeconds),
      });
    }
  }
  return calls;
}

/**
 * Agent k is on duty in every interval that needs more than k servers; consecutive intervals make one
 * period. The last interval's agents stay until the calls in hand are served.
 */
function dutyPeriods(day: readonly SimulatedInterval[], length: number): Shift[] {
  const most = Math.max(0, ...day.map((d) => d.servers));
  const shifts: Shift[] = [];
  for (let k = 0; k < most; k++) {
    let open: { start: number; end: number } | null = null;
    for (const d of day) {
      if (d.servers > k) {
        if (open && open.end === d.offset) open.end = d.offset + length;
        else {
          if (open) shifts.push({ agentId: `a${k}`, ...open });
          open = { start: d.offset, end: d.offset + length };
        }
      }
    }
    if (open) shifts.push({ agentId: `a${k}`, ...open });
  }
  return shifts;
}
