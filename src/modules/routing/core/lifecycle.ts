/**
 * The moves of an interaction through routing (wait, be offered, be held, leave) and of an agent's
 * presence, each keeping the indexes in step and saying what the shell must know.
 */
import { levelAt, rank, stepDueAt } from './policy.ts';
import { changeLoad, unpoolAgent } from './pools.ts';
import {
  type AgentRt,
  type Ctx,
  type InteractionRt,
  inArrivalOrder,
  markAgent,
  markInteraction,
  pushToBucket,
  type QueueRt,
  unlinkWaiting,
} from './state.ts';
import { touchAgent } from './status.ts';
import type { QueueAction, RequeueReason, RevokeReason } from './types.ts';

/** A named agent who can still be reserved for: logged in, not excluded, taking the channel. */
function canReserveFor(ctx: Ctx, interaction: InteractionRt, agentId: string): boolean {
  const agent = ctx.agents.get(agentId);
  return (
    agent !== undefined &&
    !interaction.excluded.has(agentId) &&
    (agent.profile.channels[interaction.request.channel] ?? 0) > 0
  );
}

/** Whether a reservation for named agents can still be honoured. */
function reservationHolds(ctx: Ctx, interaction: InteractionRt): boolean {
  if (interaction.preferUntil === null || ctx.now >= interaction.preferUntil) return false;
  return interaction.preferred.some((id) => canReserveFor(ctx, interaction, id));
}

/**
 * Puts an interaction (new, back from an offer, moved, or handed back) to wait: at the relaxation level
 * its age has reached, reserved for its named agents while that holds, or in its bucket; overflows it
 * first if it has already waited past the queue's maximum.
 */
export function enqueue(ctx: Ctx, interaction: InteractionRt): void {
  const queue = interaction.queue;
  const overflow = queue.policy.overflow;
  interaction.phase = 'queued';
  interaction.offer = null;
  interaction.agentId = null;
  if (overflow && overflow.action.kind !== 'keep') {
    const due = interaction.enteredQueueAt + overflow.afterSeconds * 1000;
    if (ctx.now >= due) {
      applyAction(ctx, interaction, overflow.action, 'maxWait');
      return;
    }
    ctx.timers.schedule(due, 'maxWait', interaction.request.id);
  }
  const id = interaction.request.id;
  const level = levelAt(queue.compiled, interaction.arrivedAt, ctx.now);
  if (level > interaction.level) ctx.out.push({ type: 'relaxed', interactionId: id, level });
  interaction.level = level;
  if (level < queue.compiled.thresholds.length) {
    ctx.timers.schedule(stepDueAt(queue.compiled, interaction.arrivedAt, level), 'relax', id);
  }
  // Only agents who can take it stay named, so that the reservation is exactly what a rebuild derives.
  if (interaction.preferred.length > 0) {
    interaction.preferred = interaction.preferred.filter((agentId) =>
      canReserveFor(ctx, interaction, agentId),
    );
  }
  if (reservationHolds(ctx, interaction)) {
    queue.reserved.add(interaction);
    for (const agentId of interaction.preferred) ctx.agents.get(agentId)?.reserved.add(interaction);
    ctx.timers.schedule(interaction.preferUntil!, 'sticky', id);
  } else {
    interaction.preferred = [];
    interaction.preferUntil = null;
    pushToBucket(ctx, interaction);
  }
  markInteraction(ctx, interaction);
}

/** Moves an interaction into another queue: its age stays, its maximum wait starts again. */
export function moveToQueue(ctx: Ctx, interaction: InteractionRt, queue: QueueRt): void {
  interaction.queue = queue;
  interaction.enteredQueueAt = ctx.now;
  interaction.rank = rank(queue.policy, interaction.request, interaction.arrivedAt);
  interaction.level = 0;
  enqueue(ctx, interaction);
}

/** Applies an after-hours or maximum-wait action to a waiting interaction. */
export function applyAction(
  ctx: Ctx,
  interaction: InteractionRt,
  action: QueueAction,
  reason: 'maxWait' | 'afterHours',
): void {
  const id = interaction.request.id;
  const from = interaction.queue.policy.id;
  if (action.kind === 'keep') return;
  unlinkWaiting(ctx, interaction);
  if (action.kind === 'message') {
    ctx.interactions.delete(id);
    ctx.out.push({ type: 'redirected', interactionId: id, queueId: from, reason });
    return;
  }
  ctx.out.push({
    type: 'overflowed',
    interactionId: id,
    fromQueueId: from,
    toQueueId: action.queueId,
    reason,
  });
  moveToQueue(ctx, interaction, ctx.queues.get(action.queueId)!);
}

/** Gives back the capacity an interaction held on an agent. */
export function release(ctx: Ctx, agent: AgentRt, interaction: InteractionRt, finished: boolean): void {
  if (!agent.holding.delete(interaction)) return;
  if (finished) agent.idleSince = ctx.now;
  changeLoad(ctx, agent, interaction.request.channel, -1);
  markAgent(ctx, agent);
}

/** Withdraws a pending offer from one agent; the interaction waits again once no agent is left. */
export function revoke(
  ctx: Ctx,
  interaction: InteractionRt,
  agent: AgentRt,
  reason: RevokeReason | null,
  requeueReason: RequeueReason,
): void {
  const offer = interaction.offer;
  if (!offer) return;
  offer.agentIds = offer.agentIds.filter((id) => id !== agent.id);
  release(ctx, agent, interaction, false);
  if (reason)
    ctx.out.push({ type: 'offerRevoked', interactionId: interaction.request.id, agentId: agent.id, reason });
  if (offer.agentIds.length === 0) requeue(ctx, interaction, requeueReason);
}

export function requeue(ctx: Ctx, interaction: InteractionRt, reason: RequeueReason): void {
  ctx.out.push({
    type: 'requeued',
    interactionId: interaction.request.id,
    queueId: interaction.queue.policy.id,
    reason,
  });
  enqueue(ctx, interaction);
}

/** Takes an interaction out of routing for good, freeing whatever it held. */
export function finish(ctx: Ctx, interaction: InteractionRt, revokeReason: RevokeReason): void {
  const id = interaction.request.id;
  unlinkWaiting(ctx, interaction);
  const offer = interaction.offer;
  if (offer !== null) {
    for (const agentId of offer.agentIds) {
      const agent = ctx.agents.get(agentId);
      if (!agent) continue;
      release(ctx, agent, interaction, false);
      ctx.out.push({ type: 'offerRevoked', interactionId: id, agentId, reason: revokeReason });
    }
    interaction.offer = null;
  }
  if (interaction.agentId !== null) {
    const agent = ctx.agents.get(interaction.agentId);
    if (agent) release(ctx, agent, interaction, true);
  }
  ctx.interactions.delete(id);
}

/** Stops offering to an agent: pending offers go back to waiting (not counted against the agent). */
export function setNotReady(ctx: Ctx, agent: AgentRt, reason: string): void {
  touchAgent(ctx, agent.id);
  agent.presence = 'not_ready';
  agent.notReadyReason = reason;
  unpoolAgent(agent);
  for (const interaction of inArrivalOrder(agent.holding)) {
    if (interaction.phase === 'offered')
      revoke(ctx, interaction, agent, 'agentUnavailable', 'agentUnavailable');
  }
}

/** Drops a reservation when none of its agents can take it any more, so that anyone eligible may. */
export function recheckReservation(ctx: Ctx, interaction: InteractionRt): void {
  if (interaction.phase !== 'queued' || interaction.preferUntil === null) return;
  if (reservationHolds(ctx, interaction)) return;
  unlinkWaiting(ctx, interaction);
  interaction.preferred = [];
  interaction.preferUntil = null;
  pushToBucket(ctx, interaction);
  markInteraction(ctx, interaction);
}
