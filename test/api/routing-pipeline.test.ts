import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { events } from '../../src/platform/events/schema.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { staffWorkspace } from '../support/app.ts';

const { app, ws, admin, agent, supervisor, call } = await staffWorkspace();

let queueCounter = 0;
async function newQueue() {
  const key = `p${++queueCounter}`;
  const res = await call(admin, 'PUT', `/api/v1/routing/queues/${key}`, {
    name: key,
    targets: {},
    policy: {},
  });
  expect(res.statusCode, res.body).toBe(200);
  return key;
}

const arrive = (queueId: string, idempotencyKey?: string) =>
  call(admin, 'POST', '/api/v1/interactions', {
    channel: 'voice',
    direction: 'inbound',
    queueId,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });

const stats = async (inject: typeof app.app.inject) =>
  (await inject({ method: 'GET', url: '/api/v1/routing/stats', headers: supervisor.headers })).json();

/** The engine as a new process rebuilds it from the tables. */
async function rebuiltStats() {
  const second = await buildApp(loadConfig({ ATIENDE_MODE: 'test' }), {
    database: app.database,
    logger: createLogger({ logLevel: 'silent' }),
  });
  try {
    return await stats(second.app.inject.bind(second.app));
  } finally {
    await second.app.close();
  }
}

/** Holds the workspace's routing lock on a connection of its own, so that groups wait in flight behind it. */
async function holdRoutingLock() {
  if (!app.database.url) return async () => {};
  const client = new pg.Client({ connectionString: app.database.url });
  await client.connect();
  await client.query('begin');
  await client.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`routing:${ws.id}`]);
  return async () => {
    await client.query('commit');
    await client.end();
  };
}

/** Until a group of this workspace waits on the lock (on the embedded database, at once). */
async function groupWaiting() {
  if (!app.database.url) return;
  const client = new pg.Client({ connectionString: app.database.url });
  await client.connect();
  try {
    for (let i = 0; i < 200; i++) {
      const { rows } = await client.query(
        `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%routing:%'`,
      );
      if (rows[0].n > 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('no group waited on the routing lock');
  } finally {
    await client.end();
  }
}

describe('groups overlapped on a server', () => {
  it('a group that fails while the next is in flight: the next is retried, not refused, and the engine matches the tables', async () => {
    const queue = await newQueue();
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' });
    const release = await holdRoutingLock();
    // The first group carries the same idempotency key twice: its insert fails at the unique index.
    const first = [arrive(queue, `dup-${queue}`), arrive(queue, `dup-${queue}`)];
    await groupWaiting();
    // Decided and sent while the first waits on the lock, behind it.
    await new Promise((r) => setTimeout(r, 20));
    const second = Array.from({ length: 5 }, () => arrive(queue));
    await new Promise((r) => setTimeout(r, 50));
    await release();
    const firstAnswers = await Promise.all(first);
    const secondAnswers = await Promise.all(second);
    expect(firstAnswers.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(firstAnswers.map((r) => r.json().id)).size).toBe(1);
    for (const r of secondAnswers) expect(r.statusCode, r.body).toBe(201);
    const answered = [firstAnswers[0]!, ...secondAnswers].map(
      (r) => r.json() as { id: string; state: string },
    );
    expect(answered.filter((i) => i.state === 'offered')).toHaveLength(1);
    for (const i of answered) {
      const row = (await call(admin, 'GET', `/api/v1/interactions/${i.id}`)).json();
      expect(row.state).toBe(i.state);
    }
    expect(await stats(app.app.inject.bind(app.app))).toEqual(await rebuiltStats());
    for (const i of answered) await call(admin, 'POST', `/api/v1/interactions/${i.id}/abandon`);
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'offline' });
  });

  it("two processes' hosts on one workspace take turns: every arrival is routed once and both agree", async () => {
    const queue = await newQueue();
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' });
    const other = await buildApp(loadConfig({ ATIENDE_MODE: 'test' }), {
      database: app.database,
      logger: createLogger({ logLevel: 'silent' }),
    });
    try {
      const payload = { channel: 'voice', direction: 'inbound', queueId: queue };
      const post = (inject: typeof app.app.inject) =>
        inject({ method: 'POST', url: '/api/v1/interactions', headers: admin.headers, payload });
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          post(i % 2 ? other.app.inject.bind(other.app) : app.app.inject.bind(app.app)),
        ),
      );
      for (const r of answers) expect(r.statusCode, r.body).toBe(201);
      const created = answers.map((r) => r.json() as { id: string; state: string });
      // The agent takes one call at a time: exactly one is offered, whichever process routed them.
      expect(created.filter((i) => i.state === 'offered')).toHaveLength(1);
      const mine = await stats(app.app.inject.bind(app.app));
      expect(await stats(other.app.inject.bind(other.app))).toEqual(mine);
      expect(mine.queues.find((q: { queueId: string }) => q.queueId === queue)).toMatchObject({
        waiting: 39,
      });
      expect(await rebuiltStats()).toEqual(mine);
      for (const i of created) await call(admin, 'POST', `/api/v1/interactions/${i.id}/abandon`);
    } finally {
      await other.app.close();
    }
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'offline' });
  });
});

describe('interactions the host took from memory', () => {
  it('one another writer changed since is read again before it is written: what that writer wrote stands', async () => {
    const queue = await newQueue();
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' });
    const first = '01a20000-0000-7000-8000-0000000000d1';
    const survivor = '01a20000-0000-7000-8000-0000000000d2';
    const created = await call(admin, 'POST', '/api/v1/interactions', {
      channel: 'voice',
      direction: 'inbound',
      queueId: queue,
      customerId: first,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, state } = created.json() as { id: string; state: string };
    expect(state).toBe('offered');
    // As a customer merge does: the interaction moves to the surviving customer, outside routing.
    await app.database.db.execute(
      sql`update interactions set customer_id = ${survivor} where id = ${id} and workspace_id = ${ws.id}`,
    );
    const abandoned = await call(admin, 'POST', `/api/v1/interactions/${id}/abandon`);
    expect(abandoned.statusCode, abandoned.body).toBe(200);
    const row = (await call(admin, 'GET', `/api/v1/interactions/${id}`)).json();
    expect(row).toMatchObject({ state: 'abandoned', customerId: survivor });
    // The abandon was told to the survivor's watchers, not to the customer the host remembered.
    const told = await app.database.db
      .select({ topics: events.topics })
      .from(events)
      .where(and(eq(events.subjectId, id), eq(events.type, 'interaction.abandoned')));
    expect(told.map((t) => t.topics)).toEqual([expect.arrayContaining([`customer:${survivor}`])]);
    expect(await stats(app.app.inject.bind(app.app))).toEqual(await rebuiltStats());
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'offline' });
  });
});

describe.runIf(app.database.url)('snapshots beside the groups', () => {
  it('a group does not wait for a snapshot being written, and the snapshot lands once it can', async () => {
    const queue = await newQueue();
    const { routing } = app.services;
    const cycle = async () => {
      const { interaction } = await routing.service.create(
        ws.id,
        { channel: 'voice', direction: 'inbound', queueId: queue },
        null,
      );
      await routing.service.abandon(ws.id, interaction.id);
    };
    const holder = new pg.Client({ connectionString: app.database.url! });
    const watcher = new pg.Client({ connectionString: app.database.url! });
    await Promise.all([holder.connect(), watcher.connect()]);
    const snapshotWaiting = async () => {
      const { rows } = await watcher.query(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'
            and query like '%insert into routing_snapshots%'`,
      );
      return rows[0].n > 0;
    };
    try {
      // Reads go on under a SHARE lock; only writing a snapshot waits for it.
      await holder.query('begin');
      await holder.query('lock table routing_snapshots in share mode');
      let cycles = 0;
      while (!(await snapshotWaiting())) {
        expect(cycles, 'no snapshot was written after this many arrivals').toBeLessThan(5_000);
        await Promise.all(Array.from({ length: 50 }, cycle));
        cycles += 50;
      }
      const answered = await Promise.race([
        cycle().then(() => 'answered'),
        new Promise((resolve) => setTimeout(() => resolve('waited for the snapshot'), 5_000)),
      ]);
      expect(answered).toBe('answered');
      await holder.query('commit');
      for (let i = 0; i < 200 && (await snapshotWaiting()); i++) await new Promise((r) => setTimeout(r, 10));
      const { rows } = await watcher.query(
        'select last_input_id::int as last from routing_snapshots where workspace_id = $1',
        [ws.id],
      );
      expect(rows[0]?.last).toBeGreaterThan(0);
      expect(await stats(app.app.inject.bind(app.app))).toEqual(await rebuiltStats());
    } finally {
      await holder.query('rollback').catch(() => {});
      await Promise.all([holder.end(), watcher.end()]);
    }
  });
});
