import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { pageRequest } from '../../platform/http/pagination.ts';
import {
  DateTime,
  IdParams,
  Nullable,
  Obj,
  Page,
  PageQuery,
  Type,
  Uuid,
} from '../../platform/http/schema.ts';
import { CHANNELS, STATES } from './lifecycle.ts';
import type { NewInteraction } from './new-interaction.ts';
import type { InteractionService } from './service.ts';
import type { Interaction } from './transitions.ts';

const ChannelSchema = Type.Enum(CHANNELS);
const StateSchema = Type.Enum(STATES);

export const InteractionSchema = Obj({
  id: Uuid,
  channel: ChannelSchema,
  direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
  customerId: Nullable(Uuid),
  subject: Nullable(Type.String()),
  language: Nullable(Type.String()),
  attributes: Type.Record(Type.String(), Type.Unknown()),
  priority: Type.Integer(),
  valueTier: Nullable(Type.String()),
  queueId: Nullable(Type.String()),
  state: StateSchema,
  agentId: Nullable(Uuid),
  scheduledFor: Nullable(DateTime),
  disposition: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
  answeredAt: Nullable(DateTime),
  endedAt: Nullable(DateTime),
});

const CreateBody = Obj({
  channel: ChannelSchema,
  direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
  customerId: Type.Optional(Nullable(Uuid)),
  subject: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  language: Type.Optional(Nullable(Type.String({ pattern: '^[a-z]{2}$' }))),
  attributes: Type.Optional(
    Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 100 }),
  ),
  priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  valueTier: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  queueId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 80 }))),
  idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  scheduledFor: Type.Optional(Nullable(DateTime)),
  message: Type.Optional(Nullable(Type.String({ maxLength: 100_000 }))),
});

/** What routing offers the interactions routes: checking a queue before a write, and taking new work. */
export interface Router {
  checkQueue(workspaceId: string, queueId: string): Promise<void>;
  enqueue(workspaceId: string, interaction: Interaction): Promise<void>;
  /**
   * The agent answered and waits on the customer: the interaction leaves routing (the agent's capacity is
   * freed) as `waiting_on_customer`, and comes back through `enqueue` when the customer writes again.
   */
  park(workspaceId: string, interactionId: string, actorId: string | null): Promise<Interaction>;
  /**
   * Creates an interaction and, when it is queued, routes it in the same transaction; answers it as
   * committed (offered already, when an agent was free). A repeated idempotency key answers the first.
   */
  create(
    workspaceId: string,
    input: NewInteraction,
    actorId: string | null,
  ): Promise<{ interaction: Interaction; created: boolean }>;
}

export function interactionRoutes(service: InteractionService, router: Router): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['interactions'];
    app.post(
      '/interactions',
      {
        config: { access: 'interactions.write' },
        schema: {
          tags,
          summary:
            'Create an interaction (every channel adapter calls this); a repeated idempotencyKey answers the first one',
          body: CreateBody,
          response: { 200: InteractionSchema, 201: InteractionSchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        const input: NewInteraction = request.body;
        if (input.queueId) await router.checkQueue(p.workspaceId, input.queueId);
        const { interaction, created } = await router.create(p.workspaceId, input, p.userId);
        return reply.status(created ? 201 : 200).send(interaction);
      },
    );
    app.get(
      '/interactions/:id',
      {
        config: { access: 'interactions.read' },
        schema: { tags, params: IdParams, response: { 200: InteractionSchema } },
      },
      async (request) => service.get(request.principal!.workspaceId, request.params.id),
    );
    app.get(
      '/interactions',
      {
        config: { access: 'interactions.read' },
        schema: {
          tags,
          summary: 'List interactions, newest first',
          querystring: Obj({
            ...PageQuery,
            state: Type.Optional(Type.Array(StateSchema, { maxItems: 10 })),
            queueId: Type.Optional(Type.String({ maxLength: 80 })),
            customerId: Type.Optional(Uuid),
            agentId: Type.Optional(Uuid),
          }),
          response: { 200: Page(InteractionSchema) },
        },
      },
      async (request) => {
        const { state, queueId, customerId, agentId } = request.query;
        return service.list(request.principal!.workspaceId, pageRequest(request.query), {
          state,
          queueId,
          customerId,
          agentId,
        });
      },
    );
  };
}
