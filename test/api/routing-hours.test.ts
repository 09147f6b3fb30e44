import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { createWorkspace, login, type Session, startTestApp } from '../support/app.ts';
import { arrival } from '../support/routing.ts';

// Monday 2 March 2026, 07:59:58 in Bogotá (the test workspaces' zone); the workspace opens at 08:00.
const clock = manualClock(new Date('2026-03-02T12:59:58Z'));
const app = await startTestApp({ clock });
const inject = app.app.inject.bind(app.app);
const ws = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const agent = await login(app, ws.email('agent'));

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload }) });
const putQueue = (key: string, body: object) =>
  call(admin, 'PUT', `/api/v1/routing/queues/${key}`, {
    name: key,
    targets: { voice: { percent: 80, seconds: 20 } },
    ...body,
  });
const arrive = arrival(call, admin);
const interaction = async (id: string) =>
  (await call(admin, 'GET', `/api/v1/interactions/${id}`)).json() as { state: string; queueId: string };
const queueOpen = async (key: string) =>
  (
    (await call(admin, 'GET', '/api/v1/routing/stats')).json() as {
      queues: { queueId: string; open: boolean }[];
    }
  ).queues.find((q) => q.queueId === key)?.open;

describe('queues follow their business-hours calendars', () => {
  it('a queue on the workspace calendar is closed before opening time and opens on time, by its timer', async () => {
    expect((await putQueue('overflow', { policy: {} })).statusCode).toBe(200);
    const saved = await putQueue('office', {
      policy: { afterHours: { kind: 'queue', queueId: 'overflow' } },
      hours: { calendar: 'workspace' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().hours).toEqual({ calendar: 'workspace' });
    expect(await queueOpen('office')).toBe(false);
    expect(await queueOpen('overflow')).toBe(true);

    // Closed: an arrival takes the after-hours action.
    const early = await arrive('office');
    expect(await interaction(early.id)).toMatchObject({ state: 'queued', queueId: 'overflow' });

    // The timer armed for 08:00 fires by itself once the clock reaches it: no request wakes it.
    clock.advance(3000);
    await expect.poll(() => queueOpen('office'), { timeout: 5000, interval: 100 }).toBe(true);
    const onTime = await arrive('office');
    expect(await interaction(onTime.id)).toMatchObject({ state: 'queued', queueId: 'office' });
  });

  it('a queue with its own hours closes at its closing time and sends its waiting work away', async () => {
    const saved = await putQueue('morning', {
      policy: { afterHours: { kind: 'message' } },
      hours: { calendar: 'custom', weekly: [{ day: 1, open: '08:00', close: '09:00' }], holidays: [] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await queueOpen('morning')).toBe(true);
    const waiting = await arrive('morning');
    expect((await interaction(waiting.id)).state).toBe('queued');
    clock.set(new Date('2026-03-02T14:00:01Z')); // 09:00:01 there
    // The next event of the workspace first applies the calendar.
    await arrive('office');
    expect((await interaction(waiting.id)).state).toBe('scheduled');
    expect(await queueOpen('morning')).toBe(false);
  });

  it('a process that starts after a closing time finds the queue closed, losing nothing', async () => {
    clock.set(new Date('2026-03-02T23:30:00Z')); // 18:30 in Bogotá: the workspace calendar has closed
    const logger = createLogger({ logLevel: 'silent' });
    const second = await buildApp(loadConfig({ ATIENDE_MODE: 'test' }), {
      database: app.database,
      logger,
      clock,
    });
    try {
      await second.app.ready();
      // What `atiende serve` does once it listens.
      await second.services.routing.resume();
      const stats = await second.app.inject({
        method: 'GET',
        url: '/api/v1/routing/stats',
        headers: admin.headers,
      });
      const office = (stats.json() as { queues: { queueId: string; open: boolean }[] }).queues.find(
        (q) => q.queueId === 'office',
      );
      expect(office?.open).toBe(false);
    } finally {
      await second.app.close();
    }
  });

  it('refuses hours that are not a calendar, with where it is wrong', async () => {
    const bad = await putQueue('broken', {
      policy: {},
      hours: { calendar: 'custom', weekly: [{ day: 1, open: '10:00', close: '09:00' }], holidays: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'routing.invalid_hours' });
    expect(bad.json().error.details[0].path).toBe('/hours/weekly/0');
    const shape = await putQueue('broken', { policy: {}, hours: { calendar: 'lunar' } });
    expect(shape.statusCode).toBe(400);
    expect((await call(admin, 'GET', '/api/v1/routing/queues/broken')).statusCode).toBe(404);
  });

  it('an agent cannot change queues', async () => {
    expect(
      (await call(agent, 'PUT', '/api/v1/routing/queues/x', { name: 'x', targets: {}, policy: {} }))
        .statusCode,
    ).toBe(403);
  });
});
