/** Fresh PostgreSQL databases for benchmark runs: created here, dropped when the run ends. */
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/connect.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

/**
 * A new empty database `atiende_bench_<label>_<pid>` on the server of `serverUrl` (the pid keeps two
 * benchmarks running at once apart). `drop` waits for the run's last connections to close, then drops it.
 * @example const scratch = await scratchDatabase(process.env.DATABASE_URL!, 'routing');
 */
export async function scratchDatabase(
  serverUrl: string,
  label: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `atiende_bench_${label}_${process.pid}`;
  await asAdmin(serverUrl, async (admin) => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      asAdmin(serverUrl, async (admin) => {
        // A pool's last connections may still be closing: forcing them out then would crash the pool.
        for (let wait = 0; wait < 50; wait++) {
          const { rows } = await admin.query(
            'select count(*)::int as n from pg_stat_activity where datname = $1',
            [name],
          );
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await admin.query(`drop database if exists ${name} with (force)`);
      }),
  };
}

/** A scratch database opened and migrated; `close` closes it and drops it. */
export async function openScratchDatabase(
  serverUrl: string,
  label: string,
  poolSize = 4,
): Promise<{ database: Database; url: string; close: () => Promise<void> }> {
  const scratch = await scratchDatabase(serverUrl, label);
  const database = await openDatabase({ databaseUrl: scratch.url, dataDir: null, poolSize });
  await migrate(database);
  const close = async () => {
    await database.close();
    await scratch.drop();
  };
  return { database, url: scratch.url, close };
}

async function asAdmin(serverUrl: string, work: (admin: pg.Client) => Promise<void>): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  admin.on('error', () => {});
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
