/**
 * Routing administration, end to end: a supervisor creates a queue with its policy and its own business
 * hours, edits an agent's routing profile and the workspace's routing settings, in Spanish and English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, switchLanguage } from './actions.ts';
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

/** Reads a JSON resource through the page's own session. */
const api = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).json(), path) as Promise<T>;

describe('routing administration journey', () => {
  it('a supervisor sets up a queue, an agent profile and the routing settings', async () => {
    const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'supervisor@servicenter.co');

    // g q opens the queues page; N opens the editor.
    await page.keyboard.press('g');
    await page.keyboard.press('q');
    await page.waitForURL((url) => url.pathname === '/admin/queues');
    await page.getByTestId('routing-settings').waitFor();
    await page.locator('body').click();
    await page.keyboard.press('n');
    const form = page.getByTestId('queue-form');
    await form.waitFor();

    // A bad key is refused before asking the server.
    await page.getByTestId('queue-key').fill('Mala Clave');
    await page.getByTestId('queue-save').click();
    await form.getByText('Use minúsculas').waitFor();
    await page.getByTestId('queue-key').fill('reservas');
    await page.getByTestId('queue-name').fill('Reservas');

    await page.getByTestId('tab-routing').click();
    await page.getByTestId('queue-boosts-add').click();
    await page.getByTestId('boost-tier-0').fill('platinum');
    await page.getByTestId('queue-sticky').click({ force: true });
    await page.getByTestId('queue-offer-agents').fill('2');

    await page.getByTestId('tab-hours').click();
    await page.getByTestId('queue-hours-mode').getByText('Propio').click();
    await page.getByTestId('weekly-hours').waitFor();
    await page.getByTestId('queue-after-hours').click();
    await page.getByRole('option', { name: 'Convertir en mensaje' }).click();
    await screenshot(page, 'routing-queue-form');
    await page.getByTestId('queue-save').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('queue-row-reservas').waitFor();

    const queue = await api<{
      policy: {
        valueTierBoost: Record<string, number>;
        offer: { agents: number };
        sticky?: unknown;
        afterHours: unknown;
      };
      hours: { calendar: string; weekly: unknown[] };
    }>(page, '/api/v1/routing/queues/reservas');
    expect(queue.policy.valueTierBoost).toEqual({ platinum: 90 });
    expect(queue.policy.offer.agents).toBe(2);
    expect(queue.policy.sticky).toBeDefined();
    expect(queue.policy.afterHours).toEqual({ kind: 'message' });
    expect(queue.hours.calendar).toBe('custom');
    expect(queue.hours.weekly).toHaveLength(5);

    // Settings: a new not-ready reason and disposition codes.
    const settings = page.getByTestId('routing-settings');
    await page.getByTestId('settings-reasons').fill('capacitacion');
    await page.getByTestId('settings-reasons').press('Enter');
    await page.getByTestId('settings-dispositions').fill('venta');
    await page.getByTestId('settings-dispositions').press('Enter');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();
    const saved = await api<{ notReadyReasons: string[]; dispositionCodes: string[] }>(
      page,
      '/api/v1/routing/settings',
    );
    expect(saved.notReadyReasons).toContain('capacitacion');
    expect(saved.dispositionCodes).toEqual(['venta']);
    await settings.scrollIntoViewIfNeeded();
    await screenshot(page, 'routing-queues');

    // The agent's profile: a skill at level 4 and a chat cap.
    await page.goto(`${server.url}/admin/agent-profiles`);
    await page.getByTestId('agents-table').waitFor();
    await page.getByTestId('agent-row-agente@servicenter.co').click();
    const profile = page.getByTestId('profile-form');
    await page.getByTestId('profile-skills-add').click();
    await page.getByTestId('profile-skill-0').fill('hoteles');
    await page.getByTestId('profile-level-0').fill('4');
    await screenshot(page, 'routing-profile-form');
    await page.getByTestId('profile-save').click();
    await profile.waitFor({ state: 'detached' });
    await page.getByTestId('agent-row-agente@servicenter.co').getByText('hoteles 4').waitFor();

    // The same screen in English.
    await switchLanguage(page, 'EN');
    await page.getByRole('columnheader', { name: 'Skills' }).waitFor();
    await screenshot(page, 'routing-agents-en');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an agent cannot open the routing pages', async () => {
    const context = await browser.newContext({ locale: 'es-CO' });
    const page = await context.newPage();
    await logIn(page, server.url, 'agente@servicenter.co');
    await page.goto(`${server.url}/admin/queues`);
    await page.getByTestId('no-access').waitFor();
    await context.close();
  });
});
