/**
 * The engine's runtime state and its indexes. Two kinds of heap make a decision independent of how many
 * interactions wait and of how many agents are logged in:
 *  - buckets: per queue × relaxation level × channel × language, the waiting interactions by score;
 *  - pools: per queue × the agent's lowest eligible level × channel × language spoken, the agents who
 *    are ready and have room for that channel, in the queue's selection order.
 * An agent sits in a pool only while it can take one more interaction of the pool's channel, so the top
 * of a pool is (almost always) the answer; a bucket's head is the best interaction for any agent who
 * can take that bucket at all. An agent's pool entries are made once per profile and moved in and out
 * of their heaps as its load and presence change, so routing allocates nothing per agent change.
 */
import { type HeapItem, IndexedHeap } from './heap.ts';
import { type CompiledQueue, compileQueues } from './policy.ts';
import { TimerQueue } from './timers.ts';
import type {
  AgentPresence,
  AgentProfile,
  AgentSelection,
  AgentStatus,
  EngineConfig,
  InteractionPhase,
  InteractionRequest,
  QueuePolicy,
  RoutingDecision,
} from './types.ts';

/** Language key of pools and buckets that any agent may serve. */
export const ANY_LANGUAGE = '*';

export interface Membership {
  queue: QueueRt;
  /** The lowest relaxation level at which the agent is eligible for the queue. */
  level: number;
  proficiency: number;
}

/** One agent's place in one pool; in the pool's heap while the agent can take its channel. */
export interface PoolEntry extends HeapItem {
  agent: AgentRt;
  proficiency: number;
  channel: string;
  /** The channel's position in `ctx.channels`. */
  channelIndex: number;
  heap: IndexedHeap<PoolEntry>;
  selection: AgentSelection;
  /** Order keys, smallest first, from `setPoolKeys`; kept in the entry so one comparator serves every pool. */
  k1: number;
  k2: number;
}

export interface AgentRt {
  id: string;
  profile: AgentProfile;
  presence: AgentPresence;
  notReadyReason: string | null;
  idleSince: number;
  missedInRow: number;
  disconnectedAt: number | null;
  /** Capacity units held by pending offers, active interactions and wrap-ups. */
  used: number;
  /** Interactions held, by channel position in `ctx.channels`. */
  counts: number[];
  /** Most interactions it takes at once, by channel position (from its profile; 0 where none). */
  caps: number[];
  memberships: Membership[];
  /** Every pool entry of the agent, in a heap or not. */
  entries: PoolEntry[];
  /** Interactions held: offered to it and pending, active, or in wrap-up. */
  holding: Set<InteractionRt>;
  /** Waiting interactions reserved for it (sticky or transfer). */
  reserved: Set<InteractionRt>;
  /** Needs matching (see `markAgent`). */
  dirty: boolean;
  /** Pool entries lag behind its state (see `requestSync` in pools.ts). */
  unsynced: boolean;
  /** Status and reason as `reportStatusChanges` last said them; null before the first. */
  shownStatus: AgentStatus | null;
  shownReason: string;
  /** In `ctx.touched` (see status.ts). */
  touched: boolean;
}

export interface Bucket {
  /** Position in the queue's `nonEmpty`, or -1 while empty. */
  activeIndex: number;
  level: number;
  channel: string;
  channelIndex: number;
  language: string;
  heap: IndexedHeap<InteractionRt>;
}

export interface InteractionRt extends HeapItem {
  request: InteractionRequest;
  seq: number;
  arrivedAt: number;
  enteredQueueAt: number;
  queue: QueueRt;
  phase: InteractionPhase;
  level: number;
  /** Agents never to offer it again; shared `NO_ONE` until the first is added (most never get one). */
  excluded: ReadonlySet<string>;
  offer: { agentIds: string[]; expiresAt: number } | null;
  agentId: string | null;
  preferred: string[];
  preferUntil: number | null;
  wrapUpUntil: number | null;
  /** Static part of the score in the current queue (see `rank` in policy.ts). */
  rank: number;
  bucket: Bucket | null;
  dirty: boolean;
}

export interface QueueRt {
  compiled: CompiledQueue;
  policy: QueuePolicy;
  open: boolean;
  /** Agent pools by lowest eligible level, then channel, then language spoken. */
  pools: Map<string, Map<string, IndexedHeap<PoolEntry>>>[];
  /** Buckets by relaxation level, then channel, then language key. */
  buckets: Map<string, Map<string, Bucket>>[];
  /** Buckets that hold at least one interaction: what an agent looking for work visits. */
  nonEmpty: Bucket[];
  /** Waiting interactions of this queue reserved for named agents. */
  reserved: Set<InteractionRt>;
}

/** Everything the engine holds between events. */
export interface Ctx {
  config: EngineConfig;
  /** The configured channels' names; their positions index `costs`, agents' `counts` and `caps`. */
  channels: string[];
  channelIndex: Map<string, number>;
  costs: number[];
  queues: Map<string, QueueRt>;
  agents: Map<string, AgentRt>;
  interactions: Map<string, InteractionRt>;
  timers: TimerQueue;
  now: number;
  nextSeq: number;
  out: RoutingDecision[];
  dirtyInteractions: InteractionRt[];
  dirtyAgents: AgentRt[];
  unsyncedAgents: AgentRt[];
  /** Agents whose status may have changed during this event (see status.ts). */
  touched: AgentRt[];
}

export function createCtx(config: EngineConfig): Ctx {
  const queues = new Map<string, QueueRt>();
  for (const [id, compiled] of compileQueues(config)) {
    queues.set(id, {
      compiled,
      policy: compiled.policy,
      open: true,
      pools: [],
      buckets: [],
      nonEmpty: [],
      reserved: new Set(),
    });
  }
  const channels = Object.keys(config.channels);
  return {
    config,
    channels,
    channelIndex: new Map(channels.map((c, k) => [c, k])),
    costs: channels.map((c) => config.channels[c]!.cost),
    queues,
    agents: new Map(),
    interactions: new Map(),
    timers: new TimerQueue(),
    now: 0,
    nextSeq: 1,
    out: [],
    dirtyInteractions: [],
    dirtyAgents: [],
    unsyncedAgents: [],
    touched: [],
  };
}

/** Highest score first; then earliest arrival; then arrival order. */
function interactionBefore(a: InteractionRt, b: InteractionRt): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt < b.arrivedAt;
  return a.seq < b.seq;
}

/** Bucket language key of an interaction: its language only where the queue requires it. */
function bucketLanguage(interaction: InteractionRt): string {
  return interaction.queue.policy.language === 'require'
    ? (interaction.request.language ?? ANY_LANGUAGE)
    : ANY_LANGUAGE;
}

/**
 * The by-language map of one level and channel in a queue's buckets or pools, made when missing. Nested
 * maps rather than one map by a composite key: no key string is built per interaction.
 */
export function languagesAt<T>(levels: Map<string, Map<string, T>>[], level: number, channel: string) {
  for (let l = levels.length; l <= level; l++) levels.push(new Map());
  const byChannel = levels[level]!;
  let byLanguage = byChannel.get(channel);
  if (!byLanguage) {
    byLanguage = new Map<string, T>();
    byChannel.set(channel, byLanguage);
  }
  return byLanguage;
}

export function pushToBucket(ctx: Ctx, interaction: InteractionRt): void {
  const queue = interaction.queue;
  const language = bucketLanguage(interaction);
  const level = interaction.level;
  const channel = interaction.request.channel;
  const byLanguage = languagesAt(queue.buckets, level, channel);
  let bucket = byLanguage.get(language);
  if (!bucket) {
    const channelIndex = ctx.channelIndex.get(channel) ?? -1;
    bucket = {
      activeIndex: -1,
      level,
      channel,
      channelIndex,
      language,
      heap: new IndexedHeap(interactionBefore),
    };
    byLanguage.set(language, bucket);
  }
  bucket.heap.push(interaction);
  interaction.bucket = bucket;
  if (bucket.activeIndex < 0) bucket.activeIndex = queue.nonEmpty.push(bucket) - 1;
}

/** Drops an emptied bucket from the queue's list of non-empty ones (swap with the last). */
function deactivate(queue: QueueRt, bucket: Bucket): void {
  const last = queue.nonEmpty.pop()!;
  if (last !== bucket) {
    queue.nonEmpty[bucket.activeIndex] = last;
    last.activeIndex = bucket.activeIndex;
  }
  bucket.activeIndex = -1;
}

/** Takes a waiting interaction out of its bucket or its reservations. */
export function unlinkWaiting(ctx: Ctx, interaction: InteractionRt): void {
  const bucket = interaction.bucket;
  if (bucket) {
    bucket.heap.remove(interaction);
    if (bucket.heap.size === 0) deactivate(interaction.queue, bucket);
    interaction.bucket = null;
  }
  const reserved = interaction.queue.reserved;
  if (reserved.size > 0 && reserved.delete(interaction)) {
    for (const id of interaction.preferred) ctx.agents.get(id)?.reserved.delete(interaction);
  }
}

/**
 * Interactions of a set in arrival order. Sets iterate in insertion order, which a rebuild cannot
 * reproduce; anything that acts on several interactions in turn goes through this instead.
 */
export function inArrivalOrder(set: Iterable<InteractionRt>): InteractionRt[] {
  return [...set].sort((a, b) => a.seq - b.seq);
}

/** The empty exclusion set every interaction starts with. */
export const NO_ONE: ReadonlySet<string> = new Set();

/** Never offer this interaction to this agent again. */
export function exclude(interaction: InteractionRt, agentId: string): void {
  if (interaction.excluded === NO_ONE) interaction.excluded = new Set([agentId]);
  else (interaction.excluded as Set<string>).add(agentId);
}

export function markInteraction(ctx: Ctx, interaction: InteractionRt): void {
  if (interaction.dirty) return;
  interaction.dirty = true;
  ctx.dirtyInteractions.push(interaction);
}

export function markAgent(ctx: Ctx, agent: AgentRt): void {
  touch(ctx, agent);
  if (agent.dirty) return;
  agent.dirty = true;
  ctx.dirtyAgents.push(agent);
}

/** Notes that an agent's status may have changed during this event (see status.ts). */
export function touch(ctx: Ctx, agent: AgentRt): void {
  if (agent.touched) return;
  agent.touched = true;
  ctx.touched.push(agent);
}
