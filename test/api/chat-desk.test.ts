/**
 * Chat beyond the conversation: call-backs that routing offers when their window opens, the agents a chat
 * may be transferred to, the widget's help-center search flag, and Atiende's own demo page.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock.ts';
import { login, staffWorkspace } from '../support/app.ts';

const clock = manualClock(new Date());
const { app, inject, ws, admin, agent, supervisor, call } = await staffWorkspace({ clock });
const SITE = 'https://tours.example.com';

for (const key of ['chat', 'callbacks'])
  await call(admin, 'PUT', `/api/v1/routing/queues/${key}`, { name: key, targets: {}, policy: {} });
const channel = (
  await call(admin, 'POST', '/api/v1/chat/channels', { name: 'Tours', allowedOrigins: [SITE] })
).json() as { id: string; publicKey: string; snippet: string };
/** Atiende's own origin, where the snippet's script comes from. */
const own = new URL(/src="([^"]+)"/.exec(channel.snippet)![1]!).origin;

async function visitor(host = SITE) {
  const res = await inject({
    method: 'POST',
    url: '/api/v1/chat/sessions',
    headers: { origin: host, 'accept-language': 'es-CO' },
    payload: { channel: channel.publicKey, host },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { token: string }).token;
}

async function callback(token: string, clientId: string, startsInMs: number) {
  const start = new Date(clock.now().getTime() + startsInMs);
  const res = await inject({
    method: 'POST',
    url: '/api/v1/chat/visitor/callbacks',
    headers: { 'x-visitor-token': token },
    payload: {
      clientId,
      phone: '+57 300 555 0101',
      windowStart: start.toISOString(),
      windowEnd: new Date(start.getTime() + 3_600_000).toISOString(),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; state: string };
}

const interaction = async (id: string) => (await call(admin, 'GET', `/api/v1/interactions/${id}`)).json();

describe('call-backs in routing', () => {
  it('a call-back is offered to an agent when its window opens, and its outcome frees the agent', async () => {
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' });
    const token = await visitor();
    const later = await callback(token, 'later', 10 * 60_000);
    expect(later.state).toBe('scheduled');
    expect(await app.services.routing.sweepDue()).toBe(0);
    expect((await interaction(later.id)).state).toBe('scheduled');

    clock.advance(10 * 60_000 + 1);
    expect(await app.services.routing.sweepDue()).toBe(1);
    const offered = await interaction(later.id);
    expect(offered).toMatchObject({ state: 'offered', scheduledFor: null });
    // In routing, the list shows it but no longer lets anyone close or move it by hand.
    const fromList = await call(supervisor, 'POST', `/api/v1/chat/callbacks/${later.id}/outcome`, {
      outcome: 'reached',
    });
    expect(fromList.statusCode).toBe(409);
    expect(
      (
        await call(agent, 'POST', `/api/v1/chat/callbacks/${later.id}/reschedule`, {
          windowStart: clock.now().toISOString(),
          windowEnd: new Date(clock.now().getTime() + 60_000).toISOString(),
        })
      ).statusCode,
    ).toBe(409);

    const accepted = await call(agent, 'POST', `/api/v1/interactions/${later.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const done = await call(agent, 'POST', `/api/v1/chat/callbacks/${later.id}/outcome`, {
      outcome: 'no_answer',
      notes: 'Buzón lleno',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'closed', disposition: 'no_answer', notes: 'Buzón lleno' });
    expect((await call(agent, 'GET', '/api/v1/routing/me')).json().status).toBe('available');
  });

  it('enters routing once, however many sweeps see it', async () => {
    const token = await visitor();
    const cb = await callback(token, 'twice', 60_000);
    clock.advance(60_001);
    const [due] = await app.services.interactions.dueScheduled(clock.now(), 10);
    expect(due?.interaction.id).toBe(cb.id);
    const [first, second] = await Promise.all([
      app.services.routing.sweepDue(),
      app.services.routing.sweepDue(),
    ]);
    expect(first + second).toBe(1);
    expect(await app.services.routing.service.routeDue(ws.id, due!.interaction)).toBe(
      'routing.duplicate_interaction',
    );
    expect((await interaction(cb.id)).state).toMatch(/^(queued|offered)$/);
  });

  it('a call-back whose window is already open is routed at once', async () => {
    const token = await visitor();
    const now = await callback(token, 'now', -60_000);
    expect(['queued', 'offered']).toContain((await interaction(now.id)).state);
    expect((await app.services.interactions.dueScheduled(clock.now(), 10)).length).toBe(0);
  });
});

describe('transfer targets', () => {
  it('lists logged-in agents with names and states, never the caller, and only to the desk', async () => {
    await call(supervisor, 'PUT', '/api/v1/routing/me/state', { state: 'not_ready', reason: 'break' });
    const res = await call(agent, 'GET', '/api/v1/chat/agents');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; name: string; status: string; reason: string | null }[];
    expect(items.find((a) => a.id === agent.userId)).toBeUndefined();
    expect(items.find((a) => a.id === supervisor.userId)).toMatchObject({
      name: `supervisor of ${ws.slug}`,
      status: 'not_ready',
      reason: 'break',
    });
    expect((await inject({ method: 'GET', url: '/api/v1/chat/agents' })).statusCode).toBe(401);
    const partner = await login(app, ws.email('partner'));
    expect((await call(partner, 'GET', '/api/v1/chat/agents')).statusCode).toBe(403);
  });
});

describe('the customer panel', () => {
  it('lets the agent read and add notes on the customer of a chat, through the customers API', async () => {
    const request = await callback(await visitor(), 'notes-cb', 3_600_000);
    const { customerId } = await interaction(request.id);
    const added = await call(agent, 'POST', `/api/v1/customers/${customerId}/notes`, {
      body: 'Prefiere que lo llamen en la tarde',
    });
    expect(added.statusCode, added.body).toBe(201);
    const notes = await call(agent, 'GET', `/api/v1/customers/${customerId}/timeline?kind=note&limit=10`);
    expect(notes.statusCode).toBe(200);
    expect(notes.json().items.map((n: { payload: { body: string } }) => n.payload.body)).toEqual([
      'Prefiere que lo llamen en la tarde',
    ]);
    const empty = await call(agent, 'POST', `/api/v1/customers/${customerId}/notes`, { body: '' });
    expect(empty.statusCode).toBe(400);
  });
});

describe('web channel administration', () => {
  it('gives the new-channel form the default settings, to administrators only', async () => {
    const res = await call(admin, 'GET', '/api/v1/chat/channel-defaults');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings).toMatchObject({ queueId: 'chat', callbackQueueId: 'callbacks', hours: null });
    expect((await call(agent, 'GET', '/api/v1/chat/channel-defaults')).statusCode).toBe(403);
  });
});

describe('the widget and the help center', () => {
  const config = async (host = SITE) =>
    inject({
      method: 'GET',
      url: `/api/v1/chat/widget-config?channel=${channel.publicKey}&host=${encodeURIComponent(host)}`,
      headers: { 'accept-language': 'es-CO' },
    });

  it('shows the search box once the help center has published articles in the visitor’s language', async () => {
    expect((await config()).json()).toMatchObject({ knowledgeSearch: false, helpCenter: null });
    const draft = await call(admin, 'POST', '/api/v1/knowledge/articles', {
      language: 'es',
      title: 'Cómo cambiar la fecha de un tour',
      body: 'Escríbenos con el número de reserva y la nueva fecha.',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect((await config()).json().knowledgeSearch).toBe(false);
    const published = await call(admin, 'POST', `/api/v1/knowledge/articles/${draft.json().id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect((await config()).json()).toMatchObject({ knowledgeSearch: true, helpCenter: ws.slug });
    const english = await inject({
      method: 'GET',
      url: `/api/v1/chat/widget-config?channel=${channel.publicKey}&host=${encodeURIComponent(SITE)}`,
      headers: { 'accept-language': 'en-US' },
    });
    expect(english.json()).toMatchObject({ language: 'en', knowledgeSearch: false });
  });

  it('lets Atiende’s own demo page show any channel, and no other unlisted site', async () => {
    expect((await config(own)).statusCode).toBe(200);
    expect((await config('https://elsewhere.example.org')).statusCode).toBe(403);
    const page = await inject({ method: 'GET', url: `/widget/demo/${channel.publicKey}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`data-atiende-channel="${channel.publicKey}"`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const frame = await inject({ method: 'GET', url: `/widget/frame/${channel.publicKey}?host=${own}` });
    expect(frame.headers['content-security-policy']).toContain(`frame-ancestors 'self' ${SITE}`);
    expect((await inject({ method: 'GET', url: '/widget/demo/wc_nosuchchannel' })).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: '/widget/demo/<script>' })).statusCode).toBe(400);
  });
});
