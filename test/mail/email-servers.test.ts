/**
 * The e-mail channel against real servers on loopback: Dovecot (IMAP and LMTP) started by the test,
 * swaks as the sending client, and Atiende's own LMTP listener. Skips when the binaries are missing,
 * except in CI.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailMailboxes, emailMessages } from '../../src/modules/email/schema.ts';
import { createWorkspace, login, startTestApp } from '../support/app.ts';
import { rawMail, richMail } from './messages.ts';
import { type Dovecot, deliver, mailServersAvailable, startDovecot } from './servers.ts';

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
});
