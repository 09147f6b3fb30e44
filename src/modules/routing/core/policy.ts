/**
 * Queue policies compiled for routing: who is eligible at each relaxation level, how an interaction
 * scores, and the checks that refuse a configuration before it can route anything.
 */
import type {
  AgentProfile,
  EngineConfig,
  InteractionRequest,
  QueuePolicy,
  SkillRequirement,
} from './types.ts';

/** One way to be eligible: all these skills, and (when set) one of these teams. */
export interface Criteria {
  requirements: SkillRequirement[];
  teams: string[] | undefined;
}

/** A queue policy with its relaxation levels worked out. */
export interface CompiledQueue {
  policy: QueuePolicy;
  /** `levels[l]`: an agent is eligible at level l when it meets any of these criteria. */
  levels: Criteria[][];
  /** `thresholds[l]`: seconds of age at which level l+1 starts. */
  thresholds: number[];
}

/**
 * A queue policy with sensible defaults: FIFO by arrival, longest idle agent, one agent per offer,
 * 20-second offers, no wrap-up, keep waiting after hours.
 *
 * @example
 * const bank = queuePolicy('retail', { valueTierBoost: { high: 90 } });
 */
export function queuePolicy(id: string, overrides: Partial<Omit<QueuePolicy, 'id'>> = {}): QueuePolicy {
  return {
    id,
    requirements: [],
    language: 'ignore',
    priorityWeight: 0,
    agingWeightPerSecond: 1,
    valueTierBoost: {},
    selection: 'longest_idle',
    relaxation: [],
    offer: { timeoutSeconds: 20, agents: 1 },
    wrapUpSeconds: 0,
    afterHours: { kind: 'keep' },
    transferToAgentSeconds: 60,
    ...overrides,
  };
}

/** Checks a configuration; throws an Error naming the first problem. */
export function validateConfig(config: EngineConfig): void {
  const ids = new Set<string>();
  for (const q of config.queues) {
    if (ids.has(q.id)) throw new Error(`routing config: queue ${q.id} is defined twice`);
    ids.add(q.id);
  }
  const knownQueue = (id: string, where: string) => {
    if (!ids.has(id)) throw new Error(`routing config: ${where} names unknown queue ${id}`);
  };
  for (const [name, channel] of Object.entries(config.channels)) {
    if (!(channel.cost > 0)) throw new Error(`routing config: channel ${name} needs a positive cost`);
  }
  for (const q of config.queues) {
    if (q.offer.agents < 1 || q.offer.timeoutSeconds <= 0) {
      throw new Error(
        `routing config: queue ${q.id} needs at least one agent per offer and a positive timeout`,
      );
    }
    if (q.agingWeightPerSecond < 0) {
      throw new Error(`routing config: queue ${q.id} has a negative aging weight`);
    }
    // A zero maximum wait would bounce an interaction between overflowing queues forever.
    if (q.overflow && !(q.overflow.afterSeconds > 0)) {
      throw new Error(`routing config: queue ${q.id} needs a positive overflow time`);
    }
    if (q.wrapUpSeconds < 0 || q.transferToAgentSeconds < 0 || (q.sticky?.seconds ?? 0) < 0) {
      throw new Error(`routing config: queue ${q.id} has a negative duration`);
    }
    for (const step of q.relaxation) {
      for (const w of step.widenToQueues ?? []) knownQueue(w, `queue ${q.id} relaxation`);
    }
    if (q.overflow?.action.kind === 'queue') knownQueue(q.overflow.action.queueId, `queue ${q.id} overflow`);
    if (q.afterHours.kind === 'queue') knownQueue(q.afterHours.queueId, `queue ${q.id} after-hours action`);
  }
}

/** Compiles every queue; `validateConfig` first. */
export function compileQueues(config: EngineConfig): Map<string, CompiledQueue> {
  validateConfig(config);
  const byId = new Map(config.queues.map((q) => [q.id, q]));
  const compiled = new Map<string, CompiledQueue>();
  for (const policy of config.queues) {
    const steps = [...policy.relaxation].sort((a, b) => a.afterSeconds - b.afterSeconds);
    const levels: Criteria[][] = [[{ requirements: policy.requirements, teams: policy.teams }]];
    let lowered = 0;
    const dropped = new Set<string>();
    const widened: Criteria[] = [];
    for (const step of steps) {
      lowered += step.lowerProficiencyBy ?? 0;
      for (const s of step.dropSkills ?? []) dropped.add(s);
      for (const w of step.widenToQueues ?? []) {
        const other = byId.get(w)!;
        widened.push({ requirements: other.requirements, teams: other.teams });
      }
      const own = policy.requirements
        .filter((r) => !dropped.has(r.skill))
        .map((r) => ({ skill: r.skill, minProficiency: Math.max(1, r.minProficiency - lowered) }));
      levels.push([{ requirements: own, teams: policy.teams }, ...widened]);
    }
    compiled.set(policy.id, { policy, levels, thresholds: steps.map((s) => s.afterSeconds) });
  }
  return compiled;
}

function meets(agent: AgentProfile, criteria: Criteria): boolean {
  if (criteria.teams && criteria.teams.length > 0 && !criteria.teams.some((t) => agent.teams.includes(t))) {
    return false;
  }
  return criteria.requirements.every((r) => (agent.skills[r.skill] ?? 0) >= r.minProficiency);
}

/** The lowest relaxation level at which the agent is eligible for the queue, or null if never. */
export function minLevel(queue: CompiledQueue, agent: AgentProfile): number | null {
  for (let l = 0; l < queue.levels.length; l++) {
    if (queue.levels[l]!.some((c) => meets(agent, c))) return l;
  }
  return null;
}

/** When an interaction that arrived at `arrivedAt` reaches relaxation level `level + 1`. */
export function stepDueAt(queue: CompiledQueue, arrivedAt: number, level: number): number {
  return arrivedAt + queue.thresholds[level]! * 1000;
}

/**
 * The relaxation level reached at `now` by an interaction that arrived at `arrivedAt`. Compares with
 * exactly the sum the relaxation timer is due at: with fractional times, `now - arrivedAt` can fall a
 * hair short of a threshold that `arrivedAt + threshold` has reached, and the level would never move.
 */
export function levelAt(queue: CompiledQueue, arrivedAt: number, now: number): number {
  let level = 0;
  while (level < queue.thresholds.length && stepDueAt(queue, arrivedAt, level) <= now) level++;
  return level;
}

/** The agent's proficiency for the queue: the sum over the queue's required skills. */
export function proficiency(queue: CompiledQueue, agent: AgentProfile): number {
  let sum = 0;
  for (const r of queue.policy.requirements) sum += agent.skills[r.skill] ?? 0;
  return sum;
}

/**
 * The part of an interaction's score that does not change with time. Its score at `now` is
 * `rank + agingWeightPerSecond * now / 1000`; since every interaction of a queue ages at the same
 * rate, ordering a queue by rank is ordering it by score at any time, so heaps never re-key.
 */
export function rank(policy: QueuePolicy, request: InteractionRequest, arrivedAt: number): number {
  const boost = request.valueTier === undefined ? 0 : (policy.valueTierBoost[request.valueTier] ?? 0);
  return policy.priorityWeight * request.priority + boost - (policy.agingWeightPerSecond * arrivedAt) / 1000;
}

/** The score at `now` of an interaction of rank `r` in a queue with this policy. */
export function scoreAt(policy: QueuePolicy, r: number, now: number): number {
  return r + (policy.agingWeightPerSecond * now) / 1000;
}
