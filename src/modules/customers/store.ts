/**
 * Reading and writing customer rows, shared by the module's services: loading a customer as the API shows
 * it, claiming identities without stealing another customer's, and keeping the search text current.
 */
import { and, asc, count, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { ImportIdentity } from './csv-mapping.ts';
import { customerIdentities, customerMemberships, customers } from './schema.ts';
import { searchText } from './search-text.ts';
import { rememberWords } from './search-words.ts';
import type { Consents, CustomerKind, CustomFieldValues, FieldProblem, IdentityKind } from './types.ts';

export const rowColumns = {
  id: customers.id,
  kind: customers.kind,
  name: customers.name,
  externalId: customers.externalId,
  ownerId: customers.ownerId,
  language: customers.language,
  timeZone: customers.timeZone,
  tags: customers.tags,
  customFields: customers.customFields,
  consents: customers.consents,
  customerSince: customers.customerSince,
  openDebt: customers.openDebt,
  score: customers.score,
  tier: customers.tier,
  valueComputedAt: customers.valueComputedAt,
  mergedInto: customers.mergedInto,
  erasedAt: customers.erasedAt,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
};

export interface CustomerRow {
  id: string;
  kind: CustomerKind;
  name: string;
  externalId: string | null;
  ownerId: string | null;
  language: 'es' | 'en' | null;
  timeZone: string | null;
  tags: string[];
  customFields: CustomFieldValues;
  consents: Consents;
  customerSince: Date;
  openDebt: number;
  score: number;
  tier: string;
  valueComputedAt: Date | null;
  mergedInto: string | null;
  erasedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Identity {
  id: string;
  kind: IdentityKind;
  value: string;
  display: string;
  createdAt: string;
}

export interface Customer
  extends Omit<
    CustomerRow,
    'customerSince' | 'valueComputedAt' | 'mergedInto' | 'erasedAt' | 'createdAt' | 'updatedAt'
  > {
  customerSince: string;
  valueComputedAt: string | null;
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  identities: Identity[];
  organisations: { id: string; name: string; role: string | null }[];
  memberCount: number;
}

/** Loads a customer row; a merged one answers 410 with the survivor's id, another workspace's 404. */
export async function loadRow(db: Db, workspaceId: string, id: string, lock = false): Promise<CustomerRow> {
  const ws = scoped(db, workspaceId);
  const query = db
    .select(rowColumns)
    .from(customers)
    .where(ws.where(customers, eq(customers.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw errors.notFound('Customer');
  if (row.mergedInto) {
    throw new AppError('customers.merged', 410, 'This customer was merged into another', {
      mergedInto: row.mergedInto,
    });
  }
  return row;
}

export async function identitiesOf(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const ws = scoped(db, workspaceId);
  return db
    .select({
      id: customerIdentities.id,
      customerId: customerIdentities.customerId,
      kind: customerIdentities.kind,
      value: customerIdentities.value,
      display: customerIdentities.display,
      matchKey: customerIdentities.matchKey,
      createdAt: customerIdentities.createdAt,
    })
    .from(customerIdentities)
    .where(ws.where(customerIdentities, inArray(customerIdentities.customerId, ids)))
    .orderBy(asc(customerIdentities.createdAt), asc(customerIdentities.id));
}

/** The organisations each of these people belongs to. */
export async function organisationsOf(db: Db, workspaceId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  const ws = scoped(db, workspaceId);
  return db
    .select({
      personId: customerMemberships.personId,
      id: customers.id,
      name: customers.name,
      role: customerMemberships.role,
    })
    .from(customerMemberships)
    .innerJoin(customers, eq(customers.id, customerMemberships.organisationId))
    .where(
      and(
        ws.where(customerMemberships, inArray(customerMemberships.personId, personIds)),
        ws.where(customers),
      ),
    )
    .orderBy(asc(customers.name));
}

/** The customer as the API shows it: the row with its identities, organisations and member count. */
export async function loadCustomer(db: Db, workspaceId: string, id: string): Promise<Customer> {
  const row = await loadRow(db, workspaceId, id);
  const ws = scoped(db, workspaceId);
  const [identities, organisations, members] = await Promise.all([
    identitiesOf(db, workspaceId, [id]),
    organisationsOf(db, workspaceId, [id]),
    row.kind === 'organisation'
      ? db
          .select({ n: count() })
          .from(customerMemberships)
          .where(ws.where(customerMemberships, eq(customerMemberships.organisationId, id)))
      : Promise.resolve([{ n: 0 }]),
  ]);
  const { mergedInto: _m, ...rest } = row;
  return {
    ...rest,
    customerSince: row.customerSince.toISOString(),
    valueComputedAt: row.valueComputedAt?.toISOString() ?? null,
    erasedAt: row.erasedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    identities: identities.map((i) => ({
      id: i.id,
      kind: i.kind as IdentityKind,
      value: i.value,
      display: i.display,
      createdAt: i.createdAt.toISOString(),
    })),
    organisations: organisations.map(({ id: orgId, name, role }) => ({ id: orgId, name, role })),
    memberCount: members[0]?.n ?? 0,
  };
}

/**
 * Gives identities to a customer. One already on it is kept; one that belongs to another customer is a 409
 * naming the field and the other customer, and nothing is written.
 */
export async function claimIdentities(
  tx: Db,
  workspaceId: string,
  customerId: string,
  identities: (ImportIdentity & { path: string })[],
  newId: () => string,
  now: Date,
): Promise<ImportIdentity[]> {
  if (identities.length === 0) return [];
  const ws = scoped(tx, workspaceId);
  const existing = await tx
    .select({
      kind: customerIdentities.kind,
      value: customerIdentities.value,
      customerId: customerIdentities.customerId,
    })
    .from(customerIdentities)
    .where(ws.where(customerIdentities, identityMatch(identities)));
  const owner = new Map(existing.map((e) => [`${e.kind}:${e.value}`, e.customerId]));
  const problems: (FieldProblem & { customerId: string })[] = [];
  const fresh: ImportIdentity[] = [];
  for (const identity of identities) {
    const holder = owner.get(`${identity.kind}:${identity.value}`);
    if (holder && holder !== customerId) {
      problems.push({
        path: identity.path,
        message: `${identity.value} belongs to another customer`,
        customerId: holder,
      });
    } else if (!holder && !fresh.some((f) => f.kind === identity.kind && f.value === identity.value)) {
      fresh.push(identity);
    }
  }
  if (problems.length > 0) {
    throw new AppError('customers.identity_taken', 409, problems[0]!.message, problems);
  }
  await ws.insertMany(
    customerIdentities,
    fresh.map((i) => ({
      id: newId(),
      customerId,
      kind: i.kind,
      value: i.value,
      display: i.display,
      matchKey: i.matchKey,
      createdAt: now,
    })),
  );
  return fresh;
}

/** `(kind = k and value in (…)) or …`: each kind's values, so the (workspace, kind, value) index serves. */
export function identityMatch(identities: { kind: string; value: string }[]): SQL {
  const byKind = new Map<string, string[]>();
  for (const i of identities) byKind.set(i.kind, [...(byKind.get(i.kind) ?? []), i.value]);
  return or(
    ...[...byKind].map(([kind, values]) =>
      and(eq(customerIdentities.kind, kind), inArray(customerIdentities.value, values)),
    ),
  )!;
}

/** Recomputes the search text of some customers from their current name, identities and organisations. */
export async function refreshSearchText(tx: Db, workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const ws = scoped(tx, workspaceId);
  // One after another: a transaction is one connection, which runs one query at a time.
  const rows = await tx
    .select({
      id: customers.id,
      name: customers.name,
      externalId: customers.externalId,
      tags: customers.tags,
      customFields: customers.customFields,
    })
    .from(customers)
    .where(ws.where(customers, inArray(customers.id, ids), isNull(customers.mergedInto)));
  const identities = await identitiesOf(tx, workspaceId, ids);
  const organisations = await organisationsOf(tx, workspaceId, ids);
  if (rows.length === 0) return;
  const values = rows.map((r) => {
    const text = searchText({
      ...r,
      identities: identities.filter((i) => i.customerId === r.id),
      organisations: organisations.filter((o) => o.personId === r.id).map((o) => o.name),
    });
    return sql`(${r.id}::uuid, ${text}::text)`;
  });
  await tx.execute(sql`
    update customers set search_text = v.text
    from (values ${sql.join(values, sql`, `)}) as v(id, text)
    where ${ws.where(customers)} and customers.id = v.id`);
  await rememberWords(tx, workspaceId, ids);
}
