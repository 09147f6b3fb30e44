/** HTTP: the wallboard, its thresholds, and what supervisors do to live work. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import { InteractionSchema } from '../interactions/index.ts';
import type { SupervisorService } from './supervisor-service.ts';
import type { WallboardService } from './wallboard-service.ts';

const Level = Type.Union([Type.Literal('ok'), Type.Literal('amber'), Type.Literal('red')]);
const Metric = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('longestWaitSeconds'),
  Type.Literal('serviceLevel'),
  Type.Literal('asaSeconds'),
  Type.Literal('abandonRate'),
]);
const ThresholdSchema = Obj({ metric: Metric, amber: Type.Number(), red: Type.Number() });
const QueueKey = Obj({ queueId: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,79}$' }) });
const Ratio = Nullable(Type.Number());
const AgentStatus = Type.Union([
  Type.Literal('offline'),
  Type.Literal('available'),
  Type.Literal('busy'),
  Type.Literal('wrap_up'),
  Type.Literal('not_ready'),
]);

const WallboardSchema = Obj({
  at: Type.String(),
  queues: Type.Array(
    Obj({
      queueId: Type.String(),
      name: Type.String(),
      waiting: Type.Integer(),
      ringing: Type.Integer(),
      longestWaitSeconds: Type.Integer(),
      offered: Type.Integer(),
      answered: Type.Integer(),
      abandoned: Type.Integer(),
      serviceLevel: Ratio,
      asaSeconds: Ratio,
      abandonRate: Ratio,
      levels: Obj({
        waiting: Level,
        longestWaitSeconds: Level,
        serviceLevel: Level,
        asaSeconds: Level,
        abandonRate: Level,
      }),
      thresholds: Type.Array(ThresholdSchema),
    }),
  ),
  agents: Type.Array(
    Obj({
      agentId: Uuid,
      status: AgentStatus,
      reason: Nullable(Type.String()),
      since: Type.String(),
      sinceSeconds: Type.Integer(),
      interactions: Type.Array(
        Obj({ id: Uuid, channel: Type.String(), state: Type.String(), queueId: Nullable(Type.String()) }),
      ),
    }),
  ),
  agentCounts: Obj({
    available: Type.Integer(),
    busy: Type.Integer(),
    wrapUp: Type.Integer(),
    notReady: Type.Integer(),
  }),
});

const MessageSchema = Obj({
  id: Uuid,
  direction: Type.String(),
  authorId: Nullable(Uuid),
  body: Type.String(),
  createdAt: Type.String(),
});

export function supervisorRoutes(deps: {
  wallboard: WallboardService;
  supervisor: SupervisorService;
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['supervisor'];
    app.get(
      '/analytics/wallboard',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'Live queues, today’s figures and agents, with threshold levels',
          response: { 200: WallboardSchema },
        },
      },
      async (request) => deps.wallboard.snapshot(request.principal!.workspaceId),
    );

    app.put(
      '/analytics/thresholds/:queueId',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'Replace a queue’s wallboard thresholds (service level and abandonment as fractions 0–1)',
          params: QueueKey,
          body: Obj({ thresholds: Type.Array(ThresholdSchema, { maxItems: 5 }) }),
          response: { 200: Obj({ queueId: Type.String(), thresholds: Type.Array(ThresholdSchema) }) },
        },
      },
      async (request) =>
        deps.wallboard.saveThresholds(
          request.principal!.workspaceId,
          request.params.queueId,
          request.body.thresholds,
        ),
    );

    app.put(
      '/analytics/agents/:id/state',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'Set an agent available, not ready (with a reason) or offline',
          params: IdParams,
          body: Obj({
            state: Type.Union([
              Type.Literal('available'),
              Type.Literal('not_ready'),
              Type.Literal('offline'),
            ]),
            reason: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
          }),
          response: { 200: Obj({ agentId: Uuid, status: AgentStatus }) },
        },
      },
      async (request) =>
        deps.supervisor.setAgentState(
          request.principal!.workspaceId,
          request.params.id,
          request.body.state,
          request.body.reason,
        ),
    );

    app.post(
      '/analytics/interactions/:id/move',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'Move a waiting interaction to another queue, or reserve it for an agent',
          params: IdParams,
          body: Type.Union([
            Obj({ queueId: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,79}$' }) }),
            Obj({ agentId: Uuid }),
          ]),
          response: { 200: InteractionSchema },
        },
      },
      async (request) =>
        deps.supervisor.move(
          request.principal!.workspaceId,
          request.principal!.userId,
          request.params.id,
          request.body,
        ),
    );

    app.get(
      '/analytics/interactions/:id/watch',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary:
            'Silent watch: the interaction and its messages (then follow topic interaction:<id> on the hub)',
          params: IdParams,
          response: { 200: Obj({ interaction: InteractionSchema, messages: Type.Array(MessageSchema) }) },
        },
      },
      async (request) => deps.supervisor.watch(request.principal!.workspaceId, request.params.id),
    );

    app.post(
      '/analytics/interactions/:id/whisper',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'A private note to the agent on the interaction, never shown to the customer',
          params: IdParams,
          body: Obj({ body: Type.String({ minLength: 1, maxLength: 4000 }) }),
          response: { 201: Obj({ id: Uuid, body: Type.String(), authorId: Uuid, createdAt: Type.String() }) },
        },
      },
      async (request, reply) => {
        const note = await deps.supervisor.whisper(
          request.principal!.workspaceId,
          request.principal!.userId,
          request.params.id,
          request.body.body,
        );
        return reply.code(201).send(note);
      },
    );
  };
}
