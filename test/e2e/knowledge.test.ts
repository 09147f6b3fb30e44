/**
 * The knowledge base, end to end on the demo workspace: an editor writes an article in Spanish, attaches a
 * picture, publishes it, writes its English translation and publishes that; the public help center finds
 * each by a question worded differently, shows the file, and the agent's suggested answers offer it.
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

/** A 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2dd5f2b0000000049454e44ae426082',
  'hex',
);

/** Fills the editor's fields, saves, waits for the article's own page and publishes it. */
async function writeAndPublish(page: Page, a: { title: string; body: string; phrasings: string }) {
  await page.getByLabel(/^(Título|Title)/).fill(a.title);
  await page.getByLabel(/^(Contenido|Body)/).fill(a.body);
  await page.getByLabel(/^(Otras formas|Other ways)/).fill(a.phrasings);
  await page.getByTestId('preview').getByText(a.body.split(';')[0]!).waitFor();
  await page.getByTestId('save').click();
  await page.waitForURL(/\/knowledge\/articles\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  await page.getByRole('button', { name: /^(Publicar|Publish)$/ }).click();
  await page.getByText(/^(Publicado|Published)$/).waitFor();
  return id;
}

describe('knowledge journey', () => {
  it('writes an article in both languages, publishes it, finds it in the help center and suggests it', async () => {
    const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'admin@servicenter.co');

    // Spanish, with a picture attached.
    await page.goto(`${server.url}/knowledge/new`);
    const esId = await writeAndPublish(page, {
      title: '¿Cómo lavo una hamaca de algodón?',
      body: 'Lávela a mano con agua fría y jabón neutro; séquela a la sombra, extendida, nunca en secadora.',
      phrasings: 'limpiar hamaca\ncuidado de la hamaca',
    });
    await page.getByRole('tab', { name: 'Archivos' }).click();
    await page.getByText('Este artículo no tiene archivos.').waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'hamaca-secado.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.getByRole('link', { name: 'hamaca-secado.png' }).waitFor();
    await screenshot(page, 'knowledge-editor-es');

    // Its English translation, started from the Spanish one.
    await page.getByTestId('translate').click();
    await page.getByText('Traducción de «¿Cómo lavo una hamaca de algodón?»').waitFor();
    const enId = await writeAndPublish(page, {
      title: 'How do I wash a cotton hammock?',
      body: 'Hand-wash it in cold water with mild soap; dry it in the shade, spread out, never in a dryer.',
      phrasings: 'clean my hammock',
    });
    expect(enId).not.toBe(esId);
    await screenshot(page, 'knowledge-editor-en');

    // The public help center finds each by a differently worded question, without logging in.
    const visitor = await browser.newPage();
    await visitor.goto(`${server.url}/help/servicenter/es/search?q=${encodeURIComponent('lavar hamacas')}`);
    await visitor.getByRole('link', { name: '¿Cómo lavo una hamaca de algodón?' }).first().click();
    await visitor.waitForURL(`**/articles/${esId}**`);
    await visitor.getByText('Archivos adjuntos').waitFor();
    const file = visitor.getByRole('link', { name: 'hamaca-secado.png' });
    const served = await visitor.request.get(new URL((await file.getAttribute('href'))!, server.url).href);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/png');
    await screenshot(visitor, 'knowledge-help-center-es');
    await visitor.getByRole('link', { name: /English/ }).click();
    await visitor.waitForURL(`**/en/articles/${enId}**`);
    await visitor.goto(
      `${server.url}/help/servicenter/en/search?q=${encodeURIComponent('washing hammocks')}`,
    );
    await visitor.getByRole('link', { name: 'How do I wash a cotton hammock?' }).first().waitFor();
    await screenshot(visitor, 'knowledge-help-center-en');

    // Still need help? The contact page opens the web channel as a page of its own, at a service request
    // whose description starts with what the visitor searched for, in the help center's language.
    await visitor.goto(`${server.url}/help/servicenter/es/search?q=${encodeURIComponent('hamaca rota')}`);
    await visitor.getByRole('link', { name: 'Contáctenos' }).click();
    await visitor.getByRole('link', { name: 'Crear una solicitud de servicio' }).click();
    await visitor.waitForURL('**/widget/frame/**');
    const description = visitor.getByLabel('Descripción');
    await description.waitFor();
    await expect(description.inputValue()).resolves.toBe('hamaca rota');
    await screenshot(visitor, 'knowledge-contact-request');
    await visitor.close();

    // The agent's suggested answers offer it for what a customer wrote, and insert it into the reply.
    await page.goto(`${server.url}/knowledge/suggest`);
    await page.getByTestId('suggest-input').fill('el cliente pregunta cómo se lava la hamaca de algodón');
    const suggestions = page.getByTestId('suggestions');
    await suggestions.getByText('¿Cómo lavo una hamaca de algodón?').waitFor();
    await suggestions.getByRole('button', { name: 'Insertar' }).first().click();
    await expect(page.getByTestId('suggest-reply').inputValue()).resolves.toContain('agua fría');
    await screenshot(page, 'knowledge-suggestions');

    expect(errors).toEqual([]);
    await context.close();
  });
});
