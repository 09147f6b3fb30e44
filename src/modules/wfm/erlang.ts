import { requireAgents, requireNonNegative, requirePositive } from './validate.ts';

/**
 * Erlang B and Erlang C, exact and stable to hundreds of thousands of agents.
 *
 * No factorial or power is ever formed: Erlang B comes from its recursion
 * B(k) = A·B(k−1) / (k + A·B(k−1)), and Erlang C from B. The recursion is linear in 1/B
 * (1/B(k) = 1 + (k/A)·1/B(k−1)), so an error in a starting value is multiplied by k/A at each step.
 * Starting 9·√A + 5 steps below min(n, A) from the fluid estimate B ≈ 1 − k/A therefore shrinks the
 * starting error by about e^(−40) before it reaches n: the result is the full recursion's to the last
 * bit, at a cost of O(√A + max(0, n − A)) instead of O(n).
 */

/**
 * Offered load in erlangs: arrivals per hour times handle time in hours.
 *
 * @example
 * offeredLoad(200, 180); // 10
 */
export function offeredLoad(arrivalsPerHour: number, ahtSeconds: number): number {
  return (arrivalsPerHour * ahtSeconds) / 3600;
}

/**
 * Erlang B: the probability that an arrival finds all `agents` busy in a loss system offered
 * `erlangs` of traffic (M/M/n/n).
 *
 * @example
 * erlangB(2, 1); // 0.2
 */
export function erlangB(agents: number, erlangs: number): number {
  requireAgents('agents', agents);
  requirePositive('offered load (erlangs)', erlangs);
  return erlangBUnchecked(agents, erlangs);
}

/** Erlang B without input checks, for inner loops whose inputs are already valid. */
export function erlangBUnchecked(agents: number, erlangs: number): number {
  const start = Math.max(0, Math.floor(Math.min(agents, erlangs) - 9 * Math.sqrt(erlangs) - 5));
  let b = start === 0 ? 1 : 1 - start / erlangs;
  for (let k = start + 1; k <= agents; k++) {
    b = (erlangs * b) / (k + erlangs * b);
    if (b === 0) break; // underflowed: every further agent keeps it at 0
  }
  return b;
}

/** Erlang B at every agent count from `from` to `to`, one recursion step apart. */
export function erlangBRange(from: number, to: number, erlangs: number): Float64Array {
  const out = new Float64Array(Math.max(0, to - from + 1));
  let b = erlangBUnchecked(from, erlangs);
  out[0] = b;
  for (let k = from + 1; k <= to; k++) {
    b = (erlangs * b) / (k + erlangs * b);
    out[k - from] = b;
  }
  return out;
}

/**
 * Erlang C from Erlang B at the same point: the probability of waiting in M/M/n, 1 when n ≤ A
 * (no steady state: the queue grows without bound).
 */
export function erlangCFromB(agents: number, erlangs: number, blocking: number): number {
  if (agents <= erlangs) return 1;
  return (agents * blocking) / (agents - erlangs * (1 - blocking));
}

/**
 * Erlang C: the probability that an arrival waits in M/M/n (infinite patience). 1 when
 * `agents` ≤ `erlangs`, where the queue has no steady state.
 *
 * @example
 * erlangC(2, 0.5); // 0.1
 */
export function erlangC(agents: number, erlangs: number): number {
  requireAgents('agents', agents);
  requirePositive('offered load (erlangs)', erlangs);
  return erlangCFromB(agents, erlangs, erlangBUnchecked(agents, erlangs));
}

export interface ErlangCInput {
  arrivalsPerHour: number;
  ahtSeconds: number;
  agents: number;
  /** Service-level threshold T in seconds; 0 measures the share answered at once. */
  targetSeconds: number;
}

/** Measures of an M/M/n queue. With infinite patience every arrival is eventually served. */
export interface ErlangCMeasures {
  trafficErlangs: number;
  /** False when agents ≤ offered load: the queue grows without bound and waits are infinite. */
  stable: boolean;
  /** Probability that an arrival waits at all (Erlang C). */
  pWait: number;
  /** Share of arrivals answered within the target: 1 − C·e^(−(n−A)·T/AHT). */
  serviceLevel: number;
  /** Mean wait over all arrivals, seconds: C·AHT/(n−A). Infinity when unstable. */
  asaSeconds: number;
  /** Share of agent time busy, A/n (1 when unstable). */
  occupancy: number;
  /** Erlang B at the same load and agents: the share lost if nobody could wait. */
  blocking: number;
}

/**
 * Erlang C measures (probability of wait, service level within T, ASA, occupancy).
 *
 * @example
 * erlangCMeasures({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14, targetSeconds: 20 });
 * // { pWait: 0.1741…, serviceLevel: 0.8883…, asaSeconds: 7.83…, occupancy: 0.714…, … }
 */
export function erlangCMeasures(input: ErlangCInput): ErlangCMeasures {
  requirePositive('arrivals per hour', input.arrivalsPerHour);
  requirePositive('handle time (seconds)', input.ahtSeconds);
  requireAgents('agents', input.agents);
  requireNonNegative('service-level target (seconds)', input.targetSeconds);
  const a = offeredLoad(input.arrivalsPerHour, input.ahtSeconds);
  return erlangCAt(input.agents, a, input.ahtSeconds, input.targetSeconds, erlangBUnchecked(input.agents, a));
}

/** Erlang C measures from a known Erlang B value (the staffing search steps B itself). */
export function erlangCAt(
  n: number,
  a: number,
  ahtSeconds: number,
  targetSeconds: number,
  blocking: number,
): ErlangCMeasures {
  if (n <= a) {
    return {
      trafficErlangs: a,
      stable: false,
      pWait: 1,
      serviceLevel: 0,
      asaSeconds: Number.POSITIVE_INFINITY,
      occupancy: 1,
      blocking,
    };
  }
  const c = erlangCFromB(n, a, blocking);
  return {
    trafficErlangs: a,
    stable: true,
    pWait: c,
    serviceLevel: 1 - c * Math.exp((-(n - a) * targetSeconds) / ahtSeconds),
    asaSeconds: (c * ahtSeconds) / (n - a),
    occupancy: a / n,
    blocking,
  };
}
