/**
 * Writing one batch of imported rows, in the caller's transaction (all or nothing). Each row is matched to
 * an existing customer by external id (following merges), else by any of its identities; matched ones are
 * updated with what the file says, the rest inserted. A row that would take another customer's identity,
 * repeats an external id of the batch, or names an erased customer is rejected with its line.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import type { Context } from './context.ts';
import type { ImportIdentity, ImportRow } from './csv-mapping.ts';
import { matchKeyHolders, pairsAmong, savePairs } from './duplicates-detect.ts';
import {
  customersByExternalId,
  insertCustomers,
  insertIdentities,
  insertMemberships,
  type NewCustomerRow,
  type NewIdentityRow,
  updateCustomers,
} from './import-sql.ts';
import { customerMemberships, customers } from './schema.ts';
import { searchText } from './search-text.ts';
import { rememberTextWords, wordsOf } from './search-words.ts';
import { refreshSearchText } from './store.ts';
import type { CustomFieldValues, ImportRejection } from './types.ts';
import { tierFor, valueScore } from './value.ts';
import { recomputeValues } from './value-service.ts';

export interface BatchResult {
  inserted: number;
  updated: number;
  unchanged: number;
  rejections: ImportRejection[];
  /** The search words this batch sent to the dictionary: once it commits, later batches may skip them. */
  words: string[];
}

interface Existing {
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
  erasedAt: Date | null;
}

const key = (i: { kind: string; value: string }) => `${i.kind}:${i.value}`;

export interface BatchOptions {
  /** Search words an earlier batch of the same import already put in the dictionary. */
  knownWords?: ReadonlySet<string>;
  /**
   * Also look the batch's identities up by kind and value, not only by match key. An identity's match key
   * follows from its kind and value, so its owner is among the holders of its key, and a batch needs no
   * second look-up; only an identity stored under another rule (an older one, or hand-made data) escapes
   * it, and the batch then fails on the identities' unique index: the caller runs it again with this set.
   */
  exactOwners?: boolean;
  /**
   * Awaited once the batch's new customers and identities are written, with the existing customers its
   * look-ups found, before anything else (updates, memberships, words, pairs): see `import-lanes.ts`.
   */
  turn?: (targetIds: readonly string[]) => Promise<void>;
}

/**
 * What a batch's matching depends on besides its existing customers: its external ids, its identities'
 * match keys and its organisations' names (two batches sharing none can be written at the same time). One
 * set for the three: an external id equal to someone's match key only makes two batches wait, never err.
 * @example batchKeys([{ externalId: 'C-1', identities: [{ matchKey: 'email:a@b.co' }], organisation: null }])
 * // Set { 'C-1', 'email:a@b.co' }
 */
export function batchKeys(
  rows: readonly Pick<ImportRow, 'externalId' | 'identities' | 'organisation'>[],
): Set<string> {
  const keys = new Set<string>();
  for (const row of rows) {
    if (row.externalId) keys.add(row.externalId);
    for (const identity of row.identities) keys.add(identity.matchKey);
    if (row.organisation) keys.add(row.organisation);
  }
  return keys;
}

/** Writes one batch in the caller's transaction. */
export async function writeBatch(
  tx: Db,
  ctx: Context,
  workspaceId: string,
  rows: ImportRow[],
  options: BatchOptions = {},
): Promise<BatchResult> {
  // A batch is atomic either way; not waiting for its WAL flush only risks redoing the last batches after a
  // crash, which re-importing (idempotent) does.
  await tx.execute(sql`set local synchronous_commit = off`);
  const now = ctx.clock.now();
  const externalIds = [...new Set(rows.flatMap((r) => (r.externalId ? [r.externalId] : [])))];
  const identities = rows.flatMap((r) => r.identities);
  const found = await lookUp(tx, workspaceId, externalIds, identities, options.exactOwners ?? false);
  return writeRows(tx, ctx, workspaceId, rows, found, now, options);
}

/** The batch's external ids and identities as the database holds them: who owns them, and those customers. */
async function lookUp(
  tx: Db,
  workspaceId: string,
  externalIds: string[],
  identities: ImportIdentity[],
  exactOwners: boolean,
) {
  const ws = scoped(tx, workspaceId);
  const byExternal = await customersByExternalId(tx, workspaceId, externalIds);
  // Everyone holding one of the match keys of the batch's identities: their owners, and the duplicate
  // candidates of the identities it adds, in one statement.
  const holders = await matchKeyHolders(
    tx,
    workspaceId,
    identities.map((i) => i.matchKey),
    exactOwners ? identities : [],
  );
  const external = new Map(byExternal.map((c) => [c.external_id, c.merged_into ?? c.id]));
  // The owners among the holders: those holding the very identity, not only its key (none, on a fresh import).
  const asked = new Set(holders.length > 0 ? identities.map(key) : []);
  const claimed = new Map(holders.filter((h) => asked.has(key(h))).map((h) => [key(h), h.customer_id]));
  const targetIds = [...new Set([...external.values(), ...claimed.values()])];
  const existing = new Map<string, Existing>();
  if (targetIds.length > 0) {
    const found = await tx
      .select({
        id: customers.id,
        kind: customers.kind,
        name: customers.name,
        externalId: customers.externalId,
        language: customers.language,
        timeZone: customers.timeZone,
        tags: customers.tags,
        customFields: customers.customFields,
        customerSince: customers.customerSince,
        openDebt: customers.openDebt,
        erasedAt: customers.erasedAt,
      })
      .from(customers)
      .where(ws.where(customers, inArray(customers.id, targetIds)));
    for (const c of found) existing.set(c.id, c);
  }
  return { holders, external, claimed, existing, targetIds };
}

/** Matches, rejects and writes the rows against what the look-ups found. */
async function writeRows(
  tx: Db,
  ctx: Context,
  workspaceId: string,
  rows: ImportRow[],
  { holders, external, claimed, existing, targetIds }: Awaited<ReturnType<typeof lookUp>>,
  now: Date,
  { knownWords = new Set(), turn }: BatchOptions,
): Promise<BatchResult> {
  const rejections: ImportRejection[] = [];
  const accepted: { row: ImportRow; id: string; existing: Existing | null; fresh: ImportIdentity[] }[] = [];
  const linesByExternal = new Map<string, number>();
  for (const row of rows) {
    if (row.externalId && linesByExternal.has(row.externalId)) {
      rejections.push({
        line: row.line,
        reason: `external id ${row.externalId} repeats line ${linesByExternal.get(row.externalId)}`,
      });
      continue;
    }
    // Each identity's key built and looked up once (a key built anew is a new string to hash): this runs
    // for every row of the file.
    const keys = row.identities.map(key);
    const owners = keys.map((k) => claimed.get(k));
    const byIdentity = owners.find((owner) => owner !== undefined);
    const targetId = (row.externalId ? external.get(row.externalId) : undefined) ?? byIdentity;
    const target = targetId ? (existing.get(targetId) ?? null) : null;
    if (target?.erasedAt) {
      rejections.push({ line: row.line, reason: 'the customer it names was erased' });
      continue;
    }
    if (target && row.externalId && target.externalId && target.externalId !== row.externalId) {
      rejections.push({
        line: row.line,
        reason: `its identities belong to the customer with external id ${target.externalId}`,
      });
      continue;
    }
    const id = target?.id ?? ctx.newId();
    const taken = owners.findIndex((owner) => owner !== undefined && owner !== id);
    if (taken >= 0) {
      const { kind, value } = row.identities[taken]!;
      rejections.push({ line: row.line, reason: `${kind} ${value} belongs to another customer` });
      continue;
    }
    const fresh: ImportIdentity[] = [];
    for (let n = 0; n < keys.length; n++) {
      if (owners[n] !== undefined) continue;
      fresh.push(row.identities[n]!);
      claimed.set(keys[n]!, id);
    }
    if (row.externalId) linesByExternal.set(row.externalId, row.line);
    accepted.push({ row, id, existing: target, fresh });
  }

  const organisations = await organisationIds(
    tx,
    ctx,
    workspaceId,
    accepted.flatMap((a) => (a.row.organisation ? [a.row.organisation] : [])),
    now,
  );
  const memberships = await existingMemberships(
    tx,
    workspaceId,
    accepted.filter((a) => a.existing).map((a) => a.id),
  );
  const { rule, cutoffs } = await ctx.valueSettings(workspaceId, tx);
  const inserts: NewCustomerRow[] = [];
  const updates: Existing[] = [];
  let unchanged = 0;
  for (const a of accepted) {
    const { row } = a;
    const orgId = row.organisation ? organisations.get(row.organisation) : undefined;
    const joins = orgId && row.kind === 'person' && !memberships.has(`${a.id}/${orgId}`);
    if (!a.existing) {
      const customerSince = row.customerSince ?? now;
      const openDebt = row.openDebt ?? 0;
      const score = valueScore(
        rule,
        { lastPurchaseAt: null, purchasesInWindow: 0, spendInWindow: 0, customerSince, openDebt },
        now,
      ).score;
      inserts.push({
        id: a.id,
        kind: row.kind,
        name: row.name,
        externalId: row.externalId,
        language: row.language,
        timeZone: row.timeZone,
        tags: row.tags ?? [],
        customFields: row.customFields,
        customerSince,
        openDebt,
        score,
        tier: tierFor(cutoffs, score),
        searchText: searchText({
          name: row.name,
          externalId: row.externalId,
          identities: row.identities,
          tags: row.tags ?? [],
          customFields: row.customFields,
          organisations: row.organisation ? [row.organisation] : [],
        }),
      });
    } else {
      const next = merged(a.existing, row);
      if (a.fresh.length === 0 && !joins && same(a.existing, next)) unchanged++;
      else updates.push(next);
    }
    if (joins) memberships.add(`${a.id}/${orgId}`);
  }

  await insertCustomers(tx, workspaceId, inserts, now);
  const identityRows: NewIdentityRow[] = [];
  for (const a of accepted) {
    for (const i of a.fresh) {
      identityRows.push({
        id: ctx.newId(),
        customerId: a.id,
        kind: i.kind,
        value: i.value,
        display: i.display,
        matchKey: i.matchKey,
      });
    }
  }
  await insertIdentities(tx, workspaceId, identityRows, now);
  await turn?.(targetIds);
  await updateCustomers(tx, workspaceId, updates, now);
  await insertMemberships(
    tx,
    workspaceId,
    accepted.flatMap((a) => {
      const orgId = a.row.organisation ? organisations.get(a.row.organisation) : undefined;
      return orgId && a.row.kind === 'person' ? [{ personId: a.id, organisationId: orgId }] : [];
    }),
    now,
  );
  const words = wordsOf([...inserts.map((i) => i.searchText), ...organisations.keys()], knownWords);
  await rememberTextWords(tx, workspaceId, words);
  const updatedIds = updates.map((u) => u.id);
  await refreshSearchText(tx, workspaceId, updatedIds);
  await recomputeValues(tx, ctx, workspaceId, updatedIds);
  // The batch's new identities pair with the holders found and with each other.
  const pairs = pairsAmong(holders, identityRows, { amongThemselves: true });
  await savePairs(tx, workspaceId, pairs, { now, newId: ctx.newId });
  return { inserted: inserts.length, updated: updates.length, unchanged, rejections, words };
}

/** What the file says wins; what it leaves empty keeps its current value. */
function merged(current: Existing, row: ImportRow): Existing {
  return {
    ...current,
    name: row.name,
    externalId: row.externalId ?? current.externalId,
    language: row.language ?? current.language,
    timeZone: row.timeZone ?? current.timeZone,
    tags: row.tags ?? current.tags,
    customFields: { ...current.customFields, ...row.customFields },
    customerSince: row.customerSince ?? current.customerSince,
    openDebt: row.openDebt ?? current.openDebt,
  };
}

function same(a: Existing, b: Existing): boolean {
  const sorted = (o: CustomFieldValues) =>
    JSON.stringify(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1)));
  return (
    a.name === b.name &&
    a.externalId === b.externalId &&
    a.language === b.language &&
    a.timeZone === b.timeZone &&
    a.tags.join('\u0000') === b.tags.join('\u0000') &&
    sorted(a.customFields) === sorted(b.customFields) &&
    a.customerSince.getTime() === b.customerSince.getTime() &&
    Number(a.openDebt) === Number(b.openDebt)
  );
}

/** The organisations named by the batch, by exact name; those not found are created. */
async function organisationIds(tx: Db, ctx: Context, workspaceId: string, names: string[], now: Date) {
  const unique = [...new Set(names)];
  const out = new Map<string, string>();
  if (unique.length === 0) return out;
  const ws = scoped(tx, workspaceId);
  const found = await tx
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(
      ws.where(
        customers,
        eq(customers.kind, 'organisation'),
        isNull(customers.mergedInto),
        inArray(customers.name, unique),
      ),
    );
  for (const f of found) if (!out.has(f.name)) out.set(f.name, f.id);
  const missing = unique.filter((n) => !out.has(n));
  for (const name of missing) out.set(name, ctx.newId());
  await ws.insertMany(
    customers,
    missing.map((name) => ({
      id: out.get(name)!,
      kind: 'organisation' as const,
      name,
      customerSince: now,
      searchText: name,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return out;
}

async function existingMemberships(tx: Db, workspaceId: string, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await tx
    .select({ personId: customerMemberships.personId, organisationId: customerMemberships.organisationId })
    .from(customerMemberships)
    .where(
      and(
        scoped(tx, workspaceId).where(customerMemberships, inArray(customerMemberships.personId, personIds)),
      ),
    );
  return new Set(rows.map((r) => `${r.personId}/${r.organisationId}`));
}
