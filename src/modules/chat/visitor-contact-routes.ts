/**
 * The widget's other ways in, besides live chat: "call me", a message left while chat is closed, service
 * requests and the visitor's list of them, and the files they carry.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCEPTED_TYPES, MAX_ATTACHMENT_BYTES } from '../../lib/files.ts';
import { Obj, Type, Uuid } from '../../platform/http/schema.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import type { IntakeService } from './intake-service.ts';
import { AttachmentSchema, ClientId, Contact, Email, FileQuery, Phone, RequestSchema } from './schemas.ts';
import { perVisitor, tags, visitorAuth } from './visitor-auth.ts';
import type { VisitorService } from './visitors-service.ts';

export function visitorContactRoutes(deps: {
  visitors: VisitorService;
  intake: IntakeService;
}): FastifyPluginAsyncTypebox {
  const { intake } = deps;
  const { authed } = visitorAuth(deps.visitors);

  return async (app) => {
    app.addContentTypeParser(
      [...ACCEPTED_TYPES, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1 },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/chat/visitor/callbacks',
      {
        config: { access: 'public', rateLimit: perVisitor(5) },
        schema: {
          tags,
          summary: '"Call me": a call-back scheduled in the universal queue for the window',
          body: Obj({
            clientId: ClientId,
            phone: Phone,
            windowStart: Type.String({ format: 'date-time' }),
            windowEnd: Type.String({ format: 'date-time' }),
            note: Type.Optional(Type.String({ maxLength: 1000 })),
            contact: Type.Optional(Contact),
          }),
          response: { 201: RequestSchema },
        },
        ...authed,
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await intake.callback(request.visitor!, { ...request.body, contact: request.body.contact ?? {} }),
          ),
    );

    app.post(
      '/chat/visitor/leave-message',
      {
        config: { access: 'public', rateLimit: perVisitor(5) },
        schema: {
          tags,
          summary: 'Leave a message while chat is closed; answered by e-mail',
          body: Obj({
            clientId: ClientId,
            message: Type.String({ minLength: 1, maxLength: 4000 }),
            contact: Obj({
              email: Email,
              name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
              phone: Type.Optional(Phone),
            }),
          }),
          response: { 201: RequestSchema },
        },
        ...authed,
      },
      async (request, reply) =>
        reply.status(201).send(await intake.leaveMessage(request.visitor!, request.body)),
    );

    app.post(
      '/chat/visitor/service-requests',
      {
        config: { access: 'public', rateLimit: perVisitor(5) },
        schema: {
          tags,
          summary: 'A service request with a reference number, confirmed by e-mail when an address is known',
          body: Obj({
            clientId: ClientId,
            category: Type.String({ maxLength: 40 }),
            description: Type.String({ minLength: 1, maxLength: 4000 }),
            attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 5 })),
            contact: Type.Optional(Contact),
          }),
          response: { 201: RequestSchema },
        },
        ...authed,
      },
      async (request, reply) =>
        reply.status(201).send(
          await intake.serviceRequest(request.visitor!, {
            ...request.body,
            attachmentIds: request.body.attachmentIds ?? [],
            contact: request.body.contact ?? {},
          }),
        ),
    );

    app.get(
      '/chat/visitor/requests',
      {
        config: { access: 'public', rateLimit: perVisitor(60) },
        schema: {
          tags,
          summary: "The visitor's requests and their state",
          response: { 200: Obj({ items: Type.Array(RequestSchema) }) },
        },
        ...authed,
      },
      async (request) => ({ items: await intake.listRequests(request.visitor!) }),
    );

    app.post(
      '/chat/visitor/attachments',
      {
        config: { access: 'public', rateLimit: perVisitor(10) },
        bodyLimit: MAX_ATTACHMENT_BYTES + 1,
        schema: {
          tags,
          summary: 'Upload a file (the raw bytes; the type is read from them)',
          querystring: FileQuery,
          response: { 201: AttachmentSchema },
        },
        ...authed,
      },
      async (request, reply) => {
        const v = request.visitor!;
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return reply
          .status(201)
          .send(await intake.upload(v.workspaceId, v.channelId, v.id, request.query.fileName, bytes));
      },
    );

    app.get(
      '/chat/visitor/attachments/:attachmentId',
      {
        config: { access: 'public', rateLimit: perVisitor(120) },
        schema: { tags, params: Obj({ attachmentId: Uuid }) },
        ...authed,
      },
      async (request, reply) => {
        const v = request.visitor!;
        const file = await intake.download(v.workspaceId, request.params.attachmentId, v);
        return sendFile(reply, file);
      },
    );
  };
}
