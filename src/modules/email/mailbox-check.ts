/** "Test this mailbox": logs in to its IMAP server and opens the folder, and greets its outgoing server. */
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { MailboxSecrets } from './mailbox-service.ts';

export interface CheckResult {
  /** `null` when the mailbox has no such server set up. */
  imap: { ok: boolean; error: string | null; messages: number | null } | null;
  smtp: { ok: boolean; error: string | null } | null;
}

const TIMEOUT = 10_000;

async function checkImap(m: MailboxSecrets): Promise<CheckResult['imap']> {
  const imap = m.row.imap;
  if (!imap) return null;
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    auth: { user: imap.user, pass: m.imapPassword ?? '' },
    logger: false,
    connectionTimeout: TIMEOUT,
    greetingTimeout: TIMEOUT,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const status = await client.status(imap.folder, { messages: true });
    return { ok: true, error: null, messages: status ? (status.messages ?? null) : null };
  } catch (error) {
    const e = error as Error & { responseText?: string };
    return { ok: false, error: e.responseText ?? e.message, messages: null };
  } finally {
    client.close();
  }
}

async function checkSmtp(m: MailboxSecrets): Promise<CheckResult['smtp']> {
  const smtp = m.row.smtp;
  if (!smtp) return null;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    lmtp: smtp.protocol === 'lmtp',
    ...(smtp.user && m.smtpPassword ? { auth: { user: smtp.user, pass: m.smtpPassword } } : {}),
    connectionTimeout: TIMEOUT,
    greetingTimeout: TIMEOUT,
    socketTimeout: TIMEOUT,
  } as SMTPTransport.Options);
  try {
    await transport.verify();
    return { ok: true, error: null };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    transport.close();
  }
}

/**
 * Both checks at once; a failure is an answer (with the server's words), never an exception.
 * @example await checkMailbox(await mailboxes.secrets(ws, id)) // { imap: { ok: true, … }, smtp: null }
 */
export async function checkMailbox(m: MailboxSecrets): Promise<CheckResult> {
  const [imap, smtp] = await Promise.all([checkImap(m), checkSmtp(m)]);
  return { imap, smtp };
}
