/**
 * Event rows for a replayed day, in the types the live system writes (`interaction.queued`,
 * `interaction.active`, `interaction.wrap_up`, `interaction.closed`, `interaction.abandoned`), so that
 * a simulated or historical day goes through the same projector and reports as live traffic. Pure.
 */
import type { BankCall } from '../../lib/anonymous-bank/index.ts';
import type { SimulationResult } from '../routing/index.ts';

export interface ReplayEvent {
  type: string;
  subjectId: string;
  /** Milliseconds since the epoch. */
  at: number;
  payload: Record<string, unknown>;
}

/** A stable UUID for the n-th replayed item of a kind (`kind` is one hex digit). */
export function replayId(kind: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-7000-8${kind.toString(16)}00-${hex}`;
}

const agentIds = () => {
  const ids = new Map<string, string>();
  return (name: string) => {
    if (!ids.has(name)) ids.set(name, replayId(1, ids.size));
    return ids.get(name)!;
  };
};

interface Options {
  /** The day's midnight, ms since the epoch. */
  dayStart: number;
  queueId: string;
  channel?: string;
}

/**
 * The events of a simulated day: each outcome's arrival, answer (by the agent whose service started
 * then) or abandonment, and end of service.
 */
export function simulationEvents(result: SimulationResult, options: Options): ReplayEvent[] {
  const ms = (seconds: number) => options.dayStart + Math.round(seconds * 1000);
  const agentOf = agentIds();
  const serviceStarting = new Map<number, { agentId: string; end: number }[]>();
  for (const b of result.busy) {
    const key = ms(b.start);
    serviceStarting.set(key, [...(serviceStarting.get(key) ?? []), { agentId: b.agentId, end: b.end }]);
  }
  const events: ReplayEvent[] = [];
  result.outcomes.forEach((o, i) => {
    const id = replayId(0, i);
    const arrival = ms(o.arrival);
    const payload = { channel: options.channel ?? 'voice', queueId: options.queueId };
    events.push({ type: 'interaction.queued', subjectId: id, at: arrival, payload });
    // The outcome's end, as the simulator computed it (arrival + wait), rounded to the log's milliseconds.
    const end = ms(o.arrival + o.wait);
    if (o.result === 'abandoned') {
      events.push({
        type: 'interaction.abandoned',
        subjectId: id,
        at: end,
        payload: { queueId: options.queueId },
      });
    } else if (o.result === 'answered') {
      const service = serviceStarting.get(end)?.shift();
      const agentId = service ? agentOf(service.agentId) : null;
      events.push({
        type: 'interaction.active',
        subjectId: id,
        at: end,
        payload: { queueId: options.queueId, agentId },
      });
      const done = service ? ms(service.end) : end;
      events.push({
        type: 'interaction.wrap_up',
        subjectId: id,
        at: done,
        payload: { queueId: options.queueId, agentId },
      });
      events.push({
        type: 'interaction.closed',
        subjectId: id,
        at: done,
        payload: { queueId: options.queueId, agentId },
      });
    }
  });
  return events.sort((a, b) => a.at - b.at);
}

/**
 * The events of a day as the bank recorded it: every offered call joins the queue when it left the
 * voice-response unit (or queued), then is answered by its server or hangs up after its time in queue.
 */
export function historyEvents(calls: BankCall[], options: Options): ReplayEvent[] {
  const ms = (seconds: number) => options.dayStart + seconds * 1000;
  const agentOf = agentIds();
  const events: ReplayEvent[] = [];
  calls.forEach((c, i) => {
    const offered = c.outcome !== 'PHANTOM' && (c.qStart !== null || c.outcome === 'AGENT');
    if (!offered) return;
    const id = replayId(2, i);
    const arrival = c.qStart ?? c.vruExit;
    const payload = { channel: options.channel ?? 'voice', queueId: options.queueId };
    events.push({ type: 'interaction.queued', subjectId: id, at: ms(arrival), payload });
    const end = ms(arrival + c.qTime);
    if (c.outcome === 'HANG') {
      events.push({
        type: 'interaction.abandoned',
        subjectId: id,
        at: end,
        payload: { queueId: options.queueId },
      });
      return;
    }
    const agentId = c.server ? agentOf(c.server) : null;
    events.push({
      type: 'interaction.active',
      subjectId: id,
      at: end,
      payload: { queueId: options.queueId, agentId },
    });
    const done = ms(Math.max(arrival + c.qTime + c.serTime, arrival + c.qTime));
    events.push({
      type: 'interaction.wrap_up',
      subjectId: id,
      at: done,
      payload: { queueId: options.queueId, agentId },
    });
    events.push({
      type: 'interaction.closed',
      subjectId: id,
      at: done,
      payload: { queueId: options.queueId, agentId },
    });
  });
  return events.sort((a, b) => a.at - b.at);
}
