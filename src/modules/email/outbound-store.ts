/** Sends a message through a mailbox and stores it in its thread, its interaction and the timeline. */
import { eq } from 'drizzle-orm';
import { scoped } from '../../platform/db/scope.ts';
import type { EmailDeps } from './context.ts';
import type { MailboxSecrets } from './mailbox-service.ts';
import { emailMessages, emailThreads } from './schema.ts';
import { type OutgoingEmail, sendThroughMailbox } from './transport.ts';

type ThreadRow = typeof emailThreads.$inferSelect;

export interface Outgoing extends Omit<OutgoingEmail, 'messageId' | 'from'> {
  kind: 'message' | 'ack';
  authorId: string | null;
}

/** `<uuid>@<mailbox domain>`: unique, and recognisable as ours when a reply cites it. */
export const newMessageId = (id: string, address: string) =>
  `${id}@${address.slice(address.lastIndexOf('@') + 1)}`;

export function createOutboundStore(deps: EmailDeps) {
  const send = deps.send ?? sendThroughMailbox;

  /** Sends first (a server's refusal stores nothing), then stores what was sent in one transaction. */
  async function sendAndStore(mailbox: MailboxSecrets, thread: ThreadRow, mail: Outgoing) {
    const { row } = mailbox;
    const id = deps.newId();
    const messageId = newMessageId(id, row.address);
    await send(mailbox, { ...mail, from: { name: row.name, address: row.address }, messageId });
    const now = deps.clock.now();
    await deps.uow.run(async (tx, record) => {
      await scoped(tx, row.workspaceId).insert(emailMessages, {
        id,
        mailboxId: row.id,
        threadId: thread.id,
        interactionId: thread.interactionId,
        direction: 'outbound',
        kind: mail.kind,
        messageId,
        dedupeKey: `mid:${messageId}`,
        contentHash: '',
        uidValidity: null,
        uid: null,
        fromAddress: row.address,
        fromName: row.name,
        to: mail.to,
        cc: mail.cc ?? [],
        bcc: mail.bcc ?? [],
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? null,
        inReplyTo: mail.inReplyTo ?? null,
        references: mail.references ?? [],
        automated: mail.kind === 'ack' ? 'auto_submitted' : null,
        bounce: false,
        authorId: mail.authorId,
        sentAt: now,
        createdAt: now,
      });
      await deps.interactions.addMessage(tx, record, row.workspaceId, {
        interactionId: thread.interactionId,
        direction: 'outbound',
        authorId: mail.authorId,
        body: mail.text.slice(0, 100_000),
      });
      const participants = [
        ...new Set([...thread.participants, ...mail.to, ...(mail.cc ?? [])].map((a) => a.toLowerCase())),
      ];
      await scoped(tx, row.workspaceId).update(
        emailThreads,
        {
          participants,
          updatedAt: now,
          ...(mail.kind === 'message' && !thread.firstRepliedAt ? { firstRepliedAt: now } : {}),
        },
        eq(emailThreads.id, thread.id),
      );
      if (thread.customerId)
        await deps.customers.recordTimelineEntry(tx, {
          workspaceId: row.workspaceId,
          customerId: thread.customerId,
          at: now,
          kind: 'email',
          channel: 'email',
          refId: id,
          summary: `E-mail: ${mail.subject}`,
          payload: { direction: 'outbound', interactionId: thread.interactionId, kind: mail.kind },
          actorId: mail.authorId,
        });
      await record({
        workspaceId: row.workspaceId,
        type: mail.kind === 'ack' ? 'email.acknowledged' : 'email.sent',
        subject: 'interaction',
        subjectId: thread.interactionId,
        actorId: mail.authorId,
        topics: [`interaction:${thread.interactionId}`],
        payload: { messageId: id, to: mail.to.length, cc: mail.cc?.length ?? 0, bcc: mail.bcc?.length ?? 0 },
      });
    });
    return { id, messageId };
  }

  return { sendAndStore };
}
