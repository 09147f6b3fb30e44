import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import { InteractionSchema } from '../interactions/index.ts';
import type { RoutingConfigService } from './config-service.ts';
import type { RoutingService } from './service.ts';

const Key = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,79}$' });
const Seconds = Type.Number({ minimum: 0, maximum: 7 * 86_400 });
const Requirement = Obj({
  skill: Type.String({ minLength: 1, maxLength: 80 }),
  minProficiency: Type.Integer({ minimum: 1, maximum: 5 }),
});
const Action = Type.Union([
  Obj({ kind: Type.Literal('keep') }),
  Obj({ kind: Type.Literal('queue'), queueId: Key }),
  Obj({ kind: Type.Literal('message') }),
]);
const Policy = Obj({
  requirements: Type.Optional(Type.Array(Requirement, { maxItems: 20 })),
  teams: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 50 })),
  language: Type.Optional(
    Type.Union([Type.Literal('ignore'), Type.Literal('prefer'), Type.Literal('require')]),
  ),
  priorityWeight: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000 })),
  agingWeightPerSecond: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
  valueTierBoost: Type.Optional(
    Type.Record(Type.String({ maxLength: 40 }), Type.Number({ minimum: -100_000, maximum: 100_000 })),
  ),
  selection: Type.Optional(
    Type.Union([
      Type.Literal('longest_idle'),
      Type.Literal('least_occupied'),
      Type.Literal('highest_proficiency'),
    ]),
  ),
  relaxation: Type.Optional(
    Type.Array(
      Obj({
        afterSeconds: Seconds,
        lowerProficiencyBy: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
        dropSkills: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 20 })),
        widenToQueues: Type.Optional(Type.Array(Key, { maxItems: 20 })),
      }),
      { maxItems: 10 },
    ),
  ),
  sticky: Type.Optional(Obj({ seconds: Seconds, lastAgent: Type.Boolean(), accountOwner: Type.Boolean() })),
  offer: Type.Optional(
    Obj({
      timeoutSeconds: Type.Number({ minimum: 1, maximum: 3600 }),
      agents: Type.Integer({ minimum: 1, maximum: 50 }),
    }),
  ),
  wrapUpSeconds: Type.Optional(Seconds),
  overflow: Type.Optional(Obj({ afterSeconds: Seconds, action: Action })),
  afterHours: Type.Optional(Action),
  transferToAgentSeconds: Type.Optional(Seconds),
});
const Targets = Type.Record(
  Type.String({ maxLength: 40 }),
  Obj({ percent: Type.Number({ minimum: 0, maximum: 100 }), seconds: Seconds }),
);
const QueueSchema = Obj({
  key: Type.String(),
  name: Type.String(),
  targets: Targets,
  policy: Type.Record(Type.String(), Type.Unknown()),
});
const AgentState = Type.Union([
  Type.Literal('offline'),
  Type.Literal('available'),
  Type.Literal('busy'),
  Type.Literal('wrap_up'),
  Type.Literal('not_ready'),
]);
const Profile = Obj({
  skills: Type.Record(Type.String({ minLength: 1, maxLength: 80 }), Type.Integer({ minimum: 1, maximum: 5 })),
  languages: Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { maxItems: 20 }),
  channels: Type.Record(Type.String({ maxLength: 40 }), Type.Integer({ minimum: 1, maximum: 50 })),
  capacity: Type.Integer({ minimum: 1, maximum: 10_000 }),
  teams: Type.Array(Type.String({ maxLength: 80 }), { maxItems: 50 }),
});

export function routingRoutes(deps: {
  routing: RoutingService;
  config: RoutingConfigService;
  reload(ws: string): Promise<void>;
  checkUser(ws: string, id: string): Promise<unknown>;
}): FastifyPluginAsyncTypebox {
  const { routing, config } = deps;
  return async (app) => {
    const tags = ['routing'];
    app.get(
      '/routing/queues',
      {
        config: { access: 'interactions.read' },
        schema: { tags, response: { 200: Obj({ items: Type.Array(QueueSchema) }) } },
      },
      async (request) => ({ items: await config.listQueues(request.principal!.workspaceId) }),
    );
    app.put(
      '/routing/queues/:key',
      {
        config: { access: 'routing.manage' },
        schema: {
          tags,
          summary:
            'Create or replace a queue of the caller’s workspace; its policy is data (unset fields take defaults)',
          params: Obj({ key: Key }),
          body: Obj({
            name: Type.String({ minLength: 1, maxLength: 120 }),
            targets: Targets,
            policy: Policy,
          }),
          response: { 200: QueueSchema },
        },
      },
      async (request) => {
        const ws = request.principal!.workspaceId;
        const saved = await config.saveQueue(ws, { key: request.params.key, ...request.body });
        await deps.reload(ws);
        return saved;
      },
    );
    app.put(
      '/routing/agents/:id/profile',
      {
        config: { access: 'routing.manage' },
        schema: {
          tags,
          summary: 'An agent’s skills (1–5), languages, channels with caps, capacity and teams',
          params: IdParams,
          body: Profile,
          response: { 200: Profile },
        },
      },
      async (request) => {
        const ws = request.principal!.workspaceId;
        await deps.checkUser(ws, request.params.id);
        const { id: _id, ...profile } = await config.saveAgentProfile(ws, request.params.id, request.body);
        return profile;
      },
    );
    app.get(
      '/routing/me',
      {
        config: { access: 'desk.use' },
        schema: {
          tags,
          summary: 'The caller’s routing state',
          response: { 200: Obj({ status: AgentState }) },
        },
      },
      async (request) => ({
        status: await routing.statusOf(request.principal!.workspaceId, request.principal!.userId),
      }),
    );
    app.put(
      '/routing/me/state',
      {
        config: { access: 'desk.use' },
        schema: {
          tags,
          summary: 'Become available, not ready (with a reason) or offline',
          body: Obj({
            state: Type.Union([
              Type.Literal('available'),
              Type.Literal('not_ready'),
              Type.Literal('offline'),
            ]),
            reason: Type.Optional(Type.String({ maxLength: 40 })),
          }),
          response: { 200: Obj({ status: AgentState }) },
        },
      },
      async (request) => {
        const p = request.principal!;
        return {
          status: await routing.setState(p.workspaceId, p.userId, request.body.state, request.body.reason),
        };
      },
    );
    app.get(
      '/routing/stats',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'Waiting and offered work per queue, and every agent’s state',
          response: {
            200: Obj({
              queues: Type.Array(
                Obj({
                  queueId: Type.String(),
                  name: Type.String(),
                  waiting: Type.Integer(),
                  offered: Type.Integer(),
                  oldestArrivedAt: Nullable(Type.String()),
                }),
              ),
              agents: Type.Array(
                Obj({
                  userId: Uuid,
                  status: AgentState,
                  reason: Nullable(Type.String()),
                  since: Type.String(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const ws = request.principal!.workspaceId;
        return { queues: await routing.queueStats(ws), agents: await routing.agents(ws) };
      },
    );

    const act = { tags: ['interactions'], params: IdParams, response: { 200: InteractionSchema } };
    app.post(
      '/interactions/:id/accept',
      {
        config: { access: 'desk.use' },
        schema: { ...act, summary: 'Accept an offer (409 when expired or taken)' },
      },
      async (request) =>
        routing.accept(request.principal!.workspaceId, request.params.id, request.principal!.userId),
    );
    app.post(
      '/interactions/:id/decline',
      {
        config: { access: 'desk.use' },
        schema: {
          tags: ['interactions'],
          params: IdParams,
          summary: 'Decline an offer; it is never offered to you again',
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await routing.decline(request.principal!.workspaceId, request.params.id, request.principal!.userId);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/interactions/:id/end',
      { config: { access: 'desk.use' }, schema: { ...act, summary: 'End the contact; wrap-up starts' } },
      async (request) =>
        routing.end(request.principal!.workspaceId, request.params.id, request.principal!.userId),
    );
    app.post(
      '/interactions/:id/wrap-up',
      {
        config: { access: 'desk.use' },
        schema: {
          ...act,
          summary: 'Close the wrap-up with a disposition code and notes',
          body: Obj({
            disposition: Type.String({ minLength: 1, maxLength: 80 }),
            notes: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
          }),
        },
      },
      async (request) =>
        routing.wrapUp(
          request.principal!.workspaceId,
          request.params.id,
          request.principal!.userId,
          request.body.disposition,
          request.body.notes ?? null,
        ),
    );
    app.post(
      '/interactions/:id/transfer',
      {
        config: { access: 'interactions.write' },
        schema: {
          ...act,
          summary: 'Transfer to a queue or to an agent',
          body: Type.Union([Obj({ queueId: Key }), Obj({ agentId: Uuid })]),
        },
      },
      async (request) =>
        routing.transfer(
          request.principal!.workspaceId,
          request.params.id,
          request.principal!.userId,
          request.body,
        ),
    );
    app.post(
      '/interactions/:id/abandon',
      {
        config: { access: 'interactions.write' },
        schema: { ...act, summary: 'The customer left before being served' },
      },
      async (request) => routing.abandon(request.principal!.workspaceId, request.params.id),
    );
  };
}
