import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, idColumn, updatedAt, workspaceColumn } from '../../platform/db/columns.ts';
import type { AffinityModel, Reason } from './core/propensity.ts';
import type { Answer, Effect, ScriptDefinition } from './core/types.ts';

/** One effect carried out after a run: done (with the interaction it made), skipped or failed (with why). */
export interface FollowUp {
  stepId: string;
  kind: 'create_task' | 'send_email' | 'schedule_callback';
  status: 'done' | 'skipped' | 'failed';
  interactionId: string | null;
  detail: string | null;
}

/** A script: its name and which version is live. */
export const scriptingScripts = pgTable(
  'scripting_scripts',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    liveVersion: integer('live_version'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('scripting_scripts_name').on(t.workspaceId, t.name)],
);

/** Every saved version of a script; versions never change once saved, publishing points at one. */
export const scriptingVersions = pgTable(
  'scripting_versions',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    scriptId: uuid('script_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<ScriptDefinition>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('scripting_versions_number').on(t.workspaceId, t.scriptId, t.version)],
);

/** Which script starts for an interaction; empty criteria match anything. */
export const scriptingRules = pgTable(
  'scripting_rules',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    priority: integer('priority').notNull(),
    scriptId: uuid('script_id').notNull(),
    queueId: text('queue_id'),
    channel: text('channel'),
    reason: text('reason'),
    language: text('language'),
    tiers: text('tiers').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [index('scripting_rules_priority').on(t.workspaceId, t.priority)],
);

/** A script run on an interaction: its answers (from which the path replays), the path and the effects. */
export const scriptingRuns = pgTable(
  'scripting_runs',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    interactionId: uuid('interaction_id').notNull(),
    customerId: uuid('customer_id'),
    scriptId: uuid('script_id').notNull(),
    version: integer('version').notNull(),
    answers: jsonb('answers').$type<Answer[]>().notNull(),
    path: jsonb('path').$type<string[]>().notNull(),
    effects: jsonb('effects').$type<Effect[]>().notNull(),
    status: text('status').$type<'running' | 'finished'>().notNull(),
    current: text('current').notNull(),
    outcome: text('outcome'),
    agentId: uuid('agent_id'),
    /** What became of the effects carried out after the run finished (tasks, e-mails, call-backs). */
    followUps: jsonb('follow_ups').$type<FollowUp[]>().notNull().default(sql`'[]'::jsonb`),
    startedAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    uniqueIndex('scripting_runs_interaction').on(t.workspaceId, t.interactionId),
    index('scripting_runs_script').on(t.workspaceId, t.scriptId, t.version),
  ],
);

/** Invoices per customer, imported by CSV or the API; open while `paid` is below `amount`. */
export const scriptingInvoices = pgTable(
  'scripting_invoices',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    customerId: uuid('customer_id').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    paid: numeric('paid', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('scripting_invoices_number').on(t.workspaceId, t.number),
    index('scripting_invoices_customer').on(t.workspaceId, t.customerId, t.dueOn),
  ],
);

/** Products that can be offered (a catalogue of codes and names until a sales module owns one). */
export const scriptingProducts = pgTable(
  'scripting_products',
  {
    workspaceId: workspaceColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.code] })],
);

/** Promotions: a product at a condition, live between two dates, for some tiers and segments. */
export const scriptingPromotions = pgTable(
  'scripting_promotions',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    product: text('product').notNull(),
    validFrom: at('valid_from').notNull(),
    validTo: at('valid_to').notNull(),
    tiers: text('tiers').array().notNull(),
    segments: text('segments').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('scripting_promotions_code').on(t.workspaceId, t.code)],
);

/** Which products each customer bought: the purchase history propensity learns from. */
export const scriptingOrderLines = pgTable(
  'scripting_order_lines',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    customerId: uuid('customer_id').notNull(),
    product: text('product').notNull(),
    at: at('at').notNull(),
    /** 'import', 'demo' or 'offer' (an accepted offer). */
    source: text('source').notNull(),
    refId: text('ref_id'),
  },
  // Covers the products, so a customer's purchase history is read from the index alone.
  (t) => [index('scripting_order_lines_customer').on(t.workspaceId, t.customerId, t.product)],
);

/** Offers made at a contact and the answer: accepted ones are the leads for sales. */
export const scriptingOfferResponses = pgTable(
  'scripting_offer_responses',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    customerId: uuid('customer_id').notNull(),
    interactionId: uuid('interaction_id'),
    product: text('product').notNull(),
    response: text('response').$type<'accepted' | 'declined'>().notNull(),
    promotionId: uuid('promotion_id'),
    score: real('score').notNull(),
    reason: jsonb('reason').$type<Reason | null>(),
    actorId: uuid('actor_id'),
    at: at('at').notNull(),
  },
  (t) => [index('scripting_offer_responses_customer').on(t.workspaceId, t.customerId, t.product)],
);

/** The last trained propensity model of a workspace. */
export const scriptingModels = pgTable('scripting_models', {
  workspaceId: workspaceColumn().primaryKey(),
  model: jsonb('model').$type<AffinityModel>().notNull(),
  trainedAt: at('trained_at').notNull(),
});

/** The e-mails scripts send (`send_email`), by key: subject and text with the placeholders steps use. */
export const scriptingEmailTemplates = pgTable(
  'scripting_email_templates',
  {
    workspaceId: workspaceColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);
