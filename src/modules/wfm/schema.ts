import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, idColumn, updatedAt, workspaceColumn } from '../../platform/db/columns.ts';
import type { PlanAccuracy, PlanInterval, PlanSettings } from './plan.ts';

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
