/**
 * The e-mail channel against real servers on loopback: Dovecot (IMAP and LMTP) started by the test,
 * swaks as the sending client, and Atiende's own LMTP listener. Skips when the binaries are missing,
 * except in CI.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailMailboxes, emailMessages } from '../../src/modules/email/schema.ts';
import { createWorkspace, login, startTestApp } from '../support/app.ts';
import { rawMail, richMail } from './messages.ts';
import { type Dovecot, deliver, mailServersAvailable, startDovecot, swaksAsync } from './servers.ts';

const available = mailServersAvailable();

describe.skipIf(!available)('e-mail against Dovecot and swaks', () => {
  let dovecot: Dovecot;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let ws: Awaited<ReturnType<typeof createWorkspace>>;
  let boxA: { id: string };
  let boxB: { id: string };
  const db = () => app.database.db;

  const stored = async (mailboxId: string, extra = eq(emailMessages.direction, 'inbound')) => {
    const [row] = await db()
      .select({ n: count() })
      .from(emailMessages)
      .where(and(eq(emailMessages.mailboxId, mailboxId), extra));
    return row!.n;
  };
  const until = async (what: () => Promise<boolean>, ms = 15_000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await what()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('timed out waiting');
  };

  beforeAll(async () => {
    dovecot = await startDovecot(['a@acme.test', 'b@acme.test']);
    app = await startTestApp({ env: { ATIENDE_SECRET: 'mail-servers-test-secret-32-characters+' } });
    ws = await createWorkspace(app);
    const admin = await login(app, ws.email('admin'));
    const call = (url: string, payload: object, method: 'PUT' | 'POST' = 'POST') =>
      app.app.inject({ method, url, headers: admin.headers, payload });
    await call('/api/v1/routing/queues/correo', { name: 'Correo', targets: {}, policy: {} }, 'PUT');
    const mailbox = async (user: string) => {
      const res = await call('/api/v1/email/mailboxes', {
        name: user,
        address: user,
        queueId: 'correo',
        imap: { host: '127.0.0.1', port: dovecot.imapPort, secure: false, user, password: dovecot.password },
        smtp: { host: '127.0.0.1', port: dovecot.lmtpPort, secure: false, protocol: 'lmtp' },
        autoAck: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    boxA = await mailbox('a@acme.test');
    boxB = await mailbox('b@acme.test');
    // The server starts the workers after listening; the test app starts them here.
    await app.services.email.start({ sweepMs: 300, retryMs: 100 });
    await app.services.email.ready();
  });
  afterAll(async () => {
    await app?.services.email.stop();
    await dovecot?.destroy();
  });

  it('a new message becomes an interaction, with its attachments and inline image, and is marked seen', async () => {
    deliver(
      dovecot,
      'a@acme.test',
      richMail({ to: 'a@acme.test', messageId: 'rich-imap@client.example.test' }),
    );
    await until(async () => {
      const [b] = await db().select().from(emailMailboxes).where(eq(emailMailboxes.id, boxA.id));
      return b!.lastUid >= 1;
    });
    const [m] = await db()
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.messageId, 'rich-imap@client.example.test'));
    expect(m!.html).toContain('cid:foto1@client');
    const [box] = await db().select().from(emailMailboxes).where(eq(emailMailboxes.id, boxA.id));
    expect(box!.lastUid).toBeGreaterThanOrEqual(1);
    expect(box!.uidValidity).toBeGreaterThan(0);
  });

  it('two mailboxes that both acknowledge never answer each other', async () => {
    // a@ writes to b@: b@ stores it but does not acknowledge one of the installation's own mailboxes.
    const raw = rawMail({
      from: 'a@acme.test',
      to: 'b@acme.test',
      subject: 'Ping',
      messageId: 'ping@acme.test',
    });
    deliver(dovecot, 'b@acme.test', raw, 'a@acme.test');
    await until(async () => (await stored(boxB.id)) >= 1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await stored(boxB.id, eq(emailMessages.kind, 'ack'))).toBe(0);
    expect(await stored(boxA.id, eq(emailMessages.kind, 'ack'))).toBe(0);
  });

  it('a Dovecot restart in the middle of a burst leaves exactly one copy of every message', async () => {
    const before = await stored(boxA.id);
    for (let n = 0; n < 40; n++) {
      deliver(
        dovecot,
        'a@acme.test',
        rawMail({ from: `burst${n}@client.example.test`, to: 'a@acme.test', subject: `Burst ${n}` }),
      );
      if (n === 20) await dovecot.restart();
    }
    await until(async () => (await stored(boxA.id)) >= before + 40, 20_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await stored(boxA.id)).toBe(before + 40);
  });

  it('a changed UIDVALIDITY re-syncs the folder without a duplicate or a loss', async () => {
    const before = await stored(boxA.id);
    const [box] = await db().select().from(emailMailboxes).where(eq(emailMailboxes.id, boxA.id));
    const oldValidity = box!.uidValidity!;
    // The worker is connected again after the previous test's restart (its retry may still be waiting).
    await until(async () => dovecot.sessions('a@acme.test') > 0, 70_000);
    // The server's index is rebuilt: every message keeps its place under a new UIDVALIDITY, and the
    // open sessions are dropped, as an administrator does after a rebuild.
    dovecot.setUidValidity('a@acme.test', oldValidity + 1000);
    dovecot.kick('a@acme.test');
    deliver(dovecot, 'a@acme.test', rawMail({ to: 'a@acme.test', subject: 'Tras el cambio' }));
    // Without a Message-ID the content hash is what recognises it on the next re-sync.
    deliver(
      dovecot,
      'a@acme.test',
      rawMail({ to: 'a@acme.test', subject: 'Sin Message-ID', messageId: null }),
    );
    await until(async () => {
      const [b] = await db().select().from(emailMailboxes).where(eq(emailMailboxes.id, boxA.id));
      return b!.uidValidity === oldValidity + 1000 && (await stored(boxA.id)) >= before + 2;
    }, 20_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await stored(boxA.id)).toBe(before + 2);
    // Every message of the folder, re-read under the new UIDVALIDITY, is here exactly once.
    expect(dovecot.count('a@acme.test')).toBe(before + 2);
    const copies = await db()
      .select({ key: emailMessages.dedupeKey, n: count() })
      .from(emailMessages)
      .where(and(eq(emailMessages.mailboxId, boxA.id), eq(emailMessages.direction, 'inbound')))
      .groupBy(emailMessages.dedupeKey)
      .having(sql`count(*) > 1`);
    expect(copies).toEqual([]);
  }, 120_000);

  it('the LMTP listener takes deliveries from swaks, once each, and refuses strangers', async () => {
    const { port } = await app.services.email.listen({ protocol: 'lmtp', host: '127.0.0.1', port: 0 });
    const lmtp = (to: string, raw: string) =>
      swaksAsync(
        [
          '--protocol',
          'LMTP',
          '--server',
          '127.0.0.1',
          '--port',
          String(port),
          '--from',
          'ana@client.example.test',
          '--to',
          to,
          '--data',
          '-',
        ],
        raw,
      );
    const before = await stored(boxB.id);
    const raw = rawMail({ to: 'b@acme.test', subject: 'Por LMTP', messageId: 'lmtp-1@client.example.test' });
    // swaks exits non-zero unless the listener answered 250.
    await lmtp('b@acme.test', raw);
    // The same message again (a retry): accepted, and still one copy.
    await lmtp('b@acme.test', raw);
    expect(await stored(boxB.id)).toBe(before + 1);
    const [first] = await db()
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.messageId, 'lmtp-1@client.example.test'));
    expect(first!.subject).toBe('Por LMTP');
    // A reply to the conversation's own address (mailbox+token@) threads into it.
    const { replyAddress } = (
      await app.app.inject({
        method: 'GET',
        url: `/api/v1/email/interactions/${first!.interactionId}/conversation`,
        headers: (await login(app, ws.email('agent'))).headers,
      })
    ).json() as { replyAddress: string };
    await lmtp(replyAddress, rawMail({ to: replyAddress, subject: 'Sigo esperando' }));
    const [reply] = await db()
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.subject, 'Sigo esperando'));
    expect(reply!.threadId).toBe(first!.threadId);
    // An address that is no mailbox here is refused for good (550), so the sender bounces it.
    // swaks exits with 24 when the server refuses the recipient.
    const refused = await lmtp('nadie@acme.test', raw).catch((e: Error & { code?: number }) => e);
    expect(refused).toMatchObject({ code: 24 });
  });
});
