/**
 * What the routing core's decisions change: planned purely from the decisions, then carried out for a
 * whole group of events at once (one read and one write of interactions, one insert of events).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { NewEvent } from '../../platform/events/log.ts';
import type { RecordEvents } from '../../platform/events/unit-of-work.ts';
import type { Interaction, InteractionService, TransitionRequest } from '../interactions/index.ts';
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

/** Carries out a plan inside the caller's transaction. */
export async function executePlan(
  interactions: InteractionService,
  tx: Db,
  record: RecordEvents,
  workspaceId: string,
  plan: Plan,
  now: Date,
): Promise<Map<string, Interaction>> {
  const rows = await interactions.applyTransitions(tx, record, workspaceId, plan.transitions);
  const offered = plan.offers.map((o) => {
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
  await record(...offered, ...plan.events);
  if (plan.agents.size > 0) {
    const values = [...plan.agents].map(([agentId, a]) => sql`(${agentId}::uuid, ${a.status}, ${a.reason})`);
    await tx.execute(sql`
      update routing_agents as r set status = v.status, status_reason = v.reason, status_since = ${now.toISOString()}::timestamptz
      from (values ${sql.join(values, sql`, `)}) as v(user_id, status, reason)
      where r.workspace_id = ${workspaceId} and r.user_id = v.user_id`);
  }
  return rows;
}
