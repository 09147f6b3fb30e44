import { type ErlangCMeasures, erlangBUnchecked, erlangCAt, offeredLoad } from './erlang.ts';
import { type ErlangAMeasures, erlangAUnchecked, maxQueueTerms } from './erlang-a.ts';
import { WfmError } from './errors.ts';
import { requireAgents, requireFraction, requireNonNegative, requirePositive } from './validate.ts';

/**
 * Agents needed on the queue for a target, searched exactly on the Erlang C or Erlang A measures.
 * Every measure improves as agents are added, so the search looks for the first agent count that
 * meets all targets. No target is met by an unbounded staff: the search stops at A + 12·√A + 50
 * agents, past which Erlang C's probability of waiting is below 1e−16, and reports the target as
 * unreachable rather than hang.
 */

export type StaffingModel = 'c' | 'a';

/** Which arrivals the Erlang A service level and ASA are measured over (Erlang C has one answer). */
export type ServiceConvention = 'all_arrivals' | 'served_only';

export interface StaffingTarget {
  /** Share of calls to answer within `targetSeconds`, e.g. 0.8. */
  serviceLevel?: number;
  targetSeconds?: number;
  /** Highest acceptable average speed of answer, seconds. */
  maxAsaSeconds?: number;
  /** Highest acceptable share of abandoned arrivals (Erlang A only). */
  maxAbandonRate?: number;
  /** Erlang A only; defaults to all arrivals, the stricter of the two. */
  convention?: ServiceConvention;
}

export interface StaffingInput {
  model: StaffingModel;
  arrivalsPerHour: number;
  ahtSeconds: number;
  /** Mean patience, seconds; required by Erlang A. */
  patienceSeconds?: number;
  target: StaffingTarget;
  /** Highest acceptable occupancy, e.g. 0.85 (default 1: no cap). */
  maxOccupancy?: number;
  /** Share of paid time agents are not available to the queue (breaks, training), e.g. 0.3. */
  shrinkage?: number;
  /** Most agents that can be on the queue (seats, licences); more load than they carry is an error. */
  maxAgents?: number;
}

/** The measures at the staffing found, in the model's own shape. */
export type StaffingMeasures =
  | ({ model: 'c' } & ErlangCMeasures)
  | ({ model: 'a'; convention: ServiceConvention } & ErlangAMeasures);

export interface StaffingResult {
  /** Agents that must be on the queue. */
  agents: number;
  /** Agents to schedule so that `agents` remain after shrinkage: ⌈agents / (1 − shrinkage)⌉. */
  scheduledAgents: number;
  measures: StaffingMeasures;
}

/**
 * Fewest agents meeting every target given, with an occupancy cap and shrinkage.
 *
 * @example
 * agentsNeeded({ model: 'c', arrivalsPerHour: 200, ahtSeconds: 180,
 *   target: { serviceLevel: 0.8, targetSeconds: 20 }, maxOccupancy: 0.85, shrinkage: 0.3 });
 * // { agents: 14, scheduledAgents: 20, measures: { model: 'c', serviceLevel: 0.888…, … } }
 */
export function agentsNeeded(input: StaffingInput): StaffingResult {
  const checked = checkInput(input);
  const a = offeredLoad(input.arrivalsPerHour, input.ahtSeconds);
  const cap = input.maxOccupancy ?? 1;
  const ceiling = Math.ceil(Math.max(a + 12 * Math.sqrt(a) + 50, a / cap + 1));
  const limit = Math.min(ceiling, input.maxAgents ?? ceiling);
  const found =
    input.model === 'c' ? searchErlangC(checked, a, cap, limit) : searchErlangA(checked, cap, limit);
  if (!found) {
    throw new WfmError(
      'wfm.unreachable_target',
      `no staffing meets the target: even ${limit} agents for ${round(a)} erlangs fall short of ${describe(input.target)}${limit < ceiling ? ' (the most agents allowed)' : ''}`,
      { erlangs: a, agentsTried: limit },
    );
  }
  return {
    agents: found.agents,
    scheduledAgents: withShrinkage(found.agents, input.shrinkage ?? 0),
    measures: found.measures,
  };
}

/**
 * Agents to schedule so that `agents` are left after shrinkage.
 *
 * @example
 * withShrinkage(14, 0.3); // 20 (14 / 0.7 is 20.000000000000004 in floating point)
 */
export function withShrinkage(agents: number, shrinkage: number): number {
  // The tolerance keeps 14 / 0.7 at 20: floating point would otherwise round a whole number up.
  return Math.max(0, Math.ceil(agents / (1 - shrinkage) - 1e-9));
}

interface Found {
  agents: number;
  measures: StaffingMeasures;
}

function searchErlangC(input: StaffingInput, a: number, cap: number, limit: number): Found | undefined {
  const { ahtSeconds, target } = input;
  const t = target.targetSeconds ?? 0;
  // Erlang C needs n > A; the occupancy cap needs n ≥ A/cap. Step B upward one agent at a time.
  const start = Math.max(Math.floor(a) + 1, Math.ceil(a / cap - 1e-9), 1);
  let b = erlangBUnchecked(start, a);
  for (let n = start; n <= limit; n++) {
    if (n > start) b = (a * b) / (n + a * b);
    const m = erlangCAt(n, a, ahtSeconds, t, b);
    if (meets(target, m.serviceLevel, m.asaSeconds, 0)) return { agents: n, measures: { model: 'c', ...m } };
  }
  return undefined;
}

function searchErlangA(input: StaffingInput, cap: number, limit: number): Found | undefined {
  const convention = input.target.convention ?? 'all_arrivals';
  const at = (n: number): Found => {
    const m = erlangAUnchecked({
      arrivalsPerHour: input.arrivalsPerHour,
      ahtSeconds: input.ahtSeconds,
      patienceSeconds: input.patienceSeconds ?? 0,
      agents: n,
      targetSeconds: input.target.targetSeconds ?? 0,
    });
    return { agents: n, measures: { model: 'a', convention, ...m } };
  };
  const ok = (f: Found): boolean => {
    const m = f.measures as ErlangAMeasures;
    const all = convention === 'all_arrivals';
    const sl = all ? m.serviceLevelAllArrivals : m.serviceLevelServedOnly;
    return (
      m.occupancy <= cap + 1e-12 && meets(input.target, sl, all ? m.asaAllArrivals : m.asaServed, m.pAbandon)
    );
  };
  // Below this many agents the exact Erlang A series is too long to sum (see erlang-a.ts); so far
  // beneath the load, no target short of letting most callers abandon is met anyway.
  const patience = input.patienceSeconds ?? 0;
  const lowest = Math.max(
    1,
    Math.ceil(((input.arrivalsPerHour / 3600) * patience - maxQueueTerms) * (input.ahtSeconds / patience)),
  );
  const guess = Math.max(
    lowest,
    Math.min(limit, Math.round(offeredLoad(input.arrivalsPerHour, input.ahtSeconds))),
  );
  const found = firstMeeting(at, ok, guess, lowest, limit);
  if (found && found.agents === lowest && lowest > 1) {
    throw new WfmError(
      'wfm.invalid_input',
      `Erlang A cannot be summed exactly below ${lowest} agents at this load and patience, and the target is already met there`,
    );
  }
  return found;
}

/** Smallest n in [lowest, limit] with ok(at(n)), for a predicate false below some n and true from there on. */
function firstMeeting(
  at: (n: number) => Found,
  ok: (f: Found) => boolean,
  guess: number,
  lowest: number,
  limit: number,
): Found | undefined {
  let good: Found | undefined;
  let bad = lowest - 1;
  // Gallop from the guess (the offered load, close to the answer) to bracket the first good n.
  const first = at(guess);
  if (ok(first)) {
    good = first;
    for (let step = 1; good.agents - step >= lowest; step *= 2) {
      const f = at(good.agents - step);
      if (!ok(f)) {
        bad = f.agents;
        break;
      }
      good = f;
    }
  } else {
    bad = guess;
    for (let step = 1; bad < limit; step *= 2) {
      const f = at(Math.min(limit, bad + step));
      if (ok(f)) {
        good = f;
        break;
      }
      bad = f.agents;
    }
    if (!good) return undefined;
  }
  while (good.agents - bad > 1) {
    const mid = at(Math.floor((good.agents + bad) / 2));
    if (ok(mid)) good = mid;
    else bad = mid.agents;
  }
  return good;
}

function meets(target: StaffingTarget, serviceLevel: number, asa: number, pAbandon: number): boolean {
  if (target.serviceLevel !== undefined && serviceLevel < target.serviceLevel) return false;
  if (target.maxAsaSeconds !== undefined && asa > target.maxAsaSeconds) return false;
  if (target.maxAbandonRate !== undefined && pAbandon > target.maxAbandonRate) return false;
  return true;
}

function checkInput(input: StaffingInput): StaffingInput {
  requirePositive('arrivals per hour', input.arrivalsPerHour);
  requirePositive('handle time (seconds)', input.ahtSeconds);
  if (input.model !== 'c' && input.model !== 'a') {
    throw new WfmError(
      'wfm.invalid_input',
      `staffing model must be 'c' or 'a', got '${String(input.model)}'`,
    );
  }
  if (input.model === 'a') requirePositive('patience (seconds)', input.patienceSeconds ?? Number.NaN);
  if (input.maxOccupancy !== undefined)
    requireFraction('maximum occupancy', input.maxOccupancy, { allowZero: false, allowOne: true });
  if (input.maxAgents !== undefined) requireAgents('maximum agents', input.maxAgents);
  if (input.shrinkage !== undefined)
    requireFraction('shrinkage', input.shrinkage, { allowZero: true, allowOne: false });
  const t = input.target;
  if (t.serviceLevel === undefined && t.maxAsaSeconds === undefined && t.maxAbandonRate === undefined) {
    throw new WfmError(
      'wfm.invalid_input',
      'a staffing target needs a service level, a maximum ASA or a maximum abandonment rate',
    );
  }
  if (t.serviceLevel !== undefined) {
    // A service level of 1 is never reached by a finite staff: some arrival always waits.
    requireFraction('target service level', t.serviceLevel, { allowZero: false, allowOne: false });
    requireNonNegative('service-level target (seconds)', t.targetSeconds ?? Number.NaN);
  }
  if (t.maxAsaSeconds !== undefined) requirePositive('maximum ASA (seconds)', t.maxAsaSeconds);
  if (t.maxAbandonRate !== undefined) {
    if (input.model !== 'a')
      throw new WfmError(
        'wfm.invalid_input',
        'an abandonment target needs Erlang A (--model a with a patience)',
      );
    requireFraction('maximum abandonment rate', t.maxAbandonRate, { allowZero: false, allowOne: false });
  }
  return input;
}

function describe(t: StaffingTarget): string {
  const parts: string[] = [];
  if (t.serviceLevel !== undefined) parts.push(`${t.serviceLevel * 100}% within ${t.targetSeconds} s`);
  if (t.maxAsaSeconds !== undefined) parts.push(`ASA ≤ ${t.maxAsaSeconds} s`);
  if (t.maxAbandonRate !== undefined) parts.push(`abandonment ≤ ${t.maxAbandonRate * 100}%`);
  return parts.join(' and ');
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
