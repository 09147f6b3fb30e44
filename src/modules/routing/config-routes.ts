/** HTTP for routing's configuration: queues (policy as data, hours), workspace settings, agents' profiles. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors } from '../../platform/errors.ts';
import { IdParams, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import type { RoutingConfigService } from './config-service.ts';
import { Hours, Key, Policy, Profile, QueueSchema, SettingsSchema, Targets } from './route-schemas.ts';
import type { RoutingService } from './service.ts';

const ProfileWithId = Obj({ userId: Uuid, ...Profile.properties });

export function routingConfigRoutes(deps: {
  routing: RoutingService;
  config: RoutingConfigService;
  reload(ws: string): Promise<void>;
}): FastifyPluginAsyncTypebox {
  const { routing, config } = deps;
  return async (app) => {
    const tags = ['routing'];
    app.get(
      '/routing/queues',
      {
        config: { access: 'interactions.read' },
        schema: { tags, response: { 200: Obj({ items: Type.Array(QueueSchema) }) } },
      },
      async (request) => ({ items: await config.listQueues(request.principal!.workspaceId) }),
    );
    app.get(
      '/routing/queues/:key',
      {
        config: { access: 'interactions.read' },
        schema: { tags, params: Obj({ key: Key }), response: { 200: QueueSchema } },
      },
      async (request) => {
        const queue = await config.getQueue(request.principal!.workspaceId, request.params.key);
        if (!queue) throw errors.notFound('Queue');
        return queue;
      },
    );
    app.put(
      '/routing/queues/:key',
      {
        config: { access: 'routing.manage' },
        schema: {
          tags,
          summary:
            'Create or replace a queue of the caller’s workspace; its policy is data (unset fields take defaults)',
          params: Obj({ key: Key }),
          body: Obj({
            name: Type.String({ minLength: 1, maxLength: 120 }),
            targets: Targets,
            policy: Policy,
            hours: Type.Optional(Hours),
          }),
          response: { 200: QueueSchema },
        },
      },
      async (request) => {
        const ws = request.principal!.workspaceId;
        const saved = await config.saveQueue(ws, { key: request.params.key, ...request.body });
        await deps.reload(ws);
        return saved;
      },
    );
    app.get(
      '/routing/settings',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary:
            'Channel costs, missed offers before not-ready, presence grace, not-ready reasons, dispositions',
          response: { 200: SettingsSchema },
        },
      },
      async (request) => config.settings(request.principal!.workspaceId),
    );
    app.put(
      '/routing/settings',
      {
        config: { access: 'routing.manage' },
        schema: { tags, body: SettingsSchema, response: { 200: SettingsSchema } },
      },
      async (request) => {
        const ws = request.principal!.workspaceId;
        const saved = await config.saveSettings(ws, request.body);
        await deps.reload(ws);
        return saved;
      },
    );
    app.get(
      '/routing/agents',
      {
        config: { access: 'routing.manage' },
        schema: {
          tags,
          summary: 'Every agent’s routing profile',
          response: { 200: Obj({ items: Type.Array(ProfileWithId) }) },
        },
      },
      async (request) => ({
        items: (await config.listAgentProfiles(request.principal!.workspaceId)).map(({ id, ...p }) => ({
          userId: id,
          ...p,
        })),
      }),
    );
    app.put(
      '/routing/agents/:id/profile',
      {
        config: { access: 'routing.manage' },
        schema: {
          tags,
          summary: 'An agent’s skills (1–5), languages, channels with caps, capacity and teams',
          params: IdParams,
          body: Profile,
          response: { 200: Profile },
        },
      },
      async (request) => {
        const { id: _id, ...profile } = await routing.saveProfile(
          request.principal!.workspaceId,
          request.params.id,
          request.body,
        );
        return profile;
      },
    );
  };
}
