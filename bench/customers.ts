/**
 * `npm run bench -- customers [--full] [--json]`: the customer single view at scale. On PostgreSQL (when
 * DATABASE_URL is set, in a fresh database created and dropped here) with 1,000,000 customers, 2,000,000
 * identities and 10,000,000 timeline entries (--full; a tenth by default): p99 of an identity lookup and of
 * a timeline's first page, p95 of a typo-tolerant search, and CSV import throughput with its peak memory.
 * The same lookups on PGlite at 100,000 customers (10,000 by default). Ceilings, in the same run: the same
 * database answering a primary-key lookup, and for the import the same rows written by bare COPY (into the
 * real tables, and into unindexed copies of them) and by bare INSERT … SELECT. The import and the COPY
 * ceiling also report their CPU time a row (the import process's, and its backends' read from /proc),
 * which the machine's load inflates far less than wall time. `--import-only` runs the import phase alone.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createCustomers, DEMO_NAMES } from '../src/modules/customers/index.ts';
import { createWorkspaceService } from '../src/modules/workspaces/index.ts';
import { newId, systemClock } from '../src/platform/clock.ts';
import { type Database, openDatabase, queryRows } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createLocalBus } from '../src/platform/events/bus.ts';
import { createUnitOfWork } from '../src/platform/events/unit-of-work.ts';
import { backendCpu } from './support/backend-cpu.ts';
import { copyCeiling } from './support/customers-copy-ceiling.ts';
import { customerId, generate } from './support/customers-data.ts';
import { scratchDatabase } from './support/scratch-database.ts';
import type { Bench } from './types.ts';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2));
};

async function time(n: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(200, n); i++) await run(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** A typo a person makes: a letter dropped, two swapped, or accents left out. */
function typo(name: string, k: number): string {
  const plain = name.normalize('NFD').replace(/\p{Diacritic}/gu, '');
  const words = plain.split(' ').slice(0, 2).join(' ');
  const at = 2 + (k % Math.max(1, words.length - 3));
  if (k % 3 === 0) return words.slice(0, at) + words.slice(at + 1);
  if (k % 3 === 1) return words.slice(0, at) + words[at + 1] + words[at] + words.slice(at + 2);
  return words;
}

async function setUp(database: Database) {
  await migrate(database);
  const uow = createUnitOfWork(database.db, createLocalBus(), systemClock);
  const base = { db: database.db, uow, clock: systemClock, newId };
  const workspaces = createWorkspaceService(base);
  const workspace = await workspaces.create({
    slug: 'bench',
    name: 'Bench',
    timeZone: 'America/Bogota',
    defaultLanguage: 'es',
    defaultCountry: 'CO',
  });
  return { workspace, customers: createCustomers({ ...base, workspaces }) };
}

interface Target {
  id: string;
  name: string;
  email: string;
  phone: string;
}

/** Identity lookups, first timeline pages, typo searches and the primary-key ceiling on one database. */
async function measure(
  database: Database,
  count: number,
  rounds: { lookups: number; searches: number },
  progress: (m: string) => void,
) {
  const { workspace, customers } = await setUp(database);
  const t0 = performance.now();
  await generate(database, workspace.id, { customers: count, timelinePerCustomer: 10 }, progress);
  const generateSeconds = (performance.now() - t0) / 1000;
  const numbers = Array.from({ length: 500 }, (_, i) => 1 + ((i * 7919 + 13) % count));
  const targets = await queryRows<Target>(
    database.db,
    sql`select c.id, c.name, e.value as email, p.value as phone
        from customers c
        join customer_identities e on e.customer_id = c.id and e.kind = 'email'
        join customer_identities p on p.customer_id = c.id and p.kind = 'phone'
        where c.id in (${sql.join(
          numbers.map((n) => sql`${customerId(n)}::uuid`),
          sql`, `,
        )})`,
  );
  const target = (i: number) => targets[i % targets.length]!;
  const svc = customers.services;
  progress(`measuring on ${count.toLocaleString('en-US')} customers`);
  const pk = await time(rounds.lookups, (i) =>
    database.db.execute(sql`select 1 from customers where id = ${target(i).id}`),
  );
  const lookup = await time(rounds.lookups, async (i) => {
    const t = target(i);
    const found = await customers.findByIdentity(
      workspace.id,
      i % 2 ? 'email' : 'phone',
      i % 2 ? t.email : t.phone,
    );
    if (found?.id !== t.id) throw new Error(`lookup of ${t.email} found ${found?.id}`);
  });
  const timeline = await time(rounds.lookups, async (i) => {
    const page = await svc.timeline.list(workspace.id, target(i).id, { limit: 20, after: null });
    if (page.items.length === 0) throw new Error('empty timeline');
  });
  let hits = 0;
  const search = await time(rounds.searches, async (i) => {
    const t = target(i + 250);
    const result = await svc.search.list(workspace.id, { q: typo(t.name, i) }, { limit: 20, after: null });
    // A hit: the first page holds someone of the intended first name and surname.
    const [first, surname] = t.name.split(' ');
    if (result.items.some((r) => r.name.startsWith(`${first} ${surname}`))) hits++;
  });
  const searchHitRate = hits / (rounds.searches + Math.min(200, rounds.searches));
  return { workspace, customers, generateSeconds, pk, lookup, timeline, search, searchHitRate };
}

const IMPORT_FIRST = DEMO_NAMES.firstNames;
const IMPORT_SURNAMES = DEMO_NAMES.surnames;

async function importRun(file: string, rows: number, env: Record<string, string>, args: string[]) {
  const out = createWriteStream(file);
  out.write('external_id,name,email,phone,tags\n');
  for (let i = 1; i <= rows; i++) {
    const name = `${IMPORT_FIRST[i % IMPORT_FIRST.length]} ${IMPORT_SURNAMES[(i * 7) % IMPORT_SURNAMES.length]} ${IMPORT_SURNAMES[(i * 13) % IMPORT_SURNAMES.length]}`;
    const line = `IMP-${i},${name},importado${i}@ejemplo.co,+57 32${String(10_000_000 + i).padStart(8, '0')},frecuente\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/support/customers-import.ts', file, '--workspace', 'bench', ...args],
    {
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (d) => {
    output += d.toString();
  });
  await new Promise((resolve) => child.once('exit', resolve));
  const result = JSON.parse(output.trim().split('\n').pop()!) as {
    code: number;
    rows: number;
    seconds: number;
    cpuSeconds: number;
    commandCpuSeconds: number;
    maxRssMb: number;
  };
  if (result.code !== 0 || result.rows !== rows)
    throw new Error(`the import ended with ${result.code} after ${result.rows} rows`);
  return {
    rowsPerSecond: Math.round(rows / result.seconds),
    peakRssMb: Math.round(result.maxRssMb),
    cpuUsPerRow: Math.round((result.cpuSeconds * 1e6) / rows),
    commandCpuUsPerRow: Math.round((result.commandCpuSeconds * 1e6) / rows),
  };
}

/**
 * The import's ceiling: the same number of customers, each with an e-mail and a phone, written by bare
 * INSERT … SELECT statements of 1,000 rows each (one transaction per batch, as the import commits), with
 * no file, no parsing, no lookups. What is left is the tables' own cost: their indexes and the generated
 * full-text vector.
 */
async function insertCeiling(database: Database, rows: number): Promise<number> {
  const [ws] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from workspaces where slug = 'bench'`,
  );
  const started = performance.now();
  for (let from = 1; from <= rows; from += 1000) {
    const to = Math.min(rows, from + 999);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local synchronous_commit = off`);
      await tx.execute(sql`
        insert into customers (id, workspace_id, kind, name, external_id, tags, customer_since, score, tier,
          search_text, created_at, updated_at)
        select ('01930000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, ${ws!.id}::uuid, 'person',
          'Ana Pérez Gómez', 'CEIL-' || i, '{frecuente}', now(), 0, 'standard',
          'Ana Pérez Gómez techo ' || i || ' CEIL-' || i || ' frecuente', now(), now()
        from generate_series(${from}::int, ${to}::int) as i`);
      await tx.execute(sql`
        insert into customer_identities (id, workspace_id, customer_id, kind, value, display, match_key, created_at)
        select ('01940000-0000-7000-8000-' || lpad(to_hex(i * 2 + k), 12, '0'))::uuid, ${ws!.id}::uuid,
          ('01930000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
          case k when 0 then 'email' else 'phone' end,
          case k when 0 then 'techo' || i || '@ejemplo.co' else '+5735' || lpad(i::text, 8, '0') end,
          case k when 0 then 'techo' || i || '@ejemplo.co' else '+57 35' || lpad(i::text, 8, '0') end,
          case k when 0 then 'email:techo' || i || '@ejemplo.co' else 'phone:+5735' || lpad(i::text, 8, '0') end,
          now()
        from generate_series(${from}::int, ${to}::int) as i, generate_series(0, 1) as k`);
    });
  }
  return Math.round(rows / ((performance.now() - started) / 1000));
}

const bench: Bench = async ({ full, progress }) => {
  const scale = full ? 1 : 0.1;
  const serverCustomers = Math.round(1_000_000 * scale);
  const importRows = Math.round(1_000_000 * scale);
  const dir = join('.bench-data', 'customers');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const figures: Record<string, number> = {};
  const peer: Record<string, number> = {};
  const ratios: Record<string, number> = {};
  const context: Record<string, string | number> = {};
  const serverUrl = process.env.DATABASE_URL;
  // `--import-only`: the import and its ceilings alone, into customers and identities at the run's size.
  const importOnly = process.argv.includes('--import-only');

  if (serverUrl) {
    const scratch = await scratchDatabase(serverUrl, 'customers');
    const database = await openDatabase({ databaseUrl: scratch.url, dataDir: null, poolSize: 4 });
    try {
      progress(`PostgreSQL: generating ${serverCustomers.toLocaleString('en-US')} customers`);
      if (importOnly) {
        const { workspace } = await setUp(database);
        const sizes = { customers: serverCustomers, timelinePerCustomer: 0 };
        await generate(database, workspace.id, sizes, progress);
      } else {
        const m = await measure(database, serverCustomers, { lookups: 2000, searches: 300 }, progress);
        figures.identity_lookup_p99_ms = percentile(m.lookup, 99);
        figures.timeline_first_page_p99_ms = percentile(m.timeline, 99);
        figures.search_p95_ms = percentile(m.search, 95);
        peer.pk_lookup_p99_ms = percentile(m.pk, 99);
        peer.pk_lookup_p95_ms = percentile(m.pk, 95);
        context.postgres_timeline_entries = serverCustomers * 10;
        context.postgres_generate_s = Number(m.generateSeconds.toFixed(1));
        context.search_hit_rate = Number(m.searchHitRate.toFixed(3));
      }
      progress(`PostgreSQL: importing ${importRows.toLocaleString('en-US')} CSV rows`);
      const cpu = await backendCpu(serverUrl, new URL(scratch.url).pathname.slice(1));
      const imported = await importRun(
        join(dir, 'import.csv'),
        importRows,
        { DATABASE_URL: scratch.url },
        [],
      );
      const serverCpu = await cpu.stop();
      figures.import_rows_per_s = imported.rowsPerSecond;
      figures.import_peak_rss_mb = imported.peakRssMb;
      // CPU time a row, which the machine's load does not inflate: the import process's and its backends'.
      figures.import_process_cpu_us_per_row = imported.cpuUsPerRow;
      // The same without the process's start-up (loading and compiling the modules), which is not per row.
      figures.import_command_cpu_us_per_row = imported.commandCpuUsPerRow;
      figures.import_server_cpu_us_per_row = Math.round((serverCpu * 1e6) / importRows);
      progress(`PostgreSQL: the import's ceilings, ${importRows.toLocaleString('en-US')} rows by bare COPY`);
      const ceilingCpu = await backendCpu(serverUrl, new URL(scratch.url).pathname.slice(1));
      peer.copy_ceiling_rows_per_s = await copyCeiling(database, importRows, 'real');
      peer.copy_ceiling_server_cpu_us_per_row = Math.round(((await ceilingCpu.stop()) * 1e6) / importRows);
      peer.copy_unindexed_rows_per_s = await copyCeiling(database, importRows, 'unindexed');
      progress(`PostgreSQL: ${importRows.toLocaleString('en-US')} rows by bare INSERT … SELECT`);
      peer.insert_ceiling_rows_per_s = await insertCeiling(database, importRows);
      context.postgres_customers = serverCustomers;
      context.postgres_identities = serverCustomers * 2;
    } finally {
      await database.close();
      await scratch.drop();
    }
  }

  if (importOnly) return finish();
  // 100,000 generate in under a minute on PGlite here (46 s), so the default run uses them too.
  const pgliteCustomers = 100_000;
  progress(`PGlite: generating ${pgliteCustomers.toLocaleString('en-US')} customers`);
  const lite = await openDatabase({ databaseUrl: null, dataDir: null });
  try {
    const m = await measure(lite, pgliteCustomers, { lookups: 1000, searches: 200 }, progress);
    context.pglite_generate_s = Number(m.generateSeconds.toFixed(1));
    figures.pglite_identity_lookup_p99_ms = percentile(m.lookup, 99);
    figures.pglite_timeline_first_page_p99_ms = percentile(m.timeline, 99);
    figures.pglite_search_p95_ms = percentile(m.search, 95);
    peer.pglite_pk_lookup_p99_ms = percentile(m.pk, 99);
    peer.pglite_pk_lookup_p95_ms = percentile(m.pk, 95);
  } finally {
    await lite.close();
  }
  context.pglite_customers = pgliteCustomers;
  if (!serverUrl) {
    progress(`PGlite: importing ${importRows.toLocaleString('en-US')} CSV rows`);
    const dataDir = join(dir, 'pglite');
    const database = await openDatabase({ databaseUrl: null, dataDir });
    await setUp(database).finally(() => database.close());
    const imported = await importRun(join(dir, 'import.csv'), importRows, {}, ['--data-dir', dataDir]);
    figures.import_rows_per_s = imported.rowsPerSecond;
    figures.import_peak_rss_mb = imported.peakRssMb;
    const again = await openDatabase({ databaseUrl: null, dataDir });
    try {
      progress(`PGlite: the import's ceiling, ${importRows.toLocaleString('en-US')} bare inserts`);
      peer.insert_ceiling_rows_per_s = await insertCeiling(again, importRows);
    } finally {
      await again.close();
    }
    context.import_database = 'PGlite';
  } else context.import_database = 'PostgreSQL';
  return finish();

  function finish() {
    context.import_rows = importRows;
    const ratio = (a?: number, b?: number) => (a !== undefined && b ? Number((a / b).toFixed(1)) : undefined);
    const put = (key: string, value: number | undefined) => {
      if (value !== undefined) ratios[key] = value;
    };
    put('identity_lookup_vs_pk_p99', ratio(figures.identity_lookup_p99_ms, peer.pk_lookup_p99_ms));
    put('timeline_first_page_vs_pk_p99', ratio(figures.timeline_first_page_p99_ms, peer.pk_lookup_p99_ms));
    put('search_vs_pk_p95', ratio(figures.search_p95_ms, peer.pk_lookup_p95_ms));
    const share = (a?: number, b?: number) => (a !== undefined && b ? Number((a / b).toFixed(2)) : undefined);
    put('import_vs_ceiling', share(figures.import_rows_per_s, peer.insert_ceiling_rows_per_s));
    put('import_vs_copy_ceiling', share(figures.import_rows_per_s, peer.copy_ceiling_rows_per_s));
    put('import_vs_copy_unindexed', share(figures.import_rows_per_s, peer.copy_unindexed_rows_per_s));
    put(
      'import_server_cpu_vs_copy_ceiling',
      share(figures.import_server_cpu_us_per_row, peer.copy_ceiling_server_cpu_us_per_row),
    );
    put(
      'pglite_identity_lookup_vs_pk_p99',
      ratio(figures.pglite_identity_lookup_p99_ms, peer.pglite_pk_lookup_p99_ms),
    );
    put(
      'pglite_timeline_first_page_vs_pk_p99',
      ratio(figures.pglite_timeline_first_page_p99_ms, peer.pglite_pk_lookup_p99_ms),
    );
    put('pglite_search_vs_pk_p95', ratio(figures.pglite_search_p95_ms, peer.pglite_pk_lookup_p95_ms));
    context.database = serverUrl
      ? 'PostgreSQL (fresh database) and PGlite'
      : 'PGlite only (set DATABASE_URL for PostgreSQL)';
    rmSync(dir, { recursive: true, force: true });
    return { name: 'customers', figures, peer, ratios, context };
  }
};

export default bench;
