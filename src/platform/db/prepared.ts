/**
 * Hand-written statements run as prepared statements, parsed and planned once per connection. The server
 * then reuses a generic plan when it costs no more than planning each time: for a long statement run on
 * every request (the knowledge search) parsing and planning were about a third of its CPU time. On
 * PostgreSQL the statement is named in the protocol; PGlite's client has no named statements, so there
 * it is an SQL `PREPARE` once and an `EXECUTE` with the values written as quoted literals.
 */
import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Db, isEmbedded } from './connect.ts';
import { hasSqlState } from './errors.ts';

const dialect = new PgDialect();

/** A statement's name from its text: the same text is the same statement on every connection. */
const nameOf = (text: string) => `q_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;

/**
 * Statements prepared or being prepared, per PGlite session: concurrent searches share one preparation
 * rather than racing to prepare the same name.
 */
const preparedIn = new WeakMap<object, Map<string, Promise<void>>>();

/**
 * A value as an SQL literal of unknown type, which `EXECUTE` converts to the parameter's type as a bound
 * value would be: quotes doubled (standard-conforming strings, PostgreSQL's default), so the value never
 * leaves the literal.
 */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (typeof value === 'object') throw new TypeError('prepared statements take scalar values only');
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * Runs a query as a prepared statement named after its text and returns its rows. Only for statements
 * whose text is fixed, every changing value a parameter: each distinct text stays prepared on every
 * connection that ran it, for as long as the connection lives.
 * @example const rows = await queryRowsPrepared<{ n: number }>(db, sql`select ${1}::int as n`);
 */
export async function queryRowsPrepared<T>(db: Db, query: SQL): Promise<T[]> {
  const compiled = dialect.sqlToQuery(query);
  const name = nameOf(compiled.sql);
  const session = db._.session;
  if (!isEmbedded(db)) {
    const result = await session.prepareQuery(compiled, undefined, name, false).execute();
    return (result as unknown as { rows: T[] }).rows;
  }
  const names = preparedIn.get(session) ?? new Map<string, Promise<void>>();
  preparedIn.set(session, names);
  const prepare = async () => {
    // A transaction's session is new but its database may hold the statement already.
    const known = await db.execute(sql`select 1 from pg_prepared_statements where name = ${name}`);
    if ((known as unknown as { rows: unknown[] }).rows.length === 0)
      await db.execute(sql.raw(`prepare ${name} as ${compiled.sql}`));
  };
  /** The preparation of this text, shared; one that failed or went stale is dropped for the next call. */
  const preparation = (stale?: Promise<void>) => {
    let ready = names.get(name);
    if (ready && ready === stale) names.delete(name);
    ready = names.get(name);
    if (!ready) {
      ready = prepare();
      names.set(name, ready);
      ready.catch(() => names.get(name) === ready && names.delete(name));
    }
    return ready;
  };
  const args = compiled.params.map(literal).join(', ');
  const run = async (ready: Promise<void>) => {
    await ready;
    const result = await db.execute(sql.raw(`execute ${name}${args ? `(${args})` : ''}`));
    return (result as unknown as { rows: T[] }).rows;
  };
  const ready = preparation();
  try {
    return await run(ready);
  } catch (error) {
    // Dropped meanwhile (`DEALLOCATE`, `DISCARD ALL`): prepare it again, once.
    if (!hasSqlState(error, '26000')) throw error;
    return run(preparation(ready));
  }
}
