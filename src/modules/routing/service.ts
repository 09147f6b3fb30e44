/** Routing use cases: agents' states, taking new interactions, offers, transfers and wrap-up. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { User } from '../identity/index.ts';
import type {
  Interaction,
  InteractionService,
  NewInteraction,
  TransitionRequest,
} from '../interactions/index.ts';
import { type AgentRouting, DEFAULT_CAPS, type RoutingConfigService } from './config-service.ts';
import type { AgentStatus, InteractionRequest } from './core/index.ts';
import type { EngineHost } from './engine-host.ts';
import { ACCEPT_REJECTIONS, refuse } from './refusals.ts';
import { routingAgents } from './schema.ts';

/** What routing reads about a customer: value tier, language and account owner. */
export interface CustomerLookup {
  summary(
    workspaceId: string,
    customerId: string,
  ): Promise<{ tier: string; language: string | null; ownerId: string | null }>;
}

export function createRoutingService(deps: {
  db: Db;
  host: EngineHost;
  config: RoutingConfigService;
  interactions: InteractionService;
  users: { get(workspaceId: string, id: string): Promise<User> };
  customers?: CustomerLookup;
}) {
  const { host, config, interactions } = deps;

  /** What the core needs to know of an arrival: its own fields, the customer's value, language and agents. */
  async function arrivalOf(workspaceId: string, interaction: Interaction): Promise<InteractionRequest> {
    const customer = interaction.customerId
      ? await deps.customers?.summary(workspaceId, interaction.customerId).catch(() => null)
      : null;
    const lastAgentId = interaction.customerId
      ? await interactions.lastAgentFor(workspaceId, interaction.customerId)
      : null;
    const valueTier = interaction.valueTier ?? customer?.tier ?? null;
    const language = interaction.language ?? customer?.language ?? null;
    return {
      id: interaction.id,
      queueId: interaction.queueId ?? '',
      channel: interaction.channel,
      priority: interaction.priority,
      ...(valueTier ? { valueTier } : {}),
      ...(language ? { language } : {}),
      ...(lastAgentId ? { lastAgentId } : {}),
      ...(customer?.ownerId ? { accountOwnerId: customer.ownerId } : {}),
    };
  }

  /** Routes an interaction that is already stored (e.g. a call-back that fell due). */
  async function enqueue(workspaceId: string, interaction: Interaction): Promise<void> {
    const request = await arrivalOf(workspaceId, interaction);
    refuse(
      await host.handle(workspaceId, (at) => ({ type: 'interactionArrived', at, interaction: request })),
    );
  }

  /**
   * A scheduled interaction whose time came (a call-back's window opened) enters routing like any arrival;
   * it becomes `queued` in the same transaction, its `scheduledFor` spent. The core refuses an arrival it
   * already holds, so a second sweep (another process) changes nothing. One the core cannot route (its
   * queue is gone) stays scheduled without a time, for agents to work from their lists. Answers the
   * refusal's code, or null when it entered routing.
   */
  async function routeDue(workspaceId: string, interaction: Interaction): Promise<string | null> {
    const request = await arrivalOf(workspaceId, interaction);
    const decisions = await host.handle(
      workspaceId,
      (at) => ({ type: 'interactionArrived', at, interaction: request }),
      (out): TransitionRequest[] => {
        const refused = out.find((d) => d.type === 'eventRejected');
        if (!refused) return [{ id: interaction.id, to: 'queued', changes: { scheduledFor: null } }];
        if (refused.code === 'routing.duplicate_interaction') return [];
        return [
          {
            id: interaction.id,
            changes: { scheduledFor: null },
            eventType: 'interaction.unroutable',
            payload: { reason: refused.code },
          },
        ];
      },
    );
    const refused = decisions.find((d) => d.type === 'eventRejected');
    return refused?.type === 'eventRejected' ? refused.code : null;
  }

  /**
   * Creates an interaction and, when it is queued, routes it in the routing group's transaction: one
   * multi-row insert for all the arrivals of the group, no read-back. A repeated idempotency key answers
   * the first interaction; an arrival the core refuses (unknown queue or channel) is not stored.
   */
  async function create(workspaceId: string, input: NewInteraction, actorId: string | null) {
    if (input.idempotencyKey) {
      const existing = await interactions.findByIdempotencyKey(workspaceId, input.idempotencyKey);
      if (existing) return { interaction: existing, created: false };
    }
    const prepared = interactions.prepare(workspaceId, input, actorId);
    if (prepared.interaction.state !== 'queued') return interactions.create(workspaceId, input, actorId);
    const request = await arrivalOf(workspaceId, prepared.interaction);
    try {
      const handled = await host.submit(
        workspaceId,
        (at) => ({ type: 'interactionArrived', at, interaction: request }),
        { creates: prepared },
      );
      refuse(handled.decisions);
      return { interaction: handled.interactions.get(request.id) ?? prepared.interaction, created: true };
    } catch (error) {
      const first = await interactions.afterDuplicateKey(workspaceId, input, error);
      if (first) return { interaction: first, created: false };
      throw error;
    }
  }

  /** The agent's routing profile, created with defaults the first time they log in to routing. */
  async function profileOf(workspaceId: string, userId: string) {
    const existing = await config.agentProfile(workspaceId, userId);
    if (existing) return existing;
    const user = await deps.users.get(workspaceId, userId);
    const profile: AgentRouting = {
      skills: {},
      languages: [user.language],
      channels: { ...DEFAULT_CAPS },
      capacity: 100,
      teams: [],
    };
    return config.saveAgentProfile(workspaceId, userId, profile);
  }

  /** Saves an agent's routing profile; a logged-in agent is routed by the new one at once. */
  async function saveProfile(workspaceId: string, userId: string, profile: AgentRouting) {
    await deps.users.get(workspaceId, userId);
    const saved = await config.saveAgentProfile(workspaceId, userId, profile);
    if ((await statusOf(workspaceId, userId)) !== 'offline') {
      refuse(await host.handle(workspaceId, (at) => ({ type: 'agentProfileChanged', at, agent: saved })));
    }
    return saved;
  }

  async function statusOf(workspaceId: string, userId: string): Promise<AgentStatus> {
    return host.read(workspaceId, (engine) => engine.agentStatus(userId));
  }

  /** Sets an agent available, not ready (with a reason) or offline. */
  async function setState(
    workspaceId: string,
    userId: string,
    state: 'available' | 'not_ready' | 'offline',
    reason?: string,
  ) {
    if (state === 'not_ready') {
      const reasons = (await config.settings(workspaceId)).notReadyReasons;
      if (!reason || !reasons.includes(reason)) {
        throw new AppError('routing.unknown_reason', 400, `Say why: one of ${reasons.join(', ')}`, [
          { path: '/reason', message: 'unknown reason' },
        ]);
      }
    }
    const current = await statusOf(workspaceId, userId);
    if (state === 'offline') {
      if (current !== 'offline')
        refuse(await host.handle(workspaceId, (at) => ({ type: 'agentLoggedOut', at, agentId: userId })));
      return statusOf(workspaceId, userId);
    }
    if (current === 'offline') {
      const agent = await profileOf(workspaceId, userId);
      refuse(
        await host.handle(workspaceId, (at) => ({
          type: 'agentLoggedIn',
          at,
          agent,
          ready: state === 'available',
        })),
      );
    }
    if (state === 'available' && current !== 'offline') {
      refuse(await host.handle(workspaceId, (at) => ({ type: 'agentReady', at, agentId: userId })));
    }
    if (state === 'not_ready') {
      refuse(
        await host.handle(workspaceId, (at) => ({
          type: 'agentNotReady',
          at,
          agentId: userId,
          reason: reason!,
        })),
      );
    }
    return statusOf(workspaceId, userId);
  }

  async function accept(workspaceId: string, interactionId: string, agentId: string): Promise<Interaction> {
    await interactions.get(workspaceId, interactionId);
    const decisions = await host.handle(workspaceId, (at) => ({
      type: 'offerAccepted',
      at,
      interactionId,
      agentId,
    }));
    refuse(decisions);
    const rejected = decisions.find((d) => d.type === 'acceptRejected' && d.interactionId === interactionId);
    if (rejected?.type === 'acceptRejected') {
      const [code, message] = ACCEPT_REJECTIONS[rejected.reason];
      throw new AppError(code, 409, message);
    }
    return interactions.get(workspaceId, interactionId);
  }

  async function decline(workspaceId: string, interactionId: string, agentId: string): Promise<void> {
    await interactions.get(workspaceId, interactionId);
    refuse(await host.handle(workspaceId, (at) => ({ type: 'offerDeclined', at, interactionId, agentId })));
  }

  async function ownActive(
    workspaceId: string,
    interactionId: string,
    agentId: string,
    state: Interaction['state'],
  ) {
    const interaction = await interactions.get(workspaceId, interactionId);
    if (interaction.agentId !== agentId)
      throw errors.forbidden('This interaction is assigned to someone else');
    if (interaction.state !== state)
      throw new AppError('interactions.invalid_transition', 409, `The interaction is ${interaction.state}`);
    return interaction;
  }

  /** The agent finished the contact: after-contact work (wrap-up) starts. */
  async function end(workspaceId: string, interactionId: string, agentId: string): Promise<Interaction> {
    await ownActive(workspaceId, interactionId, agentId, 'active');
    const decisions = await host.handle(
      workspaceId,
      (at) => ({ type: 'interactionEnded', at, interactionId }),
      () => [{ id: interactionId, to: 'wrap_up', actorId: agentId }],
    );
    refuse(decisions);
    return interactions.get(workspaceId, interactionId);
  }

  /** Closes the wrap-up with a disposition and notes; the agent's capacity is freed. */
  async function wrapUp(
    workspaceId: string,
    interactionId: string,
    agentId: string,
    disposition: string,
    notes: string | null,
  ) {
    const codes = (await config.settings(workspaceId)).dispositionCodes;
    if (codes.length > 0 && !codes.includes(disposition)) {
      throw new AppError(
        'routing.unknown_disposition',
        400,
        `Pick a disposition: one of ${codes.join(', ')}`,
        [{ path: '/disposition', message: 'unknown disposition code' }],
      );
    }
    await ownActive(workspaceId, interactionId, agentId, 'wrap_up');
    await host.handle(
      workspaceId,
      (at) => ({ type: 'wrapUpDone', at, interactionId }),
      () => [{ id: interactionId, to: 'closed', changes: { disposition, notes }, actorId: agentId }],
    );
    // The core may have released the interaction already (no wrap-up time): a refusal here changes nothing.
    return interactions.get(workspaceId, interactionId);
  }

  async function transfer(
    workspaceId: string,
    interactionId: string,
    actorId: string,
    to: { queueId?: string; agentId?: string },
  ) {
    await interactions.get(workspaceId, interactionId);
    if (to.queueId) await config.checkQueue(workspaceId, to.queueId);
    const decisions = await host.handle(
      workspaceId,
      (at) => ({
        type: 'interactionTransferred',
        at,
        interactionId,
        ...(to.queueId ? { toQueueId: to.queueId } : {}),
        ...(to.agentId ? { toAgentId: to.agentId } : {}),
      }),
      (out) =>
        out.some((d) => d.type === 'eventRejected')
          ? []
          : [
              {
                id: interactionId,
                to: 'transferred',
                changes: { agentId: null, ...(to.queueId ? { queueId: to.queueId } : {}) },
                actorId,
              },
            ],
    );
    refuse(decisions);
    return interactions.get(workspaceId, interactionId);
  }

  /**
   * The agent waits on the customer: routing forgets the interaction and frees the agent; the state
   * becomes `waiting_on_customer` in the same transaction. One routing never held (created active by a
   * channel) is parked all the same.
   */
  async function park(workspaceId: string, interactionId: string, actorId: string | null) {
    const interaction = await interactions.get(workspaceId, interactionId);
    if (interaction.state !== 'active')
      throw new AppError('interactions.invalid_transition', 409, `The interaction is ${interaction.state}`);
    const decisions = await host.handle(
      workspaceId,
      (at) => ({ type: 'interactionParked', at, interactionId }),
      (out) =>
        out.some((d) => d.type === 'eventRejected' && d.code !== 'routing.unknown_interaction')
          ? []
          : [{ id: interactionId, to: 'waiting_on_customer', actorId }],
    );
    refuse(decisions.filter((d) => d.type !== 'eventRejected' || d.code !== 'routing.unknown_interaction'));
    return interactions.get(workspaceId, interactionId);
  }

  /** The customer left before being served (a channel adapter reports it). Answers without a read-back. */
  async function abandon(workspaceId: string, interactionId: string): Promise<Interaction> {
    const handled = await host.submit(
      workspaceId,
      (at) => ({ type: 'interactionAbandoned', at, interactionId }),
      {
        alongside: (out) =>
          out.some((d) => d.type === 'eventRejected') ? [] : [{ id: interactionId, to: 'abandoned' }],
      },
    );
    const rejected = handled.decisions.find((d) => d.type === 'eventRejected');
    // Not in routing: another workspace's interaction (404) or one that is no longer waiting (409).
    if (rejected?.type === 'eventRejected' && rejected.code === 'routing.unknown_interaction') {
      await interactions.get(workspaceId, interactionId);
    }
    refuse(handled.decisions);
    return handled.interactions.get(interactionId) ?? interactions.get(workspaceId, interactionId);
  }

  /** The agent's desk connected or went away: the core starts or stops the grace period. */
  async function presence(workspaceId: string, userId: string, connected: boolean): Promise<void> {
    if ((await statusOf(workspaceId, userId)) === 'offline') return;
    await host.handle(workspaceId, (at) => ({ type: 'agentConnection', at, agentId: userId, connected }));
  }

  async function agents(workspaceId: string) {
    const rows = await deps.db
      .select({
        userId: routingAgents.userId,
        status: routingAgents.status,
        reason: routingAgents.statusReason,
        since: routingAgents.statusSince,
      })
      .from(routingAgents)
      .where(and(eq(routingAgents.workspaceId, workspaceId)));
    return rows.map((r) => ({ ...r, since: r.since.toISOString() }));
  }

  /** Agents logged in to routing as the live engine sees them: their shown status and not-ready reason. */
  async function liveAgents(workspaceId: string) {
    return host.read(workspaceId, (engine) =>
      engine.snapshot().agents.map((a) => ({
        userId: a.profile.id,
        status: engine.agentStatus(a.profile.id),
        reason: a.notReadyReason,
      })),
    );
  }

  /** How many agents are logged in and ready (available or busy), whatever their load: "is anyone there?". */
  async function readyAgents(workspaceId: string): Promise<number> {
    return host.read(
      workspaceId,
      (engine) => engine.snapshot().agents.filter((a) => a.presence === 'available').length,
    );
  }

  async function queueStats(workspaceId: string) {
    const queues = await config.listQueues(workspaceId);
    return host.read(workspaceId, (engine) =>
      queues.map((q) => {
        const s = engine.queueStats(q.key);
        return {
          queueId: q.key,
          name: q.name,
          waiting: s?.waiting ?? 0,
          offered: s?.offered ?? 0,
          oldestArrivedAt: s?.oldestArrivedAt ? new Date(s.oldestArrivedAt).toISOString() : null,
          open: s?.open ?? true,
        };
      }),
    );
  }

  return {
    enqueue,
    park,
    routeDue,
    create,
    saveProfile,
    setState,
    statusOf,
    accept,
    decline,
    end,
    wrapUp,
    transfer,
    abandon,
    presence,
    agents,
    liveAgents,
    readyAgents,
    queueStats,
  };
}

export type RoutingService = ReturnType<typeof createRoutingService>;
