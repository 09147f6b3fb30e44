/**
 * The routing rules written the slow, obvious way, over plain snapshot data: who may take what, and
 * whether the engine's state breaks an invariant. The property tests hold the engine's indexes to it,
 * and the benchmark's naive baseline routes with it. Never used by the engine.
 */
import type {
  AgentProfile,
  AgentSnapshot,
  EngineConfig,
  EngineSnapshot,
  InteractionSnapshot,
  QueuePolicy,
  SkillRequirement,
} from './types.ts';

function meetsAll(
  agent: AgentProfile,
  requirements: SkillRequirement[],
  teams: string[] | undefined,
): boolean {
  if (teams && teams.length > 0 && !agent.teams.some((t) => teams.includes(t))) return false;
  for (const r of requirements) if ((agent.skills[r.skill] ?? 0) < r.minProficiency) return false;
  return true;
}

/** Seconds-of-age thresholds of a queue's relaxation steps, in order. */
function steps(queue: QueuePolicy) {
  return [...queue.relaxation].sort((a, b) => a.afterSeconds - b.afterSeconds);
}

/** Relaxation level reached at `now`: the number of steps whose time has come. */
export function oracleLevel(queue: QueuePolicy, arrivedAt: number, now: number): number {
  return steps(queue).filter((s) => arrivedAt + s.afterSeconds * 1000 <= now).length;
}

/** Whether the agent meets the queue's requirements as relaxed at `level`. */
export function oracleSkillEligible(
  config: EngineConfig,
  queue: QueuePolicy,
  agent: AgentProfile,
  level: number,
): boolean {
  const applied = steps(queue).slice(0, level);
  const lowered = applied.reduce((sum, s) => sum + (s.lowerProficiencyBy ?? 0), 0);
  const dropped = new Set(applied.flatMap((s) => s.dropSkills ?? []));
  const own = queue.requirements
    .filter((r) => !dropped.has(r.skill))
    .map((r) => ({ skill: r.skill, minProficiency: Math.max(1, r.minProficiency - lowered) }));
  if (meetsAll(agent, own, queue.teams)) return true;
  return applied
    .flatMap((s) => s.widenToQueues ?? [])
    .some((id) => {
      const other = config.queues.find((q) => q.id === id)!;
      return meetsAll(agent, other.requirements, other.teams);
    });
}

/** Capacity units and per-channel counts an agent holds in a snapshot. */
export function oracleLoad(
  config: EngineConfig,
  snapshot: EngineSnapshot,
  agentId: string,
): { used: number; perChannel: Record<string, number> } {
  let used = 0;
  const perChannel: Record<string, number> = {};
  for (const i of snapshot.interactions) {
    const holds = i.offer ? i.offer.agentIds.includes(agentId) : i.agentId === agentId;
    if (!holds) continue;
    used += config.channels[i.request.channel]?.cost ?? 0;
    perChannel[i.request.channel] = (perChannel[i.request.channel] ?? 0) + 1;
  }
  return { used, perChannel };
}

/** Whether a ready agent could be offered this waiting interaction right now. */
export function oracleCanTake(
  config: EngineConfig,
  snapshot: EngineSnapshot,
  agent: AgentSnapshot,
  i: InteractionSnapshot,
): boolean {
  const p = agent.profile;
  if (agent.presence !== 'available' || i.phase !== 'queued') return false;
  if (i.excludedAgentIds.includes(p.id)) return false;
  const channel = i.request.channel;
  const cost = config.channels[channel]?.cost;
  const { used, perChannel } = oracleLoad(config, snapshot, p.id);
  if (
    cost === undefined ||
    used + cost > p.capacity ||
    (perChannel[channel] ?? 0) >= (p.channels[channel] ?? 0)
  ) {
    return false;
  }
  if (i.preferUntil !== null) return i.preferredAgentIds.includes(p.id);
  const queue = config.queues.find((q) => q.id === i.queueId)!;
  if (
    queue.language === 'require' &&
    i.request.language !== undefined &&
    !p.languages.includes(i.request.language)
  ) {
    return false;
  }
  return oracleSkillEligible(config, queue, p, oracleLevel(queue, i.arrivedAt, snapshot.now));
}

/**
 * Every broken invariant of a snapshot, as readable lines (empty when all hold): an interaction held by
 * one agent at most, capacity and caps respected, relaxation levels and reservations current, and no
 * ready agent left idle beside a waiting interaction it could take.
 */
export function invariantViolations(config: EngineConfig, snapshot: EngineSnapshot): string[] {
  const problems: string[] = [];
  for (const i of snapshot.interactions) {
    const id = i.request.id;
    const held = i.phase === 'active' || i.phase === 'wrap_up';
    if (held !== (i.agentId !== null)) problems.push(`${id} is ${i.phase} with agent ${i.agentId}`);
    if ((i.phase === 'offered') !== (i.offer !== null && i.offer.agentIds.length > 0)) {
      problems.push(`${id} is ${i.phase} with offer ${JSON.stringify(i.offer)}`);
    }
    if (i.offer && new Set(i.offer.agentIds).size !== i.offer.agentIds.length)
      problems.push(`${id} offered twice`);
    if (i.offer?.agentIds.some((a) => i.excludedAgentIds.includes(a)))
      problems.push(`${id} offered to excluded`);
    if (i.phase !== 'queued') continue;
    const queue = config.queues.find((q) => q.id === i.queueId)!;
    const level = oracleLevel(queue, i.arrivedAt, snapshot.now);
    if (i.level !== level) problems.push(`${id} waits at level ${i.level}, should be ${level}`);
    if (i.preferUntil !== null && i.preferUntil <= snapshot.now) problems.push(`${id} reservation outlived`);
  }
  for (const agent of snapshot.agents) {
    const p = agent.profile;
    const { used, perChannel } = oracleLoad(config, snapshot, p.id);
    if (used > p.capacity) problems.push(`${p.id} holds ${used} units of ${p.capacity}`);
    for (const [channel, n] of Object.entries(perChannel)) {
      if (n > (p.channels[channel] ?? 0)) problems.push(`${p.id} holds ${n} ${channel} over its cap`);
    }
    for (const i of snapshot.interactions) {
      if (oracleCanTake(config, snapshot, agent, i))
        problems.push(`${p.id} idle while it could take ${i.request.id}`);
    }
  }
  return problems;
}
