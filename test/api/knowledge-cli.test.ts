/** `atiende kb import|export|eval` on an embedded data directory: line errors, round trips, the eval JSON. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kbCommand } from '../../src/modules/knowledge/index.ts';
import { createWorkspaceService } from '../../src/modules/workspaces/index.ts';
import { newId, systemClock } from '../../src/platform/clock.ts';
import { createLocalBus } from '../../src/platform/events/bus.ts';
import { createUnitOfWork } from '../../src/platform/events/unit-of-work.ts';
import { testDataDir } from '../support/database.ts';

const dir = mkdtempSync(join(tmpdir(), 'atiende-kb-'));
const dataDir = join(dir, 'data');
const database = await testDataDir(dataDir);
const uow = createUnitOfWork(database.db, createLocalBus(), systemClock);
await createWorkspaceService({ db: database.db, uow, clock: systemClock, newId }).create({
  slug: 'kb-cli',
  name: 'KB',
  timeZone: 'America/Bogota',
  defaultLanguage: 'es',
  defaultCountry: 'CO',
});
await database.close();

async function run(args: string[], withData = true) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
  const code = await kbCommand([...args, ...(withData ? ['--data-dir', dataDir] : [])], io);
  return { code, out: out.join(''), err: err.join('') };
}

const articles = [
  {
    id: 'lavado',
    language: 'es',
    title: '¿Cómo lavo las sábanas de franela?',
    body: 'Agua fría y secadora a baja temperatura.',
    tags: ['hogar'],
  },
  {
    id: 'equipaje',
    language: 'es',
    title: '¿Cuánto equipaje puedo llevar?',
    body: 'Una maleta de 23 kg por viajero.',
  },
  {
    id: 'refund',
    language: 'en',
    title: 'How do I get a refund?',
    body: 'Refunds go back to the card in 5 to 15 days.',
    category: 'Payments',
  },
];
const file = join(dir, 'articles.jsonl');
writeFileSync(
  file,
  `${articles.map((a) => JSON.stringify(a)).join('\n')}\n{"id":"bad","language":"fr","title":"x","body":"y"}\nnot json\n`,
);

describe('kb import and export', () => {
  it('imports the good lines and reports each bad one with its number', async () => {
    const r = await run(['import', '--format', 'jsonl', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('3 created');
    expect(r.err).toContain('articles.jsonl:4: "language" must be "es" or "en"');
    expect(r.err).toContain('articles.jsonl:5: not JSON');
  });

  it('changes nothing when the same file comes again', async () => {
    const r = await run(['import', file]);
    expect(r.out).toContain('0 created, 0 updated, 3 unchanged');
  });

  it('exports JSONL that imports back unchanged, and Markdown folders that do too', async () => {
    const out = join(dir, 'export.jsonl');
    expect((await run(['export', '--out', out])).code).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id).sort()).toEqual(['equipaje', 'lavado', 'refund']);
    expect(lines.find((l) => l.id === 'refund')).toMatchObject({ category: 'Payments', language: 'en' });
    const folder = join(dir, 'md');
    expect((await run(['export', '--format', 'markdown', '--out', folder])).code).toBe(0);
    expect(readFileSync(join(folder, 'es', 'lavado.md'), 'utf8')).toContain(
      'title: ¿Cómo lavo las sábanas de franela?',
    );
    const again = await run(['import', '--format', 'markdown', folder]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('3 unchanged');
    // Four commands, each opening the data directory: over 30 s on a loaded machine.
  }, 120_000);

  it('refuses wrong usage with exit code 2', async () => {
    expect((await run(['import', '--format', 'xml', file])).code).toBe(2);
    expect((await run(['import', join(dir, 'missing.jsonl')])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});

describe('kb eval', () => {
  it('prints the metrics as JSON, and learning makes an unseen wording findable', async () => {
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`);
    const queries = join(dir, 'queries.jsonl');
    writeFileSync(
      queries,
      `${JSON.stringify({ query: 'cuidar la ropa de cama abrigada', language: 'es', relevant: ['lavado'] })}\n`,
    );
    const train = join(dir, 'train.jsonl');
    writeFileSync(
      train,
      `${JSON.stringify({ query: 'como cuidar la ropa de cama abrigada', language: 'es', relevant: ['lavado'] })}\n`,
    );
    const plain = await run(['eval', '--articles', good, '--queries', queries, '--json'], false);
    expect(plain.code, plain.err).toBe(0);
    const before = JSON.parse(plain.out);
    expect(Object.keys(before)).toEqual(['queries', 'mrr_at_10', 'hit_at_1', 'hit_at_3', 'p95_ms']);
    expect(before.queries).toBe(1);
    expect(before.mrr_at_10).toBe(0);
    const learned = JSON.parse(
      (await run(['eval', '--articles', good, '--queries', queries, '--learn-from', train, '--json'], false))
        .out,
    );
    expect(learned.mrr_at_10).toBe(1);
    // Two fresh in-memory databases, each migrated: slow on a busy machine.
  }, 180_000);

  it('reports bad query lines instead of evaluating', async () => {
    const bad = join(dir, 'bad-queries.jsonl');
    writeFileSync(bad, '{"query":"x","language":"es","relevant":[]}\n');
    const r = await run(['eval', '--articles', file.replace('articles', 'good'), '--queries', bad], false);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad-queries.jsonl:1');
  });
});
