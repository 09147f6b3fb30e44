/** HTTP for editors: the workspace's search settings (the weights a workspace may tune). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Context } from './context.ts';
import { BM25F } from './ranking.ts';
import { SearchSettingsSchema } from './schemas.ts';
import { createSettingsService } from './settings-service.ts';

const tags = ['knowledge'];
const MANAGE = 'knowledge.manage';

export function settingsRoutes(ctx: Context): FastifyPluginAsyncTypebox {
  const settings = createSettingsService(ctx);
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
      async (request) => settings.get(request.principal!.workspaceId),
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
      async (request) => settings.set(request.principal!.workspaceId, request.body),
    );
  };
}
