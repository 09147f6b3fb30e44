/**
 * Conversations that start with a message from us (a confirmation a script sends after a call): an
 * outbound e-mail interaction with its thread, sent through a mailbox's server, so that the customer's
 * reply threads into it like any other.
 */
import { asc, eq } from 'drizzle-orm';
import { scoped } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/errors.ts';
import type { EmailDeps } from './context.ts';
import { newReference, newToken } from './ingest-service.ts';
import type { MailboxService } from './mailbox-service.ts';
import type { createOutboundStore } from './outbound-store.ts';
import { emailMailboxes, emailThreads } from './schema.ts';
import { replyAddress, withReference } from './threading.ts';

export interface NewConversation {
  /** The mailbox that sends; null takes the workspace's first enabled mailbox that can send. */
  mailboxId: string | null;
  to: string;
  subject: string;
  text: string;
  customerId: string | null;
  authorId: string | null;
  /** Sends once per key: a repeat answers the conversation the first one started. */
  idempotencyKey: string;
  attributes?: Record<string, unknown>;
}

export function createOutboundConversations(
  deps: EmailDeps,
  mailboxes: MailboxService,
  outbound: ReturnType<typeof createOutboundStore>,
) {
  const { db, clock, newId, interactions } = deps;

  async function sender(workspaceId: string, mailboxId: string | null) {
    if (mailboxId) return mailboxes.row(workspaceId, mailboxId);
    const rows = await db
      .select()
      .from(emailMailboxes)
      .where(scoped(db, workspaceId).where(emailMailboxes, eq(emailMailboxes.enabled, true)))
      .orderBy(asc(emailMailboxes.name));
    const found = rows.find((r) => r.smtp !== null);
    if (!found) throw new AppError('email.no_outbound', 409, 'No mailbox of this workspace can send e-mail');
    return found;
  }

  /**
   * Sends a new message and stores it as a closed outbound e-mail interaction with its own conversation.
   * @example await conversations.start(ws, { mailboxId: null, to: 'ana@x.co', subject: 'Confirmación', text: '…', customerId, authorId, idempotencyKey: 'script-email:…' })
   */
  async function start(workspaceId: string, input: NewConversation) {
    const existing = await interactions.findByIdempotencyKey(workspaceId, input.idempotencyKey);
    if (existing) return { interactionId: existing.id, messageId: null, created: false };
    const mailbox = await sender(workspaceId, input.mailboxId);
    const secrets = await mailboxes.secrets(workspaceId, mailbox.id);
    const threadId = newId();
    const reference = newReference();
    const prepared = interactions.prepare(
      workspaceId,
      {
        channel: 'email',
        direction: 'outbound',
        customerId: input.customerId,
        subject: input.subject,
        idempotencyKey: input.idempotencyKey,
        attributes: { ...input.attributes, mailboxId: mailbox.id, threadId, reference, to: input.to },
      },
      input.authorId,
    );
    const now = clock.now();
    const thread: typeof emailThreads.$inferSelect = {
      id: threadId,
      workspaceId,
      mailboxId: mailbox.id,
      interactionId: prepared.interaction.id,
      customerId: input.customerId,
      token: newToken(),
      reference,
      subject: input.subject,
      participants: [input.to.toLowerCase()],
      firstReplyDueAt: null,
      resolutionDueAt: null,
      firstRepliedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const sent = await outbound.sendAndStore(
      secrets,
      thread,
      {
        kind: 'message',
        authorId: input.authorId,
        to: [input.to],
        replyTo: replyAddress(mailbox.address, thread.token),
        subject: withReference(input.subject, reference),
        text: input.text,
      },
      (tx, record) =>
        interactions
          .transition(tx, record, workspaceId, thread.interactionId, 'closed', {}, input.authorId)
          .then(() => {}),
      async (tx, record) => {
        await interactions.insertPrepared(tx, record, [prepared]);
        await scoped(tx, workspaceId).insert(emailThreads, thread);
      },
    );
    return { interactionId: thread.interactionId, messageId: sent.id, created: true };
  }

  return { start };
}
