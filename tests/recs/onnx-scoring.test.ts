import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInferenceEngine } from '../../src/core/inference/onnx-runtime.ts';
import { createMemoryLogger } from '../../src/core/logger.ts';
import { recommendForUsers } from '../../src/core/recs/recommend.ts';
import { runScoringGraph } from '../../src/core/recs/scoring-graph.ts';
import { blendScores, scoringQuery, topIndices } from '../../src/core/recs/scoring.ts';
import { loadRecommender, saveRecommender, scoringFile } from '../../src/core/recs/storage.ts';
import { trainRecommender } from '../../src/core/recs/train.ts';
import { useTempDir } from '../helpers/temp.ts';
import { syntheticShop } from './synthetic.ts';

const tempDir = useTempDir();
const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });
afterAll(() => engine.release());

const shop = syntheticShop(11);
// Every component on, so the graph has every kind of input.
const weights = { transitions: 1, neighbours: 0.5, ease: 0.7, content: 0.3, factors: 0.4, sequence: 0.6, popularity: 0.1 };

describe('ONNX scoring model', () => {
  it('loads through the inference engine and ranks exactly like the TypeScript scoring', async () => {
    const model = trainRecommender(shop.interactions, { seed: 3, itemTexts: shop.texts, weights });
    const dir = tempDir();
    expect(saveRecommender(model, dir)).toEqual({ scoringGraph: true });
    expect(existsSync(join(dir, scoringFile))).toBe(true);
    const served = await loadRecommender(dir, engine);
    expect(served.session?.inputNames).toEqual(expect.arrayContaining(['transitions_query', 'factors_query', 'sequence_query', 'mask', 'k']));
    const k = 5;
    const queries = served.users.map((user, row) => scoringQuery(served, served.histories[row] as Int32Array, row));
    const blocked = served.histories.map((history) => [...history]);
    const graph = await runScoringGraph(served, served.session!, queries, blocked, k);
    served.users.forEach((_, row) => {
      const reference = blendScores(model, scoringQuery(model, model.histories[row] as Int32Array, row));
      const seen = new Set(blocked[row]);
      const expected = topIndices(reference.total, k, (item) => seen.has(item));
      const ranked = graph[row]!;
      // Equal scores may swap places between float orders of summation: compare scores, then sets.
      expect(ranked.scores).toHaveLength(expected.length);
      ranked.scores.forEach((score, position) => expect(score).toBeCloseTo(reference.total[expected[position]!]!, 4));
      ranked.items.forEach((item, position) => expect(reference.total[item]).toBeCloseTo(ranked.scores[position]!, 4));
      for (const item of ranked.items) expect(seen.has(item)).toBe(false);
      for (const [component, scale] of Object.entries(ranked.scales)) expect(scale).toBeCloseTo(reference.scales[component as keyof typeof reference.scales]!, 3);
    });
  });

  it('serves the same recommendations and reasons after save and load', async () => {
    const model = trainRecommender(shop.interactions, { seed: 3, itemTexts: shop.texts, itemCategories: shop.categories });
    const dir = tempDir();
    saveRecommender(model, dir);
    const served = await loadRecommender(dir, engine);
    const users = ['A-user2', 'B-user5', 'stranger'];
    const local = await recommendForUsers(model, users, { k: 4 });
    const remote = await recommendForUsers(served, users, { k: 4 });
    expect(remote.map((list) => list.map((entry) => entry.item))).toEqual(local.map((list) => list.map((entry) => entry.item)));
    expect(remote.map((list) => list.map((entry) => entry.reason))).toEqual(local.map((list) => list.map((entry) => entry.reason)));
    expect(served.weights).toEqual(model.weights);
  });

  it('reports a missing model folder clearly', async () => {
    await expect(loadRecommender(join(tempDir(), 'nowhere'), engine)).rejects.toThrow(/not a saved recommender/);
  });
});
