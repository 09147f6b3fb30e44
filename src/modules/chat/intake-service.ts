/**
 * What a visitor starts: a live chat (when open), a call-back for a time window, a message left when
 * closed, a service request with a reference number; and the files it uploads for them.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import { safeFileName, sniffFile } from '../../lib/files.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { recordTimelineEntry } from '../customers/index.ts';
import type { ChatContext } from './context.ts';
import type { ConversationService } from './conversations-service.ts';
import { referenceNumber } from './reference.ts';
import { chatAttachments, chatConversations, chatRequests } from './schema.ts';
import { offlineOffers } from './settings.ts';
import type { Visitor, VisitorService } from './visitors-service.ts';

export interface Contact {
  name?: string;
  email?: string;
  phone?: string;
}

export function createIntakeService(
  ctx: ChatContext,
  visitors: VisitorService,
  conversations: ConversationService,
) {
  const { db, uow, clock, newId } = ctx;

  /** The visitor's customer: the verified one, or a customer for this anonymous visitor, made on first need. */
  async function customerOf(visitor: Visitor, contact: Contact): Promise<string> {
    if (visitor.customerId) return visitor.customerId;
    const { customer } = await ctx.customers.findOrCreateByIdentity(
      visitor.workspaceId,
      { kind: 'webchat', value: visitor.id },
      { name: contact.name, language: visitor.language },
    );
    await visitors.linkCustomer(visitor, customer.id, contact);
    return customer.id;
  }

  /**
   * Starts a live chat with its first message, or refuses with `chat.offline` (409) so the widget offers
   * to leave a message. A retry with the same client id answers the chat already started.
   */
  async function startChat(
    visitor: Visitor,
    input: { clientId: string; message: string; contact: Contact; fields: Record<string, string> },
  ) {
    const channel = await ctx.channelById(visitor.channelId);
    const availability = await visitors.availability(channel);
    const idempotencyKey = `chat:${visitor.id}:${input.clientId}`;
    const customerId = await customerOf(visitor, input.contact);
    if (!availability.open)
      throw new AppError(
        'chat.offline',
        409,
        availability.reason === 'closed'
          ? 'The chat is closed now: leave a message'
          : 'Nobody can take a chat now: leave a message',
      );
    const { interaction, created } = await ctx.interactions.create(
      visitor.workspaceId,
      {
        channel: 'chat',
        direction: 'inbound',
        customerId,
        subject: input.message.slice(0, 120),
        language: visitor.language,
        queueId: channel.settings.queueId,
        idempotencyKey,
        attributes: { channelId: channel.id, visitorId: visitor.id, fields: input.fields },
      },
      null,
    );
    if (created) {
      await uow.run(async (tx) => {
        await tx
          .insert(chatConversations)
          .values({
            id: interaction.id,
            workspaceId: visitor.workspaceId,
            channelId: channel.id,
            visitorId: visitor.id,
            customerId,
            lastSeq: 0,
            visitorDeliveredSeq: 0,
            visitorReadSeq: 0,
            agentReadSeq: 0,
            open: true,
            rating: null,
            ratingComment: null,
            createdAt: clock.now(),
            closedAt: null,
          })
          .onConflictDoNothing();
        await recordTimelineEntry(tx, {
          workspaceId: visitor.workspaceId,
          customerId,
          at: clock.now(),
          kind: 'interaction',
          channel: 'chat',
          refId: interaction.id,
          summary: `Chat: ${input.message}`.slice(0, 200),
          payload: { state: 'queued' },
        });
      });
      await conversations.send({ kind: 'visitor', visitor }, interaction.id, {
        clientId: input.clientId,
        body: input.message,
      });
      await ctx.router.enqueue(visitor.workspaceId, interaction);
    }
    return conversations.history({ kind: 'visitor', visitor }, interaction.id);
  }

  async function request(
    visitor: Visitor,
    kind: 'callback' | 'message' | 'service_request',
    interaction: {
      channel: 'callback' | 'webform';
      subject: string;
      message: string;
      scheduledFor?: string;
      attributes: Record<string, unknown>;
      clientId: string;
    },
    contact: Contact,
  ) {
    const channel = await ctx.channelById(visitor.channelId);
    const customerId = await customerOf(visitor, contact);
    const reference = referenceNumber(
      kind === 'callback' ? 'CB' : kind === 'message' ? 'MSG' : 'SR',
      Math.random,
    );
    const { interaction: created, created: isNew } = await ctx.interactions.create(
      visitor.workspaceId,
      {
        channel: interaction.channel,
        direction: 'inbound',
        customerId,
        subject: interaction.subject.slice(0, 200),
        language: visitor.language,
        queueId: channel.settings.callbackQueueId,
        idempotencyKey: `${kind}:${visitor.id}:${interaction.clientId}`,
        scheduledFor: interaction.scheduledFor ?? null,
        message: interaction.message,
        attributes: { ...interaction.attributes, kind, reference, contact, channelId: channel.id },
      },
      null,
    );
    if (!isNew) return requestView(created, (created.attributes.reference as string) ?? reference);
    await uow.run(async (tx) => {
      await tx.insert(chatRequests).values({
        id: created.id,
        workspaceId: visitor.workspaceId,
        channelId: channel.id,
        visitorId: visitor.id,
        kind,
        reference,
        createdAt: clock.now(),
      });
      await recordTimelineEntry(tx, {
        workspaceId: visitor.workspaceId,
        customerId,
        at: clock.now(),
        kind: 'interaction',
        channel: interaction.channel,
        refId: created.id,
        summary: `${reference}: ${interaction.subject}`.slice(0, 200),
        payload: { state: created.state, reference },
      });
    });
    // Queued work is routed now: messages and requests (answered by e-mail) and a call-back whose window
    // is already open. A call-back for later stays scheduled; routing offers it when its window opens.
    if (created.state === 'queued') await ctx.router.enqueue(visitor.workspaceId, created);
    const email = contact.email ?? visitor.email;
    if (email && kind !== 'callback') {
      const es = visitor.language === 'es';
      await ctx.mailer.send({
        to: email,
        subject: es ? `Recibimos su solicitud ${reference}` : `We received your request ${reference}`,
        text: es
          ? `Gracias. Su número de referencia es ${reference}. Le responderemos por este medio.\n\n${interaction.message}`
          : `Thank you. Your reference number is ${reference}. We will answer you here.\n\n${interaction.message}`,
      });
    }
    return requestView(created, reference);
  }

  const requestView = (
    i: { id: string; state: string; scheduledFor: string | null; createdAt: string; channel: string },
    reference: string,
  ) => ({
    id: i.id,
    reference,
    channel: i.channel,
    state: i.state,
    scheduledFor: i.scheduledFor,
    createdAt: i.createdAt,
  });

  /**
   * Refuses what the channel does not offer while chat is not open (its `whenOffline` setting): a channel
   * that hides chat takes no message then, and only `leave_message_or_callback` takes a call-back then.
   */
  async function checkOffered(visitor: Visitor, what: 'message' | 'callback') {
    const channel = await ctx.channelById(visitor.channelId);
    if (offlineOffers(channel.settings.whenOffline)[what]) return;
    if ((await visitors.availability(channel)).open) return;
    throw new AppError(
      'chat.not_offered',
      409,
      what === 'message'
        ? 'This channel takes no messages while chat is closed'
        : 'This channel takes no call-back requests while chat is closed',
    );
  }

  /** "Call me": a call-back interaction scheduled for the start of the window the visitor chose. */
  async function callback(
    visitor: Visitor,
    input: {
      clientId: string;
      phone: string;
      windowStart: string;
      windowEnd: string;
      note?: string;
      contact: Contact;
    },
  ) {
    const start = new Date(input.windowStart);
    const end = new Date(input.windowEnd);
    if (!(end > start))
      throw errors.badRequest('chat.bad_window', 'The window must end after it starts', [
        { path: '/windowEnd', message: 'before the start' },
      ]);
    if (end.getTime() < clock.now().getTime())
      throw errors.badRequest('chat.bad_window', 'The window is already over', [
        { path: '/windowEnd', message: 'in the past' },
      ]);
    if (end.getTime() - start.getTime() > 7 * 86_400_000)
      throw errors.badRequest('chat.bad_window', 'A window may last at most a week', [
        { path: '/windowEnd', message: 'too long' },
      ]);
    await checkOffered(visitor, 'callback');
    return request(
      visitor,
      'callback',
      {
        channel: 'callback',
        subject: input.note?.trim() || input.phone,
        message: input.note ?? '',
        scheduledFor: start.toISOString(),
        attributes: { phone: input.phone, windowStart: start.toISOString(), windowEnd: end.toISOString() },
        clientId: input.clientId,
      },
      { ...input.contact, phone: input.phone },
    );
  }

  /** A message left while the chat is closed: answered later, by e-mail. */
  async function leaveMessage(
    visitor: Visitor,
    input: { clientId: string; message: string; contact: Contact & { email: string } },
  ) {
    await checkOffered(visitor, 'message');
    return request(
      visitor,
      'message',
      {
        channel: 'webform',
        subject: input.message,
        message: input.message,
        attributes: { replyTo: input.contact.email },
        clientId: input.clientId,
      },
      input.contact,
    );
  }

  /** A service request: a category, a description and files; it gets a reference the visitor can follow. */
  async function serviceRequest(
    visitor: Visitor,
    input: {
      clientId: string;
      category: string;
      description: string;
      attachmentIds: string[];
      contact: Contact;
    },
  ) {
    const channel = await ctx.channelById(visitor.channelId);
    if (!channel.settings.requestCategories.includes(input.category))
      throw errors.badRequest(
        'chat.unknown_category',
        `Choose one of: ${channel.settings.requestCategories.join(', ')}`,
        [{ path: '/category', message: 'unknown category' }],
      );
    const files = await ownFiles(visitor, input.attachmentIds);
    return request(
      visitor,
      'service_request',
      {
        channel: 'webform',
        subject: `${input.category}: ${input.description}`,
        message: input.description,
        attributes: { category: input.category, attachments: files },
        clientId: input.clientId,
      },
      input.contact,
    );
  }

  async function ownFiles(visitor: Visitor, ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await db
      .select({
        id: chatAttachments.id,
        fileName: chatAttachments.fileName,
        contentType: chatAttachments.contentType,
        size: chatAttachments.size,
        visitorId: chatAttachments.visitorId,
      })
      .from(chatAttachments)
      .where(scoped(db, visitor.workspaceId).where(chatAttachments, inArray(chatAttachments.id, ids)));
    if (rows.length !== new Set(ids).size || rows.some((r) => r.visitorId !== visitor.id))
      throw errors.badRequest('chat.unknown_attachment', 'Attach only files you uploaded', [
        { path: '/attachmentIds', message: 'unknown attachment' },
      ]);
    return rows.map(({ visitorId: _v, ...file }) => file);
  }

  /** The visitor's requests with their current state, newest first: how it follows them. */
  async function listRequests(visitor: Visitor) {
    const ids = await visitors.sameCustomer(visitor);
    const rows = await db
      .select()
      .from(chatRequests)
      .where(scoped(db, visitor.workspaceId).where(chatRequests, inArray(chatRequests.visitorId, ids)))
      .orderBy(desc(chatRequests.createdAt))
      .limit(50);
    return Promise.all(
      rows.map(async (r) => {
        const i = await ctx.interactions.get(visitor.workspaceId, r.id);
        return { ...requestView(i, r.reference), kind: r.kind };
      }),
    );
  }

  /** Stores an uploaded file after checking what it really is; answers its id for a message or request. */
  async function upload(
    workspaceId: string,
    channelId: string,
    visitorId: string | null,
    fileName: string,
    bytes: Buffer,
  ) {
    const sniffed = sniffFile(bytes);
    if (!sniffed.ok) throw new AppError('chat.bad_file', sniffed.status, sniffed.message);
    const row = {
      id: newId(),
      workspaceId,
      channelId,
      visitorId,
      fileName: safeFileName(fileName),
      contentType: sniffed.type,
      size: bytes.length,
      data: bytes,
      createdAt: clock.now(),
    };
    await db.insert(chatAttachments).values(row);
    return { id: row.id, fileName: row.fileName, contentType: row.contentType, size: row.size };
  }

  /** A file for a visitor who may see it (its own upload, or one sent in its conversation) or for the desk. */
  async function download(workspaceId: string, id: string, visitor: Visitor | null) {
    const [row] = await db
      .select()
      .from(chatAttachments)
      .where(scoped(db, workspaceId).where(chatAttachments, eq(chatAttachments.id, id)));
    if (!row) throw errors.notFound('File');
    if (visitor && row.visitorId !== visitor.id && !(await sentToVisitor(visitor, id)))
      throw errors.notFound('File');
    return row;
  }

  async function sentToVisitor(visitor: Visitor, attachmentId: string): Promise<boolean> {
    for (const c of await conversations.listForVisitor(visitor)) {
      const { messages } = await conversations.history({ kind: 'visitor', visitor }, c.id);
      if (messages.some((m) => m.attachments.some((a) => a.id === attachmentId))) return true;
    }
    return false;
  }

  return { startChat, callback, leaveMessage, serviceRequest, listRequests, upload, download };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
