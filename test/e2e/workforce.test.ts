/**
 * Workforce, end to end: a supervisor imports the bank's January calls, forecasts and staffs February's
 * first week, adjusts an interval (Ctrl+S) and publishes; validates a day by simulation; an agent then reads the
 * published plan. Then, on a plan for today: the supervisor rosters named agents, moves a shift in the Gantt
 * chart and publishes; the agent reads her schedule and asks for a day off; the adherence screen shows her
 * out of adherence and follows a change of her shift live.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, switchLanguage } from './actions.ts';
import { collectPageErrors, launchBrowser, screenshot } from './browser.ts';
import { DEMO_PASSWORD } from './demo.ts';
import { assertWebBuilt, type RunningServer, startServer } from './server.ts';

const BANK = resolve(import.meta.dirname, '../../../shared/data/anonymous-bank/january-1999.tsv');

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  assertWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Logs in over HTTP and answers a caller for the JSON API with that session. */
async function apiAs(email: string) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (await login.json()) as { id: string; csrfToken: string };
  return async (method: string, path: string, body?: string | object, type = 'application/json') => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body ? { 'content-type': type } : {}) },
      body: typeof body === 'string' ? body : body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** The demo workspace's wall clock (Bogotá, UTC−5 all year) as `YYYY-MM-DDTHH:MM:SS`. */
const bogota = (ms = Date.now()) => new Date(ms - 5 * 3_600_000).toISOString().slice(0, 19);

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

describe('workforce journey', () => {
  let planUrl = '';

  it('a supervisor goes from imported history to a published plan', async () => {
    const page = await newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'supervisor@servicenter.co');
    // The `g w` shortcut opens the section.
    await page.keyboard.press('g');
    await page.keyboard.press('w');
    await page.waitForURL((url) => url.pathname === '/workforce');
    await page.getByTestId('series-empty').waitFor();

    await page.getByTestId('import-queue').fill('banco');
    await page.getByText('Registros por llamada (Anonymous Bank)').click();
    await page.locator('input[type="file"]').setInputFiles(BANK);
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await expect(page.getByTestId('import-done').textContent()).resolves.toMatch(/intervalos importados/);
    await page.getByTestId('series-table').getByText('banco').waitFor();

    await page.getByTestId('plan-series').click();
    await page.getByRole('option', { name: 'banco · voice · 30 min' }).click();
    await page.getByTestId('plan-name').fill('Febrero, semana 1');
    await page.getByRole('button', { name: 'Pronosticar y dimensionar' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/workforce/plans/'));
    planUrl = page.url();
    await page.getByTestId('forecast-chart').waitFor();
    await page.getByTestId('staffing-chart').waitFor();
    await page.getByTestId('accuracy-table').waitFor();
    await expect(page.getByTestId('plan-status').textContent()).resolves.toBe('Borrador');
    await screenshot(page, 'workforce-plan-draft');

    // Validation by simulation of the day shown.
    await page.getByTestId('run-simulation').click();
    await page.getByTestId('simulation-chart').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('simulation-total').textContent()).resolves.toMatch(/simulado \d/);
    await page.getByTestId('simulation-card').screenshot({ path: 'screenshots/workforce-simulation.png' });

    // Adjust the first interval of the day shown and save with the keyboard.
    const first = page.getByTestId('interval-table').locator('tbody tr').first();
    const input = first.locator('input');
    const required = Number(await first.locator('td').nth(4).textContent());
    await input.fill(String(required + 3));
    await page.keyboard.press('Control+s');
    await page.getByText('Ajustes guardados.').waitFor();
    await page.getByTestId('publish-plan').click();
    await page.getByTestId('plan-status').filter({ hasText: 'Publicado' }).waitFor();
    await first.filter({ hasText: 'ajustado' }).waitFor();
    // February 1999 is not today: intraday says so instead of failing.
    await page.getByTestId('intraday-not-today').waitFor();
    await switchLanguage(page, 'EN');
    await page.getByText('Forecast and actual').waitFor();
    await screenshot(page, 'workforce-plan-published');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an agent reads the published plan but cannot change it', async () => {
    const page = await newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'agente@servicenter.co');
    await page.goto(`${server.url}/workforce`);
    await page.getByTestId('plans-table').getByText('Febrero, semana 1').click();
    await page.waitForURL(planUrl);
    await page.getByTestId('forecast-chart').waitFor();
    await expect(page.getByTestId('plan-status').textContent()).resolves.toBe('Publicado');
    await expect(page.getByTestId('interval-table').locator('input').count()).resolves.toBe(0);
    await expect(page.getByTestId('publish-plan').count()).resolves.toBe(0);
    await expect(page.getByTestId('import-queue').count()).resolves.toBe(0);
    await screenshot(page, 'workforce-agent');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a supervisor rosters named agents on today's plan, moves a shift and publishes", async () => {
    const api = await apiAs('supervisor@servicenter.co');
    const today = bogota().slice(0, 10);
    const rows = ['timestamp,count,aht_seconds'];
    for (let d = 28; d >= 1; d--)
      for (let slot = 0; slot < 48; slot++)
        rows.push(`${bogota(Date.parse(`${today}T05:00:00Z`) - d * 86_400_000 + slot * 1_800_000)},2,240`);
    await api(
      'POST',
      '/wfm/history/import?queueKey=hoy&channel=voice&intervalMinutes=30',
      rows.join('\n'),
      'text/csv',
    );
    const plan = await api('POST', '/wfm/plans', {
      name: 'Hoy',
      queueKey: 'hoy',
      channel: 'voice',
      intervalMinutes: 30,
      settings: { horizonDays: 1, method: 'weekday_mean', shrinkage: 0 },
    });
    const users = (await api('GET', '/users?limit=50')).items as { id: string; email: string }[];
    const idOf = (email: string) => users.find((u) => u.email === email)!.id;
    // A short presence grace, so that a closed desk turns not ready within the journey.
    await api('PUT', '/routing/settings', {
      ...(await api('GET', '/routing/settings')),
      presenceGraceSeconds: 2,
    });
    for (const email of ['supervisor@servicenter.co', 'admin@servicenter.co']) {
      await api('PUT', `/wfm/agents/${idOf(email)}`, {
        queues: ['hoy'],
        contractMinutes: 2400,
        maxDays: 5,
        availability: Array(7).fill([0, 1440]),
      });
    }

    // Laura is in the «reservas» team: the roster can be read team by team.
    const lauraId = idOf('agente@servicenter.co');
    const profiles = (await api('GET', '/routing/agents')).items as {
      userId: string;
      skills: Record<string, number>;
      languages: string[];
      channels: Record<string, number>;
      capacity: number;
    }[];
    const laura = profiles.find((p) => p.userId === lauraId);
    await api('PUT', `/routing/agents/${lauraId}/profile`, {
      skills: laura?.skills ?? {},
      languages: laura?.languages ?? ['es'],
      channels: laura?.channels ?? { voice: 1 },
      capacity: laura?.capacity ?? 1,
      teams: ['reservas'],
    });
    const page = await newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'supervisor@servicenter.co');
    // The first journey left the supervisor in English.
    await switchLanguage(page, 'ES');
    await page.goto(`${server.url}/workforce/plans/${plan.id}`);
    await page.getByTestId('link-roster').click();
    await page.getByTestId('roster-empty').waitFor();
    // Laura joins from the screen: the plan's queue, every day of the week, 07:00–19:00.
    await page.getByTestId('agent-user').click();
    await page.getByRole('option', { name: 'Laura Gómez' }).click();
    await page.getByTestId('agent-days').getByText('sáb', { exact: true }).click();
    await page.getByTestId('agent-days').getByText('dom', { exact: true }).click();
    // She would rather start by 20:00 and have Sundays off: the roster says whether it kept that.
    await page.getByTestId('agent-prefer-to').fill('20:00');
    await page.getByTestId('agent-prefer-off').getByText('dom', { exact: true }).click();
    await page.getByTestId('agent-save').click();
    await page.getByTestId('agents-table').getByText('Laura Gómez').waitFor();

    await page.getByTestId('roster-solve').click();
    await page.getByTestId('gantt').waitFor();
    await expect(page.getByTestId('gantt-row').count()).resolves.toBe(3);
    await page.getByTestId('roster-team').click();
    await page.getByRole('option', { name: 'reservas' }).click();
    await expect.poll(() => page.getByTestId('gantt-row').count()).toBe(1);
    await page.getByTestId('gantt-row').getByText('Laura Gómez').waitFor();
    await page.getByTestId('roster-team').click();
    await page.getByRole('option', { name: 'Todos los equipos' }).click();
    await expect.poll(() => page.getByTestId('gantt-row').count()).toBe(3);
    await expect(page.getByTestId('roster-status').textContent()).resolves.toBe('Borrador');
    await page
      .getByTestId('roster-preferences')
      .getByText(/Laura Gómez: \d cumplidas, \d no/)
      .waitFor();
    await screenshot(page, 'workforce-roster');

    // Move Laura's shift to start an hour ago, with the editor, then 15 minutes later with the keyboard.
    const now = Date.parse(`${bogota()}Z`);
    const start = Math.max(
      Date.parse(`${today}T00:00:00Z`),
      Math.floor((now - 3_600_000) / 900_000) * 900_000,
    );
    const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    await page.getByRole('button', { name: /^Laura Gómez,/ }).click();
    await page.getByTestId('shift-editor').waitFor();
    await page.getByTestId('edit-start').fill(hhmm(start));
    await page.getByTestId('edit-move').click();
    await page.getByRole('button', { name: new RegExp(`^Laura Gómez, .* ${hhmm(start)}–`) }).waitFor();
    await page.keyboard.press('Alt+ArrowRight');
    await page
      .getByRole('button', { name: new RegExp(`^Laura Gómez, .* ${hhmm(start + 900_000)}–`) })
      .waitFor();
    await page.keyboard.press('Alt+ArrowLeft');
    await page.getByRole('button', { name: new RegExp(`^Laura Gómez, .* ${hhmm(start)}–`) }).waitFor();
    // Her availability is 07:00–19:00: outside it the move is flagged, naming her.
    const minute = (start - Date.parse(`${today}T00:00:00Z`)) / 60_000;
    if (minute < 7 * 60 || minute + 510 > 19 * 60) {
      await page
        .getByTestId('violation-error')
        .filter({ hasText: 'Laura Gómez: el turno está fuera de su disponibilidad' })
        .waitFor();
    }
    await screenshot(page, 'workforce-roster-edited');
    await page.getByTestId('roster-publish').click();
    await page.getByTestId('roster-status').filter({ hasText: 'Publicado' }).waitFor();
    await page.getByTestId('roster-days').getByText('Semana').click();
    await page.getByTestId('roster-week').waitFor();
    await screenshot(page, 'workforce-roster-week');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the agent reads her schedule and asks for a day off; adherence follows the schedule live', async () => {
    const supervisor = await newPage();
    const supervisorErrors = collectPageErrors(supervisor);
    await logIn(supervisor, server.url, 'supervisor@servicenter.co');
    await switchLanguage(supervisor, 'ES');
    await supervisor.goto(`${server.url}/workforce`);
    await supervisor.getByTestId('link-adherence').click();
    await supervisor.getByTestId('adherence-table').waitFor();
    const laura = supervisor.getByTestId('adherence-row').filter({ hasText: 'Laura Gómez' });
    await laura.getByText(/Fuera desde \d\d:\d\d/).waitFor();
    await screenshot(supervisor, 'workforce-adherence');

    const agent = await newPage();
    const agentErrors = collectPageErrors(agent);
    await logIn(agent, server.url, 'agente@servicenter.co');
    await agent.goto(`${server.url}/workforce`);
    await agent.getByTestId('link-my-schedule').click();
    await agent.getByTestId('my-shift').first().waitFor();
    await agent.getByTestId('gantt-shift').first().waitFor();
    await screenshot(agent, 'workforce-my-schedule');
    const tomorrow = new Date(Date.parse(`${bogota().slice(0, 10)}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await agent.getByTestId('time-off-day').fill(tomorrow);
    await agent.getByRole('button', { name: 'Pedir día libre' }).click();
    await agent.getByText('Solicitud enviada.').waitFor();

    expect(agentErrors).toEqual([]);
    await agent.context().close();

    // Another supervisor moves her shift to start in an hour: the screen follows through the realtime
    // hub without a reload, and she is no longer due at work.
    const api = await apiAs('admin@servicenter.co');
    const plans = (await api('GET', '/wfm/plans')).items as { id: string; name: string }[];
    const planId = plans.find((p) => p.name === 'Hoy')!.id;
    const roster = await api('GET', `/wfm/plans/${planId}/roster`);
    const lauraId = Object.entries(roster.names as Record<string, string>).find(
      ([, n]) => n === 'Laura Gómez',
    )![0];
    const shift = (roster.shifts as { id: string; agentId: string }[]).find((s) => s.agentId === lauraId)!;
    const later = bogota(Math.ceil(Date.now() / 900_000) * 900_000 + 3_600_000);
    await api('POST', `/wfm/plans/${planId}/roster/edit`, {
      edit: { type: 'move', shiftId: shift.id, start: later },
    });
    await laura.getByText('En adherencia').waitFor({ timeout: 20_000 });
    await laura.getByText('fuera de turno').waitFor();
    await switchLanguage(supervisor, 'EN');
    await laura.getByText('In adherence').waitFor();
    await screenshot(supervisor, 'workforce-adherence-en');
    expect(supervisorErrors).toEqual([]);
    await supervisor.context().close();
  });
});
