/**
 * The engine's state as plain data, and the rebuild from it. Indexes (pools, buckets, reservations,
 * loads) and timers are not persisted: they are derived, so a rebuilt engine cannot disagree with the
 * data it was rebuilt from.
 */
import { rank, stepDueAt } from './policy.ts';
import { buildEntries, syncAgent } from './pools.ts';
import { type AgentRt, type Ctx, createCtx, type InteractionRt, NO_ONE, pushToBucket } from './state.ts';
import { recordShown } from './status.ts';
import type { AgentSnapshot, EngineConfig, EngineSnapshot, InteractionSnapshot } from './types.ts';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function takeSnapshot(ctx: Ctx): EngineSnapshot {
  const agents: AgentSnapshot[] = [...ctx.agents.values()]
    .sort((a, b) => byString(a.id, b.id))
    .map((a) => ({
      profile: a.profile,
      presence: a.presence,
      notReadyReason: a.notReadyReason,
      idleSince: a.idleSince,
      missedInRow: a.missedInRow,
      disconnectedAt: a.disconnectedAt,
    }));
  const interactions: InteractionSnapshot[] = [...ctx.interactions.values()]
    .sort((a, b) => a.seq - b.seq)
    .map((i) => ({
      request: i.request,
      seq: i.seq,
      arrivedAt: i.arrivedAt,
      enteredQueueAt: i.enteredQueueAt,
      queueId: i.queue.policy.id,
      phase: i.phase,
      level: i.level,
      excludedAgentIds: [...i.excluded].sort(byString),
      offer: i.offer ? { agentIds: [...i.offer.agentIds], expiresAt: i.offer.expiresAt } : null,
      agentId: i.agentId,
      preferredAgentIds: [...i.preferred],
      preferUntil: i.preferUntil,
      wrapUpUntil: i.wrapUpUntil,
    }));
  const closedQueueIds = [...ctx.queues.values()].filter((q) => !q.open).map((q) => q.policy.id);
  return { version: 1, now: ctx.now, nextSeq: ctx.nextSeq, closedQueueIds, agents, interactions };
}

/** Rebuilds the runtime state from a snapshot taken under the same configuration. */
export function restoreCtx(config: EngineConfig, snapshot: EngineSnapshot): Ctx {
  const ctx = createCtx(config);
  ctx.now = snapshot.now;
  ctx.nextSeq = snapshot.nextSeq;
  for (const id of snapshot.closedQueueIds) {
    const queue = ctx.queues.get(id);
    if (queue) queue.open = false;
  }
  for (const a of snapshot.agents) ctx.agents.set(a.profile.id, restoreAgent(ctx, a));
  for (const s of snapshot.interactions) {
    const queue = ctx.queues.get(s.queueId);
    if (!queue)
      throw new Error(`routing snapshot: interaction ${s.request.id} is in unknown queue ${s.queueId}`);
    const i: InteractionRt = {
      request: s.request,
      seq: s.seq,
      arrivedAt: s.arrivedAt,
      enteredQueueAt: s.enteredQueueAt,
      queue,
      phase: s.phase,
      level: s.level,
      excluded: s.excludedAgentIds.length > 0 ? new Set(s.excludedAgentIds) : NO_ONE,
      offer: s.offer ? { agentIds: [...s.offer.agentIds], expiresAt: s.offer.expiresAt } : null,
      agentId: s.agentId,
      preferred: [...s.preferredAgentIds],
      preferUntil: s.preferUntil,
      wrapUpUntil: s.wrapUpUntil,
      rank: rank(queue.policy, s.request, s.arrivedAt),
      bucket: null,
      heapIndex: -1,
      dirty: false,
    };
    ctx.interactions.set(s.request.id, i);
    placeRestored(ctx, i);
  }
  for (const agent of ctx.agents.values()) {
    buildEntries(ctx, agent);
    syncAgent(ctx, agent);
  }
  recordShown(ctx);
  return ctx;
}

function restoreAgent(ctx: Ctx, a: AgentSnapshot): AgentRt {
  const agent: AgentRt = {
    id: a.profile.id,
    profile: a.profile,
    presence: a.presence,
    notReadyReason: a.notReadyReason,
    idleSince: a.idleSince,
    missedInRow: a.missedInRow,
    disconnectedAt: a.disconnectedAt,
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
  if (a.disconnectedAt !== null) {
    ctx.timers.schedule(a.disconnectedAt + ctx.config.presenceGraceSeconds * 1000, 'grace', agent.id);
  }
  return agent;
}

/** Puts a restored interaction back where its phase says, with the load and timers that go with it. */
function placeRestored(ctx: Ctx, i: InteractionRt): void {
  const id = i.request.id;
  const hold = (agentId: string) => {
    const agent = ctx.agents.get(agentId);
    if (!agent) throw new Error(`routing snapshot: interaction ${id} is held by unknown agent ${agentId}`);
    const k = ctx.channelIndex.get(i.request.channel);
    if (k !== undefined) {
      agent.used += ctx.costs[k]!;
      agent.counts[k]!++;
    }
    agent.holding.add(i);
  };
  switch (i.phase) {
    case 'offered':
      for (const agentId of i.offer!.agentIds) hold(agentId);
      ctx.timers.schedule(i.offer!.expiresAt, 'offer', id);
      return;
    case 'active':
      hold(i.agentId!);
      return;
    case 'wrap_up':
      hold(i.agentId!);
      ctx.timers.schedule(i.wrapUpUntil!, 'wrapUp', id);
      return;
    case 'queued':
      placeWaiting(ctx, i);
      return;
  }
}

function placeWaiting(ctx: Ctx, i: InteractionRt): void {
  const id = i.request.id;
  const queue = i.queue;
  if (i.preferUntil !== null) {
    queue.reserved.add(i);
    for (const agentId of i.preferred) ctx.agents.get(agentId)?.reserved.add(i);
    ctx.timers.schedule(i.preferUntil, 'sticky', id);
  } else {
    pushToBucket(ctx, i);
  }
  if (i.level < queue.compiled.thresholds.length) {
    ctx.timers.schedule(stepDueAt(queue.compiled, i.arrivedAt, i.level), 'relax', id);
  }
  const overflow = queue.policy.overflow;
  if (overflow && overflow.action.kind !== 'keep') {
    ctx.timers.schedule(i.enteredQueueAt + overflow.afterSeconds * 1000, 'maxWait', id);
  }
}
