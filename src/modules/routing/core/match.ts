/**
 * Matching: the best agents for a waiting interaction, the best waiting interaction for an agent with
 * room, and the offer that binds them. After every event the engine drains the interactions and agents
 * the event touched, which keeps the invariant that no ready agent with room waits beside an
 * interaction it may take: only a touched pair can have become a match.
 */
import type { IndexedHeap } from './heap.ts';
import { scoreAt } from './policy.ts';
import { changeLoad, entryBefore, flushSyncs, hasRoom, hasRoomAt } from './pools.ts';
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
  for (const pass of searchPasses(interaction)) {
    while (chosen.length < count) {
      // The best entry over the pools of every level the interaction has reached.
      let best: PoolEntry | undefined;
      const levels = Math.min(interaction.level, queue.pools.length - 1);
      for (let level = 0; level <= levels; level++) {
        const byLanguage = queue.pools[level]!.get(channel);
        if (!byLanguage) continue;
        if (pass !== null) {
          const heap = byLanguage.get(pass);
          const candidate = heap && firstOpen(heap, interaction, chosen);
          if (candidate && (!best || entryBefore(candidate, best))) best = candidate;
          continue;
        }
        for (const heap of byLanguage.values()) {
          const candidate = firstOpen(heap, interaction, chosen);
          if (candidate && (!best || entryBefore(candidate, best))) best = candidate;
        }
      }
      if (!best) break;
      chosen.push(best.agent);
    }
  }
  return chosen;
}

/**
 * The first entry of a pool whose agent the interaction is open to and not yet chosen: almost always
 * the top, checked without making a closure (this runs for every interaction routed).
 */
function firstOpen(
  heap: IndexedHeap<PoolEntry>,
  interaction: InteractionRt,
  chosen: AgentRt[],
): PoolEntry | undefined {
  const top = heap.peek();
  if (!top) return undefined;
  const excluded = interaction.excluded;
  if ((excluded.size === 0 || !excluded.has(top.agent.id)) && !chosen.includes(top.agent)) return top;
  return heap.first((e) => !excluded.has(e.agent.id) && !chosen.includes(e.agent));
}

/** Whether an interaction of score `sa` should be served before `b`, of score `sb`, across queues. */
function outranks(sa: number, a: InteractionRt, sb: number, b: InteractionRt): boolean {
  if (sa !== sb) return sa > sb;
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt < b.arrivedAt;
  return a.seq < b.seq;
}

/** The waiting interaction this agent should take next, or null. */
export function bestInteractionFor(ctx: Ctx, agent: AgentRt): InteractionRt | null {
  let best: InteractionRt | null = null;
  let bestScore = 0;
  const now = ctx.now;
  const memberships = agent.memberships;
  for (let m = 0; m < memberships.length; m++) {
    const membership = memberships[m]!;
    const buckets = membership.queue.nonEmpty;
    for (let b = 0; b < buckets.length; b++) {
      const bucket = buckets[b]!;
      if (bucket.level < membership.level || !hasRoomAt(ctx, agent, bucket.channelIndex)) continue;
      if (bucket.language !== ANY_LANGUAGE && !agent.profile.languages.includes(bucket.language)) continue;
      const candidate = firstNotExcluding(bucket.heap, agent.id);
      if (!candidate) continue;
      const score = scoreAt(candidate.queue.policy, candidate.rank, now);
      if (!best || outranks(score, candidate, bestScore, best)) {
        best = candidate;
        bestScore = score;
      }
    }
  }
  if (agent.reserved.size === 0) return best;
  for (const candidate of agent.reserved) {
    if (candidate.excluded.has(agent.id) || !hasRoom(ctx, agent, candidate.request.channel)) continue;
    const score = scoreAt(candidate.queue.policy, candidate.rank, now);
    if (!best || outranks(score, candidate, bestScore, best)) {
      best = candidate;
      bestScore = score;
    }
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
