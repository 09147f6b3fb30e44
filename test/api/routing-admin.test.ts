import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Session, staffWorkspace } from '../support/app.ts';

const { app, admin, agent, supervisor, call } = await staffWorkspace();
await app.app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.app.server.address() as { port: number };
const sockets: WebSocket[] = [];
afterAll(() => {
  for (const s of sockets) s.close();
});

let counter = 0;
async function newQueue(policy: Record<string, unknown> = {}) {
  const key = `a${++counter}`;
  const res = await call(admin, 'PUT', `/api/v1/routing/queues/${key}`, { name: key, targets: {}, policy });
  expect(res.statusCode, res.body).toBe(200);
  return key;
}
const arrive = async (queueId: string, channel = 'voice') => {
  const res = await call(admin, 'POST', '/api/v1/interactions', { channel, direction: 'inbound', queueId });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as { id: string };
};
const stateOf = async (id: string) =>
  (await call(admin, 'GET', `/api/v1/interactions/${id}`)).json() as {
    state: string;
    agentId: string | null;
    queueId: string;
  };
const setState = (s: Session, state: string, reason?: string) =>
  call(s, 'PUT', '/api/v1/routing/me/state', { state, ...(reason ? { reason } : {}) });
const settings = {
  channels: { voice: { cost: 100 }, chat: { cost: 34 }, email: { cost: 20 } },
  missedOffersBeforeNotReady: 2,
  presenceGraceSeconds: 30,
  notReadyReasons: ['break', 'coaching'],
  dispositionCodes: ['sold', 'no_interest'],
  skills: [],
};
const profile = (skills: Record<string, number>) => ({
  skills,
  languages: ['es'],
  channels: { voice: 1, chat: 3 },
  capacity: 100,
  teams: [],
});

describe('routing settings, profiles and the gaps of the universal queue', () => {
  it('not-ready reasons and disposition codes are configurable per workspace', async () => {
    const saved = await call(admin, 'PUT', '/api/v1/routing/settings', settings);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await call(agent, 'GET', '/api/v1/routing/settings')).json()).toEqual(settings);
    expect((await setState(agent, 'not_ready', 'lunch')).statusCode).toBe(400);
    expect((await setState(agent, 'not_ready', 'coaching')).json()).toEqual({ status: 'not_ready' });

    const queue = await newQueue();
    await setState(agent, 'available');
    const c = await arrive(queue);
    await call(agent, 'POST', `/api/v1/interactions/${c.id}/accept`);
    await call(agent, 'POST', `/api/v1/interactions/${c.id}/end`);
    const unknown = await call(agent, 'POST', `/api/v1/interactions/${c.id}/wrap-up`, {
      disposition: 'maybe',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('routing.unknown_disposition');
    expect((await stateOf(c.id)).state).toBe('wrap_up');
    const done = await call(agent, 'POST', `/api/v1/interactions/${c.id}/wrap-up`, { disposition: 'sold' });
    expect(done.json()).toMatchObject({ state: 'closed', disposition: 'sold' });
    await setState(agent, 'offline');
  });

  it('refuses settings that name an unknown channel or a channel cost above nothing', async () => {
    const bad = await call(admin, 'PUT', '/api/v1/routing/settings', {
      ...settings,
      channels: { fax: { cost: 5 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('routing.unknown_channel');
    const shape = await call(admin, 'PUT', '/api/v1/routing/settings', { ...settings, notReadyReasons: [] });
    expect(shape.statusCode).toBe(400);
    expect((await call(agent, 'PUT', '/api/v1/routing/settings', settings)).statusCode).toBe(403);
  });

  it('with a list of skills, a queue or profile naming another skill is a 400', async () => {
    await newQueue({ requirements: [{ skill: 'billing', minProficiency: 2 }] });
    // The list must keep the skills queues already use.
    const drops = await call(admin, 'PUT', '/api/v1/routing/settings', { ...settings, skills: ['english'] });
    expect(drops.statusCode).toBe(400);
    expect(drops.json().error.code).toBe('routing.unknown_skill');
    const ok = await call(admin, 'PUT', '/api/v1/routing/settings', {
      ...settings,
      skills: ['billing', 'english'],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const queue = await call(admin, 'PUT', '/api/v1/routing/queues/skills', {
      name: 'Skills',
      targets: {},
      policy: { requirements: [{ skill: 'french', minProficiency: 2 }] },
    });
    expect(queue.statusCode).toBe(400);
    expect(queue.json().error).toMatchObject({
      code: 'routing.unknown_skill',
      message: 'Unknown skill "french"',
    });
    const prof = await call(
      admin,
      'PUT',
      `/api/v1/routing/agents/${agent.userId}/profile`,
      profile({ french: 3 }),
    );
    expect(prof.statusCode).toBe(400);
    expect(prof.json().error.code).toBe('routing.unknown_skill');
  });

  it('a profile change reaches a logged-in agent at once, and admins list every profile', async () => {
    const queue = await newQueue({ requirements: [{ skill: 'english', minProficiency: 3 }] });
    await call(admin, 'PUT', `/api/v1/routing/agents/${agent.userId}/profile`, profile({ english: 1 }));
    await setState(agent, 'available');
    const c = await arrive(queue);
    expect((await stateOf(c.id)).state).toBe('queued');
    const up = await call(
      admin,
      'PUT',
      `/api/v1/routing/agents/${agent.userId}/profile`,
      profile({ english: 4 }),
    );
    expect(up.statusCode, up.body).toBe(200);
    expect((await stateOf(c.id)).state).toBe('offered');
    const list = (await call(admin, 'GET', '/api/v1/routing/agents')).json() as {
      items: { userId: string; skills: Record<string, number> }[];
    };
    expect(list.items.find((p) => p.userId === agent.userId)?.skills).toEqual({ english: 4 });
    expect((await call(agent, 'GET', '/api/v1/routing/agents')).statusCode).toBe(403);
    await call(admin, 'POST', `/api/v1/interactions/${c.id}/abandon`);
    await setState(agent, 'offline');
  });

  it('transfers to another queue and to a named agent reach the engine', async () => {
    const [from, to] = [await newQueue(), await newQueue()];
    await setState(agent, 'available');
    const c = await arrive(from);
    await call(agent, 'POST', `/api/v1/interactions/${c.id}/accept`);
    const moved = await call(agent, 'POST', `/api/v1/interactions/${c.id}/transfer`, { queueId: to });
    expect(moved.statusCode, moved.body).toBe(200);
    const stats = (await call(supervisor, 'GET', '/api/v1/routing/stats')).json() as {
      queues: { queueId: string; waiting: number }[];
    };
    expect(stats.queues.find((q) => q.queueId === to)?.waiting).toBe(1);
    expect(stats.queues.find((q) => q.queueId === from)?.waiting).toBe(0);
    // Then to the supervisor by name: nobody else is offered it while the supervisor may take it.
    await setState(supervisor, 'not_ready', 'break');
    const named = await call(admin, 'POST', `/api/v1/interactions/${c.id}/transfer`, {
      agentId: supervisor.userId,
    });
    expect(named.statusCode, named.body).toBe(200);
    expect((await stateOf(c.id)).state).not.toBe('offered');
    await setState(supervisor, 'available');
    expect(await stateOf(c.id)).toMatchObject({ state: 'offered' });
    expect((await call(supervisor, 'POST', `/api/v1/interactions/${c.id}/accept`)).json().agentId).toBe(
      supervisor.userId,
    );
    await call(admin, 'POST', `/api/v1/interactions/${c.id}/abandon`);
    await setState(agent, 'offline');
    await setState(supervisor, 'offline');
  });

  it('an agent who misses K offers in a row goes not ready', async () => {
    const queue = await newQueue({ offer: { timeoutSeconds: 1, agents: 1 } });
    await setState(agent, 'available');
    const calls = [await arrive(queue), await arrive(queue)];
    await expect
      .poll(async () => (await call(agent, 'GET', '/api/v1/routing/me')).json().status, {
        timeout: 6000,
        interval: 200,
      })
      .toBe('not_ready');
    for (const c of calls) expect((await stateOf(c.id)).state).toBe('queued');
    for (const c of calls) await call(admin, 'POST', `/api/v1/interactions/${c.id}/abandon`);
    await setState(agent, 'offline');
  });

  it('a new interaction is created and routed in one go: it answers already offered', async () => {
    const queue = await newQueue();
    await setState(agent, 'available');
    const res = await call(admin, 'POST', '/api/v1/interactions', {
      channel: 'chat',
      direction: 'inbound',
      queueId: queue,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'offered', queueId: queue });
    await call(admin, 'POST', `/api/v1/interactions/${res.json().id}/abandon`);
    await setState(agent, 'offline');
  });

  it('the same idempotency key sent at once creates one interaction', async () => {
    const queue = await newQueue();
    const body = { channel: 'email', direction: 'inbound', queueId: queue, idempotencyKey: 'race-1' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => call(admin, 'POST', '/api/v1/interactions', body)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const stats = (await call(supervisor, 'GET', '/api/v1/routing/stats')).json() as {
      queues: { queueId: string; waiting: number }[];
    };
    expect(stats.queues.find((q) => q.queueId === queue)?.waiting).toBe(1);
    await call(admin, 'POST', `/api/v1/interactions/${answers[0]!.json().id}/abandon`);
  });

  it("an agent's desk is told each offer, and when it is withdrawn, over the WebSocket", async () => {
    type Told = { type: string; subjectId: string; payload: Record<string, unknown> };
    const listen = async (session: Session) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/realtime`, {
        headers: { cookie: session.cookie },
      });
      sockets.push(socket);
      const told: Told[] = [];
      socket.on('message', (data) => {
        const m = JSON.parse(data.toString()) as { type: string; event?: Told };
        if (m.type === 'event' && m.event) told.push(m.event);
      });
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'subscribe', topics: [`user:${session.userId}`] }));
      return told;
    };
    const toAgent = await listen(agent);
    const toSupervisor = await listen(supervisor);
    const about = (told: Told[], id: string) => told.filter((e) => e.subjectId === id);

    // One agent offered; the customer leaves before the accept.
    const queue = await newQueue({ offer: { agents: 2, timeoutSeconds: 30 } });
    await setState(agent, 'available');
    const first = await arrive(queue, 'chat');
    await expect.poll(() => about(toAgent, first.id).length, { timeout: 5000 }).toBe(1);
    expect(about(toAgent, first.id)[0]).toMatchObject({
      type: 'interaction.offered',
      payload: { queueId: queue, offer: { agentIds: [agent.userId], channel: 'chat' } },
    });
    await call(admin, 'POST', `/api/v1/interactions/${first.id}/abandon`);
    await expect.poll(() => about(toAgent, first.id).length, { timeout: 5000 }).toBe(2);
    expect(about(toAgent, first.id)[1]).toMatchObject({
      type: 'interaction.abandoned',
      payload: { revoked: [{ agentId: agent.userId, reason: 'abandoned' }] },
    });

    // Two agents offered at once; the first to accept takes it, and the other is told.
    await setState(supervisor, 'available');
    const second = await arrive(queue, 'chat');
    await expect.poll(() => about(toSupervisor, second.id).length, { timeout: 5000 }).toBe(1);
    const offered = about(toSupervisor, second.id)[0]!.payload.offer as { agentIds: string[] };
    expect(offered.agentIds.sort()).toEqual([agent.userId, supervisor.userId].sort());
    expect((await call(agent, 'POST', `/api/v1/interactions/${second.id}/accept`)).statusCode).toBe(200);
    await expect.poll(() => about(toSupervisor, second.id).length, { timeout: 5000 }).toBe(2);
    expect(about(toSupervisor, second.id)[1]).toMatchObject({
      type: 'interaction.active',
      payload: { agentId: agent.userId, revoked: [{ agentId: supervisor.userId, reason: 'taken' }] },
    });
    await call(agent, 'POST', `/api/v1/interactions/${second.id}/end`);
    await call(agent, 'POST', `/api/v1/interactions/${second.id}/wrap-up`, {});
    await setState(agent, 'offline');
    await setState(supervisor, 'offline');
  });

  it('a supervisor watches a queue over the WebSocket; an agent may not', async () => {
    const queue = await newQueue();
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/realtime`, {
      headers: { cookie: supervisor.cookie },
    });
    sockets.push(socket);
    const received: { type: string; event?: { type: string; payload: Record<string, unknown> } }[] = [];
    socket.on('message', (data) => received.push(JSON.parse(data.toString())));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'subscribe', topics: [`queue:${queue}`] }));
    await expect.poll(() => received.some((m) => m.type === 'subscribed')).toBe(true);
    const c = await arrive(queue);
    await expect
      .poll(() => received.filter((m) => m.type === 'event').map((m) => m.event?.type), { timeout: 5000 })
      .toContain('interaction.queued');
    await call(admin, 'POST', `/api/v1/interactions/${c.id}/abandon`);
    await expect
      .poll(() => received.filter((m) => m.type === 'event').map((m) => m.event?.type), { timeout: 5000 })
      .toContain('interaction.abandoned');

    const agentSocket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/realtime`, {
      headers: { cookie: agent.cookie },
    });
    sockets.push(agentSocket);
    const refused: { type: string }[] = [];
    agentSocket.on('message', (data) => refused.push(JSON.parse(data.toString())));
    await new Promise((resolve) => agentSocket.once('open', resolve));
    agentSocket.send(JSON.stringify({ type: 'subscribe', topics: [`queue:${queue}`] }));
    await expect.poll(() => refused.map((m) => m.type)).toContain('error');
  });
});
