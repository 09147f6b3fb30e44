/**
 * The customer screens, end to end on the demo workspace: a search with a typo finds the customer, the 360
 * page shows them, an edit is refused field by field and then saved, and the duplicates review merges two
 * records of the same person into one.
 */
import type { Browser, Page } from 'playwright-core';
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

/** Creates a customer through the API as the logged-in user, as another screen or an import would. */
async function createCustomer(page: Page, body: Record<string, unknown>): Promise<string> {
  return page.evaluate(async (input) => {
    const me = (await (await fetch('/api/v1/me', { credentials: 'include' })).json()) as {
      csrfToken: string;
    };
    const response = await fetch('/api/v1/customers', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify(input),
    });
    if (response.status !== 201)
      throw new Error(`create failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  }, body);
}

describe('customer screens journey', () => {
  it('finds a customer by a misspelt name, edits them past a validation error, and merges their duplicate', async () => {
    const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'admin@servicenter.co');
    const keepId = await createCustomer(page, {
      name: 'Rosalba Quintero Afanador',
      email: 'rosalba.quintero@gmail.com',
      phone: '318 555 0101',
      tags: ['frecuente'],
    });
    // The same person again: Gmail ignores the dots, so the two addresses are one mailbox.
    await createCustomer(page, { name: 'Rosalba Quintero', email: 'rosalbaquintero@gmail.com' });

    // Search, with a letter wrong in each word.
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-table').or(page.getByTestId('customers-empty')).first().waitFor();
    await page.getByTestId('customer-search').fill('rosalva quinteros');
    const row = page.getByTestId('customers-table').getByText('Rosalba Quintero Afanador');
    await row.waitFor();
    await screenshot(page, 'customers-search');
    await row.click();

    // The 360 page.
    await page.waitForURL(`**/customers/${keepId}`);
    await page.getByTestId('value-card').waitFor();
    await expect(page.getByRole('heading', { name: 'Rosalba Quintero Afanador' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByTestId('identities-card').textContent()).resolves.toContain(
      'rosalba.quintero@gmail.com',
    );
    await page.getByTestId('open-interactions').getByText('Ningún contacto abierto.').waitFor();
    await page.getByTestId('timeline').waitFor();
    await screenshot(page, 'customers-360');

    // Edit: an unknown time zone is refused on its field; a consent change wants its source.
    await page.getByTestId('edit-customer').click();
    const form = page.getByTestId('customer-form');
    await form.waitFor();
    const timeZone = form.getByLabel('Zona horaria');
    await timeZone.fill('America/Bucaramanga');
    await form.getByRole('button', { name: 'Guardar' }).click();
    // The message sits under the time zone field itself, in Spanish.
    await form
      .locator('.mantine-InputWrapper-root', { has: page.getByText('Zona horaria', { exact: true }) })
      .getByText('Zona horaria desconocida', { exact: false })
      .waitFor();
    await screenshot(page, 'customers-edit-error');
    await timeZone.fill('America/Bogota');
    await form.getByTestId('dnc-whatsapp').check({ force: true });
    await form.getByRole('button', { name: 'Guardar' }).click();
    await form.getByText('Indique de dónde vienen los cambios de consentimiento.').waitFor();
    await form.getByTestId('consent-source').fill('Llamada del cliente');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await page.waitForURL(`**/customers/${keepId}`);
    const profile = page.getByTestId('profile-card');
    await profile.getByText('No contactar').waitFor();
    await expect(profile.textContent()).resolves.toContain('America/Bogota');

    // Duplicates review: the pair is there; keep the first record.
    await page.goto(`${server.url}/customers/duplicates`);
    const pair = page.getByTestId('duplicate-pair').filter({ hasText: 'rosalbaquintero@gmail.com' });
    await pair.waitFor();
    await screenshot(page, 'customers-duplicates');
    await pair
      .getByTestId('duplicate-side')
      .filter({ hasText: 'Rosalba Quintero Afanador' })
      .getByRole('button', { name: 'Fusionar en este' })
      .click();
    // The confirmation shows who is kept and what moves into it; nothing is merged until it is confirmed.
    const confirm = page.getByRole('dialog', { name: '¿Fusionar estos clientes?' });
    await expect(confirm.getByTestId('merge-kept').textContent()).resolves.toContain(
      'Rosalba Quintero Afanador',
    );
    await expect(confirm.getByTestId('merge-moved').textContent()).resolves.toContain(
      'rosalbaquintero@gmail.com',
    );
    await screenshot(page, 'customers-merge-confirm');
    await confirm.getByRole('button', { name: 'Cancelar' }).click();
    await confirm.waitFor({ state: 'detached' });
    await pair.waitFor();
    await pair
      .getByTestId('duplicate-side')
      .filter({ hasText: 'Rosalba Quintero Afanador' })
      .getByRole('button', { name: 'Fusionar en este' })
      .click();
    await confirm.getByRole('button', { name: 'Fusionar', exact: true }).click();
    await pair.waitFor({ state: 'detached' });

    // One record now holds both addresses, and its history says who merged what.
    await page.goto(`${server.url}/customers/${keepId}`);
    const identities = page.getByTestId('identities-card');
    await identities.getByText('rosalbaquintero@gmail.com').waitFor();
    await expect(identities.textContent()).resolves.toContain('rosalba.quintero@gmail.com');
    await page.getByTestId('timeline').getByText('Rosalba Quintero', { exact: false }).first().waitFor();
    await screenshot(page, 'customers-merged');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an administrator sees the custom fields and the value tiers with their chart', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'admin@servicenter.co');
    await page.goto(`${server.url}/admin/customer-fields`);
    await page.getByTestId('fields-table').waitFor();
    await page.getByTestId('new-field').click();
    const form = page.getByTestId('field-form');
    await form.locator('input').first().fill('Bad Key');
    await form.locator('input').nth(1).fill('Preferred hotel');
    await form.locator('button[type="submit"]').click();
    await form.locator('[aria-invalid="true"]').first().waitFor();
    await form.locator('input').first().fill('preferred_hotel');
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('fields-table').getByText('preferred_hotel').waitFor();
    await screenshot(page, 'customers-admin-fields');

    await page.goto(`${server.url}/admin/customer-value`);
    await page.getByTestId('tier-distribution').locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'customers-admin-value');
    expect(errors).toEqual([]);
    await context.close();
  });
});
