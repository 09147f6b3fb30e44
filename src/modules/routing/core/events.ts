/**
 * One handler per event. Handlers change the state and record decisions; matching happens after,
 * in `drain`, over what they marked.
 */
import { expireOffer } from './deadlines.ts';
import {
  applyAction,
  enqueue,
  finish,
  moveToQueue,
  recheckReservation,
  release,
  requeue,
  revoke,
  setNotReady,
} from './lifecycle.ts';
import { rank } from './policy.ts';
import { buildEntries, syncAgent } from './pools.ts';
import {
  type AgentRt,
  type Ctx,
  exclude,
  type InteractionRt,
  inArrivalOrder,
  markAgent,
  NO_ONE,
  unlinkWaiting,
} from './state.ts';
import { touchAgent } from './status.ts';
import type { AgentProfile, InteractionRequest, RejectCode, RoutingEvent } from './types.ts';

type EventOf<T extends RoutingEvent['type']> = Extract<RoutingEvent, { type: T }>;

function reject(ctx: Ctx, event: RoutingEvent, code: RejectCode, id: string): void {
  ctx.out.push({ type: 'eventRejected', event: event.type, code, id });
}

export function dispatch(ctx: Ctx, e: RoutingEvent): void {
  switch (e.type) {
    case 'tick':
      return;
    case 'interactionArrived':
      arrive(ctx, e);
      return;
    case 'agentLoggedIn':
      logIn(ctx, e);
      return;
    case 'queueHours':
      queueHours(ctx, e);
      return;
    case 'agentProfileChanged': {
      const agent = ctx.agents.get(e.agent.id);
      if (!agent) {
        reject(ctx, e, 'routing.unknown_agent', e.agent.id);
        return;
      }
      changeProfile(ctx, agent, e.agent);
      return;
    }
    case 'agentLoggedOut':
    case 'agentReady':
    case 'agentNotReady':
    case 'agentConnection': {
      const agent = ctx.agents.get(e.agentId);
      if (!agent) {
        reject(ctx, e, 'routing.unknown_agent', e.agentId);
        return;
      }
      agentEvent(ctx, e, agent);
      return;
    }
    default: {
      const interaction = ctx.interactions.get(e.interactionId);
      if (interaction) {
        interactionEvent(ctx, e, interaction);
        return;
      }
      if (e.type === 'offerAccepted') {
        // Gone already: someone else took it, or the customer left. The desk shows "taken" (409).
        ctx.out.push({
          type: 'acceptRejected',
          interactionId: e.interactionId,
          agentId: e.agentId,
          reason: 'taken',
        });
        return;
      }
      reject(ctx, e, 'routing.unknown_interaction', e.interactionId);
      return;
    }
  }
}

function arrive(ctx: Ctx, e: EventOf<'interactionArrived'>): void {
  const request: InteractionRequest = e.interaction;
  const queue = ctx.queues.get(request.queueId);
  if (ctx.interactions.has(request.id)) {
    reject(ctx, e, 'routing.duplicate_interaction', request.id);
    return;
  }
  if (!queue) {
    reject(ctx, e, 'routing.unknown_queue', request.queueId);
    return;
  }
  if (!ctx.config.channels[request.channel]) {
    reject(ctx, e, 'routing.unknown_channel', request.channel);
    return;
  }
  const sticky = queue.policy.sticky;
  const preferred: string[] = [];
  if (sticky && sticky.seconds > 0) {
    if (sticky.lastAgent && request.lastAgentId) preferred.push(request.lastAgentId);
    const owner = request.accountOwnerId;
    if (sticky.accountOwner && owner && !preferred.includes(owner)) preferred.push(owner);
  }
  const interaction: InteractionRt = {
    request,
    seq: ctx.nextSeq++,
    arrivedAt: ctx.now,
    enteredQueueAt: ctx.now,
    queue,
    phase: 'queued',
    level: 0,
    excluded: NO_ONE,
    offer: null,
    agentId: null,
    preferred,
    preferUntil: preferred.length > 0 ? ctx.now + sticky!.seconds * 1000 : null,
    wrapUpUntil: null,
    rank: rank(queue.policy, request, ctx.now),
    bucket: null,
    heapIndex: -1,
    dirty: false,
  };
  ctx.interactions.set(request.id, interaction);
  if (!queue.open && queue.policy.afterHours.kind !== 'keep') {
    applyAction(ctx, interaction, queue.policy.afterHours, 'afterHours');
    return;
  }
  enqueue(ctx, interaction);
}

function logIn(ctx: Ctx, e: EventOf<'agentLoggedIn'>): void {
  if (ctx.agents.has(e.agent.id)) {
    reject(ctx, e, 'routing.agent_already_logged_in', e.agent.id);
    return;
  }
  const ready = e.ready ?? true;
  const agent: AgentRt = {
    id: e.agent.id,
    profile: e.agent,
    presence: ready ? 'available' : 'not_ready',
    notReadyReason: ready ? null : 'login',
    idleSince: ctx.now,
    missedInRow: 0,
    disconnectedAt: null,
    used: 0,
    counts: ctx.channels.map(() => 0),
    caps: [],
    memberships: [],
    entries: [],
    holding: new Set(),
    reserved: new Set(),
    dirty: false,
    unsynced: false,
    shownStatus: null,
    shownReason: '',
    touched: false,
  };
  ctx.agents.set(agent.id, agent);
  buildEntries(ctx, agent);
  syncAgent(ctx, agent);
  markAgent(ctx, agent);
}

function queueHours(ctx: Ctx, e: EventOf<'queueHours'>): void {
  const queue = ctx.queues.get(e.queueId);
  if (!queue) {
    reject(ctx, e, 'routing.unknown_queue', e.queueId);
    return;
  }
  const closing = queue.open && !e.open;
  queue.open = e.open;
  if (!closing || queue.policy.afterHours.kind === 'keep') return;
  const waiting = [...queue.reserved];
  for (const bucket of queue.nonEmpty) waiting.push(...bucket.heap.items);
  waiting.sort((a, b) => a.seq - b.seq);
  for (const i of waiting) applyAction(ctx, i, queue.policy.afterHours, 'afterHours');
}

function changeProfile(ctx: Ctx, agent: AgentRt, profile: AgentProfile): void {
  agent.profile = profile;
  buildEntries(ctx, agent);
  syncAgent(ctx, agent);
  markAgent(ctx, agent);
  for (const i of inArrivalOrder(agent.reserved)) recheckReservation(ctx, i);
}

type AgentEvent = EventOf<'agentLoggedOut' | 'agentReady' | 'agentNotReady' | 'agentConnection'>;

function agentEvent(ctx: Ctx, e: AgentEvent, agent: AgentRt): void {
  switch (e.type) {
    case 'agentReady':
      if (agent.presence === 'available') return;
      agent.presence = 'available';
      agent.notReadyReason = null;
      agent.idleSince = ctx.now;
      agent.missedInRow = 0;
      syncAgent(ctx, agent);
      markAgent(ctx, agent);
      return;
    case 'agentNotReady':
      setNotReady(ctx, agent, e.reason);
      return;
    case 'agentConnection':
      agent.disconnectedAt = e.connected ? null : (agent.disconnectedAt ?? ctx.now);
      if (!e.connected) {
        ctx.timers.schedule(
          agent.disconnectedAt! + ctx.config.presenceGraceSeconds * 1000,
          'grace',
          agent.id,
        );
      }
      return;
    case 'agentLoggedOut':
      logOut(ctx, agent);
      return;
  }
}

/** An agent who leaves gives back what it held: offers and active work wait again, wrap-ups close. */
function logOut(ctx: Ctx, agent: AgentRt): void {
  setNotReady(ctx, agent, 'offline');
  for (const i of inArrivalOrder(agent.holding)) {
    release(ctx, agent, i, false);
    if (i.phase === 'wrap_up') {
      ctx.interactions.delete(i.request.id);
    } else {
      i.agentId = null;
      requeue(ctx, i, 'agentUnavailable');
    }
  }
  ctx.agents.delete(agent.id);
  for (const i of inArrivalOrder(agent.reserved)) {
    i.preferred = i.preferred.filter((id) => id !== agent.id);
    recheckReservation(ctx, i);
  }
}

type InteractionEvent = Exclude<
  RoutingEvent,
  | { type: 'tick' | 'interactionArrived' | 'agentLoggedIn' | 'queueHours' | 'agentProfileChanged' }
  | AgentEvent
>;

function interactionEvent(ctx: Ctx, e: InteractionEvent, i: InteractionRt): void {
  switch (e.type) {
    case 'offerAccepted':
      accept(ctx, e, i);
      return;
    case 'offerDeclined': {
      const agent = ctx.agents.get(e.agentId);
      if (!agent || i.phase !== 'offered' || !i.offer!.agentIds.includes(e.agentId)) {
        reject(ctx, e, 'routing.offer_not_pending', i.request.id);
        return;
      }
      exclude(i, agent.id);
      agent.missedInRow = 0;
      revoke(ctx, i, agent, null, 'declined');
      return;
    }
    case 'offerTimedOut':
      if (i.phase === 'offered' && ctx.now >= i.offer!.expiresAt) {
        expireOffer(ctx, i);
        return;
      }
      reject(ctx, e, 'routing.offer_not_pending', i.request.id);
      return;
    case 'interactionEnded':
      if (i.phase !== 'active') {
        finish(ctx, i, 'abandoned');
        return;
      }
      if (i.queue.policy.wrapUpSeconds <= 0) {
        finish(ctx, i, 'taken');
        return;
      }
      i.phase = 'wrap_up';
      if (i.agentId !== null) touchAgent(ctx, i.agentId);
      i.wrapUpUntil = ctx.now + i.queue.policy.wrapUpSeconds * 1000;
      ctx.timers.schedule(i.wrapUpUntil, 'wrapUp', i.request.id);
      return;
    case 'wrapUpDone':
      if (i.phase !== 'wrap_up') {
        reject(ctx, e, 'routing.invalid_state', i.request.id);
        return;
      }
      finish(ctx, i, 'taken');
      return;
    case 'interactionAbandoned':
      finish(ctx, i, 'abandoned');
      return;
    case 'interactionParked':
      if (i.phase !== 'active') {
        reject(ctx, e, 'routing.invalid_state', i.request.id);
        return;
      }
      finish(ctx, i, 'taken');
      return;
    case 'interactionRequeued':
      if (i.phase !== 'active') {
        reject(ctx, e, 'routing.invalid_state', i.request.id);
        return;
      }
      handBack(ctx, i);
      requeue(ctx, i, 'requested');
      return;
    case 'interactionTransferred':
      transfer(ctx, e, i);
      return;
  }
}

function accept(ctx: Ctx, e: EventOf<'offerAccepted'>, i: InteractionRt): void {
  const agent = ctx.agents.get(e.agentId);
  if (!agent || i.phase !== 'offered' || !i.offer!.agentIds.includes(e.agentId)) {
    const reason = i.excluded.has(e.agentId) ? 'expired' : i.phase === 'queued' ? 'notOffered' : 'taken';
    ctx.out.push({ type: 'acceptRejected', interactionId: i.request.id, agentId: e.agentId, reason });
    return;
  }
  for (const otherId of i.offer!.agentIds) {
    if (otherId === agent.id) continue;
    release(ctx, ctx.agents.get(otherId)!, i, false);
    ctx.out.push({ type: 'offerRevoked', interactionId: i.request.id, agentId: otherId, reason: 'taken' });
  }
  i.phase = 'active';
  i.offer = null;
  i.agentId = agent.id;
  touchAgent(ctx, agent.id);
  i.preferred = [];
  i.preferUntil = null;
  agent.missedInRow = 0;
  ctx.out.push({ type: 'assigned', interactionId: i.request.id, agentId: agent.id });
}

/** The agent holding an active interaction lets go of it, and will not be offered it again. */
function handBack(ctx: Ctx, i: InteractionRt): void {
  const agent = ctx.agents.get(i.agentId!)!;
  exclude(i, agent.id);
  release(ctx, agent, i, true);
  i.agentId = null;
}

function transfer(ctx: Ctx, e: EventOf<'interactionTransferred'>, i: InteractionRt): void {
  const queue = ctx.queues.get(e.toQueueId ?? i.queue.policy.id);
  if (!queue) {
    reject(ctx, e, 'routing.unknown_queue', e.toQueueId ?? '');
    return;
  }
  if (i.phase !== 'active' && i.phase !== 'queued') {
    reject(ctx, e, 'routing.invalid_state', i.request.id);
    return;
  }
  if (i.phase === 'active') handBack(ctx, i);
  else unlinkWaiting(ctx, i);
  // A transfer is a new request for help: its age and maximum wait start now.
  i.arrivedAt = ctx.now;
  i.preferred = e.toAgentId ? [e.toAgentId] : [];
  i.preferUntil = e.toAgentId ? ctx.now + queue.policy.transferToAgentSeconds * 1000 : null;
  ctx.out.push({
    type: 'requeued',
    interactionId: i.request.id,
    queueId: queue.policy.id,
    reason: 'transferred',
  });
  moveToQueue(ctx, i, queue);
}
