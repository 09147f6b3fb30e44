import { describe, expect, it } from 'vitest';
import { formatLocalTime } from '../../src/modules/wfm/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { createWorkspace, login, type Session, startTestApp } from '../support/app.ts';

// Monday 2 March 2026, 08:00 in Bogotá (13:00 UTC).
const clock = manualClock(new Date('2026-03-02T13:00:00Z'));
const app = await startTestApp({ clock });
const inject = app.app.inject.bind(app.app);
const ws = await createWorkspace(app);
const supervisor = await login(app, ws.email('supervisor'));
const agent = await login(app, ws.email('agent'));
const admin = await login(app, ws.email('admin'));
const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload }) });

const weekdays = (from: number, to: number) => [...Array(5).fill([from, to]), null, null];
const profile = (queues: string[]) => ({
  queues,
  contractMinutes: 2400,
  maxDays: 5,
  availability: weekdays(420, 1080),
});

/** Four weeks before today, every day 08:00–16:00, two calls per half hour. */
function history(): string {
  const rows: string[] = [];
  for (let d = 28; d >= 1; d--)
    for (let slot = 0; slot < 16; slot++)
      rows.push(`${formatLocalTime(Date.UTC(2026, 2, 2 - d, 8, slot * 30), '')},2,240`);
  return `timestamp,count,aht_seconds\n${rows.join('\n')}\n`;
}

/** Records a routing state change the way routing does, through the event log. */
async function status(userId: string, state: string, reason: string | null = null) {
  await app.services.uow.run(async (_tx, record) => {
    await record({
      workspaceId: ws.id,
      type: 'agent.status_changed',
      subject: 'agent',
      subjectId: userId,
      actorId: userId,
      topics: [`user:${userId}`, 'agents'],
      payload: { agentId: userId, status: state, reason },
    });
  });
}

interface Shift {
  id: string;
  agentId: string;
  start: string;
  end: string;
}

describe('rostering, schedules and adherence', () => {
  let planId = '';
  let shifts: Shift[] = [];

  it("keeps agents' profiles, refusing what cannot be a contract or a week", async () => {
    for (const [s, queues] of [
      [agent, ['hoy']],
      [supervisor, ['hoy']],
      [admin, ['otra']],
    ] as const) {
      const res = await call(supervisor, 'PUT', `/api/v1/wfm/agents/${s.userId}`, profile([...queues]));
      expect(res.statusCode, res.body).toBe(200);
    }
    const list = (await call(supervisor, 'GET', '/api/v1/wfm/agents')).json();
    expect(list.items.map((a: { userId: string }) => a.userId).sort()).toEqual(
      [agent.userId, supervisor.userId, admin.userId].sort(),
    );
    const sixDays = await call(supervisor, 'PUT', `/api/v1/wfm/agents/${agent.userId}`, {
      ...profile(['hoy']),
      availability: weekdays(420, 1080).slice(1),
    });
    expect(sixDays.statusCode).toBe(400);
    const backwards = await call(supervisor, 'PUT', `/api/v1/wfm/agents/${agent.userId}`, {
      ...profile(['hoy']),
      availability: weekdays(1080, 420),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toMatch(
      /availability of weekday 1 must be quarter hours with 0 ≤ from < to/,
    );
    const nobody = await call(
      supervisor,
      'PUT',
      '/api/v1/wfm/agents/0190a0a0-0000-7000-8000-000000000000',
      profile(['hoy']),
    );
    expect(nobody.statusCode).toBe(404);
    expect((await call(agent, 'GET', '/api/v1/wfm/agents')).statusCode).toBe(403);
  });

  it('lets an agent ask for a day off and a supervisor approve it', async () => {
    const asked = await call(agent, 'POST', '/api/v1/wfm/time-off', { day: '2026-03-04', note: 'médico' });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'requested', day: '2026-03-04' });
    expect((await call(agent, 'POST', '/api/v1/wfm/time-off', { day: '2026-03-04' })).statusCode).toBe(409);
    expect((await call(agent, 'POST', '/api/v1/wfm/time-off', { day: '2026-02-30' })).statusCode).toBe(400);
    expect(
      (await call(agent, 'POST', `/api/v1/wfm/time-off/${asked.json().id}/decide`, { status: 'approved' }))
        .statusCode,
    ).toBe(403);
    const approved = await call(supervisor, 'POST', `/api/v1/wfm/time-off/${asked.json().id}/decide`, {
      status: 'approved',
    });
    expect(approved.json()).toMatchObject({ status: 'approved', name: `agent of ${ws.slug}` });
    // Agents see only their own days off.
    await call(supervisor, 'POST', '/api/v1/wfm/time-off', { day: '2026-03-20' });
    expect((await call(agent, 'GET', '/api/v1/wfm/time-off')).json().items).toHaveLength(1);
    expect((await call(supervisor, 'GET', '/api/v1/wfm/time-off')).json().items).toHaveLength(2);
  });

  it('rosters a plan on named agents, keeping skills and the day off', async () => {
    const imported = await inject({
      method: 'POST',
      url: '/api/v1/wfm/history/import?queueKey=hoy&channel=voice&intervalMinutes=30',
      headers: { ...supervisor.headers, 'content-type': 'text/csv' },
      payload: history(),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const plan = await call(supervisor, 'POST', '/api/v1/wfm/plans', {
      name: 'Semana',
      queueKey: 'hoy',
      channel: 'voice',
      intervalMinutes: 30,
      settings: { horizonDays: 7, method: 'weekday_mean', shrinkage: 0 },
    });
    planId = plan.json().id;
    expect((await call(supervisor, 'GET', `/api/v1/wfm/plans/${planId}/roster`)).statusCode).toBe(404);
    const bad = await call(supervisor, 'POST', `/api/v1/wfm/plans/${planId}/roster`, { startMinutes: [485] });
    expect(bad.statusCode).toBe(400);
    const res = await call(supervisor, 'POST', `/api/v1/wfm/plans/${planId}/roster`, {
      startMinutes: [480],
      lengthMinutes: [480],
      breaks: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    const roster = res.json();
    expect(roster).toMatchObject({ status: 'draft', firstDay: '2026-03-02', days: 7 });
    expect(roster.summary.status).toBe('optimal');
    expect(roster.summary.unassignable).toEqual([{ agentId: admin.userId, reason: 'not_qualified' }]);
    shifts = roster.shifts;
    const mine = shifts.filter((s) => s.agentId === agent.userId).map((s) => s.start);
    expect(mine).toEqual([
      '2026-03-02T08:00:00',
      '2026-03-03T08:00:00',
      '2026-03-05T08:00:00',
      '2026-03-06T08:00:00',
    ]);
    expect(shifts.filter((s) => s.agentId === supervisor.userId)).toHaveLength(5);
    expect(roster.violations.filter((v: { severity: string }) => v.severity === 'error')).toEqual([]);
    // Weekends need agents nobody is available for: said, per stretch.
    expect(roster.violations).toContainEqual(
      expect.objectContaining({
        code: 'understaffed',
        at: '2026-03-07T08:00:00',
        message: expect.stringContaining('2026-03-07 08:00–16:00'),
      }),
    );
    expect(roster.names[agent.userId]).toBe(`agent of ${ws.slug}`);
    expect((await call(agent, 'GET', `/api/v1/wfm/plans/${planId}/roster`)).statusCode).toBe(403);
  });

  it("takes a supervisor's edits and says what they break", async () => {
    const monday = shifts.filter((s) => s.start.startsWith('2026-03-02'));
    const edit = (body: object) =>
      call(supervisor, 'POST', `/api/v1/wfm/plans/${planId}/roster/edit`, { edit: body });
    const swapped = (
      await edit({ type: 'swap', shiftId: monday[0]!.id, otherShiftId: monday[1]!.id })
    ).json();
    const agentOf = (r: { shifts: Shift[] }, id: string) => r.shifts.find((s) => s.id === id)!.agentId;
    expect(agentOf(swapped, monday[0]!.id)).toBe(monday[1]!.agentId);
    const tuesday = shifts.find((s) => s.agentId === agent.userId && s.start.startsWith('2026-03-03'))!;
    const early = (await edit({ type: 'move', shiftId: tuesday.id, start: '2026-03-03T05:00:00' })).json();
    expect(early.shifts.find((s: Shift) => s.id === tuesday.id)).toMatchObject({
      start: '2026-03-03T05:00:00',
      end: '2026-03-03T13:00:00',
    });
    expect(early.violations).toContainEqual(
      expect.objectContaining({
        code: 'unavailable',
        shiftId: tuesday.id,
        agentId: agent.userId,
        severity: 'error',
      }),
    );
    const back = (await edit({ type: 'move', shiftId: tuesday.id, start: '2026-03-03T08:00:00' })).json();
    expect(back.violations.filter((v: { severity: string }) => v.severity === 'error')).toEqual([]);
    const off = (await edit({ type: 'time_off', agentId: supervisor.userId, day: '2026-03-06' })).json();
    expect(off.shifts.filter((s: Shift) => s.agentId === supervisor.userId)).toHaveLength(4);
    const approved = (await call(supervisor, 'GET', '/api/v1/wfm/time-off?from=2026-03-06')).json().items;
    expect(approved).toContainEqual(
      expect.objectContaining({ userId: supervisor.userId, day: '2026-03-06', status: 'approved' }),
    );

    const unknown = await edit({ type: 'swap', shiftId: 'nope', otherShiftId: monday[0]!.id });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe('shift nope is not in this roster');
    expect((await edit({ type: 'move', shiftId: tuesday.id, start: '2026-03-03T08:05:00' })).statusCode).toBe(
      400,
    );
    expect(
      (await edit({ type: 'move', shiftId: tuesday.id, start: '2026-03-03T08:00:00', agentId: ws.id }))
        .statusCode,
    ).toBe(400);
    expect((await edit({ type: 'fire', shiftId: tuesday.id })).statusCode).toBe(400);
    const garbled = await edit({ type: 'move', shiftId: tuesday.id, start: 'mañana' });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json().error.message).toBe("'mañana' is not a date and time YYYY-MM-DDTHH:MM:SS");
  });

  it('publishes the roster and shows each agent their own schedule', async () => {
    expect((await call(agent, 'GET', '/api/v1/wfm/my-schedule?from=2026-03-02')).json().shifts).toEqual([]);
    const published = await call(supervisor, 'POST', `/api/v1/wfm/plans/${planId}/roster/publish`);
    expect(published.json().status).toBe('published');
    expect((await call(supervisor, 'POST', `/api/v1/wfm/plans/${planId}/roster`, {})).statusCode).toBe(409);
    const mine = (await call(agent, 'GET', '/api/v1/wfm/my-schedule?from=2026-03-02&days=7')).json();
    expect(mine.shifts.every((s: Shift) => s.agentId === agent.userId)).toBe(true);
    expect(mine.shifts.map((s: Shift) => s.start.slice(0, 10))).not.toContain('2026-03-04');
    expect(mine.timeOff).toEqual([expect.objectContaining({ day: '2026-03-04', status: 'approved' })]);
    expect((await call(agent, 'GET', '/api/v1/wfm/my-schedule?from=tomorrow')).statusCode).toBe(400);
  });

  it('measures adherence live from the status events and reports the day', async () => {
    const onMonday = (id: string) => (published: Shift[]) =>
      published.some((s) => s.agentId === id && s.start === '2026-03-02T08:00:00');
    const roster = (await call(supervisor, 'GET', `/api/v1/wfm/plans/${planId}/roster`)).json();
    expect(onMonday(agent.userId)(roster.shifts) && onMonday(supervisor.userId)(roster.shifts)).toBe(true);
    clock.set(new Date('2026-03-02T13:05:00Z'));
    await status(agent.userId, 'available');
    clock.set(new Date('2026-03-02T13:20:00Z'));
    await status(agent.userId, 'not_ready', 'personal');
    clock.set(new Date('2026-03-02T13:30:00Z'));
    const live = (await call(supervisor, 'GET', '/api/v1/wfm/adherence')).json();
    expect(live).toMatchObject({ day: '2026-03-02', until: '2026-03-02T08:30:00', live: true });
    const byId = (id: string) => live.agents.find((a: { agentId: string }) => a.agentId === id);
    expect(byId(agent.userId)).toMatchObject({
      scheduledMinutes: 30,
      inAdherenceMinutes: 15,
      workedMinutes: 15,
      current: {
        scheduled: 'work',
        actual: 'away',
        reason: 'personal',
        outOfAdherenceSince: '2026-03-02T08:20:00',
      },
    });
    expect(byId(supervisor.userId)).toMatchObject({
      adherence: 0,
      current: { actual: 'off', outOfAdherenceSince: '2026-03-02T08:00:00' },
    });
    expect(byId(admin.userId)).toBeUndefined();
    expect((await call(agent, 'GET', '/api/v1/wfm/adherence')).statusCode).toBe(403);

    clock.set(new Date('2026-03-03T15:00:00Z'));
    const nextDay = await login(app, ws.email('supervisor'));
    const report = (await call(nextDay, 'GET', '/api/v1/wfm/adherence?day=2026-03-02')).json();
    expect(report).toMatchObject({ live: false, until: '2026-03-03T00:00:00' });
    const day = report.agents.find((a: { agentId: string }) => a.agentId === agent.userId);
    expect(day).toMatchObject({ scheduledMinutes: 480, inAdherenceMinutes: 15, workedMinutes: 15 });
    expect(day.exceptions.map((e: { start: string; end: string }) => [e.start, e.end])).toEqual([
      ['2026-03-02T08:00:00', '2026-03-02T08:05:00'],
      ['2026-03-02T08:20:00', '2026-03-02T16:00:00'],
    ]);
    expect((await call(nextDay, 'GET', '/api/v1/wfm/adherence?day=yesterday')).statusCode).toBe(400);
  });

  it("keeps agents' preferences, refusing a window that ends before it begins, and reports them", async () => {
    // The clock has moved on a day since the first sign-in.
    const boss = await login(app, ws.email('supervisor'));
    const put = (preferences: object) =>
      call(boss, 'PUT', `/api/v1/wfm/agents/${supervisor.userId}`, {
        ...profile(['hoy']),
        preferences,
      });
    const backwards = await put({ start: [1020, 480], daysOff: [] });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toMatch(
      /preferred start must be quarter hours with 00:00 ≤ earliest ≤ latest < 24:00, got 17:00–08:00/,
    );
    for (const bad of [
      { start: [490, 600], daysOff: [] },
      { start: [480, 1440], daysOff: [] },
      { start: null, daysOff: [7] },
      { start: null, daysOff: [1, 1] },
      { start: null },
    ])
      expect((await put(bad)).statusCode, JSON.stringify(bad)).toBe(400);
    const saved = await put({ start: [600, 630], daysOff: [4] });
    expect(saved.statusCode, saved.body).toBe(200);
    const list = (await call(boss, 'GET', '/api/v1/wfm/agents')).json();
    const mine = list.items.find((a: { userId: string }) => a.userId === supervisor.userId);
    expect(mine.preferences).toEqual({ start: [600, 630], daysOff: [4] });
    expect(list.items.find((a: { userId: string }) => a.userId === agent.userId).preferences).toEqual({
      start: null,
      daysOff: [],
    });
    // The published roster starts every shift at 08:00, and Friday 6 March was given off.
    const roster = (await call(boss, 'GET', `/api/v1/wfm/plans/${planId}/roster`)).json();
    const worked = roster.shifts.filter((s: Shift) => s.agentId === supervisor.userId).length;
    expect(roster.preferences).toEqual([{ agentId: supervisor.userId, met: 1, broken: worked }]);
  });
});
