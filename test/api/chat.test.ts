/** The chat channel over HTTP: visitor sessions, delivery guarantees, the desk's side, requests and files. */
import { describe, expect, it } from 'vitest';
import type { Session } from '../support/app.ts';
import { chatFixture } from '../support/chat.ts';

const { app, inject, admin, agent, supervisor, SITE, call, created, channel, visitor, as, startChat } =
  await chatFixture();

describe('web channels', () => {
  it('shows the snippet and the secret once, and refuses an allowed site that is not an origin', async () => {
    expect(created.statusCode, created.body).toBe(201);
    expect(channel.snippet).toContain(`data-atiende-channel="${channel.publicKey}"`);
    expect(channel.secret.length).toBeGreaterThan(30);
    const again = (await call(admin, 'GET', `/api/v1/chat/channels/${channel.id}`)).json();
    expect(again.secret).toBeUndefined();
    const bad = await call(admin, 'POST', '/api/v1/chat/channels', {
      name: 'x',
      allowedOrigins: ['https://a.com/path'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('/allowedOrigins/0');
    const agentTries = await call(agent, 'POST', '/api/v1/chat/channels', { name: 'x', allowedOrigins: [] });
    expect(agentTries.statusCode).toBe(403);
  });

  it('refuses a widget on a site the channel does not list', async () => {
    const res = await inject({
      method: 'GET',
      url: `/api/v1/chat/widget-config?channel=${channel.publicKey}&host=${encodeURIComponent('https://evil.example.net')}`,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('chat.origin_not_allowed');
    const ok = await inject({
      method: 'GET',
      url: `/api/v1/chat/widget-config?channel=${channel.publicKey}&host=${encodeURIComponent(SITE)}`,
      headers: { 'accept-language': 'en-GB' },
    });
    expect(ok.json()).toMatchObject({
      language: 'en',
      availability: { open: false, reason: 'nobody' },
      knowledgeSearch: false,
    });
  });

  it('serves the iframe page only to the listed sites (frame-ancestors)', async () => {
    const res = await inject({ method: 'GET', url: `/widget/frame/${channel.publicKey}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain(`frame-ancestors 'self' ${SITE}`);
  });
});

describe('live chat', () => {
  it('is offline when nobody can take it, so the widget offers to leave a message', async () => {
    const v = await visitor();
    const res = await as(v.token, 'POST', '/api/v1/chat/visitor/conversations', {
      clientId: 'x',
      message: 'hola',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('chat.offline');
    const left = await as(v.token, 'POST', '/api/v1/chat/visitor/leave-message', {
      clientId: 'm1',
      message: 'Llámenme mañana',
      contact: { email: 'ana@example.com' },
    });
    expect(left.statusCode, left.body).toBe(201);
    expect(left.json().reference).toMatch(/^MSG-[2-9A-Z]{8}$/);
    expect(app.mailer.sent.at(-1)).toMatchObject({ to: 'ana@example.com' });
  });

  it('answers afresh whether chat is open each time the widget re-reads its settings', async () => {
    const v = await visitor();
    const config = async () => {
      const res = await inject({
        method: 'GET',
        url: `/api/v1/chat/widget-config?channel=${channel.publicKey}&host=${encodeURIComponent(SITE)}`,
        headers: { 'x-visitor-token': v.token },
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { availability: object }).availability;
    };
    expect(await config()).toEqual({ open: false, reason: 'nobody' });
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' });
    expect(await config()).toEqual({ open: true, reason: null });
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'offline' });
    expect(await config()).toEqual({ open: false, reason: 'nobody' });
  });

  it('does while closed what the channel says: leave a message, also a call-back, or no chat', async () => {
    const config = () =>
      inject({
        method: 'GET',
        url: `/api/v1/chat/widget-config?channel=${channel.publicKey}&host=${encodeURIComponent(SITE)}`,
      }).then((r) => r.json() as { whenOffline: string; availability: { open: boolean } });
    const setMode = (whenOffline: unknown) =>
      call(admin, 'PUT', `/api/v1/chat/channels/${channel.id}`, {
        name: 'Tienda',
        allowedOrigins: [SITE],
        settings: { whenOffline },
      });
    // The default keeps both: a message answered by e-mail and "call me".
    expect(await config()).toMatchObject({
      whenOffline: 'leave_message_or_callback',
      availability: { open: false },
    });
    const bad = await setMode('voicemail');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/whenOffline/);
    const window = { windowStart: new Date(Date.now() + 60_000).toISOString() };
    const callMe = (token: string, clientId: string) =>
      as(token, 'POST', '/api/v1/chat/visitor/callbacks', {
        clientId,
        phone: '+57 300 555 0199',
        ...window,
        windowEnd: new Date(Date.now() + 3_600_000).toISOString(),
      });
    const leave = (token: string, clientId: string) =>
      as(token, 'POST', '/api/v1/chat/visitor/leave-message', {
        clientId,
        message: 'Escríbanme',
        contact: { email: 'ana@example.com' },
      });
    const v = await visitor();
    try {
      expect((await setMode('leave_message')).statusCode).toBe(200);
      expect((await config()).whenOffline).toBe('leave_message');
      const refused = await callMe(v.token, 'cb-closed');
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('chat.not_offered');
      expect((await leave(v.token, 'm-closed')).statusCode).toBe(201);

      expect((await setMode('hide')).statusCode).toBe(200);
      expect((await config()).whenOffline).toBe('hide');
      const hidden = await leave(v.token, 'm-hidden');
      expect(hidden.statusCode).toBe(409);
      expect(hidden.json().error.code).toBe('chat.not_offered');
      expect((await callMe(v.token, 'cb-hidden')).statusCode).toBe(409);
    } finally {
      expect((await setMode('leave_message_or_callback')).statusCode).toBe(200);
    }
    expect((await callMe(v.token, 'cb-open')).statusCode).toBe(201);
  });

  it('stores before acknowledging, dedupes retries, orders messages and hides notes from the visitor', async () => {
    expect((await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' })).statusCode).toBe(
      200,
    );
    const v = await visitor();
    const chat = await startChat(v.token);
    const id = chat.conversation.id;
    expect(chat.messages).toMatchObject([{ seq: 1, body: 'Hola, necesito ayuda' }]);
    const again = await as(v.token, 'POST', '/api/v1/chat/visitor/conversations', {
      clientId: 'first',
      message: 'Hola, necesito ayuda',
    });
    expect(again.json().conversation.id).toBe(id);

    const first = await as(v.token, 'POST', `/api/v1/chat/visitor/conversations/${id}/messages`, {
      clientId: 'c2',
      body: 'Mi pedido no llegó',
    });
    expect(first.statusCode).toBe(201);
    const retry = await as(v.token, 'POST', `/api/v1/chat/visitor/conversations/${id}/messages`, {
      clientId: 'c2',
      body: 'Mi pedido no llegó',
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);

    const offered = (await call(agent, 'GET', `/api/v1/interactions/${id}`)).json();
    expect(offered).toMatchObject({ state: 'offered', channel: 'chat' });
    expect((await call(agent, 'POST', `/api/v1/interactions/${id}/accept`)).statusCode).toBe(200);
    expect(
      (await call(agent, 'POST', `/api/v1/chat/conversations/${id}/join`)).json().agentName,
    ).toBeTruthy();
    const sends = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        call(agent, 'POST', `/api/v1/chat/conversations/${id}/messages`, {
          clientId: `a${n}`,
          body: `<b>respuesta ${n}</b>`,
        }),
      ),
    );
    expect(sends.map((s) => s.statusCode)).toEqual([201, 201, 201, 201, 201]);
    await call(agent, 'POST', `/api/v1/chat/conversations/${id}/messages`, {
      clientId: 'note',
      body: 'cliente molesto',
      internal: true,
    });

    const seen = (await as(v.token, 'GET', `/api/v1/chat/visitor/conversations/${id}/messages`)).json();
    const seqs = seen.messages.map((m: { seq: number }) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(7);
    expect(seen.messages.map((m: { body: string }) => m.body)).not.toContain('cliente molesto');
    expect(seen.messages.at(-1).body).toMatch(/^<b>respuesta \d<\/b>$/); // stored as text; screens escape it
    const desk = (await call(agent, 'GET', `/api/v1/chat/conversations/${id}/messages`)).json();
    expect(desk.messages.map((m: { body: string }) => m.body)).toContain('cliente molesto');

    const after = (
      await as(v.token, 'GET', `/api/v1/chat/visitor/conversations/${id}/messages?afterSeq=5`)
    ).json();
    expect(after.messages.every((m: { seq: number }) => m.seq > 5)).toBe(true);

    expect(
      (
        await as(v.token, 'POST', `/api/v1/chat/visitor/conversations/${id}/receipts`, {
          kind: 'read',
          seq: 99,
        })
      ).statusCode,
    ).toBe(204);
    const state = (await as(v.token, 'GET', `/api/v1/chat/visitor/conversations/${id}/messages`)).json()
      .conversation;
    expect(state.visitorReadSeq).toBe(state.lastSeq);
    expect(state.visitorDeliveredSeq).toBe(state.lastSeq);

    // Another visitor cannot reach this conversation.
    const other = await visitor();
    expect(
      (await as(other.token, 'GET', `/api/v1/chat/visitor/conversations/${id}/messages`)).statusCode,
    ).toBe(404);
    expect(
      (await as('vt_wrongwrongwrongwrongwrong', 'GET', `/api/v1/chat/visitor/conversations/${id}/messages`))
        .statusCode,
    ).toBe(401);

    // The agent ends it: wrap-up starts, the transcript joins the customer's timeline, the visitor rates.
    expect((await call(agent, 'POST', `/api/v1/chat/conversations/${id}/close`)).statusCode).toBe(204);
    expect((await call(agent, 'GET', `/api/v1/interactions/${id}`)).json().state).toBe('wrap_up');
    const closedSend = await as(v.token, 'POST', `/api/v1/chat/visitor/conversations/${id}/messages`, {
      clientId: 'late',
      body: 'hola?',
    });
    expect(closedSend.statusCode).toBe(409);
    expect(
      (await as(v.token, 'POST', `/api/v1/chat/visitor/conversations/${id}/rating`, { rating: 5 }))
        .statusCode,
    ).toBe(204);
    expect(
      (await as(v.token, 'POST', `/api/v1/chat/visitor/conversations/${id}/rating`, { rating: 9 }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await as(v.token, 'POST', `/api/v1/chat/visitor/conversations/${id}/transcript`, {
          email: 'ana@example.com',
        })
      ).statusCode,
    ).toBe(204);
    expect(app.mailer.sent.at(-1)?.text).toContain('Mi pedido no llegó');
    expect(app.mailer.sent.at(-1)?.text).not.toContain('cliente molesto');
    const wrapped = await call(agent, 'POST', `/api/v1/interactions/${id}/wrap-up`, {
      disposition: 'resolved',
    });
    expect(wrapped.json().state).toBe('closed');
    const customerId = offered.customerId as string;
    const timeline = (await call(agent, 'GET', `/api/v1/customers/${customerId}/timeline`)).json();
    const entry = timeline.items.find((e: { refId: string }) => e.refId === id);
    expect(entry.payload.transcript.map((l: { body: string }) => l.body)).toContain('Mi pedido no llegó');
  });

  it('transfers with a note the next agent reads', async () => {
    await call(supervisor, 'PUT', '/api/v1/routing/me/state', { state: 'available' });
    const v = await visitor();
    const { conversation } = await startChat(v.token, 'Necesito hablar con alguien');
    const id = conversation.id;
    const holder =
      (await call(admin, 'GET', `/api/v1/interactions/${id}`)).json().state === 'offered' ? null : null;
    void holder;
    const offeredTo = [agent, supervisor];
    let taker: Session | null = null;
    for (const s of offeredTo)
      if ((await call(s, 'POST', `/api/v1/interactions/${id}/accept`)).statusCode === 200) taker = s;
    expect(taker).not.toBeNull();
    const other = taker === agent ? supervisor : agent;
    const moved = await call(taker!, 'POST', `/api/v1/chat/conversations/${id}/transfer`, {
      agentId: other.userId,
      note: 'Quiere un reembolso',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const notes = (await call(other, 'GET', `/api/v1/chat/conversations/${id}/messages`)).json().messages;
    expect(notes.at(-1)).toMatchObject({ direction: 'internal', body: 'Quiere un reembolso' });
  });
});

describe('requests and files', () => {
  it('a call-back is a scheduled interaction in its window, worked from the desk list', async () => {
    const v = await visitor();
    const start = new Date(Date.now() + 3_600_000).toISOString();
    const end = new Date(Date.now() + 7_200_000).toISOString();
    const res = await as(v.token, 'POST', '/api/v1/chat/visitor/callbacks', {
      clientId: 'cb1',
      phone: '+57 300 123 4567',
      windowStart: start,
      windowEnd: end,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'callback', state: 'scheduled', scheduledFor: start });
    const backwards = await as(v.token, 'POST', '/api/v1/chat/visitor/callbacks', {
      clientId: 'cb2',
      phone: '+57 300 123 4567',
      windowStart: end,
      windowEnd: start,
    });
    expect(backwards.statusCode).toBe(400);
    const list = (await call(agent, 'GET', '/api/v1/chat/callbacks')).json().items;
    const mine = list.find((c: { id: string }) => c.id === res.json().id);
    expect(mine).toMatchObject({ phone: '+57 300 123 4567', windowStart: start, windowEnd: end, due: false });
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const laterEnd = new Date(Date.now() + 90_000_000).toISOString();
    const moved = await call(agent, 'POST', `/api/v1/chat/callbacks/${mine.id}/reschedule`, {
      windowStart: later,
      windowEnd: laterEnd,
    });
    expect(moved.json()).toMatchObject({ state: 'scheduled', scheduledFor: later });
    const done = await call(agent, 'POST', `/api/v1/chat/callbacks/${mine.id}/outcome`, {
      outcome: 'reached',
      notes: 'Resuelto',
    });
    expect(done.json()).toMatchObject({ state: 'closed', disposition: 'reached' });
    expect(
      (await call(agent, 'POST', `/api/v1/chat/callbacks/${mine.id}/outcome`, { outcome: 'reached' }))
        .statusCode,
    ).toBe(409);
  });

  it('accepts only files whose bytes are an allowed type, and serves them so they cannot run', async () => {
    const v = await visitor();
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2dd5f2b0000000049454e44ae426082',
      'hex',
    );
    const up = await inject({
      method: 'POST',
      url: '/api/v1/chat/visitor/attachments?fileName=../foto.png',
      headers: { 'x-visitor-token': v.token, 'content-type': 'image/png' },
      payload: png,
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ contentType: 'image/png', fileName: 'foto.png' });
    const html = await inject({
      method: 'POST',
      url: '/api/v1/chat/visitor/attachments?fileName=x.png',
      headers: { 'x-visitor-token': v.token, 'content-type': 'image/png' },
      payload: Buffer.from('<html><script>alert(1)</script>\u0001'),
    });
    expect(html.statusCode).toBe(415);
    const got = await as(v.token, 'GET', `/api/v1/chat/visitor/attachments/${up.json().id}`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toContain('sandbox');
    expect(got.rawPayload.equals(png)).toBe(true);
    const stranger = await visitor();
    expect(
      (await as(stranger.token, 'GET', `/api/v1/chat/visitor/attachments/${up.json().id}`)).statusCode,
    ).toBe(404);

    const sr = await as(v.token, 'POST', '/api/v1/chat/visitor/service-requests', {
      clientId: 's1',
      category: 'technical',
      description: 'La app no abre',
      attachmentIds: [up.json().id],
      contact: { email: 'ana@example.com' },
    });
    expect(sr.statusCode, sr.body).toBe(201);
    expect(sr.json().reference).toMatch(/^SR-/);
    expect(app.mailer.sent.at(-1)?.text).toContain(sr.json().reference);
    const wrongCategory = await as(v.token, 'POST', '/api/v1/chat/visitor/service-requests', {
      clientId: 's2',
      category: 'nope',
      description: 'x',
    });
    expect(wrongCategory.statusCode).toBe(400);
    const mine = (await as(v.token, 'GET', '/api/v1/chat/visitor/requests')).json().items;
    expect(mine[0]).toMatchObject({ reference: sr.json().reference, kind: 'service_request' });
  });
});
