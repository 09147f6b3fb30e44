/** HTTP: quality scorecards, evaluations, agents' acknowledgements and disputes, calibration, report. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { DateTime, IdParams, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import { InteractionSchema } from '../interactions/index.ts';
import type { CalibrationService } from './calibration-service.ts';
import { tableCsv } from './csv.ts';
import type { EvaluationService, Viewer } from './evaluation-service.ts';
import type { QualityReport } from './quality-report.ts';
import {
  Answers,
  CalibrationSchema,
  CalibrationSummary,
  Day,
  EvaluationSchema,
  MessageSchema,
  QualityRowSchema,
  ScorecardBody,
  ScorecardSchema,
} from './quality-schemas.ts';
import type { ScorecardService } from './scorecard-service.ts';

const viewer = (request: FastifyRequest): Viewer => ({
  userId: request.principal!.userId,
  supervises: request.principal!.permissions.has('supervise'),
});

export function qualityRoutes(deps: {
  scorecards: ScorecardService;
  evaluations: EvaluationService;
  calibrations: CalibrationService;
  report: QualityReport;
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['quality'];
    const ws = (request: FastifyRequest) => request.principal!.workspaceId;

    app.get(
      '/quality/scorecards',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'The workspace’s scorecards (inactive ones with includeInactive=true)',
          querystring: Obj({ includeInactive: Type.Optional(Type.Boolean()) }),
          response: { 200: Obj({ items: Type.Array(ScorecardSchema) }) },
        },
      },
      async (request) => ({ items: await deps.scorecards.list(ws(request), request.query.includeInactive) }),
    );
    app.post(
      '/quality/scorecards',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'Create a scorecard',
          body: ScorecardBody,
          response: { 201: ScorecardSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await deps.scorecards.create(ws(request), request.principal!.userId, request.body)),
    );
    app.get(
      '/quality/scorecards/:id',
      {
        config: { access: 'supervise' },
        schema: { tags, summary: 'A scorecard', params: IdParams, response: { 200: ScorecardSchema } },
      },
      async (request) => deps.scorecards.get(ws(request), request.params.id),
    );
    app.put(
      '/quality/scorecards/:id',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'Replace a scorecard (evaluations already given keep their own copy)',
          params: IdParams,
          body: ScorecardBody,
          response: { 200: ScorecardSchema },
        },
      },
      async (request) => deps.scorecards.update(ws(request), request.params.id, request.body),
    );

    app.get(
      '/quality/interactions/:id',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'What an evaluator reads: the interaction, its messages and its evaluations',
          params: IdParams,
          response: {
            200: Obj({
              interaction: InteractionSchema,
              messages: Type.Array(MessageSchema),
              evaluations: Type.Array(EvaluationSchema),
            }),
          },
        },
      },
      async (request) => deps.evaluations.review(ws(request), request.params.id),
    );

    app.post(
      '/quality/evaluations',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'Score an interaction against a scorecard',
          body: Obj({
            scorecardId: Uuid,
            interactionId: Uuid,
            answers: Answers,
            comment: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
          }),
          response: { 201: EvaluationSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await deps.evaluations.create(ws(request), request.principal!.userId, request.body)),
    );
    app.get(
      '/quality/evaluations',
      {
        config: { access: 'interactions.read' },
        schema: {
          tags,
          summary: 'Evaluations, newest first: all for supervisors, their own for agents',
          querystring: Obj({
            agentId: Type.Optional(Uuid),
            interactionId: Type.Optional(Uuid),
            status: Type.Optional(
              Type.Union([
                Type.Literal('submitted'),
                Type.Literal('acknowledged'),
                Type.Literal('disputed'),
                Type.Literal('resolved'),
              ]),
            ),
            from: Type.Optional(DateTime),
            to: Type.Optional(DateTime),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          }),
          response: { 200: Obj({ items: Type.Array(EvaluationSchema) }) },
        },
      },
      async (request) => ({
        items: await deps.evaluations.list(ws(request), viewer(request), {
          ...request.query,
          limit: request.query.limit ?? 100,
        }),
      }),
    );
    app.get(
      '/quality/evaluations/:id',
      {
        config: { access: 'interactions.read' },
        schema: { tags, summary: 'An evaluation', params: IdParams, response: { 200: EvaluationSchema } },
      },
      async (request) => deps.evaluations.get(ws(request), viewer(request), request.params.id),
    );
    for (const [action, dispute] of [
      ['acknowledge', false],
      ['dispute', true],
    ] as const) {
      app.post(
        `/quality/evaluations/:id/${action}`,
        {
          config: { access: 'desk.use' },
          schema: {
            tags,
            summary: dispute
              ? 'The evaluated agent disputes the evaluation, saying why'
              : 'The evaluated agent acknowledges the evaluation',
            params: IdParams,
            body: Obj({ comment: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))) }),
            response: { 200: EvaluationSchema },
          },
        },
        async (request) =>
          deps.evaluations.respond(ws(request), viewer(request), request.params.id, {
            dispute,
            comment: request.body.comment,
          }),
      );
    }
    app.post(
      '/quality/evaluations/:id/resolve',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'Settle a dispute, with new answers when the score changes',
          params: IdParams,
          body: Obj({
            resolution: Type.String({ minLength: 1, maxLength: 4000 }),
            answers: Type.Optional(Answers),
          }),
          response: { 200: EvaluationSchema },
        },
      },
      async (request) => deps.evaluations.resolve(ws(request), request.params.id, request.body),
    );

    app.get(
      '/quality/calibrations',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'Calibration sessions, newest first',
          response: { 200: Obj({ items: Type.Array(Obj(CalibrationSummary)) }) },
        },
      },
      async (request) => ({ items: await deps.calibrations.list(ws(request)) }),
    );
    app.post(
      '/quality/calibrations',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'Open a calibration session: named evaluators score the same interaction',
          body: Obj({
            title: Type.String({ minLength: 1, maxLength: 200 }),
            scorecardId: Uuid,
            interactionId: Uuid,
            evaluatorIds: Type.Array(Uuid, { maxItems: 20 }),
          }),
          response: { 201: CalibrationSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await deps.calibrations.create(ws(request), request.principal!.userId, request.body)),
    );
    app.get(
      '/quality/calibrations/:id',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'A session with its scores and how far apart they are',
          params: IdParams,
          response: { 200: CalibrationSchema },
        },
      },
      async (request) => deps.calibrations.get(ws(request), request.params.id),
    );
    app.post(
      '/quality/calibrations/:id/scores',
      {
        config: { access: 'supervise' },
        schema: {
          tags,
          summary: 'The caller’s score in a session they were named in',
          params: IdParams,
          body: Obj({ answers: Answers, comment: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))) }),
          response: { 200: CalibrationSchema },
        },
      },
      async (request) =>
        deps.calibrations.score(ws(request), request.principal!.userId, request.params.id, request.body),
    );
    app.post(
      '/quality/calibrations/:id/close',
      {
        config: { access: 'supervise' },
        schema: { tags, summary: 'Close a session', params: IdParams, response: { 200: CalibrationSchema } },
      },
      async (request) => deps.calibrations.close(ws(request), request.params.id),
    );

    app.get(
      '/quality/report',
      {
        config: { access: 'reports.read' },
        schema: {
          tags,
          summary:
            'Quality scores by day, week or month and by agent, team, queue or evaluator (JSON or CSV)',
          querystring: Obj({
            from: Day,
            to: Day,
            grain: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')]),
            by: Type.Optional(
              Type.Union([
                Type.Literal('total'),
                Type.Literal('agent'),
                Type.Literal('team'),
                Type.Literal('queue'),
                Type.Literal('evaluator'),
              ]),
            ),
            agentId: Type.Optional(Uuid),
            format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
          }),
          response: {
            200: Type.Union([
              Obj({
                timeZone: Type.String(),
                rows: Type.Array(QualityRowSchema),
                totals: Type.Array(QualityRowSchema),
              }),
              Type.String({ description: 'text/csv' }),
            ]),
          },
        },
      },
      async (request, reply) => {
        const { format, by, ...rest } = request.query;
        const result = await deps.report.report(ws(request), {
          ...rest,
          by: by ?? 'total',
        });
        if (format !== 'csv') return result;
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="quality-${rest.from}-${rest.to}.csv"`)
          .send(
            tableCsv(
              [...result.rows, ...result.totals],
              ['period', 'key', 'evaluations', 'averageScore', 'criticalFailures', 'disputed'],
            ),
          );
      },
    );
  };
}
