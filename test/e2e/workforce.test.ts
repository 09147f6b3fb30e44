/**
 * Workforce, end to end: a supervisor imports the bank's January calls, forecasts and staffs February's
 * first week, adjusts an interval (Ctrl+S) and publishes; validates a day by simulation; an agent then reads the
 * published plan.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, switchLanguage } from './actions.ts';
import { collectPageErrors, launchBrowser, screenshot } from './browser.ts';
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
});
