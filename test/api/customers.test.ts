/** Customers over HTTP: creating, reading, changing, identities, consent, custom fields and bad input. */
import { describe, expect, it } from 'vitest';
import { createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const agent = await login(app, ws.email('agent'));
const admin = await login(app, ws.email('admin'));
const inject = app.app.inject.bind(app.app);

const post = (url: string, payload: object, session = agent) =>
  inject({ method: 'POST', url: `/api/v1${url}`, headers: session.headers, payload });
const get = (url: string, session = agent) =>
  inject({ method: 'GET', url: `/api/v1${url}`, headers: session.headers });
const patch = (url: string, payload: object, session = agent) =>
  inject({ method: 'PATCH', url: `/api/v1${url}`, headers: session.headers, payload });

await post(
  '/customer-fields',
  { key: 'segmento', label: 'Segmento', type: 'choice', options: ['hotel', 'agencia'] },
  admin,
);
await post('/customer-fields', { key: 'noches', label: 'Noches', type: 'number' }, admin);

describe('creating and reading customers', () => {
  it('creates a person with a normalised e-mail and an E.164 phone in the workspace’s country', async () => {
    const res = await post('/customers', {
      name: 'José Rodríguez',
      email: ' Jose.Rodriguez@Gmail.com ',
      phone: '300 123 4567',
      tags: ['frecuente'],
      customFields: { segmento: 'hotel', noches: 3 },
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      kind: 'person',
      name: 'José Rodríguez',
      tier: 'standard',
      tags: ['frecuente'],
    });
    expect(c.identities.map((i: { kind: string; value: string }) => [i.kind, i.value])).toEqual([
      ['email', 'jose.rodriguez@gmail.com'],
      ['phone', '+573001234567'],
    ]);
    expect(c.customFields).toEqual({ segmento: 'hotel', noches: 3 });
    expect((await get(`/customers/${c.id}`)).json().name).toBe('José Rodríguez');
  });

  it('finds the customer behind an identity, whatever way the number is written', async () => {
    const res = await get('/customers/lookup?kind=phone&value=%2B57%20300%20123%204567');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'José Rodríguez', tier: 'standard', doNotContact: [] });
    expect((await get('/customers/lookup?kind=email&value=nadie@example.com')).statusCode).toBe(404);
  });

  it('an organisation has members, and the person shows the organisations they belong to', async () => {
    const org = (await post('/customers', { kind: 'organisation', name: 'Hotel Chicamocha' })).json();
    const person = (await post('/customers', { name: 'Ana Pérez', organisationIds: [org.id] })).json();
    expect(person.organisations).toEqual([{ id: org.id, name: 'Hotel Chicamocha', role: null }]);
    expect((await get(`/customers/${org.id}`)).json().memberCount).toBe(1);
    const members = (await get(`/customers?organisationId=${org.id}`)).json();
    expect(members.items.map((m: { name: string }) => m.name)).toEqual(['Ana Pérez']);
  });

  it('changes a profile and merges custom fields, null removing one', async () => {
    const c = (
      await post('/customers', { name: 'Luis Díaz', customFields: { segmento: 'agencia', noches: 2 } })
    ).json();
    const res = await patch(`/customers/${c.id}`, {
      name: 'Luis Díaz Prada',
      language: 'en',
      customFields: { noches: null },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Luis Díaz Prada',
      language: 'en',
      customFields: { segmento: 'agencia' },
    });
  });

  it('states consent per channel with its date and source, and the summary lists do-not-contact channels', async () => {
    const c = (await post('/customers', { name: 'Marta Ruiz', phone: '3157654321' })).json();
    const res = await inject({
      method: 'PUT',
      url: `/api/v1/customers/${c.id}/consents`,
      headers: agent.headers,
      payload: { channel: 'whatsapp', marketingOptIn: false, doNotContact: true, source: 'llamada' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().consents.whatsapp).toMatchObject({
      doNotContact: true,
      source: 'llamada',
      at: expect.any(String),
    });
    const summary = await app.services.customers.getCustomerSummary(ws.id, c.id);
    expect(summary.doNotContact).toEqual(['whatsapp']);
    const timeline = (await get(`/customers/${c.id}/timeline?kind=consent`)).json();
    expect(timeline.items[0]).toMatchObject({ kind: 'consent', channel: 'whatsapp' });
  });

  it('adds and removes identities, each leaving a timeline entry', async () => {
    const c = (await post('/customers', { name: 'Pedro Gómez' })).json();
    const added = await post(`/customers/${c.id}/identities`, { kind: 'telegram', value: '@PedroG_Viajes' });
    expect(added.statusCode).toBe(201);
    const identity = added.json().identities[0];
    expect(identity).toMatchObject({ kind: 'telegram', value: '@pedrog_viajes' });
    const removed = await inject({
      method: 'DELETE',
      url: `/api/v1/customer-identities/${identity.id}`,
      headers: agent.headers,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().identities).toEqual([]);
    const kinds = (await get(`/customers/${c.id}/timeline?kind=identity`))
      .json()
      .items.map((e: { payload: { action: string } }) => e.payload.action);
    expect(kinds).toEqual(['removed', 'added']);
  });
});

describe('bad input is a clear 4xx and writes nothing', () => {
  it('an invalid e-mail and an invalid phone are both reported, by field', async () => {
    const res = await post('/customers', { name: 'Bad Data', email: 'not-an-email', phone: '12' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    expect(res.json().error.details).toEqual(
      expect.arrayContaining([
        { path: '/email', message: expect.stringContaining('e-mail') },
        { path: '/phone', message: expect.stringContaining('phone') },
      ]),
    );
    expect((await get('/customers?q=Bad%20Data')).json().items).toEqual([]);
  });

  it('an identity that belongs to another customer is a 409 naming the field and the holder', async () => {
    const first = (await post('/customers', { name: 'Primera', email: 'compartido@example.com' })).json();
    const res = await post('/customers', { name: 'Segunda', email: 'COMPARTIDO@example.com' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'customers.identity_taken',
      details: [{ path: '/email', customerId: first.id }],
    });
    expect((await get('/customers?q=Segunda')).json().items).toEqual([]);
  });

  it('an unknown custom field, or a value of the wrong type, is refused', async () => {
    const res = await post('/customers', { name: 'Campos', customFields: { color: 'rojo', noches: 'tres' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(
      expect.arrayContaining([
        { path: '/customFields/color', message: 'unknown custom field "color"' },
        { path: '/customFields/noches', message: 'must be a number' },
      ]),
    );
  });

  it('a choice outside its options, an unknown time zone and an unknown owner are refused', async () => {
    const res = await post('/customers', {
      name: 'Opciones',
      timeZone: 'Mars/Olympus',
      ownerId: '01900000-0000-7000-8000-000000000000',
      customFields: { segmento: 'crucero' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['/customFields/segmento', '/ownerId', '/timeZone']);
  });

  it('an external id already in use is a 409', async () => {
    await post('/customers', { name: 'Externo', externalId: 'EXT-1' });
    const res = await post('/customers', { name: 'Otro', externalId: 'EXT-1' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('customers.external_id_taken');
  });

  it('an unknown property, and a customer of nobody, answer 400 and 404', async () => {
    expect((await post('/customers', { name: 'X', colour: 'red' })).statusCode).toBe(400);
    expect((await get('/customers/01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await get('/customers/not-a-uuid')).statusCode).toBe(400);
  });

  it('a technician may read customers but not change them', async () => {
    const technician = await login(app, ws.email('technician'));
    expect((await get('/customers', technician)).statusCode).toBe(200);
    expect((await post('/customers', { name: 'Nope' }, technician)).statusCode).toBe(403);
  });
});

describe('find or create by identity, as channel adapters call it', () => {
  it('creates once and finds afterwards, even when two first contacts race', async () => {
    const [one, two] = await Promise.all([
      app.services.customers.findOrCreateByIdentity(
        ws.id,
        { kind: 'whatsapp', value: '+57 318 555 1234' },
        { name: 'Carla' },
      ),
      app.services.customers.findOrCreateByIdentity(
        ws.id,
        { kind: 'whatsapp', value: '3185551234' },
        { name: 'Carla' },
      ),
    ]);
    expect(one.customer.id).toBe(two.customer.id);
    expect([one.created, two.created].filter(Boolean)).toHaveLength(1);
    const again = await app.services.customers.findOrCreateByIdentity(ws.id, {
      kind: 'whatsapp',
      value: '318-555-1234',
    });
    expect(again).toMatchObject({ created: false, customer: { id: one.customer.id, name: 'Carla' } });
  });
});
