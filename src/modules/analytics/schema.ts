import {
  bigint,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, idColumn, workspaceColumn } from '../../platform/db/columns.ts';

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

/** How far the projector has read each workspace's log. */
export const analyticsCursors = pgTable('analytics_cursors', {
  workspaceId: uuid('workspace_id').primaryKey(),
  cursor: text('cursor').notNull(),
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
