/** Reviewing candidate duplicates: the open pairs with both sides described, and dismissing a pair. */
import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isUuid } from '../../platform/clock.ts';
import { scoped } from '../../platform/db/scope.ts';
import { errors } from '../../platform/errors.ts';
import { type PageRequest, toPage } from '../../platform/http/pagination.ts';
import type { Context } from './context.ts';
import { customerDuplicates, customers } from './schema.ts';
import { identitiesOf, loadRow } from './store.ts';

const a = alias(customers, 'a');
const b = alias(customers, 'b');

export function createDuplicatesService(ctx: Context) {
  const { db, uow, clock } = ctx;

  async function query(workspaceId: string, page: PageRequest, customerId?: string) {
    const ws = scoped(db, workspaceId);
    const [afterId] = page.after ?? [];
    const rows = await db
      .select({
        id: customerDuplicates.id,
        reason: customerDuplicates.reason,
        similarity: customerDuplicates.similarity,
        createdAt: customerDuplicates.createdAt,
        a: { id: a.id, name: a.name, kind: a.kind, tier: a.tier, createdAt: a.createdAt },
        b: { id: b.id, name: b.name, kind: b.kind, tier: b.tier, createdAt: b.createdAt },
      })
      .from(customerDuplicates)
      .innerJoin(
        a,
        and(eq(a.id, customerDuplicates.customerA), eq(a.workspaceId, customerDuplicates.workspaceId)),
      )
      .innerJoin(
        b,
        and(eq(b.id, customerDuplicates.customerB), eq(b.workspaceId, customerDuplicates.workspaceId)),
      )
      .where(
        ws.where(
          customerDuplicates,
          eq(customerDuplicates.status, 'open'),
          customerId
            ? or(eq(customerDuplicates.customerA, customerId), eq(customerDuplicates.customerB, customerId))
            : undefined,
          typeof afterId === 'string' && isUuid(afterId) ? lt(customerDuplicates.id, afterId) : undefined,
        ),
      )
      .orderBy(desc(customerDuplicates.id))
      .limit(page.limit + 1);
    const result = toPage(rows, page.limit, (r) => [r.id]);
    const ids = result.items.flatMap((r) => [r.a.id, r.b.id]);
    const identities = await identitiesOf(db, workspaceId, ids);
    const side = (c: (typeof rows)[number]['a']) => ({
      ...c,
      createdAt: c.createdAt.toISOString(),
      identities: identities
        .filter((i) => i.customerId === c.id)
        .map((i) => ({ kind: i.kind, display: i.display })),
    });
    return {
      items: result.items.map((r) => ({
        id: r.id,
        reason: r.reason,
        similarity: r.similarity,
        createdAt: r.createdAt.toISOString(),
        a: side(r.a),
        b: side(r.b),
      })),
      nextCursor: result.nextCursor,
    };
  }

  /** Open candidate pairs of the workspace, newest first. */
  const list = (workspaceId: string, page: PageRequest) => query(workspaceId, page);

  /** Open candidate pairs that involve one customer. */
  async function listFor(workspaceId: string, customerId: string, page: PageRequest) {
    await loadRow(db, workspaceId, customerId);
    return query(workspaceId, page, customerId);
  }

  /** Marks a pair as not a duplicate; it is not proposed again. */
  async function dismiss(workspaceId: string, pairId: string, actorId: string): Promise<void> {
    await uow.run(async (tx, record) => {
      const changed = await scoped(tx, workspaceId).update(
        customerDuplicates,
        { status: 'dismissed', resolvedAt: clock.now(), resolvedBy: actorId },
        eq(customerDuplicates.id, pairId),
        eq(customerDuplicates.status, 'open'),
      );
      if (changed === 0) throw errors.notFound('Duplicate candidate');
      await record({
        workspaceId,
        type: 'customer.duplicate_dismissed',
        subject: 'customer',
        actorId,
        payload: { pairId },
      });
    });
  }

  /** Closes every open pair of these customers (after a merge or an erasure). */
  async function close(
    tx: Parameters<Parameters<typeof uow.run>[0]>[0],
    workspaceId: string,
    ids: string[],
    actorId: string | null,
  ) {
    await scoped(tx, workspaceId).update(
      customerDuplicates,
      { status: 'merged', resolvedAt: clock.now(), resolvedBy: actorId },
      eq(customerDuplicates.status, 'open'),
      or(inArray(customerDuplicates.customerA, ids), inArray(customerDuplicates.customerB, ids))!,
    );
  }

  return { list, listFor, dismiss, close };
}

export type DuplicatesService = ReturnType<typeof createDuplicatesService>;
