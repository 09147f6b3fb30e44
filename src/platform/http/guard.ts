/**
 * Authentication and permission, checked in one place for every route. A route under /api/v1 must say who
 * may call it (`config.access`); one that does not refuses to register, so no route is left unguarded.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Access, Authenticator, Principal } from '../auth/principal.ts';
import { AppError, errors } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const SESSION_COOKIE = 'atiende_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installGuard(
  app: FastifyInstance,
  authenticator: Authenticator,
  publicOrigin: string | null,
): void {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    if (!route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    request.principal = await authenticate(request, authenticator);
    if (access === 'public') return;
    const principal = request.principal;
    if (!principal) throw errors.unauthorized();
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method))
      checkCsrf(request, principal, publicOrigin);
    if (access !== 'authenticated' && !principal.permissions.has(access)) {
      throw new AppError('auth.forbidden', 403, `This needs the permission "${access}"`);
    }
  });
}

/** Who the caller is, or null; a bearer token that is present but wrong is an error, not anonymity. */
export async function authenticate(
  request: FastifyRequest,
  authenticator: Authenticator,
): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('auth.bad_header', 401, 'Authorization must be "Bearer <token>"');
    const principal = await authenticator.fromApiToken(match[1]!);
    if (!principal) throw new AppError('auth.invalid_token', 401, 'The API token is unknown or revoked');
    return principal;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  return authenticator.fromSessionToken(token);
}

/** Cookie-authenticated writes must come from our own origin and echo the session's CSRF token. */
function checkCsrf(request: FastifyRequest, principal: Principal, publicOrigin: string | null): void {
  const origin = request.headers.origin;
  if (origin && !sameOrigin(origin, request.headers.host, publicOrigin)) {
    throw new AppError('auth.bad_origin', 403, `Requests from ${origin} are not accepted`);
  }
  if (request.headers['x-csrf-token'] !== principal.csrfToken) {
    throw new AppError('auth.csrf', 403, 'Missing or wrong x-csrf-token header');
  }
}

function sameOrigin(origin: string, host: string | undefined, publicOrigin: string | null): boolean {
  if (origin === publicOrigin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
