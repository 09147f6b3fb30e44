/** HTTP: a customer's timeline and notes, identities, consent, organisations, duplicates and merging. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { pageRequest } from '../../platform/http/pagination.ts';
import {
  IdParams,
  NoContent,
  Nullable,
  Obj,
  Page,
  PageQuery,
  Type,
  Uuid,
} from '../../platform/http/schema.ts';
import type { DuplicatesService } from './duplicates-service.ts';
import type { MergeService } from './merge-service.ts';
import type { ProfileService } from './profile-service.ts';
import {
  Code,
  ConsentBody,
  CustomerSchema,
  DuplicateSchema,
  IdentityInput,
  TimelineEntrySchema,
} from './schemas.ts';
import type { TimelineService } from './timeline-service.ts';

const tags = ['customers'];

export function profileRoutes(deps: {
  timeline: TimelineService;
  profile: ProfileService;
  duplicates: DuplicatesService;
  merge: MergeService;
}): FastifyPluginAsyncTypebox {
  const { timeline, profile, duplicates, merge } = deps;
  return async (app) => {
    app.get(
      '/customers/:id/timeline',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Everything about a customer, newest first; filter by kind and channel',
          params: IdParams,
          querystring: Obj({
            ...PageQuery,
            kind: Type.Optional(Type.Array(Code, { maxItems: 20 })),
            channel: Type.Optional(Type.Array(Code, { maxItems: 20 })),
          }),
          response: { 200: Page(TimelineEntrySchema) },
        },
      },
      async (request) => {
        const { kind, channel, ...page } = request.query;
        return timeline.list(request.principal!.workspaceId, request.params.id, pageRequest(page), {
          kinds: kind,
          channels: channel,
        });
      },
    );

    app.post(
      '/customers/:id/notes',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Add a note to the customer’s timeline',
          params: IdParams,
          body: Obj({ body: Type.String({ minLength: 1, maxLength: 10_000 }) }),
          response: { 201: TimelineEntrySchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        return reply
          .status(201)
          .send(await timeline.addNote(p.workspaceId, request.params.id, request.body.body, p.userId));
      },
    );

    app.post(
      '/customers/:id/identities',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Add an identity (e-mail, phone, channel id)',
          params: IdParams,
          body: IdentityInput,
          response: { 201: CustomerSchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        return reply
          .status(201)
          .send(await profile.addIdentity(p.workspaceId, request.params.id, request.body, p.userId));
      },
    );

    app.delete(
      '/customer-identities/:id',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Remove an identity from its customer',
          params: IdParams,
          response: { 200: CustomerSchema },
        },
      },
      async (request) =>
        profile.removeIdentity(request.principal!.workspaceId, request.params.id, request.principal!.userId),
    );

    app.put(
      '/customers/:id/consents',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'State the customer’s consent on one channel',
          params: IdParams,
          body: ConsentBody,
          response: { 200: CustomerSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return profile.setConsent(p.workspaceId, request.params.id, request.body, p.userId);
      },
    );

    app.put(
      '/customers/:id/organisations',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Replace the organisations a person belongs to',
          params: IdParams,
          body: Obj({
            items: Type.Array(
              Obj({ organisationId: Uuid, role: Type.Optional(Nullable(Type.String({ maxLength: 80 }))) }),
              { maxItems: 50 },
            ),
          }),
          response: { 200: CustomerSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return profile.setOrganisations(p.workspaceId, request.params.id, request.body.items, p.userId);
      },
    );

    app.get(
      '/customers/:id/duplicates',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Candidate duplicates of one customer',
          params: IdParams,
          querystring: Obj(PageQuery),
          response: { 200: Page(DuplicateSchema) },
        },
      },
      async (request) =>
        duplicates.listFor(request.principal!.workspaceId, request.params.id, pageRequest(request.query)),
    );

    app.post(
      '/customers/:id/merge',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary:
            'Merge another customer into this one: every identity, note, interaction and purchase moves here',
          params: IdParams,
          body: Obj({ sourceId: Uuid }),
          response: { 200: CustomerSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return merge.merge(p.workspaceId, request.params.id, request.body.sourceId, p.userId);
      },
    );

    app.get(
      '/customer-duplicates',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Candidate duplicates to review, newest first',
          querystring: Obj(PageQuery),
          response: { 200: Page(DuplicateSchema) },
        },
      },
      async (request) => duplicates.list(request.principal!.workspaceId, pageRequest(request.query)),
    );

    app.post(
      '/customer-duplicates/:id/dismiss',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Mark a candidate pair as two different customers',
          params: IdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await duplicates.dismiss(
          request.principal!.workspaceId,
          request.params.id,
          request.principal!.userId,
        );
        return reply.status(204).send(null);
      },
    );
  };
}
