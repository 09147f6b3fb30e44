/**
 * `npm run bench -- email`: the e-mail channel's real ingest path (parse, thread, store, queue).
 * - pushed mail: nodemailer delivers over LMTP to Atiende's own listener (smtp-server); each delivery is
 *   timed from the first byte sent to the 250 reply, which the listener gives only once the message is
 *   committed and its interaction queued, so that is the arrival-to-queued latency;
 * - IMAP, when Dovecot is installed: the same messages are delivered into a Dovecot mailbox first, then an
 *   IMAP worker is started and timed until every message is stored;
 * - the ceiling: mailparser alone parsing the same raw messages, one after another.
 * The mix is 60% plain text, 20% HTML with a PDF attachment and 20% replies (In-Reply-To and References
 * to an earlier message of the same sender), which must thread into that message's conversation.
 * Runs on PGlite in memory, or on a scratch database of the PostgreSQL server in DATABASE_URL.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { and, count, countDistinct, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { buildApp } from '../src/app.ts';
import { emailMessages } from '../src/modules/email/schema.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createLogger } from '../src/platform/logging.ts';
import { startDovecot } from '../test/mail/servers.ts';
import { scratchDatabase } from './support/scratch-database.ts';
import type { Bench } from './types.ts';

/** Deliveries in flight at once, as a mail server's LMTP delivery processes would be. */
const CONCURRENCY = 8;
/** A reply answers the message this many places earlier, long committed by then. */
const REPLY_GAP = 99;
const SENDERS = 200;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Runs `count` tasks with at most `concurrency` in flight. */
async function pool(total: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

type Kind = 'plain' | 'html' | 'reply';

interface Sample {
  from: string;
  raw: Buffer;
  kind: Kind;
}

const kindOf = (i: number): Kind =>
  i % 5 === 4 && i >= REPLY_GAP ? 'reply' : i % 5 === 3 || i % 5 === 4 ? 'html' : 'plain';
const senderOf = (i: number) => `cliente${i % SENDERS}@client.bench.test`;
const idOf = (i: number) => `<b${i}@client.bench.test>`;
const subjectOf = (i: number) => `Pedido ${1000 + i} sin entregar`;

const PARAGRAPH =
  'Hola, les escribo porque el pedido que hice la semana pasada todavía no ha llegado y el seguimiento no se actualiza desde el martes. ';
/** About 20 KB of PDF-like bytes, base64 in 76-character lines as mail clients write them. */
const ATTACHMENT = Buffer.from(`%PDF-1.4\n${'factura 0123456789 '.repeat(1100)}`)
  .toString('base64')
  .replace(/.{76}/g, '$&\r\n');

/** The i-th raw message of the mix, addressed to `to`. */
function message(i: number, to: string): Sample {
  const kind = kindOf(i);
  // A reply answers message i - REPLY_GAP, a plain one (i % 5 === 0) from the same sender.
  const parent = i - REPLY_GAP;
  const from = senderOf(kind === 'reply' ? parent : i);
  const head = [
    `From: Cliente ${i % SENDERS} <${from}>`,
    `To: ${to}`,
    `Subject: ${kind === 'reply' ? `Re: ${subjectOf(parent)}` : subjectOf(i)}`,
    `Date: Mon, 05 Jan 2026 13:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} +0000`,
    `Message-ID: ${idOf(i)}`,
    ...(kind === 'reply' ? [`In-Reply-To: ${idOf(parent)}`, `References: ${idOf(parent)}`] : []),
    'MIME-Version: 1.0',
  ];
  const text = `${PARAGRAPH.repeat(3)}\r\nGracias,\r\nCliente ${i % SENDERS}`;
  let body: string[];
  if (kind === 'html') {
    body = [
      'Content-Type: multipart/mixed; boundary="mixed"',
      '',
      '--mixed',
      'Content-Type: multipart/alternative; boundary="alt"',
      '',
      '--alt',
      'Content-Type: text/plain; charset=utf-8',
      '',
      text,
      '--alt',
      'Content-Type: text/html; charset=utf-8',
      '',
      `<html><body><p>${PARAGRAPH.repeat(3)}</p><p style="color:#333">Gracias,<br><b>Cliente ${i % SENDERS}</b></p><img src="https://tracker.example.test/p.gif"></body></html>`,
      '--alt--',
      '--mixed',
      `Content-Type: application/pdf; name="factura-${i}.pdf"`,
      `Content-Disposition: attachment; filename="factura-${i}.pdf"`,
      'Content-Transfer-Encoding: base64',
      '',
      ATTACHMENT,
      '--mixed--',
    ];
  } else {
    const quoted = kind === 'reply' ? `\r\n\r\nEl lunes escribió:\r\n> ${PARAGRAPH}\r\n> ${PARAGRAPH}` : '';
    body = ['Content-Type: text/plain; charset=utf-8', '', `${text}${quoted}`];
  }
  return { from, kind, raw: Buffer.from(`${[...head, ...body].join('\r\n')}\r\n`) };
}

/** mailparser alone over the same raw messages: the ceiling for any ingest that parses with it. */
async function mailparserOnly(samples: Sample[]): Promise<number> {
  for (const s of samples.slice(0, 50)) await simpleParser(s.raw); // warm-up
  const started = performance.now();
  for (const s of samples) await simpleParser(s.raw);
  return samples.length / ((performance.now() - started) / 1000);
}

async function openApp(serverUrl: string | null) {
  const scratch = serverUrl ? await scratchDatabase(serverUrl, 'email') : null;
  const database = await openDatabase({ databaseUrl: scratch?.url ?? null, dataDir: null, poolSize: 16 });
  await migrate(database);
  const config = loadConfig({
    ATIENDE_MODE: 'test',
    ATIENDE_SECRET: 'bench-email-secret-of-more-than-32-chars',
  });
  const built = await buildApp(config, { database, logger: createLogger({ logLevel: 'silent' }) });
  return { ...built, database, drop: async () => scratch?.drop() };
}

type App = Awaited<ReturnType<typeof openApp>>;

async function workspaceWithQueue(app: App, slug: string) {
  const ws = await app.services.workspaces.create({
    slug,
    name: slug,
    timeZone: 'UTC',
    defaultLanguage: 'es',
    defaultCountry: 'CO',
  });
  await app.services.routing.config.saveQueue(ws.id, {
    key: 'correo',
    name: 'Correo',
    targets: {},
    policy: {},
  });
  return ws.id;
}

/** What was stored in a workspace: inbound messages and the conversations they make. */
async function stored(app: App, workspaceId: string) {
  const [row] = await app.database.db
    .select({ messages: count(), threads: countDistinct(emailMessages.threadId) })
    .from(emailMessages)
    .where(and(eq(emailMessages.workspaceId, workspaceId), eq(emailMessages.direction, 'inbound')));
  return row ?? { messages: 0, threads: 0 };
}

/** Pushes every message through the LMTP listener, CONCURRENCY at a time; per-message latency. */
async function pushed(app: App, total: number, progress: (m: string) => void) {
  const workspaceId = await workspaceWithQueue(app, 'bench-lmtp');
  const address = 'soporte@bench.test';
  await app.services.email.mailboxes.create(workspaceId, { name: 'Soporte', address, queueId: 'correo' });
  const { port } = await app.services.email.listen({ protocol: 'lmtp', host: '127.0.0.1', port: 0 });
  const samples = Array.from({ length: total }, (_, i) => message(i, address));
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    lmtp: true,
    pool: true,
    maxConnections: CONCURRENCY,
    maxMessages: Number.POSITIVE_INFINITY,
    secure: false,
    ignoreTLS: true,
  });
  progress(`LMTP listener: ${total.toLocaleString('en-US')} messages, ${CONCURRENCY} deliveries at a time`);
  const latencies: number[] = [];
  const started = performance.now();
  await pool(total, CONCURRENCY, async (i) => {
    const s = samples[i]!;
    const t0 = performance.now();
    const info = await transport.sendMail({ envelope: { from: s.from, to: [address] }, raw: s.raw });
    if (info.rejected.length > 0) throw new Error(`message ${i} refused: ${info.response}`);
    latencies.push(performance.now() - t0);
  });
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  latencies.sort((a, b) => a - b);
  return { samples, seconds, latencies, result: await stored(app, workspaceId) };
}

/** Fills a Dovecot INBOX with the messages, then times an IMAP worker taking them all in. */
async function imap(app: App, samples: Sample[], progress: (m: string) => void) {
  const user = 'imap@bench.test';
  const dovecot = await startDovecot([user]);
  try {
    const filler = nodemailer.createTransport({
      host: '127.0.0.1',
      port: dovecot.lmtpPort,
      lmtp: true,
      pool: true,
      maxConnections: 4,
      maxMessages: Number.POSITIVE_INFINITY,
      secure: false,
      ignoreTLS: true,
    });
    progress(`Dovecot: delivering ${samples.length.toLocaleString('en-US')} messages into ${user}`);
    await pool(samples.length, 4, async (i) => {
      await filler.sendMail({ envelope: { from: samples[i]!.from, to: [user] }, raw: samples[i]!.raw });
    });
    filler.close();
    if (dovecot.count(user) !== samples.length) throw new Error('Dovecot did not store every message');

    const workspaceId = await workspaceWithQueue(app, 'bench-imap');
    progress('IMAP worker: sweeping the INBOX');
    const started = performance.now();
    await app.services.email.mailboxes.create(workspaceId, {
      name: 'IMAP',
      address: user,
      queueId: 'correo',
      imap: { host: '127.0.0.1', port: dovecot.imapPort, secure: false, user, password: dovecot.password },
    });
    await app.services.email.start({ sweepMs: 200, retryMs: 100 });
    let result = await stored(app, workspaceId);
    // Generous on a loaded machine (10 messages/s at least); a shortfall then fails the run below.
    const deadline = Date.now() + Math.max(120_000, samples.length * 100);
    while (result.messages < samples.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      result = await stored(app, workspaceId);
    }
    const seconds = (performance.now() - started) / 1000;
    await app.services.email.stop();
    return { seconds, result };
  } finally {
    await dovecot.destroy();
  }
}

const bench: Bench = async ({ full, progress }) => {
  const total = full ? 10_000 : 1_000;
  const app = await openApp(process.env.DATABASE_URL ?? null);
  const lmtp = await pushed(app, total, progress);
  const expectedThreads = lmtp.samples.filter((s) => s.kind !== 'reply').length;
  if (lmtp.result.messages !== total || lmtp.result.threads !== expectedThreads)
    throw new Error(
      `LMTP ingest stored ${lmtp.result.messages} messages in ${lmtp.result.threads} conversations; expected ${total} in ${expectedThreads}`,
    );
  const withDovecot = existsSync('/usr/sbin/dovecot');
  const viaImap = withDovecot ? await imap(app, lmtp.samples, progress) : null;
  if (viaImap && viaImap.result.messages !== total)
    throw new Error(`IMAP ingest stored ${viaImap.result.messages} of ${total} messages`);
  await app.app.close();
  await app.database.close();
  await app.drop();

  progress('mailparser alone over the same messages');
  const ceiling = await mailparserOnly(lmtp.samples);
  const ingestPerSecond = total / lmtp.seconds;
  return {
    name: 'email',
    figures: {
      ingest_per_s: Math.round(ingestPerSecond),
      arrival_to_queued_p50_ms: Number(percentile(lmtp.latencies, 0.5).toFixed(1)),
      arrival_to_queued_p99_ms: Number(percentile(lmtp.latencies, 0.99).toFixed(1)),
      ...(viaImap ? { imap_ingest_per_s: Math.round(total / viaImap.seconds) } : {}),
    },
    peer: { mailparser_only_per_s: Math.round(ceiling) },
    ratios: { vs_mailparser_only: Number((ingestPerSecond / ceiling).toFixed(3)) },
    context: {
      messages: total,
      mix: '60% plain, 20% HTML + 20 KB PDF attachment, 20% replies that thread',
      conversations: lmtp.result.threads,
      pushed_through: `LMTP listener (smtp-server), nodemailer client, ${CONCURRENCY} deliveries at a time`,
      imap: viaImap ? 'Dovecot on loopback, one imapflow worker' : 'skipped (Dovecot not installed)',
      persisted_on:
        app.database.kind === 'postgres'
          ? 'PostgreSQL (DATABASE_URL)'
          : 'PGlite in memory (set DATABASE_URL for PostgreSQL)',
      latency: 'first byte sent → 250 after commit and enqueue',
    },
  };
};

export default bench;
