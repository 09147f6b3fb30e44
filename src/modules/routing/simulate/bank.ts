/**
 * From Anonymous Bank records to a day to replay: the calls (arrival, service, patience), the agents
 * on duty as the data shows them, and what really happened, measured with the simulator's own
 * definitions so that the two can be compared.
 */
import type { BankCall } from '../../../lib/anonymous-bank/index.ts';
import type { CallOutcome, Period } from './metrics.ts';
import type { Random } from './prng.ts';
import type { SimCall } from './run.ts';

/** Offered in the replay's sense: reached the queue or an agent (a VRU hang-up never did). */
export function isOffered(c: BankCall): boolean {
  return c.outcome !== 'PHANTOM' && (c.qStart !== null || c.outcome === 'AGENT');
}

/** When the call reached the queue, or the agent when it never queued. */
export function arrivalOf(c: BankCall): number {
  return c.qStart ?? c.vruExit;
}

/**
 * Mean patience by the censored-exponential maximum-likelihood estimate: total time callers were seen
 * waiting (served or not) over the number who hung up. Served callers' patience is censored — they
 * would have waited at least as long as they did — and this estimate counts them as such.
 */
export function meanPatience(calls: BankCall[]): number {
  let exposure = 0;
  let hangups = 0;
  for (const c of calls) {
    if (!isOffered(c)) continue;
    exposure += c.qTime;
    if (c.outcome === 'HANG') hangups++;
  }
  return hangups > 0 ? exposure / hangups : Number.POSITIVE_INFINITY;
}

/**
 * The calls of one day to replay. A caller who hung up waits exactly its observed time in queue. A
 * served caller's patience is unknown beyond its wait: it gets its wait plus an exponential residual of
 * mean `patienceMean` (the exponential forgets how long one has waited, so the residual has the same
 * mean). A caller who hung up was never served; it gets the service time of a served call of the same
 * day drawn at random, for the case where the replay answers it. A call served by NO_SERVER (1.6 % of
 * January's served calls, mostly a few seconds without queueing: self-service, as far as the data
 * tells) is answered outside routing as it was. Each call draws its after-call time from `wrapUps`.
 */
export function bankCalls(
  dayCalls: BankCall[],
  patienceMean: number,
  random: Random,
  wrapUps: number[] = [],
): SimCall[] {
  const offered = dayCalls.filter(isOffered).sort((a, b) => arrivalOf(a) - arrivalOf(b));
  const services = offered.filter((c) => c.outcome === 'AGENT').map((c) => c.serTime);
  return offered.map((c) => {
    const served = c.outcome === 'AGENT';
    const residual = Number.isFinite(patienceMean)
      ? random.exponential(patienceMean)
      : Number.POSITIVE_INFINITY;
    const service = served ? c.serTime : (services[random.int(services.length)] ?? 0);
    return {
      id: `${c.vruLine}/${c.callId}`,
      arrival: arrivalOf(c),
      service,
      patience: served ? c.qTime + residual : c.qTime,
      ...(served && c.server === null ? { answeredOutsideAfter: c.qTime } : {}),
      wrapUp: wrapUps[random.int(wrapUps.length)] ?? 0,
      ...(c.priority === 2 ? { valueTier: 'high' } : {}),
    };
  });
}

/**
 * Agents on duty as the data shows them: each named server is on duty from the start of a service to
 * its end, and between two services separated by at most `gapSeconds` (a short pause is time on duty
 * waiting for the next call; a longer one is a break, other work, or the end of a shift).
 */
export function dutyFromServices(dayCalls: BankCall[], gapSeconds: number): Period[] {
  const byServer = new Map<string, Period[]>();
  for (const c of dayCalls) {
    if (c.server === null || c.serStart === null || c.serExit === null) continue;
    const list = byServer.get(c.server) ?? [];
    list.push({ agentId: c.server, start: c.serStart, end: Math.max(c.serExit, c.serStart) });
    byServer.set(c.server, list);
  }
  const duty: Period[] = [];
  for (const list of byServer.values()) {
    list.sort((a, b) => a.start - b.start);
    let current = { ...list[0]! };
    for (const p of list.slice(1)) {
      if (p.start - current.end <= gapSeconds) current.end = Math.max(current.end, p.end);
      else {
        duty.push(current);
        current = { ...p };
      }
    }
    duty.push(current);
  }
  return duty.sort((a, b) => a.start - b.start || (a.agentId < b.agentId ? -1 : 1));
}

/**
 * Agents on duty by interval, the coarse reading: a server who served at any time in an interval is on
 * duty for all of it.
 */
export function dutyByInterval(dayCalls: BankCall[], intervalSeconds: number): Period[] {
  const slots = new Set<string>();
  const duty: Period[] = [];
  for (const c of dayCalls) {
    if (c.server === null || c.serStart === null || c.serExit === null) continue;
    const first = Math.floor(c.serStart / intervalSeconds);
    const last = Math.floor(Math.max(c.serStart, c.serExit - 1) / intervalSeconds);
    for (let i = first; i <= last; i++) {
      const key = `${c.server}@${i}`;
      if (slots.has(key)) continue;
      slots.add(key);
      duty.push({ agentId: c.server, start: i * intervalSeconds, end: (i + 1) * intervalSeconds });
    }
  }
  return duty.sort((a, b) => a.start - b.start || (a.agentId < b.agentId ? -1 : 1));
}

/**
 * How long agents stayed away after a call while callers were waiting: per agent, the time from the
 * end of one service to the start of the next, when at least one call was in queue as the first ended
 * (so the agent could have taken one at once). The data has no wrap-up field; this is the wrap-up, the
 * system's switching delay and short pauses together. Gaps over `maxSeconds` count as off duty (see
 * `dutyFromServices`) and are left out.
 */
export function afterCallGaps(dayCalls: BankCall[], maxSeconds: number): number[] {
  const starts = dayCalls.filter((c) => c.qStart !== null && c.qTime > 0).map((c) => c.qStart!);
  const exits = dayCalls.filter((c) => c.qStart !== null && c.qTime > 0).map((c) => c.qExit!);
  starts.sort((a, b) => a - b);
  exits.sort((a, b) => a - b);
  const waitingAt = (t: number) => countAtMost(starts, t) - countAtMost(exits, t) > 0;
  const byServer = new Map<string, BankCall[]>();
  for (const c of dayCalls) {
    if (c.server === null || c.serStart === null || c.serExit === null) continue;
    byServer.set(c.server, [...(byServer.get(c.server) ?? []), c]);
  }
  const gaps: number[] = [];
  for (const list of byServer.values()) {
    list.sort((a, b) => a.serStart! - b.serStart!);
    for (let k = 1; k < list.length; k++) {
      const end = list[k - 1]!.serExit!;
      const gap = list[k]!.serStart! - end;
      if (gap >= 0 && gap <= maxSeconds && waitingAt(end)) gaps.push(gap);
    }
  }
  return gaps;
}

/** How many sorted values are at most `t`. */
function countAtMost(sorted: number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What really happened to the day's offered calls, and when its agents were serving. */
export function realDay(dayCalls: BankCall[]): { outcomes: CallOutcome[]; busy: Period[] } {
  const outcomes: CallOutcome[] = [];
  const busy: Period[] = [];
  for (const c of dayCalls) {
    if (!isOffered(c)) continue;
    const result = c.outcome === 'AGENT' ? 'answered' : 'abandoned';
    outcomes.push({ arrival: arrivalOf(c), wait: c.qTime, result });
    if (c.server !== null && c.serStart !== null && c.serExit !== null) {
      busy.push({ agentId: c.server, start: c.serStart, end: c.serExit });
    }
  }
  return { outcomes, busy };
}
