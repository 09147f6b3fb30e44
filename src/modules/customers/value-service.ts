/**
 * Customer value in the database: recomputing scores and tiers when a customer's inputs change (in the
 * same transaction as the change), the nightly batch that re-derives the tier cut-offs from the whole
 * workspace's distribution, the configurable rule, and purchases as the rule's input.
 */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvents } from '../../platform/events/unit-of-work.ts';
import type { Context } from './context.ts';
import { customerPurchases, customerSettings, customers } from './schema.ts';
import { recordTimelineEntry } from './timeline-service.ts';
import { ruleProblems, tierCutoffs, tierFor, type ValueRule, valueScore } from './value.ts';

const DAY_MS = 86_400_000;
const BATCH = 5_000;

interface InputRow {
  id: string;
  customer_since: Date | string;
  open_debt: string | number;
  score: number;
  tier: string;
  last_at: Date | string | null;
  n: string | number;
  total: string | number;
}

export interface ValueChange {
  id: string;
  score: number;
  tier: string;
  previousTier: string;
}

/** The value rule's inputs for some customers (or, with `afterId`, the next batch of the workspace). */
async function loadInputs(
  db: Db,
  workspaceId: string,
  since: Date,
  filter: { ids?: string[]; afterId?: string },
) {
  const ws = scoped(db, workspaceId);
  const which = filter.ids
    ? sql`customers.id in (${sql.join(
        filter.ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : and(isNull(customers.mergedInto), filter.afterId ? gt(customers.id, filter.afterId) : undefined);
  return queryRows<InputRow>(
    db,
    sql`select customers.id, customers.customer_since, customers.open_debt, customers.score, customers.tier,
          p.last_at, coalesce(p.n, 0) as n, coalesce(p.total, 0) as total
        from customers
        left join lateral (
          select max(at) as last_at, count(*) filter (where at >= ${since}) as n,
                 sum(amount) filter (where at >= ${since}) as total
          from customer_purchases
          where customer_purchases.customer_id = customers.id and customer_purchases.workspace_id = customers.workspace_id
        ) p on true
        where ${ws.where(customers, which)}
        order by customers.id
        ${filter.ids ? sql`` : sql`limit ${BATCH}`}`,
  );
}

function score(rule: ValueRule, row: InputRow, now: Date): number {
  return valueScore(
    rule,
    {
      lastPurchaseAt: row.last_at ? new Date(row.last_at) : null,
      purchasesInWindow: Number(row.n),
      spendInWindow: Number(row.total),
      customerSince: new Date(row.customer_since),
      openDebt: Number(row.open_debt),
    },
    now,
  ).score;
}

async function writeScores(
  tx: Db,
  workspaceId: string,
  rows: { id: string; score: number; tier: string }[],
  now: Date,
) {
  if (rows.length === 0) return;
  const ws = scoped(tx, workspaceId);
  const values = rows.map((r) => sql`(${r.id}::uuid, ${r.score}::float8, ${r.tier}::text)`);
  await tx.execute(sql`
    update customers set score = v.score, tier = v.tier, value_computed_at = ${now}
    from (values ${sql.join(values, sql`, `)}) as v(id, score, tier)
    where ${ws.where(customers)} and customers.id = v.id`);
}

/**
 * Recomputes score and tier of some customers inside the caller's transaction, with the workspace's current
 * cut-offs, and returns those whose tier changed.
 * @example const changed = await recomputeValues(tx, ctx, workspaceId, [customerId]);
 */
export async function recomputeValues(
  tx: Db,
  ctx: Context,
  workspaceId: string,
  ids: string[],
): Promise<ValueChange[]> {
  if (ids.length === 0) return [];
  const now = ctx.clock.now();
  const { rule, cutoffs } = await ctx.valueSettings(workspaceId, tx);
  const rows = await loadInputs(tx, workspaceId, new Date(now.getTime() - rule.windowDays * DAY_MS), { ids });
  const scored = rows.map((r) => {
    const s = score(rule, r, now);
    return { id: r.id, score: s, tier: tierFor(cutoffs, s), previousTier: r.tier };
  });
  await writeScores(tx, workspaceId, scored, now);
  return scored.filter((s) => s.tier !== s.previousTier);
}

export interface PurchaseInput {
  workspaceId: string;
  customerId: string;
  at: Date;
  amount: number;
  currency: string;
  /** The sale's id in its module; recording the same ref twice records it once. */
  refId?: string | null;
  summary?: string;
}

export function createValueService(ctx: Context) {
  const { db, uow, clock, newId } = ctx;

  /**
   * Records a purchase in the caller's transaction: the purchase, its timeline entry and the new value.
   * Returns null when the ref was recorded before.
   */
  async function recordPurchase(
    tx: Db,
    record: RecordEvents,
    p: PurchaseInput,
    actorId: string | null = null,
  ) {
    const ws = scoped(tx, p.workspaceId);
    const id = newId();
    const survivor = sql`(select coalesce(${customers.mergedInto}, ${customers.id}) from ${customers}
      where ${ws.where(customers, eq(customers.id, p.customerId))})`;
    const [row] = await tx
      .insert(customerPurchases)
      .values({
        id,
        workspaceId: p.workspaceId,
        customerId: survivor as unknown as string,
        at: p.at,
        amount: p.amount,
        currency: p.currency,
        refId: p.refId ?? null,
        createdAt: clock.now(),
      })
      .onConflictDoNothing()
      .returning({ customerId: customerPurchases.customerId });
    if (!row) return null;
    await recordTimelineEntry(tx, {
      workspaceId: p.workspaceId,
      customerId: row.customerId,
      at: p.at,
      kind: 'purchase',
      refId: p.refId ?? id,
      summary: p.summary ?? `${p.currency} ${p.amount.toLocaleString('es-CO')}`,
      payload: { amount: p.amount, currency: p.currency },
      actorId,
    });
    const changed = await recomputeValues(tx, ctx, p.workspaceId, [row.customerId]);
    await record({
      workspaceId: p.workspaceId,
      type: 'customer.purchase_recorded',
      subject: 'customer',
      subjectId: row.customerId,
      actorId,
      topics: [`customer:${row.customerId}`],
      payload: { purchaseId: id, tierChanged: changed.length > 0 },
    });
    return { id, customerId: row.customerId };
  }

  async function getRule(workspaceId: string) {
    const settings = await ctx.valueSettings(workspaceId);
    const ws = scoped(db, workspaceId);
    const distribution = await db
      .select({ tier: customers.tier, count: sql<number>`count(*)::int` })
      .from(customers)
      .where(ws.where(customers, isNull(customers.mergedInto)))
      .groupBy(customers.tier)
      .orderBy(asc(customers.tier));
    return {
      rule: settings.rule,
      cutoffs: settings.cutoffs,
      computedAt: settings.computedAt?.toISOString() ?? null,
      distribution,
    };
  }

  async function setRule(workspaceId: string, rule: ValueRule, actorId: string) {
    const problems = ruleProblems(rule);
    if (problems.length > 0)
      throw new AppError('validation.failed', 400, `${problems[0]!.path}: ${problems[0]!.message}`, problems);
    await uow.run(async (tx, record) => {
      await saveSettings(tx, workspaceId, { valueRule: rule, tierCutoffs: [] });
      await record({
        workspaceId,
        type: 'customer.value_rule_changed',
        subject: 'customer',
        actorId,
        payload: {},
      });
    });
    ctx.forget(workspaceId);
    return recomputeWorkspace(workspaceId, actorId);
  }

  async function saveSettings(
    tx: Db,
    workspaceId: string,
    set: {
      valueRule?: ValueRule;
      tierCutoffs: { tier: string; minScore: number }[];
      cutoffsComputedAt?: Date;
    },
  ) {
    const { rule } = await ctx.valueSettings(workspaceId, tx);
    const now = clock.now();
    const changes = {
      tierCutoffs: set.tierCutoffs,
      updatedAt: now,
      ...(set.valueRule ? { valueRule: set.valueRule } : {}),
      ...(set.cutoffsComputedAt ? { cutoffsComputedAt: set.cutoffsComputedAt } : {}),
    };
    await tx
      .insert(customerSettings)
      .values({ workspaceId, valueRule: rule, ...changes })
      .onConflictDoUpdate({ target: customerSettings.workspaceId, set: changes });
  }

  /**
   * The nightly batch for one workspace: every score from the rule, then tier cut-offs from the score
   * distribution (the top 3 % …), then every tier. Batches of 5,000 customers, each its own transaction.
   */
  async function recomputeWorkspace(workspaceId: string, actorId: string | null = null) {
    const now = clock.now();
    const { rule } = await ctx.valueSettings(workspaceId);
    const since = new Date(now.getTime() - rule.windowDays * DAY_MS);
    let afterId: string | undefined;
    let scored = 0;
    for (;;) {
      const rows = await loadInputs(db, workspaceId, since, afterId ? { afterId } : {});
      if (rows.length === 0) break;
      await db.transaction(async (tx) =>
        writeScores(
          tx as unknown as Db,
          workspaceId,
          rows.map((r) => ({ id: r.id, score: score(rule, r, now), tier: r.tier })),
          now,
        ),
      );
      scored += rows.length;
      afterId = rows[rows.length - 1]!.id;
      if (rows.length < BATCH) break;
    }
    const ws = scoped(db, workspaceId);
    const fractions = rule.tiers.map((t) => 1 - t.topPercent / 100);
    const [percentiles] = await queryRows<{ p: number[] | null }>(
      db,
      sql`select percentile_disc(${sql.raw(`array[${fractions.map((f) => f.toFixed(6)).join(',')}]::float8[]`)})
            within group (order by score) as p
          from customers where ${ws.where(customers, isNull(customers.mergedInto))}`,
    );
    const cutoffs = tierCutoffs(rule, percentiles?.p ?? []);
    const tierCase = sql.join(
      [
        sql`case`,
        ...cutoffs.map((c) => sql`when score >= ${c.minScore} then ${c.tier}`),
        sql`else 'standard' end`,
      ],
      sql` `,
    );
    const changed = await uow.run(async (tx, record) => {
      const result = await tx.execute(sql`
        update customers set tier = ${tierCase}
        where ${ws.where(customers, isNull(customers.mergedInto))} and tier is distinct from (${tierCase})`);
      await saveSettings(tx, workspaceId, { tierCutoffs: cutoffs, cutoffsComputedAt: now });
      const n =
        (result as unknown as { rowCount?: number; affectedRows?: number }).rowCount ??
        (result as { affectedRows?: number }).affectedRows ??
        0;
      await record({
        workspaceId,
        type: 'customer.values_recomputed',
        subject: 'customer',
        actorId,
        payload: { customers: scored, tiersChanged: n, cutoffs },
      });
      return n;
    });
    ctx.forget(workspaceId);
    return { customers: scored, tiersChanged: changed, cutoffs };
  }

  /** The nightly batch for every workspace; scheduling it is the jobs module's business. */
  async function nightly() {
    const results: { workspaceId: string; customers: number; tiersChanged: number }[] = [];
    for (const workspace of await ctx.workspaces.list()) {
      const r = await recomputeWorkspace(workspace.id);
      results.push({ workspaceId: workspace.id, customers: r.customers, tiersChanged: r.tiersChanged });
    }
    return results;
  }

  async function addPurchase(
    workspaceId: string,
    customerId: string,
    input: Omit<PurchaseInput, 'workspaceId' | 'customerId'>,
    actorId: string,
  ) {
    const currency = input.currency.toUpperCase();
    return uow.run(async (tx, record) => {
      const row = await tx
        .select({ id: customers.id, mergedInto: customers.mergedInto, erasedAt: customers.erasedAt })
        .from(customers)
        .where(scoped(tx, workspaceId).where(customers, eq(customers.id, customerId)));
      if (!row[0]) throw new AppError('not_found', 404, 'Customer not found');
      if (!/^[A-Z]{3}$/.test(currency)) {
        throw new AppError('validation.failed', 400, 'currency: must be a three-letter code such as COP', [
          { path: '/currency', message: 'must be a three-letter code such as COP' },
        ]);
      }
      const result = await recordPurchase(
        tx,
        record,
        { ...input, currency, workspaceId, customerId },
        actorId,
      );
      if (!result)
        throw new AppError('customers.purchase_recorded', 409, `Purchase ${input.refId} was recorded before`);
      return result;
    });
  }

  return {
    recordPurchase,
    addPurchase,
    recompute: recomputeValues,
    getRule,
    setRule,
    recomputeWorkspace,
    nightly,
  };
}

export type ValueService = ReturnType<typeof createValueService>;
