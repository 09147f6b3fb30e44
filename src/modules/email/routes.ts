/** HTTP for the e-mail channel: mailboxes (admin), quarantine, and conversations for agents. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors } from '../../platform/errors.ts';
import { DateTime, IdParams, NoContent, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import type { IngestResult } from './ingest-result.ts';
import type { CheckResult } from './mailbox-check.ts';
import type { MailboxService } from './mailbox-service.ts';
import type { createThreadService } from './thread-service.ts';

const Host = Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.:\\[\\]-]+$' });
const Port = Type.Integer({ minimum: 1, maximum: 65535 });
const Address = Type.String({ format: 'email', maxLength: 254 });
const Secret = Type.String({
  maxLength: 10_000,
  description: 'Stored encrypted; never shown back. Leave out to keep the stored one.',
});

const MailboxBody = Obj({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  address: Address,
  queueId: Type.String({ minLength: 1, maxLength: 80 }),
  imap: Type.Optional(
    Nullable(
      Obj({
        host: Host,
        port: Port,
        secure: Type.Boolean(),
        user: Type.String({ minLength: 1, maxLength: 254 }),
        folder: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        password: Type.Optional(Secret),
      }),
    ),
  ),
  smtp: Type.Optional(
    Nullable(
      Obj({
        host: Host,
        port: Port,
        secure: Type.Boolean(),
        user: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
        protocol: Type.Optional(Type.Union([Type.Literal('smtp'), Type.Literal('lmtp')])),
        password: Type.Optional(Secret),
      }),
    ),
  ),
  dkim: Type.Optional(
    Nullable(
      Obj({
        domain: Host,
        selector: Type.String({ minLength: 1, maxLength: 63, pattern: '^[A-Za-z0-9._-]+$' }),
        privateKey: Type.Optional(Secret),
      }),
    ),
  ),
  autoAck: Type.Optional(Type.Boolean()),
  ackTemplate: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  signature: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  enabled: Type.Optional(Type.Boolean()),
});

const MailboxSchema = Obj({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  queueId: Type.String(),
  imap: Nullable(
    Obj({
      host: Type.String(),
      port: Type.Integer(),
      secure: Type.Boolean(),
      user: Type.String(),
      folder: Type.String(),
      hasPassword: Type.Boolean(),
    }),
  ),
  smtp: Nullable(
    Obj({
      host: Type.String(),
      port: Type.Integer(),
      secure: Type.Boolean(),
      user: Nullable(Type.String()),
      protocol: Type.String(),
      hasPassword: Type.Boolean(),
    }),
  ),
  dkim: Nullable(Obj({ domain: Type.String(), selector: Type.String(), hasKey: Type.Boolean() })),
  autoAck: Type.Boolean(),
  ackTemplate: Nullable(Type.String()),
  signature: Nullable(Type.String()),
  enabled: Type.Boolean(),
  uidValidity: Nullable(Type.Integer()),
  lastUid: Type.Integer(),
  lastSyncAt: Nullable(DateTime),
  lastError: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const AttachmentSchema = Obj({
  id: Uuid,
  filename: Nullable(Type.String()),
  contentType: Type.String(),
  contentId: Nullable(Type.String()),
  inline: Type.Boolean(),
  size: Type.Integer(),
  skipped: Nullable(Type.String()),
});

const MessageSchema = Obj({
  id: Uuid,
  interactionId: Uuid,
  direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
  kind: Type.Union([Type.Literal('message'), Type.Literal('ack')]),
  from: Obj({ address: Type.String(), name: Nullable(Type.String()) }),
  to: Type.Array(Type.String()),
  cc: Type.Array(Type.String()),
  bcc: Type.Array(Type.String()),
  subject: Type.String(),
  text: Type.String(),
  quoted: Nullable(Type.String()),
  hasHtml: Type.Boolean(),
  automated: Nullable(Type.String()),
  bounce: Type.Boolean(),
  authorId: Nullable(Uuid),
  sentAt: Nullable(DateTime),
  createdAt: DateTime,
  attachments: Type.Array(AttachmentSchema),
});

const ConversationSchema = Obj({
  id: Uuid,
  /** What the caller's reply will be signed with, filled. */
  signature: Nullable(Type.String()),
  interactionId: Uuid,
  mailbox: Obj({ id: Uuid, name: Type.String(), address: Type.String(), canSend: Type.Boolean() }),
  subject: Type.String(),
  reference: Type.String(),
  replyAddress: Type.String(),
  firstReplyDueAt: Nullable(DateTime),
  resolutionDueAt: Nullable(DateTime),
  firstRepliedAt: Nullable(DateTime),
  messages: Type.Array(MessageSchema),
});

const ReplyBody = Obj({
  mode: Type.Union([Type.Literal('reply'), Type.Literal('reply_all'), Type.Literal('forward')]),
  to: Type.Optional(Type.Array(Address, { maxItems: 50 })),
  cc: Type.Optional(Type.Array(Address, { maxItems: 50 })),
  bcc: Type.Optional(Type.Array(Address, { maxItems: 50 })),
  subject: Type.Optional(Type.String({ minLength: 1, maxLength: 998 })),
  text: Type.String({ minLength: 1, maxLength: 200_000 }),
  waitOnCustomer: Type.Optional(Type.Boolean()),
});

const QuarantineSchema = Obj({
  id: Uuid,
  mailboxId: Uuid,
  reason: Type.String(),
  detail: Nullable(Type.String()),
  size: Type.Integer(),
  createdAt: DateTime,
});

const IngestResultSchema = Obj({
  status: Type.Union([Type.Literal('stored'), Type.Literal('duplicate'), Type.Literal('quarantined')]),
  messageId: Type.Optional(Uuid),
  interactionId: Type.Optional(Uuid),
  threadId: Type.Optional(Uuid),
  threadedBy: Type.Optional(Nullable(Type.String())),
  quarantineId: Type.Optional(Uuid),
  reason: Type.Optional(Type.String()),
});

export interface EmailRouteDeps {
  mailboxes: MailboxService;
  threads: ReturnType<typeof createThreadService>;
  reprocess(workspaceId: string, quarantineId: string): Promise<IngestResult | null>;
  /** Restarts (or stops) the mailbox's IMAP worker after a change, and sweeps it on demand. */
  changed(workspaceId: string, mailboxId: string): Promise<void>;
  syncNow(workspaceId: string, mailboxId: string): Promise<void>;
  /** Tries the mailbox's servers with its stored settings. */
  check(workspaceId: string, mailboxId: string): Promise<CheckResult>;
}

const CheckSchema = Obj({
  imap: Nullable(
    Obj({ ok: Type.Boolean(), error: Nullable(Type.String()), messages: Nullable(Type.Integer()) }),
  ),
  smtp: Nullable(Obj({ ok: Type.Boolean(), error: Nullable(Type.String()) })),
});

export function emailRoutes(deps: EmailRouteDeps): FastifyPluginAsyncTypebox {
  const { mailboxes, threads } = deps;
  return async (app) => {
    const tags = ['email'];
    const admin = { access: 'workspace.manage' as const };
    app.get(
      '/email/mailboxes',
      {
        config: admin,
        schema: {
          tags,
          summary: 'List mailboxes (credentials are never shown)',
          response: { 200: Obj({ items: Type.Array(MailboxSchema) }) },
        },
      },
      async (request) => ({
        items: await mailboxes.list(request.principal!.workspaceId),
      }),
    );
    app.post(
      '/email/mailboxes',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Add a mailbox; passwords and the DKIM key are stored encrypted',
          body: MailboxBody,
          response: { 201: MailboxSchema },
        },
      },
      async (request, reply) => {
        const ws = request.principal!.workspaceId;
        const mailbox = await mailboxes.create(ws, request.body);
        await deps.changed(ws, mailbox.id);
        return reply.status(201).send(mailbox);
      },
    );
    app.get(
      '/email/mailboxes/:id',
      { config: admin, schema: { tags, params: IdParams, response: { 200: MailboxSchema } } },
      async (request) => mailboxes.get(request.principal!.workspaceId, request.params.id),
    );
    app.put(
      '/email/mailboxes/:id',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Change a mailbox; a password left out keeps the stored one',
          params: IdParams,
          body: MailboxBody,
          response: { 200: MailboxSchema },
        },
      },
      async (request) => {
        const ws = request.principal!.workspaceId;
        const mailbox = await mailboxes.update(ws, request.params.id, request.body);
        await deps.changed(ws, mailbox.id);
        return mailbox;
      },
    );
    app.delete(
      '/email/mailboxes/:id',
      { config: admin, schema: { tags, params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => {
        const ws = request.principal!.workspaceId;
        await mailboxes.remove(ws, request.params.id);
        await deps.changed(ws, request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/email/mailboxes/:id/sync',
      {
        config: admin,
        schema: {
          tags,
          summary: "Sweep the mailbox's IMAP folder now",
          params: IdParams,
          response: { 200: MailboxSchema },
        },
      },
      async (request) => {
        const ws = request.principal!.workspaceId;
        await mailboxes.get(ws, request.params.id);
        await deps.syncNow(ws, request.params.id);
        return mailboxes.get(ws, request.params.id);
      },
    );
    app.post(
      '/email/mailboxes/:id/test',
      {
        config: admin,
        schema: {
          tags,
          summary: "Log in to the mailbox's IMAP server and greet its outgoing server",
          params: IdParams,
          response: { 200: CheckSchema },
        },
      },
      async (request) => deps.check(request.principal!.workspaceId, request.params.id),
    );

    app.get(
      '/email/quarantine',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Mail that could not be taken in, with the reason',
          querystring: Obj({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }),
          response: { 200: Obj({ items: Type.Array(QuarantineSchema) }) },
        },
      },
      async (request) => ({
        items: await threads.quarantined(request.principal!.workspaceId, request.query.limit ?? 50),
      }),
    );
    app.post(
      '/email/quarantine/:id/reprocess',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Take a quarantined message in again',
          params: IdParams,
          response: { 200: IngestResultSchema },
        },
      },
      async (request) => {
        const result = await deps.reprocess(request.principal!.workspaceId, request.params.id);
        if (!result) throw errors.notFound('Quarantined message');
        return result;
      },
    );

    app.get(
      '/email/interactions/:id/conversation',
      {
        config: { access: 'interactions.read' },
        schema: {
          tags,
          summary: "An e-mail interaction's conversation, oldest message first",
          params: IdParams,
          response: { 200: ConversationSchema },
        },
      },
      async (request) =>
        threads.conversation(request.principal!.workspaceId, request.params.id, request.principal!.userId),
    );
    app.post(
      '/email/interactions/:id/reply',
      {
        config: { access: 'interactions.write' },
        schema: {
          tags,
          summary: 'Reply, reply to all or forward; sent through the mailbox, then stored',
          params: IdParams,
          body: ReplyBody,
          response: { 201: Obj({ id: Uuid, messageId: Type.String(), state: Type.String() }) },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        return reply
          .status(201)
          .send(await threads.reply(p.workspaceId, p.userId, request.params.id, request.body));
      },
    );
    app.get(
      '/email/messages/:id/frame',
      {
        config: { access: 'interactions.read' },
        schema: {
          tags,
          summary: "A message's sanitised HTML for a sandboxed frame; remote images only with images=allow",
          params: IdParams,
          querystring: Obj({
            images: Type.Optional(Type.Literal('allow')),
            quoteLabel: Type.Optional(Type.String({ maxLength: 60 })),
          }),
          response: { 200: Type.String() },
        },
      },
      async (request, reply) => {
        const { document, blocked, policy } = await threads.frame(
          request.principal!.workspaceId,
          request.params.id,
          {
            allowRemoteImages: request.query.images === 'allow',
            quoteLabel: request.query.quoteLabel ?? '…',
          },
        );
        return reply
          .header('content-security-policy', policy)
          .header('x-content-type-options', 'nosniff')
          .header('x-blocked-images', String(blocked))
          .type('text/html; charset=utf-8')
          .send(document);
      },
    );
    app.get(
      '/email/attachments/:id',
      {
        config: { access: 'interactions.read' },
        schema: {
          tags,
          summary: 'An attachment or inline image',
          params: IdParams,
          response: { 200: Type.Unknown() },
        },
      },
      async (request, reply) => {
        const a = await threads.attachment(request.principal!.workspaceId, request.params.id);
        const safeInline = /^image\/(png|jpeg|gif|webp)$/.test(a.contentType);
        const name = (a.filename ?? 'attachment').replace(/["\\\r\n]/g, '_');
        return reply
          .header('content-disposition', `${safeInline ? 'inline' : 'attachment'}; filename="${name}"`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'")
          .type(safeInline ? a.contentType : 'application/octet-stream')
          .send(a.content);
      },
    );
  };
}
