/** Customer search: typo-tolerant names, stems and accents, identities, companies, filters and paging. */
import { describe, expect, it } from 'vitest';
import { createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const agent = await login(app, ws.email('agent'));
const admin = await login(app, ws.email('admin'));
const inject = app.app.inject.bind(app.app);

const create = async (payload: object, session = agent) => {
  const res = await inject({ method: 'POST', url: '/api/v1/customers', headers: session.headers, payload });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; name: string };
};
const search = async (query: string) => {
  const res = await inject({ method: 'GET', url: `/api/v1/customers?${query}`, headers: agent.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; name: string; email: string | null; organisations: string[] }[];
    nextCursor: string | null;
  };
};
const names = async (q: string) => (await search(`q=${encodeURIComponent(q)}`)).items.map((i) => i.name);

await inject({
  method: 'POST',
  url: '/api/v1/customer-fields',
  headers: admin.headers,
  payload: { key: 'segmento', label: 'Segmento', type: 'choice', options: ['hotel', 'aventura'] },
});
const hotel = await create({ kind: 'organisation', name: 'Hotel Chicamocha Bucaramanga', tags: ['hotel'] });
const jose = await create({
  name: 'José Rodríguez',
  email: 'jose.rodriguez@gmail.com',
  phone: '300 123 4567',
  organisationIds: [hotel.id],
  customFields: { segmento: 'aventura' },
});
await create({ name: 'María José Pérez', email: 'mjperez@hotmail.com' });
await create({ kind: 'organisation', name: 'Agencia de Viajes Santander' });
await create({ name: 'Jorge Rodrigo Díaz' });
for (const name of ['Laura Gómez', 'Camilo Ardila', 'Sergio Pinzón', 'Adriana Rueda', 'Luisa Mantilla'])
  await create({ name });

describe('typo-tolerant search', () => {
  it('"Jose Rodriges" finds José Rodríguez first', async () => {
    expect((await names('Jose Rodriges'))[0]).toBe('José Rodríguez');
  });

  it('misspelt, reordered or shouting, names are found', async () => {
    expect(await names('rodrigez')).toContain('José Rodríguez');
    expect((await names('Rodrigues Jose'))[0]).toBe('José Rodríguez');
    expect((await names('Perez Maria'))[0]).toBe('María José Pérez');
    expect(await names('JOSÉ')).toEqual(expect.arrayContaining(['José Rodríguez', 'María José Pérez']));
    expect((await names('Lura Gomez'))[0]).toBe('Laura Gómez');
  });

  it('Spanish and English stems match: "hoteles" finds a hotel, "viaje" an agency of travels', async () => {
    expect(await names('hoteles')).toContain('Hotel Chicamocha Bucaramanga');
    expect(await names('viaje')).toContain('Agencia de Viajes Santander');
  });

  it('stems are matched at query time through the dictionary, accents folded', async () => {
    // A workspace of its own, so the other tests' counts stay as they are.
    const other = await createWorkspace(app);
    const otherAgent = await login(app, other.email('agent'));
    for (const name of ['Centro de Pago Fácil', 'Transportadora Ibérica', 'Acme Company'])
      await create({ kind: 'organisation', name }, otherAgent);
    const found = async (q: string) => {
      const res = await inject({
        method: 'GET',
        url: `/api/v1/customers?q=${encodeURIComponent(q)}`,
        headers: otherAgent.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { name: string }[] }).items.map((i) => i.name);
    };
    // A Spanish plural of a singular name.
    expect(await found('pagos')).toEqual(['Centro de Pago Fácil']);
    // Only the Spanish stems meet ("transport"): the words are far more than two edits apart.
    expect(await found('transportes')).toEqual(['Transportadora Ibérica']);
    expect(await found('TRANSPÓRTES IBÉRICOS')).toEqual(['Transportadora Ibérica']);
    // Only the English stems meet ("compani"): an English plural, three edits away.
    expect(await found('companies')).toEqual(['Acme Company']);
    // Every word must still match, by its stem or give or take a typo.
    expect(await found('transportes companies')).toEqual([]);
  });

  it('a company finds the organisation and the people who belong to it', async () => {
    expect(await names('chicamocha')).toEqual(
      expect.arrayContaining(['Hotel Chicamocha Bucaramanga', 'José Rodríguez']),
    );
  });

  it('an e-mail or a phone written any way finds its customer first', async () => {
    expect((await names('JOSE.RODRIGUEZ@gmail.com'))[0]).toBe('José Rodríguez');
    expect((await names('+57 300 123 4567'))[0]).toBe('José Rodríguez');
    expect((await names('3001234567'))[0]).toBe('José Rodríguez');
    expect((await names('mjperez'))[0]).toBe('María José Pérez');
  });

  it('nonsense finds nothing', async () => {
    expect(await names('zzxxqqww')).toEqual([]);
  });

  it('list items carry the first e-mail and the organisations', async () => {
    const [first] = (await search('q=jose%20rodriguez')).items;
    expect(first).toMatchObject({
      id: jose.id,
      email: 'jose.rodriguez@gmail.com',
      organisations: ['Hotel Chicamocha Bucaramanga'],
    });
  });
});

describe('filters and paging', () => {
  it('filters by kind, tag and custom field', async () => {
    expect((await search('kind=organisation')).items.map((i) => i.name)).toEqual([
      'Agencia de Viajes Santander',
      'Hotel Chicamocha Bucaramanga',
    ]);
    expect((await search('tag=hotel')).items.map((i) => i.id)).toEqual([hotel.id]);
    expect((await search('field=segmento%3Daventura')).items.map((i) => i.id)).toEqual([jose.id]);
    const res = await inject({
      method: 'GET',
      url: '/api/v1/customers?field=color%3Drojo',
      headers: agent.headers,
    });
    expect(res.statusCode).toBe(400);
  });

  it('pages through the list by name without repeating or skipping anyone', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect([...seen].sort()).toEqual(seen);
  });

  it('pages through search results by relevance', async () => {
    const all = await names('jo');
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(`q=jo&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items.map((i) => i.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('a forged cursor is a 400', async () => {
    const res = await inject({ method: 'GET', url: '/api/v1/customers?cursor=%%%', headers: agent.headers });
    expect(res.statusCode).toBe(400);
  });
});
