/**
 * Bulk statements of the import. New customers and identities go straight into their tables with `COPY`
 * on a PostgreSQL server (about four times cheaper per row than unpacking JSON); on PGlite, and for the
 * look-ups and updates, a batch travels as one JSON parameter unpacked by `json_to_recordset`: a thousand
 * rows are one statement with one parameter, which PostgreSQL parses and plans once — several times faster
 * than a multi-row VALUES list with thousands of parameters.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { copyInto } from '../../platform/db/copy.ts';
import { scoped } from '../../platform/db/scope.ts';
import { customers } from './schema.ts';
import type { CustomFieldValues } from './types.ts';

/** `json_to_recordset(<rows>) as x(<columns>)`. */
const recordset = (rows: object[], columns: string): SQL =>
  sql`json_to_recordset(${JSON.stringify(rows)}::json) as x(${sql.raw(columns)})`;

export async function customersByExternalId(tx: Db, workspaceId: string, externalIds: string[]) {
  if (externalIds.length === 0) return [];
  const ws = scoped(tx, workspaceId);
  return queryRows<{ id: string; external_id: string; merged_into: string | null }>(
    tx,
    sql`select customers.id, customers.external_id, customers.merged_into
        from customers join json_array_elements_text(${JSON.stringify(externalIds)}::json) as x(value)
          on customers.external_id = x.value
        where ${ws.where(customers)}`,
  );
}

export interface NewCustomerRow {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  externalId: string | null;
  language: 'es' | 'en' | null;
  timeZone: string | null;
  tags: string[];
  customFields: CustomFieldValues;
  customerSince: Date;
  openDebt: number;
  score: number;
  tier: string;
  searchText: string;
}

const CUSTOMER_COLUMNS = [
  'id',
  'workspace_id',
  'kind',
  'name',
  'external_id',
  'language',
  'time_zone',
  'tags',
  'custom_fields',
  'customer_since',
  'open_debt',
  'score',
  'tier',
  'value_computed_at',
  'search_text',
  'created_at',
  'updated_at',
];

export async function insertCustomers(tx: Db, workspaceId: string, rows: NewCustomerRow[], now: Date) {
  if (rows.length === 0) return;
  const at = now.toISOString();
  const copied = await copyInto(
    tx,
    'customers',
    CUSTOMER_COLUMNS,
    rows.map((r) => [
      r.id,
      workspaceId,
      r.kind,
      r.name,
      r.externalId,
      r.language,
      r.timeZone,
      r.tags,
      r.customFields,
      r.customerSince,
      r.openDebt,
      r.score,
      r.tier,
      at,
      r.searchText,
      at,
      at,
    ]),
    { plain: ['id', 'workspace_id', 'kind', 'value_computed_at', 'created_at', 'updated_at'] },
  );
  if (copied !== null) return;
  await tx.execute(sql`
    insert into customers (id, workspace_id, kind, name, external_id, language, time_zone, tags, custom_fields,
      customer_since, open_debt, score, tier, value_computed_at, search_text, created_at, updated_at)
    select x.id, ${workspaceId}::uuid, x.kind, x.name, x."externalId", x.language, x."timeZone", x.tags,
      x."customFields", x."customerSince", x."openDebt", x.score, x.tier, ${now}, x."searchText", ${now}, ${now}
    from ${recordset(
      rows,
      `id uuid, kind text, name text, "externalId" text, language text, "timeZone" text, tags text[],
       "customFields" jsonb, "customerSince" timestamptz, "openDebt" numeric, score float8, tier text, "searchText" text`,
    )}`);
}

export interface NewIdentityRow {
  id: string;
  customerId: string;
  kind: string;
  value: string;
  display: string;
  matchKey: string;
}

export async function insertIdentities(tx: Db, workspaceId: string, rows: NewIdentityRow[], now: Date) {
  if (rows.length === 0) return;
  const at = now.toISOString();
  const copied = await copyInto(
    tx,
    'customer_identities',
    ['id', 'workspace_id', 'customer_id', 'kind', 'value', 'display', 'match_key', 'created_at'],
    rows.map((r) => [r.id, workspaceId, r.customerId, r.kind, r.value, r.display, r.matchKey, at]),
    { plain: ['id', 'workspace_id', 'customer_id', 'kind', 'created_at'] },
  );
  if (copied !== null) return;
  await tx.execute(sql`
    insert into customer_identities (id, workspace_id, customer_id, kind, value, display, match_key, created_at)
    select x.id, ${workspaceId}::uuid, x."customerId", x.kind, x.value, x.display, x."matchKey", ${now}
    from ${recordset(rows, 'id uuid, "customerId" uuid, kind text, value text, display text, "matchKey" text')}`);
}

export async function insertMemberships(
  tx: Db,
  workspaceId: string,
  rows: { personId: string; organisationId: string }[],
  now: Date,
) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into customer_memberships (workspace_id, person_id, organisation_id, role, created_at)
    select ${workspaceId}::uuid, x."personId", x."organisationId", null, ${now}
    from ${recordset(rows, '"personId" uuid, "organisationId" uuid')}
    on conflict do nothing`);
}

export interface UpdatedCustomerRow {
  id: string;
  name: string;
  externalId: string | null;
  language: 'es' | 'en' | null;
  timeZone: string | null;
  tags: string[];
  customFields: CustomFieldValues;
  customerSince: Date;
  openDebt: number;
}

export async function updateCustomers(tx: Db, workspaceId: string, rows: UpdatedCustomerRow[], now: Date) {
  if (rows.length === 0) return;
  const ws = scoped(tx, workspaceId);
  await tx.execute(sql`
    update customers set name = x.name, external_id = x."externalId", language = x.language, time_zone = x."timeZone",
      tags = x.tags, custom_fields = x."customFields", customer_since = x."customerSince", open_debt = x."openDebt",
      updated_at = ${now}
    from ${recordset(
      rows,
      `id uuid, name text, "externalId" text, language text, "timeZone" text, tags text[], "customFields" jsonb,
       "customerSince" timestamptz, "openDebt" numeric`,
    )}
    where ${ws.where(customers)} and customers.id = x.id`);
}
