import { sql } from 'drizzle-orm';
import {
  bigint,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, idColumn, updatedAt, workspaceColumn } from '../../platform/db/columns.ts';
import type { AgentStatus, EngineSnapshot, QueuePolicy, RoutingEvent } from './core/index.ts';
import type { QueueHours } from './hours.ts';

/** A queue: its key (what interactions name), its name, its service-level targets and its routing policy. */
export const routingQueues = pgTable(
  'routing_queues',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** Service-level target per channel: answered within `seconds` for `percent` of contacts. */
    targets: jsonb('targets').$type<Record<string, { percent: number; seconds: number }>>().notNull(),
    policy: jsonb('policy').$type<Omit<QueuePolicy, 'id'>>().notNull(),
    /** Business hours: null is always open; otherwise the workspace's calendar or the queue's own. */
    hours: jsonb('hours').$type<QueueHours>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('routing_queues_key').on(t.workspaceId, t.key)],
);

/** Workspace-wide routing settings: channel capacity costs and agent rules. */
export const routingSettings = pgTable('routing_settings', {
  workspaceId: uuid('workspace_id').primaryKey(),
  channels: jsonb('channels').$type<Record<string, { cost: number }>>().notNull(),
  missedOffersBeforeNotReady: integer('missed_offers_before_not_ready').notNull(),
  presenceGraceSeconds: integer('presence_grace_seconds').notNull(),
  notReadyReasons: text('not_ready_reasons').array().notNull(),
  /** Codes an agent picks when closing wrap-up; empty accepts any code. */
  dispositionCodes: text('disposition_codes').array().notNull().default(sql`'{}'::text[]`),
  /** The workspace's skills; when listed, queues and profiles may name no other. */
  skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
  updatedAt: updatedAt(),
});

/** What routing knows of an agent: skills (1–5), languages, channels with caps, capacity and teams. */
export const routingAgents = pgTable(
  'routing_agents',
  {
    workspaceId: workspaceColumn(),
    userId: uuid('user_id').notNull(),
    skills: jsonb('skills').$type<Record<string, number>>().notNull(),
    languages: text('languages').array().notNull(),
    channels: jsonb('channels').$type<Record<string, number>>().notNull(),
    capacity: integer('capacity').notNull(),
    teams: text('teams').array().notNull(),
    /** The agent's state as people see it, kept current for lists and reports. */
    status: text('status').$type<AgentStatus>().notNull(),
    statusReason: text('status_reason'),
    statusSince: at('status_since').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

/**
 * Every event the routing engine handled, in order: with the latest snapshot, replaying them rebuilds
 * the engine exactly (the core is deterministic), after a restart or when another process takes over.
 */
export const routingInputs = pgTable(
  'routing_inputs',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    workspaceId: workspaceColumn(),
    event: jsonb('event').$type<RoutingEvent>().notNull(),
  },
  // Read only by workspace in order: one index, the key, serves it (each input wrote two before).
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/**
 * The latest snapshot of each workspace's engine. Plain `json`: it is written whole and read whole, and
 * PostgreSQL stores `json` text about four times faster than it builds a `jsonb` document of the same size.
 */
export const routingSnapshots = pgTable('routing_snapshots', {
  workspaceId: uuid('workspace_id').primaryKey(),
  lastInputId: bigint('last_input_id', { mode: 'number' }).notNull(),
  snapshot: json('snapshot').$type<EngineSnapshot>().notNull(),
  takenAt: at('taken_at').notNull(),
});
