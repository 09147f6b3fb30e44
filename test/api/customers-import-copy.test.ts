/**
 * The import's bulk path: on PostgreSQL new customers and identities are written with COPY (PGlite keeps
 * the JSON statements). Awkward values arrive intact, a failed COPY takes its batch back whole, and a file
 * of several batches is imported, re-imported and reported exactly as before.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BATCH_ROWS } from '../../src/modules/customers/import-service.ts';
import { type Db, queryRows } from '../../src/platform/db/connect.ts';
import { canCopy, copyInto } from '../../src/platform/db/copy.ts';
import { createWorkspace, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const { db } = app.database;
const onServer = app.database.kind === 'postgres';
const imports = app.services.customers.services.imports;
const dir = mkdtempSync(join(tmpdir(), 'atiende-import-copy-'));

async function importCsv(name: string, lines: string[]) {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  const rejected: { line: number; reason: string }[] = [];
  const progress: number[] = [];
  const job = await imports.importFile(ws.id, path, null, {
    onRejected: (r) => rejected.push(r),
    onProgress: (p) => progress.push(p.processed),
  });
  return { job, rejected, progress };
}

const count = async (query: ReturnType<typeof sql>) =>
  Number((await queryRows<{ n: number | string }>(db, query))[0]!.n);

describe('COPY in a transaction', () => {
  it('writes awkward values as they are on PostgreSQL, and answers null on PGlite', async () => {
    const awkward = [
      'tab\there',
      'line\nbreak\r\n',
      'back\\slash \\N',
      'comillas "dobles", comas',
      'Ñandú ü 🙂',
    ];
    const read = await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await tx.execute(
        sql`create temp table copied (t text, tags text[], doc jsonb, at timestamptz, n numeric, missing text) on commit drop`,
      );
      const written = await copyInto(
        tx,
        'copied',
        ['t', 'tags', 'doc', 'at', 'n', 'missing'],
        awkward.map((text, i) => [
          text,
          [text, 'x'],
          { text },
          new Date(Date.UTC(2026, 0, i + 1)),
          i + 0.5,
          null,
        ]),
      );
      const rows = await queryRows<{
        t: string;
        tags: string[];
        doc: { text: string };
        at: Date;
        missing: null;
      }>(tx, sql`select t, tags, doc, at, missing from copied`);
      return { written, rows };
    });
    expect(canCopy(db)).toBe(false); // outside a transaction there is no single connection to copy on
    if (!onServer) {
      expect(read).toEqual({ written: null, rows: [] });
      return;
    }
    expect(read.written).toBe(awkward.length);
    expect(read.rows.map((r) => r.t)).toEqual(awkward);
    expect(read.rows.map((r) => r.tags)).toEqual(awkward.map((a) => [a, 'x']));
    expect(read.rows.map((r) => r.doc.text)).toEqual(awkward);
    expect(read.rows.map((r) => new Date(r.at).toISOString().slice(0, 10))).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-01-04',
      '2026-01-05',
    ]);
    expect(read.rows.every((r) => r.missing === null)).toBe(true);
  });

  it('a row that breaks a constraint fails the COPY and its transaction, and the connection goes on', async () => {
    const attempt = db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await tx.execute(sql`create temp table once (id int primary key) on commit drop`);
      const written = await copyInto(tx, 'once', ['id'], [[1], [2], [1]]);
      if (written === null) throw new Error('no COPY here');
    });
    await expect(attempt).rejects.toThrow(onServer ? /duplicate key/ : /no COPY here/);
    await expect(count(sql`select 1 as n`)).resolves.toBe(1);
  });
});

describe('an import of several batches', () => {
  const ROWS = 12_000;
  const lines = ['external_id,name,email,phone,tags'];
  for (let i = 1; i <= ROWS; i++) {
    const email = i === 5_500 ? 'not-an-email' : `copia${i}@ejemplo.co`;
    lines.push(`COPY-${i},Cliente ${i} Rodríguez,${email},+57 31${String(10_000_000 + i)},lote`);
  }
  // Line 12,002 repeats an e-mail of line 2 under a +tag: a duplicate candidate across batches.
  lines.push('COPY-X1,"Nombre\tcon tab y ""comillas""",copia1+viajes@ejemplo.co,,');
  // Line 12,003 takes the phone of line 3 for a new external id: rejected, the phone is COPY-2's.
  lines.push(`COPY-X2,Otro,otro@ejemplo.co,+57 31${String(10_000_002)},`);

  it('writes every good row once, reports the bad ones by line, and finds the duplicate', async () => {
    const { job, rejected, progress } = await importCsv('lotes.csv', lines);
    expect(job).toMatchObject({ status: 'done', processed: ROWS + 2, inserted: ROWS, rejected: 2 });
    expect(rejected.map((r) => r.line)).toEqual([5_501, 12_003]);
    expect(rejected[0]!.reason).toContain('e-mail');
    expect(rejected[1]!.reason).toBe('its identities belong to the customer with external id COPY-2');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(ROWS + 2);
    expect(
      await count(sql`select count(*) as n from customers where workspace_id = ${ws.id} and kind = 'person'`),
    ).toBe(ROWS);
    expect(
      await count(sql`select count(*) as n from customer_identities where workspace_id = ${ws.id}`),
    ).toBe(2 * ROWS - 1);
    const [tab] = await queryRows<{ name: string; tags: string[]; vector: string }>(
      db,
      sql`select name, tags, search_vector::text as vector from customers
          where workspace_id = ${ws.id} and external_id = 'COPY-X1'`,
    );
    expect(tab).toMatchObject({ name: 'Nombre\tcon tab y "comillas"', tags: [] });
    expect(tab!.vector).toContain("'comillas'");
    const pairs = await queryRows<{ reason: string }>(
      db,
      sql`select reason from customer_duplicates where workspace_id = ${ws.id}`,
    );
    expect(pairs).toEqual([{ reason: 'email' }]);
    const search = (q: string) =>
      app.services.customers.services.search.list(ws.id, { q }, { limit: 5, after: null });
    expect((await search('copia11999@ejemplo.co')).items.map((c) => c.name)).toEqual([
      'Cliente 11999 Rodríguez',
    ]);
    const typo = (await search('cliente rodriges')).items;
    expect(typo).toHaveLength(5);
    expect(typo.every((c) => c.name.endsWith('Rodríguez'))).toBe(true);
  });

  it('importing the same file again changes nothing', async () => {
    const { job } = await importCsv('lotes-otra-vez.csv', lines);
    expect(job).toMatchObject({ inserted: 0, updated: 0, unchanged: ROWS, rejected: 2 });
    expect(
      await count(sql`select count(*) as n from customers where workspace_id = ${ws.id} and kind = 'person'`),
    ).toBe(ROWS);
  });

  it('an identity stored under an older match-key rule still finds its customer', async () => {
    await importCsv('legado.csv', ['external_id,name,email', 'LEG-1,Legado,legado@ejemplo.co']);
    await db.execute(
      sql`update customer_identities set match_key = 'email:older-rule' where value = 'legado@ejemplo.co'`,
    );
    const { job } = await importCsv('legado-2.csv', ['name,email', 'Legado Nuevo,legado@ejemplo.co']);
    expect(job).toMatchObject({ inserted: 0, updated: 1, rejected: 0 });
  });

  it('batches written two at a time end as if written one after another', async () => {
    await importCsv('antes.csv', ['external_id,name,email,tags', 'LAN-0,Antes,antes@ejemplo.co,']);
    const total = BATCH_ROWS + BATCH_ROWS / 2 + 1_000;
    const rows = ['external_id,name,email,tags'];
    for (let i = 1; i <= total; i++) rows.push(`LAN-${i},Lote ${i},lote${i}@ejemplo.co,`);
    // The first batch updates LAN-0 by its external id; the second, by its e-mail alone, keeping its tags.
    rows[BATCH_ROWS - 1_000] = 'LAN-0,Nombre Uno,,uno';
    rows[BATCH_ROWS + 500] = ',Nombre Dos,antes@ejemplo.co,';
    // The second batch updates a customer the first one creates.
    rows[BATCH_ROWS + 1_000] = 'LAN-10,Lote diez otra vez,,';
    const { job, rejected } = await importCsv('carriles.csv', rows);
    expect(rejected).toEqual([]);
    expect(job).toMatchObject({ processed: total, inserted: total - 3, updated: 3 });
    const named = await queryRows<{ external_id: string; name: string; tags: string[] }>(
      db,
      sql`select external_id, name, tags from customers
          where workspace_id = ${ws.id} and external_id in ('LAN-0', 'LAN-10') order by external_id`,
    );
    expect(named).toEqual([
      { external_id: 'LAN-0', name: 'Nombre Dos', tags: ['uno'] },
      { external_id: 'LAN-10', name: 'Lote diez otra vez', tags: [] },
    ]);
  });
});
