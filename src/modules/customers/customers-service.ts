/**
 * Customers: creating and changing people and organisations, reading one, and what channel adapters,
 * routing and the agent desktop call on every contact: find-or-create by identity and the summary.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { Context } from './context.ts';
import { detectDuplicates } from './duplicates-detect.ts';
import { normaliseIdentity } from './normalise.ts';
import { customerIdentities, customerMemberships, customers } from './schema.ts';
import { claimIdentities, loadCustomer, loadRow, refreshSearchText } from './store.ts';
import { recordTimelineEntry } from './timeline-service.ts';
import type {
  ConsentChannel,
  CustomerKind,
  CustomerSummary,
  CustomFieldValue,
  IdentityKind,
} from './types.ts';
import { checkProfile } from './validate.ts';
import { recomputeValues } from './value-service.ts';

export interface NewCustomer {
  kind?: CustomerKind;
  name: string;
  externalId?: string;
  ownerId?: string;
  language?: 'es' | 'en';
  timeZone?: string;
  tags?: string[];
  customFields?: Record<string, CustomFieldValue>;
  email?: string;
  phone?: string;
  identities?: { kind: IdentityKind; value: string }[];
  organisationIds?: string[];
  customerSince?: string;
  openDebt?: number;
}

export interface CustomerChanges {
  name?: string;
  externalId?: string | null;
  ownerId?: string | null;
  language?: 'es' | 'en' | null;
  timeZone?: string | null;
  tags?: string[];
  customFields?: Record<string, CustomFieldValue | null>;
  customerSince?: string;
  openDebt?: number;
}

export function createCustomerService(ctx: Context) {
  const { db, uow, clock, newId } = ctx;

  async function create(workspaceId: string, input: NewCustomer, actorId: string | null) {
    const kind = input.kind ?? 'person';
    if (kind === 'organisation' && input.organisationIds?.length) {
      throw errors.badRequest('validation.failed', 'An organisation cannot belong to organisations', [
        { path: '/organisationIds', message: 'only people belong to organisations' },
      ]);
    }
    const checked = await checkProfile(ctx, db, workspaceId, input, { id: null, customFields: {} });
    const id = newId();
    const now = clock.now();
    await uow.run(async (tx, record) => {
      const ws = scoped(tx, workspaceId);
      await ws.insert(customers, {
        id,
        kind,
        name: input.name.trim(),
        externalId: input.externalId ?? null,
        ownerId: input.ownerId ?? null,
        language: input.language ?? null,
        timeZone: input.timeZone ?? null,
        tags: dedupe(input.tags ?? []),
        customFields: checked.customFields ?? {},
        customerSince: input.customerSince ? new Date(input.customerSince) : now,
        openDebt: input.openDebt ?? 0,
        createdAt: now,
        updatedAt: now,
      });
      await claimIdentities(tx, workspaceId, id, checked.identities, newId, now);
      await ws.insertMany(
        customerMemberships,
        (input.organisationIds ?? []).map((organisationId) => ({
          personId: id,
          organisationId,
          role: null,
          createdAt: now,
        })),
      );
      await afterWrite(tx, workspaceId, [id]);
      await recordTimelineEntry(tx, {
        workspaceId,
        customerId: id,
        at: now,
        kind: 'profile',
        summary: 'created',
        actorId,
        payload: { via: 'api' },
      });
      await record({
        workspaceId,
        type: 'customer.created',
        subject: 'customer',
        subjectId: id,
        actorId,
        topics: [`customer:${id}`],
        payload: { kind, via: 'api' },
      });
    });
    return loadCustomer(db, workspaceId, id);
  }

  /** Search text, value and duplicate candidates follow every change of a profile. */
  async function afterWrite(
    tx: Db,
    workspaceId: string,
    ids: string[],
    options: { duplicates?: boolean } = {},
  ) {
    await refreshSearchText(tx, workspaceId, ids);
    await recomputeValues(tx, ctx, workspaceId, ids);
    if (options.duplicates !== false)
      await detectDuplicates(tx, workspaceId, ids, { now: clock.now(), newId, byName: true });
  }

  async function update(workspaceId: string, id: string, changes: CustomerChanges, actorId: string) {
    const before = await loadRow(db, workspaceId, id);
    if (before.erasedAt)
      throw new AppError('customers.erased', 409, 'This customer was erased and cannot change');
    const checked = await checkProfile(ctx, db, workspaceId, changes, before);
    const fields = Object.keys(changes);
    if (fields.length === 0) return loadCustomer(db, workspaceId, id);
    const now = clock.now();
    await uow.run(async (tx, record) => {
      await loadRow(tx, workspaceId, id, true);
      const { customerSince, customFields: _c, tags, name, ...rest } = changes;
      await scoped(tx, workspaceId).update(
        customers,
        {
          ...rest,
          ...(name !== undefined ? { name: name.trim() } : {}),
          ...(tags !== undefined ? { tags: dedupe(tags) } : {}),
          ...(checked.customFields !== undefined ? { customFields: checked.customFields } : {}),
          ...(customerSince !== undefined ? { customerSince: new Date(customerSince) } : {}),
          updatedAt: now,
        },
        eq(customers.id, id),
      );
      const renamedOrganisation =
        before.kind === 'organisation' && name !== undefined && name !== before.name;
      await refreshSearchText(
        tx,
        workspaceId,
        renamedOrganisation ? await memberIds(tx, workspaceId, id) : [],
      );
      await afterWrite(tx, workspaceId, [id], { duplicates: name !== undefined });
      await record({
        workspaceId,
        type: 'customer.updated',
        subject: 'customer',
        subjectId: id,
        actorId,
        topics: [`customer:${id}`],
        // Field names only: the log is append-only, so it must not hold what a customer may ask us to erase.
        payload: { fields },
      });
    });
    return loadCustomer(db, workspaceId, id);
  }

  async function memberIds(tx: Db, workspaceId: string, organisationId: string): Promise<string[]> {
    const rows = await tx
      .select({ id: customerMemberships.personId })
      .from(customerMemberships)
      .where(
        scoped(tx, workspaceId).where(
          customerMemberships,
          eq(customerMemberships.organisationId, organisationId),
        ),
      );
    return rows.map((r) => r.id);
  }

  /** A customer's summary, following a merge to the survivor; null when there is none. */
  async function summary(workspaceId: string, id: string): Promise<CustomerSummary | null> {
    const ws = scoped(db, workspaceId);
    const [row] = await db
      .select({
        id: customers.id,
        kind: customers.kind,
        name: customers.name,
        language: customers.language,
        timeZone: customers.timeZone,
        tier: customers.tier,
        score: customers.score,
        ownerId: customers.ownerId,
        consents: customers.consents,
        mergedInto: customers.mergedInto,
      })
      .from(customers)
      .where(ws.where(customers, eq(customers.id, id)));
    if (!row) return null;
    if (row.mergedInto) return summary(workspaceId, row.mergedInto);
    const { consents, mergedInto: _m, ...rest } = row;
    const channels = Object.entries(consents) as [
      ConsentChannel,
      { doNotContact: boolean; marketingOptIn: boolean },
    ][];
    return {
      ...rest,
      doNotContact: channels.filter(([, c]) => c.doNotContact).map(([ch]) => ch),
      marketingOptIn: channels.filter(([, c]) => c.marketingOptIn).map(([ch]) => ch),
    };
  }

  /**
   * The summary of a customer; 404 when there is none in the workspace.
   * @example const s = await customers.getCustomerSummary(workspaceId, id); // { tier: 'gold', score: 41.2, … }
   */
  async function getCustomerSummary(workspaceId: string, id: string): Promise<CustomerSummary> {
    const found = await summary(workspaceId, id);
    if (!found) throw errors.notFound('Customer');
    return found;
  }

  /** The customer behind an identity, in one indexed lookup; null when nobody has it. */
  async function findByIdentity(
    workspaceId: string,
    kind: IdentityKind,
    value: string,
  ): Promise<CustomerSummary | null> {
    const n = normaliseIdentity(kind, value, await ctx.country(workspaceId));
    if (!n.ok)
      throw errors.badRequest('validation.failed', `value ${n.message}`, [
        { path: '/value', message: n.message },
      ]);
    const ws = scoped(db, workspaceId);
    const [hit] = await db
      .select({ customerId: customerIdentities.customerId })
      .from(customerIdentities)
      .where(
        ws.where(
          customerIdentities,
          eq(customerIdentities.kind, kind),
          eq(customerIdentities.value, n.value),
        ),
      );
    return hit ? summary(workspaceId, hit.customerId) : null;
  }

  /**
   * What a channel adapter calls first: the customer behind an identity, created with `defaults` when new.
   * @example
   * const { customer, created } = await customers.findOrCreateByIdentity(workspaceId,
   *   { kind: 'whatsapp', value: '+57 300 123 4567' }, { name: 'María Pérez', language: 'es' });
   */
  async function findOrCreateByIdentity(
    workspaceId: string,
    identity: { kind: IdentityKind; value: string },
    defaults: { name?: string; language?: 'es' | 'en'; timeZone?: string; kind?: CustomerKind } = {},
  ): Promise<{ customer: CustomerSummary; created: boolean }> {
    const found = await findByIdentity(workspaceId, identity.kind, identity.value);
    if (found) return { customer: found, created: false };
    const n = normaliseIdentity(identity.kind, identity.value, await ctx.country(workspaceId));
    if (!n.ok) throw errors.badRequest('validation.failed', n.message);
    const id = newId();
    const now = clock.now();
    try {
      await uow.run(async (tx, record) => {
        await scoped(tx, workspaceId).insert(customers, {
          id,
          kind: defaults.kind ?? 'person',
          name: defaults.name?.trim() || n.display,
          language: defaults.language ?? null,
          timeZone: defaults.timeZone ?? null,
          customerSince: now,
          createdAt: now,
          updatedAt: now,
        });
        await claimIdentities(
          tx,
          workspaceId,
          id,
          [{ kind: identity.kind, ...n, path: '/value' }],
          newId,
          now,
        );
        await refreshSearchText(tx, workspaceId, [id]);
        await recomputeValues(tx, ctx, workspaceId, [id]);
        await record({
          workspaceId,
          type: 'customer.created',
          subject: 'customer',
          subjectId: id,
          topics: [`customer:${id}`],
          payload: { kind: defaults.kind ?? 'person', via: identity.kind },
        });
      });
    } catch (error) {
      // Two first contacts raced: the other created the customer; answer with theirs.
      const again = await findByIdentity(workspaceId, identity.kind, identity.value);
      if (again) return { customer: again, created: false };
      throw error;
    }
    return { customer: (await summary(workspaceId, id))!, created: true };
  }

  const get = (workspaceId: string, id: string) => loadCustomer(db, workspaceId, id);

  return {
    create,
    update,
    get,
    getCustomerSummary,
    findByIdentity,
    findOrCreateByIdentity,
    afterWrite,
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;

const dedupe = (tags: string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
