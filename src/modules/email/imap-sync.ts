/**
 * IMAP ingest: one worker per mailbox keeps a connection open, waits in IDLE for new mail, and sweeps
 * from its saved cursor (UIDVALIDITY + last UID) on every notice, on a timer (for what IDLE missed) and
 * after every reconnection. A message is flagged \Seen, and the cursor moved past it, only after it was
 * committed here; a changed UIDVALIDITY restarts the cursor, and deduplication keeps one copy.
 */
import { ImapFlow } from 'imapflow';
import type { Logger } from '../../platform/logging.ts';
import type { IngestResult, Source } from './ingest-result.ts';
import type { MailboxService } from './mailbox-service.ts';
import type { emailMailboxes } from './schema.ts';

type MailboxRow = typeof emailMailboxes.$inferSelect;

export interface ImapSyncDeps {
  mailboxes: MailboxService;
  ingest(mailbox: MailboxRow, raw: Buffer, source: Source): Promise<IngestResult>;
  logger: Logger;
  /** How often to sweep even without an IDLE notice. */
  sweepMs?: number;
  /** Wait before reconnecting after a dropped connection; doubles up to a minute. */
  retryMs?: number;
  /** Messages fetched per round trip. */
  batch?: number;
}

export interface ImapWorker {
  /** Sweeps now and resolves when that sweep is done (tests and the API's "sync now"). */
  sweepNow(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once the worker has connected and finished its first sweep. */
  ready: Promise<void>;
}

export function startImapWorker(deps: ImapSyncDeps, workspaceId: string, mailboxId: string): ImapWorker {
  const sweepMs = deps.sweepMs ?? 60_000;
  const batch = deps.batch ?? 200;
  let stopped = false;
  let client: ImapFlow | null = null;
  let sweeping: Promise<void> | null = null;
  let again = false;
  let wake: () => void = () => {};
  let markReady: () => void = () => {};
  /** Whether the current session connected and swept: a failure after that starts the back-off afresh. */
  let healthy = false;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  async function sweep(c: ImapFlow): Promise<void> {
    const row = await deps.mailboxes.row(workspaceId, mailboxId);
    // A lock only for the sweep: imapflow goes back to IDLE once no lock is held.
    const lock = await c.getMailboxLock(row.imap?.folder ?? 'INBOX');
    try {
      await sweepLocked(c, row);
    } finally {
      lock.release();
    }
  }

  async function sweepLocked(c: ImapFlow, row: Awaited<ReturnType<MailboxService['row']>>): Promise<void> {
    const status = c.mailbox;
    if (!status) return;
    const uidValidity = Number(status.uidValidity);
    let lastUid = row.uidValidity === uidValidity ? row.lastUid : 0;
    if (row.uidValidity !== uidValidity) {
      deps.logger.info(
        { mailbox: mailboxId, was: row.uidValidity, now: uidValidity },
        'UIDVALIDITY changed: sweeping the folder again',
      );
      await deps.mailboxes.saveCursor(workspaceId, mailboxId, { uidValidity, lastUid: 0 });
    }
    // No shortcut on the cached message count: it only moves on an IDLE notice, which is what may be missing.
    const found = await c.search({ uid: `${lastUid + 1}:*` }, { uid: true });
    const uids = (found || []).filter((u) => u > lastUid).sort((a, b) => a - b);
    for (let i = 0; i < uids.length; i += batch) {
      const chunk = uids.slice(i, i + batch);
      const fetched: { uid: number; source: Buffer }[] = [];
      for await (const m of c.fetch(chunk.join(','), { uid: true, source: true }, { uid: true }))
        if (m.source) fetched.push({ uid: m.uid, source: m.source });
      fetched.sort((a, b) => a.uid - b.uid);
      for (const m of fetched) await deps.ingest(row, m.source, { uidValidity, uid: m.uid });
      // Everything in the chunk is committed: only now tell the server, then move the cursor.
      if (fetched.length > 0) {
        await c.messageFlagsAdd(fetched.map((m) => m.uid).join(','), ['\\Seen'], { uid: true });
        lastUid = fetched[fetched.length - 1]!.uid;
        await deps.mailboxes.saveCursor(workspaceId, mailboxId, { uidValidity, lastUid });
      }
    }
  }

  function schedule(c: ImapFlow): Promise<void> {
    if (sweeping) {
      again = true;
      return sweeping;
    }
    sweeping = (async () => {
      do {
        again = false;
        await sweep(c);
      } while (again && !stopped);
    })()
      .catch((error: Error) => {
        deps.logger.warn({ err: error, mailbox: mailboxId }, 'IMAP sweep failed; reconnecting');
        void deps.mailboxes.saveError(workspaceId, mailboxId, error.message).catch(() => {});
        c.close();
      })
      .finally(() => {
        sweeping = null;
      });
    return sweeping;
  }

  async function session(): Promise<void> {
    const secrets = await deps.mailboxes.secrets(workspaceId, mailboxId);
    const imap = secrets.row.imap;
    if (!imap || !secrets.imapPassword) throw new Error('The mailbox has no IMAP settings');
    const c = new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: imap.secure,
      auth: { user: imap.user, pass: secrets.imapPassword },
      logger: false,
      maxIdleTime: Math.min(sweepMs, 5 * 60_000),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
    });
    client = c;
    const closed = new Promise<void>((resolve) => c.on('close', () => resolve()));
    c.on('error', (error: Error) =>
      deps.logger.debug({ err: error, mailbox: mailboxId }, 'IMAP connection error'),
    );
    try {
      await c.connect();
      await c.mailboxOpen(imap.folder);
      c.on('exists', () => void schedule(c));
      const timer = setInterval(() => void schedule(c), sweepMs);
      try {
        await schedule(c);
        await deps.mailboxes.saveError(workspaceId, mailboxId, null);
        healthy = true;
        markReady();
        await closed;
      } finally {
        clearInterval(timer);
      }
    } finally {
      c.close();
      client = null;
    }
  }

  const running = (async () => {
    let wait = deps.retryMs ?? 1000;
    while (!stopped) {
      try {
        await session();
      } catch (error) {
        if (stopped) break;
        deps.logger.warn({ err: error, mailbox: mailboxId }, 'IMAP session ended');
        await deps.mailboxes.saveError(workspaceId, mailboxId, (error as Error).message).catch(() => {});
      }
      if (stopped) break;
      if (healthy) wait = deps.retryMs ?? 1000;
      healthy = false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wait = Math.min(wait * 2, 60_000);
    }
  })();

  return {
    ready,
    async sweepNow() {
      if (client?.usable) await schedule(client);
    },
    async stop() {
      stopped = true;
      client?.close();
      wake();
      await running;
    },
  };
}
