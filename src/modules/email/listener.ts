/**
 * The inbound SMTP/LMTP listener (smtp-server), for a mail server that pushes mail to Atiende. A
 * recipient is accepted only when it is a mailbox's address (or its `+token` form); the message is
 * answered 250 only once it is committed (or quarantined), so the pushing server keeps it and retries
 * after any failure here.
 */
import { SMTPServer } from 'smtp-server';
import type { Logger } from '../../platform/logging.ts';
import type { IngestResult, Source } from './ingest-result.ts';
import type { MailboxService } from './mailbox-service.ts';
import type { emailMailboxes } from './schema.ts';

type MailboxRow = typeof emailMailboxes.$inferSelect;

export interface ListenerOptions {
  /** `lmtp` for a local mail server's LMTP delivery, `smtp` otherwise. */
  protocol: 'smtp' | 'lmtp';
  host: string;
  port: number;
  maxMessageBytes: number;
  /** Client addresses allowed to connect; empty allows any (bind to loopback in that case). */
  allowedClients: string[];
  maxClients?: number;
}

export interface Listener {
  port: number;
  close(): Promise<void>;
}

export async function startListener(
  deps: {
    mailboxes: MailboxService;
    ingest(mailbox: MailboxRow, raw: Buffer, source: Source): Promise<IngestResult>;
    logger: Logger;
  },
  options: ListenerOptions,
): Promise<Listener> {
  const server = new SMTPServer({
    lmtp: options.protocol === 'lmtp',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxMessageBytes,
    maxClients: options.maxClients ?? 50,
    banner: 'Atiende',
    logger: false,
    onConnect(session, callback) {
      const ip = session.remoteAddress.replace(/^::ffff:/, '');
      if (options.allowedClients.length > 0 && !options.allowedClients.includes(ip))
        return callback(Object.assign(new Error('Not allowed to deliver here'), { responseCode: 554 }));
      callback();
    },
    onRcptTo(address, _session, callback) {
      deps.mailboxes
        .byAddress(address.address)
        .then((mailbox) =>
          mailbox?.enabled
            ? callback()
            : callback(Object.assign(new Error(`No mailbox ${address.address} here`), { responseCode: 550 })),
        )
        .catch(() => callback(Object.assign(new Error('Try again later'), { responseCode: 451 })));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const exceeded = (stream as unknown as { sizeExceeded?: boolean }).sizeExceeded;
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        if (exceeded) {
          const error = Object.assign(new Error('Message too large'), { responseCode: 552 });
          return callback(
            options.protocol === 'lmtp' ? null : error,
            ...(options.protocol === 'lmtp' ? [recipients.map(() => error)] : []),
          );
        }
        const raw = Buffer.concat(chunks);
        const perRecipient = recipients.map(async (address): Promise<Error | string> => {
          try {
            const mailbox = await deps.mailboxes.byAddress(address);
            if (!mailbox)
              return Object.assign(new Error(`No mailbox ${address} here`), { responseCode: 550 });
            const result = await deps.ingest(mailbox, raw, {});
            return `Stored (${result.status})`;
          } catch (error) {
            deps.logger.warn({ err: error, to: address }, 'pushed e-mail not stored; the sender will retry');
            return Object.assign(new Error('Not stored, try again later'), { responseCode: 451 });
          }
        });
        void Promise.all(perRecipient).then((results) => {
          if (options.protocol === 'lmtp')
            return (callback as (e: null, r: (Error | string)[]) => void)(null, results);
          const failure = results.find((r): r is Error => r instanceof Error);
          return failure ? callback(failure) : callback(null, 'Stored');
        });
      });
    },
  });
  server.on('error', (error) => deps.logger.warn({ err: error }, 'e-mail listener error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
