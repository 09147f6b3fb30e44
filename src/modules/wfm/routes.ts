/** HTTP: stored history (built from events or imported), and plans (forecast + staffing, adjust, publish). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, NoContent, Obj, type Static, Type } from '../../platform/http/schema.ts';
import type { HistoryService } from './history-service.ts';
import { fromLocal, local } from './http-time.ts';
import type { IntradayService } from './intraday-service.ts';
import type { PlanSettings as Settings } from './plan.ts';
import type { PlanService, PlanView } from './plan-service.ts';
import {
  Channel,
  HistoryPoint,
  IntervalMinutes,
  IntradaySchema,
  LocalTime,
  PlanSchema,
  PlanSettingsInput,
  PlanSummary,
  QueueKey,
  SeriesSummary,
  SimulationSchema,
} from './schemas.ts';
import type { ValidationService } from './validation-service.ts';

const tags = ['workforce'];
/** Large enough for a month of per-call records (the bank's January is 3.2 MB). */
const IMPORT_LIMIT_BYTES = 32 * 1024 * 1024;

export function wfmRoutes(deps: {
  history: HistoryService;
  plans: PlanService;
  validation: ValidationService;
  intraday: IntradayService;
}): FastifyPluginAsyncTypebox {
  const { history, plans, validation, intraday } = deps;
  return async (app) => {
    // History files come as the raw body: CSV, or the bank's tab-separated records.
    app.addContentTypeParser(
      ['text/csv', 'text/tab-separated-values'],
      { parseAs: 'string', bodyLimit: IMPORT_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/wfm/series',
      {
        config: { access: 'wfm.read' },
        schema: {
          tags,
          summary: 'Every stored history series (queue, channel, interval) with its extent',
          response: { 200: Obj({ items: Type.Array(SeriesSummary) }) },
        },
      },
      async (request) => ({
        items: (await history.listSeries(request.principal!.workspaceId)).map((s) => ({
          ...s,
          first: local(s.first),
          last: local(s.last),
        })),
      }),
    );

    app.get(
      '/wfm/history',
      {
        config: { access: 'wfm.read' },
        schema: {
          tags,
          summary: 'The stored volumes and handle times of one series; absent intervals are unknown',
          querystring: Obj({
            queueKey: QueueKey,
            channel: Channel,
            intervalMinutes: IntervalMinutes,
            from: Type.Optional(LocalTime),
            to: Type.Optional(LocalTime),
          }),
          response: { 200: Obj({ items: Type.Array(HistoryPoint) }) },
        },
      },
      async (request) => {
        const { from, to, ...key } = request.query;
        const points = await history.points(request.principal!.workspaceId, key, {
          ...(from ? { from: fromLocal(from) } : {}),
          ...(to ? { to: fromLocal(to) } : {}),
        });
        return {
          items: points.map((p) => ({
            start: local(p.start),
            volume: p.count,
            ahtSeconds: p.ahtSeconds ?? null,
          })),
        };
      },
    );

    app.post(
      '/wfm/history/rebuild',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary:
            'Rebuild history from the event log: arrivals and handle times per queue and channel per interval',
          body: Obj({ intervalMinutes: IntervalMinutes }),
          response: { 200: Obj({ intervals: Type.Integer(), contacts: Type.Integer() }) },
        },
      },
      async (request) =>
        history.rebuildFromEvents(request.principal!.workspaceId, request.body.intervalMinutes),
    );

    app.post(
      '/wfm/history/import',
      {
        config: { access: 'wfm.manage' },
        bodyLimit: IMPORT_LIMIT_BYTES,
        schema: {
          tags,
          summary:
            'Import outside history as the raw body: CSV timestamp,count[,aht_seconds] (text/csv) or Anonymous Bank per-call records (text/tab-separated-values)',
          querystring: Obj({ queueKey: QueueKey, channel: Channel, intervalMinutes: IntervalMinutes }),
          body: Type.String({ minLength: 1 }),
          response: { 200: Obj({ intervals: Type.Integer(), volume: Type.Number() }) },
        },
      },
      async (request) => {
        const format = request.headers['content-type']?.startsWith('text/tab-separated-values')
          ? 'bank'
          : 'csv';
        return history.importHistory(request.principal!.workspaceId, request.query, format, request.body);
      },
    );

    app.get(
      '/wfm/plans',
      {
        config: { access: 'wfm.read' },
        schema: {
          tags,
          summary: 'Plans, newest first; without wfm.manage only published plans',
          response: { 200: Obj({ items: Type.Array(PlanSummary) }) },
        },
      },
      async (request) => {
        const p = request.principal!;
        const rows = await plans.list(p.workspaceId, { publishedOnly: !p.permissions.has('wfm.manage') });
        return {
          items: rows.map((r) => ({
            ...r,
            createdAt: r.createdAt.toISOString(),
            publishedAt: r.publishedAt?.toISOString() ?? null,
          })),
        };
      },
    );

    app.post(
      '/wfm/plans',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary: 'Forecast a series and staff it: a new draft plan',
          body: Obj({
            name: Type.String({ minLength: 1, maxLength: 120 }),
            queueKey: QueueKey,
            channel: Channel,
            intervalMinutes: IntervalMinutes,
            settings: Type.Optional(PlanSettingsInput),
          }),
          response: { 201: PlanSchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        const { settings, ...input } = request.body;
        const plan = await plans.create(p.workspaceId, p.userId, {
          ...input,
          settings: withDefaults(settings ?? {}, input.channel),
        });
        reply.code(201);
        return toJson(plan);
      },
    );

    app.get(
      '/wfm/plans/:id',
      {
        config: { access: 'wfm.read' },
        schema: {
          tags,
          summary: 'A plan with its intervals and, where history has them, the actual volumes',
          params: IdParams,
          response: { 200: PlanSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return toJson(
          await plans.get(p.workspaceId, request.params.id, {
            publishedOnly: !p.permissions.has('wfm.manage'),
          }),
        );
      },
    );

    app.post(
      '/wfm/plans/:id/adjust',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary: 'Set (or clear with null) the agents to schedule at some intervals of a draft',
          params: IdParams,
          body: Obj({
            adjustments: Type.Array(
              Obj({
                start: LocalTime,
                scheduledAgents: Type.Union([Type.Integer({ minimum: 0, maximum: 100_000 }), Type.Null()]),
              }),
              { maxItems: 5000 },
            ),
          }),
          response: { 200: PlanSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        const adjustments = request.body.adjustments.map((a) => ({
          start: fromLocal(a.start),
          scheduledAgents: a.scheduledAgents,
        }));
        return toJson(await plans.adjust(p.workspaceId, p.userId, request.params.id, adjustments));
      },
    );

    app.post(
      '/wfm/plans/:id/publish',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary: 'Publish a draft; the plan published before for its queue and channel returns to draft',
          params: IdParams,
          response: { 200: PlanSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return toJson(await plans.publish(p.workspaceId, p.userId, request.params.id));
      },
    );

    app.post(
      '/wfm/plans/:id/simulate',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary:
            'Validate a day of a plan by simulation: its agents through the routing simulator, simulated against predicted service level per interval',
          params: IdParams,
          body: Obj({
            // Checked by the service once the plan is found: an unknown plan answers 404 first.
            day: Type.String({ minLength: 1, maxLength: 10, description: 'YYYY-MM-DD' }),
            replications: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
          }),
          response: { 200: SimulationSchema },
        },
      },
      async (request) => {
        const { day, ...options } = request.body;
        const result = await validation.validate(
          request.principal!.workspaceId,
          request.params.id,
          day,
          options,
        );
        return { ...result, intervals: result.intervals.map((i) => ({ ...i, start: local(i.start) })) };
      },
    );

    app.get(
      '/wfm/plans/:id/intraday',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary:
            "Today's actuals against the plan, the rest of the day re-forecast from them, and alerts for understaffed coming intervals",
          params: IdParams,
          response: { 200: IntradaySchema },
        },
      },
      async (request) => {
        const r = await intraday.today(request.principal!.workspaceId, request.params.id);
        return {
          ...r,
          now: local(r.now),
          intervals: r.intervals.map((i) => ({ ...i, start: local(i.start) })),
          alerts: r.alerts.map((a) => ({ ...a, start: local(a.start) })),
        };
      },
    );

    app.delete(
      '/wfm/plans/:id',
      {
        config: { access: 'wfm.manage' },
        schema: { tags, summary: 'Delete a draft plan', params: IdParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await plans.remove(request.principal!.workspaceId, request.params.id);
        reply.code(204);
        return null;
      },
    );
  };
}

/** Defaults: calls at 80/20 with Erlang C, 85 % occupancy cap, 30 % shrinkage; e-mail deferrable within a day. */
function withDefaults(s: Static<typeof PlanSettingsInput>, channel: string): Settings {
  const deferrable = (s.work ?? (channel === 'email' ? 'deferrable' : 'queue')) === 'deferrable';
  return {
    horizonDays: s.horizonDays ?? 7,
    method: s.method ?? 'auto',
    level: s.level ?? 0.8,
    specialDays: s.specialDays ?? [],
    work: deferrable ? 'deferrable' : 'queue',
    model: s.model ?? 'c',
    serviceLevel: s.serviceLevel ?? 0.8,
    targetSeconds: s.targetSeconds ?? 20,
    ...(s.patienceSeconds !== undefined ? { patienceSeconds: s.patienceSeconds } : {}),
    maxOccupancy: s.maxOccupancy ?? 0.85,
    shrinkage: s.shrinkage ?? 0.3,
    concurrency: s.concurrency ?? (channel === 'chat' ? 2 : 1),
    ...(deferrable ? { dueMinutes: s.dueMinutes ?? 1440 } : {}),
    defaultAhtSeconds: s.defaultAhtSeconds ?? 300,
  };
}

function toJson(plan: PlanView) {
  return {
    ...plan,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
    publishedAt: plan.publishedAt?.toISOString() ?? null,
    intervals: plan.intervals.map((i) => ({ ...i, start: local(i.start) })),
  };
}
