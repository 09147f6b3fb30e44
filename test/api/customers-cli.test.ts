/** `atiende import customers FILE`: on an embedded data directory, with progress, report and exit codes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../src/modules/customers/cli.ts';
import { createWorkspaceService } from '../../src/modules/workspaces/index.ts';
import { newId, systemClock } from '../../src/platform/clock.ts';
import { createLocalBus } from '../../src/platform/events/bus.ts';
import { createUnitOfWork } from '../../src/platform/events/unit-of-work.ts';
import { testDataDir } from '../support/database.ts';

const dir = mkdtempSync(join(tmpdir(), 'atiende-import-'));
const dataDir = join(dir, 'data');
const database = await testDataDir(dataDir);
const base = {
  db: database.db,
  uow: createUnitOfWork(database.db, createLocalBus(), systemClock),
  clock: systemClock,
  newId,
};
await createWorkspaceService(base).create({
  slug: 'cli-test',
  name: 'CLI',
  timeZone: 'America/Bogota',
  defaultLanguage: 'es',
  defaultCountry: 'CO',
});
await database.close();

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
  return importCommand([...args, '--data-dir', dataDir], io).then((code) => ({
    code,
    out: out.join(''),
    err: err.join(''),
  }));
}

const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const rows = ['id,full name,email,phone'];
for (let i = 0; i < 2500; i++)
  rows.push(`P-${i},Persona ${i},persona${i}@example.com,31${String(50_000_000 + i)}`);
rows.push('P-bad,Mala,@@,');

describe('atiende import customers', () => {
  it('imports a file with a progress bar, reports the rejected row and exits 1', async () => {
    const r = await run(['customers', file('people.csv', `${rows.join('\n')}\n`)]);
    expect(r.out).toContain(
      'Imported 2,501 rows into cli-test: 2500 created, 0 updated, 0 unchanged, 1 rejected.',
    );
    expect(r.err).toMatch(/100% \[#{30}\]/);
    expect(r.err).toContain('line 2502: column "email": "@@" is not a valid e-mail address');
    expect(r.code).toBe(1);
  }, 120_000);

  it('is idempotent: the same file again changes nothing', async () => {
    const r = await run(['customers', join(dir, 'people.csv'), '--report', join(dir, 'report.csv')]);
    expect(r.out).toContain('0 created, 0 updated, 2500 unchanged, 1 rejected');
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toBe(
      'line,reason\n2502,"column ""email"": ""@@"" is not a valid e-mail address"\n',
    );
  }, 120_000);

  it('takes a mapping file', async () => {
    const mapping = file(
      'mapping.json',
      JSON.stringify({ Cliente: 'name', Código: 'externalId', Notas: 'ignore' }),
    );
    const r = await run([
      'customers',
      file('m.csv', 'Código,Cliente,Notas\nP-1,Persona Uno,x\n'),
      '--mapping',
      mapping,
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 created, 1 updated');
  });

  it('refuses a Latin-1 file, saying so, and imports nothing', async () => {
    const r = await run(['customers', file('latin1.csv', Buffer.from('Nombre\nJosé\n', 'latin1'))]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('not UTF-8');
    expect(r.out).toBe('');
  });

  it('exits 2 on wrong usage', async () => {
    expect((await run(['clients', 'x.csv'])).code).toBe(2);
    expect((await run(['customers'])).code).toBe(2);
    expect((await run(['customers', join(dir, 'missing.csv')])).code).toBe(2);
    expect((await run(['customers', join(dir, 'm.csv'), '--workspace', 'nope'])).code).toBe(2);
    const badMapping = await run([
      'customers',
      join(dir, 'm.csv'),
      '--mapping',
      file('bad.json', '{"Cliente":"colour"}'),
    ]);
    expect(badMapping.code).toBe(2);
    expect(badMapping.err).toContain('unknown target "colour"');
  });
});
