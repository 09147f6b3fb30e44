/**
 * The chat channel end to end, in real Chromium: a host page on another origin embeds the widget; a
 * customer chats with an agent on the desk (two browser contexts), the agent transfers to a second
 * agent who wraps up, and the transcript lands in the customer's timeline. Then a call-back request
 * shows in the desk's call-back list, and one whose window opens is offered to the agent; and an
 * administrator sets up a web channel.
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
  // The demo seed made the queues `chat` and `callbacks`, its web channel and the canned responses.
  const admin = await apiAs('admin@servicenter.co');
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
  // Chats start the demo's booking-change script.
  const scripts = await admin.call('GET', '/scripting/scripts');
  const booking = scripts.items.find((x: { name: string }) => x.name === 'Cambio de reserva');
  await admin.call('POST', '/scripting/rules', { priority: 1, scriptId: booking.id, channel: 'chat' });
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
    // What the widget sends on its socket: its messages go there while it is up, not over HTTP.
    const socketFrames: string[] = [];
    customerPage.on('websocket', (ws) => ws.on('framesent', (f) => socketFrames.push(String(f.payload))));
    const widget = await openWidget(customerPage);
    // Self-service first: the demo's help center has articles, so the widget searches them.
    await widget
      .getByRole('searchbox', { name: 'Buscar en la ayuda' })
      .fill('cambiar la fecha de mi reserva');
    const hit = widget.locator('.hit').first();
    await hit.waitFor({ timeout: 15_000 });
    await screenshot(customerPage, 'chat-widget-search');
    const title = (await hit.locator('.title').textContent())!;
    await hit.locator('.title').click();
    // The whole article inside the widget, as the help center renders it, with "was this helpful?".
    const article = widget.locator('.article');
    await article.locator('.article-body p').first().waitFor({ timeout: 15_000 });
    await article.getByRole('heading', { name: title }).waitFor();
    await article.getByRole('link', { name: 'Abrir en el centro de ayuda' }).waitFor();
    await screenshot(customerPage, 'chat-widget-article');
    await article.getByRole('button', { name: 'Sí' }).click();
    await article.getByText('¡Gracias! Nos alegra que le sirviera.').waitFor({ timeout: 15_000 });
    await article.getByRole('button', { name: /Volver a los resultados/ }).click();
    await hit.waitFor();
    await widget.getByRole('button', { name: 'Chatear con nosotros' }).click();
    await widget.locator('input[name=name]').fill('Ana Ruiz');
    await widget.locator('textarea[name=message]').fill('Hola, quiero cambiar la fecha de mi reserva');
    await widget.getByRole('button', { name: 'Iniciar chat' }).click();
    await widget.locator('.msg.me', { hasText: 'cambiar la fecha de mi reserva' }).waitFor();

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
    // While the visitor writes, what arrives (the agent typing, receipts) redraws the chat but leaves the
    // composer alone: it used to be rebuilt, which took the focus, so a key pressed then went nowhere.
    const visitorInput = widget.locator('textarea');
    await visitorInput.focus();
    // The desk says "typing" at most every 2.5 s: keep typing until the widget shows it.
    const agentTyping = widget.locator('.typing', { hasText: 'Escribiendo' });
    await expect
      .poll(
        async () => {
          await composer.press('.');
          return agentTyping.count();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    expect(await visitorInput.evaluate((el) => el === document.activeElement)).toBe(true);
    await composer.fill('');
    await visitorInput.fill('<b>Pedido</b> 1234 😊');
    await visitorInput.press('Enter');
    // The visitor sees its own message stored (with its sequence number), not only pending.
    await widget
      .locator('.msg.me[data-seq]', { hasText: '<b>Pedido</b> 1234 😊' })
      .waitFor({ timeout: 15_000 });
    expect(socketFrames.some((f) => f.includes('"type":"send"') && f.includes('Pedido'))).toBe(true);
    await agentPage
      .getByTestId('chat-messages')
      .getByText('<b>Pedido</b> 1234 😊')
      .waitFor({ timeout: 15_000 });
    await widget.locator('.msg.me .meta', { hasText: 'Leído' }).last().waitFor({ timeout: 15_000 });

    // The assist column: a suggested answer for what the customer wrote goes into the reply; the
    // script the rules choose opens beside it.
    const assist = agentPage.locator('[data-slot="desk-assist"]');
    const suggestions = assist.getByTestId('suggestions');
    await suggestions.waitFor({ timeout: 15_000 });
    await suggestions.getByRole('button', { name: 'Insertar' }).first().click();
    await expect.poll(() => composer.inputValue()).not.toBe('');
    const suggested = await composer.inputValue();
    await assist.getByTestId('open-script').click();
    await assist.getByTestId('script-runner').waitFor({ timeout: 15_000 });
    await screenshot(agentPage, 'chat-desk-assist');
    await composer.press('Enter');
    await widget.locator('.msg.them', { hasText: suggested.slice(0, 30) }).waitFor({ timeout: 15_000 });
    await screenshot(customerPage, 'chat-widget-conversation');
    await screenshot(agentPage, 'chat-desk-conversation');

    // Transfer to the supervisor, who is on the desk too, with a note.
    const supCtx = await browser.newContext({ locale: 'es-CO', viewport: { width: 1400, height: 900 } });
    const supPage = await supCtx.newPage();
    await logIn(supPage, server.url, 'supervisor@servicenter.co');
    await supPage.goto(`${server.url}/desk`);
    await supPage.getByTestId('state-bar').locator('input').first().click();
    await supPage.getByRole('option', { name: 'Disponible', exact: true }).click();
    await supPage.getByTestId('agent-status').filter({ hasText: 'Disponible' }).waitFor();
    await agentPage.getByRole('button', { name: 'Transferir' }).click();
    // Agents are picked by name, with their state.
    await agentPage.getByRole('dialog').getByLabel('O a un agente').click();
    await agentPage.getByRole('option', { name: /Sergio Pinzón · Disponible/ }).click();
    await screenshot(agentPage, 'chat-desk-transfer');
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
    // The longest journey: three people, a search, an article, a chat, a transfer and a wrap-up.
  }, 180_000);

  it('a call-back request is scheduled, then offered to an agent when its window opens', async () => {
    // Only the agent takes work here: the supervisor of the first journey leaves routing.
    await (await apiAs('supervisor@servicenter.co')).call('PUT', '/routing/me/state', { state: 'offline' });
    const customerCtx = await browser.newContext({ locale: 'en-US', viewport: { width: 1000, height: 800 } });
    const customerPage = await customerCtx.newPage();
    const widget = await openWidget(customerPage);
    await screenshot(customerPage, 'chat-widget-home-en');
    await widget.getByRole('button', { name: 'Call me' }).click();
    await widget.locator('input[name=phone]').fill('+57 300 555 1234');
    await widget.locator('textarea[name=note]').fill('About my invoice');
    await widget.getByRole('button', { name: 'Call me' }).click();
    await widget.getByText(/We will call you between/).waitFor();
    await screenshot(customerPage, 'chat-widget-callback');

    const agentCtx = await browser.newContext({ locale: 'es-CO', viewport: { width: 1400, height: 900 } });
    const agentPage = await agentCtx.newPage();
    const agentErrors = collectPageErrors(agentPage);
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

    // A call-back whose window opens in a few seconds: routing offers it to the available agent then.
    await agentPage.getByTestId('state-bar').locator('input').first().click();
    await agentPage.getByRole('option', { name: 'Disponible', exact: true }).click();
    await agentPage.getByTestId('agent-status').filter({ hasText: 'Disponible' }).waitFor();
    // A customer who leaves while the offer rings: the card goes, and the desk says why.
    const leaving = await admin.call('POST', '/interactions', {
      channel: 'chat',
      direction: 'inbound',
      queueId: 'chat',
      subject: 'Ya no puedo esperar',
    });
    const ringing = agentPage.getByTestId('offer').filter({ hasText: 'Ya no puedo esperar' });
    await ringing.waitFor({ timeout: 15_000 });
    await admin.call('POST', `/interactions/${leaving.id}/abandon`);
    await ringing.waitFor({ state: 'detached', timeout: 15_000 });
    await agentPage
      .getByTestId('offer-withdrawn')
      .filter({ hasText: 'El cliente se fue antes de que aceptara la conversación.' })
      .waitFor();
    await screenshot(agentPage, 'chat-desk-offer-withdrawn');
    const session = await fetch(`${server.url}/api/v1/chat/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: hostUrl },
      body: JSON.stringify({ channel: channelKey, host: hostUrl }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    const opens = new Date(Date.now() + 4_000);
    const soon = await fetch(`${server.url}/api/v1/chat/visitor/callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-visitor-token': session.token },
      body: JSON.stringify({
        clientId: 'soon',
        phone: '+57 301 444 9876',
        windowStart: opens.toISOString(),
        windowEnd: new Date(opens.getTime() + 3_600_000).toISOString(),
        note: 'Cambio de fecha',
      }),
    }).then((r) => r.json() as Promise<{ id: string; state: string }>);
    expect(soon.state).toBe('scheduled');
    await agentPage.getByTestId('offer').filter({ hasText: 'Cambio de fecha' }).waitFor({ timeout: 30_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(opens.getTime());
    await screenshot(agentPage, 'chat-desk-callback-offer');
    await agentPage.keyboard.press('a');
    const pane = agentPage.getByTestId('callback-pane');
    await pane.getByText('Llamar al +57 301 444 9876').waitFor({ timeout: 15_000 });
    await screenshot(agentPage, 'chat-desk-callback-call');
    await pane.getByLabel('Resultado').click();
    await agentPage.getByRole('option', { name: 'No contesta' }).click();
    await pane.getByRole('button', { name: 'Registrar llamada' }).click();
    await pane.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await admin.call('GET', `/interactions/${soon.id}`)).toMatchObject({
      state: 'closed',
      disposition: 'no_answer',
    });
    expect(agentErrors).toEqual([]);
    await Promise.all([agentCtx.close(), customerCtx.close()]);
  });

  it('an administrator creates a web channel and gets the code to embed; the demo page shows its widget', async () => {
    const ctx = await browser.newContext({ locale: 'es-CO', viewport: { width: 1400, height: 900 } });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'admin@servicenter.co');
    await page.goto(`${server.url}/admin/web-channels`);
    await page.getByTestId('channel-row').filter({ hasText: 'Servicenter Tours' }).waitFor();
    await screenshot(page, 'chat-admin-channels');
    await page.getByTestId('channel-new').click();
    await page.getByTestId('channel-name').fill('Tienda de prueba');
    await page.getByTestId('channel-origins').fill('https://tienda.example.com');
    await page.keyboard.press('Enter');
    await page.getByTestId('channel-tab-look').click();
    await page.getByTestId('channel-preview').waitFor();
    await screenshot(page, 'chat-admin-channel-look');
    await page.getByTestId('channel-save').click();
    const snippet = page.getByTestId('channel-snippet');
    await snippet.waitFor({ timeout: 15_000 });
    expect(await snippet.textContent()).toMatch(/data-atiende-channel="wc_/);
    await page.getByTestId('channel-secret').waitFor();
    await screenshot(page, 'chat-admin-channel-embed');

    // The demo channel's page on Atiende itself: the widget opens there with no allowed site listed.
    const demo = await ctx.newPage();
    await demo.goto(`${server.url}/widget/demo/wc_servicenter-demo`);
    await demo.locator('[data-atiende-widget]').waitFor({ state: 'attached' });
    const size = demo.viewportSize()!;
    await demo.mouse.click(size.width - 48, size.height - 48);
    let frame: Frame | undefined;
    await expect
      .poll(() => (frame = demo.frames().find((f) => f.url().includes('/widget/frame/wc_servicenter-demo'))))
      .toBeTruthy();
    await frame!.locator('.home').waitFor({ timeout: 15_000 });
    await screenshot(demo, 'chat-demo-page');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
