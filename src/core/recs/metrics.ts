/** Top-k ranking metrics for leave-one-out evaluation: one held-out item per user. */

export interface RankingMetrics {
  hitRate: number;
  ndcg: number;
  users: number;
}

/**
 * HR@k: share of users whose held-out item is in their top k. NDCG@k with one relevant
 * item: 1 / log2(rank + 1) for a 1-based rank within k, else 0 (the ideal DCG is 1).
 */
export function rankingMetrics(cases: readonly { ranked: readonly string[]; heldOut: string }[], k: number): RankingMetrics {
  let hits = 0;
  let gain = 0;
  for (const { ranked, heldOut } of cases) {
    const position = ranked.slice(0, k).indexOf(heldOut);
    if (position < 0) continue;
    hits += 1;
    gain += 1 / Math.log2(position + 2);
  }
  const users = cases.length;
  return { hitRate: users ? hits / users : 0, ndcg: users ? gain / users : 0, users };
}
