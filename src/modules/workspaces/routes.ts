import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Language, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import type { WorkspaceService } from './service.ts';

const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$' });
export const BusinessHoursSchema = Obj({
  weekly: Type.Array(Obj({ day: Type.Integer({ minimum: 0, maximum: 6 }), open: Time, close: Time }), {
    maxItems: 50,
  }),
  holidays: Type.Array(
    Obj({ date: Type.String({ format: 'date' }), name: Type.String({ minLength: 1, maxLength: 100 }) }),
    {
      maxItems: 400,
    },
  ),
});
const WorkspaceSchema = Obj({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  defaultLanguage: Language,
  defaultCountry: Type.String(),
  businessHours: BusinessHoursSchema,
});
const WorkspacePatch = Obj({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  defaultLanguage: Type.Optional(Language),
  defaultCountry: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  businessHours: Type.Optional(BusinessHoursSchema),
});

export function workspaceRoutes(service: WorkspaceService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['workspace'];
    app.get(
      '/workspace',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'The caller’s workspace', response: { 200: WorkspaceSchema } },
      },
      async (request) => service.get(request.principal!.workspaceId),
    );
    app.patch(
      '/workspace',
      {
        config: { access: 'workspace.manage' },
        schema: {
          tags,
          summary: 'Change workspace settings',
          body: WorkspacePatch,
          response: { 200: WorkspaceSchema },
        },
      },
      async (request) =>
        service.update(request.principal!.workspaceId, request.body, request.principal!.userId),
    );
  };
}
