import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Db } from '../db/connect.ts';

/** Liveness, readiness and Prometheus metrics (metrics only for local callers or supervisors). */
export function healthRoutes(db: Db, registry: Registry) {
  return async (app: FastifyInstance) => {
    app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
      try {
        await db.execute(sql`select 1`);
        return { status: 'ready' };
      } catch {
        return reply
          .status(503)
          .send({ error: { code: 'not_ready', message: 'The database is not reachable' } });
      }
    });
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      const local = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(request.ip);
      if (!local) {
        return reply
          .status(403)
          .send({ error: { code: 'auth.forbidden', message: 'Metrics are served to local callers only' } });
      }
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    });
  };
}
