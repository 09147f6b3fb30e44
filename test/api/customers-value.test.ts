/** Customer value (score, tiers, the nightly batch, the rule) and privacy (export, erasure, audit). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VALUE_RULE } from '../../src/modules/customers/index.ts';
import { createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const agent = await login(app, ws.email('agent'));
const admin = await login(app, ws.email('admin'));
const inject = app.app.inject.bind(app.app);

type Json = Record<string, unknown> & { id: string };
const call = async (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: object,
  session = agent,
) => {
  const res = await inject({
    method,
    url: `/api/v1${url}`,
    headers: session.headers,
    ...(payload ? { payload } : {}),
  });
  return {
    status: res.statusCode,
    body: (res.body ? res.json() : {}) as Json & { items: Json[]; error: Json },
  };
};
const create = async (payload: object) => (await call('POST', '/customers', payload)).body;
const buy = (id: string, amount: number, daysAgo = 1, refId?: string) =>
  call('POST', `/customers/${id}/purchases`, {
    at: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
    amount,
    currency: 'COP',
    ...(refId ? { refId } : {}),
  });

describe('customer value', async () => {
  const customers: Json[] = [];
  for (let i = 1; i <= 60; i++)
    customers.push(await create({ name: `Cliente ${String(i).padStart(2, '0')}` }));
  for (const [i, c] of customers.entries()) if (i >= 10) await buy(c.id, (i + 1) * 200_000);

  it('a purchase raises the score and leaves a timeline entry; a known ref is refused', async () => {
    const c = await create({ name: 'Comprador' });
    expect(c.score).toBeGreaterThanOrEqual(0);
    expect((await buy(c.id, 3_000_000, 2, 'ORD-1')).status).toBe(201);
    const after = (await call('GET', `/customers/${c.id}`)).body;
    expect(after.score as number).toBeGreaterThan(c.score as number);
    const entry = (await call('GET', `/customers/${c.id}/timeline?kind=purchase`)).body.items[0];
    expect(entry).toMatchObject({ kind: 'purchase', payload: { amount: 3_000_000, currency: 'COP' } });
    expect((await buy(c.id, 3_000_000, 2, 'ORD-1')).status).toBe(409);
  });

  it('open debt lowers the score at once', async () => {
    const c = customers[59]!;
    const before = (await call('GET', `/customers/${c.id}`)).body.score as number;
    const after = (await call('PATCH', `/customers/${c.id}`, { openDebt: 5_000_000 })).body.score as number;
    expect(after).toBeLessThan(before);
    await call('PATCH', `/customers/${c.id}`, { openDebt: 0 });
  });

  it('the nightly batch gives the top 3 % platinum, then gold and silver, by the distribution', async () => {
    const result = await call('POST', '/customer-value-rule/recompute', undefined, admin);
    expect(result.status).toBe(200);
    expect(result.body.customers).toBeGreaterThanOrEqual(61);
    const view = (await call('GET', '/customer-value-rule')).body as unknown as Json & {
      distribution: { tier: string; count: number }[];
    };
    const count = (tier: string) => view.distribution.find((d) => d.tier === tier)?.count ?? 0;
    expect(count('platinum')).toBeGreaterThanOrEqual(1);
    expect(count('platinum')).toBeLessThanOrEqual(3);
    expect(count('platinum') + count('gold')).toBeLessThanOrEqual(8);
    const top = (await call('GET', '/customers?tier=platinum')).body.items.map((i) => i.name);
    expect(top).toContain('Cliente 60');
    const summary = await app.services.customers.getCustomerSummary(ws.id, customers[59]!.id);
    expect(summary).toMatchObject({ tier: 'platinum', score: expect.any(Number) });
  });

  it('the batch for every workspace is one call, for the scheduler', async () => {
    const results = await app.services.customers.recomputeValuesNightly();
    const result = (await call('POST', '/customer-value-rule/recompute', undefined, admin)).body;
    expect(results.find((r) => r.workspaceId === ws.id)).toMatchObject({
      customers: result.customers,
      tiersChanged: 0,
    });
  });

  it('the rule can be changed; a rule that makes no sense is refused field by field', async () => {
    const bad = await call(
      'PUT',
      '/customer-value-rule',
      {
        ...DEFAULT_VALUE_RULE,
        tiers: [
          { key: 'gold', topPercent: 10, minScore: 0 },
          { key: 'platinum', topPercent: 3, minScore: 0 },
        ],
      },
      admin,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      { path: '/tiers/1/topPercent', message: 'must be larger than the tier above' },
    ]);
    const flat = { ...DEFAULT_VALUE_RULE, tiers: [{ key: 'vip', topPercent: 50, minScore: 1 }] };
    const ok = await call('PUT', '/customer-value-rule', flat, admin);
    expect(ok.status).toBe(200);
    const view = (await call('GET', '/customer-value-rule')).body as unknown as Json & {
      distribution: { tier: string }[];
    };
    expect(view.distribution.map((d) => d.tier).sort()).toEqual(['standard', 'vip']);
    expect((await call('PUT', '/customer-value-rule', flat)).status).toBe(403);
  });
});

describe('privacy', async () => {
  const person = await create({
    name: 'Valentina Suárez',
    email: 'vale@example.com',
    phone: '3201112233',
    tags: ['vip'],
  });
  await call('POST', `/customers/${person.id}/notes`, { body: 'Su hija se llama Sara.' });
  await buy(person.id, 1_200_000);

  it('exports everything held about a customer as JSON, and audits it', async () => {
    const res = await call('GET', `/customers/${person.id}/export`);
    expect(res.status).toBe(200);
    const body = res.body as unknown as Json & {
      customer: Json & { identities: Json[] };
      timeline: Json[];
      purchases: Json[];
    };
    expect(body.customer.name).toBe('Valentina Suárez');
    expect(body.customer.identities).toHaveLength(2);
    expect(
      body.timeline.some((e) => (e.payload as { body?: string }).body === 'Su hija se llama Sara.'),
    ).toBe(true);
    expect(body.purchases).toHaveLength(1);
    const audit = (await call('GET', '/audit', undefined, admin)).body.items;
    expect(audit[0]).toMatchObject({ type: 'security.customer_exported', actorEmail: ws.email('agent') });
  });

  it('only administrators erase', async () => {
    expect((await call('POST', `/customers/${person.id}/erase`)).status).toBe(403);
  });

  it('erasing anonymises the customer but keeps purchases, tier and the shape of the timeline', async () => {
    const before = (await call('GET', `/customers/${person.id}`)).body;
    const res = await call('POST', `/customers/${person.id}/erase`, undefined, admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'erased',
      identities: [],
      tags: [],
      externalId: null,
      erasedAt: expect.any(String),
    });
    expect(res.body.tier).toBe(before.tier);
    const timeline = (await call('GET', `/customers/${person.id}/timeline?limit=200`)).body.items;
    expect(timeline.length).toBeGreaterThan(1);
    expect(timeline.every((e) => e.summary === '' && Object.keys(e.payload as object).length === 0)).toBe(
      true,
    );
    expect((await call('GET', '/customers/lookup?kind=email&value=vale@example.com')).status).toBe(404);
    expect((await call('GET', '/customers?q=Valentina')).body.items).toEqual([]);
    const exported = (await call('GET', `/customers/${person.id}/export`)).body as unknown as Json & {
      purchases: Json[];
    };
    expect(exported.purchases).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toContain('Sara');
    expect(JSON.stringify(exported)).not.toContain('vale@example.com');
  });

  it('an erased customer cannot be erased again or changed, and the erasure is audited', async () => {
    expect((await call('POST', `/customers/${person.id}/erase`, undefined, admin)).body.error.code).toBe(
      'customers.erased',
    );
    expect((await call('PATCH', `/customers/${person.id}`, { name: 'Otra vez' })).status).toBe(409);
    const audit = (await call('GET', '/audit', undefined, admin)).body.items.map((e) => e.type);
    expect(audit).toContain('security.customer_erased');
  });
});
