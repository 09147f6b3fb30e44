/** HTTP for editors: the workspace's search settings (the weights a workspace may tune). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import type { Context } from './context.ts';
import { BM25F } from './ranking.ts';
import { kbSettings } from './schema.ts';
import { SearchSettingsSchema } from './schemas.ts';

const tags = ['knowledge'];
const MANAGE = 'knowledge.manage';

export function settingsRoutes(ctx: Context): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/knowledge/settings',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: `The workspace's search settings (null: the default, translationWeight ${BM25F.translationWeight})`,
          response: { 200: SearchSettingsSchema },
        },
      },
      async (request) => (await ctx.searchContext(request.principal!.workspaceId)).settings,
    );

    app.put(
      '/knowledge/settings',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: "Set the workspace's search settings",
          body: SearchSettingsSchema,
          response: { 200: SearchSettingsSchema },
        },
      },
      async (request) => {
        const workspaceId = request.principal!.workspaceId;
        const { translationWeight } = request.body;
        await ctx.db
          .insert(kbSettings)
          .values({ workspaceId, translationWeight, updatedAt: ctx.clock.now() })
          .onConflictDoUpdate({
            target: kbSettings.workspaceId,
            set: { translationWeight, updatedAt: ctx.clock.now() },
          });
        ctx.forget(workspaceId);
        const [row] = await ctx.db
          .select({ translationWeight: kbSettings.translationWeight })
          .from(kbSettings)
          .where(eq(kbSettings.workspaceId, workspaceId));
        return { translationWeight: row?.translationWeight ?? null };
      },
    );
  };
}
