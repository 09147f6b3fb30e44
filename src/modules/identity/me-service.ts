/**
 * "Who am I": the logged-in user's profile with their workspace. Every screen asks it, so answers are kept
 * for a few seconds; changes to the user clear them at once, workspace renames show within that time.
 */
import type { Principal } from '../../platform/auth/principal.ts';
import type { Clock } from '../../platform/clock.ts';
import type { WorkspaceService } from '../workspaces/index.ts';
import type { UserService } from './users-service.ts';

const CACHE_MS = 5_000;

export function createMeService(deps: { users: UserService; workspaces: WorkspaceService; clock: Clock }) {
  const cache = new Map<string, { profile: Awaited<ReturnType<typeof load>>; until: number }>();

  async function load(principal: Principal) {
    const [user, workspace] = await Promise.all([
      deps.users.get(principal.workspaceId, principal.userId),
      deps.workspaces.get(principal.workspaceId),
    ]);
    const { businessHours: _hours, ...ws } = workspace;
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      language: user.language,
      workspace: ws,
    };
  }

  async function get(principal: Principal) {
    const now = deps.clock.now().getTime();
    let hit = cache.get(principal.userId);
    if (!hit || hit.until <= now) {
      hit = { profile: await load(principal), until: now + CACHE_MS };
      cache.set(principal.userId, hit);
    }
    return { ...hit.profile, permissions: [...principal.permissions], csrfToken: principal.csrfToken };
  }

  function invalidate(userId?: string): void {
    if (userId) cache.delete(userId);
    else cache.clear();
  }

  return { get, invalidate };
}

export type MeService = ReturnType<typeof createMeService>;
