import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { type Session, staffWorkspace } from '../support/app.ts';

const { app, admin, agent, supervisor, call } = await staffWorkspace();

let queueCounter = 0;
async function newQueue(policy: Record<string, unknown> = {}) {
  const key = `q${++queueCounter}`;
  const res = await call(admin, 'PUT', `/api/v1/routing/queues/${key}`, {
    name: `Queue ${key}`,
    targets: { voice: { percent: 80, seconds: 20 } },
    policy,
  });
  expect(res.statusCode, res.body).toBe(200);
  return key;
}

const arrive = async (queueId: string, extra: Record<string, unknown> = {}) => {
  const res = await call(admin, 'POST', '/api/v1/interactions', {
    channel: 'voice',
    direction: 'inbound',
    queueId,
    ...extra,
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as { id: string; state: string };
};
const stateOf = async (id: string) =>
  (await call(admin, 'GET', `/api/v1/interactions/${id}`)).json() as {
    state: string;
    agentId: string | null;
    disposition: string | null;
  };
const setState = (s: Session, state: string, reason?: string) =>
  call(s, 'PUT', '/api/v1/routing/me/state', { state, ...(reason ? { reason } : {}) });

describe('the universal queue over HTTP', () => {
  it('offers a new call to an available agent, who accepts, ends and wraps it up', async () => {
    const queue = await newQueue();
    expect((await setState(agent, 'available')).json()).toEqual({ status: 'available' });
    const call1 = await arrive(queue);
    expect((await stateOf(call1.id)).state).toBe('offered');
    const accepted = await call(agent, 'POST', `/api/v1/interactions/${call1.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'active', agentId: agent.userId });
    expect((await call(agent, 'GET', '/api/v1/routing/me')).json()).toEqual({ status: 'busy' });
    const ended = await call(agent, 'POST', `/api/v1/interactions/${call1.id}/end`);
    expect(ended.json().state).toBe('wrap_up');
    const closed = await call(agent, 'POST', `/api/v1/interactions/${call1.id}/wrap-up`, {
      disposition: 'booking_made',
      notes: 'Hotel en San Gil',
    });
    expect(closed.json()).toMatchObject({ state: 'closed', disposition: 'booking_made' });
    expect((await call(agent, 'GET', '/api/v1/routing/me')).json()).toEqual({ status: 'available' });
    await setState(agent, 'offline');
  });

  it('a repeated idempotency key answers the first interaction', async () => {
    const queue = await newQueue();
    const first = await call(admin, 'POST', '/api/v1/interactions', {
      channel: 'email',
      direction: 'inbound',
      queueId: queue,
      idempotencyKey: 'msg-42',
    });
    const again = await call(admin, 'POST', '/api/v1/interactions', {
      channel: 'email',
      direction: 'inbound',
      queueId: queue,
      idempotencyKey: 'msg-42',
    });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    await call(admin, 'POST', `/api/v1/interactions/${first.json().id}/abandon`);
  });

  it('an unknown queue is a 400 and nothing is created', async () => {
    const before = (await call(admin, 'GET', '/api/v1/interactions?limit=200')).json().items.length;
    const res = await call(admin, 'POST', '/api/v1/interactions', {
      channel: 'voice',
      direction: 'inbound',
      queueId: 'nowhere',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('routing.unknown_queue');
    expect((await call(admin, 'GET', '/api/v1/interactions?limit=200')).json().items.length).toBe(before);
  });

  it('a declined call goes to another agent and is never offered back to the one who declined', async () => {
    const queue = await newQueue();
    await setState(agent, 'available');
    const c = await arrive(queue);
    const declined = await call(agent, 'POST', `/api/v1/interactions/${c.id}/decline`);
    expect(declined.statusCode, declined.body).toBe(204);
    expect((await stateOf(c.id)).state).toBe('queued');
    await setState(supervisor, 'available');
    expect((await stateOf(c.id)).state).toBe('offered');
    const taken = await call(agent, 'POST', `/api/v1/interactions/${c.id}/accept`);
    expect(taken.statusCode).toBe(409);
    const ok = await call(supervisor, 'POST', `/api/v1/interactions/${c.id}/accept`);
    expect(ok.json()).toMatchObject({ state: 'active', agentId: supervisor.userId });
    await call(supervisor, 'POST', `/api/v1/interactions/${c.id}/end`);
    await call(supervisor, 'POST', `/api/v1/interactions/${c.id}/wrap-up`, { disposition: 'info' });
    await setState(agent, 'offline');
    await setState(supervisor, 'offline');
  });

  it('an offer that times out goes back to the queue, keeping its age', async () => {
    const queue = await newQueue({ offer: { timeoutSeconds: 1, agents: 1 } });
    await setState(agent, 'available');
    const c = await arrive(queue);
    expect((await stateOf(c.id)).state).toBe('offered');
    await expect
      .poll(async () => (await stateOf(c.id)).state, { timeout: 5000, interval: 200 })
      .toBe('queued');
    const late = await call(agent, 'POST', `/api/v1/interactions/${c.id}/accept`);
    expect(late.statusCode).toBe(409);
    await call(admin, 'POST', `/api/v1/interactions/${c.id}/abandon`);
    expect((await stateOf(c.id)).state).toBe('abandoned');
    await setState(agent, 'offline');
  });

  it('not ready needs a known reason', async () => {
    const res = await setState(agent, 'not_ready', 'nap');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('routing.unknown_reason');
    expect((await setState(agent, 'not_ready', 'break')).json()).toEqual({ status: 'not_ready' });
    await setState(agent, 'offline');
  });

  it('skills decide who is eligible', async () => {
    const queue = await newQueue({ requirements: [{ skill: 'ingles', minProficiency: 3 }] });
    await call(admin, 'PUT', `/api/v1/routing/agents/${supervisor.userId}/profile`, {
      skills: { ingles: 4 },
      languages: ['es', 'en'],
      channels: { voice: 1, chat: 3 },
      capacity: 100,
      teams: ['reservas'],
    });
    await setState(agent, 'available');
    const c = await arrive(queue);
    expect((await stateOf(c.id)).state).toBe('queued');
    await setState(supervisor, 'available');
    expect((await stateOf(c.id)).state).toBe('offered');
    expect((await call(supervisor, 'POST', `/api/v1/interactions/${c.id}/accept`)).statusCode).toBe(200);
    await call(admin, 'POST', `/api/v1/interactions/${c.id}/abandon`);
    await setState(agent, 'offline');
    await setState(supervisor, 'offline');
  });

  it('a new process rebuilds the engine from the tables and loses nothing', async () => {
    const queue = await newQueue();
    const waiting = [await arrive(queue), await arrive(queue)];
    const statsBefore = (await call(supervisor, 'GET', '/api/v1/routing/stats')).json();
    const logger = createLogger({ logLevel: 'silent' });
    const second = await buildApp(loadConfig({ ATIENDE_MODE: 'test' }), { database: app.database, logger });
    try {
      const other = await second.app.inject({
        method: 'GET',
        url: '/api/v1/routing/stats',
        headers: supervisor.headers,
      });
      expect(other.json().queues).toEqual(statsBefore.queues);
      const me = await second.app.inject({
        method: 'PUT',
        url: '/api/v1/routing/me/state',
        headers: agent.headers,
        payload: { state: 'available' },
      });
      expect(me.json()).toEqual({ status: 'available' });
      const first = await second.app.inject({
        method: 'GET',
        url: `/api/v1/interactions/${waiting[0]!.id}`,
        headers: agent.headers,
      });
      expect(first.json().state).toBe('offered');
    } finally {
      await second.app.close();
    }
    // Back on the first process, which replays what the second one did.
    expect((await call(agent, 'GET', '/api/v1/routing/me')).json()).toEqual({ status: 'available' });
    for (const c of waiting) await call(admin, 'POST', `/api/v1/interactions/${c.id}/abandon`);
    await setState(agent, 'offline');
  });

  it('calls arriving together are handled in one go, each offered to one agent only', async () => {
    const queue = await newQueue();
    await setState(agent, 'available');
    await setState(admin, 'available');
    const calls = await Promise.all(Array.from({ length: 30 }, () => arrive(queue)));
    const states = await Promise.all(calls.map((c) => stateOf(c.id)));
    expect(states.filter((s) => s.state === 'offered')).toHaveLength(2);
    expect(states.filter((s) => s.state === 'queued')).toHaveLength(28);
    const offered = calls.filter((_, i) => states[i]!.state === 'offered');
    // Both agents race for the same call: exactly one wins, the other is told it was taken or not theirs.
    const race = await Promise.all(
      [agent, admin].map((s) => call(s, 'POST', `/api/v1/interactions/${offered[0]!.id}/accept`)),
    );
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const stats = (await call(supervisor, 'GET', '/api/v1/routing/stats')).json();
    expect(stats.queues.find((q: { queueId: string }) => q.queueId === queue)).toMatchObject({ waiting: 28 });
    for (const c of calls) await call(admin, 'POST', `/api/v1/interactions/${c.id}/abandon`);
    await setState(agent, 'offline');
    await setState(admin, 'offline');
  });

  it('a high-value caller is served as if they had already waited 90 s', async () => {
    const queue = await newQueue({ agingWeightPerSecond: 1, valueTierBoost: { platinum: 90 } });
    const regular = await arrive(queue);
    const vip = await arrive(queue, { valueTier: 'platinum' });
    await setState(agent, 'available');
    expect((await stateOf(vip.id)).state).toBe('offered');
    expect((await stateOf(regular.id)).state).toBe('queued');
    for (const c of [regular, vip]) await call(admin, 'POST', `/api/v1/interactions/${c.id}/abandon`);
    await setState(agent, 'offline');
  });

  it('a returning customer goes first to the agent who served them last', async () => {
    const queue = await newQueue({ sticky: { seconds: 30, lastAgent: true, accountOwner: false } });
    const customerId = '01a20000-0000-7000-8000-0000000000c1';
    await setState(supervisor, 'available');
    const first = await arrive(queue, { customerId });
    expect((await call(supervisor, 'POST', `/api/v1/interactions/${first.id}/accept`)).statusCode).toBe(200);
    await call(supervisor, 'POST', `/api/v1/interactions/${first.id}/end`);
    await call(supervisor, 'POST', `/api/v1/interactions/${first.id}/wrap-up`, { disposition: 'done' });
    await setState(supervisor, 'not_ready', 'break');
    await setState(agent, 'available');
    const again = await arrive(queue, { customerId });
    expect((await stateOf(again.id)).state).toBe('queued');
    await setState(supervisor, 'available');
    expect(await stateOf(again.id)).toMatchObject({ state: 'offered' });
    const accepted = await call(supervisor, 'POST', `/api/v1/interactions/${again.id}/accept`);
    expect(accepted.json().agentId).toBe(supervisor.userId);
    await call(admin, 'POST', `/api/v1/interactions/${again.id}/abandon`);
    await setState(agent, 'offline');
    await setState(supervisor, 'offline');
  });

  it('refuses an invalid queue policy with a message', async () => {
    const res = await call(admin, 'PUT', '/api/v1/routing/queues/bad', {
      name: 'Bad',
      targets: {},
      policy: { overflow: { afterSeconds: 60, action: { kind: 'queue', queueId: 'missing' } } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('routing.invalid_queue');
  });
});
