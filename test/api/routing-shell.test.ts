import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock.ts';
import { queryRows } from '../../src/platform/db/connect.ts';
import { type Session, startTestApp } from '../support/app.ts';
import { routingWorkspace } from '../support/routing.ts';

// The clock moves only when the test says, so a deadline can fall due before the host's timer fires.
const clock = manualClock(new Date('2026-03-02T15:00:00Z'));
const app = await startTestApp({ clock });
const { admin, agent, supervisor, call, arrive } = await routingWorkspace(app);

const newQueue = async (key: string, policy: object = {}) => {
  const res = await call(admin, 'PUT', `/api/v1/routing/queues/${key}`, { name: key, targets: {}, policy });
  expect(res.statusCode, res.body).toBe(200);
};
const stateOf = async (id: string) => (await call(admin, 'GET', `/api/v1/interactions/${id}`)).json().state;
const statsOf = async (queue: string) =>
  ((await call(supervisor, 'GET', '/api/v1/routing/stats')).json().queues as { queueId: string }[]).find(
    (q) => q.queueId === queue,
  );
const setState = (s: Session, state: string, reason?: string) =>
  call(s, 'PUT', '/api/v1/routing/me/state', { state, ...(reason ? { reason } : {}) });

describe('a transfer, then the customer leaving', () => {
  it('after a transfer and the customer abandoning, the queue shows nothing offered and offers go on', async () => {
    await newQueue('first');
    await newQueue('second', { offer: { timeoutSeconds: 20, agents: 1 } });
    await setState(agent, 'available');
    const c = await arrive('first');
    expect((await call(agent, 'POST', `/api/v1/interactions/${c.id}/accept`)).statusCode).toBe(200);
    await setState(supervisor, 'available');
    const moved = await call(agent, 'POST', `/api/v1/interactions/${c.id}/transfer`, { queueId: 'second' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await stateOf(c.id)).toBe('offered');
    expect(await statsOf('second')).toMatchObject({ offered: 1 });

    // The transferred offer's deadline passes, and the customer hangs up before the host's timer ran:
    // the engine expires the offer first, then takes the abandon, in one batch.
    clock.advance(30_000);
    const left = await call(admin, 'POST', `/api/v1/interactions/${c.id}/abandon`);
    expect(left.statusCode, left.body).toBe(200);
    expect(await stateOf(c.id)).toBe('abandoned');
    expect(await statsOf('second')).toMatchObject({ waiting: 0, offered: 0 });

    const next = await arrive('second');
    expect(next.state).toBe('offered');
    expect(await statsOf('second')).toMatchObject({ waiting: 0, offered: 1 });
  });
});

describe('agent status events', () => {
  it('every change of an agent status is an agent.status_changed event, and the agents list follows', async () => {
    await newQueue('status', { wrapUpSeconds: 60 });
    const statusEvents = async () =>
      (
        await queryRows<{ payload: { agentId: string; status: string; reason: string } }>(
          app.database.db,
          sql`select payload from events where type = 'agent.status_changed' and subject_id = ${agent.userId}
              order by id`,
        )
      ).map((r) => `${r.payload.status} ${r.payload.reason}`);
    await setState(agent, 'offline');
    const before = (await statusEvents()).length;
    await setState(agent, 'available');
    const c = await arrive('status');
    expect((await call(agent, 'POST', `/api/v1/interactions/${c.id}/accept`)).statusCode).toBe(200);
    expect((await call(agent, 'POST', `/api/v1/interactions/${c.id}/end`)).statusCode).toBe(200);
    const done = await call(agent, 'POST', `/api/v1/interactions/${c.id}/wrap-up`, { disposition: 'info' });
    expect(done.statusCode, done.body).toBe(200);
    await setState(agent, 'not_ready', 'break');
    await setState(agent, 'available');
    await setState(agent, 'offline');
    expect((await statusEvents()).slice(before)).toEqual([
      'available ready',
      'busy on_interaction',
      'wrap_up after_contact_work',
      'available ready',
      'not_ready break',
      'available ready',
      'offline logged_out',
    ]);
    const listed = (await call(supervisor, 'GET', '/api/v1/routing/stats')).json().agents as {
      userId: string;
      status: string;
    }[];
    expect(listed.find((a) => a.userId === agent.userId)).toMatchObject({ status: 'offline' });
  });
});

describe('interactions changed outside routing', () => {
  it('a group reads again an interaction changed by another writer since routing wrote it', async () => {
    await newQueue('elsewhere');
    const c = await arrive('elsewhere');
    // Another writer (a call-back's new window, a customer merge) changes the row without routing knowing:
    // the next group that names it must not answer or write from what routing last wrote.
    await queryRows(
      app.database.db,
      sql`update interactions set attributes = '{"note": "changed elsewhere"}'::jsonb where id = ${c.id}`,
    );
    const left = await call(admin, 'POST', `/api/v1/interactions/${c.id}/abandon`);
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json()).toMatchObject({ state: 'abandoned', attributes: { note: 'changed elsewhere' } });
  });
});
