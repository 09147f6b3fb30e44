/** Readers of the event log wait for writes of their own database only (PostgreSQL: ids are server-wide). */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testDatabase } from '../../../test/support/database.ts';
import { newId, systemClock } from '../clock.ts';
import { queryRows } from '../db/connect.ts';
import { createLocalBus } from './bus.ts';
import { decodeCursor, headCursor, readEventsAfter } from './log.ts';
import { createUnitOfWork } from './unit-of-work.ts';

const server = inject('postgresTemplate');

describe.runIf(server)('event log readers on PostgreSQL', async () => {
  const database = await testDatabase();
  const uow = createUnitOfWork(database.db, createLocalBus(), systemClock);
  const workspaceId = newId();
  const record = (type: string) =>
    uow.run((_tx, r) => r({ workspaceId, type, subject: 'test', topics: ['test'] }));
  const open = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('begin');
    await client.query('select pg_current_xact_id()');
    return client;
  };
  afterAll(() => database.close());

  it('a write still running in another database does not hold back the events of this one', async () => {
    const start = await headCursor(database.db, workspaceId);
    const elsewhere = await open(server!.adminUrl);
    try {
      await record('test.while_other_database_writes');
      const read = await readEventsAfter(database.db, workspaceId, start);
      expect(read.map((e) => e.type)).toEqual(['test.while_other_database_writes']);
    } finally {
      await elsewhere.query('rollback');
      await elsewhere.end();
    }
  });

  it('a write still running in this database holds back the events committed after it began', async () => {
    const start = await headCursor(database.db, workspaceId);
    const url = new URL(server!.adminUrl);
    const [current] = await queryRows<{ d: string }>(database.db, sql`select current_database() as d`);
    url.pathname = `/${current!.d}`;
    const here = await open(url.toString());
    try {
      await record('test.behind_a_running_write');
      expect(await readEventsAfter(database.db, workspaceId, start)).toEqual([]);
    } finally {
      await here.query('rollback');
      await here.end();
    }
    const read = await readEventsAfter(database.db, workspaceId, start);
    expect(read.map((e) => e.type)).toEqual(['test.behind_a_running_write']);
  });
});

describe('appending events', async () => {
  const database = await testDatabase();
  const bus = createLocalBus();
  const at = new Date('2026-03-01T10:00:00.123Z');
  const clock = { now: () => at };
  const uow = createUnitOfWork(database.db, bus, clock);
  afterAll(() => database.close());

  it('a script appends the same rows as a transaction does', async () => {
    const workspaceId = newId();
    const other = newId();
    const id = newId();
    const upper = newId().toUpperCase();
    const list = [
      { workspaceId, type: 'x.one', subject: 'x' },
      {
        workspaceId,
        type: 'x.two',
        subject: 'x',
        subjectId: newId(),
        actorId: newId(),
        topics: ['queue:q1', "it's"],
        payload: { a: 1, b: 'back\\slash', c: null },
        at: new Date('2026-02-01T00:00:00.001Z'),
      },
      { workspaceId: other, type: 'x.three', subject: 'x', payload: {} },
      {
        workspaceId,
        type: 'x.four',
        subject: 'interaction',
        subjectId: id,
        topics: [`interaction:${id}`, 'q'],
      },
      { workspaceId, type: 'x.five', subject: 'interaction', subjectId: id, topics: [`interaction:${id}`] },
      {
        workspaceId,
        type: 'x.six',
        subject: 'interaction',
        subjectId: id,
        topics: ['q', `interaction:${id}`],
      },
      // Not as the server writes a uuid back: kept as given.
      { workspaceId, type: 'x.seven', subject: 'x', subjectId: upper, topics: [`x:${upper}`] },
    ];
    await uow.run((_tx, record) => record(...list));
    await uow.script((step, events) => step([events(list)], { commit: true }));
    const rows = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select workspace_id, type, subject, subject_id, actor_id, topics, at, payload from events
          where workspace_id in (${workspaceId}, ${other}) order by id`,
    );
    expect(rows).toHaveLength(14);
    expect(rows.slice(7)).toEqual(rows.slice(0, 7));
    expect(rows[1]!.topics).toEqual(['workspace', 'queue:q1', "it's"]);
    expect(rows.slice(10, 14).map((r) => r.topics)).toEqual([
      ['workspace', `interaction:${id}`, 'q'],
      ['workspace', `interaction:${id}`],
      ['workspace', 'q', `interaction:${id}`],
      ['workspace', `x:${upper}`],
    ]);
  });
});

describe('log order across transaction ids of different lengths', async () => {
  const database = await testDatabase();
  afterAll(() => database.close());

  it('reads transaction 9 before 10, and a new reader starts after 10', async () => {
    const workspaceId = newId();
    // Ids as any long-lived server reaches them (9 → 10, 999 → 1000): "10" sorts before "9" as text.
    for (const [tx, type] of [
      [9, 'x.nine'],
      [10, 'x.ten'],
    ] as const)
      await database.db.execute(sql`insert into events (tx, workspace_id, type, subject, topics, at, payload)
        values (${String(tx)}::xid8, ${workspaceId}, ${type}, 'x', '{workspace}', now(), '{}')`);
    const read = await readEventsAfter(database.db, workspaceId, null);
    expect(read.map((e) => e.type)).toEqual(['x.nine', 'x.ten']);
    expect((await headCursor(database.db, workspaceId)).tx).toBe('10');
    expect(await readEventsAfter(database.db, workspaceId, decodeCursor(read[0]!.cursor))).toHaveLength(1);
  });
});
