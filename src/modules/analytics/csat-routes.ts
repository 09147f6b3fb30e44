/** HTTP: recording and reading customer-satisfaction answers. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime, IdParams, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import type { CsatService } from './csat-service.ts';

const CsatSchema = Obj({
  id: Uuid,
  interactionId: Uuid,
  agentId: Nullable(Uuid),
  customerId: Nullable(Uuid),
  rating: Type.Integer(),
  comment: Nullable(Type.String()),
  createdAt: Type.String(),
});

export function csatRoutes(csat: CsatService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['csat'];
    app.post(
      '/interactions/:id/csat',
      {
        config: { access: 'interactions.write' },
        schema: {
          tags,
          summary: 'Record the customer’s survey answer (1–5, optional comment) after a chat or e-mail',
          params: IdParams,
          body: Obj({
            rating: Type.Integer({ minimum: 1, maximum: 5 }),
            comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
          }),
          response: { 201: CsatSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await csat.record(request.principal!.workspaceId, request.params.id, request.body)),
    );

    app.get(
      '/interactions/:id/csat',
      {
        config: { access: 'interactions.read' },
        schema: {
          tags,
          summary: 'The interaction’s survey answer',
          params: IdParams,
          response: { 200: Obj({ item: Nullable(CsatSchema) }) },
        },
      },
      async (request) => ({
        item: await csat.ofInteraction(request.principal!.workspaceId, request.params.id),
      }),
    );

    app.get(
      '/analytics/csat',
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: 'Survey answers, newest first',
          querystring: Obj({
            agentId: Type.Optional(Uuid),
            from: Type.Optional(DateTime),
            to: Type.Optional(DateTime),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          }),
          response: { 200: Obj({ items: Type.Array(CsatSchema) }) },
        },
      },
      async (request) => ({
        items: await csat.list(request.principal!.workspaceId, {
          ...request.query,
          limit: request.query.limit ?? 100,
        }),
      }),
    );
  };
}
