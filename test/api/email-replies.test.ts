/**
 * What agents answer e-mail with: reply templates with variables, their own signature, testing a mailbox,
 * and a conversation waiting on the customer going back to routing when the customer writes again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rawMail } from '../mail/messages.ts';
import { startSink } from '../mail/sink.ts';
import { createWorkspace, login, type Session, startTestApp } from '../support/app.ts';

const app = await startTestApp({ env: { ATIENDE_SECRET: 'email-replies-test-secret-32-chars-long' } });
const inject = app.app.inject.bind(app.app);
const ws = await createWorkspace(app);
const other = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const agent = await login(app, ws.email('agent'));
const otherAdmin = await login(app, other.email('admin'));
const sink = await startSink();
afterAll(() => sink.close());

const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload }) });

await call(admin, 'PUT', '/api/v1/routing/queues/correo', { name: 'Correo', targets: {}, policy: {} });
let boxes = 0;
async function newMailbox(extra: Record<string, unknown> = {}, by = admin) {
  const res = await call(by, 'POST', '/api/v1/email/mailboxes', {
    name: 'Soporte Acme',
    address: `ayuda${++boxes}@acme.test`,
    queueId: 'correo',
    smtp: { host: '127.0.0.1', port: sink.port, secure: false },
    signature: 'El equipo de {{mailbox.name}}',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; address: string };
}
const ingest = async (mailboxId: string, raw: string, workspaceId = ws.id) => {
  const r = await app.services.email.ingest(workspaceId, mailboxId, Buffer.from(raw));
  if (r.status !== 'stored') throw new Error(`not stored: ${r.status}`);
  return r;
};
const stateOf = async (id: string) =>
  (await call(admin, 'GET', `/api/v1/interactions/${id}`)).json() as {
    state: string;
    agentId: string | null;
  };

describe('reply templates', () => {
  it('are kept per workspace, filled for a conversation, and offered per mailbox', async () => {
    const box = await newMailbox();
    const otherBox = await newMailbox();
    const created = await call(admin, 'POST', '/api/v1/email/templates', {
      name: 'Pedido en camino',
      language: 'es',
      subject: 'Su pedido [{{reference}}]',
      body: 'Hola {{customer.name}}, su pedido va en camino. {{agent.name}}, {{mailbox.name}}',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().variables.sort()).toEqual([
      'agent.name',
      'customer.name',
      'mailbox.name',
      'reference',
    ]);
    const onlyOther = await call(admin, 'POST', '/api/v1/email/templates', {
      name: 'Solo del otro buzón',
      language: 'en',
      mailboxId: otherBox.id,
      body: 'Hello',
    });
    expect(onlyOther.statusCode, onlyOther.body).toBe(201);

    const listed = await call(agent, 'GET', `/api/v1/email/templates?mailboxId=${box.id}`);
    expect(listed.json().items.map((t: { name: string }) => t.name)).toEqual(['Pedido en camino']);
    expect((await call(agent, 'GET', '/api/v1/email/templates')).json().items).toHaveLength(2);

    const first = await ingest(box.id, rawMail({ to: box.address, subject: 'Mi pedido' }));
    const rendered = await call(
      agent,
      'POST',
      `/api/v1/email/interactions/${first.interactionId}/render-template`,
      {
        templateId: created.json().id,
      },
    );
    expect(rendered.statusCode, rendered.body).toBe(200);
    const thread = (
      await call(agent, 'GET', `/api/v1/email/interactions/${first.interactionId}/conversation`)
    ).json();
    expect(rendered.json()).toEqual({
      subject: `Su pedido [${thread.reference}]`,
      text: expect.stringMatching(/^Hola Ana Pérez, su pedido va en camino\. .+, Soporte Acme$/),
    });
    expect(rendered.json().text).not.toContain('{{');

    const renamed = await call(admin, 'PUT', `/api/v1/email/templates/${onlyOther.json().id}`, {
      name: 'Pedido en camino',
      language: 'en',
      body: 'Hello',
    });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().error.code).toBe('email.template_name_taken');
    expect((await call(admin, 'DELETE', `/api/v1/email/templates/${onlyOther.json().id}`)).statusCode).toBe(
      204,
    );
    expect((await call(admin, 'GET', `/api/v1/email/templates/${onlyOther.json().id}`)).statusCode).toBe(404);
  });

  it('refuse unknown variables, bad fields and strangers, with a clear 4xx', async () => {
    const good = { name: 'T', language: 'es', body: 'Hola' };
    const cases: [Session, object, number, string][] = [
      [admin, { ...good, body: 'Hola {{cliente.nombre}}' }, 400, 'email.unknown_variable'],
      [admin, { ...good, subject: '{{ticket}}' }, 400, 'email.unknown_variable'],
      [admin, { ...good, language: 'fr' }, 400, 'validation'],
      [admin, { ...good, body: '' }, 400, 'validation'],
      [admin, { ...good, extra: 1 }, 400, 'validation'],
      [admin, { ...good, mailboxId: '00000000-0000-7000-8000-000000000000' }, 404, 'not_found'],
      [agent, good, 403, 'auth.forbidden'],
    ];
    for (const [who, body, status, code] of cases) {
      const res = await call(who, 'POST', '/api/v1/email/templates', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.code.startsWith(code), res.body).toBe(true);
    }
    const unknown = await call(admin, 'POST', '/api/v1/email/templates', {
      ...good,
      body: '{{x.y}} {{customer.name}}',
    });
    expect(unknown.json().error.details).toEqual([{ path: '/body', message: 'unknown variable {{x.y}}' }]);
  });

  it('of one workspace are invisible to another', async () => {
    const res = await call(admin, 'POST', '/api/v1/email/templates', {
      name: 'Privada',
      language: 'es',
      body: 'x',
    });
    const id = res.json().id;
    expect((await call(otherAdmin, 'GET', `/api/v1/email/templates/${id}`)).statusCode).toBe(404);
    expect((await call(otherAdmin, 'GET', '/api/v1/email/templates')).json().items).toEqual([]);
    expect((await call(otherAdmin, 'DELETE', `/api/v1/email/templates/${id}`)).statusCode).toBe(404);
  });
});

describe('signatures', () => {
  it("an agent's own signature replaces the mailbox's in what is sent", async () => {
    const box = await newMailbox();
    const first = await ingest(box.id, rawMail({ to: box.address }));
    const conversation = () =>
      call(agent, 'GET', `/api/v1/email/interactions/${first.interactionId}/conversation`).then((r) =>
        r.json(),
      );
    expect((await conversation()).signature).toBe('El equipo de Soporte Acme');
    expect((await call(agent, 'GET', '/api/v1/email/signature')).json()).toEqual({ body: null });

    const bad = await call(agent, 'PUT', '/api/v1/email/signature', { body: '{{customer.name}}' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('email.unknown_variable');
    const set = await call(agent, 'PUT', '/api/v1/email/signature', {
      body: '{{agent.name}}\n{{mailbox.name}}',
    });
    expect(set.statusCode, set.body).toBe(200);
    const signature = (await conversation()).signature as string;
    expect(signature).toMatch(/^.+\nSoporte Acme$/);
    expect(signature).not.toContain('El equipo');

    await app.services.interactions.change(ws.id, first.interactionId, 'active', { agentId: agent.userId });
    const sent = await call(agent, 'POST', `/api/v1/email/interactions/${first.interactionId}/reply`, {
      mode: 'reply',
      text: 'Hecho.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const raw = sink.received.at(-1)!.raw;
    expect(raw).toContain(signature.split('\n')[0]);
    expect(raw).not.toContain('El equipo');
    // An empty signature falls back to the mailbox's.
    expect((await call(agent, 'PUT', '/api/v1/email/signature', { body: '' })).json()).toEqual({
      body: null,
    });
    expect((await conversation()).signature).toBe('El equipo de Soporte Acme');
  });
});

describe('testing a mailbox', () => {
  it('greets the outgoing server and reports an unreachable IMAP server with its error', async () => {
    const box = await newMailbox({
      imap: { host: '127.0.0.1', port: 1, secure: false, user: 'x', password: 'y' },
    });
    const res = await call(admin, 'POST', `/api/v1/email/mailboxes/${box.id}/test`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().smtp).toEqual({ ok: true, error: null });
    expect(res.json().imap).toMatchObject({ ok: false, messages: null });
    expect(res.json().imap.error).toMatch(/ECONNREFUSED|connect/i);
    await app.services.email.stop();
  });
});

describe('waiting on the customer', () => {
  it('frees the agent, and the customer’s answer is routed again', async () => {
    // A workspace of its own: the other tests' conversations wait in this one's queue.
    const own = await createWorkspace(app);
    const admin = await login(app, own.email('admin'));
    const agent = await login(app, own.email('agent'));
    await call(admin, 'PUT', '/api/v1/routing/queues/correo', { name: 'Correo', targets: {}, policy: {} });
    const box = await newMailbox({}, admin);
    const stateOf = async (id: string) =>
      (await call(admin, 'GET', `/api/v1/interactions/${id}`)).json().state;
    const profile = await call(admin, 'PUT', `/api/v1/routing/agents/${agent.userId}/profile`, {
      skills: {},
      languages: [],
      channels: { email: 1 },
      capacity: 100,
      teams: [],
    });
    expect(profile.statusCode, profile.body).toBe(200);
    expect((await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' })).statusCode).toBe(
      200,
    );
    const first = await ingest(box.id, rawMail({ to: box.address, subject: 'Factura' }), own.id);
    expect(await stateOf(first.interactionId)).toBe('offered');
    expect((await call(agent, 'POST', `/api/v1/interactions/${first.interactionId}/accept`)).statusCode).toBe(
      200,
    );

    // At capacity: a second conversation waits.
    const second = await ingest(box.id, rawMail({ to: box.address, subject: 'Otra cosa' }), own.id);
    expect(await stateOf(second.interactionId)).toBe('queued');

    const reply = await call(agent, 'POST', `/api/v1/email/interactions/${first.interactionId}/reply`, {
      mode: 'reply',
      text: '¿Nos envía el número de factura?',
      waitOnCustomer: true,
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json().state).toBe('waiting_on_customer');
    expect(await stateOf(first.interactionId)).toBe('waiting_on_customer');
    // The agent's capacity is free again: the waiting conversation is offered.
    expect(await stateOf(second.interactionId)).toBe('offered');
    await call(agent, 'POST', `/api/v1/interactions/${second.interactionId}/decline`);

    const answer = await ingest(
      box.id,
      rawMail({
        to: box.address,
        subject: 'Re: Factura',
        headers: { 'In-Reply-To': `<${reply.json().messageId}>` },
      }),
      own.id,
    );
    expect(answer.interactionId).toBe(first.interactionId);
    // Routing holds it again: it is offered to the agent, who is free, and taken.
    expect(await stateOf(first.interactionId)).toBe('offered');
    const taken = await call(agent, 'POST', `/api/v1/interactions/${first.interactionId}/accept`);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ state: 'active', agentId: agent.userId });
  });

  it('refuses to park a conversation that is not active', async () => {
    const box = await newMailbox();
    const first = await ingest(box.id, rawMail({ to: box.address }));
    const res = await call(agent, 'POST', `/api/v1/email/interactions/${first.interactionId}/reply`, {
      mode: 'reply',
      text: 'Hola',
      waitOnCustomer: true,
    });
    // Sent, but a queued conversation is not put to wait: it stays where routing has it.
    expect(res.statusCode, res.body).toBe(201);
    expect(['queued', 'offered']).toContain((await stateOf(first.interactionId)).state);
  });
});
