import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, idColumn, updatedAt, workspaceColumn } from '../../platform/db/columns.ts';
import type { Channel, InteractionState } from './lifecycle.ts';

/** Every contact on every channel, one row each. */
export const interactions = pgTable(
  'interactions',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    channel: text('channel').$type<Channel>().notNull(),
    direction: text('direction').$type<'inbound' | 'outbound'>().notNull(),
    customerId: uuid('customer_id'),
    subject: text('subject'),
    language: text('language'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull(),
    priority: integer('priority').notNull(),
    valueTier: text('value_tier'),
    queueId: text('queue_id'),
    state: text('state').$type<InteractionState>().notNull(),
    agentId: uuid('agent_id'),
    idempotencyKey: text('idempotency_key'),
    scheduledFor: at('scheduled_for'),
    disposition: text('disposition'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    answeredAt: at('answered_at'),
    endedAt: at('ended_at'),
  },
  (t) => [
    // Partial where the column may be null: every reader looks these up by a value, and a row without
    // one (no key, no customer yet, no agent yet) then writes no entry, on insert or on each update.
    uniqueIndex('interactions_idempotency')
      .on(t.workspaceId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index('interactions_state').on(t.workspaceId, t.state, t.createdAt),
    index('interactions_customer')
      .on(t.workspaceId, t.customerId, t.createdAt)
      .where(sql`${t.customerId} is not null`),
    index('interactions_agent').on(t.workspaceId, t.agentId, t.state).where(sql`${t.agentId} is not null`),
    /** Scheduled work by due time, across workspaces: what routing wakes up for. */
    index('interactions_scheduled').on(t.scheduledFor).where(sql`${t.state} = 'scheduled'`),
  ],
);

/** The messages of an interaction (chat lines, e-mails, notes), each stored before it is acknowledged. */
export const interactionMessages = pgTable(
  'interaction_messages',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    interactionId: uuid('interaction_id').notNull(),
    direction: text('direction').$type<'inbound' | 'outbound' | 'internal'>().notNull(),
    authorId: uuid('author_id'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    /** The sender's own id for the message, so a retried send is stored once (chat). */
    clientId: text('client_id'),
    /** Position in the conversation, 1, 2, 3 …, for channels that order their messages (chat). */
    seq: integer('seq'),
    /** Files sent with the message: ids, names, types and sizes (the bytes live with the channel). */
    attachments: jsonb('attachments').$type<MessageAttachment[]>(),
  },
  (t) => [
    index('interaction_messages_interaction').on(t.workspaceId, t.interactionId, t.createdAt),
    uniqueIndex('interaction_messages_client').on(t.workspaceId, t.interactionId, t.clientId),
    uniqueIndex('interaction_messages_seq').on(t.workspaceId, t.interactionId, t.seq),
  ],
);

/** A file attached to a message. */
export interface MessageAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}
