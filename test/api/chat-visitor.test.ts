/** The visitor across devices and the status of its messages: verified history, the desk's receipts. */
import { describe, expect, it } from 'vitest';
import { signIdentity } from '../../src/modules/chat/index.ts';
import { createWorkspace } from '../support/app.ts';
import { chatFixture } from '../support/chat.ts';

const { app, inject, ws, agent, SITE, call, channel, visitor, as, startChat } = await chatFixture();

describe('status per message', () => {
  it('keeps the desk’s delivered watermark apart from read: forward only, never past the last message', async () => {
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' });
    const v = await visitor();
    const id = (await startChat(v.token, 'uno')).conversation.id;
    for (const [n, body] of ['dos', 'tres'].entries())
      await as(v.token, 'POST', `/api/v1/chat/visitor/conversations/${id}/messages`, {
        clientId: `d${n}`,
        body,
      });
    const marks = async () =>
      (await as(v.token, 'GET', `/api/v1/chat/visitor/conversations/${id}/messages`)).json().conversation;
    expect(await marks()).toMatchObject({ lastSeq: 3, agentDeliveredSeq: 0, agentReadSeq: 0 });
    const delivered = (seq: number) =>
      call(agent, 'POST', `/api/v1/chat/conversations/${id}/receipts`, { kind: 'delivered', seq });
    expect((await delivered(2)).statusCode).toBe(204);
    expect(await marks()).toMatchObject({ agentDeliveredSeq: 2, agentReadSeq: 0 });
    await delivered(1);
    expect(await marks()).toMatchObject({ agentDeliveredSeq: 2 });
    await delivered(99);
    expect(await marks()).toMatchObject({ agentDeliveredSeq: 3, agentReadSeq: 0 });
    // The visitor's own receipts move the visitor's watermarks, never the desk's.
    await as(v.token, 'POST', `/api/v1/chat/visitor/conversations/${id}/receipts`, {
      kind: 'delivered',
      seq: 3,
    });
    expect(await marks()).toMatchObject({ agentDeliveredSeq: 3, visitorDeliveredSeq: 3 });
    const bad = await call(agent, 'POST', `/api/v1/chat/conversations/${id}/receipts`, {
      kind: 'seen',
      seq: 1,
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await call(
      agent,
      'POST',
      '/api/v1/chat/conversations/00000000-0000-4000-8000-000000000000/receipts',
      { kind: 'delivered', seq: 1 },
    );
    expect(unknown.statusCode).toBe(404);
  });
});

describe('identity', () => {
  it('trusts a host site customer id only with the right HMAC, and shares history across devices', async () => {
    const signature = signIdentity(channel.secret, 'cliente-77');
    const phone = await visitor({ identity: { customerId: 'cliente-77', signature } });
    expect(phone.verified).toBe(true);
    const bad = await inject({
      method: 'POST',
      url: '/api/v1/chat/sessions',
      headers: { origin: SITE },
      payload: {
        channel: channel.publicKey,
        host: SITE,
        identity: { customerId: 'cliente-77', signature: signIdentity('wrong', 'cliente-77') },
      },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('chat.identity_unverified');
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' });
    const chat = await startChat(phone.token, 'desde el teléfono');
    const laptop = await visitor({ identity: { customerId: 'cliente-77', signature } });
    const list = (await as(laptop.token, 'GET', '/api/v1/chat/visitor/conversations')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(chat.conversation.id);
    const anonymous = await visitor();
    expect((await as(anonymous.token, 'GET', '/api/v1/chat/visitor/conversations')).json().items).toEqual([]);
  });

  it('opens a verified visitor’s finished chat from another device, and an anonymous visitor only its own', async () => {
    const signature = signIdentity(channel.secret, 'cliente-88');
    const phone = await visitor({ identity: { customerId: 'cliente-88', signature } });
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' });
    const chat = await startChat(phone.token, 'pedido 88');
    const id = chat.conversation.id;
    expect((await as(phone.token, 'POST', `/api/v1/chat/visitor/conversations/${id}/close`)).statusCode).toBe(
      204,
    );
    const laptop = await visitor({ identity: { customerId: 'cliente-88', signature } });
    const listed = (await as(laptop.token, 'GET', '/api/v1/chat/visitor/conversations')).json().items;
    expect(listed).toEqual([expect.objectContaining({ id, open: false, lastSeq: 1 })]);
    const history = await as(laptop.token, 'GET', `/api/v1/chat/visitor/conversations/${id}/messages`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().messages.map((m: { body: string }) => m.body)).toEqual(['pedido 88']);
    // Another customer's identity, or none, reaches neither the list nor the messages.
    const other = await visitor({
      identity: { customerId: 'cliente-89', signature: signIdentity(channel.secret, 'cliente-89') },
    });
    const anonymous = await visitor();
    const own = await startChat(anonymous.token, 'sin identidad');
    for (const token of [other.token, anonymous.token]) {
      const res = await as(token, 'GET', `/api/v1/chat/visitor/conversations/${id}/messages`);
      expect(res.statusCode).toBe(404);
    }
    const mine = (await as(anonymous.token, 'GET', '/api/v1/chat/visitor/conversations')).json().items;
    expect(mine.map((c: { id: string }) => c.id)).toEqual([own.conversation.id]);
  });
});

describe('from the help center', () => {
  it('opens the workspace’s web channel as a page, at what was asked and in the help center’s language', async () => {
    const res = await inject({
      method: 'GET',
      url: `/widget/contact?workspace=${ws.slug}&lang=es&mode=request&q=${encodeURIComponent('factura <b>doble</b>')}`,
    });
    expect(res.statusCode).toBe(303);
    const target = new URL(res.headers.location as string, 'http://atiende.test');
    expect(target.pathname).toBe(`/widget/frame/${channel.publicKey}`);
    expect(Object.fromEntries(target.searchParams)).toMatchObject({
      mode: 'request',
      lang: 'es',
      q: 'factura <b>doble</b>',
    });
    const page = await inject({ method: 'GET', url: `${target.pathname}${target.search}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<b>doble');

    // The page's language wins over the browser's, for the settings and the visitor's session.
    const host = target.searchParams.get('host')!;
    const config = await inject({
      method: 'GET',
      url: `/api/v1/chat/widget-config?channel=${channel.publicKey}&host=${encodeURIComponent(host)}&lang=es`,
      headers: { 'accept-language': 'en-US' },
    });
    expect(config.statusCode, config.body).toBe(200);
    expect(config.json().language).toBe('es');
    const session = await inject({
      method: 'POST',
      url: '/api/v1/chat/sessions',
      headers: { origin: host, 'accept-language': 'en-US' },
      payload: { channel: channel.publicKey, host, lang: 'es' },
    });
    expect(session.statusCode, session.body).toBe(201);
    expect(session.json().language).toBe('es');
  });

  it('says so in the page’s language when the workspace has no web channel, and refuses what it cannot open', async () => {
    const bare = await createWorkspace(app);
    const none = await inject({
      method: 'GET',
      url: `/widget/contact?workspace=${bare.slug}&lang=en&mode=chat`,
    });
    expect(none.statusCode).toBe(404);
    expect(none.body).toContain('does not offer online contact');
    const unknown = await inject({ method: 'GET', url: '/widget/contact?workspace=nadie-aqui&mode=chat' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('no ofrece contacto en línea');
    for (const query of [
      `workspace=${ws.slug}&mode=fax`,
      'mode=chat',
      `workspace=${ws.slug}&mode=chat&lang=fr`,
    ]) {
      const bad = await inject({ method: 'GET', url: `/widget/contact?${query}` });
      expect(bad.statusCode, query).toBe(400);
    }
  });
});
