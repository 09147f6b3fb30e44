/**
 * How an agent shows — offline, available, busy (holding active work), wrap-up or not-ready — and the
 * `agentStatusChanged` decisions that say every change of it, so that reports and adherence can follow
 * agents' time from the log alone.
 */
import { type AgentRt, type Ctx, touch } from './state.ts';
import type { AgentStatus } from './types.ts';

/** An agent's status, derived from its presence and the work it holds; offline when not logged in. */
export function statusOf(agent: AgentRt | undefined): AgentStatus {
  if (!agent) return 'offline';
  if (agent.presence === 'not_ready') return 'not_ready';
  let wrapUp = false;
  for (const i of agent.holding) {
    if (i.phase === 'active') return 'busy';
    if (i.phase === 'wrap_up') wrapUp = true;
  }
  return wrapUp ? 'wrap_up' : 'available';
}

const REASONS: Record<Exclude<AgentStatus, 'not_ready'>, string> = {
  offline: 'logged_out',
  available: 'ready',
  busy: 'on_interaction',
  wrap_up: 'after_contact_work',
};

/** Why an agent shows as it does: its not-ready reason (break, missed_offers, disconnected …) or the status's own. */
export function reasonOf(agent: AgentRt | undefined, status: AgentStatus): string {
  return status === 'not_ready' ? (agent?.notReadyReason ?? 'not_ready') : REASONS[status];
}

/** Notes that an agent's status may have changed; `reportStatusChanges` says whether it did. */
export function touchAgent(ctx: Ctx, agentId: string): void {
  const agent = ctx.agents.get(agentId);
  // An agent not logged in shows offline, and its logging out touched it already.
  if (agent) touch(ctx, agent);
}

/** What every logged-in agent shows, as `reportStatusChanges` last said it (after a rebuild: as it is). */
export function recordShown(ctx: Ctx): void {
  for (const agent of ctx.touched) agent.touched = false;
  ctx.touched.length = 0;
  for (const agent of ctx.agents.values()) {
    const status = statusOf(agent);
    agent.shownStatus = status;
    agent.shownReason = reasonOf(agent, status);
  }
}

const byId = (a: AgentRt, b: AgentRt) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Says `agentStatusChanged` for each touched agent whose status or reason changed, in id order. */
export function reportStatusChanges(ctx: Ctx): void {
  const touched = ctx.touched;
  if (touched.length === 0) return;
  if (touched.length > 1) touched.sort(byId);
  for (let k = 0; k < touched.length; k++) {
    const agent = touched[k]!;
    agent.touched = false;
    // An agent logged out during the event is no longer in the map, and shows offline.
    const status = ctx.agents.get(agent.id) === agent ? statusOf(agent) : 'offline';
    const reason = reasonOf(agent, status);
    const was = agent.shownStatus ?? 'offline';
    const wasReason = agent.shownStatus === null ? REASONS.offline : agent.shownReason;
    if (was === status && wasReason === reason) continue;
    agent.shownStatus = status;
    agent.shownReason = reason;
    ctx.out.push({ type: 'agentStatusChanged', agentId: agent.id, status, reason });
  }
  touched.length = 0;
}
