/** Selection rules over HTTP: changing and reordering rules, and testing them against a sample customer. */
import { describe, expect, it } from 'vitest';
import { BOOKING_CHANGE } from '../../src/modules/scripting/demo-scripts.ts';
import { apiCaller, createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const agent = await login(app, ws.email('agent'));
const api = apiCaller(app, admin);

const publish = async (name: string) => {
  const id = (await api('POST', '/scripting/scripts', admin, { name, definition: BOOKING_CHANGE })).json().id;
  await api('POST', `/scripting/scripts/${id}/publish`, admin, { version: 1 });
  return id as string;
};
const gold = (await api('POST', '/customers', admin, { name: 'Eva Oro', email: 'eva@example.com' })).json();
const general = await publish('General');
const vip = await publish('VIP');

describe('selection rules', () => {
  let vipRule = '';
  let generalRule = '';

  it('tests rules against a sample customer, saying which rule chose and the facts it saw', async () => {
    generalRule = (await api('POST', '/scripting/rules', admin, { priority: 10, scriptId: general })).json()
      .id;
    vipRule = (
      await api('POST', '/scripting/rules', admin, { priority: 20, scriptId: vip, tiers: [gold.tier] })
    ).json().id;
    const res = await api('POST', '/scripting/rules/test', admin, { customerId: gold.id, channel: 'voice' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ruleId: generalRule,
      rule: { id: generalRule, priority: 10, tiers: [] },
      script: { id: general, name: 'General' },
      facts: { channel: 'voice', tier: gold.tier, queueId: null },
      customer: { id: gold.id, name: 'Eva Oro' },
    });
  });

  it('reorders by changing a priority, and the test follows', async () => {
    const moved = await api('PUT', `/scripting/rules/${vipRule}`, admin, {
      priority: 5,
      scriptId: vip,
      tiers: [gold.tier],
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ id: vipRule, priority: 5, tiers: [gold.tier] });
    expect(
      (await api('GET', '/scripting/rules', admin)).json().items.map((r: { id: string }) => r.id),
    ).toEqual([vipRule, generalRule]);
    const chosen = await api('POST', '/scripting/rules/test', admin, { customerId: gold.id });
    expect(chosen.json()).toMatchObject({ ruleId: vipRule, script: { name: 'VIP' } });
    const other = await api('POST', '/scripting/rules/test', admin, { tier: 'ninguno' });
    expect(other.json()).toMatchObject({ ruleId: generalRule, customer: null });
  });

  it('refuses bad input field by field, unknown rules, scripts and customers, and agents', async () => {
    const bad = await api('PUT', `/scripting/rules/${vipRule}`, admin, { priority: -1, scriptId: 'x' });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/priority', '/scriptId']));
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      (await api('PUT', `/scripting/rules/${missing}`, admin, { priority: 1, scriptId: vip })).statusCode,
    ).toBe(404);
    expect(
      (await api('PUT', `/scripting/rules/${vipRule}`, admin, { priority: 1, scriptId: missing })).statusCode,
    ).toBe(404);
    expect((await api('POST', '/scripting/rules/test', admin, { customerId: missing })).statusCode).toBe(404);
    expect((await api('POST', '/scripting/rules/test', admin, { customerId: 'nope' })).statusCode).toBe(400);
    expect((await api('POST', '/scripting/rules/test', admin, { channel: '' })).statusCode).toBe(400);
    expect(
      (await api('PUT', `/scripting/rules/${vipRule}`, agent, { priority: 1, scriptId: vip })).statusCode,
    ).toBe(403);
  });

  it('keeps workspaces apart', async () => {
    const other = await createWorkspace(app);
    const stranger = await login(app, other.email('admin'));
    expect(
      (await api('PUT', `/scripting/rules/${vipRule}`, stranger, { priority: 1, scriptId: vip })).statusCode,
    ).toBe(404);
    expect((await api('POST', '/scripting/rules/test', stranger, { customerId: gold.id })).statusCode).toBe(
      404,
    );
  });
});
