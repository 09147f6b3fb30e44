import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, idColumn, updatedAt, workspaceColumn } from '../../platform/db/columns.ts';
import type { PlanAccuracy, PlanInterval, PlanSettings } from './plan.ts';
import type { RosterSpec, RosterSummary } from './roster-spec.ts';
import type { AgentPreferences, RosterShift, Window } from './roster-types.ts';

/**
 * Stored history: volume and mean handle time per queue, channel and interval. `start` is the interval's
 * wall-clock start in the workspace's time zone as local epoch milliseconds (see `series.ts`), so that
 * daily and weekly patterns never shift at a daylight-saving change.
 */
export const wfmHistory = pgTable(
  'wfm_history',
  {
    workspaceId: workspaceColumn(),
    queueKey: text('queue_key').notNull(),
    channel: text('channel').notNull(),
    intervalMinutes: integer('interval_minutes').notNull(),
    start: bigint('start', { mode: 'number' }).notNull(),
    volume: doublePrecision('volume').notNull(),
    /** Mean handle time of the interval's handled contacts, seconds; null when none was handled. */
    ahtSeconds: doublePrecision('aht_seconds'),
    /** `events` (built from the event log) or `import` (CSV or the bank's per-call records). */
    source: text('source').$type<'events' | 'import'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.queueKey, t.channel, t.intervalMinutes, t.start] })],
);

/**
 * A plan: the forecast of one series with its staffing per interval, adjustable by planners while a
 * draft and read-only once published (agents see published plans).
 */
export const wfmPlans = pgTable(
  'wfm_plans',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    name: text('name').notNull(),
    queueKey: text('queue_key').notNull(),
    channel: text('channel').notNull(),
    intervalMinutes: integer('interval_minutes').notNull(),
    status: text('status').$type<'draft' | 'published'>().notNull(),
    method: text('method').notNull(),
    settings: jsonb('settings').$type<PlanSettings>().notNull(),
    intervals: jsonb('intervals').$type<PlanInterval[]>().notNull(),
    /** Backtest accuracy per method, the evidence for the method chosen. */
    accuracy: jsonb('accuracy').$type<PlanAccuracy[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: at('published_at'),
  },
  (t) => [index('wfm_plans_workspace').on(t.workspaceId, t.createdAt)],
);

/** An agent as rostering sees them: the queues they are skilled for, their contract and availability. */
export const wfmAgents = pgTable(
  'wfm_agents',
  {
    workspaceId: workspaceColumn(),
    userId: uuid('user_id').notNull(),
    queues: text('queues').array().notNull(),
    contractMinutes: integer('contract_minutes').notNull(),
    maxDays: integer('max_days').notNull(),
    /** By weekday, Monday first: [from, to] minutes after midnight, or null for a day off. */
    availability: jsonb('availability').$type<(Window | null)[]>().notNull(),
    /** Preferred start window and days off, kept when cover and contract allow. */
    preferences: jsonb('preferences')
      .$type<AgentPreferences>()
      .notNull()
      .default({ start: null, daysOff: [] }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

/** A day off asked for by an agent (or given by a supervisor); rostering keeps the approved ones. */
export const wfmTimeOff = pgTable(
  'wfm_time_off',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    userId: uuid('user_id').notNull(),
    /** The workspace's calendar day, YYYY-MM-DD. */
    day: text('day').notNull(),
    note: text('note').notNull(),
    status: text('status').$type<'requested' | 'approved' | 'denied'>().notNull(),
    decidedBy: uuid('decided_by'),
    createdAt: createdAt(),
    decidedAt: at('decided_at'),
  },
  (t) => [uniqueIndex('wfm_time_off_agent_day').on(t.workspaceId, t.userId, t.day)],
);

/**
 * A plan's roster: its shifts given to named agents. Supervisors edit it, draft or published;
 * agents read the published ones as their schedule.
 */
export const wfmRosters = pgTable(
  'wfm_rosters',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    planId: uuid('plan_id').notNull(),
    queueKey: text('queue_key').notNull(),
    status: text('status').$type<'draft' | 'published'>().notNull(),
    /** Local epoch day number of the first day, and the number of days. */
    firstDay: integer('first_day').notNull(),
    days: integer('days').notNull(),
    spec: jsonb('spec').$type<RosterSpec>().notNull(),
    summary: jsonb('summary').$type<RosterSummary>().notNull(),
    shifts: jsonb('shifts').$type<RosterShift[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: at('published_at'),
  },
  (t) => [uniqueIndex('wfm_rosters_plan').on(t.workspaceId, t.planId)],
);
