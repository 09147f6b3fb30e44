import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
/** HTTP for agents and supervisors: states, offers, contacts, transfers and queue statistics. */
import { IdParams, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import { InteractionSchema } from '../interactions/index.ts';
import { AgentState, Key } from './route-schemas.ts';
import type { RoutingService } from './service.ts';

export function routingRoutes(deps: { routing: RoutingService }): FastifyPluginAsyncTypebox {
  const { routing } = deps;
  return async (app) => {
    const tags = ['routing'];
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
                  open: Type.Boolean(),
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
