/** The mailbox form as plain data: from a mailbox, back to what the API takes, and what is missing. */
import type { Mailbox, MailboxInput } from './api.ts';

export interface MailboxDraft {
  name: string;
  address: string;
  queueId: string;
  receive: 'imap' | 'push';
  imapHost: string;
  imapPort: number;
  imapSecure: boolean;
  imapUser: string;
  imapFolder: string;
  imapPassword: string;
  send: boolean;
  smtpHost: string;
  smtpPort: number;
  smtpSecure: boolean;
  smtpProtocol: 'smtp' | 'lmtp';
  smtpUser: string;
  smtpPassword: string;
  autoAck: boolean;
  signature: string;
  enabled: boolean;
  /** Whether passwords are stored already (then an empty field keeps them). */
  hasImapPassword: boolean;
}

export const emptyDraft = (): MailboxDraft => ({
  name: '',
  address: '',
  queueId: '',
  receive: 'imap',
  imapHost: '',
  imapPort: 993,
  imapSecure: true,
  imapUser: '',
  imapFolder: 'INBOX',
  imapPassword: '',
  send: true,
  smtpHost: '',
  smtpPort: 587,
  smtpSecure: false,
  smtpProtocol: 'smtp',
  smtpUser: '',
  smtpPassword: '',
  autoAck: false,
  signature: '{{agent.name}}\n{{mailbox.name}}',
  enabled: true,
  hasImapPassword: false,
});

export function toDraft(m: Mailbox): MailboxDraft {
  const d = emptyDraft();
  return {
    ...d,
    name: m.name,
    address: m.address,
    queueId: m.queueId,
    receive: m.imap ? 'imap' : 'push',
    ...(m.imap
      ? {
          imapHost: m.imap.host,
          imapPort: m.imap.port,
          imapSecure: m.imap.secure,
          imapUser: m.imap.user,
          imapFolder: m.imap.folder,
        }
      : {}),
    send: m.smtp !== null,
    ...(m.smtp
      ? {
          smtpHost: m.smtp.host,
          smtpPort: m.smtp.port,
          smtpSecure: m.smtp.secure,
          smtpProtocol: m.smtp.protocol,
          smtpUser: m.smtp.user ?? '',
        }
      : {}),
    autoAck: m.autoAck,
    signature: m.signature ?? '',
    enabled: m.enabled,
    hasImapPassword: m.imap?.hasPassword ?? false,
  };
}

export function toInput(d: MailboxDraft): MailboxInput {
  return {
    name: d.name.trim(),
    address: d.address.trim(),
    queueId: d.queueId,
    imap:
      d.receive === 'imap'
        ? {
            host: d.imapHost.trim(),
            port: d.imapPort,
            secure: d.imapSecure,
            user: d.imapUser.trim(),
            folder: d.imapFolder.trim() || 'INBOX',
            ...(d.imapPassword ? { password: d.imapPassword } : {}),
          }
        : null,
    smtp: d.send
      ? {
          host: d.smtpHost.trim(),
          port: d.smtpPort,
          secure: d.smtpSecure,
          user: d.smtpUser.trim() || null,
          protocol: d.smtpProtocol,
          ...(d.smtpPassword ? { password: d.smtpPassword } : {}),
        }
      : null,
    autoAck: d.autoAck,
    signature: d.signature.trim() || null,
    enabled: d.enabled,
  };
}

export type DraftProblem = 'required' | 'address' | 'port' | 'host';

/** Field → problem, for what the browser can tell before asking the server. */
export function draftProblems(d: MailboxDraft): Partial<Record<keyof MailboxDraft, DraftProblem>> {
  const out: Partial<Record<keyof MailboxDraft, DraftProblem>> = {};
  if (!d.name.trim()) out.name = 'required';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.address.trim())) out.address = 'address';
  if (!d.queueId) out.queueId = 'required';
  const host = /^[A-Za-z0-9.:[\]-]+$/;
  const port = (p: number) => Number.isInteger(p) && p >= 1 && p <= 65535;
  if (d.receive === 'imap') {
    if (!host.test(d.imapHost.trim())) out.imapHost = 'host';
    if (!port(d.imapPort)) out.imapPort = 'port';
    if (!d.imapUser.trim()) out.imapUser = 'required';
    if (!d.imapPassword && !d.hasImapPassword) out.imapPassword = 'required';
  }
  if (d.send) {
    if (!host.test(d.smtpHost.trim())) out.smtpHost = 'host';
    if (!port(d.smtpPort)) out.smtpPort = 'port';
  }
  return out;
}
