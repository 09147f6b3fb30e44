/**
 * The customers module's tables. Every row names its workspace. Part of search lives in the custom
 * migration `customers_search`, which Drizzle cannot express: the functions `atiende_fold` (lower case, no
 * accents) and `atiende_search_vector`, and the stored generated column `customers.search_vector` (the
 * folded words of `search_text`, the `simple` configuration) with its GIN index. Queries name it in SQL; it
 * is never written. The migration `import-speed` moved stemming to query time: `atiende_stem` gives the
 * dictionary words' stems and `atiende_stem_query` turns a query into the dictionary words sharing them.
 * The migration `import-cpu` made `atiende_fold` PL/pgSQL (the same values, without the SQL-function executor).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, idColumn, updatedAt, workspaceColumn } from '../../platform/db/columns.ts';
import type { Consents, CustomFieldValues, ImportRejection } from './types.ts';
import type { ValueRule } from './value.ts';

/**
 * The distinct words of a workspace's customers' search texts (names, organisations, e-mail local parts,
 * tags), accent-folded: a typo in a query is corrected against this short list (spelling.ts), and the
 * corrected words are then looked up in the customers' full-text index. Each word's Spanish and English
 * stems (null for a stop word) are generated here, once per distinct word, not in every customer's vector:
 * a query word stands for the dictionary words sharing its stem (`atiende_stem_query`).
 */
export const customerSearchWords = pgTable(
  'customer_search_words',
  {
    workspaceId: workspaceColumn(),
    word: text('word').notNull(),
    stemEs: text('stem_es').generatedAlwaysAs(
      sql`public.atiende_stem('pg_catalog.spanish_stem'::regdictionary, word)`,
    ),
    stemEn: text('stem_en').generatedAlwaysAs(
      sql`public.atiende_stem('pg_catalog.english_stem'::regdictionary, word)`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.word] }),
    index('customer_search_words_stem_es').on(t.workspaceId, t.stemEs),
    index('customer_search_words_stem_en').on(t.workspaceId, t.stemEn),
  ],
);

/** People and organisations. A merged customer stays as a tombstone pointing at its survivor. */
export const customers = pgTable(
  'customers',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    kind: text('kind').$type<'person' | 'organisation'>().notNull(),
    name: text('name').notNull(),
    externalId: text('external_id'),
    ownerId: uuid('owner_id'),
    language: text('language').$type<'es' | 'en'>(),
    timeZone: text('time_zone'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    customFields: jsonb('custom_fields').$type<CustomFieldValues>().notNull().default({}),
    consents: jsonb('consents').$type<Consents>().notNull().default({}),
    customerSince: at('customer_since').notNull(),
    openDebt: numeric('open_debt', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    score: doublePrecision('score').notNull().default(0),
    tier: text('tier').notNull().default('standard'),
    valueComputedAt: at('value_computed_at'),
    /** Name, organisations, identities, tags and custom text joined: what search folds and indexes. */
    searchText: text('search_text').notNull().default(''),
    mergedInto: uuid('merged_into'),
    erasedAt: at('erased_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('customers_external_id').on(t.workspaceId, t.externalId),
    index('customers_name').on(t.workspaceId, t.name, t.id),
    index('customers_tier').on(t.workspaceId, t.tier, t.score),
    index('customers_tags').using('gin', t.tags),
    index('customers_custom_fields').using('gin', t.customFields.op('jsonb_path_ops')),
  ],
);

/** Every way to reach a customer, normalised; one indexed lookup finds the customer behind any of them. */
export const customerIdentities = pgTable(
  'customer_identities',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    /** As a person would write it (a phone in international format, an e-mail as given). */
    display: text('display').notNull(),
    /** Looser than `value` (e-mail without +tags, phone and WhatsApp alike): equal keys suggest duplicates. */
    matchKey: text('match_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('customer_identities_value').on(t.workspaceId, t.kind, t.value),
    index('customer_identities_customer').on(t.workspaceId, t.customerId),
    index('customer_identities_match').on(t.workspaceId, t.matchKey),
  ],
);

/** A person belongs to any number of organisations. */
export const customerMemberships = pgTable(
  'customer_memberships',
  {
    workspaceId: workspaceColumn(),
    personId: uuid('person_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    role: text('role'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.organisationId] }),
    index('customer_memberships_organisation').on(t.workspaceId, t.organisationId),
  ],
);

/**
 * The timeline read model: one row per fact about a customer, written by this module (notes, consent,
 * merges, identities) and by others through `recordTimelineEntry` in their own transactions.
 */
export const customerTimeline = pgTable(
  'customer_timeline',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    customerId: uuid('customer_id').notNull(),
    // Milliseconds, as JavaScript dates hold them, so a page cursor never falls between two entries.
    at: timestamp('at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    kind: text('kind').notNull(),
    channel: text('channel'),
    /** The id of the fact in its own module (an interaction, a purchase); unique per kind. */
    refId: text('ref_id'),
    summary: text('summary').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    actorId: uuid('actor_id'),
  },
  (t) => [
    index('customer_timeline_feed').on(t.customerId, t.at.desc(), t.id.desc()),
    uniqueIndex('customer_timeline_ref').on(t.workspaceId, t.kind, t.refId),
  ],
);

/** Purchases, as the value rule reads them; recorded by whichever module sells. */
export const customerPurchases = pgTable(
  'customer_purchases',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    customerId: uuid('customer_id').notNull(),
    at: at('at').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    refId: text('ref_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('customer_purchases_customer').on(t.customerId, t.at),
    uniqueIndex('customer_purchases_ref').on(t.workspaceId, t.refId),
  ],
);

/** Pairs of customers that may be one person, for review; `a` sorts before `b`. */
export const customerDuplicates = pgTable(
  'customer_duplicates',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    customerA: uuid('customer_a').notNull(),
    customerB: uuid('customer_b').notNull(),
    reason: text('reason').$type<'email' | 'phone' | 'name'>().notNull(),
    similarity: doublePrecision('similarity').notNull(),
    status: text('status').$type<'open' | 'dismissed' | 'merged'>().notNull(),
    createdAt: createdAt(),
    resolvedAt: at('resolved_at'),
    resolvedBy: uuid('resolved_by'),
  },
  (t) => [
    uniqueIndex('customer_duplicates_pair').on(t.workspaceId, t.customerA, t.customerB),
    index('customer_duplicates_open').on(t.workspaceId, t.status, t.id),
  ],
);

export const customerFieldDefinitions = pgTable(
  'customer_field_definitions',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type').$type<'text' | 'number' | 'date' | 'choice' | 'boolean'>().notNull(),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    required: boolean('required').notNull().default(false),
    position: integer('position').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('customer_field_definitions_key').on(t.workspaceId, t.key)],
);

/** Per-workspace settings: the value rule and the tier cut-offs the last nightly batch computed. */
export const customerSettings = pgTable('customer_settings', {
  workspaceId: workspaceColumn().primaryKey(),
  valueRule: jsonb('value_rule').$type<ValueRule>().notNull(),
  tierCutoffs: jsonb('tier_cutoffs').$type<{ tier: string; minScore: number }[]>().notNull(),
  cutoffsComputedAt: at('cutoffs_computed_at'),
  updatedAt: updatedAt(),
});

/** CSV imports: one row per job, with its progress and the first rejected rows. */
export const customerImports = pgTable(
  'customer_imports',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    status: text('status').$type<'uploaded' | 'running' | 'done' | 'failed'>().notNull(),
    fileName: text('file_name').notNull(),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
    delimiter: text('delimiter').notNull(),
    headers: text('headers').array().notNull(),
    sample: jsonb('sample').$type<string[][]>().notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    processed: integer('processed').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    rejections: jsonb('rejections').$type<ImportRejection[]>().notNull().default([]),
    error: text('error'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
  },
  (t) => [index('customer_imports_recent').on(t.workspaceId, t.createdAt)],
);
