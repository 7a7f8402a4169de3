import { describe, expect, it } from 'vitest';
import { indexInteractions, type Interaction } from '../../src/core/recs/interactions.ts';
import { loadRecommender, saveRecommender } from '../../src/core/recs/storage.ts';
import { sequenceQuery, sequenceScore, trainSequenceModel, type SequenceOptions } from '../../src/core/recs/sequence.ts';
import { trainRecommender } from '../../src/core/recs/train.ts';
import { createInferenceEngine } from '../../src/core/inference/onnx-runtime.ts';
import { createMemoryLogger } from '../../src/core/logger.ts';
import { useTempDir } from '../helpers/temp.ts';

const tempDir = useTempDir();

/** Users walk a chain of 8 items (item k is always followed by k + 1), each from a different starting point. */
function chainInteractions(): Interaction[] {
  const interactions: Interaction[] = [];
  for (let user = 0; user < 40; user += 1) {
    for (let step = 0; step < 4; step += 1) interactions.push({ user: `u${user}`, item: `i${(user + step) % 8}`, timestamp: step });
  }
  return interactions;
}

const options: SequenceOptions = { dimension: 8, window: 3, copies: 2, epochs: 40, learningRate: 0.02, weightDecay: 0, batchSize: 8, negatives: 100, seed: 5 };

describe('next-item model', () => {
  // 100 negatives over 8 items is the full softmax; 3 per batch is the sampled one.
  it.each([
    ['full', 100],
    ['sampled', 3],
  ])('learns what follows the last item (%s softmax)', (_, negatives) => {
    const data = indexInteractions(chainInteractions());
    const model = trainSequenceModel(data, { ...options, negatives });
    expect(model.dimension).toBe(16);
    for (let last = 0; last < 8; last += 1) {
      const history = [data.itemIndex.get(`i${(last + 7) % 8}`)!, data.itemIndex.get(`i${last}`)!];
      const query = sequenceQuery(model, history);
      const scores = data.items.map((_, item) => sequenceScore(model, query, item));
      const best = scores.indexOf(Math.max(...scores));
      expect(data.items[best]).toBe(`i${(last + 1) % 8}`);
    }
  });

  it('is reproducible from its seed', () => {
    const data = indexInteractions(chainInteractions());
    const first = trainSequenceModel(data, { ...options, epochs: 2 });
    const second = trainSequenceModel(data, { ...options, epochs: 2 });
    expect(second.embeddings).toEqual(first.embeddings);
    expect(second.positionWeights).toEqual(first.positionWeights);
    expect(trainSequenceModel(data, { ...options, epochs: 2, seed: 6 }).embeddings).not.toEqual(first.embeddings);
  });

  it('is saved and loaded with the recommender', async () => {
    const model = trainRecommender(chainInteractions(), { seed: 2 });
    expect(model.sequence.dimension).toBeGreaterThan(0);
    const dir = tempDir();
    saveRecommender(model, dir);
    const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });
    try {
      const loaded = await loadRecommender(dir, engine);
      expect(loaded.sequence).toEqual(model.sequence);
      expect(loaded.weights).toEqual(model.weights);
    } finally {
      await engine.release();
    }
  });
});
