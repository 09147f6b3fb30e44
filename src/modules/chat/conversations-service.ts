/**
 * Live chats. A message is stored, with its sequence number, before it is acknowledged; a client's own
 * message id makes a retried send answer the stored message instead of storing it twice; the row lock on
 * the conversation orders its messages. Every change is an event on `chat:<id>` (the visitor's topic) and
 * `interaction:<id>` (the desk's), so a reconnecting client resumes from its last cursor and misses nothing.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { RecordEvents } from '../../platform/events/unit-of-work.ts';
import { recordTimelineEntry } from '../customers/index.ts';
import type { Message, MessageAttachment } from '../interactions/index.ts';
import type { ChatContext } from './context.ts';
import { createMessageWriter } from './message-writer.ts';
import { chatAttachments, chatConversations } from './schema.ts';
import type { Visitor, VisitorService } from './visitors-service.ts';

export type Actor =
  | { kind: 'visitor'; visitor: Visitor }
  | { kind: 'agent'; workspaceId: string; userId: string };

type Conversation = typeof chatConversations.$inferSelect;

export interface SendInput {
  clientId: string;
  body: string;
  attachmentIds?: string[];
  /** Agents only: a note the customer never sees. */
  internal?: boolean;
}

const workspaceOf = (a: Actor) => (a.kind === 'visitor' ? a.visitor.workspaceId : a.workspaceId);
const topics = (id: string, internal = false) =>
  internal ? [`interaction:${id}`] : [`chat:${id}`, `interaction:${id}`];
const TYPING_EVERY_MS = 2_000;

export function createConversationService(ctx: ChatContext, visitors: VisitorService) {
  const { db, uow, clock } = ctx;
  const lastTyping = new Map<string, number>();
  const writer = createMessageWriter(ctx);

  /** The conversation, if this actor may see it: its own visitor (or devices of the same verified customer), or the workspace's desk. */
  async function load(actor: Actor, id: string, tx: Db = db): Promise<Conversation> {
    const [row] = await tx
      .select()
      .from(chatConversations)
      .where(scoped(tx, workspaceOf(actor)).where(chatConversations, eq(chatConversations.id, id)));
    if (!row) throw errors.notFound('Conversation');
    if (actor.kind === 'visitor' && !(await visitors.sameCustomer(actor.visitor)).includes(row.visitorId))
      throw errors.notFound('Conversation');
    return row;
  }

  async function attachmentsFor(
    actor: Actor,
    conversation: Conversation,
    ids: string[],
  ): Promise<MessageAttachment[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .select({
        id: chatAttachments.id,
        fileName: chatAttachments.fileName,
        contentType: chatAttachments.contentType,
        size: chatAttachments.size,
        visitorId: chatAttachments.visitorId,
        channelId: chatAttachments.channelId,
      })
      .from(chatAttachments)
      .where(scoped(db, workspaceOf(actor)).where(chatAttachments, inArray(chatAttachments.id, ids)));
    const mine = rows.filter(
      (r) =>
        r.channelId === conversation.channelId &&
        (actor.kind === 'visitor' ? r.visitorId === actor.visitor.id : r.visitorId === null),
    );
    if (mine.length !== new Set(ids).size)
      throw errors.badRequest('chat.unknown_attachment', 'Attach only files you uploaded to this channel', [
        { path: '/attachmentIds', message: 'unknown attachment' },
      ]);
    return mine.map(({ id, fileName, contentType, size }) => ({ id, fileName, contentType, size }));
  }

  /**
   * Stores a message and answers it: `created: false` when the client id was already stored (a retry).
   * Concurrent sends share a transaction (see `message-writer.ts`); each is answered after its commit.
   * @example await send({ kind: 'visitor', visitor }, conversationId, { clientId: 'c-1', body: 'Hola' })
   */
  async function send(
    actor: Actor,
    id: string,
    input: SendInput,
  ): Promise<{ message: Message; created: boolean }> {
    if (input.internal && actor.kind !== 'agent') throw errors.forbidden('Only agents write notes');
    if (!input.body.trim() && !input.attachmentIds?.length)
      throw errors.badRequest('chat.empty_message', 'Write something or attach a file', [
        { path: '/body', message: 'empty' },
      ]);
    if (input.body.includes('\u0000'))
      throw errors.badRequest('chat.bad_body', 'A message cannot hold a NUL character', [
        { path: '/body', message: 'NUL character' },
      ]);
    // Only files need the conversation first (its channel); the writer checks access under its lock.
    const attachments = input.attachmentIds?.length
      ? await attachmentsFor(actor, await load(actor, id), input.attachmentIds)
      : [];
    return writer.write({
      workspaceId: workspaceOf(actor),
      conversationId: id,
      visitorIds: actor.kind === 'visitor' ? await visitors.sameCustomer(actor.visitor) : null,
      authorId: actor.kind === 'agent' ? actor.userId : null,
      direction: input.internal ? 'internal' : actor.kind === 'visitor' ? 'inbound' : 'outbound',
      clientId: input.clientId,
      body: input.body,
      attachments,
    });
  }

  /** The messages in order, after a sequence number; visitors never see internal notes. */
  async function history(actor: Actor, id: string, afterSeq = 0) {
    const conversation = await load(actor, id);
    const messages = await ctx.messages.list(db, conversation.workspaceId, id, {
      afterSeq,
      withInternal: actor.kind === 'agent',
    });
    return { conversation: view(conversation), messages };
  }

  /** The other side has received (or read) everything up to `seq`; status per message follows from it. */
  async function receipt(actor: Actor, id: string, kind: 'delivered' | 'read', seq: number) {
    const conversation = await load(actor, id);
    await uow.run(async (tx, record) => {
      // Watermarks only move forward, and never past the last message.
      const target = sql`least(${seq}, ${chatConversations.lastSeq})`;
      const set =
        actor.kind === 'agent'
          ? {
              agentReadSeq: target,
              agentDeliveredSeq: sql`greatest(${chatConversations.agentDeliveredSeq}, ${target})`,
            }
          : kind === 'read'
            ? {
                visitorReadSeq: target,
                visitorDeliveredSeq: sql`greatest(${chatConversations.visitorDeliveredSeq}, ${target})`,
              }
            : { visitorDeliveredSeq: target };
      const watermark =
        actor.kind === 'agent'
          ? chatConversations.agentReadSeq
          : kind === 'read'
            ? chatConversations.visitorReadSeq
            : chatConversations.visitorDeliveredSeq;
      const moved = await tx
        .update(chatConversations)
        .set(set)
        .where(
          and(
            scoped(tx, conversation.workspaceId).where(chatConversations, eq(chatConversations.id, id)),
            sql`${watermark} < ${target}`,
          ),
        )
        .returning({ id: chatConversations.id });
      if (moved.length === 0) return;
      await record({
        workspaceId: conversation.workspaceId,
        type: 'chat.receipt',
        subject: 'interaction',
        subjectId: id,
        actorId: actor.kind === 'agent' ? actor.userId : null,
        topics: topics(id),
        payload: { by: actor.kind, kind: actor.kind === 'agent' ? 'read' : kind, seq },
      });
    });
  }

  /** "Typing…": an event at most every two seconds per side, so a fast typist does not flood the log. */
  async function typing(actor: Actor, id: string) {
    const conversation = await load(actor, id);
    const key = `${id}:${actor.kind}`;
    const now = clock.now().getTime();
    if ((lastTyping.get(key) ?? 0) + TYPING_EVERY_MS > now) return;
    lastTyping.set(key, now);
    if (lastTyping.size > 10_000) lastTyping.clear();
    await uow.run((_tx, record) =>
      record({
        workspaceId: conversation.workspaceId,
        type: 'chat.typing',
        subject: 'interaction',
        subjectId: id,
        topics: topics(id),
        payload: { by: actor.kind },
      }),
    );
  }

  /** Tells the visitor who joined (or that the conversation ended), as an event on its topic. */
  async function announce(
    tx: Db,
    record: RecordEvents,
    conversation: Conversation,
    state: string,
    extra: Record<string, unknown>,
  ) {
    void tx;
    await record({
      workspaceId: conversation.workspaceId,
      type: 'chat.state',
      subject: 'interaction',
      subjectId: conversation.id,
      topics: topics(conversation.id),
      payload: { state, ...extra },
    });
  }

  /** The agent took the chat: the visitor sees the agent's first name. */
  async function join(actor: Extract<Actor, { kind: 'agent' }>, id: string) {
    const conversation = await load(actor, id);
    const interaction = await ctx.interactions.get(actor.workspaceId, id);
    if (interaction.agentId !== actor.userId) throw errors.forbidden('This chat is assigned to someone else');
    const user = await ctx.users.get(actor.workspaceId, actor.userId);
    const agentName = user.name.split(' ')[0] ?? user.name;
    await uow.run((tx, record) => announce(tx, record, conversation, 'agent_joined', { agentName }));
    return { agentName };
  }

  /**
   * Ends the chat for both sides. The agent's close starts wrap-up in routing; the visitor's leaves the
   * queue if nobody took it yet. The transcript becomes the customer's timeline entry.
   */
  async function close(actor: Actor, id: string) {
    const conversation = await load(actor, id);
    if (!conversation.open) return view(conversation);
    const interaction = await ctx.interactions.get(conversation.workspaceId, id);
    if (actor.kind === 'agent') {
      if (interaction.state === 'active') await ctx.routing.end(actor.workspaceId, id, actor.userId);
    } else if (['queued', 'offered'].includes(interaction.state)) {
      await ctx.routing.abandon(conversation.workspaceId, id).catch(() => undefined);
    }
    const now = clock.now();
    const lines = await ctx.messages.list(db, conversation.workspaceId, id, {
      withInternal: false,
      limit: 500,
    });
    await uow.run(async (tx, record) => {
      await tx
        .update(chatConversations)
        .set({ open: false, closedAt: now })
        .where(
          and(eq(chatConversations.id, id), eq(chatConversations.workspaceId, conversation.workspaceId)),
        );
      await recordTimelineEntry(tx, {
        workspaceId: conversation.workspaceId,
        customerId: conversation.customerId,
        at: conversation.createdAt,
        kind: 'interaction',
        channel: 'chat',
        refId: id,
        summary: transcriptSummary(lines),
        payload: {
          state: 'closed',
          transcript: lines.map((m) => ({
            at: m.createdAt,
            from: m.direction === 'inbound' ? 'customer' : 'agent',
            body: m.body,
          })),
        },
      });
      await announce(tx, record, conversation, 'closed', { by: actor.kind });
    });
    return view({ ...conversation, open: false, closedAt: now });
  }

  /** The visitor's satisfaction, 1 to 5, once the chat is over (it may change its mind). */
  async function rate(actor: Actor, id: string, rating: number, comment: string | null) {
    const conversation = await load(actor, id);
    if (conversation.open) throw new AppError('chat.still_open', 409, 'Rate the chat once it has ended');
    await uow.run(async (tx, record) => {
      await tx
        .update(chatConversations)
        .set({ rating, ratingComment: comment })
        .where(eq(chatConversations.id, id));
      await record({
        workspaceId: conversation.workspaceId,
        type: 'chat.rated',
        subject: 'interaction',
        subjectId: id,
        topics: [`interaction:${id}`, `customer:${conversation.customerId}`],
        payload: { rating, comment },
      });
    });
  }

  /** Sends the transcript to an address through the platform's mailer. */
  async function emailTranscript(actor: Actor, id: string, to: string) {
    const { conversation, messages } = await history(actor, id);
    const language = actor.kind === 'visitor' ? actor.visitor.language : 'es';
    const who = (m: Message) =>
      m.direction === 'inbound'
        ? language === 'es'
          ? 'Usted'
          : 'You'
        : language === 'es'
          ? 'Agente'
          : 'Agent';
    const text = messages
      .map(
        (m) =>
          `[${m.createdAt.slice(0, 16).replace('T', ' ')} UTC] ${who(m)}: ${m.body}${m.attachments.length ? ` (${m.attachments.map((a) => a.fileName).join(', ')})` : ''}`,
      )
      .join('\n');
    await ctx.mailer.send({
      to,
      subject: language === 'es' ? 'Transcripción de su conversación' : 'Your chat transcript',
      text: `${text}\n\n${language === 'es' ? 'Conversación' : 'Conversation'} ${conversation.id}`,
    });
  }

  /** The visitor's conversations, newest first (with a verified identity, from every device). */
  async function listForVisitor(visitor: Visitor) {
    const ids = await visitors.sameCustomer(visitor);
    const rows = await db
      .select()
      .from(chatConversations)
      .where(
        scoped(db, visitor.workspaceId).where(chatConversations, inArray(chatConversations.visitorId, ids)),
      )
      .orderBy(desc(chatConversations.createdAt))
      .limit(50);
    return rows.map(view);
  }

  return { load, send, history, receipt, typing, join, close, rate, emailTranscript, listForVisitor };
}

export type ConversationService = ReturnType<typeof createConversationService>;

export const view = (c: Conversation) => ({
  id: c.id,
  open: c.open,
  lastSeq: c.lastSeq,
  visitorDeliveredSeq: c.visitorDeliveredSeq,
  visitorReadSeq: c.visitorReadSeq,
  agentDeliveredSeq: c.agentDeliveredSeq,
  agentReadSeq: c.agentReadSeq,
  rating: c.rating,
  createdAt: c.createdAt.toISOString(),
  closedAt: c.closedAt?.toISOString() ?? null,
});

function transcriptSummary(lines: Message[]): string {
  const first = lines.find((m) => m.direction === 'inbound')?.body ?? '';
  return `Chat (${lines.length}): ${first}`.slice(0, 200);
}
