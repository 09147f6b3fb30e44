/** HTTP: reports e-mailed on a schedule. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, NoContent, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import type { ScheduleService } from './schedule-service.ts';

const Schedule = Obj({
  frequency: Type.Union([Type.Literal('daily'), Type.Literal('weekly')]),
  weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' })),
  time: Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'Local time of sending, HH:MM' }),
  grain: Type.Union([
    Type.Literal('interval'),
    Type.Literal('day'),
    Type.Literal('week'),
    Type.Literal('month'),
  ]),
  by: Type.Union([
    Type.Literal('total'),
    Type.Literal('queue'),
    Type.Literal('channel'),
    Type.Literal('team'),
    Type.Literal('agent'),
  ]),
});
const ScheduleSchema = Obj({
  id: Uuid,
  name: Type.String(),
  schedule: Schedule,
  recipients: Type.Array(Type.String()),
  nextRunAt: Type.String(),
  lastRunAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  createdAt: Type.String(),
});

export function scheduleRoutes(schedules: ScheduleService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['analytics'];
    app.get(
      '/analytics/report-schedules',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'Reports e-mailed on a schedule',
          response: { 200: Obj({ items: Type.Array(ScheduleSchema) }) },
        },
      },
      async (request) => ({ items: await schedules.list(request.principal!.workspaceId) }),
    );
    app.post(
      '/analytics/report-schedules',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary:
            'E-mail a report daily (covering the day before) or weekly (the seven days before), at a local time of the workspace, CSV attached',
          body: Obj({
            name: Type.String({ minLength: 1, maxLength: 120 }),
            schedule: Schedule,
            recipients: Type.Array(Type.String({ format: 'email', maxLength: 254 }), {
              minItems: 1,
              maxItems: 20,
            }),
          }),
          response: { 201: ScheduleSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await schedules.create(request.principal!.workspaceId, request.principal!.userId, {
            ...request.body,
            schedule: request.body.schedule,
          }),
        ),
    );
    app.post(
      '/analytics/report-schedules/:id/send',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'Send the report now (its schedule is unchanged)',
          params: IdParams,
          response: { 200: Obj({ from: Type.String(), to: Type.String() }) },
        },
      },
      async (request) => schedules.sendNow(request.principal!.workspaceId, request.params.id),
    );
    app.delete(
      '/analytics/report-schedules/:id',
      {
        config: { access: 'supervise' },
        schema: { tags, summary: 'Stop sending a report', params: IdParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await schedules.remove(request.principal!.workspaceId, request.params.id);
        reply.code(204);
        return null;
      },
    );
  };
}
