/** Retrieval quality measures. Pure. */

export interface EvalSummary {
  queries: number;
  mrr_at_10: number;
  hit_at_1: number;
  hit_at_3: number;
  p95_ms: number;
}

/**
 * The rank (from 1) of the first relevant id, or null when none is in the list.
 * @example firstRelevant(['a', 'b'], ['b']) // 2
 */
export function firstRelevant(ranked: readonly string[], relevant: readonly string[]): number | null {
  const i = ranked.findIndex((id) => relevant.includes(id));
  return i < 0 ? null : i + 1;
}

/**
 * The value at a quantile (nearest rank) of some numbers.
 * @example quantile([1, 2, 3, 4], 0.5) // 2
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * MRR@10, hit@1, hit@3 and p95 latency from each query's first relevant rank and time.
 * @example summarise([{ rank: 1, ms: 3 }, { rank: null, ms: 5 }]) // { queries: 2, mrr_at_10: 0.5, … }
 */
export function summarise(results: readonly { rank: number | null; ms: number }[]): EvalSummary {
  const n = results.length || 1;
  const rr = results.reduce((s, r) => s + (r.rank !== null && r.rank <= 10 ? 1 / r.rank : 0), 0);
  return {
    queries: results.length,
    mrr_at_10: round(rr / n),
    hit_at_1: round(results.filter((r) => r.rank === 1).length / n),
    hit_at_3: round(results.filter((r) => r.rank !== null && r.rank <= 3).length / n),
    p95_ms: round(
      quantile(
        results.map((r) => r.ms),
        0.95,
      ),
      1,
    ),
  };
}
