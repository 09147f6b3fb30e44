/**
 * Privacy: everything held about one customer as JSON, and erasure. Erasing anonymises: identities,
 * memberships and every free text go; the row, the timeline's kinds, channels and times, and purchases stay,
 * so counts, tiers and reports still add up. Both are audited as security events.
 */
import { asc, eq, or } from 'drizzle-orm';
import { scoped } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/errors.ts';
import type { Context } from './context.ts';
import {
  customerDuplicates,
  customerIdentities,
  customerMemberships,
  customerPurchases,
  customers,
  customerTimeline,
} from './schema.ts';
import { loadCustomer, loadRow } from './store.ts';

export const ERASED_NAME = 'erased';

export function createPrivacyService(ctx: Context) {
  const { db, uow, clock } = ctx;

  /** Everything about one customer: profile, identities, memberships, timeline and purchases. */
  async function exportCustomer(workspaceId: string, customerId: string, actorId: string) {
    const customer = await loadCustomer(db, workspaceId, customerId);
    const ws = scoped(db, workspaceId);
    const [timeline, purchases, members] = await Promise.all([
      db
        .select()
        .from(customerTimeline)
        .where(ws.where(customerTimeline, eq(customerTimeline.customerId, customerId)))
        .orderBy(asc(customerTimeline.at), asc(customerTimeline.id)),
      db
        .select()
        .from(customerPurchases)
        .where(ws.where(customerPurchases, eq(customerPurchases.customerId, customerId)))
        .orderBy(asc(customerPurchases.at)),
      db
        .select({ personId: customerMemberships.personId, role: customerMemberships.role })
        .from(customerMemberships)
        .where(ws.where(customerMemberships, eq(customerMemberships.organisationId, customerId))),
    ]);
    const exportedAt = clock.now();
    await uow.run(async (_tx, record) => {
      await record({
        workspaceId,
        type: 'security.customer_exported',
        subject: 'security',
        subjectId: customerId,
        actorId,
        payload: { timelineEntries: timeline.length, purchases: purchases.length },
      });
    });
    const strip = <T extends { workspaceId: string }>({ workspaceId: _w, ...rest }: T) => rest;
    return {
      exportedAt: exportedAt.toISOString(),
      customer,
      members,
      timeline: timeline.map(strip),
      purchases: purchases.map(strip),
    };
  }

  /** Anonymises a customer for good; the answer is the anonymised record. */
  async function erase(workspaceId: string, customerId: string, actorId: string) {
    await uow.run(async (tx, record) => {
      const row = await loadRow(tx, workspaceId, customerId, true);
      if (row.erasedAt) throw new AppError('customers.erased', 409, 'This customer was already erased');
      const ws = scoped(tx, workspaceId);
      const now = clock.now();
      const counts = {
        identities: await ws.delete(customerIdentities, eq(customerIdentities.customerId, customerId)),
        memberships: await ws.delete(
          customerMemberships,
          or(
            eq(customerMemberships.personId, customerId),
            eq(customerMemberships.organisationId, customerId),
          )!,
        ),
        timeline: await ws.update(
          customerTimeline,
          { summary: '', payload: {} },
          eq(customerTimeline.customerId, customerId),
        ),
      };
      await ws.delete(
        customerDuplicates,
        or(eq(customerDuplicates.customerA, customerId), eq(customerDuplicates.customerB, customerId))!,
      );
      await ws.update(
        customers,
        {
          name: ERASED_NAME,
          externalId: null,
          language: null,
          timeZone: null,
          tags: [],
          customFields: {},
          consents: {},
          searchText: '',
          erasedAt: now,
          updatedAt: now,
        },
        eq(customers.id, customerId),
      );
      // Tombstones of customers merged into this one held their profiles: they go too.
      await ws.update(
        customers,
        { name: ERASED_NAME, externalId: null, tags: [], customFields: {}, consents: {}, erasedAt: now },
        eq(customers.mergedInto, customerId),
      );
      await record({
        workspaceId,
        type: 'security.customer_erased',
        subject: 'security',
        subjectId: customerId,
        actorId,
        payload: counts,
      });
    });
    return loadCustomer(db, workspaceId, customerId);
  }

  return { exportCustomer, erase };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
