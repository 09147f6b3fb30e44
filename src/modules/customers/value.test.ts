import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VALUE_RULE, floorCutoffs, ruleProblems, tierCutoffs, tierFor, valueScore } from './value.ts';

const now = new Date('2026-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const inputs = {
  lastPurchaseAt: null,
  purchasesInWindow: 0,
  spendInWindow: 0,
  customerSince: now,
  openDebt: 0,
};

describe('the value score', () => {
  it('is 0 for a new customer who never bought', () => {
    expect(valueScore(DEFAULT_VALUE_RULE, inputs, now)).toEqual({
      score: 0,
      components: { recency: 0, frequency: 0, monetary: 0, tenure: 0, debt: 0 },
    });
  });

  it('rewards recent, frequent, large purchases and tenure', () => {
    const loyal = valueScore(
      DEFAULT_VALUE_RULE,
      {
        lastPurchaseAt: daysAgo(3),
        purchasesInWindow: 6,
        spendInWindow: 12_000_000,
        customerSince: daysAgo(4 * 365),
        openDebt: 0,
      },
      now,
    );
    expect(loyal.score).toBeGreaterThan(85);
    expect(loyal.components.tenure).toBe(1);
  });

  it('recency halves every half-life', () => {
    const { components } = valueScore(DEFAULT_VALUE_RULE, { ...inputs, lastPurchaseAt: daysAgo(90) }, now);
    expect(components.recency).toBeCloseTo(0.5, 6);
  });

  it('stays within 0–100, rises with spend and falls with debt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e8 }),
        fc.integer({ min: 1, max: 1e8 }),
        (ago, count, spend, debt, more) => {
          const base = {
            lastPurchaseAt: daysAgo(ago),
            purchasesInWindow: count,
            spendInWindow: spend,
            customerSince: daysAgo(ago),
            openDebt: debt,
          };
          const s = valueScore(DEFAULT_VALUE_RULE, base, now).score;
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
          expect(
            valueScore(DEFAULT_VALUE_RULE, { ...base, spendInWindow: spend + more }, now).score,
          ).toBeGreaterThanOrEqual(s);
          expect(
            valueScore(DEFAULT_VALUE_RULE, { ...base, openDebt: debt + more }, now).score,
          ).toBeLessThanOrEqual(s);
        },
      ),
    );
  });
});

describe('tiers', () => {
  it('cut-offs come from the distribution but never fall below a tier’s floor', () => {
    expect(tierCutoffs(DEFAULT_VALUE_RULE, [72, 20, 4])).toEqual([
      { tier: 'platinum', minScore: 72 },
      { tier: 'gold', minScore: 30 },
      { tier: 'silver', minScore: 10 },
    ]);
    expect(tierCutoffs(DEFAULT_VALUE_RULE, [])[0]).toEqual({
      tier: 'platinum',
      minScore: Number.POSITIVE_INFINITY,
    });
  });

  it('a score takes the first tier whose cut-off it reaches, else standard', () => {
    const cutoffs = floorCutoffs(DEFAULT_VALUE_RULE);
    expect([95, 50, 49.99, 30, 12, 9].map((s) => tierFor(cutoffs, s))).toEqual([
      'platinum',
      'platinum',
      'gold',
      'gold',
      'silver',
      'standard',
    ]);
  });

  it('a rule with tiers out of order, repeated keys or nothing to weigh is refused', () => {
    expect(ruleProblems(DEFAULT_VALUE_RULE)).toEqual([]);
    const bad = {
      ...DEFAULT_VALUE_RULE,
      monetaryScale: 0,
      weights: { recency: 0, frequency: 0, monetary: 0, tenure: 0, debt: 1 },
      tiers: [
        { key: 'gold', topPercent: 10, minScore: 0 },
        { key: 'gold', topPercent: 5, minScore: 0 },
      ],
    };
    expect(ruleProblems(bad).map((p) => p.path)).toEqual([
      '/monetaryScale',
      '/weights',
      '/tiers/1/key',
      '/tiers/1/topPercent',
    ]);
  });
});
