/**
 * Opens the database: PGlite (PostgreSQL in WebAssembly, in-process) on a data directory by default, or a
 * PostgreSQL server when a URL is given. Both speak the same SQL and run the same migrations.
 */
import { mkdirSync } from 'node:fs';
import { entityKind, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** The query builder every service uses; a transaction has the same shape. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/**
 * Whether `db` (or a transaction on it) is the embedded PGlite, one connection in this process, rather
 * than a PostgreSQL server reached through a pool.
 * @example if (!isEmbedded(db)) await Promise.all([a(db), b(db)]) // on two connections
 */
export function isEmbedded(db: Db): boolean {
  return (db._.session.constructor as { [entityKind]?: string })[entityKind] === 'PgliteSession';
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The PostgreSQL URL, when on a server. */
  url: string | null;
  /** Runs SQL text with no parameters (migrations, benchmarks' bulk work). */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  /** Where PGlite keeps its files; null keeps everything in memory. */
  dataDir: string | null;
  /** A PGlite data directory dump to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob;
  poolSize?: number;
}

/** Each driver is loaded only when used: a command on a server never loads PGlite's WebAssembly build. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const [{ PGlite }, { pg_trgm }, { unaccent }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('drizzle-orm/pglite'),
  ]);
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm, unaccent },
    relaxedDurability: false,
  });
  return {
    db: drizzlePglite(client) as unknown as Db,
    kind: 'pglite',
    url: null,
    exec: async (text) => {
      await client.exec(text);
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
  ]);
  const pool = new pg.Pool({ connectionString: url, max });
  // Fail fast with a clear message when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  return {
    db: drizzlePg(pool) as unknown as Db,
    kind: 'postgres',
    url,
    exec: async (text) => {
      await pool.query(text);
    },
    close: () => pool.end(),
  };
}

/**
 * Runs a hand-written query and returns its rows, on either engine.
 * @example const rows = await queryRows<{ n: number }>(db, sql`select 1 as n`);
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
