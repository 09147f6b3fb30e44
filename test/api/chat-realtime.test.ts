/** A visitor's socket: only its own conversation's topic, and everything it missed after a reconnect. */
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const agent = await login(app, ws.email('agent'));
const inject = app.app.inject.bind(app.app);
await app.app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.app.server.address() as { port: number };
const sockets: WebSocket[] = [];
afterAll(() => {
  for (const s of sockets) s.close();
});
const SITE = 'https://shop.example.com';

for (const key of ['chat', 'callbacks'])
  await inject({
    method: 'PUT',
    url: `/api/v1/routing/queues/${key}`,
    headers: admin.headers,
    payload: { name: key, targets: {}, policy: {} },
  });
const allWeek = {
  weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' })),
  holidays: [],
};
const channel = (
  await inject({
    method: 'POST',
    url: '/api/v1/chat/channels',
    headers: admin.headers,
    payload: { name: 'Web', allowedOrigins: [SITE], settings: { hours: allWeek } },
  })
).json() as { publicKey: string };
await inject({
  method: 'PUT',
  url: '/api/v1/routing/me/state',
  headers: agent.headers,
  payload: { state: 'available' },
});

async function session() {
  return (
    await inject({
      method: 'POST',
      url: '/api/v1/chat/sessions',
      payload: { channel: channel.publicKey, host: SITE },
    })
  ).json() as { token: string };
}

interface Msg {
  type: string;
  cursor?: string;
  code?: string;
  event?: { type: string; payload: { body?: string; seq?: number; by?: string; kind?: string } };
}

async function connect(token: string, cookie?: string) {
  const socket = cookie
    ? new WebSocket(`ws://127.0.0.1:${port}/api/v1/realtime`, { headers: { cookie } })
    : new WebSocket(`ws://127.0.0.1:${port}/api/v1/chat/visitor/socket?token=${token}`);
  sockets.push(socket);
  const received: Msg[] = [];
  socket.on('message', (d) => received.push(JSON.parse(d.toString())));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const waitFor = async (p: (m: Msg[]) => boolean) => {
    // Generous: on a shared PostgreSQL, events show only once every older transaction has ended.
    const deadline = Date.now() + 20_000;
    while (!p(received)) {
      if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(received)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { socket, received, waitFor, send: (m: unknown) => socket.send(JSON.stringify(m)) };
}

const bodies = (m: Msg[]) =>
  m.filter((x) => x.event?.type === 'chat.message').map((x) => x.event!.payload.body);

describe("a visitor's socket", () => {
  it('refuses a connection without a valid token', async () => {
    const socket = new WebSocket(
      `ws://127.0.0.1:${port}/api/v1/chat/visitor/socket?token=vt_nobodynobodynobodynobody`,
    );
    const status = await new Promise<number>((resolve) =>
      socket.once('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });

  it('streams the agent’s messages, and after a reconnect replays exactly what was missed', async () => {
    const { token } = await session();
    const started = await inject({
      method: 'POST',
      url: '/api/v1/chat/visitor/conversations',
      headers: { 'x-visitor-token': token },
      payload: { clientId: 'c1', message: 'hola' },
    });
    const id = started.json().conversation.id as string;
    await inject({ method: 'POST', url: `/api/v1/interactions/${id}/accept`, headers: agent.headers });

    const first = await connect(token);
    await first.waitFor((m) => m.some((x) => x.type === 'hello'));
    first.send({ type: 'subscribe', topics: [`chat:${id}`] });
    await first.waitFor((m) => m.some((x) => x.type === 'subscribed'));
    const say = (n: number, internal = false) =>
      inject({
        method: 'POST',
        url: `/api/v1/chat/conversations/${id}/messages`,
        headers: agent.headers,
        payload: { clientId: `a${n}`, body: `respuesta ${n}`, internal },
      });
    await say(1);
    await first.waitFor((m) => bodies(m).includes('respuesta 1'));
    const cursor = first.received.filter((x) => x.cursor).at(-1)!.cursor!;
    first.socket.close();

    await say(2);
    await say(3, true);
    await say(4);
    const second = await connect(token);
    await second.waitFor((m) => m.some((x) => x.type === 'hello'));
    second.send({ type: 'subscribe', topics: [`chat:${id}`], after: cursor });
    await second.waitFor((m) => bodies(m).includes('respuesta 4'));
    expect(bodies(second.received)).toEqual(['respuesta 2', 'respuesta 4']);

    // The desk acknowledges the visitor's message as delivered: the widget hears it, apart from read.
    await inject({
      method: 'POST',
      url: `/api/v1/chat/conversations/${id}/receipts`,
      headers: agent.headers,
      payload: { kind: 'delivered', seq: 1 },
    });
    await second.waitFor((m) => m.some((x) => x.event?.type === 'chat.receipt'));
    expect(second.received.find((x) => x.event?.type === 'chat.receipt')?.event?.payload).toEqual({
      by: 'agent',
      kind: 'delivered',
      seq: 1,
    });

    // Someone else's conversation is not a topic this visitor may open.
    const stranger = await connect((await session()).token);
    await stranger.waitFor((m) => m.some((x) => x.type === 'hello'));
    stranger.send({ type: 'subscribe', topics: [`chat:${id}`] });
    await stranger.waitFor((m) => m.some((x) => x.code === 'realtime.forbidden_topic'));
    stranger.send({ type: 'subscribe', topics: ['workspace'] });
    await stranger.waitFor((m) => m.filter((x) => x.code === 'realtime.forbidden_topic').length === 2);
  });

  it("the desk hears the visitor's messages on the interaction's topic, notes included", async () => {
    const { token } = await session();
    const started = await inject({
      method: 'POST',
      url: '/api/v1/chat/visitor/conversations',
      headers: { 'x-visitor-token': token },
      payload: { clientId: 'c1', message: 'hola' },
    });
    const id = started.json().conversation.id as string;
    await inject({ method: 'POST', url: `/api/v1/interactions/${id}/accept`, headers: agent.headers });
    const desk = await connect('', agent.cookie);
    await desk.waitFor((m) => m.some((x) => x.type === 'hello'));
    desk.send({ type: 'subscribe', topics: [`user:${agent.userId}`, `interaction:${id}`] });
    await desk.waitFor((m) => m.some((x) => x.type === 'subscribed'));
    await inject({
      method: 'POST',
      url: `/api/v1/chat/visitor/conversations/${id}/messages`,
      headers: { 'x-visitor-token': token },
      payload: { clientId: 'c2', body: '<b>Pedido</b> 1234' },
    });
    await inject({
      method: 'POST',
      url: `/api/v1/chat/conversations/${id}/messages`,
      headers: agent.headers,
      payload: { clientId: 'n1', body: 'nota', internal: true },
    });
    await desk.waitFor((m) => bodies(m).includes('nota'));
    // On a busy PostgreSQL the first message may arrive too: events show once older transactions end.
    const heard = bodies(desk.received);
    expect(heard.slice(-2)).toEqual(['<b>Pedido</b> 1234', 'nota']);
    expect(new Set(heard).size).toBe(heard.length);
  });
});
