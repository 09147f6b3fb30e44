/**
 * The widget's API: public routes authenticated by the visitor token (`x-visitor-token`), rate-limited per
 * visitor and per channel. Their parameters are named `conversationId`/`attachmentId`: a visitor's ids.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors.ts';
import { NoContent, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import type { RealtimeHub } from '../../platform/realtime/hub.ts';
import type { ChatContext } from './context.ts';
import type { ConversationService } from './conversations-service.ts';
import type { IntakeService } from './intake-service.ts';
import { createWindowLimiter } from './rate-window.ts';
import {
  ClientId,
  Contact,
  ConversationParams,
  ConversationSchema,
  Email,
  HistorySchema,
  MessageSchema,
  PublicConfigSchema,
  ReceiptBody,
  SendBody,
} from './schemas.ts';
import { perVisitor, tags, visitorAuth } from './visitor-auth.ts';
import { visitorFrames } from './visitor-socket.ts';
import type { Visitor, VisitorService } from './visitors-service.ts';

/** Messages a visitor may send a minute, over HTTP and over its sockets (each counted apart). */
const VISITOR_MESSAGES_PER_MINUTE = 60;

const Lang = Type.Union([Type.Literal('es'), Type.Literal('en')]);

/** The languages a visitor reads, best first: the page's own if it says one, then the browser's. */
const languagesOf = (req: FastifyRequest, page?: string) => [
  ...(page ? [page] : []),
  ...String(req.headers['accept-language'] ?? '')
    .split(',')
    .map((l) => l.split(';')[0]!.trim())
    .filter(Boolean),
];

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
  const visitorLimit = createWindowLimiter(VISITOR_MESSAGES_PER_MINUTE, 60_000);
  const ownOrigin = new URL(ctx.publicUrl).origin;

  const { me, authed, frequent } = visitorAuth(visitors);
  /** A visitor's messages a minute, over HTTP and its sockets together, then its channel's. */
  const limitMessage = (visitor: Visitor) => {
    if (!visitorLimit.take(visitor.id, ctx.clock.now().getTime()))
      throw new AppError('rate_limited', 429, 'Too many requests; try again later');
    limitChannel(visitor);
  };
  const limitChannel = (visitor: Visitor) => {
    if (!channelLimit.take(visitor.channelId, ctx.clock.now().getTime()))
      throw new AppError(
        'chat.channel_busy',
        429,
        'This channel is receiving too many messages; try again in a minute',
      );
  };

  const framesOf = visitorFrames({ conversations, limit: limitMessage });

  return async (app) => {
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
            /** The page's own language, preferred over the browser's (the help center's, say). */
            lang: Type.Optional(Lang),
          }),
          response: { 200: PublicConfigSchema },
        },
      },
      async (request) =>
        visitors.publicConfig(
          request.query.channel,
          hostOrigin(request, request.query.host),
          languagesOf(request, request.query.lang),
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
            lang: Type.Optional(Lang),
          }),
          response: {
            201: Obj({
              token: Type.String(),
              visitorId: Uuid,
              language: Lang,
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
          languages: languagesOf(request, b.lang),
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
      (socket, request) =>
        deps.hub.serve(socket, visitorPrincipal(request.visitor!), framesOf(request.visitor!)),
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
      async (request) =>
        conversations.history(me(request), request.params.conversationId, request.query.afterSeq ?? 0),
    );

    app.post(
      '/chat/visitor/conversations/:conversationId/messages',
      {
        config: { access: 'public', rateLimit: perVisitor(VISITOR_MESSAGES_PER_MINUTE) },
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
        limitMessage(request.visitor!);
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
