/**
 * What a raw message is checked against before it is stored: an IMAP source already taken in or
 * quarantined, and the threads its clues (answered message ids, the conversation token in the
 * recipient, the reference number in the subject) point at. Reads only.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import type { IngestResult, Source } from './ingest-result.ts';
import type { ParsedEmail } from './parse.ts';
import { type emailMailboxes, emailMessages, emailQuarantine, emailThreads } from './schema.ts';
import { answeredIds, referenceIn, tokenIn } from './threading.ts';

type MailboxRow = typeof emailMailboxes.$inferSelect;
type ThreadRow = typeof emailThreads.$inferSelect;

export function createIngestLookups(db: Db) {
  async function bySource(mailbox: MailboxRow, source: Source): Promise<IngestResult | null> {
    const ws = scoped(db, mailbox.workspaceId);
    const [m] = await db
      .select({ id: emailMessages.id })
      .from(emailMessages)
      .where(
        ws.where(
          emailMessages,
          eq(emailMessages.mailboxId, mailbox.id),
          eq(emailMessages.uidValidity, source.uidValidity!),
          eq(emailMessages.uid, source.uid!),
        ),
      );
    if (m) return { status: 'duplicate', messageId: m.id };
    const [q] = await db
      .select({ id: emailQuarantine.id, reason: emailQuarantine.reason })
      .from(emailQuarantine)
      .where(
        ws.where(
          emailQuarantine,
          eq(emailQuarantine.mailboxId, mailbox.id),
          eq(emailQuarantine.uidValidity, source.uidValidity!),
          eq(emailQuarantine.uid, source.uid!),
        ),
      );
    return q ? { status: 'quarantined', quarantineId: q.id, reason: q.reason } : null;
  }

  /** The thread each clue points at, looked up in this workspace. */
  async function clues(mailbox: MailboxRow, parsed: ParsedEmail) {
    const ws = scoped(db, mailbox.workspaceId);
    const ids = answeredIds(parsed.inReplyTo ?? undefined, parsed.references).slice(0, 50);
    const [byId] = ids.length
      ? await db
          .select({ threadId: emailMessages.threadId })
          .from(emailMessages)
          .where(ws.where(emailMessages, inArray(emailMessages.messageId, ids)))
          .limit(1)
      : [];
    const token = tokenIn(parsed.recipients, mailbox.address);
    const [byToken] = token
      ? await db
          .select({ id: emailThreads.id })
          .from(emailThreads)
          .where(ws.where(emailThreads, eq(emailThreads.token, token)))
      : [];
    const reference = referenceIn(parsed.subject);
    const [byRef] = reference
      ? await db
          .select({ id: emailThreads.id, participants: emailThreads.participants })
          .from(emailThreads)
          .where(ws.where(emailThreads, eq(emailThreads.reference, reference)))
      : [];
    return {
      byMessageId: byId?.threadId ?? null,
      byToken: byToken?.id ?? null,
      byReference: byRef ? { threadId: byRef.id, participants: byRef.participants } : null,
    };
  }

  async function threadRow(tx: Db, workspaceId: string, id: string): Promise<ThreadRow | null> {
    const [row] = await tx
      .select()
      .from(emailThreads)
      .where(scoped(tx, workspaceId).where(emailThreads, eq(emailThreads.id, id)));
    return row ?? null;
  }

  return { bySource, clues, threadRow };
}
