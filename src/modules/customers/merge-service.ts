/**
 * Merging two records of one customer. In one transaction, every identity, timeline entry (notes and
 * interactions included), purchase and membership of the source moves to the survivor, the profiles combine
 * (merge-plan.ts), and the source stays as a tombstone pointing at the survivor, so old ids still lead
 * somewhere. The merge entry on the survivor's timeline keeps who merged what and the source's profile.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { Context } from './context.ts';
import type { CustomerService } from './customers-service.ts';
import type { DuplicatesService } from './duplicates-service.ts';
import { mergeProfiles } from './merge-plan.ts';
import {
  customerIdentities,
  customerMemberships,
  customerPurchases,
  customers,
  customerTimeline,
} from './schema.ts';
import { loadCustomer, loadRow } from './store.ts';
import { recordTimelineEntry } from './timeline-service.ts';

/** Which merge a hook is told about. */
export interface CustomerMerge {
  workspaceId: string;
  survivorId: string;
  sourceId: string;
  actorId: string;
}

/**
 * What another module does when two customers merge: re-point its own rows from the source to the
 * survivor, inside the merge's transaction (`tx`), answering how many rows it moved. A hook that throws
 * rolls the whole merge back.
 */
export interface MergeHook {
  /** Names the moved rows in the merge's record (`moved.<name>`), e.g. 'interactions'. */
  name: string;
  move(tx: Db, merge: CustomerMerge): Promise<number>;
}

export function createMergeService(
  ctx: Context,
  deps: { customers: CustomerService; duplicates: DuplicatesService },
) {
  const { db, uow, clock } = ctx;
  const hooks: MergeHook[] = [];

  /**
   * Adds a hook run inside every merge's transaction, after this module's own rows have moved.
   * @example merge.onMerge({ name: 'interactions', move: (tx, m) => interactions.reassignCustomer(tx, m) })
   */
  function onMerge(hook: MergeHook): void {
    if (hooks.some((h) => h.name === hook.name)) throw new Error(`merge hook ${hook.name} is already added`);
    hooks.push(hook);
  }

  /**
   * Merges `sourceId` into `survivorId`.
   * @example await merge.merge(workspaceId, keepId, dropId, actorId) // the survivor, with everything of both
   */
  async function merge(workspaceId: string, survivorId: string, sourceId: string, actorId: string) {
    if (survivorId === sourceId) {
      throw errors.badRequest('customers.merge_self', 'A customer cannot be merged into itself', [
        { path: '/sourceId', message: 'is the customer itself' },
      ]);
    }
    await uow.run(async (tx, record) => {
      // Lock in id order, so two merges of the same pair in opposite directions cannot deadlock.
      const [first, second] = survivorId < sourceId ? [survivorId, sourceId] : [sourceId, survivorId];
      const rows = [
        await loadRow(tx, workspaceId, first, true),
        await loadRow(tx, workspaceId, second, true),
      ];
      const survivor = rows.find((r) => r.id === survivorId)!;
      const source = rows.find((r) => r.id === sourceId)!;
      if (survivor.kind !== source.kind) {
        throw errors.badRequest('customers.merge_kind', 'A person and an organisation cannot be merged', [
          { path: '/sourceId', message: `is ${source.kind === 'person' ? 'a person' : 'an organisation'}` },
        ]);
      }
      if (survivor.erasedAt || source.erasedAt)
        throw new AppError('customers.erased', 409, 'An erased customer cannot be merged');
      const ws = scoped(tx, workspaceId);
      const now = clock.now();
      const moved: Record<string, number> = {
        identities: await ws.update(
          customerIdentities,
          { customerId: survivorId },
          eq(customerIdentities.customerId, sourceId),
        ),
        timeline: await ws.update(
          customerTimeline,
          { customerId: survivorId },
          eq(customerTimeline.customerId, sourceId),
        ),
        purchases: await ws.update(
          customerPurchases,
          { customerId: survivorId },
          eq(customerPurchases.customerId, sourceId),
        ),
        memberships: await moveMemberships(tx, workspaceId, survivorId, sourceId),
      };
      for (const hook of hooks) {
        moved[hook.name] = await hook.move(tx, { workspaceId, survivorId, sourceId, actorId });
      }
      const profile = mergeProfiles(survivor, source);
      // The external id moves when the survivor has none; otherwise the tombstone keeps it, and imports
      // that name it follow the tombstone to the survivor.
      const takeExternalId = !survivor.externalId && source.externalId;
      await ws.update(
        customers,
        {
          mergedInto: survivorId,
          searchText: '',
          updatedAt: now,
          ...(takeExternalId ? { externalId: null } : {}),
        },
        eq(customers.id, sourceId),
      );
      await ws.update(customers, { mergedInto: survivorId }, eq(customers.mergedInto, sourceId));
      await ws.update(
        customers,
        { ...profile, ...(takeExternalId ? { externalId: source.externalId } : {}), updatedAt: now },
        eq(customers.id, survivorId),
      );
      await deps.duplicates.close(tx, workspaceId, [sourceId], actorId);
      await recordTimelineEntry(tx, {
        workspaceId,
        customerId: survivorId,
        at: now,
        kind: 'merge',
        summary: source.name,
        actorId,
        payload: { sourceId, moved, source: { ...source, mergedInto: null } },
      });
      await deps.customers.afterWrite(tx, workspaceId, [survivorId]);
      await record({
        workspaceId,
        type: 'customer.merged',
        subject: 'customer',
        subjectId: survivorId,
        actorId,
        topics: [`customer:${survivorId}`, `customer:${sourceId}`],
        payload: { sourceId, moved },
      });
    });
    return loadCustomer(db, workspaceId, survivorId);
  }

  return { merge, onMerge };
}

/** Memberships of the source, as a person and as an organisation, become the survivor's (without doubles). */
async function moveMemberships(
  tx: Db,
  workspaceId: string,
  survivorId: string,
  sourceId: string,
): Promise<number> {
  const ws = scoped(tx, workspaceId);
  let moved = 0;
  for (const [side, other] of [
    ['person_id', 'organisation_id'],
    ['organisation_id', 'person_id'],
  ] as const) {
    await tx.execute(sql`
      insert into customer_memberships (workspace_id, person_id, organisation_id, role, created_at)
      select workspace_id,
             ${side === 'person_id' ? sql`${survivorId}::uuid` : sql.raw(other)},
             ${side === 'organisation_id' ? sql`${survivorId}::uuid` : sql.raw(other)},
             role, created_at
      from customer_memberships
      where ${ws.where(customerMemberships)} and ${sql.raw(side)} = ${sourceId}::uuid and ${sql.raw(other)} <> ${survivorId}::uuid
      on conflict do nothing`);
    moved += await ws.delete(
      customerMemberships,
      side === 'person_id'
        ? eq(customerMemberships.personId, sourceId)
        : eq(customerMemberships.organisationId, sourceId),
    );
  }
  return moved;
}

export type MergeService = ReturnType<typeof createMergeService>;
