/**
 * The chat channel end to end, in real Chromium: a host page on another origin embeds the widget; a
 * customer chats with an agent on the desk (two browser contexts), the agent transfers to a second
 * agent who wraps up, and the transcript lands in the customer's timeline. Then a call-back request
 * shows in the desk's call-back list at its window.
 */
import { createServer, type Server } from 'node:http';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from './actions.ts';
import { collectPageErrors, launchBrowser, screenshot } from './browser.ts';
import { DEMO_PASSWORD } from './demo.ts';
import { assertWebBuilt, type RunningServer, startServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let host: Server;
let hostUrl: string;
let channelKey: string;

/** Logs in over HTTP and returns a caller for the JSON API with that session. */
async function apiAs(email: string) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (await login.json()) as { id: string; csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': me.csrfToken,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return { id: me.id, call };
}

beforeAll(async () => {
  assertWebBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const admin = await apiAs('admin@servicenter.co');
  for (const key of ['chat', 'callbacks'])
    await admin.call('PUT', `/routing/queues/${key}`, { name: key, targets: {}, policy: {} });
  // The host site: another origin (localhost, another port) serving a page with the snippet.
  host = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><html><body><h1>Tienda Demo</h1>${snippet}</body></html>`);
  });
  await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
  hostUrl = `http://localhost:${(host.address() as { port: number }).port}`;
  const allWeek = {
    weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' })),
    holidays: [],
  };
  const channel = await admin.call('POST', '/chat/channels', {
    name: 'Tienda Demo',
    allowedOrigins: [hostUrl],
    settings: { hours: allWeek },
  });
  channelKey = channel.publicKey;
  snippet = channel.snippet;
  await admin.call('POST', '/chat/canned-responses', {
    shortcut: 'saludo',
    title: 'Saludo',
    body: 'Hola {customer.first_name}, soy {agent.first_name}.',
    language: 'es',
  });
});

let snippet = '';

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  host?.close();
});

async function openWidget(page: Page): Promise<Frame> {
  await page.goto(hostUrl);
  await page.locator('[data-atiende-widget]').waitFor({ state: 'attached' });
  // The launcher lives in a closed shadow root: click where it is drawn.
  const size = page.viewportSize()!;
  await page.mouse.click(size.width - 48, size.height - 48);
  const frame = await waitForFrame(page);
  await frame
    .locator('.home')
    .waitFor({ timeout: 15_000 })
    .catch(async (e) => {
      throw new Error(`${e}\n${await frame.content()}`);
    });
  return frame;
}

async function waitForFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().includes(`/widget/frame/${channelKey}`));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('the widget frame did not load');
}

describe('chat journey', () => {
  it('customer and agents chat, transfer, wrap up; the transcript reaches the timeline', async () => {
    const agentCtx = await browser.newContext({ locale: 'es-CO', viewport: { width: 1400, height: 900 } });
    const agentPage = await agentCtx.newPage();
    const agentErrors = collectPageErrors(agentPage);
    await logIn(agentPage, server.url, 'agente@servicenter.co');
    await agentPage.goto(`${server.url}/desk`);
    await agentPage.getByTestId('state-bar').waitFor();
    await agentPage.getByTestId('state-bar').locator('input').first().click();
    await agentPage.getByRole('option', { name: 'Disponible', exact: true }).click();
    await agentPage.getByTestId('agent-status').filter({ hasText: 'Disponible' }).waitFor();

    const customerCtx = await browser.newContext({ locale: 'es-CO', viewport: { width: 1000, height: 800 } });
    const customerPage = await customerCtx.newPage();
    const customerErrors = collectPageErrors(customerPage);
    const widget = await openWidget(customerPage);
    await screenshot(customerPage, 'chat-widget-home');
    // The help-center search stays hidden until a knowledge base exists.
    expect(await widget.locator('input[type=search]').count()).toBe(0);
    await widget.getByRole('button', { name: 'Chatear con nosotros' }).click();
    await widget.locator('input[name=name]').fill('Ana Ruiz');
    await widget.locator('textarea[name=message]').fill('Hola, mi pedido no ha llegado');
    await widget.getByRole('button', { name: 'Iniciar chat' }).click();
    await widget.locator('.msg.me', { hasText: 'mi pedido no ha llegado' }).waitFor();

    await agentPage.getByTestId('offer').waitFor({ timeout: 15_000 });
    await screenshot(agentPage, 'chat-desk-offer');
    await agentPage.keyboard.press('a');
    await agentPage.getByTestId('customer-panel').getByText('Ana Ruiz').waitFor({ timeout: 15_000 });
    await agentPage.getByTestId('customer-history').waitFor();
    await widget.getByText(/se unió a la conversación/).waitFor({ timeout: 15_000 });

    const composer = agentPage.getByRole('textbox', { name: /Escriba una respuesta/ });
    await composer.fill('/salu');
    await agentPage.getByTestId('canned-list').waitFor();
    await composer.press('Tab');
    await expect.poll(() => composer.inputValue()).toMatch(/^Hola Ana, soy /);
    await composer.press('Enter');
    await widget.locator('.msg.them', { hasText: 'Hola Ana' }).waitFor({ timeout: 15_000 });
    await widget.locator('textarea').fill('<b>Pedido</b> 1234 😊');
    await widget.locator('textarea').press('Enter');
    await agentPage
      .getByTestId('chat-messages')
      .getByText('<b>Pedido</b> 1234 😊')
      .waitFor({ timeout: 15_000 });
    await widget.locator('.msg.me .meta', { hasText: 'Leído' }).last().waitFor({ timeout: 15_000 });
    await screenshot(customerPage, 'chat-widget-conversation');
    await screenshot(agentPage, 'chat-desk-conversation');

    // Transfer to the supervisor, who is on the desk too, with a note.
    const supervisor = await apiAs('supervisor@servicenter.co');
    const supCtx = await browser.newContext({ locale: 'es-CO', viewport: { width: 1400, height: 900 } });
    const supPage = await supCtx.newPage();
    await logIn(supPage, server.url, 'supervisor@servicenter.co');
    await supPage.goto(`${server.url}/desk`);
    await supPage.getByTestId('state-bar').locator('input').first().click();
    await supPage.getByRole('option', { name: 'Disponible', exact: true }).click();
    await supPage.getByTestId('agent-status').filter({ hasText: 'Disponible' }).waitFor();
    await agentPage.getByRole('button', { name: 'Transferir' }).click();
    await agentPage.getByLabel('O a un agente (id)').fill(supervisor.id);
    await agentPage
      .getByLabel('Nota para el siguiente agente')
      .fill('Quiere saber dónde está el pedido 1234');
    await agentPage.getByRole('dialog').getByRole('button', { name: 'Transferir' }).click();
    await supPage.getByTestId('offer').waitFor({ timeout: 15_000 });
    await supPage.keyboard.press('a');
    await supPage
      .getByTestId('chat-messages')
      .getByText('Quiere saber dónde está el pedido 1234')
      .waitFor({ timeout: 15_000 });
    await supPage.getByRole('button', { name: 'Terminar chat' }).click();
    await supPage.getByRole('dialog').getByRole('button', { name: 'Cerrar' }).click();
    await widget.getByText('La conversación terminó.').waitFor({ timeout: 15_000 });
    await screenshot(customerPage, 'chat-widget-ended');

    const admin = await apiAs('admin@servicenter.co');
    const chats = await admin.call('GET', '/interactions?limit=20');
    const chat = chats.items.find((i: { channel: string }) => i.channel === 'chat');
    expect(chat.state).toBe('closed');
    expect(chat.disposition).toBe('resolved');
    const timeline = await admin.call('GET', `/customers/${chat.customerId}/timeline`);
    const entry = timeline.items.find((e: { refId: string }) => e.refId === chat.id);
    expect(entry.payload.transcript.map((l: { body: string }) => l.body)).toContain('<b>Pedido</b> 1234 😊');
    expect(agentErrors).toEqual([]);
    expect(customerErrors).toEqual([]);
    await Promise.all([agentCtx.close(), customerCtx.close(), supCtx.close()]);
  });

  it('a call-back request shows as a scheduled interaction in the desk at its window', async () => {
    const customerCtx = await browser.newContext({ locale: 'en-US', viewport: { width: 1000, height: 800 } });
    const customerPage = await customerCtx.newPage();
    const widget = await openWidget(customerPage);
    await widget.getByRole('button', { name: 'Call me' }).click();
    await widget.locator('input[name=phone]').fill('+57 300 555 1234');
    await widget.locator('textarea[name=note]').fill('About my invoice');
    await widget.getByRole('button', { name: 'Call me' }).click();
    await widget.getByText(/We will call you between/).waitFor();
    await screenshot(customerPage, 'chat-widget-callback');

    const agentCtx = await browser.newContext({ locale: 'es-CO', viewport: { width: 1400, height: 900 } });
    const agentPage = await agentCtx.newPage();
    await logIn(agentPage, server.url, 'agente@servicenter.co');
    await agentPage.goto(`${server.url}/desk`);
    const row = agentPage.getByTestId('callback-row').filter({ hasText: '+57 300 555 1234' });
    await row.waitFor({ timeout: 15_000 });
    await screenshot(agentPage, 'chat-desk-callbacks');
    const admin = await apiAs('admin@servicenter.co');
    const list = await admin.call('GET', '/interactions?limit=20');
    const callback = list.items.find((i: { channel: string }) => i.channel === 'callback');
    expect(callback.state).toBe('scheduled');
    expect(new Date(callback.scheduledFor).getTime()).toBeGreaterThan(Date.now());
    await row.getByLabel('Resultado').click();
    await agentPage.getByRole('option', { name: 'Contactado' }).click();
    await row.getByRole('button', { name: 'Registrar llamada' }).click();
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    expect((await admin.call('GET', `/interactions/${callback.id}`)).state).toBe('closed');
    await Promise.all([agentCtx.close(), customerCtx.close()]);
  });
});
