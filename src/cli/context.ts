/** What every database command shares: configuration from the environment and flags, an opened and migrated database. */
import { type Config, loadConfig } from '../platform/config.ts';
import { type Database, openDatabase } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrate.ts';

export function configFrom(flags: { 'data-dir'?: string; port?: string; host?: string }): Config {
  return loadConfig(undefined, {
    ...(flags['data-dir'] ? { dataDir: flags['data-dir'] } : {}),
    ...(flags.port ? { port: flags.port } : {}),
    ...(flags.host ? { host: flags.host } : {}),
  });
}

export async function openMigrated(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  return database;
}
