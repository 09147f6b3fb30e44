/**
 * Scheduled reports, for real: the application sends through an SMTP server (the test's sink, a real
 * SMTP listener) and the test reads the messages it received, with their CSV attachments.
 */
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { createSmtpMailer } from '../../src/platform/mail.ts';
import { startSink } from '../mail/sink.ts';
import { createWorkspace, login, type TestApp } from '../support/app.ts';
import { testDatabase } from '../support/database.ts';

const sink = await startSink();
const mailer = createSmtpMailer({
  url: `smtp://127.0.0.1:${sink.port}`,
  from: 'Atiende <informes@atiende.test>',
});
let now = Date.now();
const clock = { now: () => new Date(now) };
const database = await testDatabase();
const built = await buildApp(loadConfig({ ATIENDE_MODE: 'test' }), {
  database,
  clock,
  mailer,
  logger: createLogger({ logLevel: 'silent' }),
});
afterAll(async () => {
  await built.app.close();
  mailer.close();
  await database.close();
  await sink.close();
});
const app = { ...built, database } as unknown as TestApp;
const ws = await createWorkspace(app);
const supervisor = await login(app, ws.email('supervisor'));
const agent = await login(app, ws.email('agent'));
const inject = built.app.inject.bind(built.app);
const post = (url: string, payload: object, headers = supervisor.headers) =>
  inject({ method: 'POST', url, headers, payload });

async function waitForMail(count: number) {
  for (let i = 0; i < 100 && sink.received.length < count; i++) await new Promise((r) => setTimeout(r, 50));
  return sink.received;
}

describe('scheduled reports', () => {
  it('a daily report goes out at its local time with the day before’s CSV, once a day', async () => {
    const res = await post('/api/v1/analytics/report-schedules', {
      name: 'Diario por cola',
      schedule: { frequency: 'daily', time: '07:00', grain: 'day', by: 'queue' },
      recipients: ['jefa@banco.test', 'Gerente@Banco.test'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const schedule = res.json();
    expect(schedule.recipients).toEqual(['jefa@banco.test', 'gerente@banco.test']);
    const due = Date.parse(schedule.nextRunAt);
    // 07:00 in Bogotá is 12:00 UTC.
    expect(new Date(due).toISOString().slice(11, 16)).toBe('12:00');
    expect(due).toBeGreaterThan(now);

    // A contact an hour before the first run: the second run, a day later, reports it.
    now = due - 3_600_000;
    await inject({
      method: 'PUT',
      url: '/api/v1/routing/queues/ventas',
      headers: (await login(app, ws.email('admin'))).headers,
      payload: { name: 'Ventas', targets: {}, policy: {} },
    });
    // A session of that moment: the test's own sessions may have expired by then.
    const later = await login(app, ws.email('supervisor'));
    const created = await post(
      '/api/v1/interactions',
      { channel: 'chat', direction: 'inbound', queueId: 'ventas' },
      later.headers,
    );
    expect(created.statusCode, created.body).toBe(201);
    now = due - 1000;
    expect(await built.services.analytics.schedules.tick()).toBe(0);
    now = due + 30_000;
    expect(await built.services.analytics.schedules.tick()).toBe(1);
    expect(await built.services.analytics.schedules.tick()).toBe(0);
    const first = await waitForMail(2);
    expect(first.flatMap((m) => m.to).sort()).toEqual(['gerente@banco.test', 'jefa@banco.test']);
    now = due + 86_400_000 + 30_000;
    expect(await built.services.analytics.schedules.tick()).toBe(1);
    const received = await waitForMail(4);
    now = Date.now(); // back to the sessions' day

    const mail = await simpleParser(received[2]!.raw);
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(due);
    expect(mail.subject).toBe(`Informe «Diario por cola»: ${yesterday}`);
    expect(mail.text).toMatch(/Totales: \d+ ofrecidas/);
    expect(mail.attachments).toHaveLength(1);
    const csv = mail.attachments[0]!;
    expect(csv.filename).toBe(`report-${yesterday}-${yesterday}-day-queue.csv`);
    expect(csv.contentType).toBe('text/csv');
    const lines = csv.content.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^period,key,offered,answered,abandoned/);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${yesterday},ventas,1,`)));

    const listed = (
      await inject({ method: 'GET', url: '/api/v1/analytics/report-schedules', headers: supervisor.headers })
    ).json();
    expect(Date.parse(listed.items[0].nextRunAt)).toBe(due + 2 * 86_400_000);
    expect(listed.items[0].lastError).toBeNull();
  });

  it('a weekly report covers the seven days before its weekday; send now leaves the schedule as it was', async () => {
    const res = await post('/api/v1/analytics/report-schedules', {
      name: 'Semanal',
      schedule: { frequency: 'weekly', weekday: 1, time: '06:30', grain: 'day', by: 'total' },
      recipients: ['jefa@banco.test'],
    });
    const schedule = res.json();
    const monday = new Date(Date.parse(schedule.nextRunAt));
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Bogota', weekday: 'long' }).format(monday),
    ).toBe('Monday');
    const before = sink.received.length;
    const sent = await post(`/api/v1/analytics/report-schedules/${schedule.id}/send`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    const { from, to } = sent.json();
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(6);
    await waitForMail(before + 1);
    const mail = await simpleParser(sink.received[before]!.raw);
    expect(mail.subject).toBe(`Informe «Semanal»: ${from} a ${to}`);
    const listed = (
      await inject({ method: 'GET', url: '/api/v1/analytics/report-schedules', headers: supervisor.headers })
    ).json();
    expect(listed.items.find((s: { id: string }) => s.id === schedule.id).nextRunAt).toBe(schedule.nextRunAt);
    const removed = await inject({
      method: 'DELETE',
      url: `/api/v1/analytics/report-schedules/${schedule.id}`,
      headers: supervisor.headers,
    });
    expect(removed.statusCode).toBe(204);
  });

  it('refuses bad schedules with a clear 400, and agents', async () => {
    const bad = [
      {
        name: 'x',
        schedule: { frequency: 'daily', time: '25:00', grain: 'day', by: 'queue' },
        recipients: ['a@b.co'],
      },
      {
        name: 'x',
        schedule: { frequency: 'weekly', time: '07:00', grain: 'day', by: 'queue' },
        recipients: ['a@b.co'],
      },
      {
        name: 'x',
        schedule: { frequency: 'daily', time: '07:00', grain: 'month', by: 'queue' },
        recipients: ['a@b.co'],
      },
      {
        name: 'x',
        schedule: { frequency: 'daily', time: '07:00', grain: 'day', by: 'queue' },
        recipients: [],
      },
      {
        name: 'x',
        schedule: { frequency: 'daily', time: '07:00', grain: 'day', by: 'queue' },
        recipients: ['nope'],
      },
      {
        name: 'x',
        schedule: { frequency: 'hourly', time: '07:00', grain: 'day', by: 'queue' },
        recipients: ['a@b.co'],
      },
    ];
    for (const body of bad) {
      const res = await post('/api/v1/analytics/report-schedules', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message.length).toBeGreaterThan(5);
    }
    const forbidden = await post('/api/v1/analytics/report-schedules', bad[0]!, agent.headers);
    expect(forbidden.statusCode).toBe(403);
  });
});
