/** Reading a conversation, and answering it: reply, reply-all and forward with CC/BCC and a signature. */
import { asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { framePolicy, renderForFrame, splitQuoted } from './content.ts';
import type { EmailDeps } from './context.ts';
import type { MailboxService } from './mailbox-service.ts';
import type { createOutboundStore } from './outbound-store.ts';
import type { ReplyTextService } from './reply-text-service.ts';
import { emailAttachments, emailMessages, emailQuarantine, emailThreads } from './schema.ts';
import { withSignature } from './templates.ts';
import { replyAddress, replySubject, withReference } from './threading.ts';

export interface ReplyInput {
  mode: 'reply' | 'reply_all' | 'forward';
  to?: string[];
  cc?: string[];
  bcc?: string[];
  subject?: string;
  text: string;
  /** Leave the interaction waiting on the customer after sending (it comes back on their reply). */
  waitOnCustomer?: boolean;
}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Inline images up to this size travel inside the frame's document. */
const INLINE_IMAGE_BYTES = 2 * 1024 * 1024;

/**
 * Where the frame finds an inline image: inside the document as a `data:` URL (the sandboxed frame has
 * no origin of its own, so it could not fetch with the agent's session), or, when too large or not a
 * plain picture, the attachment's address.
 */
function inlineImageUrl(id: string, type: string, content: Buffer | null): string {
  if (content && content.length <= INLINE_IMAGE_BYTES && /^image\/(png|jpeg|gif|webp)$/.test(type))
    return `data:${type};base64,${content.toString('base64')}`;
  return `/api/v1/email/attachments/${id}`;
}

export function createThreadService(
  deps: EmailDeps,
  mailboxes: MailboxService,
  outbound: ReturnType<typeof createOutboundStore>,
  texts: ReplyTextService,
) {
  const { db } = deps;

  /** The signature the agent's replies in this mailbox carry: their own, else the mailbox's. */
  async function signatureFor(
    workspaceId: string,
    actorId: string,
    mailbox: { name: string; signature: string | null },
  ) {
    const agent = await deps.users.get(workspaceId, actorId);
    return texts.signatureFor(workspaceId, { id: actorId, ...agent }, mailbox);
  }

  /** The customer's latest message: what a reply answers (a bounce is the mail system, never the customer). */
  async function lastInbound(workspaceId: string, threadId: string) {
    const [last] = await db
      .select()
      .from(emailMessages)
      .where(
        scoped(db, workspaceId).where(
          emailMessages,
          eq(emailMessages.threadId, threadId),
          eq(emailMessages.direction, 'inbound'),
          eq(emailMessages.bounce, false),
        ),
      )
      .orderBy(desc(emailMessages.createdAt))
      .limit(1);
    return last ?? null;
  }

  /** A saved template filled with this conversation's customer, agent, reference and subject. */
  async function render(workspaceId: string, actorId: string, interactionId: string, templateId: string) {
    const thread = await threadOf(workspaceId, interactionId);
    const [mailbox, agent, last] = await Promise.all([
      mailboxes.row(workspaceId, thread.mailboxId),
      deps.users.get(workspaceId, actorId),
      lastInbound(workspaceId, thread.id),
    ]);
    return texts.render(workspaceId, templateId, {
      'customer.name': last?.fromName ?? null,
      'customer.email': last?.fromAddress ?? null,
      'agent.name': agent.name,
      'agent.email': agent.email,
      reference: thread.reference,
      subject: thread.subject,
      'mailbox.name': mailbox.name,
    });
  }

  async function threadOf(workspaceId: string, interactionId: string) {
    const [thread] = await db
      .select()
      .from(emailThreads)
      .where(scoped(db, workspaceId).where(emailThreads, eq(emailThreads.interactionId, interactionId)));
    if (!thread) throw errors.notFound('E-mail conversation');
    return thread;
  }

  /** The conversation of an interaction: its messages oldest first, with attachments and quoted text split off. */
  async function conversation(workspaceId: string, interactionId: string, actorId: string) {
    const thread = await threadOf(workspaceId, interactionId);
    const ws = scoped(db, workspaceId);
    const messages = await db
      .select()
      .from(emailMessages)
      .where(ws.where(emailMessages, eq(emailMessages.threadId, thread.id)))
      .orderBy(asc(emailMessages.createdAt), asc(emailMessages.id));
    const ids = messages.map((m) => m.id);
    const attachments = ids.length
      ? await db
          .select({
            id: emailAttachments.id,
            messageId: emailAttachments.messageId,
            filename: emailAttachments.filename,
            contentType: emailAttachments.contentType,
            contentId: emailAttachments.contentId,
            inline: emailAttachments.inline,
            size: emailAttachments.size,
            skipped: emailAttachments.skipped,
          })
          .from(emailAttachments)
          .where(ws.where(emailAttachments, inArray(emailAttachments.messageId, ids)))
      : [];
    const mailbox = await mailboxes.get(workspaceId, thread.mailboxId);
    return {
      signature: await signatureFor(workspaceId, actorId, mailbox),
      id: thread.id,
      interactionId: thread.interactionId,
      mailbox: {
        id: mailbox.id,
        name: mailbox.name,
        address: mailbox.address,
        canSend: mailbox.smtp !== null,
      },
      subject: thread.subject,
      reference: thread.reference,
      replyAddress: replyAddress(mailbox.address, thread.token),
      firstReplyDueAt: thread.firstReplyDueAt?.toISOString() ?? null,
      resolutionDueAt: thread.resolutionDueAt?.toISOString() ?? null,
      firstRepliedAt: thread.firstRepliedAt?.toISOString() ?? null,
      messages: messages.map((m) => {
        const { fresh, quoted } = splitQuoted(m.text);
        return {
          id: m.id,
          interactionId: m.interactionId,
          direction: m.direction,
          kind: m.kind,
          from: { address: m.fromAddress, name: m.fromName },
          to: m.to,
          cc: m.cc,
          bcc: m.direction === 'outbound' ? m.bcc : [],
          subject: m.subject,
          text: fresh,
          quoted,
          hasHtml: m.html !== null,
          automated: m.automated,
          bounce: m.bounce,
          authorId: m.authorId,
          sentAt: m.sentAt?.toISOString() ?? null,
          createdAt: m.createdAt.toISOString(),
          attachments: attachments.filter((a) => a.messageId === m.id).map(({ messageId: _m, ...a }) => a),
        };
      }),
    };
  }

  /** The message's HTML as a document for a sandboxed frame, and the policy that goes with it. */
  async function frame(
    workspaceId: string,
    messageId: string,
    options: { allowRemoteImages: boolean; quoteLabel: string },
  ) {
    const ws = scoped(db, workspaceId);
    const [m] = await db
      .select({ html: emailMessages.html })
      .from(emailMessages)
      .where(ws.where(emailMessages, eq(emailMessages.id, messageId)));
    if (!m) throw errors.notFound('E-mail');
    const inline = await db
      .select({
        id: emailAttachments.id,
        cid: emailAttachments.contentId,
        type: emailAttachments.contentType,
        content: emailAttachments.content,
      })
      .from(emailAttachments)
      .where(ws.where(emailAttachments, eq(emailAttachments.messageId, messageId)));
    const cidUrls = new Map(
      inline.filter((a) => a.cid).map((a) => [a.cid!, inlineImageUrl(a.id, a.type, a.content)]),
    );
    const { document, blocked } = renderForFrame(m.html ?? '', { cidUrls, ...options });
    return { document, blocked, policy: framePolicy(options.allowRemoteImages) };
  }

  async function attachment(workspaceId: string, id: string) {
    const [a] = await db
      .select()
      .from(emailAttachments)
      .where(scoped(db, workspaceId).where(emailAttachments, eq(emailAttachments.id, id)));
    if (!a) throw errors.notFound('Attachment');
    if (!a.content)
      throw new AppError(
        'email.attachment_skipped',
        410,
        `The attachment was not kept: ${a.skipped ?? 'too large'}`,
      );
    return a;
  }

  async function reply(workspaceId: string, actorId: string, interactionId: string, input: ReplyInput) {
    const thread = await threadOf(workspaceId, interactionId);
    const secrets = await mailboxes.secrets(workspaceId, thread.mailboxId);
    const own = secrets.row.address;
    const ws = scoped(db, workspaceId);
    const last = await lastInbound(workspaceId, thread.id);
    const [latest] = await db
      .select()
      .from(emailMessages)
      .where(ws.where(emailMessages, eq(emailMessages.threadId, thread.id)))
      .orderBy(desc(emailMessages.createdAt))
      .limit(1);
    const notOwn = (a: string) =>
      a.toLowerCase() !== own && !a.toLowerCase().startsWith(`${own.split('@')[0]}+`);
    let to = input.to ?? [];
    let cc = input.cc ?? [];
    if (input.mode !== 'forward' && to.length === 0 && last) to = [last.fromAddress];
    if (input.mode === 'reply_all' && last)
      cc = [...new Set([...cc, ...last.to, ...last.cc])].filter((a) => notOwn(a) && !to.includes(a));
    const bcc = input.bcc ?? [];
    const all = [...to, ...cc, ...bcc];
    const bad = all.filter((a) => !ADDRESS.test(a));
    if (bad.length)
      throw errors.badRequest(
        'email.bad_address',
        `Not an e-mail address: ${bad.join(', ')}`,
        bad.map((a) => ({ value: a })),
      );
    if (to.length === 0)
      throw errors.badRequest('email.no_recipient', 'A forward needs at least one recipient in "to"', [
        { path: '/to', message: 'required' },
      ]);
    const signature = await signatureFor(workspaceId, actorId, secrets.row);
    const base =
      input.subject ??
      replySubject(thread.subject || '(sin asunto)', input.mode === 'forward' ? 'Fwd' : 'Re');
    let text = withSignature(input.text, signature);
    if (input.mode === 'forward' && latest)
      text += `\n\n---------- Forwarded message ----------\nFrom: ${latest.fromAddress}\nSubject: ${latest.subject}\n\n${latest.text}`;
    const attachments =
      input.mode === 'forward' && latest
        ? (
            await db
              .select()
              .from(emailAttachments)
              .where(ws.where(emailAttachments, eq(emailAttachments.messageId, latest.id)))
          )
            .filter((a) => a.content)
            .map((a) => ({
              filename: a.filename ?? 'attachment',
              contentType: a.contentType,
              content: a.content!,
              ...(a.contentId ? { cid: a.contentId } : {}),
            }))
        : [];
    const answered = input.mode === 'forward' ? null : (last ?? null);
    const interaction = await deps.interactions.get(workspaceId, interactionId);
    const sent = await outbound.sendAndStore(secrets, thread, {
      kind: 'message',
      authorId: actorId,
      to,
      cc,
      bcc,
      replyTo: replyAddress(own, thread.token),
      subject: withReference(base, thread.reference),
      text,
      inReplyTo: answered?.messageId ?? null,
      references: answered?.messageId ? [...answered.references, answered.messageId].slice(-20) : [],
      attachments,
    });
    // Routing lets go of a conversation that waits on the customer, so their answer can be routed again.
    // The message is sent whatever routing answers; the state in the answer tells the agent.
    let state = interaction.state;
    if (input.waitOnCustomer && state === 'active')
      state = await deps.router
        .park(workspaceId, interactionId, actorId)
        .then((parked) => parked.state)
        .catch((error) => {
          deps.logger.warn({ err: error, interaction: interactionId }, 'e-mail conversation not parked');
          return state;
        });
    return { id: sent.id, messageId: sent.messageId, state };
  }

  async function quarantined(workspaceId: string, limit: number) {
    const rows = await db
      .select({
        id: emailQuarantine.id,
        mailboxId: emailQuarantine.mailboxId,
        reason: emailQuarantine.reason,
        detail: emailQuarantine.detail,
        size: emailQuarantine.size,
        createdAt: emailQuarantine.createdAt,
      })
      .from(emailQuarantine)
      .where(scoped(db, workspaceId).where(emailQuarantine, isNull(emailQuarantine.resolvedAt)))
      .orderBy(desc(emailQuarantine.createdAt))
      .limit(limit);
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  return { conversation, render, frame, attachment, reply, quarantined, threadOf };
}
