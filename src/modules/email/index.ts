/**
 * The e-mail channel: mailboxes that receive by IMAP (IDLE, a saved UIDVALIDITY/UID cursor and a periodic
 * sweep) or by a pushed SMTP/LMTP delivery, each message stored once and threaded into a conversation that
 * is an `email` interaction in the universal queue; automatic acknowledgements that never answer machines;
 * replies, reply-all and forwards through the mailbox's own SMTP server. Other modules use only this file.
 */
import { createAckService } from './ack-service.ts';
import type { EmailDeps } from './context.ts';
import { type ImapWorker, startImapWorker } from './imap-sync.ts';
import { createIngestService } from './ingest-service.ts';
import { type Listener, type ListenerOptions, startListener } from './listener.ts';
import { checkMailbox } from './mailbox-check.ts';
import { createMailboxService } from './mailbox-service.ts';
import { createOutboundConversations } from './outbound-conversation.ts';
import { createOutboundStore } from './outbound-store.ts';
import { DEFAULT_LIMITS } from './parse.ts';
import { createReplyTextService } from './reply-text-service.ts';
import { emailRoutes } from './routes.ts';
import { replyTextRoutes } from './text-routes.ts';
import { createThreadService } from './thread-service.ts';

export type { EmailDeps } from './context.ts';
export type { IngestResult, Source } from './ingest-result.ts';
export type { ListenerOptions } from './listener.ts';
export type { Mailbox, MailboxInput } from './mailbox-service.ts';
export type { NewConversation } from './outbound-conversation.ts';
export { type Limits, parseEmail } from './parse.ts';

export interface EmailOptions {
  /** How often each IMAP worker sweeps without an IDLE notice (default one minute). */
  sweepMs?: number;
  /** Wait before an IMAP worker reconnects (default one second, doubling). */
  retryMs?: number;
  /** The pushed-mail listener, when one is configured. */
  listener?: Omit<ListenerOptions, 'maxMessageBytes' | 'allowedClients'> & { allowedClients?: string[] };
}

/**
 * Wires the e-mail channel. Workers and the listener start with `start()` (the server does; tests may
 * drive `ingest` directly) and stop with `stop()`.
 * @example
 * const email = createEmail({ db, uow, clock, newId, logger, box, interactions, router, queues, customers, users });
 * await api.register(email.routes); await email.start();
 */
export function createEmail(deps: EmailDeps, options: EmailOptions = {}) {
  const mailboxes = createMailboxService({ ...deps, checkQueue: deps.queues.checkQueue });
  const outbound = createOutboundStore(deps);
  const acks = createAckService(deps, mailboxes, outbound);
  const ingestion = createIngestService(deps, acks);
  const texts = createReplyTextService({ ...deps, checkMailbox: mailboxes.row });
  const threads = createThreadService(deps, mailboxes, outbound, texts);
  const conversations = createOutboundConversations(deps, mailboxes, outbound);
  const workers = new Map<string, ImapWorker>();
  let listener: Listener | null = null;
  let started = false;
  const syncDeps = {
    mailboxes,
    ingest: ingestion.ingest,
    logger: deps.logger,
    sweepMs: options.sweepMs,
    retryMs: options.retryMs,
  };

  /** (Re)starts the worker of a mailbox after a change, or stops it when IMAP is off or it is gone. */
  async function changed(workspaceId: string, mailboxId: string) {
    await workers.get(mailboxId)?.stop();
    workers.delete(mailboxId);
    if (!started) return;
    const row = await mailboxes.row(workspaceId, mailboxId).catch(() => null);
    if (row?.enabled && row.imap) workers.set(mailboxId, startImapWorker(syncDeps, workspaceId, mailboxId));
  }

  /** Starts the pushed-mail listener (SMTP or LMTP); port 0 takes a free one. */
  async function listen(o: NonNullable<EmailOptions['listener']>) {
    await listener?.close();
    listener = await startListener(
      { mailboxes, ingest: ingestion.ingest, logger: deps.logger },
      {
        allowedClients: [],
        maxMessageBytes: { ...DEFAULT_LIMITS, ...deps.limits }.maxMessageBytes,
        ...o,
      },
    );
    return { port: listener.port };
  }

  return {
    listen,
    routes: async (app: Parameters<ReturnType<typeof emailRoutes>>[0]) => {
      await app.register(
        emailRoutes({
          mailboxes,
          threads,
          changed,
          reprocess: (ws, id) => ingestion.reprocess(ws, id, mailboxes.row),
          syncNow: async (_ws, id) => workers.get(id)?.sweepNow(),
          check: async (ws, id) => checkMailbox(await mailboxes.secrets(ws, id)),
        }),
      );
      await app.register(replyTextRoutes({ texts, threads }));
    },
    /**
     * Takes in one raw message for a mailbox, as the listener and the IMAP workers do.
     * @example await email.ingest(workspaceId, mailboxId, rawBytes) // { status: 'stored', interactionId, … }
     */
    ingest: async (workspaceId: string, mailboxId: string, raw: Buffer) =>
      ingestion.ingest(await mailboxes.row(workspaceId, mailboxId), raw, {}),
    mailboxes,
    /**
     * Starts a conversation with a message from us, sent through a mailbox and stored as a closed outbound
     * e-mail interaction whose replies thread into it; once per idempotency key.
     * @example await email.startConversation(ws, { mailboxId: null, to, subject, text, customerId, authorId: null, idempotencyKey })
     */
    startConversation: conversations.start,
    /** Starts an IMAP worker per enabled mailbox, and the pushed-mail listener when configured. */
    async start(timing: { sweepMs?: number; retryMs?: number } = {}) {
      Object.assign(syncDeps, timing);
      started = true;
      for (const row of await mailboxes.withImap()) await changed(row.workspaceId, row.id);
      if (options.listener) await listen(options.listener);
      return { listenerPort: listener?.port ?? null };
    },
    /** Resolves when every running IMAP worker has connected and swept once. */
    ready: () => Promise.all([...workers.values()].map((w) => w.ready)),
    /** Sweeps a mailbox now (when its worker is connected). */
    syncNow: async (mailboxId: string) => workers.get(mailboxId)?.sweepNow(),
    async stop() {
      started = false;
      await Promise.all([...workers.values()].map((w) => w.stop()));
      workers.clear();
      await listener?.close();
      listener = null;
    },
  };
}

export type Email = ReturnType<typeof createEmail>;
