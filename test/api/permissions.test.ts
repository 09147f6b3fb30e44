import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installGuard } from '../../src/platform/http/guard.ts';
import { createWorkspace, login, ROLES, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const inject = app.app.inject.bind(app.app);

describe('permissions', () => {
  it('a route under /api/v1 that does not say who may call it refuses to register', () => {
    const bare = Fastify();
    installGuard(bare, { fromSessionToken: async () => null, fromApiToken: async () => null }, null);
    expect(() => bare.get('/api/v1/unguarded', async () => 'x')).toThrow(/does not declare config.access/);
    expect(() =>
      bare.get('/api/v1/guarded', { config: { access: 'users.read' } }, async () => 'x'),
    ).not.toThrow();
  });

  it.each([
    ['admin', 201],
    ['supervisor', 403],
    ['agent', 403],
    ['sales_rep', 403],
    ['technician', 403],
    ['partner', 403],
  ] as const)('creating a user as %s answers %i', async (role, status) => {
    const s = await login(app, ws.email(role));
    const res = await inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: s.headers,
      payload: { email: `made-by-${role}@x.test`, name: 'N', role: 'agent', password: 'long enough' },
    });
    expect(res.statusCode).toBe(status);
    if (status === 403) expect(res.json().error.code).toBe('auth.forbidden');
  });

  it('a custom role grants exactly its permissions, and changing it takes effect at once', async () => {
    const admin = await login(app, ws.email('admin'));
    const created = await inject({
      method: 'POST',
      url: '/api/v1/roles',
      headers: admin.headers,
      payload: { key: 'auditor', name: 'Auditor', permissions: ['audit.read'] },
    });
    expect(created.statusCode).toBe(201);
    const user = await inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'auditor@x.test', name: 'Ana Auditora', role: 'auditor', password: 'long enough' },
    });
    expect(user.statusCode).toBe(201);
    const auditor = await login(app, 'auditor@x.test', 'long enough');
    expect((await inject({ method: 'GET', url: '/api/v1/audit', headers: auditor.headers })).statusCode).toBe(
      200,
    );
    expect((await inject({ method: 'GET', url: '/api/v1/users', headers: auditor.headers })).statusCode).toBe(
      403,
    );
    await inject({
      method: 'PATCH',
      url: '/api/v1/roles/auditor',
      headers: admin.headers,
      payload: { permissions: ['users.read'] },
    });
    expect((await inject({ method: 'GET', url: '/api/v1/audit', headers: auditor.headers })).statusCode).toBe(
      403,
    );
    expect((await inject({ method: 'GET', url: '/api/v1/users', headers: auditor.headers })).statusCode).toBe(
      200,
    );
  });

  it('the administrator role cannot lose permissions', async () => {
    const admin = await login(app, ws.email('admin'));
    const res = await inject({
      method: 'PATCH',
      url: '/api/v1/roles/admin',
      headers: admin.headers,
      payload: { permissions: [] },
    });
    expect(res.statusCode).toBe(400);
  });

  it('a deactivated user is logged out and cannot log in', async () => {
    const admin = await login(app, ws.email('admin'));
    const victim = await login(app, ws.email('partner'));
    const res = await inject({
      method: 'PATCH',
      url: `/api/v1/users/${victim.userId}`,
      headers: admin.headers,
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: victim.headers })).statusCode).toBe(
      401,
    );
    await expect(login(app, ws.email('partner'))).rejects.toThrow(/401/);
  });

  it('an admin cannot lock themselves out', async () => {
    const admin = await login(app, ws.email('admin'));
    const res = await inject({
      method: 'PATCH',
      url: `/api/v1/users/${admin.userId}`,
      headers: admin.headers,
      payload: { role: 'agent' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('users.self_lockout');
  });

  it('lists users a page at a time with a cursor, and searches', async () => {
    const admin = await login(app, ws.email('admin'));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await inject({ method: 'GET', url, headers: admin.headers })).json();
      seen.push(...page.items.map((u: { email: string }) => u.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(ROLES.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    const found = (
      await inject({ method: 'GET', url: '/api/v1/users?q=SUPERVISOR', headers: admin.headers })
    ).json();
    expect(found.items.map((u: { role: string }) => u.role)).toEqual(['supervisor']);
  });
});
