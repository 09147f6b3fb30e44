import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const CSP = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Serves the built single-page app, falling back to index.html for its client-side routes. */
export async function serveWeb(app: FastifyInstance, webDir: string): Promise<boolean> {
  if (!existsSync(join(webDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    setHeaders: (res, path) => {
      if (path.endsWith('.html')) {
        res.header('content-security-policy', CSP);
        res.header('cache-control', 'no-cache');
      } else if (path.includes('/assets/')) {
        res.header('cache-control', 'public, max-age=31536000, immutable');
      }
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/') || /\.[a-z0-9]{1,5}$/i.test(path)) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route GET ${path}` } });
    }
    reply.header('content-security-policy', CSP);
    return reply.sendFile('index.html');
  });
  return true;
}
