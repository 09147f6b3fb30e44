/**
 * Resolves a session cookie or an API token to a principal in one indexed query, with a short cache so that
 * busy agents' requests do not all reach the database. Logout, role and permission changes clear the cache
 * of this process at once; other processes see them within the cache's lifetime.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { isPermission, type Permission } from '../../platform/auth/permissions.ts';
import type { Authenticator, Principal } from '../../platform/auth/principal.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { apiTokens, roles, sessions, users } from './schema.ts';
import { hashToken } from './secrets.ts';

const CACHE_MS = 5_000;
const TOUCH_MS = 60_000;

interface Cached {
  principal: Principal;
  until: number;
}

export function createAuthenticator(deps: { db: Db; clock: Clock; sessionTtlHours: number }) {
  const { db, clock } = deps;
  const cache = new Map<string, Cached>();
  const touched = new Map<string, number>();

  const principalColumns = {
    userId: users.id,
    workspaceId: users.workspaceId,
    email: users.email,
    role: users.role,
    permissions: roles.permissions,
  };

  async function fromSessionToken(token: string): Promise<Principal | null> {
    const key = `s:${hashToken(token)}`;
    const now = clock.now();
    const hit = cache.get(key);
    if (hit && hit.until > now.getTime()) return hit.principal;
    const [row] = await db
      .select({
        ...principalColumns,
        sessionId: sessions.id,
        csrfToken: sessions.csrfToken,
        lastSeenAt: sessions.lastSeenAt,
      })
      .from(sessions)
      .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.workspaceId, sessions.workspaceId)))
      .innerJoin(roles, and(eq(roles.workspaceId, users.workspaceId), eq(roles.key, users.role)))
      .where(and(eq(sessions.tokenHash, key.slice(2)), gt(sessions.expiresAt, now), eq(users.active, true)));
    if (!row) {
      cache.delete(key);
      return null;
    }
    await slideExpiry(row.sessionId, row.lastSeenAt, now);
    const principal = toPrincipal(row, 'session', row.sessionId, row.csrfToken);
    cache.set(key, { principal, until: now.getTime() + CACHE_MS });
    return principal;
  }

  async function fromApiToken(token: string): Promise<Principal | null> {
    const key = `t:${hashToken(token)}`;
    const now = clock.now();
    const hit = cache.get(key);
    if (hit && hit.until > now.getTime()) return hit.principal;
    const [row] = await db
      .select({ ...principalColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .innerJoin(users, and(eq(users.id, apiTokens.userId), eq(users.workspaceId, apiTokens.workspaceId)))
      .innerJoin(roles, and(eq(roles.workspaceId, users.workspaceId), eq(roles.key, users.role)))
      .where(and(eq(apiTokens.tokenHash, key.slice(2)), isNull(apiTokens.revokedAt), eq(users.active, true)));
    if (!row) return null;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_MS) {
      await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
    }
    const principal = toPrincipal(row, 'token', null, null);
    cache.set(key, { principal, until: now.getTime() + CACHE_MS });
    return principal;
  }

  /** Sessions live SESSION_TTL_HOURS from their last use; the row is touched at most once a minute. */
  async function slideExpiry(sessionId: string, lastSeenAt: Date, now: Date): Promise<void> {
    const last = Math.max(lastSeenAt.getTime(), touched.get(sessionId) ?? 0);
    if (now.getTime() - last < TOUCH_MS) return;
    touched.set(sessionId, now.getTime());
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + deps.sessionTtlHours * 3_600_000) })
      .where(eq(sessions.id, sessionId));
  }

  /** Forgets cached principals: all of them, or one user's. */
  function invalidate(userId?: string): void {
    if (!userId) {
      cache.clear();
      return;
    }
    for (const [key, value] of cache) if (value.principal.userId === userId) cache.delete(key);
  }

  const authenticator: Authenticator = { fromSessionToken, fromApiToken };
  return { ...authenticator, invalidate };
}

export type IdentityAuthenticator = ReturnType<typeof createAuthenticator>;

function toPrincipal(
  row: { userId: string; workspaceId: string; email: string; role: string; permissions: string[] },
  via: Principal['via'],
  sessionId: string | null,
  csrfToken: string | null,
): Principal {
  const permissions = new Set<Permission>(row.permissions.filter(isPermission));
  return {
    userId: row.userId,
    workspaceId: row.workspaceId,
    email: row.email,
    role: row.role,
    permissions,
    via,
    sessionId,
    csrfToken,
  };
}
