/** The web import: upload, mapping, progress, rejected rows, idempotent re-import and refused files. */
import { describe, expect, it } from 'vitest';
import { createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const agent = await login(app, ws.email('agent'));
const admin = await login(app, ws.email('admin'));
const inject = app.app.inject.bind(app.app);

type Job = {
  id: string;
  status: string;
  headers: string[];
  delimiter: string;
  suggestedMapping: Record<string, string>;
  processed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: { line: number; reason: string }[];
};

const upload = (body: string | Buffer, fileName = 'clientes.csv') =>
  inject({
    method: 'POST',
    url: `/api/v1/customer-imports?fileName=${fileName}`,
    headers: { ...agent.headers, 'content-type': 'text/csv' },
    payload: body,
  });

async function runImport(csv: string | Buffer, mapping?: Record<string, string>): Promise<Job> {
  const uploaded = await upload(csv);
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const job = uploaded.json() as Job;
  const started = await inject({
    method: 'POST',
    url: `/api/v1/customer-imports/${job.id}/start`,
    headers: agent.headers,
    payload: { mapping: mapping ?? job.suggestedMapping },
  });
  expect(started.statusCode, started.body).toBe(202);
  await app.services.customers.services.imports.settled(job.id);
  const done = (
    await inject({ method: 'GET', url: `/api/v1/customer-imports/${job.id}`, headers: agent.headers })
  ).json() as Job;
  expect(done.status).toBe('done');
  return done;
}

await inject({
  method: 'POST',
  url: '/api/v1/customer-fields',
  headers: admin.headers,
  payload: { key: 'noches', label: 'Noches', type: 'number' },
});

const CSV = [
  'Código;Nombre;Correo;Teléfono;Empresa;Etiquetas;Noches',
  'C-1;José Rodríguez;jose@example.com;300 123 4567;Hotel Chicamocha;frecuente|vip;3',
  'C-2;María Pérez;maria@example.com;;Hotel Chicamocha;;',
  'C-3;Sin Correo;no-es-correo;;;;',
  'C-4;Pocas celdas;x@example.com',
  'C-5;"Ana ""la jefa"" Díaz";ana@example.com;+57 315 765 4321;Viajes Guanentá;;1,5',
  'C-6;Duplicada;jose@example.com;;;;',
  'C-7;Noches raras;raras@example.com;;;;muchas',
  'C-8;;vacio@example.com;;;;',
].join('\n');

describe('importing customers from the web', () => {
  it('an upload answers with the headers, the delimiter and a suggested mapping', async () => {
    const job = (await upload(CSV)).json() as Job;
    expect(job).toMatchObject({ status: 'uploaded', delimiter: ';' });
    expect(job.suggestedMapping).toEqual({
      Código: 'externalId',
      Nombre: 'name',
      Correo: 'email',
      Teléfono: 'phone',
      Empresa: 'organisation',
      Etiquetas: 'tags',
      Noches: 'field:noches',
    });
  });

  it('imports good rows and reports every broken one with its line and reason', async () => {
    const job = await runImport(CSV);
    expect(job).toMatchObject({ processed: 8, inserted: 3, updated: 0, rejected: 5 });
    expect(job.rejections.map((r) => r.line)).toEqual([4, 5, 7, 8, 9]);
    expect(job.rejections[0]!.reason).toContain('e-mail');
    expect(job.rejections[1]!.reason).toContain('cells');
    expect(job.rejections[2]!.reason).toContain('belongs to another customer');
    expect(job.rejections[3]!.reason).toContain('must be a number');
    expect(job.rejections[4]!.reason).toContain('name is empty');
    const found = (
      await inject({ method: 'GET', url: '/api/v1/customers?q=jose%40example.com', headers: agent.headers })
    ).json();
    const jose = (
      await inject({ method: 'GET', url: `/api/v1/customers/${found.items[0].id}`, headers: agent.headers })
    ).json();
    expect(jose).toMatchObject({
      externalId: 'C-1',
      tags: ['frecuente', 'vip'],
      customFields: { noches: 3 },
    });
    expect(jose.organisations.map((o: { name: string }) => o.name)).toEqual(['Hotel Chicamocha']);
    const ana = (
      await inject({ method: 'GET', url: '/api/v1/customers?q=ana%40example.com', headers: agent.headers })
    ).json();
    expect(ana.items[0].name).toBe('Ana "la jefa" Díaz');
    const hotels = (
      await inject({ method: 'GET', url: '/api/v1/customers?kind=organisation', headers: agent.headers })
    ).json();
    expect(hotels.items.map((h: { name: string }) => h.name)).toEqual([
      'Hotel Chicamocha',
      'Viajes Guanentá',
    ]);
    // The imported words reached the search dictionary: typos of them are corrected.
    const typo = (
      await inject({ method: 'GET', url: '/api/v1/customers?q=jose%20rodriges', headers: agent.headers })
    ).json();
    expect(typo.items.map((c: { name: string }) => c.name)).toContain('José Rodríguez');
    const organisation = (
      await inject({ method: 'GET', url: '/api/v1/customers?q=guaneta', headers: agent.headers })
    ).json();
    expect(organisation.items.map((c: { name: string }) => c.name)).toContain('Viajes Guanentá');
  });

  it('importing the same file again changes nothing', async () => {
    const job = await runImport(CSV);
    expect(job).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 5 });
  });

  it('rows update by external id, or by e-mail when the file has no ids', async () => {
    const byId = await runImport('Código,Nombre\nC-2,María Pérez Gómez\n');
    expect(byId).toMatchObject({ inserted: 0, updated: 1 });
    const byEmail = await runImport('Nombre,Correo,Idioma\nAna Díaz,ana@example.com,inglés\n');
    expect(byEmail).toMatchObject({ inserted: 0, updated: 1 });
    const ana = (
      await inject({ method: 'GET', url: '/api/v1/customers?q=ana%40example.com', headers: agent.headers })
    ).json();
    expect(ana.items[0].name).toBe('Ana Díaz');
  });

  it('a file in Latin-1 is refused with a clear message, and nothing is written', async () => {
    const before = (
      await inject({ method: 'GET', url: '/api/v1/customer-imports', headers: agent.headers })
    ).json().items.length;
    const res = await upload(Buffer.from('Nombre,Correo\nJosé Núñez,jn@example.com\n', 'latin1'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('customers.import_bad_encoding');
    expect(res.json().error.message).toMatch(/line 2.*0xE9.*Latin-1/);
    const after = (
      await inject({ method: 'GET', url: '/api/v1/customer-imports', headers: agent.headers })
    ).json().items.length;
    expect(after).toBe(before);
    expect(
      (
        await inject({ method: 'GET', url: '/api/v1/customers?q=N%C3%BA%C3%B1ez', headers: agent.headers })
      ).json().items,
    ).toEqual([]);
  });

  it('a mapping to an unknown field or without a name is refused before anything is read', async () => {
    const job = (await upload('Nombre,Color\nA,rojo\n')).json() as Job;
    const res = await inject({
      method: 'POST',
      url: `/api/v1/customer-imports/${job.id}/start`,
      headers: agent.headers,
      payload: { mapping: { Nombre: 'ignore', Color: 'field:color' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { message: string }) => d.message)).toEqual([
      'unknown custom field "color"',
      'one column must map to "name"',
    ]);
    expect(
      (
        await inject({ method: 'GET', url: `/api/v1/customer-imports/${job.id}`, headers: agent.headers })
      ).json().status,
    ).toBe('uploaded');
  });

  it('an unclosed quote is reported and stops reading, keeping the rows before it', async () => {
    const job = await runImport(
      'Nombre,Correo\nBien,bien@example.com\n"Mal,mal@example.com\nOtra,otra@example.com\n',
    );
    expect(job.inserted).toBe(1);
    expect(job.rejections).toEqual([{ line: expect.any(Number), reason: 'a quoted value is never closed' }]);
  });

  it('an empty upload or a body that is not CSV is refused', async () => {
    expect((await upload('')).statusCode).toBe(400);
    const json = await inject({
      method: 'POST',
      url: '/api/v1/customer-imports',
      headers: agent.headers,
      payload: { a: 1 },
    });
    expect(json.statusCode).toBe(415);
  });

  it('progress is published on the import’s realtime topic', async () => {
    const job = await runImport('Nombre\nUno\nDos\n');
    const { queryRows } = await import('../../src/platform/db/connect.ts');
    const { sql } = await import('drizzle-orm');
    const events = await queryRows<{ type: string; topics: string[] }>(
      app.database.db,
      sql`select type, topics from events where subject_id = ${job.id} order by id`,
    );
    expect(events.map((e) => e.type)).toEqual(['customer.import_progress', 'customer.import_finished']);
    expect(events[0]!.topics).toContain(`customer:import-${job.id}`);
  });
});
