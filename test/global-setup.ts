/**
 * Migrates one template database per test run; each test file then starts from a copy of it.
 * PGlite: a dump of a migrated in-memory database. PostgreSQL (TEST_DATABASE_URL set): a template database
 * that every file clones with CREATE DATABASE … TEMPLATE, all dropped at the end.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: { adminUrl: string; template: string; prefix: string } | null;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'atiende-test-'));
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrate(database);
  const dump = await (
    database as unknown as { db: { $client: { dumpDataDir(c: string): Promise<Blob> } } }
  ).db.$client.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);

  const adminUrl = process.env.TEST_DATABASE_URL;
  let cleanup = async () => {};
  if (adminUrl) {
    const prefix = `atiende_t${process.pid}`;
    const template = `${prefix}_template`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const pgDatabase = await openDatabase({
      databaseUrl: withDatabase(adminUrl, template),
      dataDir: null,
      poolSize: 1,
    });
    await migrate(pgDatabase);
    await pgDatabase.close();
    project.provide('postgresTemplate', { adminUrl, template, prefix });
    cleanup = async () => {
      const { rows } = await admin.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`${prefix}_%`],
      );
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.end();
    };
  } else {
    project.provide('postgresTemplate', null);
  }

  return async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
