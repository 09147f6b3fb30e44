/**
 * Discrete-event simulation in simulated time, with the routing core deciding. The simulation plays
 * the callers and the agents: callers arrive, wait, and hang up when their patience runs out; agents
 * come on and off duty, accept every offer at once and serve for the call's service time. Everything
 * else — who is offered what, and when — is the same engine that routes live.
 */
import { createEngine } from '../core/engine.ts';
import { queuePolicy } from '../core/policy.ts';
import type {
  AgentProfile,
  EngineConfig,
  QueuePolicy,
  RoutingDecision,
  RoutingEvent,
} from '../core/types.ts';
import { type CallOutcome, type Period, type Report, summarise } from './metrics.ts';

/** One call to replay. Times in seconds from the start of the day. */
export interface SimCall {
  id: string;
  /** When it reached the queue (or an agent). */
  arrival: number;
  /** Seconds of service once answered. */
  service: number;
  /** Seconds it will wait before hanging up; `Infinity` for a caller who never does. */
  patience: number;
  /** Seconds the agent stays unavailable after serving it (after-call work). Default 0. */
  wrapUp?: number;
  /** Customer value tier, for the queue's head start. */
  valueTier?: string;
  /**
   * Answered outside routing after this many seconds: a call the data shows served by no agent. It
   * counts as offered and answered with this wait, and takes no agent's time.
   */
  answeredOutsideAfter?: number;
}

/** One stretch of an agent's duty. */
export type Shift = Period;

export interface SimulationOptions {
  calls: SimCall[];
  shifts: Shift[];
  /** Service-level target in seconds (answered within it). Default 20. */
  targetSeconds?: number;
  /** Reporting interval in seconds. Default 3600. */
  intervalSeconds?: number;
  /** The queue policy to route with; default FIFO with the Anonymous Bank's 90-second head start for tier `high`. */
  queue?: QueuePolicy;
}

export interface SimulationResult extends Report {
  outcomes: CallOutcome[];
  busy: Period[];
}

/** The Anonymous Bank's queue: first come, first served, high-value callers 90 seconds ahead. */
export const BANK_QUEUE: QueuePolicy = queuePolicy('bank', { valueTierBoost: { high: 90 } });

/** What happens at one instant; at the same second, in this order (see `ORDER`). */
type SimEvent =
  | { kind: 'end'; callId: string }
  | { kind: 'wrapUpDone'; callId: string }
  | { kind: 'shiftStart'; agentId: string }
  | { kind: 'abandon'; callId: string }
  | { kind: 'arrival'; call: SimCall }
  | { kind: 'shiftEnd'; agentId: string }
  | { kind: 'tick' };

/**
 * Same-second order: a caller whose patience ends hangs up first (a caller is answered only strictly
 * within its patience, as the data's whole seconds record it); then agents free up or come on duty;
 * then new calls arrive; shifts end last.
 */
const ORDER: Record<SimEvent['kind'], number> = {
  abandon: 0,
  end: 1,
  wrapUpDone: 1,
  shiftStart: 2,
  arrival: 3,
  shiftEnd: 4,
  tick: 5,
};

/**
 * Replays calls against shifts through the routing core and reports the figures.
 *
 * @example
 * const result = runSimulation({ calls, shifts, targetSeconds: 20, intervalSeconds: 3600 });
 * result.total.service_level;
 */
export function runSimulation(options: SimulationOptions): SimulationResult {
  const queue = options.queue ?? BANK_QUEUE;
  const config: EngineConfig = {
    channels: { voice: { cost: 100 } },
    // Agents answer at once; wrap-up ends when the simulation says (the limit only backs it up).
    queues: [{ ...queue, offer: { timeoutSeconds: 86_400, agents: 1 }, wrapUpSeconds: 86_400 }],
    missedOffersBeforeNotReady: 0,
    presenceGraceSeconds: 60,
  };
  const engine = createEngine(config);
  const events = new EventQueue<SimEvent>();
  for (const s of options.shifts) {
    events.push(s.start, ORDER.shiftStart, { kind: 'shiftStart', agentId: s.agentId });
    if (Number.isFinite(s.end)) events.push(s.end, ORDER.shiftEnd, { kind: 'shiftEnd', agentId: s.agentId });
  }
  for (const call of options.calls) events.push(call.arrival, ORDER.arrival, { kind: 'arrival', call });

  const calls = new Map<string, { call: SimCall; answeredAt: number | null; done: boolean }>();
  const onDuty = new Map<string, number>();
  const outcomes: CallOutcome[] = [];
  const busy: Period[] = [];
  const serving = new Map<string, { agentId: string; start: number }>();
  let now = 0;

  const send = (event: RoutingEvent) => {
    for (const d of engine.handle(event)) react(d);
  };
  const react = (d: RoutingDecision) => {
    if (d.type !== 'offer') return;
    const agentId = d.agentIds[0]!;
    const state = calls.get(d.interactionId)!;
    state.answeredAt = now;
    serving.set(d.interactionId, { agentId, start: now });
    outcomes.push({ arrival: state.call.arrival, wait: now - state.call.arrival, result: 'answered' });
    events.push(now + state.call.service, ORDER.end, { kind: 'end', callId: d.interactionId });
    send({ type: 'offerAccepted', at: now * 1000, interactionId: d.interactionId, agentId });
  };

  for (;;) {
    const due = engine.nextDueAt();
    if (due !== null && due / 1000 < events.peekTime()) events.push(due / 1000, ORDER.tick, { kind: 'tick' });
    const next = events.pop();
    if (!next) break;
    now = next.time;
    const at = now * 1000;
    const e = next.item;
    switch (e.kind) {
      case 'arrival': {
        const call = e.call;
        if (call.answeredOutsideAfter !== undefined) {
          outcomes.push({ arrival: call.arrival, wait: call.answeredOutsideAfter, result: 'answered' });
          break;
        }
        if (call.patience <= 0) {
          outcomes.push({ arrival: call.arrival, wait: 0, result: 'abandoned' });
          break;
        }
        calls.set(call.id, { call, answeredAt: null, done: false });
        if (Number.isFinite(call.patience)) {
          events.push(call.arrival + call.patience, ORDER.abandon, { kind: 'abandon', callId: call.id });
        }
        send({
          type: 'interactionArrived',
          at,
          interaction: {
            id: call.id,
            queueId: queue.id,
            channel: 'voice',
            priority: 0,
            valueTier: call.valueTier,
          },
        });
        break;
      }
      case 'abandon': {
        const state = calls.get(e.callId)!;
        if (state.answeredAt !== null || state.done) break;
        state.done = true;
        outcomes.push({ arrival: state.call.arrival, wait: now - state.call.arrival, result: 'abandoned' });
        send({ type: 'interactionAbandoned', at, interactionId: e.callId });
        break;
      }
      case 'end': {
        const state = calls.get(e.callId)!;
        state.done = true;
        const s = serving.get(e.callId)!;
        busy.push({ agentId: s.agentId, start: s.start, end: now });
        send({ type: 'interactionEnded', at, interactionId: e.callId });
        events.push(now + (state.call.wrapUp ?? 0), ORDER.wrapUpDone, {
          kind: 'wrapUpDone',
          callId: e.callId,
        });
        break;
      }
      case 'wrapUpDone':
        send({ type: 'wrapUpDone', at, interactionId: e.callId });
        break;
      case 'shiftStart': {
        const count = onDuty.get(e.agentId);
        onDuty.set(e.agentId, (count ?? 0) + 1);
        if (count === undefined) send({ type: 'agentLoggedIn', at, agent: voiceAgent(e.agentId) });
        else if (count === 0) send({ type: 'agentReady', at, agentId: e.agentId });
        break;
      }
      case 'shiftEnd': {
        const count = (onDuty.get(e.agentId) ?? 1) - 1;
        onDuty.set(e.agentId, count);
        // Off duty: no new calls; a call in progress is finished.
        if (count === 0) send({ type: 'agentNotReady', at, agentId: e.agentId, reason: 'end_of_shift' });
        break;
      }
      case 'tick':
        send({ type: 'tick', at });
        break;
    }
  }
  for (const { call, answeredAt, done } of calls.values()) {
    if (answeredAt === null && !done)
      outcomes.push({ arrival: call.arrival, wait: now - call.arrival, result: 'unresolved' });
  }
  // Open-ended duty (a generated load's team) counts until the last call is done.
  const duty = options.shifts.map((s) => ({ ...s, end: Math.min(s.end, Math.max(now, s.start)) }));
  const report = summarise(outcomes, busy, duty, {
    targetSeconds: options.targetSeconds ?? 20,
    intervalSeconds: options.intervalSeconds ?? 3600,
  });
  return { ...report, outcomes, busy };
}

function voiceAgent(id: string): AgentProfile {
  return { id, skills: {}, languages: [], channels: { voice: 1 }, capacity: 100, teams: [] };
}

/** Future events by time, then by same-second order, then by insertion. */
class EventQueue<T> {
  private readonly heap: { time: number; order: number; n: number; item: T }[] = [];
  private n = 0;

  peekTime(): number {
    return this.heap[0]?.time ?? Number.POSITIVE_INFINITY;
  }

  push(time: number, order: number, item: T): void {
    const h = this.heap;
    const entry = { time, order, n: this.n++, item };
    let i = h.push(entry) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(entry, h[p]!)) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = entry;
  }

  pop(): { time: number; item: T } | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h.length) break;
        const c = l + 1 < h.length && before(h[l + 1]!, h[l]!) ? l + 1 : l;
        if (!before(h[c]!, last)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

function before(
  a: { time: number; order: number; n: number },
  b: { time: number; order: number; n: number },
) {
  if (a.time !== b.time) return a.time < b.time;
  if (a.order !== b.order) return a.order < b.order;
  return a.n < b.n;
}
