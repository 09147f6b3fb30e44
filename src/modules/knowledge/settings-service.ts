/** The weights a workspace may tune in its search, stored per workspace; null keeps the product's default. */
import type { Context, SearchSettings } from './context.ts';
import { kbSettings } from './schema.ts';

export function createSettingsService(ctx: Context) {
  /** The workspace's settings as its searches use them. */
  async function get(workspaceId: string): Promise<SearchSettings> {
    return (await ctx.searchContext(workspaceId)).settings;
  }

  /**
   * Stores the workspace's settings; its next search uses them.
   * @example await settings.set(ws, { translationWeight: 0 })
   */
  async function set(workspaceId: string, settings: SearchSettings): Promise<SearchSettings> {
    const { translationWeight } = settings;
    const updatedAt = ctx.clock.now();
    await ctx.db
      .insert(kbSettings)
      .values({ workspaceId, translationWeight, updatedAt })
      .onConflictDoUpdate({ target: kbSettings.workspaceId, set: { translationWeight, updatedAt } });
    ctx.forget(workspaceId);
    return get(workspaceId);
  }

  return { get, set };
}
