/** Promotions a customer may have, and the top offers: propensity plus eligible promotions. Pure. */
import { type AffinityModel, type Propensity, propensity } from './propensity.ts';

export interface Promotion {
  id: string;
  code: string;
  name: string;
  product: string;
  validFrom: Date;
  validTo: Date;
  /** Empty: every tier. */
  tiers: string[];
  /** Values of the customer's segment field; empty: every segment. */
  segments: string[];
}

/** An eligible promotion adds this much to its product's score, so a live promotion is worth offering. */
export const PROMOTION_BOOST = 0.1;
/** A top offer scoring at least this makes a live contact a good moment to cross-sell. */
export const CROSS_SELL_THRESHOLD = 0.3;

/**
 * Whether a promotion is live at `now` and open to a customer of `tier` in `segment`.
 * @example eligible(promo, { tier: 'gold', segment: 'vacacional' }, now)
 */
export function eligible(p: Promotion, who: { tier: string; segment: string | null }, now: Date): boolean {
  return (
    p.validFrom.getTime() <= now.getTime() &&
    now.getTime() <= p.validTo.getTime() &&
    (p.tiers.length === 0 || p.tiers.includes(who.tier)) &&
    (p.segments.length === 0 || (who.segment !== null && p.segments.includes(who.segment)))
  );
}

export interface Offer extends Propensity {
  promotion: { id: string; code: string; name: string } | null;
}

export interface OfferInput {
  model: AffinityModel;
  /** Products the customer owns (never offered again). */
  owned: Set<string>;
  /** Declines per product. */
  declines: Record<string, number>;
  /** Products that may be offered (the catalogue). */
  products: string[];
  promotions: Promotion[];
  tier: string;
  segment: string | null;
  now: Date;
  limit: number;
}

/**
 * The best offers for a customer, highest score first, each with its reason and its live promotion.
 * @example topOffers({ model, owned, declines: {}, products, promotions, tier: 'gold', segment: null, now, limit: 3 })
 */
export function topOffers(input: OfferInput): Offer[] {
  const live = new Map<string, Promotion>();
  for (const p of input.promotions)
    if (eligible(p, input, input.now) && !live.has(p.product)) live.set(p.product, p);
  const offers: Offer[] = [];
  for (const product of input.products) {
    if (input.owned.has(product)) continue;
    const base = propensity(input.model, input.owned, product, input.declines[product] ?? 0);
    const promo = live.get(product);
    if (base.score <= 0 && !promo) continue;
    offers.push({
      ...base,
      score: Math.min(1, base.score + (promo ? PROMOTION_BOOST : 0)),
      promotion: promo ? { id: promo.id, code: promo.code, name: promo.name } : null,
    });
  }
  offers.sort((a, b) => b.score - a.score || (a.product < b.product ? -1 : 1));
  return offers.slice(0, input.limit);
}
