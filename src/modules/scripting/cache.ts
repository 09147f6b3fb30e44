/**
 * Per-workspace values that change rarely (selection rules with their live scripts, the model, promotions
 * and catalogue), read on every contact. A write in this process drops the workspace's entry at once;
 * other processes see the change within `ttlMs`.
 */
import type { Clock } from '../../platform/clock.ts';

export interface WorkspaceCache<T> {
  get(workspaceId: string): Promise<T>;
  invalidate(workspaceId: string): void;
}

/**
 * Loads a workspace's value at most once per `ttlMs`; concurrent readers share one load, and a load
 * that started before an invalidation is never kept.
 * @example const live = workspaceCache(clock, 5_000, (ws) => loadRules(ws)); await live.get(ws); live.invalidate(ws);
 */
export function workspaceCache<T>(
  clock: Clock,
  ttlMs: number,
  load: (workspaceId: string) => Promise<T>,
): WorkspaceCache<T> {
  const entries = new Map<string, { until: number; value: Promise<T> }>();
  return {
    get(workspaceId) {
      const now = clock.now().getTime();
      const hit = entries.get(workspaceId);
      if (hit && hit.until > now) return hit.value;
      const entry = { until: now + ttlMs, value: load(workspaceId) };
      entries.set(workspaceId, entry);
      entry.value.catch(() => {
        if (entries.get(workspaceId) === entry) entries.delete(workspaceId);
      });
      return entry.value;
    },
    invalidate(workspaceId) {
      entries.delete(workspaceId);
    },
  };
}
