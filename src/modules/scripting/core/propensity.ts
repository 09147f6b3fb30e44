/**
 * Propensity to buy by co-occurrence ("customers who bought X also bought Y"), the explainable method:
 * training counts, for every pair of products, how many customers bought both; the score of product Y for
 * a customer is the highest confidence P(Y | X) over the products X the customer owns, so the reason is
 * always one product and one share ("bought X; 42 % of customers who did also bought Y"). A customer who
 * owns nothing gets Y's share among all buyers ("popular"). Each decline of Y halves its score. Pure.
 */

/** The trained model: buyers per product and buyers of both per ordered pair. */
export interface AffinityModel {
  customers: number;
  buyers: Record<string, number>;
  /** `pairs[x][y]`: customers who bought both x and y. */
  pairs: Record<string, Record<string, number>>;
}

/** Pairs seen fewer times than this are noise and not used as a reason. */
export const MIN_SUPPORT = 3;
/** How much one decline multiplies the score by. */
export const DECLINE_FACTOR = 0.5;

/**
 * Counts a model from each customer's set of products.
 * @example train([['seguro', 'tiquete'], ['tiquete']]) // buyers: { tiquete: 2, seguro: 1 }, pairs …
 */
export function train(baskets: Iterable<Iterable<string>>): AffinityModel {
  const model: AffinityModel = { customers: 0, buyers: {}, pairs: {} };
  for (const basket of baskets) {
    const items = [...new Set(basket)];
    if (items.length === 0) continue;
    model.customers++;
    for (const x of items) {
      model.buyers[x] = (model.buyers[x] ?? 0) + 1;
      model.pairs[x] ??= {};
      const row = model.pairs[x];
      for (const y of items) if (y !== x) row[y] = (row[y] ?? 0) + 1;
    }
  }
  return model;
}

export type Reason =
  | { kind: 'affinity'; because: string; confidence: number; lift: number }
  | { kind: 'popular'; share: number };

export interface Propensity {
  product: string;
  score: number;
  reason: Reason;
  declines: number;
}

/**
 * The propensity of one product for a customer who owns `owned` and declined it `declines` times.
 * @example propensity(model, new Set(['tiquete']), 'seguro', 0) // { score: 0.42, reason: { kind: 'affinity', because: 'tiquete', … } }
 */
export function propensity(
  model: AffinityModel,
  owned: Set<string>,
  product: string,
  declines = 0,
): Propensity {
  const buyersOfY = model.buyers[product] ?? 0;
  const base = model.customers > 0 ? buyersOfY / model.customers : 0;
  let best: Reason = { kind: 'popular', share: base };
  let score = base;
  for (const x of owned) {
    const both = model.pairs[x]?.[product] ?? 0;
    if (both < MIN_SUPPORT) continue;
    const confidence = both / model.buyers[x]!;
    if (confidence > score) {
      score = confidence;
      best = { kind: 'affinity', because: x, confidence, lift: base > 0 ? confidence / base : 0 };
    }
  }
  return { product, score: score * DECLINE_FACTOR ** declines, reason: best, declines };
}
