/**
 * The widget's API: public routes authenticated by the visitor token (`x-visitor-token`), rate-limited per
 * visitor and per channel. Their parameters are named `conversationId`/`attachmentId`: a visitor's ids.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ACCEPTED_TYPES, MAX_ATTACHMENT_BYTES } from '../../lib/files.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors.ts';
import { NoContent, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import type { RealtimeHub } from '../../platform/realtime/hub.ts';
import type { ChatContext } from './context.ts';
import type { ConversationService } from './conversations-service.ts';
import type { IntakeService } from './intake-service.ts';
import { createWindowLimiter } from './rate-window.ts';
import {
  AttachmentSchema,
  ClientId,
  Contact,
  ConversationParams,
  ConversationSchema,
  Email,
  FileQuery,
  HistorySchema,
  MessageSchema,
  Phone,
  PublicConfigSchema,
  ReceiptBody,
  RequestSchema,
  SendBody,
} from './schemas.ts';
import type { Visitor, VisitorService } from './visitors-service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    visitor?: Visitor;
  }
}

const tags = ['chat widget'];
const perVisitor = (max: number) => ({
  max,
  timeWindow: '1 minute',
  keyGenerator: (req: FastifyRequest) => String(req.headers['x-visitor-token'] ?? req.ip),
});
const languagesOf = (req: FastifyRequest) =>
  String(req.headers['accept-language'] ?? '')
    .split(',')
    .map((l) => l.split(';')[0]!.trim())
    .filter(Boolean);

export function visitorRoutes(deps: {
  ctx: ChatContext;
  visitors: VisitorService;
  conversations: ConversationService;
  intake: IntakeService;
  hub: Pick<RealtimeHub, 'serve'>;
  /** Most messages a channel takes per minute from all its visitors together. */
  channelMessagesPerMinute?: number;
}): FastifyPluginAsyncTypebox {
  const { visitors, conversations, intake, ctx } = deps;
  const channelLimit = createWindowLimiter(deps.channelMessagesPerMinute ?? 3000, 60_000);
  const ownOrigin = new URL(ctx.publicUrl).origin;

  /** Authenticates the visitor before the handler (and before a WebSocket upgrade). */
  async function visitorOf(request: FastifyRequest, cached: boolean): Promise<Visitor> {
    const query = request.query as { token?: string } | undefined;
    const token = (request.headers['x-visitor-token'] as string | undefined) ?? query?.token;
    const { visitor } = await visitors.authenticate(token, undefined, { cached });
    request.visitor = visitor;
    return visitor;
  }
  const me = (request: FastifyRequest) => ({ kind: 'visitor' as const, visitor: request.visitor! });
  const limitChannel = (visitor: Visitor) => {
    if (!channelLimit.take(visitor.channelId, ctx.clock.now().getTime()))
      throw new AppError(
        'chat.channel_busy',
        429,
        'This channel is receiving too many messages; try again in a minute',
      );
  };

  return async (app) => {
    app.addContentTypeParser(
      [...ACCEPTED_TYPES, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1 },
      (_req, body, done) => done(null, body),
    );
    const auth = (cached: boolean) => ({
      preValidation: async (request: FastifyRequest) => void (await visitorOf(request, cached)),
    });
    const authed = auth(false);
    // Requests in a conversation (messages, receipts, typing, closing, rating, history, the socket) need
    // only the visitor's id, workspace, channel and language, which never change: a recently seen token
    // skips the lookup.
    const frequent = auth(true);

    app.get(
      '/chat/widget-config',
      {
        config: { access: 'public', rateLimit: perVisitor(120) },
        schema: {
          tags,
          summary:
            "A web channel's look, language and whether chat is open; refused on sites it does not list",
          querystring: Obj({
            channel: Type.String({ maxLength: 60 }),
            host: Type.String({ maxLength: 200 }),
          }),
          response: { 200: PublicConfigSchema },
        },
      },
      async (request) =>
        visitors.publicConfig(
          request.query.channel,
          hostOrigin(request, request.query.host),
          languagesOf(request),
        ),
    );

    app.post(
      '/chat/sessions',
      {
        config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary:
            'Open a visitor session: a token for this visitor only; a host site may identify its customer with an HMAC',
          body: Obj({
            channel: Type.String({ maxLength: 60 }),
            host: Type.String({ maxLength: 200 }),
            identity: Type.Optional(
              Obj({
                customerId: Type.String({ minLength: 1, maxLength: 200 }),
                signature: Type.String({ maxLength: 128 }),
              }),
            ),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            email: Type.Optional(Email),
          }),
          response: {
            201: Obj({
              token: Type.String(),
              visitorId: Uuid,
              language: Type.Union([Type.Literal('es'), Type.Literal('en')]),
              verified: Type.Boolean(),
            }),
          },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const session = await visitors.start({
          channelKey: b.channel,
          origin: hostOrigin(request, b.host),
          languages: languagesOf(request),
          identity: b.identity,
          name: b.name,
          email: b.email,
        });
        return reply.status(201).send(session);
      },
    );

    app.get(
      '/chat/visitor/socket',
      {
        websocket: true,
        config: { access: 'public', rateLimit: perVisitor(30) },
        schema: { hide: true, querystring: Obj({ token: Type.String({ maxLength: 100 }) }) },
        ...frequent,
      },
      (socket, request) => deps.hub.serve(socket, visitorPrincipal(request.visitor!)),
    );

    app.get(
      '/chat/visitor/conversations',
      {
        config: { access: 'public', rateLimit: perVisitor(60) },
        schema: { tags, response: { 200: Obj({ items: Type.Array(ConversationSchema) }) } },
        ...authed,
      },
      async (request) => ({ items: await conversations.listForVisitor(request.visitor!) }),
    );

    app.post(
      '/chat/visitor/conversations',
      {
        config: { access: 'public', rateLimit: perVisitor(10) },
        schema: {
          tags,
          summary:
            'Start a live chat with its first message; 409 chat.offline when closed or nobody can take it',
          body: Obj({
            clientId: ClientId,
            message: Type.String({ minLength: 1, maxLength: 4000 }),
            contact: Type.Optional(Contact),
            fields: Type.Optional(
              Type.Record(
                Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
                Type.String({ maxLength: 300 }),
                { maxProperties: 10 },
              ),
            ),
          }),
          response: { 201: HistorySchema },
        },
        ...authed,
      },
      async (request, reply) => {
        limitChannel(request.visitor!);
        const b = request.body;
        const history = await intake.startChat(request.visitor!, {
          clientId: b.clientId,
          message: b.message,
          contact: b.contact ?? {},
          fields: b.fields ?? {},
        });
        return reply.status(201).send(history);
      },
    );

    app.get(
      '/chat/visitor/conversations/:conversationId/messages',
      {
        config: { access: 'public', rateLimit: perVisitor(120) },
        schema: {
          tags,
          params: ConversationParams,
          querystring: Obj({ afterSeq: Type.Optional(Type.Integer({ minimum: 0 })) }),
          response: { 200: HistorySchema },
        },
        ...frequent,
      },
      async (request) => {
        const id = request.params.conversationId;
        const history = await conversations.history(me(request), id, request.query.afterSeq ?? 0);
        const { agentDeliveredSeq } = await conversations.load(me(request), id);
        return { ...history, conversation: { ...history.conversation, agentDeliveredSeq } };
      },
    );

    app.post(
      '/chat/visitor/conversations/:conversationId/messages',
      {
        config: { access: 'public', rateLimit: perVisitor(60) },
        schema: {
          tags,
          summary:
            'Send a message: stored before the answer; a repeated clientId answers the stored one (200)',
          params: ConversationParams,
          body: SendBody,
          response: { 200: MessageSchema, 201: MessageSchema },
        },
        ...frequent,
      },
      async (request, reply) => {
        limitChannel(request.visitor!);
        const { message, created } = await conversations.send(
          me(request),
          request.params.conversationId,
          request.body,
        );
        return reply.status(created ? 201 : 200).send(message);
      },
    );

    const small = (
      url: string,
      summary: string,
      body: Parameters<typeof Obj>[0] | null,
      run: (
        request: FastifyRequest & { params: { conversationId: string }; body: never },
      ) => Promise<unknown>,
    ) =>
      app.post(
        `/chat/visitor/conversations/:conversationId/${url}`,
        {
          config: { access: 'public', rateLimit: perVisitor(120) },
          schema: {
            tags,
            summary,
            params: ConversationParams,
            ...(body ? { body: Obj(body) } : {}),
            response: { 204: NoContent },
          },
          ...frequent,
        },
        async (request, reply) => {
          await run(request as never);
          return reply.status(204).send(null);
        },
      );

    small('receipts', 'The visitor received or read everything up to seq', ReceiptBody.properties, (r) => {
      const b = r.body as unknown as { kind: 'delivered' | 'read'; seq: number };
      return conversations.receipt(me(r), r.params.conversationId, b.kind, b.seq);
    });
    small('typing', 'The visitor is typing', null, (r) =>
      conversations.typing(me(r), r.params.conversationId),
    );
    small('close', 'The visitor ends the chat', null, (r) =>
      conversations.close(me(r), r.params.conversationId),
    );
    small(
      'rating',
      'Satisfaction 1–5 once the chat ended',
      {
        rating: Type.Integer({ minimum: 1, maximum: 5 }),
        comment: Type.Optional(Type.String({ maxLength: 1000 })),
      },
      (r) => {
        const b = r.body as unknown as { rating: number; comment?: string };
        return conversations.rate(me(r), r.params.conversationId, b.rating, b.comment ?? null);
      },
    );
    small('transcript', 'E-mail the transcript', { email: Email }, (r) =>
      conversations.emailTranscript(
        me(r),
        r.params.conversationId,
        (r.body as unknown as { email: string }).email,
      ),
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

  /** The site embedding the widget: named by the frame (whose own origin is ours) or by the calling page. */
  function hostOrigin(request: FastifyRequest, host: string): string {
    const origin = request.headers.origin;
    if (origin && origin !== ownOrigin && origin !== host)
      throw new AppError(
        'chat.origin_not_allowed',
        403,
        `Requests from ${origin} are not accepted for ${host}`,
      );
    return host;
  }
}

/** A visitor as the realtime hub sees it: no permissions, allowed only its own `chat:<id>` topics. */
export function visitorPrincipal(visitor: Visitor): Principal {
  return {
    userId: visitor.id,
    workspaceId: visitor.workspaceId,
    email: '',
    role: 'visitor',
    permissions: new Set(),
    via: 'token',
    csrfToken: null,
    sessionId: null,
  };
}
