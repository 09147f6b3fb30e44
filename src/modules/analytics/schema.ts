import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, idColumn, updatedAt, workspaceColumn } from '../../platform/db/columns.ts';
import type { Answers, ScorecardDefinition, SectionScore } from './quality/scoring.ts';
import type { ScheduledReport } from './report-schedule.ts';

/**
 * The contacts read model: one row per interaction, folded from the event log by the projector
 * (`metrics/contacts.ts` defines the fold). Reports aggregate it; the log stays the source of truth and
 * the table can be rebuilt from it at any time.
 */
export const analyticsContacts = pgTable(
  'analytics_contacts',
  {
    workspaceId: workspaceColumn(),
    interactionId: uuid('interaction_id').notNull(),
    channel: text('channel'),
    queueId: text('queue_id'),
    agentId: uuid('agent_id'),
    customerId: uuid('customer_id'),
    reason: text('reason'),
    arrivedAt: at('arrived_at'),
    answeredAt: at('answered_at'),
    talkEndedAt: at('talk_ended_at'),
    closedAt: at('closed_at'),
    abandonedAt: at('abandoned_at'),
    firstReplyAt: at('first_reply_at'),
    transfers: integer('transfers').notNull(),
    csat: smallint('csat'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.interactionId] }),
    index('analytics_contacts_arrived').on(t.workspaceId, t.arrivedAt),
  ],
);

/** Agents' milliseconds in each state per 15-minute interval, from `agent.status_changed` events. */
export const analyticsAgentTime = pgTable(
  'analytics_agent_time',
  {
    workspaceId: workspaceColumn(),
    agentId: uuid('agent_id').notNull(),
    intervalStart: at('interval_start').notNull(),
    state: text('state').notNull(),
    ms: bigint('ms', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.intervalStart, t.agentId, t.state] })],
);

/** Each agent's current state and since when, so the next change can close the span. */
export const analyticsAgentState = pgTable(
  'analytics_agent_state',
  {
    workspaceId: workspaceColumn(),
    agentId: uuid('agent_id').notNull(),
    state: text('state').notNull(),
    since: at('since').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.agentId] })],
);

/** How far the projector has read each workspace's log, and the time zone its day tallies are in. */
export const analyticsCursors = pgTable('analytics_cursors', {
  workspaceId: uuid('workspace_id').primaryKey(),
  cursor: text('cursor').notNull(),
  dayTimeZone: text('day_time_zone'),
});

/** Customer satisfaction survey answers: one per interaction. */
export const csatResponses = pgTable(
  'csat_responses',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    interactionId: uuid('interaction_id').notNull(),
    agentId: uuid('agent_id'),
    customerId: uuid('customer_id'),
    rating: smallint('rating').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('csat_responses_interaction').on(t.workspaceId, t.interactionId),
    index('csat_responses_created').on(t.workspaceId, t.createdAt),
  ],
);

/** Wallboard thresholds per queue and metric: a tile turns amber, then red, past them. */
export const analyticsThresholds = pgTable(
  'analytics_thresholds',
  {
    workspaceId: workspaceColumn(),
    queueId: text('queue_id').notNull(),
    metric: text('metric').notNull(),
    amber: doublePrecision('amber').notNull(),
    red: doublePrecision('red').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.queueId, t.metric] })],
);

const tallyColumn = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

const tallyColumns = () => ({
  offered: tallyColumn('offered'),
  answered: tallyColumn('answered'),
  abandoned: tallyColumn('abandoned'),
  shortAbandoned: tallyColumn('short_abandoned'),
  answeredInTarget: tallyColumn('answered_in_target'),
  waitMs: tallyColumn('wait_ms'),
  abandonWaitMs: tallyColumn('abandon_wait_ms'),
  handled: tallyColumn('handled'),
  talkMs: tallyColumn('talk_ms'),
  wrapUpMs: tallyColumn('wrap_up_ms'),
  transfers: tallyColumn('transfers'),
  replied: tallyColumn('replied'),
  firstReplyMs: tallyColumn('first_reply_ms'),
  resolved: tallyColumn('resolved'),
  resolutionMs: tallyColumn('resolution_ms'),
  csatCount: tallyColumn('csat_count'),
  csatSum: tallyColumn('csat_sum'),
  csatSatisfied: tallyColumn('csat_satisfied'),
});

/**
 * Contacts' additive tallies per 15-minute interval (UTC start) × queue × channel, kept by the projector
 * in the same transaction as `analytics_contacts` (each contact change adds the difference of its
 * tallies), so a month's report reads at most 2,976 intervals per queue and channel instead of every
 * contact. Counted with the default service-level target and short-abandon threshold.
 */
export const analyticsTallies = pgTable(
  'analytics_tallies',
  {
    workspaceId: workspaceColumn(),
    intervalStart: at('interval_start').notNull(),
    queueId: text('queue_id').notNull(),
    channel: text('channel').notNull(),
    ...tallyColumns(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.intervalStart, t.queueId, t.channel] })],
);

/**
 * The same tallies summed per local day of the workspace's time zone (the one named in
 * `analytics_cursors.day_time_zone`), so day, week and month reports read 31 rows a month per queue and
 * channel. The projector keeps them with the interval tallies, and derives them again from those when
 * the workspace's time zone changes.
 */
export const analyticsDayTallies = pgTable(
  'analytics_day_tallies',
  {
    workspaceId: workspaceColumn(),
    day: date('day', { mode: 'string' }).notNull(),
    queueId: text('queue_id').notNull(),
    channel: text('channel').notNull(),
    ...tallyColumns(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.queueId, t.channel] })],
);

/**
 * The same tallies per local day and agent (the one who answered, `''` for none), kept with the day
 * tallies, so that day, week and month reports by agent or team read days × agents, not contacts.
 */
export const analyticsAgentDayTallies = pgTable(
  'analytics_agent_day_tallies',
  {
    workspaceId: workspaceColumn(),
    day: date('day', { mode: 'string' }).notNull(),
    agentId: text('agent_id').notNull(),
    ...tallyColumns(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.agentId] })],
);

/** A workspace's quality scorecards: sections of weighted questions (see `quality/scoring.ts`). */
export const qualityScorecards = pgTable(
  'quality_scorecards',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    name: text('name').notNull(),
    description: text('description'),
    definition: jsonb('definition').$type<ScorecardDefinition>().notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('quality_scorecards_workspace').on(t.workspaceId, t.name)],
);

/**
 * An evaluation of one interaction by one evaluator against a scorecard, whose definition is copied in
 * so that later edits of the card never change a score given. Calibration evaluations carry the session.
 */
export const qualityEvaluations = pgTable(
  'quality_evaluations',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    scorecardId: uuid('scorecard_id').notNull(),
    scorecardName: text('scorecard_name').notNull(),
    definition: jsonb('definition').$type<ScorecardDefinition>().notNull(),
    interactionId: uuid('interaction_id').notNull(),
    agentId: uuid('agent_id'),
    queueId: text('queue_id'),
    channel: text('channel').notNull(),
    evaluatorId: uuid('evaluator_id').notNull(),
    calibrationId: uuid('calibration_id'),
    answers: jsonb('answers').$type<Answers>().notNull(),
    comment: text('comment'),
    score: doublePrecision('score').notNull(),
    rawScore: doublePrecision('raw_score').notNull(),
    criticalFailed: boolean('critical_failed').notNull(),
    sectionScores: jsonb('section_scores').$type<SectionScore[]>().notNull(),
    /** submitted → acknowledged, or disputed → resolved. */
    status: text('status').notNull(),
    agentComment: text('agent_comment'),
    resolution: text('resolution'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('quality_evaluations_created').on(t.workspaceId, t.createdAt),
    index('quality_evaluations_agent').on(t.workspaceId, t.agentId, t.createdAt),
    index('quality_evaluations_interaction').on(t.workspaceId, t.interactionId),
    uniqueIndex('quality_evaluations_calibration').on(t.calibrationId, t.evaluatorId),
  ],
);

/** A calibration session: named evaluators score the same interaction against the same scorecard. */
export const qualityCalibrations = pgTable(
  'quality_calibrations',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    title: text('title').notNull(),
    scorecardId: uuid('scorecard_id').notNull(),
    interactionId: uuid('interaction_id').notNull(),
    evaluatorIds: jsonb('evaluator_ids').$type<string[]>().notNull(),
    status: text('status').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('quality_calibrations_created').on(t.workspaceId, t.createdAt)],
);

/** Reports e-mailed on a schedule, in the workspace's time zone (see `report-schedule.ts`). */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    name: text('name').notNull(),
    schedule: jsonb('schedule').$type<ScheduledReport>().notNull(),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    createdBy: uuid('created_by').notNull(),
    nextRunAt: at('next_run_at').notNull(),
    lastRunAt: at('last_run_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('report_schedules_due').on(t.nextRunAt)],
);
