/**
 * Matching: the best agents for a waiting interaction, the best waiting interaction for an agent with
 * room, and the offer that binds them. After every event the engine drains the interactions and agents
 * the event touched, which keeps the invariant that no ready agent with room waits beside an
 * interaction it may take: only a touched pair can have become a match.
 */
import type { IndexedHeap } from './heap.ts';
import { scoreAt } from './policy.ts';
import { changeLoad, entryBefore, flushSyncs, hasRoom } from './pools.ts';
import {
  type AgentRt,
  ANY_LANGUAGE,
  type Ctx,
  type InteractionRt,
  type PoolEntry,
  unlinkWaiting,
} from './state.ts';

const ANY_PASS: (string | null)[] = [ANY_LANGUAGE];
const ALL_PASS: (string | null)[] = [null];

/**
 * Pools to search, pass by pass, as language keys (null: every language pool): the customer's
 * language first where the queue prefers it, then anyone.
 */
function searchPasses(interaction: InteractionRt): (string | null)[] {
  const mode = interaction.queue.policy.language;
  const language = interaction.request.language;
  if (mode === 'ignore') return ANY_PASS;
  if (language === undefined) return ALL_PASS;
  return mode === 'require' ? [language] : [language, null];
}

/** Up to `count` agents to offer the interaction to, best first; empty when none may take it now. */
export function selectAgents(ctx: Ctx, interaction: InteractionRt, count: number): AgentRt[] {
  flushSyncs(ctx);
  const channel = interaction.request.channel;
  if (interaction.preferUntil !== null) {
    // Reserved for named agents: they bypass skills, in the order the reservation lists them.
    const chosen: AgentRt[] = [];
    for (const id of interaction.preferred) {
      const agent = ctx.agents.get(id);
      if (agent?.presence !== 'available' || interaction.excluded.has(id)) continue;
      if (hasRoom(ctx, agent, channel) && chosen.length < count) chosen.push(agent);
    }
    return chosen;
  }
  const queue = interaction.queue;
  const chosen: AgentRt[] = [];
  const accept = (e: PoolEntry) => !interaction.excluded.has(e.agent.id) && !chosen.includes(e.agent);
  for (const pass of searchPasses(interaction)) {
    while (chosen.length < count) {
      // The best entry over the pools of every level the interaction has reached.
      let best: PoolEntry | undefined;
      const levels = Math.min(interaction.level, queue.pools.length - 1);
      for (let level = 0; level <= levels; level++) {
        const byLanguage = queue.pools[level]!.get(channel);
        if (!byLanguage) continue;
        if (pass !== null) {
          const candidate = byLanguage.get(pass)?.first(accept);
          if (candidate && (!best || entryBefore(candidate, best))) best = candidate;
          continue;
        }
        for (const heap of byLanguage.values()) {
          const candidate = heap.first(accept);
          if (candidate && (!best || entryBefore(candidate, best))) best = candidate;
        }
      }
      if (!best) break;
      chosen.push(best.agent);
    }
  }
  return chosen;
}

/** Whether `a` should be served before `b` now, across queues. */
function outranks(now: number, a: InteractionRt, b: InteractionRt): boolean {
  const sa = scoreAt(a.queue.policy, a.rank, now);
  const sb = scoreAt(b.queue.policy, b.rank, now);
  if (sa !== sb) return sa > sb;
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt < b.arrivedAt;
  return a.seq < b.seq;
}

/** The waiting interaction this agent should take next, or null. */
export function bestInteractionFor(ctx: Ctx, agent: AgentRt): InteractionRt | null {
  let best: InteractionRt | null = null;
  for (const m of agent.memberships) {
    const buckets = m.queue.nonEmpty;
    for (let b = 0; b < buckets.length; b++) {
      const bucket = buckets[b]!;
      if (bucket.level < m.level || !hasRoom(ctx, agent, bucket.channel)) continue;
      if (bucket.language !== ANY_LANGUAGE && !agent.profile.languages.includes(bucket.language)) continue;
      const candidate = firstNotExcluding(bucket.heap, agent.id);
      if (candidate && (!best || outranks(ctx.now, candidate, best))) best = candidate;
    }
  }
  for (const candidate of agent.reserved) {
    if (candidate.excluded.has(agent.id) || !hasRoom(ctx, agent, candidate.request.channel)) continue;
    if (!best || outranks(ctx.now, candidate, best)) best = candidate;
  }
  return best;
}

/** The first interaction of a bucket not closed to this agent (almost always its head). */
function firstNotExcluding(heap: IndexedHeap<InteractionRt>, agentId: string): InteractionRt | undefined {
  const top = heap.peek();
  if (!top || top.excluded.size === 0 || !top.excluded.has(agentId)) return top;
  return heap.first((i) => !i.excluded.has(agentId));
}

/** Offers a waiting interaction to these agents, holding their capacity until they answer. */
export function makeOffer(ctx: Ctx, interaction: InteractionRt, agents: AgentRt[]): void {
  unlinkWaiting(ctx, interaction);
  const expiresAt = ctx.now + interaction.queue.policy.offer.timeoutSeconds * 1000;
  const agentIds = agents.map((a) => a.id);
  interaction.phase = 'offered';
  interaction.offer = { agentIds, expiresAt };
  for (const agent of agents) {
    // Being offered work ends an agent's idle time: "longest idle" means longest since last routed to.
    agent.idleSince = ctx.now;
    agent.holding.add(interaction);
    changeLoad(ctx, agent, interaction.request.channel, 1);
  }
  ctx.timers.schedule(expiresAt, 'offer', interaction.request.id);
  ctx.out.push({ type: 'offer', interactionId: interaction.request.id, agentIds, expiresAt });
}

/** Matches everything the last change touched, until nothing more can be matched. */
export function drain(ctx: Ctx): void {
  while (ctx.dirtyInteractions.length > 0 || ctx.dirtyAgents.length > 0) {
    for (let k = 0; k < ctx.dirtyInteractions.length; k++) {
      const interaction = ctx.dirtyInteractions[k]!;
      interaction.dirty = false;
      if (interaction.phase !== 'queued' || ctx.interactions.get(interaction.request.id) !== interaction)
        continue;
      const agents = selectAgents(ctx, interaction, interaction.queue.policy.offer.agents);
      if (agents.length > 0) makeOffer(ctx, interaction, agents);
    }
    if (ctx.dirtyInteractions.length > 0) ctx.dirtyInteractions.length = 0;
    for (let k = 0; k < ctx.dirtyAgents.length; k++) {
      const agent = ctx.dirtyAgents[k]!;
      agent.dirty = false;
      if (agent.presence !== 'available' || ctx.agents.get(agent.id) !== agent) continue;
      for (;;) {
        const next = bestInteractionFor(ctx, agent);
        if (!next) break;
        makeOffer(ctx, next, [agent]);
      }
    }
    if (ctx.dirtyAgents.length > 0) ctx.dirtyAgents.length = 0;
  }
  flushSyncs(ctx);
}
