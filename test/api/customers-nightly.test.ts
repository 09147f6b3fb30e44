/** The nightly value batch runs by itself in each workspace's night, once a night. */
import { describe, expect, it } from 'vitest';
import { createWorkspace, login, startTestApp } from '../support/app.ts';

let now = new Date('2026-12-06T15:00:00Z'); // 10:00 in Bogotá
const app = await startTestApp({ clock: { now: () => now } });
const ws = await createWorkspace(app); // America/Bogota
const nightly = app.services.customers.nightly;

// Sessions expire as the clock jumps ahead, so each read logs in afresh.
const computedAt = async () => {
  const { headers } = await login(app, ws.email('admin'));
  const rule = await app.app.inject({ method: 'GET', url: '/api/v1/customer-value-rule', headers });
  return rule.json().computedAt as string | null;
};

describe('the nightly value batch', () => {
  it('does not run in the workspace’s daytime', async () => {
    const created = await app.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: (await login(app, ws.email('admin'))).headers,
      payload: { name: 'Noche de Prueba' },
    });
    expect(created.statusCode).toBe(201);
    expect(await nightly.tick()).not.toContain(ws.id);
    expect(await computedAt()).toBeNull();
  });

  it('runs once when the workspace’s night comes, and again the next night', async () => {
    now = new Date('2026-12-07T08:30:00Z'); // 03:30 in Bogotá
    expect(await nightly.tick()).toContain(ws.id);
    expect(await computedAt()).toBe('2026-12-07T08:30:00.000Z');
    now = new Date('2026-12-07T08:40:00Z');
    expect(await nightly.tick()).not.toContain(ws.id);
    now = new Date('2026-12-08T08:00:00Z');
    expect(await nightly.tick()).toContain(ws.id);
    expect(await computedAt()).toBe('2026-12-08T08:00:00.000Z');
  });
});
