/**
 * How an agent shows — offline, available, busy (holding active work), wrap-up or not-ready — and the
 * `agentStatusChanged` decisions that say every change of it, so that reports and adherence can follow
 * agents' time from the log alone.
 */
import type { AgentRt, Ctx } from './state.ts';
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
  ctx.touched.add(agentId);
}

/** What every logged-in agent shows, as `reportStatusChanges` last said it (after a rebuild: as it is). */
export function recordShown(ctx: Ctx): void {
  ctx.touched.clear();
  for (const agent of ctx.agents.values()) {
    const status = statusOf(agent);
    ctx.shown.set(agent.id, `${status}:${reasonOf(agent, status)}`);
  }
}

/** Says `agentStatusChanged` for each touched agent whose status or reason changed, in id order. */
export function reportStatusChanges(ctx: Ctx): void {
  if (ctx.touched.size === 0) return;
  const ids = [...ctx.touched].sort();
  ctx.touched.clear();
  for (const agentId of ids) {
    const agent = ctx.agents.get(agentId);
    const status = statusOf(agent);
    const reason = reasonOf(agent, status);
    const shown = `${status}:${reason}`;
    if ((ctx.shown.get(agentId) ?? 'offline:logged_out') === shown) continue;
    if (status === 'offline') ctx.shown.delete(agentId);
    else ctx.shown.set(agentId, shown);
    ctx.out.push({ type: 'agentStatusChanged', agentId, status, reason });
  }
}
