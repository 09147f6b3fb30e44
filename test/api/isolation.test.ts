/**
 * No endpoint leaks across workspaces. Walks every route in the OpenAPI document as workspace B's
 * administrator: lists must not contain anything of workspace A, and A's ids answer 404.
 */
import { describe, expect, it } from 'vitest';
import { createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const a = await createWorkspace(app);
const b = await createWorkspace(app);
const inject = app.app.inject.bind(app.app);

const adminA = await login(app, a.email('admin'));
const adminB = await login(app, b.email('admin'));

// Workspace A's data, for B to try to reach.
const token = (
  await inject({
    method: 'POST',
    url: '/api/v1/api-tokens',
    headers: adminA.headers,
    payload: { name: 'A only' },
  })
).json();
await inject({
  method: 'POST',
  url: '/api/v1/roles',
  headers: adminA.headers,
  payload: { key: 'only_in_a', name: 'A', permissions: [] },
});
const usersOfA = (
  await inject({ method: 'GET', url: '/api/v1/users?limit=200', headers: adminA.headers })
).json().items as { id: string; email: string }[];
const idsOfA = [...usersOfA.map((u) => u.id), token.id];
const secretsOfA = [a.id, a.slug, ...idsOfA, ...usersOfA.map((u) => u.email), 'only_in_a', 'A only'];

const spec = (await inject({ method: 'GET', url: '/api/docs/json' })).json() as {
  paths: Record<string, Record<string, unknown>>;
};
const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
  Object.keys(methods).map((m) => [m.toUpperCase(), path] as const),
);

describe('workspace isolation', () => {
  it('the OpenAPI document lists the routes it walks', () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  const lists = routes.filter(([m, p]) => m === 'GET' && !p.includes('{'));
  it.each(lists)('%s %s shows nothing of another workspace', async (method, path) => {
    const res = await inject({ method, url: path, headers: adminB.headers });
    expect(res.statusCode).toBeLessThan(500);
    for (const secret of secretsOfA) expect(res.body).not.toContain(secret);
  });

  const byId = routes.filter(([, p]) => /\{(id|key)\}/.test(p));
  it.each(byId)("%s %s answers 404 for another workspace's record", async (method, path) => {
    const targets = path.includes('{key}') ? ['only_in_a'] : idsOfA;
    for (const target of targets) {
      const url = path.replace(/\{(id|key)\}/, target);
      const res = await inject({
        method: method as 'GET',
        url,
        headers: adminB.headers,
        ...(method === 'PATCH' ? { payload: {} } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it("A's records are untouched by B's attempts", async () => {
    const list = (await inject({ method: 'GET', url: '/api/v1/api-tokens', headers: adminA.headers })).json();
    expect(list.items.map((t: { id: string }) => t.id)).toContain(token.id);
  });
});
