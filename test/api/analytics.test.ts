import { describe, expect, it } from 'vitest';
import { staffWorkspace } from '../support/app.ts';

const { admin, agent, supervisor, call } = await staffWorkspace();

const today = () => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());
  return parts;
};

async function queue(key: string) {
  const res = await call(admin, 'PUT', `/api/v1/routing/queues/${key}`, {
    name: `Queue ${key}`,
    targets: { chat: { percent: 80, seconds: 20 } },
    policy: {},
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function arrive(queueId: string, channel = 'chat') {
  const res = await call(admin, 'POST', '/api/v1/interactions', { channel, direction: 'inbound', queueId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

await queue('sales');
await queue('support');
await queue('vip');
await queue('board');

describe('analytics over HTTP', () => {
  it('an answered chat and an abandoned one show in today’s report, by queue and as CSV', async () => {
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' });
    const served = await arrive('sales');
    expect((await call(agent, 'POST', `/api/v1/interactions/${served.id}/accept`)).statusCode).toBe(200);
    await call(agent, 'POST', `/api/v1/interactions/${served.id}/end`);
    await call(agent, 'POST', `/api/v1/interactions/${served.id}/wrap-up`, { disposition: 'sold' });
    await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'offline' });
    const left = await arrive('sales');
    await new Promise((r) => setTimeout(r, 5100)); // longer than a short abandon
    expect((await call(admin, 'POST', `/api/v1/interactions/${left.id}/abandon`)).statusCode).toBe(200);

    const day = today();
    const res = await call(
      supervisor,
      'GET',
      `/api/v1/analytics/reports?from=${day}&to=${day}&grain=day&by=queue`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const sales = res.json().totals.find((r: { key: string }) => r.key === 'sales');
    expect(sales).toMatchObject({ offered: 2, answered: 1, abandoned: 1, shortAbandoned: 0 });
    expect(sales.ahtSeconds).toBeGreaterThanOrEqual(0);

    const csv = await call(
      supervisor,
      'GET',
      `/api/v1/analytics/reports?from=${day}&to=${day}&grain=interval&by=channel&format=csv`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toMatch(/^period,key,offered,answered,abandoned/);
    expect(csv.body).toMatch(/\ntotal,chat,2,1,1,/);

    const intraday = await call(supervisor, 'GET', '/api/v1/analytics/intraday');
    expect(intraday.statusCode).toBe(200);
    expect(intraday.json().rows[0].period).toMatch(/T\d\d:(00|15|30|45)$/);
  }, 30_000);

  it('bad report requests are 400s that say what is wrong', async () => {
    const bad = [
      '/api/v1/analytics/reports?from=2026-02-01&to=2026-01-01&grain=day',
      '/api/v1/analytics/reports?from=2026-01-01&to=2026-03-01&grain=interval',
      '/api/v1/analytics/reports?from=yesterday&to=2026-01-01&grain=day',
      '/api/v1/analytics/reports?from=2026-01-01&to=2026-01-02&grain=year',
      '/api/v1/analytics/reports?from=2026-01-01&to=2026-01-02&grain=day&by=planet',
      '/api/v1/analytics/reports?from=2026-01-01&to=2026-02-30&grain=day',
    ];
    for (const url of bad) {
      const res = await call(supervisor, 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message.length).toBeGreaterThan(5);
    }
  });

  it('agents may not read reports or the wallboard', async () => {
    expect((await call(agent, 'GET', '/api/v1/analytics/wallboard')).statusCode).toBe(403);
    expect(
      (await call(agent, 'GET', `/api/v1/analytics/reports?from=2026-01-01&to=2026-01-01&grain=day`))
        .statusCode,
    ).toBe(403);
  });

  it('refuses thresholds where red is better than amber, and unknown queues', async () => {
    const res = await call(supervisor, 'PUT', '/api/v1/analytics/thresholds/support', {
      thresholds: [{ metric: 'serviceLevel', amber: 0.6, red: 0.8 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('analytics.invalid_threshold');
    expect(
      (await call(supervisor, 'PUT', '/api/v1/analytics/thresholds/nope', { thresholds: [] })).statusCode,
    ).toBe(404);
  });

  it('a supervisor changes an agent’s state, watches a chat and whispers to the agent', async () => {
    // A fresh desk: the supervisor account (it may take work), supervised by the administrator.
    const [boss, desk] = [admin, supervisor];
    const set = await call(boss, 'PUT', `/api/v1/analytics/agents/${desk.userId}/state`, {
      state: 'available',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ agentId: desk.userId, status: expect.stringMatching(/available|busy/) });
    const chat = await arrive('vip');
    const accepted = await call(desk, 'POST', `/api/v1/interactions/${chat.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const note = await call(boss, 'POST', `/api/v1/analytics/interactions/${chat.id}/whisper`, {
      body: 'Ofrece el plan anual',
    });
    expect(note.statusCode, note.body).toBe(201);
    const watch = await call(boss, 'GET', `/api/v1/analytics/interactions/${chat.id}/watch`);
    expect(watch.json().messages).toEqual([
      expect.objectContaining({
        direction: 'internal',
        body: 'Ofrece el plan anual',
        authorId: boss.userId,
      }),
    ]);
    const reasonless = await call(boss, 'PUT', `/api/v1/analytics/agents/${desk.userId}/state`, {
      state: 'not_ready',
    });
    expect(reasonless.statusCode).toBe(400);
    expect(
      (
        await call(boss, 'POST', `/api/v1/analytics/interactions/${chat.id}/move`, {
          queueId: 'support',
        })
      ).statusCode,
    ).toBe(409);
    await call(desk, 'POST', `/api/v1/interactions/${chat.id}/end`);
    await call(desk, 'POST', `/api/v1/interactions/${chat.id}/wrap-up`, {});

    // The survey after the chat: linked to the agent and counted in the report.
    const csat = await call(admin, 'POST', `/api/v1/interactions/${chat.id}/csat`, {
      rating: 5,
      comment: 'Muy amable',
    });
    expect(csat.statusCode, csat.body).toBe(201);
    expect(csat.json()).toMatchObject({ rating: 5, agentId: desk.userId });
    expect(
      (await call(admin, 'POST', `/api/v1/interactions/${chat.id}/csat`, { rating: 4 })).statusCode,
    ).toBe(409);
    expect(
      (await call(admin, 'POST', `/api/v1/interactions/${chat.id}/csat`, { rating: 6 })).statusCode,
    ).toBe(400);
    const day = today();
    const report = await call(
      supervisor,
      'GET',
      `/api/v1/analytics/reports?from=${day}&to=${day}&grain=day&by=agent`,
    );
    const mine = report.json().totals.find((r: { key: string }) => r.key === desk.userId);
    expect(mine).toMatchObject({ csat: 5, csatResponses: 1 });
    const list = await call(boss, 'GET', `/api/v1/analytics/csat?agentId=${desk.userId}`);
    expect(list.json().items).toHaveLength(1);
    await call(boss, 'PUT', `/api/v1/analytics/agents/${desk.userId}/state`, { state: 'offline' });
  });

  it('a survey of a voice call or of a contact nobody answered is refused', async () => {
    const voice = await arrive('support', 'voice');
    expect(
      (await call(admin, 'POST', `/api/v1/interactions/${voice.id}/csat`, { rating: 3 })).statusCode,
    ).toBe(400);
    const waiting = await arrive('support');
    expect(
      (await call(admin, 'POST', `/api/v1/interactions/${waiting.id}/csat`, { rating: 3 })).statusCode,
    ).toBe(409);
  });
  it('the wallboard shows waiting work and turns a tile red past its threshold', async () => {
    const saved = await call(supervisor, 'PUT', '/api/v1/analytics/thresholds/board', {
      thresholds: [{ metric: 'waiting', amber: 1, red: 2 }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const a = await arrive('board');
    await arrive('board');
    const board = await call(supervisor, 'GET', '/api/v1/analytics/wallboard');
    expect(board.statusCode, board.body).toBe(200);
    const tile = board.json().queues.find((q: { queueId: string }) => q.queueId === 'board');
    expect(tile).toMatchObject({ waiting: 2, levels: { waiting: 'red' } });

    // A supervisor moves one to another queue.
    const moved = await call(supervisor, 'POST', `/api/v1/analytics/interactions/${a.id}/move`, {
      queueId: 'sales',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().queueId).toBe('sales');
    const after = (await call(supervisor, 'GET', '/api/v1/analytics/wallboard')).json();
    expect(after.queues.find((q: { queueId: string }) => q.queueId === 'board')).toMatchObject({
      waiting: 1,
      levels: { waiting: 'amber' },
    });
    expect(
      (await call(supervisor, 'POST', `/api/v1/analytics/interactions/${a.id}/move`, { queueId: 'nowhere' }))
        .statusCode,
    ).toBe(400);
  });
});
