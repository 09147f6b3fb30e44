/**
 * Automatic acknowledgements of new conversations: RFC 3834 `Auto-Submitted: auto-replied`, the
 * reference number in the subject, the conversation's reply address, a per-sender limit and a loop
 * breaker (see `ack-policy.ts`).
 */
import { and, count, eq, gte } from 'drizzle-orm';
import { scoped } from '../../platform/db/scope.ts';
import { type AckLimits, DEFAULT_ACK_LIMITS, decideAck } from './ack-policy.ts';
import type { EmailDeps } from './context.ts';
import type { MailboxService } from './mailbox-service.ts';
import type { createOutboundStore } from './outbound-store.ts';
import type { ParsedEmail } from './parse.ts';
import { emailMailboxes, emailMessages, type emailThreads } from './schema.ts';
import { fillTemplate } from './templates.ts';
import { replyAddress, replySubject, withReference } from './threading.ts';

type MailboxRow = typeof emailMailboxes.$inferSelect;
type ThreadRow = typeof emailThreads.$inferSelect;

export const DEFAULT_ACK_TEMPLATE = `Hemos recibido su mensaje y le responderemos pronto. Su número de referencia es {{reference}}.

We have received your message and will answer soon. Your reference number is {{reference}}.`;

export function createAckService(
  deps: EmailDeps,
  mailboxes: MailboxService,
  outbound: ReturnType<typeof createOutboundStore>,
  limits: AckLimits = DEFAULT_ACK_LIMITS,
) {
  const { db, clock } = deps;

  async function acknowledge(mailbox: MailboxRow, parsed: ParsedEmail, thread: ThreadRow) {
    if (!mailbox.autoAck || !mailbox.smtp) return { sent: false, reason: 'disabled' } as const;
    const ws = scoped(db, mailbox.workspaceId);
    const since = new Date(clock.now().getTime() - limits.windowMinutes * 60_000);
    const sender = parsed.from.address;
    const [acks] = await db
      .select({ n: count() })
      .from(emailMessages)
      .where(
        ws.where(
          emailMessages,
          eq(emailMessages.kind, 'ack'),
          eq(emailMessages.mailboxId, mailbox.id),
          gte(emailMessages.createdAt, since),
          eq(emailMessages.to, [sender]),
        ),
      );
    const [received] = await db
      .select({ n: count() })
      .from(emailMessages)
      .where(
        ws.where(
          emailMessages,
          and(
            eq(emailMessages.direction, 'inbound'),
            eq(emailMessages.mailboxId, mailbox.id),
            eq(emailMessages.fromAddress, sender),
            gte(emailMessages.createdAt, since),
          ),
        ),
      );
    const own = await db
      .select({ id: emailMailboxes.id })
      .from(emailMailboxes)
      .where(eq(emailMailboxes.address, sender));
    const decision = decideAck(
      {
        enabled: true,
        automated: parsed.automation.automated,
        fromOwnMailbox: own.length > 0,
        acksToSender: acks?.n ?? 0,
        messagesFromSender: received?.n ?? 0,
      },
      limits,
    );
    if (!decision.send) return { sent: false, reason: decision.reason } as const;
    const secrets = await mailboxes.secrets(mailbox.workspaceId, mailbox.id);
    const text = fillTemplate(mailbox.ackTemplate || DEFAULT_ACK_TEMPLATE, {
      reference: thread.reference,
      subject: parsed.subject,
      'customer.email': sender,
      'customer.name': parsed.from.name ?? sender,
      'mailbox.name': mailbox.name,
    });
    await outbound.sendAndStore(secrets, thread, {
      kind: 'ack',
      authorId: null,
      to: [sender],
      replyTo: replyAddress(mailbox.address, thread.token),
      subject: withReference(replySubject(parsed.subject || '(sin asunto)'), thread.reference),
      text,
      inReplyTo: parsed.messageId,
      references: parsed.messageId ? [...parsed.references, parsed.messageId] : parsed.references,
      headers: {
        'Auto-Submitted': 'auto-replied',
        'X-Auto-Response-Suppress': 'All',
        Precedence: 'auto_reply',
      },
    });
    return { sent: true, reason: null } as const;
  }

  return { acknowledge };
}
