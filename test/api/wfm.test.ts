import { describe, expect, it } from 'vitest';
import { parseAnonymousBank } from '../../src/lib/anonymous-bank/index.ts';
import { bankHistory, formatLocalTime, syntheticHistory } from '../../src/modules/wfm/index.ts';
import { readSharedData } from '../../src/modules/wfm/test-data.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { createWorkspace, login, type Session, startTestApp } from '../support/app.ts';

const clock = manualClock(new Date('2026-03-02T13:00:00Z'));
const app = await startTestApp({ clock });
const inject = app.app.inject.bind(app.app);
const ws = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const agent = await login(app, ws.email('agent'));

const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload }) });
const upload = (s: Session, query: string, body: string, type = 'text/csv') =>
  inject({
    method: 'POST',
    url: `/api/v1/wfm/history/import?${query}`,
    headers: { ...s.headers, 'content-type': type },
    payload: body,
  });

/** Three weeks of 30-minute history, open 08:00–18:00 Monday to Saturday. */
function csvHistory(): string {
  const points = syntheticHistory({
    days: 21,
    intervalMinutes: 30,
    seed: 7,
    mean: (_day, weekday, slot) =>
      weekday === 0 || slot < 16 || slot >= 36 ? null : 20 + 10 * Math.sin(slot / 4),
  });
  return `timestamp,count,aht_seconds\n${points.map((p) => `${formatLocalTime(p.start, '')},${p.count},240`).join('\n')}\n`;
}

describe('stored history', () => {
  it('imports a CSV into a series and reads it back, gaps left unknown', async () => {
    const res = await upload(admin, 'queueKey=ventas&channel=voice&intervalMinutes=30', csvHistory());
    expect(res.statusCode, res.body).toBe(200);
    const { intervals } = res.json();
    expect(intervals).toBe(18 * 20);
    const series = (await call(admin, 'GET', '/api/v1/wfm/series')).json().items;
    expect(series).toContainEqual(
      expect.objectContaining({ queueKey: 'ventas', channel: 'voice', intervalMinutes: 30, intervals: 360 }),
    );
    const history = (
      await call(admin, 'GET', '/api/v1/wfm/history?queueKey=ventas&channel=voice&intervalMinutes=30')
    ).json().items;
    expect(history).toHaveLength(360);
    expect(history[0]).toMatchObject({ start: '2024-01-08T08:00:00', ahtSeconds: 240 });
    // Sunday is absent: no interval at all rather than zeros.
    expect(history.some((p: { start: string }) => p.start.startsWith('2024-01-14'))).toBe(false);
  });

  it('imports the Anonymous Bank per-call records, counting calls as the pure history does', async () => {
    const text = readSharedData('anonymous-bank/january-1999.tsv');
    const expected = bankHistory(parseAnonymousBank(text), 60);
    const res = await upload(
      admin,
      'queueKey=banco&channel=voice&intervalMinutes=60',
      text,
      'text/tab-separated-values',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      intervals: expected.length,
      volume: expected.reduce((s, p) => s + p.count, 0),
    });
  });

  it.each([
    ['wrong columns', 'time,calls,extra,more\n2024-01-01T08:00:00,3,1,1\n', /line 1/],
    [
      'a duplicate interval',
      'timestamp,count\n2024-01-01T08:00:00,3\n2024-01-01T08:00:00,4\n',
      /rows 1 and 2 both give the interval 2024-01-01T08:00/,
    ],
    ['a negative count', 'timestamp,count\n2024-01-01T08:00:00,-3\n', /line 2: count/],
    [
      'a time off the interval grid',
      'timestamp,count\n2024-01-01T08:10:00,3\n',
      /not the start of a 30-minute interval/,
    ],
  ])('refuses %s with a message saying where, writing nothing', async (_name, body, message) => {
    const res = await upload(admin, 'queueKey=malo&channel=voice&intervalMinutes=30', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(message);
    const series = (await call(admin, 'GET', '/api/v1/wfm/series')).json().items;
    expect(series.some((s: { queueKey: string }) => s.queueKey === 'malo')).toBe(false);
  });

  it('refuses a bad bank file and an unknown interval length', async () => {
    const bank = await upload(
      admin,
      'queueKey=b&channel=voice&intervalMinutes=60',
      'no\ttabs\there\n',
      'text/tab-separated-values',
    );
    expect(bank.statusCode).toBe(422);
    expect(bank.json().error.message).toMatch(/line 1/);
    const interval = await upload(admin, 'queueKey=b&channel=voice&intervalMinutes=20', 'timestamp,count\n');
    expect(interval.statusCode).toBe(400);
  });

  it('agents may read history but not import it', async () => {
    expect(
      (await upload(agent, 'queueKey=x&channel=voice&intervalMinutes=30', csvHistory())).statusCode,
    ).toBe(403);
    expect((await call(agent, 'GET', '/api/v1/wfm/series')).statusCode).toBe(200);
  });

  it('builds history from the event log: arrivals and handle times per queue, channel and interval', async () => {
    const put = await call(admin, 'PUT', '/api/v1/routing/queues/soporte', {
      name: 'Soporte',
      targets: { voice: { percent: 80, seconds: 20 } },
      policy: {},
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' })).statusCode).toBe(
      200,
    );
    // 08:00 Bogotá (13:00 UTC): two calls handled in 3 and 5 minutes; one more call abandoned at 08:40.
    for (const minutes of [3, 5]) {
      const created = (
        await call(admin, 'POST', '/api/v1/interactions', {
          channel: 'voice',
          direction: 'inbound',
          queueId: 'soporte',
        })
      ).json();
      expect((await call(agent, 'POST', `/api/v1/interactions/${created.id}/accept`)).statusCode).toBe(200);
      clock.advance(minutes * 60_000 - 30_000);
      await call(agent, 'POST', `/api/v1/interactions/${created.id}/end`);
      clock.advance(30_000);
      const closed = await call(agent, 'POST', `/api/v1/interactions/${created.id}/wrap-up`, {
        disposition: 'ok',
      });
      expect(closed.json().state, closed.body).toBe('closed');
    }
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'offline' });
    clock.set(new Date('2026-03-02T13:40:00Z'));
    const third = (
      await call(admin, 'POST', '/api/v1/interactions', {
        channel: 'voice',
        direction: 'inbound',
        queueId: 'soporte',
      })
    ).json();
    expect(third.state).toBe('queued');

    const rebuilt = await call(admin, 'POST', '/api/v1/wfm/history/rebuild', { intervalMinutes: 30 });
    expect(rebuilt.statusCode, rebuilt.body).toBe(200);
    expect(rebuilt.json()).toEqual({ intervals: 2, contacts: 3 });
    const history = (
      await call(admin, 'GET', '/api/v1/wfm/history?queueKey=soporte&channel=voice&intervalMinutes=30')
    ).json().items;
    expect(history).toEqual([
      { start: '2026-03-02T08:00:00', volume: 2, ahtSeconds: 240 },
      { start: '2026-03-02T08:30:00', volume: 1, ahtSeconds: null },
    ]);
    // Rebuilding again gives the same rows, not twice as many contacts.
    await call(admin, 'POST', '/api/v1/wfm/history/rebuild', { intervalMinutes: 30 });
    const again = (
      await call(admin, 'GET', '/api/v1/wfm/history?queueKey=soporte&channel=voice&intervalMinutes=30')
    ).json().items;
    expect(again).toEqual(history);
  });
});

describe('plans', () => {
  let planId = '';

  it('forecasts a series and staffs every open interval', async () => {
    const res = await call(admin, 'POST', '/api/v1/wfm/plans', {
      name: 'Semana 4',
      queueKey: 'ventas',
      channel: 'voice',
      intervalMinutes: 30,
      settings: { horizonDays: 7, shrinkage: 0.25 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    planId = plan.id;
    expect(plan).toMatchObject({ status: 'draft', intervalMinutes: 30 });
    expect(plan.settings).toMatchObject({
      model: 'c',
      serviceLevel: 0.8,
      targetSeconds: 20,
      shrinkage: 0.25,
    });
    // Six open days of 20 intervals; Sunday stays closed.
    expect(plan.intervals).toHaveLength(120);
    expect(plan.accuracy.map((a: { method: string }) => a.method)).toContain('weekday_mean');
    for (const p of plan.intervals) {
      expect(p.lo).toBeLessThanOrEqual(p.forecast);
      expect(p.hi).toBeGreaterThanOrEqual(p.forecast);
      expect(p.ahtSeconds).toBeCloseTo(240);
      if (p.forecast > 0) {
        expect(p.requiredScheduled).toBeGreaterThanOrEqual(p.requiredAgents);
        expect(p.serviceLevel).toBeGreaterThanOrEqual(0.8);
      }
    }
  });

  it('validates a day by simulation: simulated beside predicted service level per interval', async () => {
    const res = await call(admin, 'POST', `/api/v1/wfm/plans/${planId}/simulate`, {
      day: '2024-01-29',
      replications: 5,
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result.intervals).toHaveLength(20);
    expect(result.total.offered).toBeGreaterThan(0);
    for (const i of result.intervals) {
      expect(i.start.startsWith('2024-01-29')).toBe(true);
      if (i.offered > 0) expect(i.serviceLevel).toBeGreaterThanOrEqual(0);
    }
    // Staffed for 80 % within 20 s, the simulated day lands near it.
    expect(result.total.serviceLevel).toBeGreaterThan(0.7);
    expect(result.total.predicted).toBeGreaterThanOrEqual(0.8);
    const closed = await call(admin, 'POST', `/api/v1/wfm/plans/${planId}/simulate`, { day: '2024-01-28' });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().error.message).toMatch(/2024-01-28 is not a day of this plan/);
    const bad = await call(admin, 'POST', `/api/v1/wfm/plans/${planId}/simulate`, { day: 'lunes' });
    expect(bad.statusCode).toBe(400);
  });

  it('a planner adjusts an interval and sees the service level it gives', async () => {
    const plan = (await call(admin, 'GET', `/api/v1/wfm/plans/${planId}`)).json();
    const first = plan.intervals[0];
    const res = await call(admin, 'POST', `/api/v1/wfm/plans/${planId}/adjust`, {
      adjustments: [{ start: first.start, scheduledAgents: 1 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const adjusted = res.json().intervals[0];
    expect(adjusted.adjustedScheduled).toBe(1);
    expect(adjusted.serviceLevel).toBeLessThan(first.serviceLevel);
    const cleared = await call(admin, 'POST', `/api/v1/wfm/plans/${planId}/adjust`, {
      adjustments: [{ start: first.start, scheduledAgents: null }],
    });
    expect(cleared.json().intervals[0]).toMatchObject({
      adjustedScheduled: null,
      serviceLevel: first.serviceLevel,
    });
  });

  it('refuses an adjustment at an interval the plan does not have', async () => {
    const res = await call(admin, 'POST', `/api/v1/wfm/plans/${planId}/adjust`, {
      adjustments: [{ start: '2024-01-28T03:00:00', scheduledAgents: 4 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/2024-01-28T03:00 is not an interval of this plan/);
  });

  it('agents see only published plans; a published plan no longer changes', async () => {
    expect((await call(agent, 'GET', '/api/v1/wfm/plans')).json().items).toEqual([]);
    expect((await call(agent, 'GET', `/api/v1/wfm/plans/${planId}`)).statusCode).toBe(404);
    expect((await call(agent, 'POST', `/api/v1/wfm/plans/${planId}/publish`)).statusCode).toBe(403);
    const published = await call(admin, 'POST', `/api/v1/wfm/plans/${planId}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    expect((await call(agent, 'GET', '/api/v1/wfm/plans')).json().items).toHaveLength(1);
    expect((await call(agent, 'GET', `/api/v1/wfm/plans/${planId}`)).json().status).toBe('published');
    const again = await call(admin, 'POST', `/api/v1/wfm/plans/${planId}/adjust`, {
      adjustments: [{ start: published.json().intervals[0].start, scheduledAgents: 3 }],
    });
    expect(again.statusCode).toBe(409);
    expect((await call(admin, 'DELETE', `/api/v1/wfm/plans/${planId}`)).statusCode).toBe(409);
  });

  it('publishing a new plan of the same series returns the old one to draft', async () => {
    const second = (
      await call(admin, 'POST', '/api/v1/wfm/plans', {
        name: 'Semana 4 b',
        queueKey: 'ventas',
        channel: 'voice',
        intervalMinutes: 30,
      })
    ).json();
    await call(admin, 'POST', `/api/v1/wfm/plans/${second.id}/publish`);
    const list = (await call(admin, 'GET', '/api/v1/wfm/plans')).json().items;
    const status = Object.fromEntries(list.map((p: { id: string; status: string }) => [p.id, p.status]));
    expect(status).toMatchObject({ [planId]: 'draft', [second.id]: 'published' });
  });

  it('staffs e-mail as deferrable work and chat with concurrency', async () => {
    await upload(admin, 'queueKey=ventas&channel=email&intervalMinutes=30', csvHistory());
    const email = await call(admin, 'POST', '/api/v1/wfm/plans', {
      name: 'Correo',
      queueKey: 'ventas',
      channel: 'email',
      intervalMinutes: 30,
      settings: { horizonDays: 2, dueMinutes: 240, shrinkage: 0 },
    });
    expect(email.statusCode, email.body).toBe(201);
    const e = email.json();
    expect(e.settings.work).toBe('deferrable');
    expect(e.intervals).toHaveLength(20);
    const work = e.intervals.reduce((s: number, p: { forecast: number }) => s + p.forecast * 240, 0);
    const capacity = e.intervals.reduce(
      (s: number, p: { requiredAgents: number }) => s + p.requiredAgents * 1800 * 0.85,
      0,
    );
    expect(capacity).toBeGreaterThanOrEqual(work - 4 * 60 * 240); // less only what is carried past the horizon
    expect(e.intervals.every((p: { serviceLevel: null }) => p.serviceLevel === null)).toBe(true);

    await upload(admin, 'queueKey=ventas&channel=chat&intervalMinutes=30', csvHistory());
    const single = (
      await call(admin, 'POST', '/api/v1/wfm/plans', {
        name: 'Chat 1',
        queueKey: 'ventas',
        channel: 'chat',
        intervalMinutes: 30,
        settings: { horizonDays: 2, concurrency: 1 },
      })
    ).json();
    const triple = (
      await call(admin, 'POST', '/api/v1/wfm/plans', {
        name: 'Chat 3',
        queueKey: 'ventas',
        channel: 'chat',
        intervalMinutes: 30,
        settings: { horizonDays: 2, concurrency: 3 },
      })
    ).json();
    const sum = (plan: { intervals: { requiredAgents: number }[] }) =>
      plan.intervals.reduce((s, p) => s + p.requiredAgents, 0);
    expect(single.intervals).toHaveLength(20);
    expect(sum(triple)).toBeGreaterThan(0);
    expect(sum(triple)).toBeLessThan(sum(single) / 2);
  });

  it('a history too short to backtest gives unknown accuracy, not NaN', async () => {
    await upload(
      admin,
      'queueKey=corta&channel=voice&intervalMinutes=60',
      'timestamp,count\n2026-01-05T08:00:00,4\n',
    );
    const res = await call(admin, 'POST', '/api/v1/wfm/plans', {
      name: 'Corta',
      queueKey: 'corta',
      channel: 'voice',
      intervalMinutes: 60,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      method: 'weekday_mean',
      intervals: [{ start: '2026-01-12T08:00:00', forecast: 4 }],
    });
    expect(res.json().accuracy[0]).toMatchObject({ n: 0, mae: null, rmse: null });
  });

  it('answers clearly when there is no history, the settings are out of range or the target is unreachable', async () => {
    const none = await call(admin, 'POST', '/api/v1/wfm/plans', {
      name: 'Nada',
      queueKey: 'nada',
      channel: 'voice',
      intervalMinutes: 30,
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.message).toMatch(/no history for queue 'nada'/);
    const bad = await call(admin, 'POST', '/api/v1/wfm/plans', {
      name: 'Mal',
      queueKey: 'ventas',
      channel: 'voice',
      intervalMinutes: 30,
      settings: { serviceLevel: 1.5, shrinkage: -1 },
    });
    expect(bad.statusCode).toBe(400);
    const aht = await call(admin, 'POST', '/api/v1/wfm/plans', {
      name: 'Erlang A sin paciencia',
      queueKey: 'ventas',
      channel: 'voice',
      intervalMinutes: 30,
      settings: { model: 'a' },
    });
    expect(aht.statusCode).toBe(400);
    expect(aht.json().error.message).toMatch(/patience/);
  });
});
