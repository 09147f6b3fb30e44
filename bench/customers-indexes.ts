/**
 * `DATABASE_URL=… npm run bench -- customers-indexes [--full] [--json]`: where a bulk import's time goes in
 * the customers tables, index by index. In a fresh scratch database it fills `customers` and
 * `customer_identities` with 100,000 customers (1,000,000 with --full), then, for each variant — a copy of
 * the table with nothing but its heap, with one index (or the full-text vector) added, or with everything —
 * fills the copy with the same rows and counts the server backend's CPU time (from /proc: the machine's
 * load does not inflate it the way it does wall time) for `COPY` of 50,000 new customers (two identities
 * each) in transactions of the import's batch size. A variant's cost is its CPU time over the bare heap's,
 * in µs a row. Each variant runs twice, interleaved, and keeps its cheaper run.
 */
import { sql } from 'drizzle-orm';
import { DEMO_NAMES } from '../src/modules/customers/index.ts';
import { newId } from '../src/platform/clock.ts';
import { type Database, type Db, queryRows } from '../src/platform/db/connect.ts';
import { copyInto } from '../src/platform/db/copy.ts';
import { cpuSeconds } from './support/backend-cpu.ts';
import { customerCopy, IDENTITY_COLUMNS } from './support/customers-copy-ceiling.ts';
import { generate } from './support/customers-data.ts';
import { openScratchDatabase } from './support/scratch-database.ts';
import type { Bench } from './types.ts';

const BATCH = 5_000;
const ROWS = 50_000;

interface Variant {
  name: string;
  table: 'customers' | 'customer_identities';
  /** DDL run on the fresh copy `t` before it is filled; `like` clause options for its creation. */
  like: string;
  ddl?: string;
  /** `set local …` run in each batch's transaction. */
  setting?: string;
}

const CUSTOMERS: Variant[] = [
  { name: 'customers: heap', table: 'customers', like: 'including defaults' },
  {
    name: 'customers: + pkey',
    table: 'customers',
    like: 'including defaults',
    ddl: 'alter table t add primary key (id)',
  },
  {
    name: 'customers: + external_id unique',
    table: 'customers',
    like: 'including defaults',
    ddl: 'create unique index on t (workspace_id, external_id)',
  },
  {
    name: 'customers: + name',
    table: 'customers',
    like: 'including defaults',
    ddl: 'create index on t (workspace_id, name, id)',
  },
  {
    name: 'customers: + tier',
    table: 'customers',
    like: 'including defaults',
    ddl: 'create index on t (workspace_id, tier, score)',
  },
  {
    name: 'customers: + tags gin',
    table: 'customers',
    like: 'including defaults',
    ddl: 'create index on t using gin (tags)',
  },
  {
    name: 'customers: + custom_fields gin',
    table: 'customers',
    like: 'including defaults',
    ddl: 'create index on t using gin (custom_fields jsonb_path_ops)',
  },
  { name: 'customers: + search vector', table: 'customers', like: 'including defaults including generated' },
  {
    name: 'customers: + vector + fts gin',
    table: 'customers',
    like: 'including defaults including generated',
    ddl: 'create index on t using gin (search_vector)',
  },
  {
    name: 'customers: + vector + fts gin, no fastupdate',
    table: 'customers',
    like: 'including defaults including generated',
    ddl: 'create index on t using gin (search_vector) with (fastupdate = off)',
  },
  {
    name: 'customers: + vector + fts gin, 32MB pending',
    table: 'customers',
    like: 'including defaults including generated',
    ddl: 'create index on t using gin (search_vector) with (gin_pending_list_limit = 32768)',
  },
  {
    name: 'customers: + vector + fts gin, 16MB pending, 64MB work_mem',
    table: 'customers',
    like: 'including defaults including generated',
    ddl: 'create index on t using gin (search_vector)',
    setting: "set local gin_pending_list_limit = '16MB'; set local work_mem = '64MB'",
  },
  { name: 'customers: everything', table: 'customers', like: 'including all' },
];

const IDENTITIES: Variant[] = [
  { name: 'identities: heap', table: 'customer_identities', like: 'including defaults' },
  {
    name: 'identities: + pkey',
    table: 'customer_identities',
    like: 'including defaults',
    ddl: 'alter table t add primary key (id)',
  },
  {
    name: 'identities: + value unique',
    table: 'customer_identities',
    like: 'including defaults',
    ddl: 'create unique index on t (workspace_id, kind, value)',
  },
  {
    name: 'identities: + customer',
    table: 'customer_identities',
    like: 'including defaults',
    ddl: 'create index on t (workspace_id, customer_id)',
  },
  {
    name: 'identities: + match_key',
    table: 'customer_identities',
    like: 'including defaults',
    ddl: 'create index on t (workspace_id, match_key)',
  },
  { name: 'identities: everything', table: 'customer_identities', like: 'including all' },
];

async function timeVariant(database: Database, v: Variant, rows: string[][][]): Promise<number> {
  await database.exec(`drop table if exists t; create table t (like ${v.table} ${v.like})`);
  // The same rows the real table holds, so every index starts at the benchmark's size.
  const columns =
    v.table === 'customers'
      ? 'id, workspace_id, kind, name, external_id, tags, custom_fields, customer_since, score, tier, search_text, created_at, updated_at'
      : IDENTITY_COLUMNS.join(', ');
  await database.exec(`insert into t (${columns}) select ${columns} from ${v.table}`);
  if (v.ddl) await database.exec(v.ddl);
  await database.exec('vacuum analyze t');
  await database.exec('checkpoint');
  const names = v.table === 'customers' ? customerCopy.columns : IDENTITY_COLUMNS;
  let used = 0;
  for (const batch of rows) {
    await database.db.transaction(async (t) => {
      const [backend] = await queryRows<{ pid: number }>(
        t as unknown as Db,
        sql`select pg_backend_pid() as pid`,
      );
      const cpu = () => {
        const seconds = cpuSeconds(backend!.pid);
        if (seconds === null) throw new Error('the backend is not visible in /proc: run the server here');
        return seconds;
      };
      const before = cpu();
      await t.execute(sql`set local synchronous_commit = off`);
      if (v.setting) await t.execute(sql.raw(v.setting));
      await copyInto(t as unknown as Db, 't', names, batch);
      used += cpu() - before;
    });
  }
  return used * 1000;
}

const bench: Bench = async ({ full, progress }) => {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('customers-indexes needs DATABASE_URL (a PostgreSQL server)');
  const base = full ? 1_000_000 : 100_000;
  const { database, close } = await openScratchDatabase(serverUrl, 'customers_indexes');
  const figures: Record<string, number> = {};
  const peer: Record<string, number> = {};
  try {
    const workspaceId = newId();
    progress(`generating ${base.toLocaleString('en-US')} customers`);
    await generate(database, workspaceId, { customers: base, timelinePerCustomer: 0 }, progress);
    const customerBatches: string[][][] = [];
    const identityBatches: string[][][] = [];
    for (let from = 0; from < ROWS; from += BATCH) {
      const c: string[][] = [];
      const i: string[][] = [];
      for (let n = from; n < from + BATCH; n++) {
        const first = DEMO_NAMES.firstNames[n % DEMO_NAMES.firstNames.length]!;
        const surname = DEMO_NAMES.surnames[(n * 7) % DEMO_NAMES.surnames.length]!;
        const second = DEMO_NAMES.surnames[(n * 13) % DEMO_NAMES.surnames.length]!;
        const row = customerCopy.row(workspaceId, `${first} ${surname} ${second}`, `IDX-${n}`);
        c.push(row);
        i.push(
          ...customerCopy.identities(
            workspaceId,
            row[0]!,
            `idx${n}@ejemplo.co`,
            `+5736${String(10_000_000 + n)}`,
          ),
        );
      }
      customerBatches.push(c);
      identityBatches.push(i);
    }
    const best = new Map<string, number>();
    for (let round = 1; round <= 2; round++) {
      for (const v of [...CUSTOMERS, ...IDENTITIES]) {
        progress(`round ${round}: ${v.name}`);
        const ms = await timeVariant(
          database,
          v,
          v.table === 'customers' ? customerBatches : identityBatches,
        );
        best.set(v.name, Math.min(best.get(v.name) ?? Number.POSITIVE_INFINITY, ms));
      }
    }
    const perRow = (name: string) => (best.get(name)! * 1000) / ROWS;
    for (const v of [...CUSTOMERS, ...IDENTITIES]) {
      const heap = v.table === 'customers' ? 'customers: heap' : 'identities: heap';
      const key = v.name
        .replace(/[^a-z0-9]+/gi, '_')
        .replace(/_+$/, '')
        .toLowerCase();
      if (v.name === heap) peer[`${key}_us_per_row`] = Number(perRow(v.name).toFixed(1));
      else figures[`${key}_us_per_row`] = Number((perRow(v.name) - perRow(heap)).toFixed(1));
    }
  } finally {
    await close();
  }
  return {
    name: 'customers-indexes',
    figures,
    peer,
    ratios: {},
    context: {
      base_customers: base,
      copied_rows: ROWS,
      note: 'figures: server CPU µs a copied row over the bare heap (identities: per customer, two rows)',
    },
  };
};

export default bench;
