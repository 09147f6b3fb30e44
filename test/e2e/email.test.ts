/**
 * The e-mail channel end to end, in real Chromium against a real Dovecot: an administrator sets up a
 * mailbox (IMAP in, LMTP out), tests it and adds a reply template; a customer's e-mail arrives in
 * Dovecot (swaks); the agent is offered it on the desk, reads the thread (quoted text folded, HTML in
 * a sandboxed frame, the attachment) and replies with the template and their own signature, waiting on
 * the customer. The reply lands in the customer's Dovecot mailbox.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dovecot, deliver, mailServersAvailable, startDovecot } from '../mail/servers.ts';
import { logIn } from './actions.ts';
import { collectPageErrors, launchBrowser, screenshot } from './browser.ts';
import { assertWebBuilt, type RunningServer, startServer } from './server.ts';

const SUPPORT = 'soporte@e2e.test';
const CUSTOMER = 'ana@cliente.test';
const available = mailServersAvailable();

let server: RunningServer;
let browser: Browser;
let dovecot: Dovecot;

/** Calls the JSON API with the page's own session (and its CSRF token for writes). */
async function pageApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, p, b]) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const res = await fetch(p as string, {
        method: m as string,
        headers: { 'x-csrf-token': me.csrfToken, ...(b ? { 'content-type': 'application/json' } : {}) },
        body: b ? JSON.stringify(b) : undefined,
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${m} ${p}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    [method, path, body] as const,
  ) as Promise<T>;
}

/** A 120×80 orange picture, inline in the customer's HTML by its Content-ID. */
const BOX_PNG = (() => {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const [w, h] = [120, 80];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, Buffer.from([240, 140, 30]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: h }, () => row)));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]).toString('base64');
})();

/** A customer's first e-mail: text with quoted history, an HTML alternative and a PDF attached. */
const customerMail = [
  `From: Ana Pérez <${CUSTOMER}>`,
  `To: Soporte <${SUPPORT}>`,
  'Subject: Mi pedido 4512 no ha llegado',
  'Date: Mon, 05 Jan 2026 13:00:00 +0000',
  'Message-ID: <pedido-4512@cliente.test>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="mixed"',
  '',
  '--mixed',
  'Content-Type: multipart/alternative; boundary="alt"',
  '',
  '--alt',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hola, compré el 2 de enero y el pedido 4512 no ha llegado. Adjunto la factura.',
  '',
  'El lun, 2 ene 2026, Tienda escribió:',
  '> Su pedido 4512 fue despachado.',
  '> Gracias por su compra.',
  '--alt',
  'Content-Type: multipart/related; boundary="rel"',
  '',
  '--rel',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Hola, compré el <b>2 de enero</b> y el pedido 4512 no ha llegado.</p><p><img src="cid:caja@cliente" alt="caja" width="120" height="80"></p><script>alert(1)</script><img src="https://tracker.example.test/p.gif"><blockquote>Su pedido 4512 fue despachado.</blockquote>',
  '--rel',
  'Content-Type: image/png',
  'Content-ID: <caja@cliente>',
  'Content-Disposition: inline; filename="caja.png"',
  'Content-Transfer-Encoding: base64',
  '',
  BOX_PNG,
  '--rel--',
  '--alt--',
  '--mixed',
  'Content-Type: application/pdf; name="factura-4512.pdf"',
  'Content-Disposition: attachment; filename="factura-4512.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('%PDF-1.4 factura 4512').toString('base64'),
  '--mixed--',
  '',
].join('\r\n');

beforeAll(async () => {
  if (!available) return;
  assertWebBuilt();
  dovecot = await startDovecot([SUPPORT, CUSTOMER]);
  [server, browser] = await Promise.all([
    startServer({ ATIENDE_SECRET: 'e2e-email-journey-secret-of-40-characters' }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await dovecot?.destroy();
});

describe.skipIf(!available)('e-mail journey', () => {
  it('an administrator sets up a mailbox, an agent answers an e-mail with a template and a signature', async () => {
    const admin = await browser.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
    const adminPage = await admin.newPage();
    const adminErrors = collectPageErrors(adminPage);
    await logIn(adminPage, server.url, 'admin@servicenter.co');
    await pageApi(adminPage, 'PUT', '/api/v1/routing/queues/correo', {
      name: 'Correo',
      targets: {
        email: { percent: 80, seconds: 4 * 3600 },
        email_resolution: { percent: 80, seconds: 86_400 },
      },
      policy: {},
    });

    // The mailbox: an empty page first, then the form, refusing what is missing before asking the server.
    await adminPage.getByTestId('nav-admin-mailboxes').click();
    await adminPage.getByTestId('mailboxes-empty').waitFor();
    await screenshot(adminPage, 'email-mailboxes-empty');
    await adminPage.getByTestId('mailbox-new').click();
    const form = adminPage.getByTestId('mailbox-form');
    await form.waitFor();
    await adminPage.getByTestId('mailbox-save').click();
    await form.getByText('Obligatorio').first().waitFor();
    await adminPage.getByTestId('mailbox-name').fill('Soporte');
    await adminPage.getByTestId('mailbox-address').fill(SUPPORT);
    await adminPage.getByTestId('mailbox-queue').click();
    await adminPage.getByRole('option', { name: 'Correo' }).click();
    await adminPage.getByTestId('tab-receiving').click();
    await adminPage.getByTestId('imap-host').fill('127.0.0.1');
    await adminPage.getByTestId('imap-port').fill(String(dovecot.imapPort));
    await adminPage.getByTestId('imap-secure').click();
    await adminPage.getByTestId('imap-user').fill(SUPPORT);
    await adminPage.getByTestId('imap-password').fill(dovecot.password);
    await adminPage.getByTestId('tab-sending').click();
    await adminPage.getByTestId('smtp-host').fill('127.0.0.1');
    await adminPage.getByTestId('smtp-port').fill(String(dovecot.lmtpPort));
    await adminPage.getByTestId('smtp-protocol').click();
    await adminPage.getByRole('option', { name: 'lmtp' }).click();
    await screenshot(adminPage, 'email-mailbox-form');
    await adminPage.getByTestId('mailbox-save').click();
    await form.waitFor({ state: 'detached' });
    await adminPage.getByTestId(`mailbox-row-${SUPPORT}`).waitFor();

    // Testing it logs in to Dovecot's IMAP and greets its LMTP.
    await adminPage.getByTestId('mailbox-test').click();
    await adminPage
      .getByTestId('check-imap')
      .filter({ hasText: 'IMAP: conectado' })
      .waitFor({ timeout: 15_000 });
    await adminPage.getByTestId('check-smtp').filter({ hasText: 'el servidor respondió' }).waitFor();
    await screenshot(adminPage, 'email-mailbox-test');
    await adminPage.keyboard.press('Escape');

    // A template with variables.
    await adminPage.getByTestId('nav-admin-emailTemplates').click();
    await adminPage.getByTestId('templates-empty').waitFor();
    await adminPage.getByTestId('template-new').click();
    await adminPage.getByTestId('template-name').fill('Pedido en revisión');
    await adminPage
      .getByTestId('template-body')
      .fill('Hola {{customer.name}}, revisamos su caso {{reference}} con la transportadora.');
    await adminPage.getByTestId('template-save').click();
    await adminPage.getByTestId('templates-table').getByText('Pedido en revisión').waitFor();
    await screenshot(adminPage, 'email-templates');
    expect(adminErrors).toEqual([]);

    // The agent becomes available; the customer's e-mail arrives in Dovecot and is offered.
    const agent = await browser.newContext({ locale: 'es-CO', viewport: { width: 1366, height: 1000 } });
    const page = await agent.newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'agente@servicenter.co');
    await page.getByTestId('nav-desk').click();
    await page.getByTestId('state-bar').locator('input').first().click();
    await page.getByRole('option', { name: 'Disponible', exact: true }).click();
    await page.getByTestId('agent-status').filter({ hasText: 'Disponible' }).waitFor();
    deliver(dovecot, SUPPORT, customerMail, CUSTOMER);
    await page.getByTestId('offer').waitFor({ timeout: 30_000 });
    await page.keyboard.press('a');

    // The thread: the HTML in its frame, the attachment, the due time counting down.
    const work = page.getByTestId('email-work');
    await work.waitFor({ timeout: 15_000 });
    await work.getByText('Mi pedido 4512 no ha llegado').first().waitFor();
    await work.getByTestId('email-due').filter({ hasText: 'Primera respuesta en' }).waitFor();
    await work.getByTestId('email-attachments').getByText('factura-4512.pdf').waitFor();
    const frame = page.frameLocator('[data-testid="email-frame"]');
    await frame.getByText('2 de enero').waitFor();
    expect(await frame.locator('script').count()).toBe(0);
    expect(await frame.locator('img[src^="https://"]').count()).toBe(0);
    // The inline image is served from its stored attachment, with the session.
    await expect
      .poll(() => frame.locator('img[alt="caja"]').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(120);
    await screenshot(page, 'email-desk-html');
    // As text, the quoted history is folded until asked for.
    await work.getByRole('button', { name: 'Ver como texto' }).click();
    await work.getByTestId('email-quoted-toggle').waitFor();
    expect(await work.getByTestId('email-quoted').isVisible()).toBe(false);
    await work.getByTestId('email-quoted-toggle').click();
    await work.getByTestId('email-quoted').getByText('fue despachado').waitFor();
    await screenshot(page, 'email-desk-thread');

    // The agent's own signature, then the template, then Ctrl+Enter.
    await work.getByRole('button', { name: 'Mi firma' }).click();
    await page.getByTestId('signature-body').fill('{{agent.name}} · {{mailbox.name}}\nServicenter');
    await page.getByTestId('signature-save').click();
    await work.getByTestId('composer-signature').filter({ hasText: 'Laura Gómez · Soporte' }).waitFor();
    await work.getByTestId('composer-template').click();
    await page.getByRole('option', { name: /Pedido en revisión/ }).click();
    const text = work.getByTestId('composer-text');
    await expect.poll(() => text.inputValue()).toMatch(/^Hola Ana Pérez, revisamos su caso [A-Z0-9]{8} con/);
    await screenshot(page, 'email-desk-composer');
    await text.focus();
    await page.keyboard.press('Control+Enter');
    // Waiting on the customer, the conversation leaves the desk until the customer answers.
    await page.getByTestId('email-tab').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('desk-notice').filter({ hasText: 'espera al cliente' }).waitFor();
    await screenshot(page, 'email-desk-sent');

    // The reply reached the customer's mailbox, signed, in the same conversation.
    await expect.poll(() => dovecot.count(CUSTOMER), { timeout: 10_000 }).toBe(1);
    const mine = await pageApi<{ items: { id: string; channel: string; state: string }[] }>(
      page,
      'GET',
      '/api/v1/interactions?queueId=correo&limit=5',
    );
    const email = mine.items.find((i) => i.channel === 'email')!;
    expect(email.state).toBe('waiting_on_customer');
    const thread = await pageApi<{ messages: { direction: string; text: string }[] }>(
      page,
      'GET',
      `/api/v1/email/interactions/${email.id}/conversation`,
    );
    const sent = thread.messages.find((m) => m.direction === 'outbound')!;
    expect(sent.text).toContain('Hola Ana Pérez, revisamos su caso');
    expect(sent.text).toContain('-- \nLaura Gómez · Soporte\nServicenter');
    expect(errors).toEqual([]);
  });
});
