import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/platform/db/connect.ts';
import { withDatabase } from '../global-setup.ts';

let counter = 0;

/** A fresh database for one test file, copied from the run's migrated template. */
export async function testDatabase(): Promise<Database> {
  const postgres = inject('postgresTemplate');
  if (postgres) {
    const name = `${postgres.prefix}_${process.pid}_${++counter}`;
    const admin = new pg.Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${postgres.template}`);
    } finally {
      await admin.end();
    }
    return openDatabase({ databaseUrl: withDatabase(postgres.adminUrl, name), dataDir: null, poolSize: 5 });
  }
  return openDatabase({ databaseUrl: null, dataDir: null, loadDataDir: templateDump() });
}

/**
 * A PGlite database in the on-disk `dataDir` (new or empty), started from the run's migrated template, for
 * commands that take `--data-dir`: no `initdb` and no migrations of its own.
 */
export function testDataDir(dataDir: string): Promise<Database> {
  return openDatabase({ databaseUrl: null, dataDir, loadDataDir: templateDump() });
}

function templateDump(): Blob {
  return new Blob([readFileSync(inject('pgliteTemplate'))]);
}
