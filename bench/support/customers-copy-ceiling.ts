/**
 * The import's COPY ceilings: the rows of the benchmark's CSV (a customer with an e-mail and a phone),
 * built in memory and written by bare `COPY` in transactions of the import's batch size, with no file, no
 * parsing, no look-ups, no dictionary or duplicates. Into the real tables (`real`: their indexes and the
 * generated full-text vector are all that is left) or into unlogged copies without indexes or the vector
 * (`unindexed`: the transport and the heap alone).
 */
import { sql } from 'drizzle-orm';
import { BATCH_ROWS } from '../../src/modules/customers/import-service.ts';
import { newId } from '../../src/platform/clock.ts';
import { type Database, type Db, queryRows } from '../../src/platform/db/connect.ts';
import { copyInto } from '../../src/platform/db/copy.ts';

const CUSTOMER_COLUMNS = [
  'id',
  'workspace_id',
  'kind',
  'name',
  'external_id',
  'tags',
  'customer_since',
  'score',
  'tier',
  'search_text',
  'created_at',
  'updated_at',
];
export const IDENTITY_COLUMNS = [
  'id',
  'workspace_id',
  'customer_id',
  'kind',
  'value',
  'display',
  'match_key',
  'created_at',
];

/** The COPY rows of one benchmark customer and of its e-mail and phone. */
export const customerCopy = {
  columns: CUSTOMER_COLUMNS,
  row(workspaceId: string, name: string, externalId: string): string[] {
    const now = new Date().toISOString();
    return [
      newId(),
      workspaceId,
      'person',
      name,
      externalId,
      '{frecuente}',
      now,
      '0',
      'standard',
      `${name} ${externalId} frecuente`,
      now,
      now,
    ];
  },
  identities(workspaceId: string, customerId: string, email: string, phone: string): string[][] {
    const now = new Date().toISOString();
    return [
      [newId(), workspaceId, customerId, 'email', email, email, `email:${email}`, now],
      [newId(), workspaceId, customerId, 'phone', phone, phone, `phone:${phone}`, now],
    ];
  },
};

export async function copyCeiling(
  database: Database,
  rows: number,
  into: 'real' | 'unindexed',
): Promise<number> {
  const [ws] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from workspaces where slug = 'bench'`,
  );
  const tables =
    into === 'real'
      ? { customers: 'customers', identities: 'customer_identities' }
      : {
          customers: 'ceiling_customers',
          identities: 'ceiling_identities',
        };
  if (into === 'unindexed') {
    await database.exec(`
      create unlogged table ceiling_customers (like customers including defaults);
      create unlogged table ceiling_identities (like customer_identities including defaults)`);
  }
  const tag = into === 'real' ? 'CEILC' : 'CEILU';
  const started = performance.now();
  for (let from = 1; from <= rows; from += BATCH_ROWS) {
    const customers: string[][] = [];
    const identities: string[][] = [];
    for (let i = from; i < Math.min(rows + 1, from + BATCH_ROWS); i++) {
      const email = `${tag.toLowerCase()}${i}@ejemplo.co`;
      const phone = `+57${into === 'real' ? 33 : 34}${String(10_000_000 + i)}`;
      const row = customerCopy.row(ws!.id, `Ana Pérez Gómez ${i}`, `${tag}-${i}`);
      customers.push(row);
      identities.push(...customerCopy.identities(ws!.id, row[0]!, email, phone));
    }
    await database.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await tx.execute(sql`set local synchronous_commit = off`);
      await copyInto(tx, tables.customers, CUSTOMER_COLUMNS, customers);
      await copyInto(tx, tables.identities, IDENTITY_COLUMNS, identities);
    });
  }
  const perSecond = Math.round(rows / ((performance.now() - started) / 1000));
  if (into === 'unindexed')
    await database.exec('drop table ceiling_customers; drop table ceiling_identities');
  return perSecond;
}
