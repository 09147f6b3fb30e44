import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, idColumn, updatedAt, workspaceColumn } from '../../platform/db/columns.ts';
import type { ChannelSettings } from './settings.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** A web channel: one embeddable widget with its look, hours, allowed sites and identity secret. */
export const chatChannels = pgTable(
  'chat_channels',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    name: text('name').notNull(),
    /** Public key named in the snippet; says which channel a widget belongs to. */
    publicKey: text('public_key').notNull(),
    /** HMAC-SHA256 key a host site signs its logged-in customers' ids with. */
    secret: text('secret').notNull(),
    allowedOrigins: jsonb('allowed_origins').$type<string[]>().notNull(),
    settings: jsonb('settings').$type<ChannelSettings>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('chat_channels_public_key').on(t.publicKey)],
);

/** A visitor of a web channel: anonymous, or identified by the host site with a verified signature. */
export const chatVisitors = pgTable(
  'chat_visitors',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    channelId: uuid('channel_id').notNull(),
    /** SHA-256 of the visitor token; the token itself is only ever in the visitor's browser. */
    tokenHash: text('token_hash').notNull(),
    customerId: uuid('customer_id'),
    /** The host site's customer id, only when its signature was verified. */
    externalId: text('external_id'),
    name: text('name'),
    email: text('email'),
    language: text('language').$type<'es' | 'en'>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('chat_visitors_token').on(t.tokenHash),
    index('chat_visitors_external').on(t.workspaceId, t.channelId, t.externalId),
  ],
);

/** A chat: one interaction of channel `chat` (same id), its message counter and read watermarks. */
export const chatConversations = pgTable(
  'chat_conversations',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceColumn(),
    channelId: uuid('channel_id').notNull(),
    visitorId: uuid('visitor_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** Sequence number of the last message; taken under the row lock, so messages are totally ordered. */
    lastSeq: integer('last_seq').notNull(),
    visitorDeliveredSeq: integer('visitor_delivered_seq').notNull(),
    visitorReadSeq: integer('visitor_read_seq').notNull(),
    agentReadSeq: integer('agent_read_seq').notNull(),
    /** The desk has the visitor's messages up to here (acknowledged when they reach it). */
    agentDeliveredSeq: integer('agent_delivered_seq').notNull().default(0),
    open: boolean('open').notNull(),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    createdAt: createdAt(),
    closedAt: at('closed_at'),
  },
  (t) => [index('chat_conversations_visitor').on(t.workspaceId, t.visitorId, t.createdAt)],
);

/** Files sent in a chat or a request, checked by content before they are stored. */
export const chatAttachments = pgTable(
  'chat_attachments',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    channelId: uuid('channel_id').notNull(),
    /** Who uploaded it: a visitor, or null for an agent. */
    visitorId: uuid('visitor_id'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('chat_attachments_visitor').on(t.workspaceId, t.visitorId)],
);

/** What a visitor asked for outside a chat: a call-back, a message, a service request; with its reference. */
export const chatRequests = pgTable(
  'chat_requests',
  {
    /** The interaction's id. */
    id: uuid('id').primaryKey(),
    workspaceId: workspaceColumn(),
    channelId: uuid('channel_id').notNull(),
    visitorId: uuid('visitor_id').notNull(),
    kind: text('kind').$type<'callback' | 'message' | 'service_request'>().notNull(),
    reference: text('reference').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('chat_requests_reference').on(t.workspaceId, t.reference),
    index('chat_requests_visitor').on(t.workspaceId, t.visitorId, t.createdAt),
  ],
);

/** Canned responses for the desk: a shortcut, a title and a body with variables such as {customer.name}. */
export const chatCannedResponses = pgTable(
  'chat_canned_responses',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    shortcut: text('shortcut').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    language: text('language').$type<'es' | 'en'>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('chat_canned_shortcut').on(t.workspaceId, t.shortcut, t.language)],
);
