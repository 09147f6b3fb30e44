/** Small reads other modules need beside the summary: custom-field values and keys, and a sample of customers. */
import { asc, eq, isNull } from 'drizzle-orm';
import { scoped } from '../../platform/db/scope.ts';
import { errors } from '../../platform/errors.ts';
import type { Context } from './context.ts';
import { customerIdentities, customers } from './schema.ts';
import type { CustomFieldValues } from './types.ts';

export function createFacts(ctx: Context) {
  const { db } = ctx;

  /** A customer's custom-field values; 404 when the workspace has no such customer. */
  async function customFields(workspaceId: string, id: string): Promise<CustomFieldValues> {
    const [row] = await db
      .select({ values: customers.customFields })
      .from(customers)
      .where(scoped(db, workspaceId).where(customers, eq(customers.id, id)));
    if (!row) throw errors.notFound('Customer');
    return row.values;
  }

  /** The keys of the workspace's custom fields. */
  async function fieldKeys(workspaceId: string): Promise<string[]> {
    return (await ctx.fields(workspaceId)).map((f) => f.key);
  }

  /** Up to `limit` live customers with their tier, in id order (for demo data and benchmarks). */
  async function sample(workspaceId: string, limit: number): Promise<{ id: string; tier: string }[]> {
    return db
      .select({ id: customers.id, tier: customers.tier })
      .from(customers)
      .where(scoped(db, workspaceId).where(customers, isNull(customers.mergedInto)))
      .orderBy(asc(customers.id))
      .limit(limit);
  }

  /** The values a customer is reached at on one kind of identity (e-mail addresses, phones), oldest first. */
  async function identityValues(workspaceId: string, id: string, kind: string): Promise<string[]> {
    const rows = await db
      .select({ value: customerIdentities.value })
      .from(customerIdentities)
      .where(
        scoped(db, workspaceId).where(
          customerIdentities,
          eq(customerIdentities.customerId, id),
          eq(customerIdentities.kind, kind),
        ),
      )
      .orderBy(asc(customerIdentities.createdAt), asc(customerIdentities.id));
    return rows.map((r) => r.value);
  }

  return { customFields, fieldKeys, sample, identityValues };
}
