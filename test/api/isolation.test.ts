/**
 * No endpoint leaks across workspaces. Walks every route in the OpenAPI document as workspace B's
 * administrator: lists must not contain anything of workspace A, and A's ids answer 404.
 */
import { describe, expect, it } from 'vitest';
import { createWorkspace, login, startTestApp } from '../support/app.ts';
import { exampleOf, requestSchema } from '../support/openapi.ts';

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
await inject({
  method: 'PUT',
  url: '/api/v1/routing/queues/only_in_a',
  headers: adminA.headers,
  payload: { name: 'A queue', targets: {}, policy: {} },
});
const interactionOfA = (
  await inject({
    method: 'POST',
    url: '/api/v1/interactions',
    headers: adminA.headers,
    payload: { channel: 'email', direction: 'inbound', queueId: 'only_in_a', subject: 'A only' },
  })
).json();
// Customers of A: a person with an identity, a namesake (so a duplicate pair), a custom field and an import.
const customerOfA = (
  await inject({
    method: 'POST',
    url: '/api/v1/customers',
    headers: adminA.headers,
    payload: { name: 'Cliente Solo De A', email: 'solo-de-a@example.com' },
  })
).json();
await inject({
  method: 'POST',
  url: '/api/v1/customers',
  headers: adminA.headers,
  payload: { name: 'Cliente Solo De A' },
});
const pairOfA = (
  await inject({ method: 'GET', url: '/api/v1/customer-duplicates', headers: adminA.headers })
).json().items[0];
const fieldOfA = (
  await inject({
    method: 'POST',
    url: '/api/v1/customer-fields',
    headers: adminA.headers,
    payload: { key: 'solo_de_a', label: 'Campo Solo De A', type: 'text' },
  })
).json();
const importOfA = (
  await inject({
    method: 'POST',
    url: '/api/v1/customer-imports?fileName=solo-de-a.csv',
    headers: { ...adminA.headers, 'content-type': 'text/csv' },
    payload: 'Nombre\nImportado Solo De A\n',
  })
).json();
const articleOfA = (
  await inject({
    method: 'POST',
    url: '/api/v1/knowledge/articles',
    headers: adminA.headers,
    payload: { language: 'es', title: 'Articulo Solo De A', body: 'Solo De A', status: 'published' },
  })
).json();
const synonymOfA = (
  await inject({
    method: 'POST',
    url: '/api/v1/knowledge/synonyms',
    headers: adminA.headers,
    payload: { language: 'es', phrase: 'solo-de-a', alternatives: ['only_in_a'] },
  })
).json();
await inject({ method: 'GET', url: '/api/v1/knowledge/search?q=Solo%20De%20A', headers: adminA.headers });
// Workforce history and a plan of A.
await inject({
  method: 'POST',
  url: '/api/v1/wfm/history/import?queueKey=only_in_a&channel=voice&intervalMinutes=60',
  headers: { ...adminA.headers, 'content-type': 'text/csv' },
  payload: 'timestamp,count\n2026-01-05T08:00:00,4\n2026-01-05T09:00:00,6\n',
});
const planOfA = (
  await inject({
    method: 'POST',
    url: '/api/v1/wfm/plans',
    headers: adminA.headers,
    payload: { name: 'A only', queueKey: 'only_in_a', channel: 'voice', intervalMinutes: 60 },
  })
).json();
// A's rostering: a profile, a day off and the plan's roster.
await inject({
  method: 'PUT',
  url: `/api/v1/wfm/agents/${adminA.userId}`,
  headers: adminA.headers,
  payload: {
    queues: ['only_in_a'],
    contractMinutes: 2400,
    maxDays: 5,
    availability: Array(7).fill([0, 1440]),
  },
});
const timeOffOfA = (
  await inject({
    method: 'POST',
    url: '/api/v1/wfm/time-off',
    headers: adminA.headers,
    payload: { day: '2026-01-07', note: 'A only' },
  })
).json();
await inject({
  method: 'POST',
  url: `/api/v1/wfm/plans/${planOfA.id}/roster`,
  headers: adminA.headers,
  payload: {},
});
const templateOfA = (
  await inject({
    method: 'POST',
    url: '/api/v1/email/templates',
    headers: adminA.headers,
    payload: { name: 'A only', language: 'es', body: 'Hola {{customer.name}}' },
  })
).json();
// Quality and scheduled reports of A: a scorecard and a schedule (an evaluation needs handled work).
const scorecardOfA = (
  await inject({
    method: 'POST',
    url: '/api/v1/quality/scorecards',
    headers: adminA.headers,
    payload: {
      name: 'Ficha Solo De A',
      definition: {
        sections: [
          {
            id: 's',
            title: 'Solo De A',
            questions: [
              {
                id: 'q',
                text: 'Solo De A',
                weight: 1,
                critical: false,
                allowNa: false,
                scale: { kind: 'yes_no' },
              },
            ],
          },
        ],
      },
    },
  })
).json();
const scheduleOfA = (
  await inject({
    method: 'POST',
    url: '/api/v1/analytics/report-schedules',
    headers: adminA.headers,
    payload: {
      name: 'Informe Solo De A',
      schedule: { frequency: 'daily', time: '07:00', grain: 'day', by: 'queue' },
      recipients: ['solo-de-a@example.com'],
    },
  })
).json();
const customerIdsOfA = [customerOfA.id, customerOfA.identities[0].id, pairOfA.id, fieldOfA.id, importOfA.id];
const usersOfA = (
  await inject({ method: 'GET', url: '/api/v1/users?limit=200', headers: adminA.headers })
).json().items as { id: string; email: string }[];
const idsOfA = [
  ...usersOfA.map((u) => u.id),
  token.id,
  interactionOfA.id,
  ...customerIdsOfA,
  articleOfA.id,
  synonymOfA.id,
  planOfA.id,
  timeOffOfA.id,
  templateOfA.id,
  scorecardOfA.id,
  scheduleOfA.id,
];
const secretsOfA = [
  a.id,
  a.slug,
  ...idsOfA,
  ...usersOfA.map((u) => u.email),
  'only_in_a',
  'A only',
  'Solo De A',
  'solo-de-a',
  'solo_de_a',
];

const spec = (await inject({ method: 'GET', url: '/api/docs/json' })).json() as {
  paths: Record<string, Record<string, unknown>>;
};
const operation = (method: string, path: string) => spec.paths[path]?.[method.toLowerCase()];
/** The required query parameters of an operation, filled with examples (`?a=x&b=y`, or ''). */
const requiredQuery = (op: unknown) => {
  const params = ((op as { parameters?: QueryParameter[] } | undefined)?.parameters ?? []).filter(
    (q) => q.in === 'query' && q.required,
  );
  const pairs = params.map((q) => `${q.name}=${encodeURIComponent(String(exampleOf(q.schema)))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
};
interface QueryParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: Parameters<typeof exampleOf>[0];
}
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

  // PUT creates or replaces a record of the caller's own workspace by its key: it cannot reach another's
  // (the last test checks A's records are unchanged).
  const byId = routes.filter(([m, p]) => /\{(id|key)\}/.test(p) && !(m === 'PUT' && p.includes('{key}')));
  it.each(byId)("%s %s answers 404 for another workspace's record", async (method, path) => {
    const targets = path.includes('{key}') ? ['only_in_a'] : idsOfA;
    for (const target of targets) {
      // Every path parameter (an article's file too) is one of A's ids.
      const url = path.replace(/\{[^}]+\}/g, target) + requiredQuery(operation(method, path));
      const res = await inject({
        method: method as 'GET',
        url,
        headers: adminB.headers,
        ...(method === 'PATCH' ? { payload: {} } : {}),
        ...(['POST', 'PUT'].includes(method) && requestSchema(operation(method, path))
          ? { payload: exampleOf(requestSchema(operation(method, path))) as object }
          : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it("A's records are untouched by B's attempts", async () => {
    const list = (await inject({ method: 'GET', url: '/api/v1/api-tokens', headers: adminA.headers })).json();
    expect(list.items.map((t: { id: string }) => t.id)).toContain(token.id);
    const queues = (
      await inject({ method: 'GET', url: '/api/v1/routing/queues', headers: adminA.headers })
    ).json();
    expect(queues.items).toContainEqual(expect.objectContaining({ key: 'only_in_a', name: 'A queue' }));
    const interaction = (
      await inject({
        method: 'GET',
        url: `/api/v1/interactions/${interactionOfA.id}`,
        headers: adminA.headers,
      })
    ).json();
    expect(interaction.state).toBe('queued');
    const customer = (
      await inject({ method: 'GET', url: `/api/v1/customers/${customerOfA.id}`, headers: adminA.headers })
    ).json();
    expect(customer).toMatchObject({
      name: 'Cliente Solo De A',
      identities: [{ value: 'solo-de-a@example.com' }],
    });
  });
});
