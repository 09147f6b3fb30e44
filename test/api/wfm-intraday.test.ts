import { describe, expect, it } from 'vitest';
import { formatLocalTime } from '../../src/modules/wfm/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { createWorkspace, login, type Session, startTestApp } from '../support/app.ts';

// Monday 2 March 2026, 08:00 in Bogotá (13:00 UTC).
const clock = manualClock(new Date('2026-03-02T13:00:00Z'));
const app = await startTestApp({ clock });
const inject = app.app.inject.bind(app.app);
const ws = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const agent = await login(app, ws.email('agent'));
const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload }) });

/** Four weeks before today, every day 08:00–10:00, two calls per half hour. */
function history(): string {
  const rows: string[] = [];
  for (let d = 28; d >= 1; d--) {
    for (let slot = 0; slot < 4; slot++) {
      rows.push(`${formatLocalTime(Date.UTC(2026, 2, 2 - d, 8, slot * 30), '')},2,240`);
    }
  }
  return `timestamp,count,aht_seconds\n${rows.join('\n')}\n`;
}

describe('intraday', () => {
  let planId = '';

  it('compares the morning with the plan, re-forecasts and alerts for the coming intervals', async () => {
    const imported = await inject({
      method: 'POST',
      url: '/api/v1/wfm/history/import?queueKey=hoy&channel=voice&intervalMinutes=30',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: history(),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const plan = (
      await call(admin, 'POST', '/api/v1/wfm/plans', {
        name: 'Hoy',
        queueKey: 'hoy',
        channel: 'voice',
        intervalMinutes: 30,
        settings: { horizonDays: 1, method: 'weekday_mean', shrinkage: 0 },
      })
    ).json();
    expect(plan.intervals.map((p: { start: string }) => p.start)).toEqual([
      '2026-03-02T08:00:00',
      '2026-03-02T08:30:00',
      '2026-03-02T09:00:00',
      '2026-03-02T09:30:00',
    ]);
    planId = plan.id;
    await call(admin, 'POST', `/api/v1/wfm/plans/${plan.id}/publish`);

    // Before anything happens: nobody logged in, so every coming interval is short of agents.
    const before = (await call(admin, 'GET', `/api/v1/wfm/plans/${plan.id}/intraday`)).json();
    expect(before).toMatchObject({ now: '2026-03-02T08:00:00', agentsOnDuty: 0, factor: null });
    expect(before.alerts.filter((a: { reason: string }) => a.reason === 'on_duty_short')).toHaveLength(4);

    // The morning is three times as busy as forecast: six calls between 08:00 and 08:30.
    await call(admin, 'PUT', '/api/v1/routing/queues/hoy', { name: 'Hoy', targets: {}, policy: {} });
    expect((await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' })).statusCode).toBe(
      200,
    );
    for (let i = 0; i < 6; i++) {
      const res = await call(admin, 'POST', '/api/v1/interactions', {
        channel: 'voice',
        direction: 'inbound',
        queueId: 'hoy',
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
      clock.advance(60_000);
    }
    clock.set(new Date('2026-03-02T13:40:00Z'));
    const res = await call(admin, 'GET', `/api/v1/wfm/plans/${plan.id}/intraday`);
    expect(res.statusCode, res.body).toBe(200);
    const now = res.json();
    expect(now.now).toBe('2026-03-02T08:40:00');
    expect(now.agentsOnDuty).toBe(1);
    expect(now.intervals[0]).toMatchObject({ phase: 'past', actual: 6 });
    expect(now.intervals[1].phase).toBe('current');
    expect(now.factor).toBeCloseTo(6 / plan.intervals[0].forecast, 9);
    expect(now.intervals[2].reforecast).toBeCloseTo(plan.intervals[2].forecast * now.factor, 9);
    expect(now.alerts.some((a: { reason: string }) => a.reason === 'plan_short')).toBe(true);
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'offline' });
  });

  it('answers 422 for a plan with no interval today', async () => {
    clock.set(new Date('2026-03-03T01:00:00Z')); // 20:00 the same Monday in Bogotá is still today
    expect((await call(admin, 'GET', `/api/v1/wfm/plans/${planId}/intraday`)).statusCode).toBe(200);
    clock.set(new Date('2026-03-03T05:00:00Z')); // midnight in Bogotá: Tuesday
    const res = await call(admin, 'GET', `/api/v1/wfm/plans/${planId}/intraday`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/no interval today \(2026-03-03\)/);
  });
});
