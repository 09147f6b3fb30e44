/** The agents' and administrators' chat API: messages, receipts, transfer, call-backs, canned responses, channels. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAX_ATTACHMENT_BYTES } from '../../lib/files.ts';
import { IdParams, NoContent, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import { InteractionSchema } from '../interactions/index.ts';
import type { ChannelService } from './channels-service.ts';
import type { ConversationService } from './conversations-service.ts';
import type { DeskService } from './desk-service.ts';
import type { IntakeService } from './intake-service.ts';
import {
  AttachmentSchema,
  ChannelInputSchema,
  ChannelSchema,
  ClientId,
  FileQuery,
  HistorySchema,
  LangSchema,
  MessageSchema,
  ReceiptBody,
  SettingsSchema,
} from './schemas.ts';
import { DEFAULT_SETTINGS } from './settings.ts';

const Key = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,79}$' });
const Outcome = Type.String({ pattern: '^[a-z0-9_]{1,40}$' });

export function deskRoutes(deps: {
  channels: ChannelService;
  conversations: ConversationService;
  desk: DeskService;
  intake: IntakeService;
}): FastifyPluginAsyncTypebox {
  const { channels, conversations, desk, intake } = deps;
  return async (app) => {
    const tags = ['chat'];
    const agent = (p: { workspaceId: string; userId: string }) => ({
      kind: 'agent' as const,
      workspaceId: p.workspaceId,
      userId: p.userId,
    });

    app.get(
      '/chat/conversations/:id/messages',
      {
        config: { access: 'interactions.read' },
        schema: {
          tags,
          params: IdParams,
          querystring: Obj({ afterSeq: Type.Optional(Type.Integer({ minimum: 0 })) }),
          response: { 200: HistorySchema },
        },
      },
      async (request) =>
        conversations.history(agent(request.principal!), request.params.id, request.query.afterSeq ?? 0),
    );
    app.post(
      '/chat/conversations/:id/messages',
      {
        config: { access: 'desk.use' },
        schema: {
          tags,
          summary:
            'Send a message, or an internal note the customer never sees; a repeated clientId answers the stored one',
          params: IdParams,
          body: Obj({
            clientId: ClientId,
            body: Type.String({ maxLength: 4000 }),
            internal: Type.Optional(Type.Boolean()),
            attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 5 })),
          }),
          response: { 200: MessageSchema, 201: MessageSchema },
        },
      },
      async (request, reply) => {
        const { message, created } = await conversations.send(
          agent(request.principal!),
          request.params.id,
          request.body,
        );
        return reply.status(created ? 201 : 200).send(message);
      },
    );
    app.post(
      '/chat/conversations/:id/receipts',
      {
        config: { access: 'desk.use' },
        schema: { tags, params: IdParams, body: ReceiptBody, response: { 204: NoContent } },
      },
      async (request, reply) => {
        const p = request.principal!;
        if (request.body.kind === 'delivered')
          await desk.delivered(p.workspaceId, p.userId, request.params.id, request.body.seq);
        else await conversations.receipt(agent(p), request.params.id, 'read', request.body.seq);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/chat/conversations/:id/typing',
      { config: { access: 'desk.use' }, schema: { tags, params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await conversations.typing(agent(request.principal!), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/chat/conversations/:id/join',
      {
        config: { access: 'desk.use' },
        schema: {
          tags,
          summary: 'Tell the visitor the agent joined (after accepting)',
          params: IdParams,
          response: { 200: Obj({ agentName: Type.String() }) },
        },
      },
      async (request) => conversations.join(agent(request.principal!), request.params.id),
    );
    app.post(
      '/chat/conversations/:id/close',
      {
        config: { access: 'desk.use' },
        schema: {
          tags,
          summary: 'End the chat: wrap-up starts and the transcript joins the customer timeline',
          params: IdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await conversations.close(agent(request.principal!), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/chat/conversations/:id/transfer',
      {
        config: { access: 'desk.use' },
        schema: {
          tags,
          summary: 'Transfer to a queue or an agent with a note for the next agent',
          params: IdParams,
          body: Type.Union([
            Obj({ queueId: Key, note: Type.String({ maxLength: 2000 }) }),
            Obj({ agentId: Uuid, note: Type.String({ maxLength: 2000 }) }),
          ]),
          response: { 200: InteractionSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        const { note, ...to } = request.body;
        return desk.transfer(p.workspaceId, p.userId, request.params.id, to, note);
      },
    );

    app.get(
      '/chat/agents',
      {
        config: { access: 'desk.use' },
        schema: {
          tags,
          summary: 'Agents a chat may be transferred to: logged in to routing, with names and states',
          response: {
            200: Obj({
              items: Type.Array(
                Obj({
                  id: Uuid,
                  name: Type.String(),
                  status: Type.String(),
                  reason: Nullable(Type.String()),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const p = request.principal!;
        return { items: await desk.transferTargets(p.workspaceId, p.userId) };
      },
    );

    app.post(
      '/chat/attachments',
      {
        config: { access: 'desk.use' },
        bodyLimit: MAX_ATTACHMENT_BYTES + 1,
        schema: {
          tags,
          summary: 'Upload a file to send in a chat (raw bytes)',
          querystring: Obj({ ...FileQuery.properties, channelId: Uuid }),
          response: { 201: AttachmentSchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        await channels.get(p.workspaceId, request.query.channelId);
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return reply
          .status(201)
          .send(
            await intake.upload(p.workspaceId, request.query.channelId, null, request.query.fileName, bytes),
          );
      },
    );
    app.get(
      '/chat/attachments/:attachmentId',
      { config: { access: 'interactions.read' }, schema: { tags, params: Obj({ attachmentId: Uuid }) } },
      async (request, reply) =>
        sendFile(
          reply,
          await intake.download(request.principal!.workspaceId, request.params.attachmentId, null),
        ),
    );

    const CallbackSchema = Obj({
      id: Uuid,
      customerId: Nullable(Uuid),
      phone: Type.String(),
      windowStart: Type.String(),
      windowEnd: Type.String(),
      reference: Type.String(),
      note: Nullable(Type.String()),
      state: Type.String(),
      due: Type.Boolean(),
    });
    app.get(
      '/chat/callbacks',
      {
        config: { access: 'desk.use' },
        schema: {
          tags,
          summary: 'Call-backs to place, by window',
          response: { 200: Obj({ items: Type.Array(CallbackSchema) }) },
        },
      },
      async (request) => ({ items: await desk.callbacks(request.principal!.workspaceId) }),
    );
    app.post(
      '/chat/callbacks/:id/outcome',
      {
        config: { access: 'desk.use' },
        schema: {
          tags,
          summary: 'The call was placed: its outcome closes the call-back',
          params: IdParams,
          body: Obj({ outcome: Outcome, notes: Type.Optional(Type.String({ maxLength: 2000 })) }),
          response: { 200: InteractionSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return desk.callbackOutcome(
          p.workspaceId,
          p.userId,
          request.params.id,
          request.body.outcome,
          request.body.notes ?? null,
        );
      },
    );
    app.post(
      '/chat/callbacks/:id/reschedule',
      {
        config: { access: 'desk.use' },
        schema: {
          tags,
          params: IdParams,
          body: Obj({
            windowStart: Type.String({ format: 'date-time' }),
            windowEnd: Type.String({ format: 'date-time' }),
          }),
          response: { 200: InteractionSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return desk.reschedule(
          p.workspaceId,
          p.userId,
          request.params.id,
          request.body.windowStart,
          request.body.windowEnd,
        );
      },
    );

    const Canned = Obj({
      id: Uuid,
      shortcut: Type.String(),
      title: Type.String(),
      body: Type.String(),
      language: LangSchema,
    });
    app.get(
      '/chat/canned-responses',
      {
        config: { access: 'desk.use' },
        schema: {
          tags,
          querystring: Obj({ q: Type.Optional(Type.String({ maxLength: 80 })) }),
          response: { 200: Obj({ items: Type.Array(Canned) }) },
        },
      },
      async (request) => ({ items: await desk.canned(request.principal!.workspaceId, request.query.q) }),
    );
    app.post(
      '/chat/canned-responses',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          body: Obj({
            shortcut: Type.String({ pattern: '^[a-z0-9_-]{1,30}$' }),
            title: Type.String({ minLength: 1, maxLength: 120 }),
            body: Type.String({ minLength: 1, maxLength: 4000 }),
            language: LangSchema,
          }),
          response: { 201: Canned },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await desk.addCanned(request.principal!.workspaceId, request.body)),
    );
    app.delete(
      '/chat/canned-responses/:id',
      { config: { access: 'supervise' }, schema: { tags, params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await desk.removeCanned(request.principal!.workspaceId, request.params.id);
        return reply.status(204).send(null);
      },
    );

    const admin = ['chat admin'];
    app.get(
      '/chat/channels',
      {
        config: { access: 'workspace.manage' },
        schema: { tags: admin, response: { 200: Obj({ items: Type.Array(ChannelSchema) }) } },
      },
      async (request) => ({ items: await channels.list(request.principal!.workspaceId) }),
    );
    app.get(
      '/chat/channel-defaults',
      {
        config: { access: 'workspace.manage' },
        schema: {
          tags: admin,
          summary: "A new web channel's settings, for the form that creates one",
          response: { 200: Obj({ settings: SettingsSchema }) },
        },
      },
      async () => ({ settings: DEFAULT_SETTINGS }),
    );
    app.post(
      '/chat/channels',
      {
        config: { access: 'workspace.manage' },
        schema: {
          tags: admin,
          summary: 'Create a web channel; the answer shows its identity secret once',
          body: ChannelInputSchema,
          response: { 201: ChannelSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await channels.create(request.principal!.workspaceId, request.body)),
    );
    app.get(
      '/chat/channels/:id',
      {
        config: { access: 'workspace.manage' },
        schema: { tags: admin, params: IdParams, response: { 200: ChannelSchema } },
      },
      async (request) => channels.get(request.principal!.workspaceId, request.params.id),
    );
    app.put(
      '/chat/channels/:id',
      {
        config: { access: 'workspace.manage' },
        schema: { tags: admin, params: IdParams, body: ChannelInputSchema, response: { 200: ChannelSchema } },
      },
      async (request) => channels.update(request.principal!.workspaceId, request.params.id, request.body),
    );
    app.post(
      '/chat/channels/:id/secret',
      {
        config: { access: 'workspace.manage' },
        schema: {
          tags: admin,
          summary: 'Rotate the identity secret',
          params: IdParams,
          response: { 200: ChannelSchema },
        },
      },
      async (request) => channels.rotateSecret(request.principal!.workspaceId, request.params.id),
    );
  };
}
