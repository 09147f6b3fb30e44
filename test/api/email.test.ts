/**
 * The e-mail channel over HTTP and through its ingest path: mailboxes with sealed credentials, new mail
 * becoming a queued interaction, threading, acknowledgements that never answer machines, quarantine,
 * sanitised display and replies through a real SMTP server (smtp-server in this process).
 */
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { emailMailboxes } from '../../src/modules/email/schema.ts';
import { rawMail, richMail } from '../mail/messages.ts';
import { startSink } from '../mail/sink.ts';
import { createWorkspace, login, type Session, startTestApp } from '../support/app.ts';

const SECRET = 'email-test-secret-of-more-than-32-chars';
const app = await startTestApp({ env: { ATIENDE_SECRET: SECRET } });
const inject = app.app.inject.bind(app.app);
const ws = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const agent = await login(app, ws.email('agent'));
const sink = await startSink();
afterAll(() => sink.close());

const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload }) });

await call(admin, 'PUT', '/api/v1/routing/queues/correo', {
  name: 'Correo',
  targets: { email: { percent: 80, seconds: 3600 }, email_resolution: { percent: 80, seconds: 86400 } },
  policy: {},
});

let boxCounter = 0;
async function newMailbox(extra: Record<string, unknown> = {}) {
  const res = await call(admin, 'POST', '/api/v1/email/mailboxes', {
    name: 'Soporte',
    address: `soporte${++boxCounter}@acme.test`,
    queueId: 'correo',
    smtp: { host: '127.0.0.1', port: sink.port, secure: false, user: 'soporte', password: 'smtp-pass-123' },
    signature: '{{agent.name}} · Soporte Acme',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; address: string };
}
const ingest = (mailboxId: string, raw: string) =>
  app.services.email.ingest(ws.id, mailboxId, Buffer.from(raw));
const conversation = async (interactionId: string, s: Session = agent) => {
  const res = await call(s, 'GET', `/api/v1/email/interactions/${interactionId}/conversation`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const interaction = async (id: string) => (await call(admin, 'GET', `/api/v1/interactions/${id}`)).json();
const sentTo = (address: string) => sink.received.filter((m) => m.to.includes(address));

describe('mailboxes', () => {
  it('stores credentials sealed and never shows them back', async () => {
    const box = await newMailbox({
      imap: { host: '127.0.0.1', port: 1, secure: false, user: 'soporte', password: 'imap-pass-456' },
    });
    const res = await call(admin, 'GET', `/api/v1/email/mailboxes/${box.id}`);
    expect(res.body).not.toContain('imap-pass-456');
    expect(res.json().imap).toMatchObject({ user: 'soporte', hasPassword: true });
    const [row] = await app.database.db.select().from(emailMailboxes).where(eq(emailMailboxes.id, box.id));
    expect(row!.imapPassword).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('imap-pass-456');
    expect(JSON.stringify(row)).not.toContain('smtp-pass-123');
    // A change that leaves the password out keeps it.
    const put = await call(admin, 'PUT', `/api/v1/email/mailboxes/${box.id}`, {
      name: 'Soporte 2',
      address: box.address,
      queueId: 'correo',
      imap: { host: '127.0.0.1', port: 1, secure: false, user: 'soporte' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().imap.hasPassword).toBe(true);
    await app.services.email.stop();
  });

  it('refuses bad input with a clear 4xx', async () => {
    const base = { name: 'X', address: 'x@acme.test', queueId: 'correo' };
    const cases: [object, number, string][] = [
      [{ ...base, queueId: 'nope' }, 400, 'routing.unknown_queue'],
      [{ ...base, address: 'not an address' }, 400, 'validation'],
      [
        { ...base, imap: { host: 'h', port: 143, secure: false, user: 'u' } },
        400,
        'email.imap_password_required',
      ],
      [{ ...base, smtp: { host: 'h', port: 70000, secure: false } }, 400, 'validation'],
      [{ ...base, extra: 1 }, 400, 'validation'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await call(admin, 'POST', '/api/v1/email/mailboxes', payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toContain(code);
    }
    const box = await newMailbox();
    const taken = await call(admin, 'POST', '/api/v1/email/mailboxes', {
      ...base,
      address: box.address.toUpperCase(),
    });
    expect(taken.statusCode, taken.body).toBe(409);
    expect((await call(agent, 'GET', '/api/v1/email/mailboxes')).statusCode).toBe(403);
  });
});

describe('a new message', () => {
  it('becomes a queued e-mail interaction of its customer, with due times from the queue', async () => {
    const box = await newMailbox();
    const result = await ingest(box.id, rawMail({ to: box.address }));
    expect(result.status).toBe('stored');
    if (result.status !== 'stored') return;
    const i = await interaction(result.interactionId);
    expect(i).toMatchObject({
      channel: 'email',
      state: 'queued',
      queueId: 'correo',
      subject: 'Necesito ayuda',
    });
    expect(i.customerId).toBeTruthy();
    const c = await conversation(result.interactionId);
    expect(c.messages).toHaveLength(1);
    expect(c.messages[0]).toMatchObject({
      direction: 'inbound',
      from: { address: 'ana@client.example.test', name: 'Ana Pérez' },
    });
    expect(Date.parse(c.firstReplyDueAt) - Date.parse(i.createdAt)).toBeCloseTo(3_600_000, -3);
    expect(Date.parse(c.resolutionDueAt) - Date.parse(i.createdAt)).toBeCloseTo(86_400_000, -3);
    const timeline = (await call(admin, 'GET', `/api/v1/customers/${i.customerId}/timeline`)).json();
    expect(JSON.stringify(timeline)).toContain('Necesito ayuda');
  });

  it('is stored once however often it arrives', async () => {
    const box = await newMailbox();
    const raw = rawMail({ to: box.address, messageId: 'once@client.example.test' });
    const first = await ingest(box.id, raw);
    const again = await Promise.all([ingest(box.id, raw), ingest(box.id, raw)]);
    expect(first.status).toBe('stored');
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    // Without a Message-ID the content hash recognises it.
    const bare = rawMail({ to: box.address, messageId: null, body: 'sin identificador' });
    expect((await ingest(box.id, bare)).status).toBe('stored');
    expect((await ingest(box.id, bare)).status).toBe('duplicate');
  });
});

describe('threading', () => {
  it('follows In-Reply-To, then the reply token, and a reference number only from a participant', async () => {
    const box = await newMailbox({ autoAck: true });
    const first = await ingest(box.id, rawMail({ to: box.address, messageId: 'root@client.example.test' }));
    if (first.status !== 'stored') throw new Error('not stored');
    const byHeader = await ingest(
      box.id,
      rawMail({
        to: box.address,
        subject: 'Re: Necesito ayuda',
        headers: { 'In-Reply-To': '<root@client.example.test>' },
      }),
    );
    expect(byHeader).toMatchObject({ status: 'stored', threadId: first.threadId, threadedBy: 'headers' });
    const c = await conversation(first.interactionId);
    const ack = sentTo('ana@client.example.test').find((m) => m.raw.includes(c.reference))!;
    expect(ack.raw).toMatch(/^Auto-Submitted: auto-replied/m);
    const byToken = await ingest(box.id, rawMail({ to: c.replyAddress, subject: 'otra cosa' }));
    expect(byToken).toMatchObject({ threadId: first.threadId, threadedBy: 'token' });
    const byRef = await ingest(box.id, rawMail({ to: box.address, subject: `Sigue [#${c.reference}]` }));
    expect(byRef).toMatchObject({ threadId: first.threadId, threadedBy: 'reference' });
    const stranger = await ingest(
      box.id,
      rawMail({ from: 'intruso@evil.example.test', to: box.address, subject: `Hola [#${c.reference}]` }),
    );
    expect(stranger.status).toBe('stored');
    if (stranger.status === 'stored') expect(stranger.threadId).not.toBe(first.threadId);
  });

  it('threads the answer to a reply-all into the same interaction (waiting on the customer: email-replies.test.ts)', async () => {
    const box = await newMailbox();
    const first = await ingest(box.id, rawMail({ to: box.address, messageId: 'wait@client.example.test' }));
    if (first.status !== 'stored') throw new Error('not stored');
    await app.services.interactions.change(ws.id, first.interactionId, 'active', { agentId: agent.userId });
    const reply = await call(agent, 'POST', `/api/v1/email/interactions/${first.interactionId}/reply`, {
      mode: 'reply_all',
      cc: ['jefe@client.example.test'],
      bcc: ['auditoria@acme.test'],
      text: 'Ya lo revisamos.',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const out = sink.received.at(-1)!;
    expect(out.to.sort()).toEqual([
      'ana@client.example.test',
      'auditoria@acme.test',
      'jefe@client.example.test',
    ]);
    expect(out.raw).not.toMatch(/^Bcc:/m);
    expect(out.raw).toMatch(/^In-Reply-To: <wait@client\.example\.test>/m);
    expect(out.raw).toContain('agent of');
    const answer = await ingest(
      box.id,
      rawMail({
        to: box.address,
        subject: 'Re: Necesito ayuda',
        headers: { 'In-Reply-To': `<${reply.json().messageId}>` },
      }),
    );
    expect(answer).toMatchObject({ threadId: first.threadId, interactionId: first.interactionId });
    expect((await interaction(first.interactionId)).state).toBe('active');
    const c = await conversation(first.interactionId);
    expect(c.messages.map((m: { direction: string }) => m.direction)).toEqual([
      'inbound',
      'outbound',
      'inbound',
    ]);
    expect(c.firstRepliedAt).not.toBeNull();
  });

  it('refuses a reply with a bad address or no recipient', async () => {
    const box = await newMailbox();
    const first = await ingest(box.id, rawMail({ to: box.address }));
    if (first.status !== 'stored') throw new Error('not stored');
    const url = `/api/v1/email/interactions/${first.interactionId}/reply`;
    expect((await call(agent, 'POST', url, { mode: 'reply', cc: ['nope'], text: 'x' })).statusCode).toBe(400);
    const fwd = await call(agent, 'POST', url, { mode: 'forward', text: 'x' });
    expect(fwd.json().error.code).toBe('email.no_recipient');
    expect((await call(agent, 'POST', url, { mode: 'reply', text: '' })).statusCode).toBe(400);
  });
});

describe('automated mail', () => {
  it('is stored and flagged but never acknowledged', async () => {
    const box = await newMailbox({ autoAck: true });
    const kinds: Record<string, string>[] = [
      { 'Auto-Submitted': 'auto-replied' },
      { Precedence: 'bulk' },
      { 'List-Id': '<news.example.test>' },
      { 'Return-Path': '<>' },
    ];
    for (const [n, headers] of kinds.entries()) {
      const from = `robot${n}@example.test`;
      const r = await ingest(box.id, rawMail({ from, to: box.address, headers }));
      expect(r.status).toBe('stored');
      if (r.status === 'stored')
        expect((await interaction(r.interactionId)).attributes.automated).toBeTruthy();
      expect(sentTo(from)).toHaveLength(0);
    }
  });

  it('acknowledges a person at most three times an hour, and stops a loop', async () => {
    const box = await newMailbox({ autoAck: true });
    const from = 'responder@other.example.test';
    for (let n = 0; n < 12; n++)
      await ingest(box.id, rawMail({ from, to: box.address, subject: `Ping ${n}` }));
    expect(sentTo(from)).toHaveLength(3);
  });
});

describe('content', () => {
  it('sanitises HTML, maps cid: images, blocks remote images until allowed and keeps attachments', async () => {
    const box = await newMailbox();
    const r = await ingest(box.id, richMail({ to: box.address, messageId: 'rich@client.example.test' }));
    if (r.status !== 'stored') throw new Error(JSON.stringify(r));
    const c = await conversation(r.interactionId);
    const m = c.messages[0];
    expect(m.attachments.map((a: { filename: string }) => a.filename).sort()).toEqual([
      'factura.pdf',
      'foto.png',
    ]);
    const frame = await call(agent, 'GET', `/api/v1/email/messages/${m.id}/frame?quoteLabel=Historial`);
    expect(frame.statusCode).toBe(200);
    expect(frame.headers['content-security-policy']).toContain("img-src 'self' data:;");
    expect(frame.headers['x-blocked-images']).toBe('1');
    expect(frame.body).not.toMatch(/<script|onclick|tracker\.example\.test/);
    const image = m.attachments.find((a: { filename: string }) => a.filename === 'foto.png');
    // Inline images travel inside the document: the sandboxed frame has no session to fetch them with.
    expect(frame.body).toContain('<img src="data:image/png;base64,iVBORw0KGgo');
    expect(frame.body).toContain('<summary>Historial</summary>');
    const allowed = await call(agent, 'GET', `/api/v1/email/messages/${m.id}/frame?images=allow`);
    expect(allowed.body).toContain('https://tracker.example.test/p.gif');
    const png = await call(agent, 'GET', `/api/v1/email/attachments/${image.id}`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const pdf = m.attachments.find((a: { filename: string }) => a.filename === 'factura.pdf');
    const file = await call(agent, 'GET', `/api/v1/email/attachments/${pdf.id}`);
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
  });
});

describe('bad input', () => {
  it('stores or quarantines with a reason, never crashes, and reprocesses from quarantine', async () => {
    const box = await newMailbox();
    const huge = `X-Junk: ${'a'.repeat(300 * 1024)}\r\n${rawMail({ to: box.address })}`;
    const noBoundary =
      'From: a@client.example.test\r\nTo: x@acme.test\r\nSubject: roto\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\nsin fin';
    const badCharset =
      'From: b@client.example.test\r\nSubject: =?x-unknown?Q?caf=E9?=\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\ncaf\xe9';
    const latin1 = Buffer.concat([
      Buffer.from(
        'From: c@client.example.test\r\nSubject: acento\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n',
      ),
      Buffer.from([0x63, 0x61, 0x66, 0xe9]),
    ]);
    const noFrom = 'To: x@acme.test\r\nSubject: sin remitente\r\n\r\nhola';
    const zipOfZip = rawMail({ to: box.address }).replace(
      'Content-Type: text/plain; charset=utf-8\r\n\r\n',
      'Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: application/zip; name=a.zip\r\nContent-Transfer-Encoding: base64\r\n\r\nUEsDBBQAAAAIAAAAIQB6aXAuemlw\r\n--b--\r\n',
    );
    const results = [
      await ingest(box.id, huge),
      await ingest(box.id, noBoundary),
      await ingest(box.id, badCharset),
      await app.services.email.ingest(ws.id, box.id, latin1),
      await ingest(box.id, noFrom),
      await ingest(box.id, ''),
      await ingest(box.id, zipOfZip),
    ];
    expect(results.map((r) => (r.status === 'quarantined' ? r.reason : r.status))).toEqual([
      'headers_too_large',
      'stored',
      'stored',
      'stored',
      'no_sender',
      'empty',
      'stored',
    ]);
    const stored = results[3]!;
    if (stored.status === 'stored')
      expect((await conversation(stored.interactionId)).messages[0].text).toBe('café');
    const list = (await call(admin, 'GET', '/api/v1/email/quarantine')).json();
    const reasons = list.items.map((q: { reason: string }) => q.reason);
    expect(reasons).toEqual(expect.arrayContaining(['headers_too_large', 'no_sender', 'empty']));
    const q = list.items.find((i: { reason: string }) => i.reason === 'no_sender');
    const again = await call(admin, 'POST', `/api/v1/email/quarantine/${q.id}/reprocess`);
    expect(again.json()).toMatchObject({ status: 'quarantined', reason: 'no_sender' });
    expect(
      (await call(admin, 'POST', '/api/v1/email/quarantine/00000000-0000-7000-8000-000000000000/reprocess'))
        .statusCode,
    ).toBe(404);
  });
});
