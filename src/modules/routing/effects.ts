/**
 * What the routing core's decisions change: planned purely from the decisions, then written for a whole
 * group of events at once, in the group's last round trip (see `engine-host.ts`).
 */
import { jsonLiteral, literal } from '../../platform/db/script.ts';
import type { NewEvent } from '../../platform/events/log.ts';
import type { Interaction, TransitionRequest } from '../interactions/index.ts';
import type { AgentStatus, RoutingDecision } from './core/index.ts';

export interface Plan {
  transitions: TransitionRequest[];
  offers: { interactionId: string; agentIds: string[]; expiresAt: number }[];
  events: NewEvent[];
  agents: Map<string, { status: AgentStatus; reason: string }>;
}

export const emptyPlan = (): Plan => ({ transitions: [], offers: [], events: [], agents: new Map() });

/** Adds the effects of one event's decisions to the plan. Pure. */
export function planDecisions(plan: Plan, workspaceId: string, decisions: RoutingDecision[]): void {
  for (const d of decisions) {
    switch (d.type) {
      case 'offer':
        plan.transitions.push({ id: d.interactionId, to: 'offered', ifDifferent: true });
        plan.offers.push({ interactionId: d.interactionId, agentIds: d.agentIds, expiresAt: d.expiresAt });
        break;
      case 'offerRevoked':
        plan.events.push({
          workspaceId,
          type: 'routing.offer_revoked',
          subject: 'interaction',
          subjectId: d.interactionId,
          topics: [`user:${d.agentId}`],
          payload: { interactionId: d.interactionId, agentId: d.agentId, reason: d.reason },
        });
        break;
      case 'assigned':
        plan.transitions.push({
          id: d.interactionId,
          to: 'active',
          changes: { agentId: d.agentId },
          ifDifferent: true,
        });
        break;
      case 'requeued':
        plan.transitions.push({
          id: d.interactionId,
          to: 'queued',
          changes: { queueId: d.queueId, agentId: null },
          ifDifferent: true,
        });
        break;
      case 'overflowed':
        plan.transitions.push({
          id: d.interactionId,
          changes: { queueId: d.toQueueId },
          eventType: 'interaction.overflowed',
          payload: { fromQueueId: d.fromQueueId, reason: d.reason },
        });
        break;
      case 'redirected':
        // Out of live routing: kept as deferred work (a message or call-back) for the queue's owners.
        plan.transitions.push({
          id: d.interactionId,
          to: 'scheduled',
          changes: { queueId: d.queueId, agentId: null },
          ifDifferent: true,
        });
        break;
      case 'wrapUpEnded':
        plan.transitions.push({ id: d.interactionId, to: 'closed', ifDifferent: true });
        break;
      case 'agentStatusChanged':
        plan.agents.set(d.agentId, { status: d.status, reason: d.reason });
        plan.events.push({
          workspaceId,
          type: 'agent.status_changed',
          subject: 'agent',
          subjectId: d.agentId,
          topics: [`user:${d.agentId}`, 'agents'],
          payload: { agentId: d.agentId, status: d.status, reason: d.reason },
        });
        break;
      case 'relaxed':
      case 'acceptRejected':
      case 'eventRejected':
        // No change to the tables: relaxation is visible in the engine; refusals go back to the caller.
        break;
    }
  }
}

/** The `routing.offered` events of a plan, told with what the agent's desk shows of each interaction. */
export function offeredEvents(workspaceId: string, plan: Plan, rows: Map<string, Interaction>): NewEvent[] {
  return plan.offers.map((o) => {
    const interaction = rows.get(o.interactionId);
    return {
      workspaceId,
      type: 'routing.offered',
      subject: 'interaction',
      subjectId: o.interactionId,
      topics: o.agentIds.map((a) => `user:${a}`),
      payload: {
        interactionId: o.interactionId,
        agentIds: o.agentIds,
        expiresAt: new Date(o.expiresAt).toISOString(),
        channel: interaction?.channel ?? null,
        subject: interaction?.subject ?? null,
        customerId: interaction?.customerId ?? null,
        queueId: interaction?.queueId ?? null,
      },
    };
  });
}

/** The statement that keeps `routing_agents` showing each agent's status, or null when none changed. */
export function agentsStatement(workspaceId: string, plan: Plan, now: Date): string | null {
  if (plan.agents.size === 0) return null;
  const rows = [...plan.agents].map(([userId, a]) => ({
    user_id: userId,
    status: a.status,
    reason: a.reason,
  }));
  return `update routing_agents as r set status = v.status, status_reason = v.reason,
      status_since = ${literal(now.toISOString())}::timestamptz
    from jsonb_to_recordset(${jsonLiteral(rows)}) as v(user_id uuid, status text, reason text)
    where r.workspace_id = ${literal(workspaceId)} and r.user_id = v.user_id`;
}
