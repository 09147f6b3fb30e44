/**
 * Customer value: a score from 0 to 100 by a configurable rule over recency, frequency and monetary value of
 * purchases, tenure and open debt, and tiers on top of it (the top few per cent are "platinum"). Pure; the
 * rule is documented in docs/customers.md.
 */
import type { FieldProblem } from './types.ts';

export interface TierRule {
  key: string;
  /** The best `topPercent` per cent of scored customers reach this tier… */
  topPercent: number;
  /** …provided their score is at least this (so a workspace of zeros has no platinum). */
  minScore: number;
}

export interface ValueRule {
  /** Purchases within this many days count for frequency and monetary value. */
  windowDays: number;
  /** Recency halves every this many days since the last purchase. */
  recencyHalfLifeDays: number;
  /** Purchases in the window at which frequency reaches 63 % (1 − 1/e); it saturates towards 100 %. */
  frequencyScale: number;
  /** Spend in the window at which monetary value reaches 63 %. */
  monetaryScale: number;
  /** Days as a customer at which tenure is full. */
  tenureFullDays: number;
  /** Open debt at which the debt penalty reaches 63 %. */
  debtScale: number;
  weights: { recency: number; frequency: number; monetary: number; tenure: number; debt: number };
  /** Best first; customers below every tier are "standard". */
  tiers: TierRule[];
}

export const DEFAULT_VALUE_RULE: ValueRule = {
  windowDays: 365,
  recencyHalfLifeDays: 90,
  frequencyScale: 4,
  monetaryScale: 5_000_000,
  tenureFullDays: 3 * 365,
  debtScale: 2_000_000,
  weights: { recency: 0.25, frequency: 0.25, monetary: 0.35, tenure: 0.15, debt: 0.3 },
  tiers: [
    { key: 'platinum', topPercent: 3, minScore: 50 },
    { key: 'gold', topPercent: 10, minScore: 30 },
    { key: 'silver', topPercent: 30, minScore: 10 },
  ],
};

export const BASE_TIER = 'standard';

export interface ValueInputs {
  lastPurchaseAt: Date | null;
  purchasesInWindow: number;
  spendInWindow: number;
  customerSince: Date;
  openDebt: number;
}

export interface ValueComponents {
  recency: number;
  frequency: number;
  monetary: number;
  tenure: number;
  debt: number;
}

const DAY_MS = 86_400_000;
const saturate = (x: number, scale: number) => (x <= 0 ? 0 : 1 - Math.exp(-x / scale));
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The score (0–100) and its components (each 0–1).
 * @example valueScore(DEFAULT_VALUE_RULE, { lastPurchaseAt: now, purchasesInWindow: 4, spendInWindow: 5e6,
 *   customerSince: threeYearsAgo, openDebt: 0 }, now).score // ≈ 73
 */
export function valueScore(
  rule: ValueRule,
  inputs: ValueInputs,
  now: Date,
): { score: number; components: ValueComponents } {
  const sinceLast = inputs.lastPurchaseAt
    ? Math.max(0, now.getTime() - inputs.lastPurchaseAt.getTime()) / DAY_MS
    : null;
  const components: ValueComponents = {
    recency: sinceLast === null ? 0 : 0.5 ** (sinceLast / rule.recencyHalfLifeDays),
    frequency: saturate(inputs.purchasesInWindow, rule.frequencyScale),
    monetary: saturate(inputs.spendInWindow, rule.monetaryScale),
    tenure: Math.min(
      1,
      Math.max(0, now.getTime() - inputs.customerSince.getTime()) / DAY_MS / rule.tenureFullDays,
    ),
    debt: saturate(inputs.openDebt, rule.debtScale),
  };
  const w = rule.weights;
  const positive = w.recency + w.frequency + w.monetary + w.tenure;
  const raw =
    (w.recency * components.recency +
      w.frequency * components.frequency +
      w.monetary * components.monetary +
      w.tenure * components.tenure -
      w.debt * components.debt) /
    (positive || 1);
  return { score: round2(Math.min(100, Math.max(0, raw * 100))), components };
}

export type TierCutoffs = { tier: string; minScore: number }[];

/**
 * Cut-offs from the workspace's score distribution: `scoreAtTop[i]` is the score that the best
 * `tiers[i].topPercent` per cent reach (the database computes it with percentile_disc).
 * @example tierCutoffs(rule, [71.5, 48, 22]) // [{ tier: 'platinum', minScore: 71.5 }, { tier: 'gold', minScore: 48 }, …]
 */
export function tierCutoffs(rule: ValueRule, scoreAtTop: (number | null)[]): TierCutoffs {
  return rule.tiers.map((tier, i) => ({
    tier: tier.key,
    // Scores tie often (many customers with no purchases); a cut-off never falls below the tier's floor.
    minScore: Math.max(tier.minScore, scoreAtTop[i] ?? Number.POSITIVE_INFINITY),
  }));
}

/** Before any batch has run, the floors alone decide. */
export const floorCutoffs = (rule: ValueRule): TierCutoffs =>
  rule.tiers.map((t) => ({ tier: t.key, minScore: t.minScore }));

/**
 * The tier of a score: the first whose cut-off it reaches.
 * @example tierFor([{ tier: 'platinum', minScore: 70 }, { tier: 'gold', minScore: 40 }], 55) // 'gold'
 */
export function tierFor(cutoffs: TierCutoffs, score: number): string {
  return cutoffs.find((c) => score >= c.minScore)?.tier ?? BASE_TIER;
}

/** Checks a rule a user wrote: positive scales, non-negative weights, tiers ordered best first. */
export function ruleProblems(rule: ValueRule): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const key of [
    'windowDays',
    'recencyHalfLifeDays',
    'frequencyScale',
    'monetaryScale',
    'tenureFullDays',
    'debtScale',
  ] as const) {
    if (!(rule[key] > 0)) problems.push({ path: `/${key}`, message: 'must be greater than 0' });
  }
  const w = rule.weights;
  if (w.recency + w.frequency + w.monetary + w.tenure <= 0) {
    problems.push({
      path: '/weights',
      message: 'at least one of recency, frequency, monetary or tenure must weigh',
    });
  }
  const keys = new Set<string>();
  rule.tiers.forEach((tier, i) => {
    if (keys.has(tier.key) || tier.key === BASE_TIER)
      problems.push({ path: `/tiers/${i}/key`, message: 'is used twice' });
    keys.add(tier.key);
    const previous = rule.tiers[i - 1];
    if (previous && tier.topPercent <= previous.topPercent) {
      problems.push({ path: `/tiers/${i}/topPercent`, message: 'must be larger than the tier above' });
    }
  });
  return problems;
}
