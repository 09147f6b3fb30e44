import { erlangBUnchecked, offeredLoad } from './erlang.ts';
import { WfmError } from './errors.ts';
import { requireAgents, requireNonNegative, requirePositive } from './validate.ts';

/**
 * Erlang A (M/M/n+M): Poisson arrivals, exponential handle times, exponential patience, first come
 * first served. Exact: the stationary distribution is summed as a series, never approximated.
 *
 * With x = n·μ/θ and y = λ/θ, the states above n weigh π(n+j)/π(n) = Π_{i=1..j} y/(x+i), and the
 * states up to n weigh 1/B(n, A) − 1 relative to π(n), with B the Erlang B function. An arrival that
 * finds j others queued moves forward at rate θ·(x+m) while m are ahead of it and gives up at rate θ,
 * so its offered wait V is the (j+1)-th death among x+j exponential(θ) lives. That gives, per j:
 *   P(served) = x/(x+j+1);  E[wait] = (j+1)/(θ(x+j+1));
 *   E[wait · served] = x/(x+j+1) · Σ_{m=0..j} 1/(θ(x+m+1));
 *   P(answered within T) = E[e^(−θV); V ≤ T] = x/(x+j+1) · I_p(j+1, x+1),  p = 1 − e^(−θT),
 * where I is the regularised incomplete beta function, stepped in j by its recurrence. Terms are
 * rescaled whenever they grow past 1e200, so nothing overflows however overloaded the queue is.
 */

export interface ErlangAInput {
  arrivalsPerHour: number;
  ahtSeconds: number;
  /** Mean patience in seconds (exponential). */
  patienceSeconds: number;
  agents: number;
  targetSeconds: number;
}

export interface ErlangAMeasures {
  trafficErlangs: number;
  /** Probability that an arrival finds every agent busy and queues. */
  pWait: number;
  /** Probability that an arrival abandons before being answered. */
  pAbandon: number;
  /** Share of all arrivals answered within the target (abandons count as failures). */
  serviceLevelAllArrivals: number;
  /** Share of answered calls answered within the target (abandons left out). */
  serviceLevelServedOnly: number;
  /** Mean time in queue over all arrivals, seconds (abandons count their time until they left). */
  asaAllArrivals: number;
  /** Mean wait of the answered calls only, seconds. */
  asaServed: number;
  /** Share of agent time busy: A·(1 − P(abandon))/n. */
  occupancy: number;
  /** Mean number waiting. */
  meanQueueLength: number;
}

const RESCALE = 1e200;
/** Longest queue series summed (about y − x terms): a few hundred milliseconds at most. */
export const maxQueueTerms = 1e7;

/**
 * Erlang A measures in both service-level and ASA conventions (all arrivals, served only).
 *
 * @example
 * erlangAMeasures({ arrivalsPerHour: 200, ahtSeconds: 180, patienceSeconds: 300, agents: 14, targetSeconds: 20 });
 * // { pWait: 0.1453…, pAbandon: 0.01398…, serviceLevelAllArrivals: 0.9168…, asaAllArrivals: 4.195…, … }
 */
export function erlangAMeasures(input: ErlangAInput): ErlangAMeasures {
  requirePositive('arrivals per hour', input.arrivalsPerHour);
  requirePositive('handle time (seconds)', input.ahtSeconds);
  requirePositive('patience (seconds)', input.patienceSeconds);
  requireAgents('agents', input.agents);
  requireNonNegative('service-level target (seconds)', input.targetSeconds);
  return erlangAUnchecked(input);
}

/** Erlang A without input checks, for the staffing search. */
export function erlangAUnchecked(input: ErlangAInput): ErlangAMeasures {
  const { agents: n, ahtSeconds, patienceSeconds, targetSeconds } = input;
  const lambda = input.arrivalsPerHour / 3600;
  const theta = 1 / patienceSeconds;
  const a = offeredLoad(input.arrivalsPerHour, ahtSeconds);
  const x = (n * patienceSeconds) / ahtSeconds;
  const y = lambda * patienceSeconds;
  if (y - x > maxQueueTerms) {
    // The series has about y − x terms; past ten million the arrivals outrun the agents so far that
    // the answer is plain (nearly everyone waits, most abandon) and an exact sum would take seconds.
    throw new WfmError(
      'wfm.invalid_input',
      `Erlang A is summed exactly up to ${maxQueueTerms.toExponential(0)} queue states; ${n} agents for ${a.toPrecision(6)} erlangs with ${patienceSeconds} s patience needs ${(y - x).toExponential(1)}`,
    );
  }
  const s = queueSeries(x, y, theta, -Math.expm1(-theta * targetSeconds));
  // π(n)·e^L in the series' scaled units; 1/B − 1 is the weight of the states with a free agent.
  const below = (1 / erlangBUnchecked(n, a) - 1) * Math.exp(-s.logScale);
  const c = 1 / (below + s.weight);
  // Written so that B underflowing to 0 (far more agents than load) gives 1, not ∞·0.
  const pNoWait = 1 / (1 + s.weight / below);
  const meanQueueLength = c * s.queued;
  const pAbandon = (theta * meanQueueLength) / lambda;
  const served = 1 - pAbandon;
  const serviceLevelAllArrivals = pNoWait + c * s.answeredWithin;
  return {
    trafficErlangs: a,
    pWait: c * s.weight,
    pAbandon,
    serviceLevelAllArrivals,
    serviceLevelServedOnly: serviceLevelAllArrivals / served,
    asaAllArrivals: c * s.wait,
    asaServed: (c * s.servedWait) / served,
    occupancy: n === 0 ? 0 : (a * served) / n,
    meanQueueLength,
  };
}

interface QueueSeries {
  /** Sums over j ≥ 0 of the state weights and their products with the per-j quantities above. */
  weight: number;
  queued: number;
  wait: number;
  servedWait: number;
  answeredWithin: number;
  /** The sums are e^logScale times too small; each rescale adds to it. */
  logScale: number;
}

function queueSeries(x: number, y: number, theta: number, p: number): QueueSeries {
  const b = x + 1;
  const logP = Math.log(p);
  // I_p(1, b) = 1 − (1−p)^b; then I_p(a+1, b) = I_p(a, b) − t_a with t_a = Γ(a+b)/(Γ(a+1)Γ(b))·p^a(1−p)^b.
  let incBeta = p === 0 ? 0 : -Math.expm1(b * Math.log1p(-p));
  let logT = Math.log(b) + logP + b * Math.log1p(-p);
  let t = logT > -700 ? Math.exp(logT) : 0;
  let w = 1;
  let harmonic = 0;
  const sums = { weight: 0, queued: 0, wait: 0, servedWait: 0, answeredWithin: 0, logScale: 0 };
  for (let j = 0; ; j++) {
    const xj = x + j + 1;
    harmonic += 1 / (theta * xj);
    const pServed = x / xj;
    sums.weight += w;
    sums.queued += j * w;
    sums.wait += (w * (j + 1)) / (theta * xj);
    sums.servedWait += w * pServed * harmonic;
    sums.answeredWithin += w * pServed * Math.max(0, incBeta);
    // Past the peak of the weights (j > y − x) they fall geometrically: stop once negligible.
    if (j > y - x && w * (j + 1) <= 1e-20 * sums.weight) break;
    const a = j + 1;
    incBeta -= t;
    if (t > 0) t *= (p * (a + b)) / (a + 1);
    else if (p > 0) {
      logT += logP + Math.log(a + b) - Math.log(a + 1);
      if (logT > -700) t = Math.exp(logT);
    }
    w *= y / (x + j + 1);
    if (w > RESCALE) {
      w /= RESCALE;
      for (const k of ['weight', 'queued', 'wait', 'servedWait', 'answeredWithin'] as const)
        sums[k] /= RESCALE;
      sums.logScale += Math.log(RESCALE);
    }
  }
  return sums;
}
