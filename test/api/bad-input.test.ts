import { describe, expect, it } from 'vitest';
import { createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
const ws = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const inject = app.app.inject.bind(app.app);

const expectError = (res: { statusCode: number; json(): unknown }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  expect(res.json()).toMatchObject({ error: { code, message: expect.any(String) } });
};

describe('bad input is a 4xx with a code and a message, never a 500', () => {
  it('malformed JSON', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expectError(res, 400, 'request.malformed_json');
  });

  it('wrong types are not coerced', async () => {
    const res = await inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: admin.headers,
      payload: { name: 42 },
    });
    expectError(res, 400, 'validation.failed');
    expect(res.json().error.details[0]).toMatchObject({ path: '/name' });
  });

  it('unknown fields are named', async () => {
    const res = await inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: admin.headers,
      payload: { name: 'A', isAdmin: true },
    });
    expectError(res, 400, 'validation.failed');
    expect(res.json().error.details).toContainEqual({
      path: '/isAdmin',
      message: 'unknown property "isAdmin"',
    });
  });

  it('every invalid field of a form is reported at once', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'not-an-email', name: '', role: 'agent' },
    });
    expectError(res, 400, 'validation.failed');
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/email', '/name', '/password']));
  });

  it('oversize bodies', async () => {
    const res = await inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: admin.headers,
      payload: { name: 'x'.repeat(10_000) },
    });
    expectError(res, 413, 'request.too_large');
  });

  it('a body that is not JSON', async () => {
    const res = await inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { ...admin.headers, 'content-type': 'text/xml' },
      payload: '<a/>',
    });
    expectError(res, 415, 'request.unsupported_media_type');
  });

  it('bad ids', async () => {
    expectError(
      await inject({ method: 'GET', url: '/api/v1/users/not-a-uuid', headers: admin.headers }),
      400,
      'validation.failed',
    );
    expectError(
      await inject({
        method: 'GET',
        url: '/api/v1/users/00000000-0000-7000-8000-000000000000',
        headers: admin.headers,
      }),
      404,
      'not_found',
    );
  });

  it('bad pagination input', async () => {
    expectError(
      await inject({ method: 'GET', url: '/api/v1/users?limit=0', headers: admin.headers }),
      400,
      'validation.failed',
    );
    expectError(
      await inject({ method: 'GET', url: '/api/v1/users?limit=abc', headers: admin.headers }),
      400,
      'validation.failed',
    );
    expectError(
      await inject({ method: 'GET', url: '/api/v1/users?cursor=%%%', headers: admin.headers }),
      400,
      'pagination.bad_cursor',
    );
  });

  it('expired sessions', async () => {
    const clockApp = app;
    const s = await login(clockApp, ws.email('agent'));
    await clockApp.database.db.execute(
      (await import('drizzle-orm'))
        .sql`update sessions set expires_at = now() - interval '1 minute' where csrf_token = ${s.csrf}`,
    );
    clockApp.services.identity.authenticator.invalidate();
    expectError(await inject({ method: 'GET', url: '/api/v1/me', headers: s.headers }), 401, 'auth.required');
  });

  it('an unknown route', async () => {
    expectError(
      await inject({ method: 'GET', url: '/api/v1/nothing-here', headers: admin.headers }),
      404,
      'not_found',
    );
  });

  it('a duplicate user e-mail', async () => {
    const payload = { email: ws.email('agent'), name: 'Twin', role: 'agent', password: 'long enough' };
    expectError(
      await inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload }),
      409,
      'users.email_taken',
    );
  });

  it('an unknown role or permission', async () => {
    const payload = { email: 'new@x.test', name: 'New', role: 'wizard', password: 'long enough' };
    expectError(
      await inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload }),
      400,
      'users.unknown_role',
    );
    const role = { key: 'night_shift', name: 'Night', permissions: ['desk.use', 'fly'] };
    expectError(
      await inject({ method: 'POST', url: '/api/v1/roles', headers: admin.headers, payload: role }),
      400,
      'roles.unknown_permission',
    );
  });

  it('an invalid workspace setting', async () => {
    const tz = await inject({
      method: 'PATCH',
      url: '/api/v1/workspace',
      headers: admin.headers,
      payload: { timeZone: 'Mars/Olympus' },
    });
    expectError(tz, 400, 'validation.failed');
    const hours = { weekly: [{ day: 1, open: '18:00', close: '08:00' }], holidays: [] };
    const bad = await inject({
      method: 'PATCH',
      url: '/api/v1/workspace',
      headers: admin.headers,
      payload: { businessHours: hours },
    });
    expectError(bad, 400, 'validation.failed');
    const time = await inject({
      method: 'PATCH',
      url: '/api/v1/workspace',
      headers: admin.headers,
      payload: { businessHours: { weekly: [{ day: 1, open: '25:00', close: '26:00' }], holidays: [] } },
    });
    expectError(time, 400, 'validation.failed');
  });
});
