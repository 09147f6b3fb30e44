/**
 * A naive router: the same queue rules as the engine, but every decision scans all waiting interactions
 * or all agents. It is the benchmark's in-run peer, the cost the engine's heaps and pools avoid. It
 * handles only what the benchmark sends (login, arrival, accept, end, abandon, tick), relaxes only when
 * it happens to look, and has no timers; do not route with it.
 */
import { type CompiledQueue, compileQueues, levelAt, minLevel, proficiency, scoreAt } from './policy.ts';
import type {
  AgentProfile,
  EngineConfig,
  InteractionRequest,
  RoutingDecision,
  RoutingEvent,
} from './types.ts';

interface NaiveAgent {
  profile: AgentProfile;
  used: number;
  perChannel: Record<string, number>;
  idleSince: number;
  /** Lowest eligible level per queue id (cached at login: both routers compile rules once). */
  levels: Map<string, number>;
  proficiency: Map<string, number>;
}

interface NaiveWaiting {
  request: InteractionRequest;
  queue: CompiledQueue;
  arrivedAt: number;
  seq: number;
}

export interface NaiveRouter {
  handle(event: RoutingEvent): RoutingDecision[];
}

export function createNaiveRouter(config: EngineConfig): NaiveRouter {
  const queues = compileQueues(config);
  const agents: NaiveAgent[] = [];
  const byId = new Map<string, NaiveAgent>();
  let waiting: NaiveWaiting[] = [];
  const held = new Map<string, { item: NaiveWaiting; agent: NaiveAgent }>();
  let seq = 0;
  let now = 0;
  let out: RoutingDecision[] = [];

  const cost = (channel: string) => config.channels[channel]?.cost ?? Number.POSITIVE_INFINITY;
  const hasRoom = (a: NaiveAgent, channel: string) =>
    (a.perChannel[channel] ?? 0) < (a.profile.channels[channel] ?? 0) &&
    a.used + cost(channel) <= a.profile.capacity;
  const canTake = (a: NaiveAgent, w: NaiveWaiting) => {
    const level = a.levels.get(w.queue.policy.id);
    return (
      level !== undefined && level <= levelAt(w.queue, w.arrivedAt, now) && hasRoom(a, w.request.channel)
    );
  };
  const score = (w: NaiveWaiting) => scoreAt(w.queue.policy, rankOf(w), now);
  const rankOf = (w: NaiveWaiting) => {
    const p = w.queue.policy;
    const boost = w.request.valueTier === undefined ? 0 : (p.valueTierBoost[w.request.valueTier] ?? 0);
    return p.priorityWeight * w.request.priority + boost - (p.agingWeightPerSecond * w.arrivedAt) / 1000;
  };
  const agentKey = (a: NaiveAgent, w: NaiveWaiting): number[] => {
    const speaks =
      w.request.language !== undefined && a.profile.languages.includes(w.request.language) ? 0 : 1;
    const lang = w.queue.policy.language === 'prefer' ? speaks : 0;
    const sel = w.queue.policy.selection;
    const primary =
      sel === 'least_occupied'
        ? a.used / a.profile.capacity
        : sel === 'highest_proficiency'
          ? -(a.proficiency.get(w.queue.policy.id) ?? 0)
          : 0;
    return [lang, primary, a.idleSince];
  };
  const less = (x: number[], y: number[]) => {
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k]! < y[k]!;
    return false;
  };

  function offer(w: NaiveWaiting, a: NaiveAgent): void {
    a.used += cost(w.request.channel);
    a.perChannel[w.request.channel] = (a.perChannel[w.request.channel] ?? 0) + 1;
    held.set(w.request.id, { item: w, agent: a });
    const expiresAt = now + w.queue.policy.offer.timeoutSeconds * 1000;
    out.push({ type: 'offer', interactionId: w.request.id, agentIds: [a.profile.id], expiresAt });
  }

  /** Scans every agent for the best one that can take `w`. */
  function placeInteraction(w: NaiveWaiting): boolean {
    let best: NaiveAgent | null = null;
    let bestKey: number[] = [];
    for (const a of agents) {
      if (!canTake(a, w)) continue;
      const key = agentKey(a, w);
      if (!best || less(key, bestKey)) [best, bestKey] = [a, key];
    }
    if (best) offer(w, best);
    return best !== null;
  }

  /** Scans every waiting interaction for the best one `a` can take, while it has room. */
  function fillAgent(a: NaiveAgent): void {
    for (;;) {
      let best = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < waiting.length; k++) {
        const w = waiting[k]!;
        if (!canTake(a, w)) continue;
        const s = score(w);
        if (s > bestScore) [best, bestScore] = [k, s];
      }
      if (best < 0) return;
      const [w] = waiting.splice(best, 1);
      offer(w!, a);
    }
  }

  function release(id: string): void {
    const h = held.get(id);
    if (!h) return;
    held.delete(id);
    h.agent.used -= cost(h.item.request.channel);
    h.agent.perChannel[h.item.request.channel]! -= 1;
    h.agent.idleSince = now;
    fillAgent(h.agent);
  }

  return {
    handle(event) {
      out = [];
      now = Math.max(now, event.at);
      switch (event.type) {
        case 'agentLoggedIn': {
          const a: NaiveAgent = {
            profile: event.agent,
            used: 0,
            perChannel: {},
            idleSince: now,
            levels: new Map(),
            proficiency: new Map(),
          };
          for (const [id, q] of queues) {
            const level = minLevel(q, event.agent);
            if (level !== null) a.levels.set(id, level);
            a.proficiency.set(id, proficiency(q, event.agent));
          }
          agents.push(a);
          byId.set(a.profile.id, a);
          fillAgent(a);
          break;
        }
        case 'interactionArrived': {
          const w = {
            request: event.interaction,
            queue: queues.get(event.interaction.queueId)!,
            arrivedAt: now,
            seq: seq++,
          };
          if (!placeInteraction(w)) waiting.push(w);
          break;
        }
        case 'offerAccepted': {
          const h = held.get(event.interactionId);
          if (h) h.agent.idleSince = now;
          out.push({ type: 'assigned', interactionId: event.interactionId, agentId: event.agentId });
          break;
        }
        case 'interactionEnded':
        case 'interactionParked':
          release(event.interactionId);
          break;
        case 'interactionAbandoned':
          waiting = waiting.filter((w) => w.request.id !== event.interactionId);
          release(event.interactionId);
          break;
        default:
          break;
      }
      return out;
    },
  };
}
