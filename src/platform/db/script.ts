/**
 * Transactions written as a few multi-statement SQL scripts, one round trip each, for hot paths where
 * the number of round trips is the cost (routing's group commit). Scripts go over the simple query
 * protocol, so they carry no parameters: values are inlined with `literal` (usually one JSON document
 * per statement, unpacked with `jsonb_to_recordset`). Works on PostgreSQL and on PGlite alike.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from './connect.ts';

/** A row as the server returned it: snake_case columns, values parsed by the driver. */
export type RawRow = Record<string, unknown>;

/**
 * Runs the statements as one script and answers the rows of each, in order. With `commit`, the
 * transaction commits in the same round trip; no step may follow.
 */
export type ScriptStep = (statements: string[], options?: { commit?: boolean }) => Promise<RawRow[][]>;

/**
 * A SQL string literal, safe whatever it holds (quotes and backslashes are escaped).
 * @example literal(`it's`) // → 'it''s'
 */
export function literal(value: string): string {
  const quoted = `'${value.replace(/'/g, "''")}'`;
  return value.includes('\\') ? `E${quoted.replace(/\\/g, '\\\\')}` : quoted;
}

/**
 * A JSON document as a `jsonb` literal. Times belong in it as ISO strings: a `Date` anywhere in the value
 * takes `JSON.stringify` off its fast path for the whole document, several times slower.
 */
export const jsonLiteral = (value: unknown): string => `${literal(JSON.stringify(value))}::jsonb`;

/**
 * A statement that fails the transaction unless `condition` (SQL) holds: plain SQL has no `raise`, so the
 * message is cast to an integer, which fails with the message quoted in the error.
 * @example failUnless('not exists (select 1 from t where id > 10)', 'rows were added')
 */
export const failUnless = (condition: string, message: string): string =>
  `select (case when not (${condition}) then ${literal(message)} end)::int as failed`;

/** The pool or the embedded database behind `db`. */
const clientOf = (db: Db) => (db as unknown as { $client: pg.Pool | PGlite }).$client;

/**
 * Runs `work` in one transaction whose steps are multi-statement scripts; rolls back if it throws.
 * @example
 * await scriptTransaction(db, async (step) => {
 *   const [[lock], rows] = await step(['select pg_advisory_xact_lock(1)', 'select 1 as n']);
 *   await step([`insert into t select * from jsonb_to_recordset(${jsonLiteral(rows)}) as x(n int)`], { commit: true });
 * });
 */
export async function scriptTransaction<T>(
  db: Db,
  work: (step: ScriptStep) => Promise<T>,
  lane?: ScriptLane | null,
): Promise<T> {
  if (lane) return onConnection(lane.connection, work);
  const client = clientOf(db);
  if (!(client instanceof pg.Pool)) return client.transaction((tx) => work(pgliteStep(tx)));
  const connection = await client.connect();
  try {
    return await onConnection(connection, work);
  } finally {
    connection.release();
  }
}

/**
 * One server connection kept for script transactions that follow each other: the next may be sent
 * before the previous one answered (the driver queues it and sends it the moment the server is ready), so
 * the server runs them in the order sent, and the process prepares one while the server runs the other.
 * A transaction sent after one that fails fails too, before doing anything, if that one failed before its
 * commit (it finds the transaction aborted).
 */
export interface ScriptLane {
  connection: pg.PoolClient;
}

/**
 * Takes a connection for a lane; none on the embedded database, which runs one thing at a time anyway.
 * @example const lane = await openScriptLane(db); try { … scriptTransaction(db, work, lane) … } finally { closeScriptLane(lane); }
 */
export async function openScriptLane(db: Db): Promise<ScriptLane | null> {
  const client = clientOf(db);
  return client instanceof pg.Pool ? { connection: await client.connect() } : null;
}

export function closeScriptLane(lane: ScriptLane | null): void {
  lane?.connection.release();
}

function pgliteStep(tx: Transaction): ScriptStep {
  return async (statements) => {
    if (statements.length === 0) return [];
    const results = await tx.exec(statements.join(';\n'));
    return results.map((r) => r.rows as RawRow[]);
  };
}

async function onConnection<T>(
  connection: pg.PoolClient,
  work: (step: ScriptStep) => Promise<T>,
): Promise<T> {
  let begun = false;
  let open = true;
  const step: ScriptStep = async (statements, options = {}) => {
    if (!open) throw new Error('The transaction has already committed');
    const text = [...(begun ? [] : ['begin']), ...statements, ...(options.commit ? ['commit'] : [])];
    const first = begun ? 0 : 1;
    begun = true;
    if (options.commit) open = false;
    const out = (await connection.query(text.join(';\n'))) as unknown as pg.QueryResult | pg.QueryResult[];
    const results = Array.isArray(out) ? out : [out];
    return results.slice(first, first + statements.length).map((r) => r.rows as RawRow[]);
  };
  try {
    const result = await work(step);
    if (open) await step([], { commit: true });
    return result;
  } catch (error) {
    // A failed script leaves the transaction aborted, or (if the commit itself failed) already over.
    if (begun) await connection.query('rollback').catch(() => {});
    throw error;
  }
}
