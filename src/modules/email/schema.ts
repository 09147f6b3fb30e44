import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, idColumn, updatedAt, workspaceColumn } from '../../platform/db/columns.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** How a mailbox reaches its servers; passwords are sealed apart (never in these objects). */
export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  folder: string;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  /** `lmtp` delivers straight to a local mail store (Dovecot's LMTP). */
  protocol: 'smtp' | 'lmtp';
}

/** A mailbox of a workspace: its address, the queue its mail goes to, and how it receives and sends. */
export const emailMailboxes = pgTable(
  'email_mailboxes',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    name: text('name').notNull(),
    /** Lower case; one mailbox per address in the whole installation, so pushed mail finds its workspace. */
    address: text('address').notNull(),
    queueId: text('queue_id').notNull(),
    imap: jsonb('imap').$type<ImapSettings>(),
    imapPassword: text('imap_password'),
    smtp: jsonb('smtp').$type<SmtpSettings>(),
    smtpPassword: text('smtp_password'),
    dkimDomain: text('dkim_domain'),
    dkimSelector: text('dkim_selector'),
    dkimKey: text('dkim_key'),
    autoAck: boolean('auto_ack').notNull(),
    ackTemplate: text('ack_template'),
    signature: text('signature'),
    enabled: boolean('enabled').notNull(),
    /** The IMAP cursor: the folder's UIDVALIDITY and the last UID committed here. */
    uidValidity: bigint('uid_validity', { mode: 'number' }),
    lastUid: bigint('last_uid', { mode: 'number' }).notNull(),
    lastSyncAt: at('last_sync_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('email_mailboxes_address').on(t.address)],
);

/** A conversation: its reply token, its reference number, its current interaction and its due times. */
export const emailThreads = pgTable(
  'email_threads',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    mailboxId: uuid('mailbox_id').notNull(),
    interactionId: uuid('interaction_id').notNull(),
    customerId: uuid('customer_id'),
    token: text('token').notNull(),
    reference: text('reference').notNull(),
    subject: text('subject').notNull(),
    /** Lower-cased addresses that wrote in or were written to: who may thread by reference number. */
    participants: jsonb('participants').$type<string[]>().notNull(),
    firstReplyDueAt: at('first_reply_due_at'),
    resolutionDueAt: at('resolution_due_at'),
    firstRepliedAt: at('first_replied_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('email_threads_token').on(t.token),
    uniqueIndex('email_threads_reference').on(t.workspaceId, t.reference),
    index('email_threads_interaction').on(t.workspaceId, t.interactionId),
  ],
);

/** Every e-mail in or out, stored once: `dedupeKey` is the Message-ID, or a content hash without one. */
export const emailMessages = pgTable(
  'email_messages',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    mailboxId: uuid('mailbox_id').notNull(),
    threadId: uuid('thread_id').notNull(),
    interactionId: uuid('interaction_id').notNull(),
    direction: text('direction').$type<'inbound' | 'outbound'>().notNull(),
    /** `message`, or `ack` for an automatic acknowledgement. */
    kind: text('kind').$type<'message' | 'ack'>().notNull(),
    messageId: text('message_id'),
    dedupeKey: text('dedupe_key').notNull(),
    contentHash: text('content_hash').notNull(),
    uidValidity: bigint('uid_validity', { mode: 'number' }),
    uid: bigint('uid', { mode: 'number' }),
    fromAddress: text('from_address').notNull(),
    fromName: text('from_name'),
    to: jsonb('to').$type<string[]>().notNull(),
    cc: jsonb('cc').$type<string[]>().notNull(),
    bcc: jsonb('bcc').$type<string[]>().notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    inReplyTo: text('in_reply_to'),
    references: jsonb('references').$type<string[]>().notNull(),
    automated: text('automated'),
    bounce: boolean('bounce').notNull(),
    authorId: uuid('author_id'),
    sentAt: at('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('email_messages_dedupe').on(t.workspaceId, t.mailboxId, t.dedupeKey),
    uniqueIndex('email_messages_uid').on(t.mailboxId, t.uidValidity, t.uid),
    index('email_messages_message_id').on(t.workspaceId, t.messageId),
    index('email_messages_thread').on(t.workspaceId, t.threadId, t.createdAt),
    index('email_messages_sender').on(t.workspaceId, t.fromAddress, t.createdAt),
  ],
);

/** Attachments and inline images; `content` is null when the part exceeded the size limit. */
export const emailAttachments = pgTable(
  'email_attachments',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    messageId: uuid('message_id').notNull(),
    filename: text('filename'),
    contentType: text('content_type').notNull(),
    contentId: text('content_id'),
    inline: boolean('inline').notNull(),
    size: integer('size').notNull(),
    content: bytea('content'),
    skipped: text('skipped'),
    createdAt: createdAt(),
  },
  (t) => [index('email_attachments_message').on(t.workspaceId, t.messageId)],
);

/** Mail that could not be taken in, kept whole with the reason, until reprocessed. */
export const emailQuarantine = pgTable(
  'email_quarantine',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    mailboxId: uuid('mailbox_id').notNull(),
    reason: text('reason').notNull(),
    detail: text('detail'),
    raw: bytea('raw').notNull(),
    size: integer('size').notNull(),
    uidValidity: bigint('uid_validity', { mode: 'number' }),
    uid: bigint('uid', { mode: 'number' }),
    resolvedAt: at('resolved_at'),
    resolvedMessageId: uuid('resolved_message_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('email_quarantine_uid').on(t.mailboxId, t.uidValidity, t.uid),
    index('email_quarantine_open').on(t.workspaceId, t.resolvedAt, t.createdAt),
  ],
);

/** Saved replies with `{{variables}}`, for every mailbox of the workspace or for one. */
export const emailTemplates = pgTable(
  'email_templates',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    name: text('name').notNull(),
    language: text('language').$type<'es' | 'en'>().notNull(),
    /** Null: offered in every mailbox. */
    mailboxId: uuid('mailbox_id'),
    subject: text('subject'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('email_templates_name').on(t.workspaceId, t.name)],
);

/** An agent's own signature; without one, the mailbox's signature is used. */
export const emailSignatures = pgTable(
  'email_signatures',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    userId: uuid('user_id').notNull(),
    body: text('body').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('email_signatures_user').on(t.workspaceId, t.userId)],
);
