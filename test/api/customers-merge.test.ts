/** Timeline paging and filters, duplicate candidates, and merging that loses nothing. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordTimelineEntry } from '../../src/modules/customers/index.ts';
import { queryRows } from '../../src/platform/db/connect.ts';
import { createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const other = await createWorkspace(app);
const agent = await login(app, ws.email('agent'));
const otherAgent = await login(app, other.email('agent'));
const inject = app.app.inject.bind(app.app);

type Json = Record<string, unknown> & { id: string };
const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, session = agent) => {
  const res = await inject({
    method,
    url: `/api/v1${url}`,
    headers: session.headers,
    ...(payload ? { payload } : {}),
  });
  return {
    status: res.statusCode,
    body: (res.body ? res.json() : {}) as Json & { items: Json[]; nextCursor: string | null; error: Json },
  };
};
const create = async (payload: object, session = agent) =>
  (await call('POST', '/customers', payload, session)).body;

describe('the timeline', async () => {
  const customer = await create({ name: 'Timeline Person' });
  const base = Date.parse('2026-01-01T12:00:00Z');
  // Thirty entries from "other modules", several sharing a timestamp, on two channels.
  await app.services.uow.run(async (tx) => {
    for (let i = 0; i < 30; i++) {
      await recordTimelineEntry(tx, {
        workspaceId: ws.id,
        customerId: customer.id,
        at: new Date(base + Math.floor(i / 3) * 60_000),
        kind: 'interaction',
        channel: i % 2 ? 'chat' : 'email',
        refId: `interaction-${i}`,
        summary: `contact ${i}`,
      });
    }
  });

  it('pages newest first without repeating or skipping entries that share a time', async () => {
    const all = (await call('GET', `/customers/${customer.id}/timeline?limit=200`)).body.items;
    expect(all.filter((e) => e.kind === 'interaction')).toHaveLength(30);
    const paged: Json[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Json[]; nextCursor: string | null } = (
        await call('GET', `/customers/${customer.id}/timeline?limit=7${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const times = paged.map((e) => Date.parse(e.at as string));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('filters by channel and by kind', async () => {
    const chats = (await call('GET', `/customers/${customer.id}/timeline?channel=chat&limit=200`)).body.items;
    expect(chats).toHaveLength(15);
    expect(chats.every((e) => e.channel === 'chat')).toBe(true);
    const both = (
      await call('GET', `/customers/${customer.id}/timeline?kind=interaction&kind=note&limit=200`)
    ).body.items;
    expect(both).toHaveLength(30);
  });

  it('an entry recorded again with the same ref replaces the first', async () => {
    await app.services.uow.run((tx) =>
      recordTimelineEntry(tx, {
        workspaceId: ws.id,
        customerId: customer.id,
        at: new Date(base),
        kind: 'interaction',
        channel: 'email',
        refId: 'interaction-0',
        summary: 'contact 0, answered',
      }),
    );
    const items = (await call('GET', `/customers/${customer.id}/timeline?channel=email&limit=200`)).body
      .items;
    expect(items).toHaveLength(15);
    expect(items.map((e) => e.summary)).toContain('contact 0, answered');
  });

  it('notes are added by people and appear first', async () => {
    const note = await call('POST', `/customers/${customer.id}/notes`, {
      body: 'Prefiere llamadas en la tarde.\nSegunda línea',
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      kind: 'note',
      summary: 'Prefiere llamadas en la tarde.',
      actorId: agent.userId,
    });
    expect((await call('GET', `/customers/${customer.id}/timeline?limit=1`)).body.items[0]!.id).toBe(
      note.body.id,
    );
  });

  it('another workspace cannot read it', async () => {
    expect((await call('GET', `/customers/${customer.id}/timeline`, undefined, otherAgent)).status).toBe(404);
  });
});

describe('duplicates and merging', async () => {
  const keep = await create({
    name: 'Sofía Martínez',
    email: 'sofia.martinez@gmail.com',
    tags: ['frecuente'],
    externalId: 'CLI-1',
  });
  const drop = await create({
    name: 'Sofia Martinez',
    email: 'sofiamartinez+viajes@gmail.com',
    phone: '3124567890',
    tags: ['aventura'],
    language: 'en',
    customerSince: '2020-05-01',
  });
  const organisation = await create({ kind: 'organisation', name: 'Viajes Guanentá' });
  await call('PUT', `/customers/${drop.id}/organisations`, {
    items: [{ organisationId: organisation.id, role: 'Compras' }],
  });
  await call('POST', `/customers/${drop.id}/notes`, { body: 'Nota del duplicado' });
  await call('POST', `/customers/${keep.id}/notes`, { body: 'Nota del original' });
  await call('POST', `/customers/${drop.id}/purchases`, {
    at: new Date().toISOString(),
    amount: 2_500_000,
    currency: 'COP',
    refId: 'ORD-9',
  });

  it('lists the pair as a candidate, by e-mail and by name', async () => {
    const pairs = (await call('GET', '/customer-duplicates')).body.items;
    const pair = pairs.find(
      (p) => [(p.a as Json).id, (p.b as Json).id].sort().join() === [keep.id, drop.id].sort().join(),
    );
    expect(pair).toMatchObject({ reason: 'email' });
    expect((await call('GET', `/customers/${keep.id}/duplicates`)).body.items).toHaveLength(1);
  });

  it('refuses to merge a customer into itself, a person into an organisation, or another workspace’s customer', async () => {
    expect((await call('POST', `/customers/${keep.id}/merge`, { sourceId: keep.id })).body.error.code).toBe(
      'customers.merge_self',
    );
    expect((await call('POST', `/customers/${keep.id}/merge`, { sourceId: organisation.id })).status).toBe(
      400,
    );
    const stranger = await create({ name: 'Sofía Martínez' }, otherAgent);
    const across = await call('POST', `/customers/${keep.id}/merge`, { sourceId: stranger.id });
    expect(across.status).toBe(404);
    const reverse = await call('POST', `/customers/${stranger.id}/merge`, { sourceId: keep.id }, otherAgent);
    expect(reverse.status).toBe(404);
    expect((await call('GET', `/customers/${stranger.id}`, undefined, otherAgent)).body.name).toBe(
      'Sofía Martínez',
    );
  });

  it('merging loses nothing: identities, notes, purchases, memberships, tags and fields all reach the survivor', async () => {
    const merged = await call('POST', `/customers/${keep.id}/merge`, { sourceId: drop.id });
    expect(merged.status).toBe(200);
    const survivor = merged.body as unknown as Json & {
      identities: Json[];
      organisations: Json[];
      tags: string[];
    };
    expect(survivor.identities.map((i) => i.value).sort()).toEqual([
      '+573124567890',
      'sofia.martinez@gmail.com',
      'sofiamartinez+viajes@gmail.com',
    ]);
    expect(survivor.organisations).toEqual([
      { id: organisation.id, name: 'Viajes Guanentá', role: 'Compras' },
    ]);
    expect(survivor).toMatchObject({
      name: 'Sofía Martínez',
      externalId: 'CLI-1',
      language: 'en',
      tags: ['frecuente', 'aventura'],
    });
    expect(survivor.customerSince).toBe('2020-05-01T00:00:00.000Z');
    expect(survivor.score as number).toBeGreaterThan(0);

    const timeline = (await call('GET', `/customers/${keep.id}/timeline?limit=200`)).body.items;
    const notes = timeline.filter((e) => e.kind === 'note').map((e) => e.summary);
    expect(notes.sort()).toEqual(['Nota del duplicado', 'Nota del original']);
    expect(timeline.some((e) => e.kind === 'purchase')).toBe(true);
    expect(timeline[0]).toMatchObject({
      kind: 'merge',
      actorId: agent.userId,
      payload: { sourceId: drop.id },
    });
  });

  it('the merged record answers 410 with its survivor, and every way to it leads to the survivor', async () => {
    const gone = await call('GET', `/customers/${drop.id}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error).toMatchObject({ code: 'customers.merged', details: { mergedInto: keep.id } });
    expect((await call('GET', '/customers/lookup?kind=phone&value=3124567890')).body.id).toBe(keep.id);
    expect((await app.services.customers.getCustomerSummary(ws.id, drop.id)).id).toBe(keep.id);
    const found = (await call('GET', '/customers?q=Sofia%20Martinez')).body.items.map((i) => i.id);
    expect(found).toContain(keep.id);
    expect(found).not.toContain(drop.id);
    expect(
      (await call('GET', '/customer-duplicates')).body.items.some((p) =>
        [(p.a as Json).id, (p.b as Json).id].includes(drop.id),
      ),
    ).toBe(false);
  });

  it('an entry recorded later for the merged id lands on the survivor', async () => {
    await app.services.uow.run((tx) =>
      recordTimelineEntry(tx, {
        workspaceId: ws.id,
        customerId: drop.id,
        at: new Date(),
        kind: 'interaction',
        channel: 'voice',
        summary: 'late call',
      }),
    );
    const items = (await call('GET', `/customers/${keep.id}/timeline?channel=voice`)).body.items;
    expect(items.map((e) => e.summary)).toEqual(['late call']);
  });

  it('the merge is in the event log with who did it, on both customers’ topics', async () => {
    const rows = await queryRows<{ actor_id: string; topics: string[]; payload: { sourceId: string } }>(
      app.database.db,
      sql`select actor_id, topics, payload from events where type = 'customer.merged' and subject_id = ${keep.id}`,
    );
    expect(rows).toEqual([
      {
        actor_id: agent.userId,
        topics: ['workspace', `customer:${keep.id}`, `customer:${drop.id}`],
        payload: expect.objectContaining({
          sourceId: drop.id,
          moved: expect.objectContaining({ identities: 2 }),
        }),
      },
    ]);
  });

  it('a dismissed pair is not proposed again', async () => {
    const a = await create({ name: 'Gabriel Ortiz' });
    const b = await create({ name: 'Gabriel Ortiz' });
    const pair = (await call('GET', `/customers/${a.id}/duplicates`)).body.items[0]!;
    expect([(pair.a as Json).id, (pair.b as Json).id].sort()).toEqual([a.id, b.id].sort());
    expect((await call('POST', `/customer-duplicates/${pair.id}/dismiss`)).status).toBe(204);
    await call('POST', `/customers/${b.id}/identities`, { kind: 'webchat', value: 'visitor-123456' });
    expect((await call('GET', `/customers/${a.id}/duplicates`)).body.items).toEqual([]);
    expect((await call('POST', `/customer-duplicates/${pair.id}/dismiss`)).status).toBe(404);
  });
});
