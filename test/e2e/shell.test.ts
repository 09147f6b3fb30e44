/**
 * The web shell, end to end: every demo role logs in, sees exactly the navigation its permissions open,
 * switches the language and logs out; then the admin screens, shortcuts and both themes.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, logOut, readNavigation, sessionPermissions, switchLanguage } from './actions.ts';
import { collectPageErrors, launchBrowser, screenshot } from './browser.ts';
import { DEMO_USERS, sectionsFor } from './demo.ts';
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

/** Polls until `read` answers something, for output that arrives on its own time. */
async function waitFor<T>(read: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openPage(
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'es-CO',
    viewport: { width: 1280, height: 800 },
    colorScheme,
  });
  return { context, page: await context.newPage() };
}

describe('web shell journey', () => {
  it.each(DEMO_USERS)(
    '$role sees only what the role may use, switches language and logs out',
    async (user) => {
      const { context, page } = await openPage();
      const errors = collectPageErrors(page);

      await logIn(page, server.url, user.email);
      const nav = await readNavigation(page);
      expect(nav.sections).toEqual(user.sections);
      expect(nav.adminPages).toEqual(user.adminPages);
      expect(nav.sections).toEqual(sectionsFor(await sessionPermissions(page)));
      await page.getByTestId('realtime-status').and(page.locator('[data-status="online"]')).waitFor();
      await screenshot(page, `home-${user.role}`);

      // The demo users speak Spanish; the switch turns the same label into English.
      await expect(page.getByTestId('nav-home').textContent()).resolves.toContain('Inicio');
      await switchLanguage(page, 'EN');
      await page.getByTestId('nav-home').getByText('Home', { exact: true }).waitFor();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');

      await page.goto(`${server.url}${user.forbidden}`);
      await page.getByTestId(user.forbidden === '/nowhere' ? 'not-found' : 'no-access').waitFor();

      await logOut(page);
      await page.goto(`${server.url}/`);
      await page.waitForURL((url) => url.pathname === '/login');
      // The login page keeps the language last chosen in this browser.
      await expect(page.getByTestId('login-submit').textContent()).resolves.toBe('Log in');
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('remembers the language a user chose, on their profile', async () => {
    const { context, page } = await openPage();
    await logIn(page, server.url, 'admin@servicenter.co');
    await page.getByTestId('nav-home').getByText('Home', { exact: true }).waitFor();
    await switchLanguage(page, 'ES');
    await page.getByTestId('nav-home').getByText('Inicio', { exact: true }).waitFor();
    await logOut(page);
    await context.close();
  });

  it('resets a forgotten password through the e-mailed link', async () => {
    const { context, page } = await openPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: '¿Olvidaste tu contraseña?' }).click();
    await page.getByLabel('Correo electrónico').fill('tecnico@servicenter.co');
    await page.getByRole('button', { name: 'Enviar enlace' }).click();
    await page.getByTestId('forgot-sent').waitFor();
    const link = await waitFor(
      () => /(http:\/\/\S+\/reset-password\?token=[\w-]+)/.exec(server.output())?.[1],
    );
    await page.goto(link);
    await page.getByLabel('Nueva contraseña').fill('nueva-clave-2026');
    await page.getByLabel('Repite la contraseña').fill('nueva-clave-2026');
    await page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await page.getByTestId('reset-done').waitFor();
    await screenshot(page, 'reset-done');
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="email"]').fill('tecnico@servicenter.co');
    await page.locator('input[name="password"]').fill('nueva-clave-2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-home').waitFor();
    await context.close();
  });

  it('rejects a wrong password with a message and no navigation', async () => {
    const { context, page } = await openPage();
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="email"]').fill('admin@servicenter.co');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('form-error').textContent()).resolves.toMatch(/contraseña/);
    expect(page.url()).toContain('/login');
    await screenshot(page, 'login-error');
    await context.close();
  });

  it('admin screens load, keyboard shortcuts work and server validation shows by field', async () => {
    const { context, page } = await openPage();
    const errors = collectPageErrors(page);
    await logIn(page, server.url, 'admin@servicenter.co');

    await page.keyboard.press('g');
    await page.keyboard.press('u');
    await page.waitForURL((url) => url.pathname === '/admin/users');
    await page.getByTestId('users-table').waitFor();
    await page.keyboard.press('/');
    await expect(
      page.evaluate(() => document.activeElement?.hasAttribute('data-shortcut-search')),
    ).resolves.toBe(true);
    await page.keyboard.type('zzz-nadie');
    await page.getByTestId('users-empty').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('body').click();
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-list').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'shortcuts');
    await page.keyboard.press('Escape');

    // A new user with a bad e-mail: the server's message appears under the field.
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('button', { name: 'Nuevo usuario' }).click();
    const form = page.getByTestId('user-form');
    await form.getByLabel('Correo electrónico').fill('no-es-un-correo');
    await form.getByLabel('Nombre').fill('Prueba');
    await form.getByLabel('Contraseña inicial').fill('demo1234');
    await form.getByRole('button', { name: 'Crear' }).click();
    await form.locator('.mantine-InputWrapper-error').first().waitFor();
    await screenshot(page, 'admin-users-validation');
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}/admin/roles`);
    await page.getByTestId('permission-matrix').waitFor();
    await expect(
      page.getByTestId('role-row-admin').locator('input[type=checkbox]:not([disabled])').count(),
    ).resolves.toBe(0);
    await expect(
      page.getByTestId('role-row-agent').locator('input[type=checkbox]:not([disabled])').count(),
    ).resolves.toBeGreaterThan(0);

    // A change to a role's permissions is a draft until saved, and then it stays.
    const cell = page.getByRole('checkbox', { name: 'Técnico: Ver informes' });
    await cell.check();
    await page.getByTestId('role-row-technician').getByRole('button', { name: 'Guardar' }).click();
    await page
      .getByTestId('role-row-technician')
      .getByRole('button', { name: 'Guardar' })
      .waitFor({ state: 'detached' });
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Técnico: Ver informes' }).isChecked()).resolves.toBe(
      true,
    );
    await page.getByRole('checkbox', { name: 'Técnico: Ver informes' }).uncheck();
    await page.getByTestId('role-row-technician').getByRole('button', { name: 'Guardar' }).click();
    await page
      .getByTestId('role-row-technician')
      .getByRole('button', { name: 'Guardar' })
      .waitFor({ state: 'detached' });

    await page.goto(`${server.url}/admin/workspace`);
    await page.getByTestId('weekly-hours').waitFor();
    const calendar = page.getByTestId('workspace-calendar');
    await calendar.getByRole('button', { name: 'Añadir festivo' }).click();
    await calendar.getByLabel('Fecha').last().fill('2027-03-22');
    await calendar.getByLabel('Nombre del festivo').last().fill('San José');
    await calendar.getByRole('button', { name: 'Guardar' }).click();
    await calendar.getByText('Cambios guardados.').waitFor();
    await page.reload();
    await expect(
      page.getByTestId('holidays').getByLabel('Nombre del festivo').last().inputValue(),
    ).resolves.toBe('San José');

    await page.goto(`${server.url}/admin/api-tokens`);
    await page.getByTestId('tokens-empty').waitFor();
    await page.getByRole('button', { name: 'Nuevo token' }).click();
    await page.getByRole('dialog').getByLabel('Nombre').fill('Integración ERP');
    await page.getByRole('dialog').getByRole('button', { name: 'Crear' }).click();
    const token = await page.getByTestId('new-token').textContent();
    expect(token?.length).toBeGreaterThan(20);
    await screenshot(page, 'admin-api-token-created');
    await page.getByRole('button', { name: 'Listo' }).click();
    await page.getByTestId('tokens-table').getByText('Integración ERP').waitFor();
    expect(await page.content()).not.toContain(token);

    const temporary = page.getByTestId('tokens-table').getByRole('row').filter({ hasText: 'Temporal' });
    await page.getByRole('button', { name: 'Nuevo token' }).click();
    await page.getByRole('dialog').getByLabel('Nombre').fill('Temporal');
    await page.getByRole('dialog').getByRole('button', { name: 'Crear' }).click();
    await page.getByRole('button', { name: 'Listo' }).click();
    await temporary.getByRole('button', { name: 'Revocar' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revocar' }).click();
    await temporary.waitFor({ state: 'detached' });

    await page.goto(`${server.url}/admin/audit`);
    await page.getByTestId('audit-table').getByText('security.api_token_revoked').first().waitFor();

    await page.goto(`${server.url}/sales`);
    await page.getByTestId('coming-soon').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends the user to the login page when the session ends, and back afterwards', async () => {
    const { context, page } = await openPage();
    await logIn(page, server.url, 'admin@servicenter.co');
    await context.clearCookies();
    // A screen change inside the app: its first request answers 401 and the app goes to the login page.
    await page.getByTestId('nav-admin-audit').click();
    await page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('next') === '/admin/audit',
    );
    await page.locator('input[name="email"]').fill('admin@servicenter.co');
    await page.locator('input[name="password"]').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/admin/audit');
    await page.getByTestId('audit-table').waitFor();
    await context.close();
  });

  it.each(['light', 'dark'] as const)('every admin screen renders in the %s theme', async (scheme) => {
    const { context, page } = await openPage(scheme);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-submit').waitFor();
    await screenshot(page, `login-${scheme}`);
    await logIn(page, server.url, 'admin@servicenter.co');
    await expect(page.locator('html').getAttribute('data-mantine-color-scheme')).resolves.toBe(scheme);
    await screenshot(page, `home-admin-${scheme}`);
    const screens: [string, string][] = [
      ['/admin/users', 'users-table'],
      ['/admin/roles', 'permission-matrix'],
      ['/admin/workspace', 'weekly-hours'],
      ['/admin/api-tokens', 'tokens-table'],
      ['/admin/audit', 'audit-table'],
      ['/sales', 'coming-soon'],
      ['/profile', 'profile'],
    ];
    for (const [path, testId] of screens) {
      await page.goto(`${server.url}${path}`);
      await page.getByTestId(testId).waitFor();
      await expect(page.getByRole('alert').count()).resolves.toBe(0);
      await screenshot(page, `${path.slice(1).replace(/\//g, '-')}-${scheme}`);
    }
    await context.close();
  });
});
