/** HTTP for what agents write with: reply templates, their own signature, a template filled for a thread. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DateTime,
  IdParams,
  Language,
  NoContent,
  Nullable,
  Obj,
  Type,
  Uuid,
} from '../../platform/http/schema.ts';
import type { ReplyTextService } from './reply-text-service.ts';
import type { createThreadService } from './thread-service.ts';

const TemplateBody = Obj({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  language: Language,
  mailboxId: Type.Optional(Nullable(Uuid)),
  subject: Type.Optional(Nullable(Type.String({ maxLength: 998 }))),
  body: Type.String({ minLength: 1, maxLength: 20_000 }),
});

const TemplateSchema = Obj({
  id: Uuid,
  name: Type.String(),
  language: Language,
  mailboxId: Nullable(Uuid),
  subject: Nullable(Type.String()),
  body: Type.String(),
  variables: Type.Array(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const SignatureSchema = Obj({ body: Nullable(Type.String({ maxLength: 5000 })) });

export function replyTextRoutes(deps: {
  texts: ReplyTextService;
  threads: ReturnType<typeof createThreadService>;
}): FastifyPluginAsyncTypebox {
  const { texts, threads } = deps;
  return async (app) => {
    const tags = ['email'];
    const admin = { access: 'workspace.manage' as const };
    const reader = { access: 'interactions.read' as const };
    const writer = { access: 'interactions.write' as const };

    app.get(
      '/email/templates',
      {
        config: reader,
        schema: {
          tags,
          summary: 'Reply templates; with mailboxId, those offered in that mailbox',
          querystring: Obj({ mailboxId: Type.Optional(Uuid) }),
          response: { 200: Obj({ items: Type.Array(TemplateSchema) }) },
        },
      },
      async (request) => ({
        items: await texts.list(request.principal!.workspaceId, request.query.mailboxId),
      }),
    );
    app.post(
      '/email/templates',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Add a reply template; unknown {{variables}} are refused',
          body: TemplateBody,
          response: { 201: TemplateSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await texts.create(request.principal!.workspaceId, request.body)),
    );
    app.get(
      '/email/templates/:id',
      { config: reader, schema: { tags, params: IdParams, response: { 200: TemplateSchema } } },
      async (request) => texts.get(request.principal!.workspaceId, request.params.id),
    );
    app.put(
      '/email/templates/:id',
      {
        config: admin,
        schema: { tags, params: IdParams, body: TemplateBody, response: { 200: TemplateSchema } },
      },
      async (request) => texts.update(request.principal!.workspaceId, request.params.id, request.body),
    );
    app.delete(
      '/email/templates/:id',
      { config: admin, schema: { tags, params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await texts.remove(request.principal!.workspaceId, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/email/signature',
      {
        config: writer,
        schema: {
          tags,
          summary: "The caller's own e-mail signature (null: the mailbox's is used)",
          response: { 200: SignatureSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return { body: await texts.signatureOf(p.workspaceId, p.userId) };
      },
    );
    app.put(
      '/email/signature',
      {
        config: writer,
        schema: {
          tags,
          summary:
            "Set the caller's own signature ({{agent.name}}, {{agent.email}}, {{mailbox.name}}); empty removes it",
          body: SignatureSchema,
          response: { 200: SignatureSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return { body: await texts.setSignature(p.workspaceId, p.userId, request.body.body) };
      },
    );

    app.post(
      '/email/interactions/:id/render-template',
      {
        config: reader,
        schema: {
          tags,
          summary: "A template filled with the conversation's customer, agent, reference and subject",
          params: IdParams,
          body: Obj({ templateId: Uuid }),
          response: { 200: Obj({ subject: Nullable(Type.String()), text: Type.String() }) },
        },
      },
      async (request) => {
        const p = request.principal!;
        return threads.render(p.workspaceId, p.userId, request.params.id, request.body.templateId);
      },
    );
  };
}
