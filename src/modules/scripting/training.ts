/** Training the propensity model of a workspace from its order lines: what the command and the schedule run. */
import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { train } from './core/propensity.ts';
import { scriptingModels } from './schema.ts';

/**
 * Counts every customer's set of products into a co-occurrence model and stores it.
 * @example await trainModel(db, clock, workspaceId) // { customers: 2400, products: 6, trainedAt: '…' }
 */
export async function trainModel(db: Db, clock: Clock, workspaceId: string) {
  const rows = await queryRows<{ products: string[] }>(
    db,
    sql`select array_agg(distinct product) as products from scripting_order_lines
        where workspace_id = ${workspaceId} group by customer_id`,
  );
  const model = train(rows.map((r) => r.products));
  const now = clock.now();
  await db
    .insert(scriptingModels)
    .values({ workspaceId, model, trainedAt: now })
    .onConflictDoUpdate({ target: scriptingModels.workspaceId, set: { model, trainedAt: now } });
  return {
    customers: model.customers,
    products: Object.keys(model.buyers).length,
    trainedAt: now.toISOString(),
  };
}
