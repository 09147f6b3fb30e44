/**
 * The parts of a profile that change on their own and leave a timeline entry: identities, consent per
 * channel, and organisation memberships.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { RecordEvents } from '../../platform/events/unit-of-work.ts';
import type { Context } from './context.ts';
import type { CustomerService } from './customers-service.ts';
import { customerIdentities, customerMemberships, customers } from './schema.ts';
import { claimIdentities, loadCustomer, loadRow, refreshSearchText } from './store.ts';
import { recordTimelineEntry } from './timeline-service.ts';
import type { ConsentChannel, IdentityKind } from './types.ts';
import { checkProfile } from './validate.ts';

export function createProfileService(ctx: Context, deps: { customers: CustomerService }) {
  const { db, uow, clock, newId } = ctx;

  /** Runs a change of a customer that is not erased, with its event on the customer's topic. */
  async function change<T>(
    workspaceId: string,
    customerId: string,
    actorId: string,
    type: string,
    work: (tx: Db, record: RecordEvents) => Promise<{ result: T; payload: Record<string, unknown> }>,
  ): Promise<T> {
    return uow.run(async (tx, record) => {
      const row = await loadRow(tx, workspaceId, customerId, true);
      if (row.erasedAt)
        throw new AppError('customers.erased', 409, 'This customer was erased and cannot change');
      const { result, payload } = await work(tx, record);
      await record({
        workspaceId,
        type,
        subject: 'customer',
        subjectId: customerId,
        actorId,
        topics: [`customer:${customerId}`],
        payload,
      });
      return result;
    });
  }

  async function addIdentity(
    workspaceId: string,
    customerId: string,
    input: { kind: IdentityKind; value: string },
    actorId: string,
  ) {
    await loadRow(db, workspaceId, customerId);
    const { identities } = await checkProfile(
      ctx,
      db,
      workspaceId,
      { identities: [input] },
      { id: customerId, customFields: {} },
    );
    const identity = { ...identities[0]!, path: '/value' };
    await change(workspaceId, customerId, actorId, 'customer.identity_added', async (tx) => {
      const now = clock.now();
      const added = await claimIdentities(tx, workspaceId, customerId, [identity], newId, now);
      if (added.length > 0) {
        await recordTimelineEntry(tx, {
          workspaceId,
          customerId,
          at: now,
          kind: 'identity',
          channel: identity.kind,
          summary: identity.display,
          actorId,
          payload: { action: 'added', kind: identity.kind, value: identity.display },
        });
        await deps.customers.afterWrite(tx, workspaceId, [customerId]);
      }
      return { result: null, payload: { kind: identity.kind } };
    });
    return loadCustomer(db, workspaceId, customerId);
  }

  async function removeIdentity(workspaceId: string, identityId: string, actorId: string) {
    const ws = scoped(db, workspaceId);
    const [identity] = await db
      .select({
        customerId: customerIdentities.customerId,
        kind: customerIdentities.kind,
        display: customerIdentities.display,
      })
      .from(customerIdentities)
      .where(ws.where(customerIdentities, eq(customerIdentities.id, identityId)));
    if (!identity) throw errors.notFound('Identity');
    await change(workspaceId, identity.customerId, actorId, 'customer.identity_removed', async (tx) => {
      const removed = await scoped(tx, workspaceId).delete(
        customerIdentities,
        eq(customerIdentities.id, identityId),
      );
      if (removed === 0) throw errors.notFound('Identity');
      await recordTimelineEntry(tx, {
        workspaceId,
        customerId: identity.customerId,
        at: clock.now(),
        kind: 'identity',
        channel: identity.kind,
        summary: identity.display,
        actorId,
        payload: { action: 'removed', kind: identity.kind, value: identity.display },
      });
      await refreshSearchText(tx, workspaceId, [identity.customerId]);
      return { result: null, payload: { kind: identity.kind } };
    });
    return loadCustomer(db, workspaceId, identity.customerId);
  }

  /** States a customer's consent on one channel, with its source; the timeline keeps every statement. */
  async function setConsent(
    workspaceId: string,
    customerId: string,
    input: { channel: ConsentChannel; marketingOptIn: boolean; doNotContact: boolean; source: string },
    actorId: string,
  ) {
    await change(workspaceId, customerId, actorId, 'customer.consent_changed', async (tx) => {
      const [row] = await tx
        .select({ consents: customers.consents })
        .from(customers)
        .where(scoped(tx, workspaceId).where(customers, eq(customers.id, customerId)));
      const at = clock.now();
      const consent = {
        marketingOptIn: input.marketingOptIn,
        doNotContact: input.doNotContact,
        at: at.toISOString(),
        source: input.source,
      };
      await scoped(tx, workspaceId).update(
        customers,
        { consents: { ...row!.consents, [input.channel]: consent }, updatedAt: at },
        eq(customers.id, customerId),
      );
      await recordTimelineEntry(tx, {
        workspaceId,
        customerId,
        at,
        kind: 'consent',
        channel: input.channel,
        summary: input.source,
        actorId,
        payload: { channel: input.channel, ...consent, previous: row!.consents[input.channel] ?? null },
      });
      return {
        result: null,
        payload: {
          channel: input.channel,
          marketingOptIn: input.marketingOptIn,
          doNotContact: input.doNotContact,
        },
      };
    });
    return loadCustomer(db, workspaceId, customerId);
  }

  /** Replaces the organisations a person belongs to. */
  async function setOrganisations(
    workspaceId: string,
    personId: string,
    items: { organisationId: string; role?: string | null }[],
    actorId: string,
  ) {
    const person = await loadRow(db, workspaceId, personId);
    if (person.kind !== 'person') {
      throw errors.badRequest('validation.failed', 'Only people belong to organisations', [
        { path: '/items', message: 'only people belong to organisations' },
      ]);
    }
    await checkProfile(
      ctx,
      db,
      workspaceId,
      { organisationIds: items.map((i) => i.organisationId) },
      { id: personId, customFields: {} },
    );
    await change(workspaceId, personId, actorId, 'customer.organisations_changed', async (tx) => {
      const ws = scoped(tx, workspaceId);
      const now = clock.now();
      await ws.delete(customerMemberships, eq(customerMemberships.personId, personId));
      const unique = [...new Map(items.map((i) => [i.organisationId, i])).values()];
      await ws.insertMany(
        customerMemberships,
        unique.map((i) => ({
          personId,
          organisationId: i.organisationId,
          role: i.role ?? null,
          createdAt: now,
        })),
      );
      await refreshSearchText(tx, workspaceId, [personId]);
      return { result: null, payload: { organisationIds: unique.map((i) => i.organisationId) } };
    });
    return loadCustomer(db, workspaceId, personId);
  }

  return { addIdentity, removeIdentity, setConsent, setOrganisations };
}

export type ProfileService = ReturnType<typeof createProfileService>;
