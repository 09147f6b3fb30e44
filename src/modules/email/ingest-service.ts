/**
 * Taking in one raw message, whatever its path (IMAP, pushed SMTP/LMTP, reprocessing): parse, dedupe,
 * thread, store with its interaction in one transaction, then queue and acknowledge. A message that
 * cannot be parsed is quarantined whole; nothing is dropped.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { scoped } from '../../platform/db/scope.ts';
import type { RecordEvents } from '../../platform/events/unit-of-work.ts';
import type { Interaction } from '../interactions/index.ts';
import { isTerminal } from '../interactions/index.ts';
import type { createAckService } from './ack-service.ts';
import type { EmailDeps } from './context.ts';
import { createIngestLookups } from './ingest-lookups.ts';
import type { IngestResult, Source } from './ingest-result.ts';
import { DEFAULT_LIMITS, type ParsedEmail, parseEmail, Unparseable } from './parse.ts';
import {
  emailAttachments,
  type emailMailboxes,
  emailMessages,
  emailQuarantine,
  emailThreads,
} from './schema.ts';
import { chooseThread } from './threading.ts';

type MailboxRow = typeof emailMailboxes.$inferSelect;
type ThreadRow = typeof emailThreads.$inferSelect;

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const code = (length: number) => [...randomBytes(length)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
/** Conversation tokens are lower case so that mail servers that fold the local part keep them. */
export const newToken = () => code(16).toLowerCase();
/** A conversation's reference number, as subjects carry it (`[#K3X9Q2M1]`). */
export const newReference = () => code(8);

export function createIngestService(deps: EmailDeps, acks: ReturnType<typeof createAckService>) {
  const { db, uow, clock, newId, interactions } = deps;
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const { bySource, clues, threadRow } = createIngestLookups(db);

  async function ingest(mailbox: MailboxRow, raw: Buffer, source: Source = {}): Promise<IngestResult> {
    const ws = scoped(db, mailbox.workspaceId);
    if (source.uid !== undefined && source.uidValidity !== undefined) {
      const seen = await bySource(mailbox, source);
      if (seen) return seen;
    }
    let parsed: ParsedEmail;
    try {
      parsed = await parseEmail(raw, limits);
    } catch (error) {
      if (!(error instanceof Unparseable)) throw error;
      return quarantine(mailbox, raw, source, error.reason, error.message);
    }
    const dedupeKey = parsed.messageId ? `mid:${parsed.messageId}` : `sha:${parsed.contentHash}`;
    const [dupe] = await db
      .select({ id: emailMessages.id })
      .from(emailMessages)
      .where(
        ws.where(
          emailMessages,
          eq(emailMessages.mailboxId, mailbox.id),
          eq(emailMessages.dedupeKey, dedupeKey),
        ),
      );
    if (dupe) return { status: 'duplicate', messageId: dupe.id };

    const choice = chooseThread(await clues(mailbox, parsed), parsed.from.address);
    const customer = await deps.customers
      .findOrCreateByIdentity(
        mailbox.workspaceId,
        { kind: 'email', value: parsed.from.address },
        parsed.from.name ? { name: parsed.from.name } : {},
      )
      .then((r) => r.customer)
      .catch(() => null);
    // Everything read from other modules is read before the transaction: on the embedded database a
    // read outside the transaction's connection would wait for it.
    const existingThread = choice.threadId ? await threadRow(db, mailbox.workspaceId, choice.threadId) : null;
    const current = existingThread
      ? await interactions.get(mailbox.workspaceId, existingThread.interactionId).catch(() => null)
      : null;
    const due = existingThread ? null : await dueTimes(mailbox.workspaceId, mailbox.queueId);
    const now = clock.now();
    const messageRowId = newId();
    let stored: {
      interaction: Interaction;
      thread: ThreadRow;
      queue: boolean;
      newThread: boolean;
      created: boolean;
    };
    try {
      stored = await uow.run(async (tx, record) => {
        const target = existingThread
          ? await continueThread(tx, record, mailbox, existingThread, current, parsed, customer?.id ?? null)
          : await newThread(tx, record, mailbox, parsed, customer?.id ?? null, due!);
        await scoped(tx, mailbox.workspaceId).insert(emailMessages, {
          id: messageRowId,
          mailboxId: mailbox.id,
          threadId: target.thread.id,
          interactionId: target.interaction.id,
          direction: 'inbound',
          kind: 'message',
          messageId: parsed.messageId,
          dedupeKey,
          contentHash: parsed.contentHash,
          uidValidity: source.uidValidity ?? null,
          uid: source.uid ?? null,
          fromAddress: parsed.from.address,
          fromName: parsed.from.name,
          to: parsed.to,
          cc: parsed.cc,
          bcc: [],
          subject: parsed.subject,
          text: parsed.text,
          html: parsed.html,
          inReplyTo: parsed.inReplyTo,
          references: parsed.references,
          automated: parsed.automation.reason,
          bounce: parsed.automation.bounce,
          authorId: null,
          sentAt: parsed.date,
          createdAt: now,
        });
        if (parsed.attachments.length > 0)
          await scoped(tx, mailbox.workspaceId).insertMany(
            emailAttachments,
            parsed.attachments.map((a) => ({ id: newId(), messageId: messageRowId, ...a, createdAt: now })),
          );
        if (!target.created)
          await interactions.addMessage(tx, record, mailbox.workspaceId, {
            interactionId: target.interaction.id,
            direction: 'inbound',
            authorId: null,
            body: parsed.text.slice(0, 100_000) || parsed.subject,
          });
        if (target.interaction.customerId)
          await deps.customers.recordTimelineEntry(tx, {
            workspaceId: mailbox.workspaceId,
            customerId: target.interaction.customerId,
            at: now,
            kind: 'email',
            channel: 'email',
            refId: messageRowId,
            summary: `E-mail: ${parsed.subject || '(no subject)'}`,
            payload: {
              direction: 'inbound',
              interactionId: target.interaction.id,
              automated: parsed.automation.reason,
            },
          });
        await record({
          workspaceId: mailbox.workspaceId,
          type: 'email.received',
          subject: 'interaction',
          subjectId: target.interaction.id,
          actorId: null,
          topics: [`interaction:${target.interaction.id}`],
          payload: {
            messageId: messageRowId,
            mailboxId: mailbox.id,
            automated: parsed.automation.reason,
            threadedBy: choice.threadId ? choice.by : null,
          },
        });
        return target;
      });
    } catch (error) {
      // The same message committed by another path meanwhile: the unique keys let one in.
      if (isUniqueViolation(error)) {
        const [row] = await db
          .select({ id: emailMessages.id })
          .from(emailMessages)
          .where(
            ws.where(
              emailMessages,
              eq(emailMessages.mailboxId, mailbox.id),
              eq(emailMessages.dedupeKey, dedupeKey),
            ),
          );
        if (row) return { status: 'duplicate', messageId: row.id };
      }
      throw error;
    }
    // The message is committed whatever routing answers; a refusal is logged, never a lost message.
    if (stored.queue)
      await deps.router
        .enqueue(mailbox.workspaceId, stored.interaction)
        .catch((error) =>
          deps.logger.warn({ err: error, interaction: stored.interaction.id }, 'e-mail not enqueued'),
        );
    if (stored.newThread)
      await acks
        .acknowledge(mailbox, parsed, stored.thread)
        .catch((error) => deps.logger.warn({ err: error, mailbox: mailbox.id }, 'acknowledgement failed'));
    return {
      status: 'stored',
      messageId: messageRowId,
      interactionId: stored.interaction.id,
      threadId: stored.thread.id,
      threadedBy: choice.threadId ? choice.by : null,
    };
  }

  async function quarantine(
    mailbox: MailboxRow,
    raw: Buffer,
    source: Source,
    reason: string,
    detail: string,
  ): Promise<IngestResult> {
    const id = newId();
    await uow.run(async (tx, record) => {
      await scoped(tx, mailbox.workspaceId).insert(emailQuarantine, {
        id,
        mailboxId: mailbox.id,
        reason,
        detail: detail.slice(0, 1000),
        raw,
        size: raw.length,
        uidValidity: source.uidValidity ?? null,
        uid: source.uid ?? null,
        resolvedAt: null,
        resolvedMessageId: null,
        createdAt: clock.now(),
      });
      await record({
        workspaceId: mailbox.workspaceId,
        type: 'email.quarantined',
        subject: 'email_quarantine',
        subjectId: id,
        actorId: null,
        payload: { mailboxId: mailbox.id, reason },
      });
    });
    deps.logger.warn({ mailbox: mailbox.id, reason, detail }, 'e-mail quarantined');
    return { status: 'quarantined', quarantineId: id, reason };
  }

  /** Due times from the queue's targets: `email` for the first reply, `email_resolution` for the rest. */
  async function dueTimes(workspaceId: string, queueId: string) {
    const queue = await deps.queues.getQueue(workspaceId, queueId);
    const at = (key: string) => {
      const seconds = queue?.targets[key]?.seconds;
      return seconds ? new Date(clock.now().getTime() + seconds * 1000) : null;
    };
    return { firstReplyDueAt: at('email'), resolutionDueAt: at('email_resolution') };
  }

  async function openInteraction(
    tx: Db,
    record: RecordEvents,
    mailbox: MailboxRow,
    parsed: ParsedEmail,
    customerId: string | null,
    threadId: string,
    reference: string,
  ) {
    return interactions.insert(
      tx,
      record,
      mailbox.workspaceId,
      {
        channel: 'email',
        direction: 'inbound',
        customerId,
        subject: parsed.subject || null,
        queueId: mailbox.queueId,
        attributes: {
          mailboxId: mailbox.id,
          threadId,
          reference,
          from: parsed.from.address,
          ...(parsed.automation.automated
            ? { automated: parsed.automation.reason, bounce: parsed.automation.bounce }
            : {}),
        },
        message: parsed.text.slice(0, 100_000) || parsed.subject,
      },
      null,
    );
  }

  async function newThread(
    tx: Db,
    record: RecordEvents,
    mailbox: MailboxRow,
    parsed: ParsedEmail,
    customerId: string | null,
    due: { firstReplyDueAt: Date | null; resolutionDueAt: Date | null },
  ) {
    const threadId = newId();
    const reference = newReference();
    const interaction = await openInteraction(tx, record, mailbox, parsed, customerId, threadId, reference);
    const now = clock.now();
    const thread: ThreadRow = {
      id: threadId,
      workspaceId: mailbox.workspaceId,
      mailboxId: mailbox.id,
      interactionId: interaction.id,
      customerId,
      token: newToken(),
      reference,
      subject: parsed.subject,
      participants: [...new Set([parsed.from.address, ...parsed.cc])],
      ...due,
      firstRepliedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(emailThreads).values(thread);
    return { interaction, thread, queue: interaction.state === 'queued', newThread: true, created: true };
  }

  /**
   * A message in a known conversation: added to its interaction, which goes back to the queue when it
   * was waiting on the customer, or a new interaction in the same thread when the last one has ended.
   */
  async function continueThread(
    tx: Db,
    record: RecordEvents,
    mailbox: MailboxRow,
    thread: ThreadRow,
    current: Interaction | null,
    parsed: ParsedEmail,
    customerId: string | null,
  ) {
    const participants = [...new Set([...thread.participants, parsed.from.address])];
    let interaction: Interaction;
    let queue = false;
    let fresh = false;
    if (!current || isTerminal(current.state) || current.state === 'wrap_up') {
      interaction = await openInteraction(
        tx,
        record,
        { ...mailbox, queueId: current?.queueId ?? mailbox.queueId },
        parsed,
        customerId ?? thread.customerId,
        thread.id,
        thread.reference,
      );
      queue = interaction.state === 'queued';
      fresh = true;
    } else if (current.state === 'waiting_on_customer') {
      interaction = await interactions.transition(
        tx,
        record,
        mailbox.workspaceId,
        current.id,
        'queued',
        {},
        null,
      );
      queue = true;
    } else {
      interaction = current;
    }
    await scoped(tx, mailbox.workspaceId).update(
      emailThreads,
      { interactionId: interaction.id, participants, updatedAt: clock.now() },
      eq(emailThreads.id, thread.id),
    );
    return {
      interaction,
      thread: { ...thread, interactionId: interaction.id, participants },
      queue,
      newThread: false,
      created: fresh,
    };
  }

  /**
   * Takes a quarantined message in again (after a fix, or under larger limits). It leaves quarantine
   * once stored (or found already stored); otherwise it stays, with the new reason.
   */
  async function reprocess(
    workspaceId: string,
    quarantineId: string,
    mailboxRow: (ws: string, id: string) => Promise<MailboxRow>,
  ): Promise<IngestResult | null> {
    const ws = scoped(db, workspaceId);
    const [q] = await db
      .select()
      .from(emailQuarantine)
      .where(ws.where(emailQuarantine, eq(emailQuarantine.id, quarantineId)));
    if (!q) return null;
    try {
      await parseEmail(q.raw, limits);
    } catch (error) {
      if (!(error instanceof Unparseable)) throw error;
      await ws.update(
        emailQuarantine,
        { reason: error.reason, detail: error.message.slice(0, 1000) },
        eq(emailQuarantine.id, q.id),
      );
      return { status: 'quarantined', quarantineId: q.id, reason: error.reason };
    }
    const result = await ingest(await mailboxRow(workspaceId, q.mailboxId), q.raw, {});
    if (result.status !== 'quarantined')
      await ws.update(
        emailQuarantine,
        { resolvedAt: clock.now(), resolvedMessageId: result.messageId },
        eq(emailQuarantine.id, q.id),
      );
    return result;
  }

  return { ingest, reprocess };
}
