/**
 * What the routing core's decisions change: planned purely from the decisions, then written for a whole
 * group of events at once, in the group's last round trip (see `engine-host.ts`).
 */
import { jsonLiteral, literal } from '../../platform/db/script.ts';
import type { NewEvent } from '../../platform/events/log.ts';
import type { Interaction, TransitionRequest } from '../interactions/index.ts';
import type { AgentStatus, RevokeReason, RoutingDecision } from './core/index.ts';

/**
 * What agents are told of offers, in the order decided, each with the transition of the same
 * interaction that tells it (see `tell`).
 */
export type Told = OfferTold | RevokedTold;
type OfferTold = {
  kind: 'offer';
  interactionId: string;
  agentIds: string[];
  expiresAt: number;
  with: TransitionRequest;
};
type RevokedTold = {
  kind: 'revoked';
  interactionId: string;
  agentId: string;
  reason: RevokeReason;
  with: TransitionRequest | null;
};

export interface Plan {
  transitions: TransitionRequest[];
  told: Told[];
  events: NewEvent[];
  agents: Map<string, { status: AgentStatus; reason: string }>;
}

export const emptyPlan = (): Plan => ({ transitions: [], told: [], events: [], agents: new Map() });

/**
 * Adds the effects of one event's decisions to the plan. Transitions from `from` on are this event's
 * (those that come with it, such as its abandon, and its decisions'): a revoked offer is told with the
 * first of them that moves the same interaction. Pure.
 */
export function planDecisions(
  plan: Plan,
  workspaceId: string,
  decisions: RoutingDecision[],
  from = plan.transitions.length,
): void {
  const toldFrom = plan.told.length;
  for (const d of decisions) {
    switch (d.type) {
      case 'offer': {
        const transition: TransitionRequest = { id: d.interactionId, to: 'offered', ifDifferent: true };
        plan.transitions.push(transition);
        const { interactionId, agentIds, expiresAt } = d;
        plan.told.push({ kind: 'offer', interactionId, agentIds, expiresAt, with: transition });
        break;
      }
      case 'offerRevoked': {
        const { interactionId, agentId, reason } = d;
        plan.told.push({ kind: 'revoked', interactionId, agentId, reason, with: null });
        break;
      }
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
  const moves = plan.transitions.slice(from);
  for (const t of plan.told.slice(toldFrom))
    if (t.kind === 'revoked') t.with = moves.find((m) => m.id === t.interactionId) ?? null;
}

/**
 * The group's events with its offers and revocations told: each in the event of its interaction's
 * transition (`made`), the agents' topics added, under `offer` (agents, expiry and what the desk shows)
 * or `revoked` (agent and reason); or, where no transition was made (the interaction already was in
 * that state, or did not move), as a `routing.offered` or `routing.offer_revoked` event of its own.
 * One event per change, instead of two, for the log and the projectors. Pure.
 */
export function tell(
  workspaceId: string,
  plan: Plan,
  events: NewEvent[],
  made: ReadonlyMap<TransitionRequest, NewEvent>,
  rows: ReadonlyMap<string, Interaction>,
): NewEvent[] {
  const told = new Map<NewEvent, Required<Pick<NewEvent, 'topics' | 'payload'>> & NewEvent>();
  const alone: NewEvent[] = [];
  for (const t of plan.told) {
    const base = t.with ? made.get(t.with) : undefined;
    if (!base) {
      alone.push(aloneEvent(workspaceId, t, rows.get(t.interactionId)));
      continue;
    }
    const event = told.get(base) ?? {
      ...base,
      topics: [...(base.topics ?? [])],
      payload: { ...base.payload },
    };
    told.set(base, event);
    const { topics, payload } = event;
    for (const agentId of t.kind === 'offer' ? t.agentIds : [t.agentId])
      if (!topics.includes(`user:${agentId}`)) topics.push(`user:${agentId}`);
    if (t.kind === 'offer') payload.offer = offerOf(t, rows.get(t.interactionId));
    else {
      payload.revoked = [...((payload.revoked ?? []) as unknown[]), { agentId: t.agentId, reason: t.reason }];
    }
  }
  return [...events.map((e) => told.get(e) ?? e), ...alone];
}

const offerOf = (t: OfferTold, interaction: Interaction | undefined) => ({
  agentIds: t.agentIds,
  expiresAt: new Date(t.expiresAt).toISOString(),
  channel: interaction?.channel ?? null,
  subject: interaction?.subject ?? null,
  customerId: interaction?.customerId ?? null,
});

function aloneEvent(workspaceId: string, t: Told, interaction: Interaction | undefined): NewEvent {
  const common = { workspaceId, subject: 'interaction', subjectId: t.interactionId };
  if (t.kind === 'revoked')
    return {
      ...common,
      type: 'routing.offer_revoked',
      topics: [`user:${t.agentId}`],
      payload: { interactionId: t.interactionId, agentId: t.agentId, reason: t.reason },
    };
  return {
    ...common,
    type: 'routing.offered',
    topics: t.agentIds.map((a) => `user:${a}`),
    payload: {
      interactionId: t.interactionId,
      ...offerOf(t, interaction),
      queueId: interaction?.queueId ?? null,
    },
  };
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
