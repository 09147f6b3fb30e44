import { describe, expect, it } from 'vitest';
import { createWorkspace, login, PASSWORD, startTestApp } from '../support/app.ts';

const app = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3' } });
const ws = await createWorkspace(app);
const inject = app.app.inject.bind(app.app);

describe('login and sessions', () => {
  it('sets an HttpOnly SameSite session cookie and answers who is logged in', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ws.email('agent'), password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'atiende_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({
      email: ws.email('agent'),
      role: 'agent',
      workspace: { slug: ws.slug },
    });
    const me = await inject({ method: 'GET', url: '/api/v1/me', cookies: { atiende_session: cookie.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json().permissions).toContain('desk.use');
    expect(me.json().permissions).not.toContain('users.manage');
  });

  it('e-mail is matched without regard to case', async () => {
    await expect(login(app, ws.email('agent').toUpperCase())).resolves.toBeTruthy();
  });

  it('refuses a wrong password with one message that does not tell whether the e-mail exists', async () => {
    const wrong = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ws.email('partner'), password: 'nope-nope' },
    });
    const unknown = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@nowhere.test', password: 'nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('locks an account after repeated failures, even for the right password, and audits it', async () => {
    const email = ws.email('technician');
    for (let i = 0; i < 3; i++) {
      await inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'wrong-password' },
      });
    }
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(423);
    expect(res.json().error.code).toBe('auth.locked');
    const admin = await login(app, ws.email('admin'));
    const audit = await inject({ method: 'GET', url: '/api/v1/audit?limit=50', headers: admin.headers });
    const types = audit.json().items.map((e: { type: string }) => e.type);
    expect(types).toContain('security.account_locked');
    expect(types).toContain('security.login_failed');
  });

  it('logout ends the session for good', async () => {
    const s = await login(app, ws.email('sales_rep'));
    const out = await inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    const me = await inject({ method: 'GET', url: '/api/v1/me', headers: s.headers });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('auth.required');
  });

  it('an unknown or forged session cookie is simply not logged in', async () => {
    const me = await inject({ method: 'GET', url: '/api/v1/me', cookies: { atiende_session: 'ats_forged' } });
    expect(me.statusCode).toBe(401);
  });
});

describe('CSRF protection of cookie-authenticated writes', () => {
  it('refuses a write without the CSRF header', async () => {
    const s = await login(app, ws.email('agent'));
    const res = await inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: s.cookie },
      payload: { name: 'X' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
  });

  it('refuses a write from another origin even with the token', async () => {
    const s = await login(app, ws.email('agent'));
    const res = await inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { ...s.headers, origin: 'https://evil.example' },
      payload: { name: 'X' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.bad_origin');
  });

  it('accepts a write with the token from the same origin', async () => {
    const s = await login(app, ws.email('agent'));
    const res = await inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { ...s.headers, origin: 'http://atiende.local:8080', host: 'atiende.local:8080' },
      payload: { language: 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().language).toBe('en');
  });
});

describe('passwords', () => {
  it('changing the password ends the other sessions and keeps this one', async () => {
    const { email } = { email: ws.email('supervisor') };
    const other = await login(app, email);
    const current = await login(app, email);
    const res = await inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: current.headers,
      payload: { currentPassword: PASSWORD, newPassword: 'a much better one' },
    });
    expect(res.statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: other.headers })).statusCode).toBe(401);
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: current.headers })).statusCode).toBe(
      200,
    );
    await expect(login(app, email, 'a much better one')).resolves.toBeTruthy();
  });

  it('refuses a wrong current password and a too-short new one with field details', async () => {
    const s = await login(app, ws.email('admin'));
    const wrong = await inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: s.headers,
      payload: { currentPassword: 'x', newPassword: 'long enough' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('/currentPassword');
    const short = await inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: s.headers,
      payload: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('users.weak_password');
  });

  it('resets a forgotten password with the e-mailed token, once', async () => {
    const email = ws.email('partner');
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email, workspace: ws.slug },
    });
    expect(res.statusCode).toBe(202);
    const mail = app.mailer.sent.findLast((m) => m.to === email)!;
    const token = /token=(rst_[\w-]+)/.exec(mail.text)![1]!;
    const confirm = await inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'brand new secret' },
    });
    expect(confirm.statusCode).toBe(204);
    await expect(login(app, email, 'brand new secret')).resolves.toBeTruthy();
    const again = await inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'another secret' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('auth.bad_reset_token');
  });

  it('answers a reset request for an unknown address exactly like a known one', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'ghost@nowhere.test' },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'sent_if_known' });
  });
});

describe('API tokens', () => {
  it('is shown once, works as a bearer token without CSRF, and stops working when revoked', async () => {
    const admin = await login(app, ws.email('admin'));
    const created = await inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: admin.headers,
      payload: { name: 'CRM sync' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^atk_/);
    const list = await inject({ method: 'GET', url: '/api/v1/api-tokens', headers: admin.headers });
    expect(JSON.stringify(list.json())).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    const write = await inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer,
      payload: { name: 'Integración' },
    });
    expect(write.statusCode).toBe(200);
    await inject({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, headers: admin.headers });
    const after = await inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth.invalid_token');
  });

  it('a malformed Authorization header is a 401 with a message', async () => {
    const res = await inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic abc' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.bad_header');
  });
});
