/**
 * Quality, end to end in Spanish: a supervisor builds a scorecard, opens a chat they handled, reads its
 * transcript beside the scorecard and evaluates it (Ctrl+Enter); the agent's side is the API suite's.
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

/** A chat the logged-in supervisor takes and closes, through the API as the page's own session. */
function handledChat(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
    const call = async (method: string, url: string, body?: object) => {
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify(body ?? {}),
      });
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<{ id: string }>;
    };
    await call('PUT', '/api/v1/routing/queues/calidad', { name: 'Calidad', targets: {}, policy: {} });
    await call('PUT', '/api/v1/routing/me/state', { state: 'available' });
    const chat = await call('POST', '/api/v1/interactions', {
      channel: 'chat',
      direction: 'inbound',
      queueId: 'calidad',
      subject: 'Reserva en Barichara',
      message: 'Hola, quiero cambiar la fecha de mi reserva en Barichara.',
    });
    await call('POST', `/api/v1/interactions/${chat.id}/accept`);
    await call('POST', `/api/v1/interactions/${chat.id}/end`);
    await call('POST', `/api/v1/interactions/${chat.id}/wrap-up`, { disposition: 'resuelto' });
    await call('PUT', '/api/v1/routing/me/state', { state: 'offline' });
    return chat.id;
  });
}

describe('quality journey', () => {
  it('a supervisor builds a scorecard and evaluates a chat beside its transcript', async () => {
    const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'supervisor@servicenter.co');
    const chatId = await handledChat(page);

    // From the wallboard to Quality, then build a scorecard of two sections.
    await page.goto(`${server.url}/supervisor`);
    await page.getByRole('link', { name: 'Calidad' }).click();
    await page.getByRole('heading', { name: 'Calidad' }).waitFor();
    await page.getByRole('tab', { name: 'Fichas' }).click();
    await page.getByText('Aún no hay fichas').waitFor();
    await page.getByRole('button', { name: 'Nueva ficha' }).click();
    const editor = page.getByTestId('scorecard-editor');
    await editor.getByLabel('Nombre').fill('Chat de reservas');
    await editor.getByLabel('Título de la sección').fill('Apertura');
    await editor.getByTestId('question-row').nth(0).getByLabel('Pregunta').fill('Saluda y se presenta');
    await editor.getByRole('button', { name: 'Añadir pregunta' }).click();
    const verify = editor.getByTestId('question-row').nth(1);
    await verify.getByLabel('Pregunta').fill('Verifica la identidad del cliente');
    await verify.getByLabel('Peso').fill('30');
    await verify.getByLabel('Crítica').check();
    await editor.getByRole('button', { name: 'Añadir sección' }).click();
    const second = editor.getByTestId('section-card').nth(1);
    await second.getByLabel('Título de la sección').fill('Resolución');
    const solve = second.getByTestId('question-row').nth(0);
    await solve.getByLabel('Pregunta').fill('Resuelve el cambio de fecha');
    await solve.getByLabel('Peso').fill('60');
    await solve.getByLabel('Escala').click();
    await page.getByRole('option', { name: '0 a 4 puntos' }).click();
    await screenshot(page, 'quality-scorecard-editor');
    await editor.getByRole('button', { name: 'Guardar ficha' }).click();
    await page.getByTestId('scorecard').getByText('Chat de reservas').waitFor();
    await page.getByText('3 preguntas').waitFor();

    // Evaluate the chat: the transcript beside the questions.
    await page.getByRole('tab', { name: 'Evaluaciones' }).click();
    await page.getByTestId('recent-interactions').getByText('Reserva en Barichara').waitFor();
    await page.getByTestId('recent-interactions').getByRole('link', { name: 'Evaluar' }).first().click();
    await page.waitForURL((url) => url.pathname === `/quality/evaluate/${chatId}`);
    await page.getByTestId('transcript').getByText('quiero cambiar la fecha de mi reserva').waitFor();
    // The only scorecard in use is chosen already.
    await page.getByLabel('Saluda y se presenta').getByText('Sí').click();
    await page.getByLabel('Verifica la identidad del cliente').getByText('Sí').click();
    await page.getByLabel('Resuelve el cambio de fecha').getByText('3', { exact: true }).click();
    await page.getByLabel('Comentario para el agente').fill('Buen trato; confirma el cambio por escrito.');
    await screenshot(page, 'quality-evaluate');
    await page.getByLabel('Comentario para el agente').press('Control+Enter');
    await page.getByText('Evaluación enviada').waitFor();
    // (10 + 30 + 60·3/4) / 100 = 85
    const score = page.getByTestId('evaluation').getByTestId('score');
    await expect(score.textContent()).resolves.toBe('85.0');
    await page.getByTestId('evaluation').getByText('Pendiente de confirmar').waitFor();
    await screenshot(page, 'quality-evaluated');

    // The trends tab counts it.
    await page.goto(`${server.url}/quality`);
    await page.getByRole('tab', { name: 'Tendencias' }).click();
    await page.getByTestId('quality-report').getByText('85.0').first().waitFor();
    await screenshot(page, 'quality-trends');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
