import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';

const app = await startTestApp();
const inject = app.app.inject.bind(app.app);

describe('operations endpoints', () => {
  it('/healthz and /readyz answer', async () => {
    expect((await inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await inject('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('/metrics serves Prometheus text to local callers only', async () => {
    await inject('/healthz');
    const local = await inject('/metrics');
    expect(local.statusCode).toBe(200);
    expect(local.body).toContain('atiende_http_request_duration_seconds');
    const remote = await inject({ url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(403);
  });

  it('the OpenAPI 3.1 document and its browser are served at /api/docs', async () => {
    const spec = (await inject('/api/docs/json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.paths['/api/v1/auth/login'].post).toBeDefined();
    const page = await inject('/api/docs');
    expect([200, 302]).toContain(page.statusCode);
  });

  it('every answer carries a request id, keeping a well-formed one the caller sent', async () => {
    const own = await inject({ url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(own.headers['x-request-id']).toBe('trace-123');
    const made = await inject({ url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
