/** Steps the journeys share: log in, read the navigation, log out. */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './demo.ts';

export async function logIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-home').waitFor();
}

/** The data-testid of every navigation entry, split into top-level sections and admin sub-pages. */
export async function readNavigation(page: Page): Promise<{ sections: string[]; adminPages: string[] }> {
  const ids = await page
    .locator('nav [data-testid^="nav-"]')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-testid') ?? ''));
  return {
    sections: ids.filter((id) => !id.startsWith('nav-admin-')).map((id) => id.slice('nav-'.length)),
    adminPages: ids.filter((id) => id.startsWith('nav-admin-')).map((id) => id.slice('nav-admin-'.length)),
  };
}

/** The permissions the server gives the logged-in user, read through the page's own session. */
export async function sessionPermissions(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const response = await fetch('/api/v1/me', { credentials: 'include' });
    const me = (await response.json()) as { permissions: string[] };
    return me.permissions;
  });
}

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.waitForURL((url) => url.pathname === '/login');
}

export async function switchLanguage(page: Page, language: 'ES' | 'EN'): Promise<void> {
  await page.getByTestId('language-switch').getByText(language, { exact: true }).click();
}
