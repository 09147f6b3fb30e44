/**
 * Next best action: the product catalogue, promotions, the propensity model (trained from order lines),
 * the top offers for a customer and the record of offers accepted (leads) and declined.
 */
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { RecordEvents } from '../../platform/events/unit-of-work.ts';
import type { CustomerSummary } from '../customers/index.ts';
import { workspaceCache } from './cache.ts';
import { type ScriptingDeps, SEGMENT_FIELD } from './context.ts';
import { CROSS_SELL_THRESHOLD, topOffers } from './core/offers.ts';
import type { AffinityModel, Reason } from './core/propensity.ts';
import {
  scriptingModels,
  scriptingOfferResponses,
  scriptingProducts,
  scriptingPromotions,
} from './schema.ts';
import { trainModel } from './training.ts';

const CACHE_MS = 5_000;
const DECLINE_MEMORY_DAYS = 180;
const NO_FIELDS: Record<string, string | number | boolean> = {};
const EMPTY_MODEL: AffinityModel = { customers: 0, buyers: {}, pairs: {} };

export interface PromotionInput {
  code: string;
  name: string;
  product: string;
  validFrom: string;
  validTo: string;
  tiers?: string[];
  segments?: string[];
}

/** "Bought X; 42 % of customers who did also bought Y", in words an agent can say. */
export function reasonText(reason: Reason, names: Map<string, string>, product: string): string {
  const y = names.get(product) ?? product;
  const why = whyOf(reason, names);
  return why.kind === 'affinity'
    ? `Bought ${why.becauseName}; ${why.percent} % of customers who did also bought ${y}`
    : `${why.percent} % of customers bought ${y}`;
}

/** The reason's parts, so that a screen can say it in its own language. */
export function whyOf(reason: Reason, names: Map<string, string>) {
  return reason.kind === 'affinity'
    ? {
        kind: 'affinity' as const,
        percent: Math.round(reason.confidence * 100),
        becauseName: names.get(reason.because) ?? reason.because,
      }
    : { kind: 'popular' as const, percent: Math.round(reason.share * 100), becauseName: null };
}

export function createOffersService(deps: ScriptingDeps) {
  const { db, uow, clock, newId } = deps;
  const common = workspaceCache(deps.clock, CACHE_MS, async (workspaceId) => {
    const [model] = await db
      .select({ model: scriptingModels.model, trainedAt: scriptingModels.trainedAt })
      .from(scriptingModels)
      .where(scoped(db, workspaceId).where(scriptingModels));
    const [promotions, products] = await Promise.all([
      listPromotions(workspaceId),
      listProducts(workspaceId),
    ]);
    return {
      model: model?.model ?? EMPTY_MODEL,
      trainedAt: model?.trainedAt ?? null,
      promotions: promotions.map((p) => ({
        ...p,
        validFrom: new Date(p.validFrom),
        validTo: new Date(p.validTo),
      })),
      names: new Map(products.map((p) => [p.code, p.name])),
    };
  });

  /** Model, promotions and catalogue of a workspace, cached (dropped on every change made here). */
  const shared = common.get;

  /**
   * What a customer owns and declined lately, in one round trip of two index lookups
   * (`scripting_order_lines_customer` covers the products, so it reads no table rows).
   */
  async function history(workspaceId: string, customerId: string) {
    const since = new Date(clock.now().getTime() - DECLINE_MEMORY_DAYS * 86_400_000);
    const rows = await queryRows<{ product: string; declines: number }>(
      db,
      sql`select product, 0 as declines from scripting_order_lines
          where workspace_id = ${workspaceId} and customer_id = ${customerId}
          union all
          select product, count(*)::int from scripting_offer_responses
          where workspace_id = ${workspaceId} and customer_id = ${customerId}
            and response = 'declined' and at >= ${since.toISOString()}
          group by product`,
    );
    const owned = new Set<string>();
    const declines: Record<string, number> = {};
    for (const r of rows) {
      if (r.declines > 0) declines[r.product] = r.declines;
      else owned.add(r.product);
    }
    return { owned, declines };
  }

  async function listProducts(workspaceId: string) {
    return db
      .select({ code: scriptingProducts.code, name: scriptingProducts.name })
      .from(scriptingProducts)
      .where(scoped(db, workspaceId).where(scriptingProducts))
      .orderBy(asc(scriptingProducts.code));
  }

  async function putProduct(workspaceId: string, code: string, name: string) {
    await db
      .insert(scriptingProducts)
      .values({ workspaceId, code, name })
      .onConflictDoUpdate({ target: [scriptingProducts.workspaceId, scriptingProducts.code], set: { name } });
    common.invalidate(workspaceId);
    return { code, name };
  }

  async function listPromotions(workspaceId: string) {
    const rows = await db
      .select()
      .from(scriptingPromotions)
      .where(scoped(db, workspaceId).where(scriptingPromotions))
      .orderBy(desc(scriptingPromotions.validFrom));
    return rows.map(({ workspaceId: _w, createdAt: _c, ...p }) => ({
      ...p,
      validFrom: p.validFrom.toISOString(),
      validTo: p.validTo.toISOString(),
    }));
  }

  async function createPromotion(workspaceId: string, input: PromotionInput, actorId: string | null) {
    if (Date.parse(input.validTo) <= Date.parse(input.validFrom))
      throw new AppError('scripting.inverted_dates', 400, 'validTo must be after validFrom', [
        { path: '/validTo', message: 'must be after validFrom' },
      ]);
    const products = await listProducts(workspaceId);
    if (!products.some((p) => p.code === input.product))
      throw new AppError('scripting.unknown_product', 400, `There is no product "${input.product}"`, [
        { path: '/product', message: 'is not in the catalogue' },
      ]);
    const id = newId();
    await uow.run(async (tx, record) => {
      const [taken] = await tx
        .select({ id: scriptingPromotions.id })
        .from(scriptingPromotions)
        .where(scoped(tx, workspaceId).where(scriptingPromotions, eq(scriptingPromotions.code, input.code)));
      if (taken)
        throw errors.conflict('scripting.promotion_taken', `A promotion with code ${input.code} exists`);
      await scoped(tx, workspaceId).insert(scriptingPromotions, {
        id,
        code: input.code,
        name: input.name,
        product: input.product,
        validFrom: new Date(input.validFrom),
        validTo: new Date(input.validTo),
        tiers: input.tiers ?? [],
        segments: input.segments ?? [],
        createdAt: clock.now(),
      });
      await record({
        workspaceId,
        type: 'scripting.promotion_created',
        subject: 'promotion',
        subjectId: id,
        actorId,
      });
    });
    common.invalidate(workspaceId);
    return (await listPromotions(workspaceId)).find((p) => p.id === id)!;
  }

  async function deletePromotion(workspaceId: string, id: string) {
    const n = await scoped(db, workspaceId).delete(scriptingPromotions, eq(scriptingPromotions.id, id));
    if (n === 0) throw errors.notFound('Promotion');
    common.invalidate(workspaceId);
  }

  /** Retrains a workspace's model from every customer's set of products. */
  async function trainWorkspace(workspaceId: string) {
    const result = await trainModel(db, clock, workspaceId);
    common.invalidate(workspaceId);
    return result;
  }

  /** Retrains every workspace's model (the command and the schedule). */
  async function trainAll() {
    const results = [];
    for (const w of await deps.workspaces.list())
      results.push({ workspaceId: w.id, ...(await trainWorkspace(w.id)) });
    return results;
  }

  /**
   * The top offers for a customer, each with its reason, and whether now is a good moment to cross-sell.
   * The customer's summary, when the caller reads it anyway, is shared rather than read twice.
   */
  async function offersFor(
    workspaceId: string,
    customerId: string,
    limit = 3,
    summary?: Promise<CustomerSummary>,
  ) {
    const cached = await shared(workspaceId);
    const now = clock.now();
    // The segment is a custom field: read only when a live promotion asks for one.
    const needsSegment = cached.promotions.some(
      (p) => p.segments.length > 0 && p.validFrom <= now && now < p.validTo,
    );
    const facts = (id: string) =>
      Promise.all([
        needsSegment ? deps.customers.customFields(workspaceId, id) : NO_FIELDS,
        history(workspaceId, id),
      ]);
    const [customer, early] = await Promise.all([
      summary ?? deps.customers.getCustomerSummary(workspaceId, customerId),
      facts(customerId),
    ]);
    // A merged customer's summary is the survivor's: then read the survivor's facts instead.
    const [fields, { owned, declines }] = customer.id === customerId ? early : await facts(customer.id);
    const segment = fields[SEGMENT_FIELD];
    const offers = topOffers({
      model: cached.model,
      owned,
      declines,
      products: [...cached.names.keys()],
      promotions: cached.promotions,
      tier: customer.tier,
      segment: typeof segment === 'string' ? segment : null,
      now,
      limit,
    });
    return {
      customerId: customer.id,
      offers: offers.map((o) => ({
        product: o.product,
        productName: cached.names.get(o.product) ?? o.product,
        score: Math.round(o.score * 1000) / 1000,
        reason: reasonText(o.reason, cached.names, o.product),
        because: o.reason.kind === 'affinity' ? o.reason.because : null,
        why: whyOf(o.reason, cached.names),
        declines: o.declines,
        promotion: o.promotion,
      })),
      crossSell: (offers[0]?.score ?? 0) >= CROSS_SELL_THRESHOLD,
      trainedAt: cached.trainedAt?.toISOString() ?? null,
    };
  }

  /** Records an offer's answer; an accepted one is a lead for sales and shows on the customer's timeline. */
  async function respond(
    workspaceId: string,
    input: {
      customerId: string;
      interactionId?: string | null;
      product: string;
      response: 'accepted' | 'declined';
    },
    actorId: string | null,
  ) {
    const customer = await deps.customers.getCustomerSummary(workspaceId, input.customerId);
    if (input.interactionId) await deps.interactions.get(workspaceId, input.interactionId);
    const current = await offersFor(workspaceId, customer.id, 1000);
    const offer = current.offers.find((o) => o.product === input.product);
    const common = await shared(workspaceId);
    if (!common.names.has(input.product))
      throw new AppError('scripting.unknown_product', 400, `There is no product "${input.product}"`);
    const id = newId();
    const at = clock.now();
    await uow.run(async (tx, record) => {
      await scoped(tx, workspaceId).insert(scriptingOfferResponses, {
        id,
        customerId: customer.id,
        interactionId: input.interactionId ?? null,
        product: input.product,
        response: input.response,
        promotionId: offer?.promotion?.id ?? null,
        score: offer?.score ?? 0,
        reason: null,
        actorId,
        at,
      });
      await deps.recordTimelineEntry(tx, {
        workspaceId,
        customerId: customer.id,
        at,
        kind: 'offer',
        refId: id,
        summary: `${input.response === 'accepted' ? 'Accepted' : 'Declined'}: ${common.names.get(input.product)}`,
        payload: { product: input.product, response: input.response, reason: offer?.reason ?? null },
        actorId,
      });
      await record({
        workspaceId,
        type: `scripting.offer_${input.response}`,
        subject: 'customer',
        subjectId: customer.id,
        actorId,
        topics: [`customer:${customer.id}`],
        payload: { responseId: id, product: input.product, interactionId: input.interactionId ?? null },
      });
    });
    return {
      id,
      customerId: customer.id,
      interactionId: input.interactionId ?? null,
      product: input.product,
      response: input.response,
      score: offer?.score ?? 0,
      at: at.toISOString(),
    };
  }

  /** Records a lead (an accepted offer) in the caller's transaction, as a script's create_lead action does. */
  async function recordLead(
    tx: Db,
    record: RecordEvents,
    workspaceId: string,
    lead: { customerId: string; interactionId: string | null; product: string; actorId: string | null },
  ) {
    const id = newId();
    const at = clock.now();
    await scoped(tx, workspaceId).insert(scriptingOfferResponses, {
      id,
      customerId: lead.customerId,
      interactionId: lead.interactionId,
      product: lead.product,
      response: 'accepted',
      promotionId: null,
      score: 0,
      reason: null,
      actorId: lead.actorId,
      at,
    });
    await deps.recordTimelineEntry(tx, {
      workspaceId,
      customerId: lead.customerId,
      at,
      kind: 'offer',
      refId: id,
      summary: `Lead: ${lead.product}`,
      payload: { product: lead.product, response: 'accepted' },
      actorId: lead.actorId,
    });
    await record({
      workspaceId,
      type: 'scripting.offer_accepted',
      subject: 'customer',
      subjectId: lead.customerId,
      actorId: lead.actorId,
      topics: [`customer:${lead.customerId}`],
      payload: { responseId: id, product: lead.product, interactionId: lead.interactionId },
    });
    return id;
  }

  /** Accepted offers, newest first: the leads sales will pick up. */
  async function leads(workspaceId: string, limit = 100) {
    const rows = await db
      .select({
        id: scriptingOfferResponses.id,
        customerId: scriptingOfferResponses.customerId,
        interactionId: scriptingOfferResponses.interactionId,
        product: scriptingOfferResponses.product,
        response: scriptingOfferResponses.response,
        score: scriptingOfferResponses.score,
        at: scriptingOfferResponses.at,
      })
      .from(scriptingOfferResponses)
      .where(
        scoped(db, workspaceId).where(
          scriptingOfferResponses,
          eq(scriptingOfferResponses.response, 'accepted'),
        ),
      )
      .orderBy(desc(scriptingOfferResponses.at))
      .limit(limit);
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }

  /** Which of these interactions produced a lead. */
  async function leadInteractions(workspaceId: string, interactionIds: string[]): Promise<string[]> {
    if (interactionIds.length === 0) return [];
    const rows = await db
      .selectDistinct({ id: scriptingOfferResponses.interactionId })
      .from(scriptingOfferResponses)
      .where(
        scoped(db, workspaceId).where(
          scriptingOfferResponses,
          eq(scriptingOfferResponses.response, 'accepted'),
          inArray(scriptingOfferResponses.interactionId, interactionIds),
        ),
      );
    return rows.flatMap((r) => (r.id ? [r.id] : []));
  }

  return {
    leadInteractions,
    recordLead,
    listProducts,
    putProduct,
    listPromotions,
    createPromotion,
    deletePromotion,
    trainWorkspace,
    trainAll,
    offersFor,
    respond,
    leads,
    shared,
  };
}

export type OffersService = ReturnType<typeof createOffersService>;
