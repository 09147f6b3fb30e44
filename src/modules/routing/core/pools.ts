/**
 * Agent pools: where each agent stands, per queue, level, channel and language, in the queue's order of
 * choice. Entries are made once per profile (`buildEntries`) and moved in and out of their heaps as the
 * agent's presence, load and idle time change (`syncAgent`), lazily, just before pools are read.
 */
import { IndexedHeap } from './heap.ts';
import { minLevel, proficiency } from './policy.ts';
import {
  type AgentRt,
  ANY_LANGUAGE,
  type Ctx,
  languagesAt,
  type Membership,
  type PoolEntry,
  type QueueRt,
} from './state.ts';
import type { AgentProfile, QueuePolicy } from './types.ts';

/**
 * The pool order of an agent under a selection rule, as two numbers (then the agent id): longest idle
 * is (idle since, 0); least occupied is (share of capacity used, idle since); highest proficiency is
 * (minus proficiency, idle since).
 */
function setPoolKeys(e: PoolEntry): void {
  const agent = e.agent;
  switch (e.selection) {
    case 'longest_idle':
      e.k1 = agent.idleSince;
      e.k2 = 0;
      return;
    case 'least_occupied':
      e.k1 = agent.used / agent.profile.capacity;
      e.k2 = agent.idleSince;
      return;
    case 'highest_proficiency':
      e.k1 = -e.proficiency;
      e.k2 = agent.idleSince;
      return;
  }
}

/** The one comparator of every agent pool (monomorphic, so heaps stay fast). */
export function entryBefore(a: PoolEntry, b: PoolEntry): boolean {
  if (a.k1 !== b.k1) return a.k1 < b.k1;
  if (a.k2 !== b.k2) return a.k2 < b.k2;
  return a.agent.id < b.agent.id;
}

function pool(queue: QueueRt, level: number, channel: string, language: string): IndexedHeap<PoolEntry> {
  const byLanguage = languagesAt(queue.pools, level, channel);
  let heap = byLanguage.get(language);
  if (!heap) {
    heap = new IndexedHeap(entryBefore);
    byLanguage.set(language, heap);
  }
  return heap;
}

/**
 * Language keys of the pools an agent joins in a queue: one pool for all where language does not
 * matter, else one per language spoken (an agent without languages joins the "any" pool).
 */
function poolLanguages(policy: QueuePolicy, agent: AgentProfile): string[] {
  if (policy.language === 'ignore' || agent.languages.length === 0) return [ANY_LANGUAGE];
  return agent.languages;
}

/** The queues an agent can ever serve, with the level it starts at; recomputed when its profile changes. */
function computeMemberships(ctx: Ctx, profile: AgentProfile): Membership[] {
  const out: Membership[] = [];
  for (const queue of ctx.queues.values()) {
    const level = minLevel(queue.compiled, profile);
    if (level !== null) out.push({ queue, level, proficiency: proficiency(queue.compiled, profile) });
  }
  return out;
}

/** (Re)makes an agent's memberships and pool entries from its profile; none is in a heap yet. */
export function buildEntries(ctx: Ctx, agent: AgentRt): void {
  unpoolAgent(agent);
  agent.memberships = computeMemberships(ctx, agent.profile);
  agent.entries = [];
  agent.caps = ctx.channels.map((c) => agent.profile.channels[c] ?? 0);
  const channels = Object.keys(agent.profile.channels).filter((c) => ctx.config.channels[c] !== undefined);
  // Grouped by channel, so that `syncAgent` works out the room for each channel once.
  for (const channel of channels) {
    for (const m of agent.memberships) {
      for (const language of poolLanguages(m.queue.policy, agent.profile)) {
        const heap = pool(m.queue, m.level, channel, language);
        const selection = m.queue.policy.selection;
        const entry = {
          agent,
          proficiency: m.proficiency,
          channel,
          channelIndex: ctx.channelIndex.get(channel)!,
          heap,
          selection,
          k1: 0,
          k2: 0,
          heapIndex: -1,
        };
        agent.entries.push(entry);
      }
    }
  }
}

/** Whether the agent has room for one more interaction of `channel` (capacity and per-channel cap). */
export function hasRoom(ctx: Ctx, agent: AgentRt, channel: string): boolean {
  const k = ctx.channelIndex.get(channel);
  return k !== undefined && hasRoomAt(ctx, agent, k);
}

/** `hasRoom` by the channel's position in `ctx.channels`: array reads only, for the hot paths. */
export function hasRoomAt(ctx: Ctx, agent: AgentRt, k: number): boolean {
  return agent.counts[k]! < agent.caps[k]! && agent.used + ctx.costs[k]! <= agent.profile.capacity;
}

/** Takes the agent out of every pool. */
export function unpoolAgent(agent: AgentRt): void {
  for (const e of agent.entries) e.heap.remove(e);
}

/**
 * Brings the agent's pool entries in line with its presence, load and idle time: in the heap while
 * ready with room for the entry's channel, re-sifted in place when its order key changed. Call after
 * any such change. Each heap holds at most one entry of an agent, so fixing that entry restores it.
 */
export function syncAgent(ctx: Ctx, agent: AgentRt): void {
  const ready = agent.presence === 'available';
  let lastChannel = -1;
  let room = false;
  const entries = agent.entries;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k]!;
    if (e.channelIndex !== lastChannel) {
      lastChannel = e.channelIndex;
      room = ready && hasRoomAt(ctx, agent, lastChannel);
    }
    if (e.heapIndex >= 0) {
      if (!room) {
        e.heap.remove(e);
        continue;
      }
      const k1 = e.k1;
      const k2 = e.k2;
      setPoolKeys(e);
      if (e.k1 !== k1 || e.k2 !== k2) e.heap.update(e);
    } else if (room) {
      setPoolKeys(e);
      e.heap.push(e);
    }
  }
}

/**
 * Notes that an agent's pool entries must catch up with its state. Pools are read only when choosing
 * agents for an interaction, so the catching up waits until then (`flushSyncs`): an agent who finishes
 * one interaction and at once takes the next moves through its pools once, not twice. Heaps stay
 * valid meanwhile because they order by the keys stored in the entries, which only `syncAgent` changes.
 */
export function requestSync(ctx: Ctx, agent: AgentRt): void {
  if (agent.unsynced) return;
  agent.unsynced = true;
  ctx.unsyncedAgents.push(agent);
}

/** Brings every agent's pools up to date; call before reading pools. */
export function flushSyncs(ctx: Ctx): void {
  const agents = ctx.unsyncedAgents;
  if (agents.length === 0) return;
  for (let k = 0; k < agents.length; k++) {
    const agent = agents[k]!;
    agent.unsynced = false;
    if (ctx.agents.get(agent.id) === agent) syncAgent(ctx, agent);
    else unpoolAgent(agent);
  }
  agents.length = 0;
}

/** Adds (+1) or removes (-1) one interaction of `channel` from the agent's load. */
export function changeLoad(ctx: Ctx, agent: AgentRt, channel: string, delta: 1 | -1): void {
  const k = ctx.channelIndex.get(channel);
  if (k !== undefined) {
    agent.used += delta * ctx.costs[k]!;
    agent.counts[k]! += delta;
  }
  requestSync(ctx, agent);
}
