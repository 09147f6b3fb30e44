/**
 * Outgoing mail for the platform's own messages (password resets, chat transcripts). With `SMTP_URL`
 * set they leave through that SMTP server (nodemailer); without it they are written to the log, so
 * nothing is lost silently in development.
 */
import nodemailer from 'nodemailer';
import type { Logger } from './logging.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. `Auto-Submitted: auto-generated` on notifications. */
  headers?: Record<string, string>;
  /** Files attached, e.g. a report's CSV. */
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export function createLogMailer(logger: Logger): Mailer & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    async send(mail) {
      sent.push(mail);
      if (sent.length > 100) sent.shift();
      logger.info(
        { mail: { to: mail.to, subject: mail.subject } },
        `e-mail to ${mail.to}: ${mail.subject}\n${mail.text}`,
      );
    },
  };
}

/**
 * Sends through an SMTP server. Platform mail is machine-generated, so it carries
 * `Auto-Submitted: auto-generated` (RFC 3834) and autoresponders do not answer it.
 * @example const mailer = createSmtpMailer({ url: 'smtp://127.0.0.1:2525', from: 'Atiende <no-reply@x.co>' });
 */
export function createSmtpMailer(options: { url: string; from: string }): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(options.url);
  return {
    async send(mail) {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.attachments ? { attachments: mail.attachments } : {}),
        headers: { 'Auto-Submitted': 'auto-generated', ...mail.headers },
      });
    },
    close: () => transport.close(),
  };
}
