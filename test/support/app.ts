/** Builds the real application on a test database, plus helpers to act as a logged-in user over HTTP. */
import { afterAll } from 'vitest';
import { type AppDeps, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { createLogMailer } from '../../src/platform/mail.ts';
import { testDatabase } from './database.ts';

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export async function startTestApp(
  options: { env?: Record<string, string> } & Omit<AppDeps, 'database'> = {},
) {
  const database = await testDatabase();
  const config = loadConfig({ ATIENDE_MODE: 'test', ...options.env });
  const logger = createLogger({ logLevel: 'silent' });
  const mailer = createLogMailer(logger);
  const built = await buildApp(config, { ...options, database, logger, mailer });
  // Compile the routes' schemas now, so that cost (seconds on a loaded machine) is set-up time rather
  // than the first test's, and counts against no test's timeout.
  await built.app.ready();
  afterAll(async () => {
    await built.app.close();
    await database.close();
  });
  return { ...built, database, mailer, config };
}

export const ROLES = ['admin', 'supervisor', 'agent', 'sales_rep', 'technician', 'partner'] as const;
export const PASSWORD = 'correct horse battery';

let workspaceCounter = 0;

/** Provisions a workspace with one user of each role, e-mails `<role>@<slug>.test`. */
export async function createWorkspace(app: TestApp, slug = `ws-${process.pid}-${++workspaceCounter}`) {
  const workspace = await app.services.identity.provisionWorkspace(
    {
      slug,
      name: `Workspace ${slug}`,
      timeZone: 'America/Bogota',
      defaultLanguage: 'es',
      defaultCountry: 'CO',
    },
    ROLES.map((role) => ({
      email: `${role}@${slug}.test`,
      name: `${role} of ${slug}`,
      role,
      password: PASSWORD,
    })),
  );
  return { ...workspace, email: (role: (typeof ROLES)[number]) => `${role}@${slug}.test` };
}

export interface Session {
  userId: string;
  headers: Record<string, string>;
  cookie: string;
  csrf: string;
}

/** Logs in over HTTP and returns the headers a browser would send afterwards (cookie and CSRF token). */
export async function login(
  app: TestApp,
  email: string,
  password = PASSWORD,
  workspace?: string,
): Promise<Session> {
  const response = await app.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password, ...(workspace ? { workspace } : {}) },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'atiende_session')!;
  const me = response.json() as { id: string; csrfToken: string };
  const cookieHeader = `atiende_session=${cookie.value}`;
  return {
    userId: me.id,
    cookie: cookieHeader,
    csrf: me.csrfToken,
    headers: { cookie: cookieHeader, 'x-csrf-token': me.csrfToken },
  };
}

/**
 * A caller of the JSON API as a session (the given one, else `fallback`).
 * @example const api = apiCaller(app, admin); await api('POST', '/customers', admin, { name: 'Ana' })
 */
export function apiCaller(app: TestApp, fallback: Session) {
  return (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who = fallback, payload?: unknown) =>
    app.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who.headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
}

/**
 * A test app with a workspace, its admin, agent and supervisor logged in, and a caller of any URL as one
 * of them. `options` go to `startTestApp` (a manual clock, say).
 * @example const { admin, call } = await staffWorkspace(); await call(admin, 'GET', '/api/v1/auth/me');
 */
export async function staffWorkspace(options: Parameters<typeof startTestApp>[0] = {}) {
  const app = await startTestApp(options);
  const inject = app.app.inject.bind(app.app);
  const ws = await createWorkspace(app);
  const admin = await login(app, ws.email('admin'));
  const agent = await login(app, ws.email('agent'));
  const supervisor = await login(app, ws.email('supervisor'));
  const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload }) });
  return { app, inject, ws, admin, agent, supervisor, call };
}
