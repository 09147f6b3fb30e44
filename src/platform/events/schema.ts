import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, workspaceColumn, xid8 } from '../db/columns.ts';

/**
 * The append-only event log. `tx` is the writing transaction's id: readers only take events of
 * transactions older than every transaction still running, in (tx, id) order, so a reader's cursor
 * never skips an event that commits late.
 */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tx: xid8('tx').notNull().default(sql`pg_current_xact_id()`),
    workspaceId: workspaceColumn(),
    type: text('type').notNull(),
    subject: text('subject').notNull(),
    subjectId: uuid('subject_id'),
    actorId: uuid('actor_id'),
    topics: text('topics').array().notNull(),
    at: at('at').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index('events_workspace_tx').on(t.workspaceId, t.tx, t.id),
    /**
     * The log's readers by kind (audit, adherence and intraday by agent status, history built from
     * interaction events). Nothing reads by subject: an index on it would only cost one more write per
     * event, at a random place in the tree, on routing's hot path.
     */
    index('events_type').on(t.workspaceId, t.type, t.id),
  ],
);
