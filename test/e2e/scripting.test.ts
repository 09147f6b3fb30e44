/**
 * The script designer, end to end on the demo workspace: a supervisor designs a small script (a greeting,
 * a yes/no question, an end), sees the core's problems on the steps they concern, fixes them, saves and
 * publishes a version, previews it against a demo customer, makes a selection rule for it and tests it
 * against that customer, and an agent then runs it in the runner; its report shows the run. The demo
 * complaint's answer step is linked to a knowledge article through the designer's article picker.
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

/** Calls the API through the page's own session (as another screen would). */
function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/v1/me', { credentials: 'include' })).json()) as {
        csrfToken: string;
      };
      const response = await fetch(path, {
        method,
        credentials: 'include',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (response.status >= 300)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('script designer journey', () => {
  it('designs, validates, publishes and previews a script, which the runner then runs', async () => {
    const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'supervisor@servicenter.co');

    // The scripts list is an admin page; the demo's four scripts are there, live.
    await page.getByTestId('nav-admin-scripts').click();
    await page.waitForURL((url) => url.pathname === '/admin/scripts');
    await page.getByTestId('script-row-Queja').waitFor();
    await screenshot(page, 'scripting-list');

    // N opens a new script: a greeting and an end.
    await page.locator('body').click();
    await page.keyboard.press('n');
    await page.waitForURL((url) => url.pathname === '/admin/scripts/new');
    await page.getByTestId('designer-name').fill('Encuesta de satisfacción');

    // An empty greeting is refused on its own field.
    await page.getByTestId('designer-save').click();
    await page.getByTestId('step-0').getByText('Debe tener al menos 1').waitFor();
    await screenshot(page, 'scripting-designer-field-error');
    expect(page.url()).toContain('/admin/scripts/new');

    await page.getByTestId('step-0-text').fill('Hola {{customer.name}}, ¿tiene un minuto para una encuesta?');
    await page.getByTestId('designer-add-variable').click();
    await page.getByTestId('variable-0-name').fill('satisfecho');
    await pick(page, 'variable-0-type', 'Sí/No');

    // A question added but not linked: validation names it as unreachable.
    await page.getByTestId('designer-add-step').click();
    await pick(page, 'step-2-type', 'Preguntar');
    await page.getByTestId('step-2-id').fill('pregunta');
    await page.getByTestId('step-2-question').fill('¿Quedó satisfecho con la atención?');
    await pick(page, 'step-2-variable', 'satisfecho');
    await page.getByTestId('designer-validate').click();
    await page.getByTestId('designer-problems').waitFor();
    await expect.poll(() => page.getByTestId('step-2-problem').first().textContent()).toContain('pregunta');
    await screenshot(page, 'scripting-designer-problems');

    // Linked, it validates; then it is saved as version 1 and published.
    await pick(page, 'step-0-next', 'pregunta');
    await page.keyboard.press('Control+Enter');
    await page.getByText('El guion es válido.').waitFor();
    await page.keyboard.press('Control+s');
    await page.waitForURL((url) => /\/admin\/scripts\/[0-9a-f-]+\/v\/1$/.test(url.pathname));
    await page.getByTestId('version-1').waitFor();
    await page.getByTestId('designer-publish').click();
    await page.getByText('Versión 1 publicada').waitFor();
    await page.getByTestId('version-1').getByText('Activa').waitFor();

    // Its report has nothing to show yet: no contact has run it.
    await page.getByTestId('designer-report').click();
    await page.getByTestId('report-empty').getByText('Aún no hay ejecuciones').waitFor();
    await screenshot(page, 'scripting-report-empty');
    await page.goBack();
    await page.getByTestId('version-1').getByText('Activa').waitFor();

    // The preview runs the draft against a demo customer with the runner's own step card.
    const customers = await call<{ items: { id: string; name: string; tier: string }[] }>(
      page,
      'GET',
      '/api/v1/customers?limit=1',
    );
    const customer = customers.items[0]!;
    await page.getByTestId('preview-customer').click();
    await page.getByRole('option', { name: `${customer.name} · ${customer.tier}` }).click();
    const preview = page.getByTestId('script-preview');
    await preview.getByText(`Hola ${customer.name}`).waitFor();
    await preview.getByRole('button', { name: 'Continuar' }).click();
    await preview.getByText('¿Quedó satisfecho con la atención?').waitFor();
    await screenshot(page, 'scripting-designer-preview');
    await preview.getByRole('button', { name: '1. Sí' }).click();
    await page.getByTestId('preview-finished').waitFor();

    // The designer speaks English too.
    await switchLanguage(page, 'EN');
    await page.getByText('Design: Encuesta de satisfacción').waitFor();
    await page.getByTestId('script-versions').getByText('Live').waitFor();
    await screenshot(page, 'scripting-designer-en');
    await switchLanguage(page, 'ES');

    // A selection rule, made on the rules screen, starts it for a contact reason; a bad priority is refused
    // on its field. The test panel shows it chosen for the demo customer, and by which rule.
    await page.getByTestId('nav-admin-scripts').click();
    await page.getByTestId('script-rules').click();
    await page.waitForURL((url) => url.pathname === '/admin/scripts/rules');
    await page.getByTestId('rule-row-40').waitFor();
    await page.locator('body').click();
    await page.keyboard.press('n');
    await page.getByTestId('rule-priority').fill('-1');
    await pick(page, 'rule-script', 'Encuesta de satisfacción');
    await page.getByTestId('rule-reason').fill('encuesta');
    await page.getByTestId('rule-save').click();
    await page.getByTestId('rule-form').getByText('Debe ser al menos 0.').waitFor();
    await screenshot(page, 'scripting-rule-field-error');
    await page.getByTestId('rule-priority').fill('0');
    await page.getByTestId('rule-save').click();
    await page.getByTestId('rule-row-0').getByText('encuesta', { exact: true }).waitFor();
    await page.getByTestId('rule-test-customer').click();
    await page.getByRole('option', { name: `${customer.name} · ${customer.tier}` }).click();
    await page.getByTestId('rule-test-reason').fill('encuesta');
    await page.getByTestId('rule-test-run').click();
    const result = page.getByTestId('rule-test-result');
    await result.getByText('Empieza «Encuesta de satisfacción» (versión 1)').waitFor();
    await result.getByText('Por la regla de prioridad 0').waitFor();
    await screenshot(page, 'scripting-rules-test');
    await switchLanguage(page, 'EN');
    await result.getByText('Starts “Encuesta de satisfacción” (version 1)').waitFor();
    await page.getByRole('heading', { name: 'Selection rules' }).waitFor();
    await screenshot(page, 'scripting-rules-en');
    await switchLanguage(page, 'ES');

    // The runner walks an interaction with that reason through it.
    const interaction = await call<{ id: string }>(page, 'POST', '/api/v1/interactions', {
      channel: 'voice',
      direction: 'inbound',
      customerId: customer.id,
      attributes: { reason: 'encuesta' },
    });
    await page.goto(`${server.url}/scripts/run/${interaction.id}`);
    const runner = page.getByTestId('script-runner');
    await runner.getByText('Encuesta de satisfacción').waitFor();
    await runner.getByText(`Hola ${customer.name}`).waitFor();
    await page.keyboard.press('Enter');
    await runner.getByText('¿Quedó satisfecho con la atención?').waitFor();
    await page.keyboard.press('1');
    await page.getByTestId('script-finished').waitFor();
    await screenshot(page, 'scripting-runner-finished');
    const run = await call<{ current: { path: string[]; status: string } }>(
      page,
      'POST',
      `/api/v1/scripting/interactions/${interaction.id}/run`,
      {},
    );
    expect(run.current).toMatchObject({ status: 'ended', path: ['inicio', 'pregunta', 'fin'] });

    expect(errors).toEqual([]);
    await context.close();
  });
  it('reports where runs stop and links an answer step to a knowledge article', async () => {
    const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'supervisor@servicenter.co');

    // A complaint whose run stops at its second step, and one that reaches the baggage answer, which shows
    // the help center's current article.
    const customers = await call<{ items: { id: string }[] }>(page, 'GET', '/api/v1/customers?limit=2');
    const runs: {
      id: string;
      interactionId: string;
      current: { step: { id: string; title: string | null; text: string } };
    }[] = [];
    for (const c of customers.items) {
      const interaction = await call<{ id: string }>(page, 'POST', '/api/v1/interactions', {
        channel: 'voice',
        direction: 'inbound',
        customerId: c.id,
        attributes: { reason: 'queja' },
      });
      const started = await call<{ id: string }>(
        page,
        'POST',
        `/api/v1/scripting/interactions/${interaction.id}/run`,
        {},
      );
      runs.push(
        await call(page, 'POST', `/api/v1/scripting/runs/${started.id}/answers`, {
          stepId: 'escucha',
          value: null,
        }),
      );
    }
    const second = await call<(typeof runs)[number]>(
      page,
      'POST',
      `/api/v1/scripting/runs/${runs[1]!.id}/answers`,
      {
        stepId: 'tema',
        value: 'equipaje',
      },
    );
    expect(second.current.step).toMatchObject({
      id: 'equipaje',
      title: 'Perdí mi maleta o llegó dañada, ¿qué hago?',
      text: expect.stringContaining('antes de salir del aeropuerto'),
    });

    // The runner beside that contact shows the article and the customer's overdue invoice.
    await call(page, 'POST', '/api/v1/scripting/invoices', {
      customerId: customers.items[1]!.id,
      number: 'FV-E2E-1',
      issuedOn: '2026-01-01',
      dueOn: '2026-02-01',
      amount: 350000,
      currency: 'COP',
    });
    await page.goto(`${server.url}/scripts/run/${second.interactionId}`);
    await page.getByTestId('script-runner').getByText('Perdí mi maleta o llegó dañada, ¿qué hago?').waitFor();
    const invoices = page.getByTestId('invoices');
    await invoices.getByText('FV-E2E-1', { exact: false }).waitFor();
    await invoices.getByText('Vencida', { exact: true }).waitFor();
    await screenshot(page, 'scripting-runner-article-invoices');

    // The report, from the scripts list: where runs stop per step, and each path with its conversion.
    await page.getByTestId('nav-admin-scripts').click();
    await page.getByTestId('script-row-Queja').getByTestId('script-report').click();
    await page.getByTestId('report-totals').getByText('Ejecuciones: 2').waitFor();
    const paths = page.getByTestId('report-paths');
    await paths.getByText('escucha → tema', { exact: true }).waitFor();
    await paths.getByText('escucha → tema → politica → equipaje').waitFor();
    await page.getByTestId('report-steps').locator('.recharts-bar-rectangle path').first().waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, 'scripting-report');
    await switchLanguage(page, 'EN');
    await page.getByText('Conversion by path').waitFor();
    await screenshot(page, 'scripting-report-en');
    await switchLanguage(page, 'ES');

    // The complaint's baggage step embeds that article; unlinked, the picker searches the knowledge base
    // and links it again, taking the article's title and answer.
    await page.getByRole('link', { name: 'Diseñar' }).click();
    const baggage = page.locator('[data-step="equipaje"]');
    await baggage.getByText('Artículo de la base de conocimiento').waitFor();
    await baggage.getByRole('button', { name: 'Desvincular' }).click();
    const title = baggage.getByLabel('Título');
    await title.fill('Equipaje');
    await baggage.getByPlaceholder('Busque un artículo publicado…').fill('perdí la maleta');
    await baggage.getByText('Perdí mi maleta o llegó dañada').first().waitFor();
    await screenshot(page, 'scripting-designer-article-search');
    await baggage.getByRole('button', { name: 'Usar' }).first().click();
    await baggage.getByText('Artículo de la base de conocimiento').waitFor();
    expect(await title.inputValue()).toBe('Perdí mi maleta o llegó dañada, ¿qué hago?');
    expect(await baggage.locator('textarea').first().inputValue()).toContain('antes de salir del aeropuerto');
    await screenshot(page, 'scripting-designer-article-linked');
    expect(errors).toEqual([]);
    await context.close();
  });
});
