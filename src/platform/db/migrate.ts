/** Applies the generated SQL migrations in `migrations/`, once, even with several processes starting together. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './connect.ts';

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '../../../migrations');

const MIGRATION_LOCK = 7_102_024;

export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder, migrationsSchema: 'public', migrationsTable: 'schema_migrations' };
  // Only the open database's driver is loaded (see openDatabase).
  if (database.kind === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migrateNodePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
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
