import { describe, expect, it } from 'vitest';
import { rankingMetrics } from '../../src/core/recs/metrics.ts';

describe('ranking metrics', () => {
  it('computes HR@k and NDCG@k with one held-out item per user', () => {
    const metrics = rankingMetrics(
      [
        { ranked: ['a', 'b', 'c'], heldOut: 'a' }, // rank 1: gain 1
        { ranked: ['a', 'b', 'c'], heldOut: 'c' }, // rank 3: gain 1/log2(4) = 0.5
        { ranked: ['a', 'b', 'c'], heldOut: 'z' }, // miss
        { ranked: ['a', 'b', 'c', 'd'], heldOut: 'd' }, // rank 4: outside k = 3
      ],
      3,
    );
    expect(metrics.users).toBe(4);
    expect(metrics.hitRate).toBeCloseTo(2 / 4, 12);
    expect(metrics.ndcg).toBeCloseTo((1 + 0.5) / 4, 12);
  });

  it('is zero for no users', () => {
    expect(rankingMetrics([], 10)).toEqual({ hitRate: 0, ndcg: 0, users: 0 });
  });
});
