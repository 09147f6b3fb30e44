/** The e-mail API as the screens use it: mailboxes, templates, signatures, conversations and replies. */
import { request } from '../../api/client.ts';

/** How a mailbox reaches its servers, as shown (passwords only as whether one is stored). */
interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  folder: string;
}

interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  protocol: 'smtp' | 'lmtp';
}

export interface Mailbox {
  id: string;
  name: string;
  address: string;
  queueId: string;
  imap: (ImapSettings & { hasPassword: boolean }) | null;
  smtp: (SmtpSettings & { hasPassword: boolean }) | null;
  dkim: { domain: string; selector: string; hasKey: boolean } | null;
  autoAck: boolean;
  ackTemplate: string | null;
  signature: string | null;
  enabled: boolean;
  uidValidity: number | null;
  lastUid: number;
  lastSyncAt: string | null;
  lastError: string | null;
}

/** What a mailbox form sends; passwords left out keep the stored ones. */
export interface MailboxInput {
  name: string;
  address: string;
  queueId: string;
  imap: (ImapSettings & { password?: string }) | null;
  smtp: (SmtpSettings & { password?: string }) | null;
  autoAck: boolean;
  signature: string | null;
  enabled: boolean;
}

export interface CheckResult {
  imap: { ok: boolean; error: string | null; messages: number | null } | null;
  smtp: { ok: boolean; error: string | null } | null;
}

export interface Template {
  id: string;
  name: string;
  language: 'es' | 'en';
  mailboxId: string | null;
  subject: string | null;
  body: string;
  variables: string[];
}

export type TemplateInput = Pick<Template, 'name' | 'language' | 'mailboxId' | 'subject' | 'body'>;

export interface Attachment {
  id: string;
  filename: string | null;
  contentType: string;
  inline: boolean;
  size: number;
  skipped: string | null;
}

export interface EmailMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  kind: 'message' | 'ack';
  from: { address: string; name: string | null };
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  quoted: string | null;
  hasHtml: boolean;
  automated: string | null;
  bounce: boolean;
  sentAt: string | null;
  createdAt: string;
  attachments: Attachment[];
}

export interface Conversation {
  id: string;
  interactionId: string;
  signature: string | null;
  mailbox: { id: string; name: string; address: string; canSend: boolean };
  subject: string;
  reference: string;
  firstReplyDueAt: string | null;
  resolutionDueAt: string | null;
  firstRepliedAt: string | null;
  messages: EmailMessage[];
}

export interface ReplyInput {
  mode: 'reply' | 'reply_all' | 'forward';
  to?: string[];
  cc?: string[];
  bcc?: string[];
  subject?: string;
  text: string;
  waitOnCustomer?: boolean;
}

const base = '/api/v1/email';

export const emailKeys = {
  mailboxes: ['email', 'mailboxes'] as const,
  templates: (mailboxId?: string) => ['email', 'templates', mailboxId ?? 'all'] as const,
  conversation: (interactionId: string) => ['email', 'conversation', interactionId] as const,
  signature: ['email', 'signature'] as const,
};

export const emailApi = {
  mailboxes: () => request<{ items: Mailbox[] }>('GET', `${base}/mailboxes`).then((r) => r.items),
  saveMailbox: (id: string | null, body: MailboxInput) =>
    id
      ? request<Mailbox>('PUT', `${base}/mailboxes/${id}`, { body })
      : request<Mailbox>('POST', `${base}/mailboxes`, { body }),
  removeMailbox: (id: string) => request<void>('DELETE', `${base}/mailboxes/${id}`),
  testMailbox: (id: string) => request<CheckResult>('POST', `${base}/mailboxes/${id}/test`),
  queues: () =>
    request<{ items: { key: string; name: string }[] }>('GET', '/api/v1/routing/queues').then((r) => r.items),
  templates: (mailboxId?: string) =>
    request<{ items: Template[] }>('GET', `${base}/templates`, { query: { mailboxId } }).then((r) => r.items),
  saveTemplate: (id: string | null, body: TemplateInput) =>
    id
      ? request<Template>('PUT', `${base}/templates/${id}`, { body })
      : request<Template>('POST', `${base}/templates`, { body }),
  removeTemplate: (id: string) => request<void>('DELETE', `${base}/templates/${id}`),
  signature: () => request<{ body: string | null }>('GET', `${base}/signature`),
  saveSignature: (body: string | null) =>
    request<{ body: string | null }>('PUT', `${base}/signature`, { body: { body } }),
  conversation: (interactionId: string) =>
    request<Conversation>('GET', `${base}/interactions/${interactionId}/conversation`),
  render: (interactionId: string, templateId: string) =>
    request<{ subject: string | null; text: string }>(
      'POST',
      `${base}/interactions/${interactionId}/render-template`,
      { body: { templateId } },
    ),
  reply: (interactionId: string, body: ReplyInput) =>
    request<{ id: string; messageId: string; state: string }>(
      'POST',
      `${base}/interactions/${interactionId}/reply`,
      { body },
    ),
};

/** The frame URL of a message's sanitised HTML (remote images only when allowed). */
export const frameUrl = (messageId: string, allowImages: boolean, quoteLabel: string) =>
  `${base}/messages/${messageId}/frame?${new URLSearchParams({
    quoteLabel,
    ...(allowImages ? { images: 'allow' } : {}),
  })}`;

export const attachmentUrl = (id: string) => `${base}/attachments/${id}`;
