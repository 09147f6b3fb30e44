/**
 * Agents' time by state, pure: `agent.status_changed` events become spans, and spans are cut at
 * interval boundaries so that each interval holds exactly the seconds that fell in it.
 */
import type { MetricEvent } from './contacts.ts';

export type AgentState = 'offline' | 'available' | 'busy' | 'wrap_up' | 'not_ready';

export interface StateSpan {
  agentId: string;
  state: AgentState;
  start: number;
  end: number;
}

const STATES: readonly string[] = ['offline', 'available', 'busy', 'wrap_up', 'not_ready'];

/**
 * Spans of each agent's states from status events in log order; the last state of each agent runs
 * until `until` (the report's end, or now).
 */
export function stateSpans(events: Iterable<MetricEvent>, until: number): StateSpan[] {
  const open = new Map<string, { state: AgentState; since: number }>();
  const spans: StateSpan[] = [];
  for (const e of events) {
    if (e.type !== 'agent.status_changed') continue;
    const agentId = typeof e.payload.agentId === 'string' ? e.payload.agentId : e.subjectId;
    const state = e.payload.status;
    if (typeof state !== 'string' || !STATES.includes(state)) continue;
    const previous = open.get(agentId);
    if (previous && e.at > previous.since)
      spans.push({ agentId, state: previous.state, start: previous.since, end: e.at });
    open.set(agentId, { state: state as AgentState, since: Math.max(e.at, previous?.since ?? e.at) });
  }
  for (const [agentId, s] of open)
    if (until > s.since) spans.push({ agentId, ...s, start: s.since, end: until });
  return spans.filter((s) => s.state !== 'offline');
}

/** One span's seconds cut into intervals of `intervalMs` (aligned on the epoch): [intervalStart, milliseconds]. */
export function splitSpan(span: StateSpan, intervalMs: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = Math.floor(span.start / intervalMs) * intervalMs; i < span.end; i += intervalMs) {
    const overlap = Math.min(span.end, i + intervalMs) - Math.max(span.start, i);
    if (overlap > 0) out.push([i, overlap]);
  }
  return out;
}

/** The tally field an agent state's seconds add to. */
export const STATE_FIELD = {
  available: 'availableMs',
  busy: 'busyMs',
  wrap_up: 'afterWorkMs',
  not_ready: 'notReadyMs',
} as const;
