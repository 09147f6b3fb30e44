/** HTTP: reports as JSON or CSV. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock } from '../../platform/clock.ts';
import { Nullable, Obj, Type } from '../../platform/http/schema.ts';
import { toCsv } from './csv.ts';
import { periodOf } from './metrics/periods.ts';
import type { ReportRequest, ReportsService } from './reports-service.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A local date, YYYY-MM-DD' });
const Ratio = Nullable(Type.Number());

export const ReportQuerySchema = Obj({
  from: Day,
  to: Day,
  grain: Type.Union([
    Type.Literal('interval'),
    Type.Literal('day'),
    Type.Literal('week'),
    Type.Literal('month'),
  ]),
  by: Type.Optional(
    Type.Union([
      Type.Literal('total'),
      Type.Literal('queue'),
      Type.Literal('channel'),
      Type.Literal('team'),
      Type.Literal('agent'),
    ]),
  ),
  intervalMinutes: Type.Optional(Type.Union([Type.Literal(15), Type.Literal(30), Type.Literal(60)])),
  targetSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600 })),
  shortAbandonSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 600 })),
  queueId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  channel: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  agentId: Type.Optional(Type.String({ format: 'uuid' })),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
});

export const ReportRowSchema = Obj({
  period: Type.String(),
  key: Type.String(),
  offered: Type.Integer(),
  answered: Type.Integer(),
  abandoned: Type.Integer(),
  shortAbandoned: Type.Integer(),
  serviceLevel: Ratio,
  asaSeconds: Ratio,
  abandonRate: Ratio,
  ahtSeconds: Ratio,
  talkSeconds: Ratio,
  wrapUpSeconds: Ratio,
  transfers: Type.Integer(),
  transferRate: Ratio,
  firstReplySeconds: Ratio,
  resolutionSeconds: Ratio,
  occupancy: Ratio,
  utilisation: Ratio,
  csat: Ratio,
  csatSatisfied: Ratio,
  csatResponses: Type.Integer(),
});

export const ReportSchema = Obj({
  timeZone: Type.String(),
  rows: Type.Array(ReportRowSchema),
  totals: Type.Array(ReportRowSchema),
});

export function reportRoutes(deps: {
  reports: ReportsService;
  clock: Clock;
  timeZoneOf(ws: string): Promise<string>;
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['analytics'];
    app.get(
      '/analytics/reports',
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary:
            'Figures by interval, day, week or month and by queue, channel, team or agent (JSON or CSV)',
          querystring: ReportQuerySchema,
          response: { 200: Type.Union([ReportSchema, Type.String({ description: 'text/csv' })]) },
        },
      },
      async (request, reply) => {
        const { format, by, ...rest } = request.query;
        const body: ReportRequest = { ...rest, by: by ?? 'total' };
        const report = await deps.reports.report(request.principal!.workspaceId, body);
        if (format !== 'csv') return report;
        const name = `report-${body.from}-${body.to}-${body.grain}-${body.by}.csv`;
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(toCsv([...report.rows, ...report.totals]));
      },
    );

    app.get(
      '/analytics/intraday',
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary: 'Today by 15-minute interval, in the workspace’s time zone',
          querystring: Obj({
            by: Type.Optional(
              Type.Union([Type.Literal('total'), Type.Literal('queue'), Type.Literal('channel')]),
            ),
            queueId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
          }),
          response: { 200: ReportSchema },
        },
      },
      async (request) => {
        const ws = request.principal!.workspaceId;
        const today = periodOf(deps.clock.now().getTime(), 'day', await deps.timeZoneOf(ws));
        return deps.reports.report(ws, {
          from: today,
          to: today,
          grain: 'interval',
          intervalMinutes: 15,
          by: request.query.by ?? 'total',
          queueId: request.query.queueId,
        });
      },
    );
  };
}
