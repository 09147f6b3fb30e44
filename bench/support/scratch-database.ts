/** A fresh PostgreSQL database for one benchmark run, migrated; `close` drops it. */
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/connect.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

/**
 * @example const { database, close } = await openScratchDatabase(process.env.DATABASE_URL!, 'knowledge');
 */
export async function openScratchDatabase(
  serverUrl: string,
  label: string,
): Promise<{ database: Database; close: () => Promise<void> }> {
  const name = `atiende_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null, poolSize: 4 });
  await migrate(database);
  const close = async () => {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  return { database, close };
}
