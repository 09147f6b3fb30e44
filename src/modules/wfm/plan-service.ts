/**
 * Plans: a series' forecast and the staffing it needs, stored as a draft, adjusted by planners and
 * published. A published plan no longer changes; a new draft replaces it when published.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { forecastSeries } from './forecast/forecast.ts';
import type { HistoryService, SeriesKey } from './history-service.ts';
import { adjustIntervals, type PlanInterval, type PlanSettings, planIntervals } from './plan.ts';
import { wfmPlans } from './schema.ts';
import { DAY_MS } from './series.ts';

export interface PlanDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  history: HistoryService;
}

export type PlanRow = typeof wfmPlans.$inferSelect;

/** A stored plan with, per interval, the actual volume once history has it (null before). */
export interface PlanView extends Omit<PlanRow, 'workspaceId' | 'intervals'> {
  intervals: (PlanInterval & { actual: number | null })[];
}

export function createPlanService({ db, uow, clock, newId, history }: PlanDeps) {
  /** Forecasts the series and staffs it; answers the new draft. */
  async function create(
    workspaceId: string,
    actorId: string | null,
    input: SeriesKey & { name: string; settings: PlanSettings },
  ): Promise<PlanView> {
    const key = { queueKey: input.queueKey, channel: input.channel, intervalMinutes: input.intervalMinutes };
    const points = await history.points(workspaceId, key);
    if (points.length === 0) {
      throw new AppError(
        'wfm.no_history',
        422,
        `no history for queue '${key.queueKey}', channel '${key.channel}' at ${key.intervalMinutes} minutes: import it or build it from events first`,
      );
    }
    const s = input.settings;
    const forecast = forecastSeries(points, {
      intervalMinutes: key.intervalMinutes,
      horizonDays: s.horizonDays,
      method: s.method,
      level: s.level,
      specialDays: s.specialDays,
    });
    const intervals = planIntervals(forecast.points, key.intervalMinutes, s);
    const now = clock.now();
    const row: PlanRow = {
      id: newId(),
      workspaceId,
      name: input.name,
      ...key,
      status: 'draft',
      method: forecast.method,
      settings: s,
      intervals,
      // With too short a history no origin can be backtested: the measures are unknown, not NaN.
      accuracy: forecast.backtest.map(({ method, overall: o }) => ({
        method,
        ...o,
        mae: o.n > 0 ? o.mae : null,
        rmse: o.n > 0 ? o.rmse : null,
      })),
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    };
    await uow.run(async (tx, record) => {
      await tx.insert(wfmPlans).values(row);
      await record({
        workspaceId,
        type: 'wfm.plan_created',
        subject: 'wfm_plan',
        subjectId: row.id,
        actorId,
        payload: { name: row.name, queueKey: row.queueKey, channel: row.channel, method: row.method },
      });
    });
    return withActuals(workspaceId, row);
  }

  async function load(workspaceId: string, id: string): Promise<PlanRow> {
    const [row] = await db
      .select()
      .from(wfmPlans)
      .where(scoped(db, workspaceId).where(wfmPlans, eq(wfmPlans.id, id)));
    if (!row) throw errors.notFound('Plan');
    return row;
  }

  /** Newest first; `published` lists only published plans (what agents read). */
  async function list(workspaceId: string, options: { publishedOnly?: boolean } = {}) {
    return db
      .select({
        id: wfmPlans.id,
        name: wfmPlans.name,
        queueKey: wfmPlans.queueKey,
        channel: wfmPlans.channel,
        intervalMinutes: wfmPlans.intervalMinutes,
        status: wfmPlans.status,
        method: wfmPlans.method,
        createdAt: wfmPlans.createdAt,
        publishedAt: wfmPlans.publishedAt,
        intervals: sql<number>`jsonb_array_length(${wfmPlans.intervals})::int`,
      })
      .from(wfmPlans)
      .where(
        scoped(db, workspaceId).where(
          wfmPlans,
          options.publishedOnly ? eq(wfmPlans.status, 'published') : undefined,
        ),
      )
      .orderBy(desc(wfmPlans.createdAt), desc(wfmPlans.id))
      .limit(200);
  }

  async function get(workspaceId: string, id: string, options: { publishedOnly?: boolean } = {}) {
    const row = await load(workspaceId, id);
    if (options.publishedOnly && row.status !== 'published') throw errors.notFound('Plan');
    return withActuals(workspaceId, row);
  }

  /** Sets or clears planners' overrides of the agents to schedule; only drafts change. */
  async function adjust(
    workspaceId: string,
    actorId: string,
    id: string,
    adjustments: { start: number; scheduledAgents: number | null }[],
  ): Promise<PlanView> {
    const row = await load(workspaceId, id);
    requireDraft(row);
    const intervals = adjustIntervals(row.intervals, adjustments, row.intervalMinutes, row.settings);
    const updatedAt = clock.now();
    await uow.run(async (tx, record) => {
      await scoped(tx, workspaceId).update(
        wfmPlans,
        { intervals, updatedAt },
        eq(wfmPlans.id, id),
        eq(wfmPlans.status, 'draft'),
      );
      await record({
        workspaceId,
        type: 'wfm.plan_adjusted',
        subject: 'wfm_plan',
        subjectId: id,
        actorId,
        payload: { adjustments: adjustments.length },
      });
    });
    return withActuals(workspaceId, { ...row, intervals, updatedAt });
  }

  /**
   * Publishes a draft. The plan published before for the same queue and channel goes back to draft,
   * so one plan per series is the one agents and intraday read.
   */
  async function publish(workspaceId: string, actorId: string, id: string): Promise<PlanView> {
    const row = await load(workspaceId, id);
    requireDraft(row);
    const now = clock.now();
    await uow.run(async (tx, record) => {
      const ws = scoped(tx, workspaceId);
      await ws.update(
        wfmPlans,
        { status: 'draft', publishedAt: null, updatedAt: now },
        and(
          eq(wfmPlans.queueKey, row.queueKey),
          eq(wfmPlans.channel, row.channel),
          eq(wfmPlans.status, 'published'),
        )!,
      );
      await ws.update(
        wfmPlans,
        { status: 'published', publishedAt: now, updatedAt: now },
        eq(wfmPlans.id, id),
      );
      await record({
        workspaceId,
        type: 'wfm.plan_published',
        subject: 'wfm_plan',
        subjectId: id,
        actorId,
        payload: { name: row.name, queueKey: row.queueKey, channel: row.channel },
      });
    });
    return withActuals(workspaceId, { ...row, status: 'published', publishedAt: now, updatedAt: now });
  }

  async function remove(workspaceId: string, id: string): Promise<void> {
    const row = await load(workspaceId, id);
    requireDraft(row);
    await scoped(db, workspaceId).delete(wfmPlans, eq(wfmPlans.id, id));
  }

  async function withActuals(workspaceId: string, row: PlanRow): Promise<PlanView> {
    const { workspaceId: _ws, intervals, ...rest } = row;
    const first = intervals[0]?.start;
    const last = intervals[intervals.length - 1]?.start;
    const actual = new Map<number, number>();
    if (first !== undefined && last !== undefined) {
      const points = await history.points(
        workspaceId,
        { queueKey: row.queueKey, channel: row.channel, intervalMinutes: row.intervalMinutes },
        { from: first, to: last + DAY_MS },
      );
      for (const p of points) actual.set(p.start, p.count);
    }
    return { ...rest, intervals: intervals.map((p) => ({ ...p, actual: actual.get(p.start) ?? null })) };
  }

  return { create, list, get, adjust, publish, remove };
}

function requireDraft(row: PlanRow): void {
  if (row.status !== 'draft') {
    throw new AppError('wfm.plan_published', 409, 'a published plan cannot change: create a new draft');
  }
}

export type PlanService = ReturnType<typeof createPlanService>;
