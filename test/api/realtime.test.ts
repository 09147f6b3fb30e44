import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWorkspace, login, type Session, startTestApp } from '../support/app.ts';
import { collectingSocket } from '../support/socket.ts';

const app = await startTestApp();
const a = await createWorkspace(app);
const b = await createWorkspace(app);
await app.app.listen({ port: 0, host: '127.0.0.1' });
const address = app.app.server.address() as { port: number };
const wsUrl = `ws://127.0.0.1:${address.port}/api/v1/realtime`;

interface Message {
  type: string;
  cursor?: string;
  code?: string;
  event?: { type: string; payload: Record<string, unknown> };
}

/** A client that keeps every message it receives and can wait for one. */
async function connect(session: Session) {
  const { socket, received, arrival } = await collectingSocket<Message>(wsUrl, {
    headers: { cookie: session.cookie },
  });
  async function waitFor(predicate: (m: Message[]) => boolean, timeoutMs = 5000): Promise<Message[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(received)) {
      if (Date.now() > deadline) throw new Error(`timed out; received ${JSON.stringify(received)}`);
      await arrival();
    }
    return received;
  }
  const send = (m: unknown) => socket.send(JSON.stringify(m));
  return { socket, received, waitFor, send };
}

const rename = (s: Session, name: string) =>
  app.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: s.headers, payload: { name } });

const events = (m: Message[], type: string) => m.filter((x) => x.type === 'event' && x.event?.type === type);

describe('realtime', () => {
  it('refuses a connection that is not logged in', async () => {
    const socket = new WebSocket(wsUrl);
    const status = await new Promise<number>((resolve) =>
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });

  it('streams new events of a subscribed topic', async () => {
    const admin = await login(app, a.email('admin'));
    const client = await connect(admin);
    client.send({ type: 'subscribe', topics: ['workspace'] });
    await client.waitFor((m) => m.some((x) => x.type === 'subscribed'));
    await rename(admin, 'Renamed once');
    const got = await client.waitFor((m) => events(m, 'workspace.updated').length === 1);
    expect(events(got, 'workspace.updated')[0]!.event!.payload).toEqual({ fields: ['name'] });
  });

  it('after a reconnect, replays exactly what was missed, in order, once', async () => {
    const admin = await login(app, a.email('admin'));
    const first = await connect(admin);
    first.send({ type: 'subscribe', topics: ['workspace'] });
    await first.waitFor((m) => m.some((x) => x.type === 'subscribed'));
    await rename(admin, 'before');
    const seen = await first.waitFor((m) => events(m, 'workspace.updated').length === 1);
    const last = events(seen, 'workspace.updated')[0]!.cursor!;
    first.socket.close();

    for (const name of ['missed 1', 'missed 2', 'missed 3']) await rename(admin, name);
    const second = await connect(admin);
    second.send({ type: 'subscribe', topics: ['workspace'], after: last });
    await second.waitFor((m) => m.some((x) => x.type === 'subscribed'));
    await rename(admin, 'live again');
    const got = await second.waitFor((m) => events(m, 'workspace.updated').length === 4);
    const cursors = events(got, 'workspace.updated').map((x) => x.cursor);
    expect(new Set(cursors).size).toBe(4);
    expect(got.filter((x) => x.type === 'event').length).toBe(
      events(got, 'workspace.updated').length + events(got, 'security.login_succeeded').length,
    );
  });

  it('refuses topics the user may not see', async () => {
    const agent = await login(app, a.email('agent'));
    const client = await connect(agent);
    client.send({ type: 'subscribe', topics: ['workspace'] });
    const got = await client.waitFor((m) => m.some((x) => x.type === 'error'));
    expect(got.find((x) => x.type === 'error')!.code).toBe('realtime.forbidden_topic');
    client.send({ type: 'subscribe', topics: ['user:00000000-0000-7000-8000-000000000000'] });
    await client.waitFor((m) => m.filter((x) => x.type === 'error').length === 2);
    client.send('not json');
    const bad = await client.waitFor((m) => m.filter((x) => x.type === 'error').length === 3);
    expect(bad.at(-1)!.code).toBe('realtime.bad_message');
  });

  it('never delivers another workspace’s events', async () => {
    const adminA = await login(app, a.email('admin'));
    const adminB = await login(app, b.email('admin'));
    const client = await connect(adminB);
    client.send({ type: 'subscribe', topics: ['workspace'] });
    await client.waitFor((m) => m.some((x) => x.type === 'subscribed'));
    await rename(adminA, 'A only');
    await rename(adminB, 'B only');
    const got = await client.waitFor((m) => events(m, 'workspace.updated').length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(events(got, 'workspace.updated')).toHaveLength(1);
  });
});
