/**
 * The supervisor's screens, end to end: the wallboard (and its big-screen mode) and a report with its
 * chart and table, in Spanish, with no page errors.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from './actions.ts';
import { collectPageErrors, launchBrowser, screenshot } from './browser.ts';
import { assertWebBuilt, type RunningServer, startServer } from './server.ts';

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

describe('supervisor journey', () => {
  it('a supervisor watches the wallboard, on the big screen too, and reads a report', async () => {
    const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'supervisor@servicenter.co');

    await page.goto(`${server.url}/supervisor`);
    await page.getByRole('heading', { name: 'Tablero en vivo' }).waitFor();
    await page
      .getByText(/Disponibles/)
      .first()
      .or(page.getByText(/Aún no hay colas/))
      .waitFor();
    await screenshot(page, 'supervisor-wallboard');
    await page.keyboard.press('b');
    await page.getByTestId('big-screen').waitFor();
    await screenshot(page, 'supervisor-wallboard-big');
    await page.keyboard.press('Escape');
    await page.getByTestId('big-screen').waitFor({ state: 'detached' });

    await page.goto(`${server.url}/reports`);
    await page.getByRole('heading', { name: 'Informes' }).waitFor();
    await page.getByRole('button', { name: 'Ver informe' }).click();
    await page.getByTestId('report-table').or(page.getByText('No hubo contactos en ese periodo.')).waitFor();
    await screenshot(page, 'supervisor-reports');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
