/** Applies the generated SQL migrations in `migrations/`, once, even with several processes starting together. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database } from './connect.ts';

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '../../../migrations');

const MIGRATION_LOCK = 7_102_024;

export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder, migrationsSchema: 'public', migrationsTable: 'schema_migrations' };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  // A session advisory lock on a connection of its own serialises processes that start together.
  const client = new pg.Client({ connectionString: database.url ?? undefined });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrateNodePg(drizzlePg(client), config);
  } finally {
    await client.end();
  }
}
