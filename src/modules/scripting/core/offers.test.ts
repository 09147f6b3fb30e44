import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROSS_SELL_THRESHOLD, eligible, type Promotion, topOffers } from './offers.ts';
import { propensity, train } from './propensity.ts';
import { chooseRule, type SelectionRule } from './selection.ts';

const rule = (id: string, priority: number, over: Partial<SelectionRule> = {}): SelectionRule => ({
  id,
  priority,
  scriptId: `script-${id}`,
  queueId: null,
  channel: null,
  reason: null,
  language: null,
  tiers: [],
  ...over,
});
const facts = { queueId: 'reservas', channel: 'voice', reason: 'cambio', language: 'es', tier: 'gold' };

describe('selection rules', () => {
  it('picks the first matching rule in priority order', () => {
    const rules = [rule('c', 30), rule('b', 20, { reason: 'queja' }), rule('a', 10, { tiers: ['platinum'] })];
    expect(chooseRule(rules, facts)?.id).toBe('c');
    expect(chooseRule(rules, { ...facts, tier: 'platinum' })?.id).toBe('a');
    expect(chooseRule(rules, { ...facts, reason: 'QUEJA' })?.id).toBe('b');
  });

  it('answers null when nothing matches, and a criterion never matches a missing fact', () => {
    expect(chooseRule([rule('a', 1, { queueId: 'ventas' })], facts)).toBeNull();
    expect(chooseRule([rule('a', 1, { tiers: ['gold'] })], { ...facts, tier: null })).toBeNull();
  });
});

const baskets = [
  ...Array.from({ length: 6 }, () => ['tiquete', 'seguro']),
  ...Array.from({ length: 4 }, () => ['tiquete']),
  ...Array.from({ length: 5 }, () => ['hotel']),
];

describe('propensity by co-occurrence', () => {
  const model = train(baskets);

  it('explains a score by the owned product that best predicts it', () => {
    const p = propensity(model, new Set(['tiquete']), 'seguro');
    expect(p.score).toBeCloseTo(0.6);
    expect(p.reason).toMatchObject({ kind: 'affinity', because: 'tiquete', confidence: 0.6 });
  });

  it('falls back to the share of buyers when nothing owned predicts it', () => {
    expect(propensity(model, new Set(['hotel']), 'seguro')).toMatchObject({
      reason: { kind: 'popular' },
      score: 6 / 15,
    });
  });

  it('every decline lowers the score', () => {
    fc.assert(
      fc.property(fc.nat(5), (d) => {
        const owned = new Set(['tiquete']);
        expect(propensity(model, owned, 'seguro', d + 1).score).toBeLessThan(
          propensity(model, owned, 'seguro', d).score,
        );
      }),
    );
  });

  it('scores stay between 0 and 1 for any purchase history', () => {
    const products = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(
        fc.array(fc.array(products, { maxLength: 4 }), { maxLength: 30 }),
        fc.array(products),
        (bs, owned) => {
          const m = train(bs);
          for (const y of ['a', 'b', 'c', 'd']) {
            const s = propensity(m, new Set(owned), y).score;
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

const now = new Date('2026-06-01T12:00:00Z');
const promo = (over: Partial<Promotion> = {}): Promotion => ({
  id: 'p1',
  code: 'SEGURO10',
  name: 'Seguro con 10 %',
  product: 'seguro',
  validFrom: new Date('2026-05-01T00:00:00Z'),
  validTo: new Date('2026-07-01T00:00:00Z'),
  tiers: ['gold', 'platinum'],
  segments: [],
  ...over,
});

describe('offers', () => {
  it('a promotion is eligible only while live and for its tiers and segments', () => {
    expect(eligible(promo(), { tier: 'gold', segment: null }, now)).toBe(true);
    expect(eligible(promo(), { tier: 'standard', segment: null }, now)).toBe(false);
    expect(
      eligible(promo({ validTo: new Date('2026-05-31T00:00:00Z') }), { tier: 'gold', segment: null }, now),
    ).toBe(false);
    expect(eligible(promo({ segments: ['corporativo'] }), { tier: 'gold', segment: 'vacacional' }, now)).toBe(
      false,
    );
  });

  it('ranks by score, never offers what the customer owns, and boosts live promotions', () => {
    const input = {
      model: train(baskets),
      owned: new Set(['tiquete']),
      declines: {},
      products: ['tiquete', 'seguro', 'hotel'],
      promotions: [promo()],
      tier: 'gold',
      segment: null,
      now,
      limit: 3,
    };
    const offers = topOffers(input);
    expect(offers.map((o) => o.product)).toEqual(['seguro', 'hotel']);
    expect(offers[0]).toMatchObject({ promotion: { code: 'SEGURO10' }, score: 0.7 });
    expect(offers[0]!.score).toBeGreaterThanOrEqual(CROSS_SELL_THRESHOLD);
    expect(topOffers({ ...input, tier: 'standard' })[0]!.score).toBeCloseTo(0.6);
  });
});
