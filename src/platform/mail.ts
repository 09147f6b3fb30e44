/** Outgoing mail. Until a mailbox is configured, messages are written to the log so nothing is lost silently. */
import type { Logger } from './logging.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
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
