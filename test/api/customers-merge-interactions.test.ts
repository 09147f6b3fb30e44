/** A merge carries the interactions module's rows to the survivor, in the same transaction as its own. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/connect.ts';
import { AppError } from '../../src/platform/errors.ts';
import { createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const inject = app.app.inject.bind(app.app);

type Json = Record<string, unknown> & { id: string };
const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await inject({
    method,
    url: `/api/v1${url}`,
    headers: admin.headers,
    ...(payload ? { payload } : {}),
  });
  return {
    status: res.statusCode,
    body: (res.body ? res.json() : {}) as Json & { items: Json[]; error: Json },
  };
};
const create = async (payload: object) => (await call('POST', '/customers', payload)).body;
const contact = async (customerId: string, channel: string, subject: string) => {
  const res = await call('POST', '/interactions', { channel, direction: 'inbound', customerId, subject });
  expect(res.status).toBe(201);
  return res.body;
};
const interactionsOf = async (customerId: string) =>
  (await call('GET', `/interactions?customerId=${customerId}&limit=100`)).body.items.map((i) => i.subject);

// A module that refuses one particular merge, to prove that a failing hook undoes everything.
let refuse: string | null = null;
app.services.customers.onMerge({
  name: 'refusing',
  move: async (_tx, merge) => {
    if (merge.sourceId === refuse) throw new AppError('test.refused', 409, 'This merge is refused');
    return 0;
  },
});

describe('merging customers with interactions', () => {
  it('moves every interaction of the source to the survivor and counts them in the merge', async () => {
    const keep = await create({ name: 'Lucía Prada', email: 'lucia.prada@example.co' });
    const drop = await create({ name: 'Lucia Prada', phone: '3157778899' });
    await contact(keep.id, 'email', 'Factura de marzo');
    await contact(drop.id, 'chat', 'Reserva en Barichara');
    await contact(drop.id, 'whatsapp', 'Cambio de fecha');

    const merged = await call('POST', `/customers/${keep.id}/merge`, { sourceId: drop.id });
    expect(merged.status).toBe(200);
    expect((await interactionsOf(keep.id)).sort()).toEqual([
      'Cambio de fecha',
      'Factura de marzo',
      'Reserva en Barichara',
    ]);
    expect(await interactionsOf(drop.id)).toEqual([]);
    const [event] = await queryRows<{ payload: { moved: Record<string, number> } }>(
      app.database.db,
      sql`select payload from events where type = 'customer.merged' and subject_id = ${keep.id}`,
    );
    expect(event?.payload.moved).toMatchObject({ interactions: 2, identities: 1 });
  });

  it('a module that fails during the merge rolls back the whole merge', async () => {
    const keep = await create({ name: 'Andrés Quintero', email: 'andres.q@example.co' });
    const drop = await create({ name: 'Andres Quintero', phone: '3001112233' });
    await call('POST', `/customers/${drop.id}/notes`, { body: 'Prefiere llamadas en la tarde' });
    await contact(drop.id, 'voice', 'Consulta de saldo');
    refuse = drop.id;

    const failed = await call('POST', `/customers/${keep.id}/merge`, { sourceId: drop.id });
    expect(failed.status).toBe(409);
    expect(failed.body.error.code).toBe('test.refused');

    const source = await call('GET', `/customers/${drop.id}`);
    expect(source.status).toBe(200);
    expect((source.body.identities as Json[]).map((i) => i.value)).toEqual(['+573001112233']);
    expect(await interactionsOf(drop.id)).toEqual(['Consulta de saldo']);
    const notes = (await call('GET', `/customers/${drop.id}/timeline?kind=note`)).body.items;
    expect(notes.map((n) => n.summary)).toEqual(['Prefiere llamadas en la tarde']);
    const survivor = (await call('GET', `/customers/${keep.id}`)).body;
    expect((survivor.identities as Json[]).map((i) => i.value)).toEqual(['andres.q@example.co']);
    const events = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from events where type = 'customer.merged' and subject_id = ${keep.id}`,
    );
    expect(events[0]?.n).toBe(0);

    refuse = null;
    expect((await call('POST', `/customers/${keep.id}/merge`, { sourceId: drop.id })).status).toBe(200);
    expect(await interactionsOf(keep.id)).toEqual(['Consulta de saldo']);
  });
});
