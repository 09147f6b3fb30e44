/** Sending through a mailbox's own SMTP (or LMTP) server with nodemailer, DKIM-signed when configured. */
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { AppError } from '../../platform/errors.ts';
import type { MailboxSecrets } from './mailbox-service.ts';

export interface OutgoingEmail {
  from: { name: string; address: string };
  replyTo?: string;
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  inReplyTo?: string | null;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: Buffer; cid?: string }[];
}

export type Send = (mailbox: MailboxSecrets, mail: OutgoingEmail) => Promise<{ raw: Buffer }>;

/** Builds the message once (so what is stored is what was sent), then hands it to the server. */
export const sendThroughMailbox: Send = async (mailbox, mail) => {
  const smtp = mailbox.row.smtp;
  if (!smtp)
    throw new AppError(
      'email.no_outbound',
      409,
      `The mailbox ${mailbox.row.address} has no outgoing server set up`,
    );
  const dkim =
    mailbox.row.dkimDomain && mailbox.row.dkimSelector && mailbox.dkimKey
      ? {
          domainName: mailbox.row.dkimDomain,
          keySelector: mailbox.row.dkimSelector,
          privateKey: mailbox.dkimKey,
        }
      : undefined;
  const message: Mail.Options = {
    from: mail.from,
    to: mail.to,
    cc: mail.cc,
    bcc: mail.bcc,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.messageId}>`,
    inReplyTo: mail.inReplyTo ? `<${mail.inReplyTo}>` : undefined,
    references: mail.references?.map((r) => `<${r}>`),
    headers: mail.headers,
    attachments: mail.attachments,
  };
  const raw = await buildRaw(message, dkim);
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    lmtp: smtp.protocol === 'lmtp',
    ...(smtp.user && mailbox.smtpPassword ? { auth: { user: smtp.user, pass: mailbox.smtpPassword } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as SMTPTransport.Options);
  try {
    const envelope = {
      from: mail.from.address,
      to: [...mail.to, ...(mail.cc ?? []), ...(mail.bcc ?? [])],
    };
    await transport.sendMail({ envelope, raw });
  } catch (error) {
    throw new AppError(
      'email.send_failed',
      502,
      `The outgoing server refused the message: ${(error as Error).message}`,
    );
  } finally {
    transport.close();
  }
  return { raw };
};

/** The RFC 5322 bytes of a message, DKIM-signed when a key is given (Bcc is never written into them). */
async function buildRaw(message: Mail.Options, dkim: Mail.Options['dkim']): Promise<Buffer> {
  const builder = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
    ...(dkim ? { dkim } : {}),
  });
  const { bcc: _bcc, ...visible } = message;
  const info = (await builder.sendMail(visible)) as unknown as { message: Buffer };
  return info.message;
}
