/**
 * A generated load: Poisson arrivals at a constant rate, exponential service and patience, a fixed
 * team on duty. With infinite patience it is the M/M/N queue of Erlang C, which the tests use to check
 * the simulator against the formula.
 */
import type { Random } from './prng.ts';
import type { Shift, SimCall } from './run.ts';

export interface PoissonLoad {
  arrivalsPerHour: number;
  /** Mean handling time in seconds. */
  ahtSeconds: number;
  agents: number;
  /** Arrivals come for this many hours; agents stay until the last call is served. */
  hours: number;
  /** Mean patience in seconds; omitted or Infinity for callers who never hang up. */
  patienceSeconds?: number;
}

/**
 * @example
 * const { calls, shifts } = poissonLoad({ arrivalsPerHour: 100, ahtSeconds: 180, agents: 6, hours: 8 }, seededRandom(1));
 */
export function poissonLoad(load: PoissonLoad, random: Random): { calls: SimCall[]; shifts: Shift[] } {
  const end = load.hours * 3600;
  const meanGap = 3600 / load.arrivalsPerHour;
  const patience = load.patienceSeconds ?? Number.POSITIVE_INFINITY;
  const calls: SimCall[] = [];
  for (let t = random.exponential(meanGap), n = 0; t < end; t += random.exponential(meanGap), n++) {
    calls.push({
      id: `c${n}`,
      arrival: t,
      service: random.exponential(load.ahtSeconds),
      patience: Number.isFinite(patience) ? random.exponential(patience) : patience,
    });
  }
  const shifts = Array.from({ length: load.agents }, (_, k) => ({
    agentId: `agent${k + 1}`,
    start: 0,
    end: Number.POSITIVE_INFINITY,
  }));
  return { calls, shifts };
}

/** Erlang C: the probability that a call waits at all in an M/M/N queue with offered load `a` Erlangs. */
export function erlangC(agents: number, a: number): number {
  if (a >= agents) return 1;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < agents; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / agents) * (agents / (agents - a));
  return top / (sum + top);
}

/** The Erlang C service level: the share of calls answered within `target` seconds. */
export function erlangServiceLevel(
  agents: number,
  arrivalsPerHour: number,
  ahtSeconds: number,
  target: number,
): number {
  const a = (arrivalsPerHour * ahtSeconds) / 3600;
  return 1 - erlangC(agents, a) * Math.exp((-(agents - a) * target) / ahtSeconds);
}
