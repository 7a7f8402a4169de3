/** A quick check on a sample of MovieLens-100K (../shared): the blend beats popularity on a held-out split. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { leaveLastOut, readInteractionsCsv } from '../../src/core/recs/interactions.ts';
import { rankingMetrics } from '../../src/core/recs/metrics.ts';
import { recommendForUsers } from '../../src/core/recs/recommend.ts';
import { trainRecommender } from '../../src/core/recs/train.ts';
import { baselines } from '../../scripts/bench-recs.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('MovieLens-100K sample', () => {
  it('ranks held-out items better than popularity and item-kNN', async () => {
    const all = readInteractionsCsv(resolve(repoRoot, '../shared/data/recs/movielens_100k/train.csv'));
    // Every third user: a third of the data keeps the test fast.
    const sample = all.filter((row) => Number(row.user) % 3 === 0);
    const { train, heldOut } = leaveLastOut(sample);
    const model = trainRecommender(train, { seed: 1 });
    const lists = await recommendForUsers(model, heldOut.map((row) => row.user), { k: 10 });
    const blend = rankingMetrics(lists.map((list, index) => ({ ranked: list.map((entry) => entry.item), heldOut: heldOut[index]!.item })), 10);
    const base = baselines(train, heldOut);
    expect(blend.users).toBeGreaterThan(300);
    expect(blend.hitRate).toBeGreaterThan(base.popularity.hitRate);
    expect(blend.hitRate).toBeGreaterThan(base.itemKnn.hitRate);
    expect(blend.ndcg).toBeGreaterThan(base.itemKnn.ndcg);
    for (const [index, list] of lists.entries()) {
      const seen = new Set(train.filter((row) => row.user === heldOut[index]!.user).map((row) => row.item));
      for (const entry of list) expect(seen.has(entry.item)).toBe(false);
    }
  });
});
