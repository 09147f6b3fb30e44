import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from './connect.ts';
import { queryRowsPrepared } from './prepared.ts';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ databaseUrl: null, dataDir: null });
});
afterAll(() => database.close());

const echo = (text: string | null, n: number, at: Date) =>
  sql`select ${text}::text as text, ${n}::int + 1 as next, ${at.toISOString()}::timestamptz = ${at}::timestamptz as same`;

describe('a prepared statement (PGlite)', () => {
  it('answers as the same query run plainly, values with quotes and NULL included', async () => {
    const at = new Date('2026-12-06T08:00:00.123Z');
    for (const text of ["O'Brien'); drop table x; --", null, 'plain']) {
      const query = echo(text, 41, at);
      expect(await queryRowsPrepared(database.db, query)).toEqual(await queryRows(database.db, query));
    }
    expect(await queryRowsPrepared(database.db, echo("it's", 1, at))).toEqual([
      { text: "it's", next: 2, same: true },
    ]);
  });

  it('is prepared once for its text and run again after it was dropped', async () => {
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from pg_prepared_statements`,
        )
      )[0]!.n;
    const at = new Date();
    await queryRowsPrepared(database.db, echo('a', 1, at));
    const before = await count();
    await queryRowsPrepared(database.db, echo('b', 2, at));
    expect(await count()).toBe(before);
    await database.db.execute(sql`deallocate all`);
    expect(await queryRowsPrepared(database.db, echo('c', 3, at))).toEqual([
      { text: 'c', next: 4, same: true },
    ]);
  });

  it('is prepared once when several searches ask for it at the same time', async () => {
    const at = new Date();
    const query = (n: number) =>
      sql`select ${n}::int * 2 as twice, ${at.toISOString()}::timestamptz is not null as ok`;
    const rows = await Promise.all([1, 2, 3, 4, 5].map((n) => queryRowsPrepared(database.db, query(n))));
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5].map((n) => ({ twice: n * 2, ok: true })));
  });

  it('refuses values it cannot write as a literal', async () => {
    await expect(
      queryRowsPrepared(database.db, sql`select ${JSON.stringify({})}::json as j`),
    ).resolves.toEqual([{ j: {} }]);
    await expect(queryRowsPrepared(database.db, sql`select ${sql.param([1, 2])} as a`)).rejects.toThrow(
      'scalar values only',
    );
  });
});
