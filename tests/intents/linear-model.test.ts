import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/logger.ts';
import { createInferenceEngine } from '../../src/core/inference/onnx-runtime.ts';
import { predictProbabilities, rowLookup, rowsOf, trainBagModel } from '../../src/core/intents/bag-model.ts';
import { featureBuckets } from '../../src/core/intents/features.ts';
import { trainLinearScores } from '../../src/core/intents/linear-model.ts';
import { modelFileName, writeIntentModel, type IntentModelManifest } from '../../src/core/intents/model-files.ts';

const texts: Record<string, string[]> = {
  card_arrival: ['my card has not arrived', 'when will my new card come', 'still waiting for the card', 'card delivery is late'],
  exchange_rate: ['what is the exchange rate', 'how much is a euro in dollars', 'rate for converting pounds', 'which rate do you use to exchange'],
  top_up_failed: ['my top up failed', 'the top-up did not go through', 'could not add money to my account', 'top up was declined'],
};
const labels = Object.keys(texts).sort();
const examples = Object.entries(texts).flatMap(([intent, list]) => list.map((text) => ({ buckets: featureBuckets(text), label: labels.indexOf(intent) })));

const directory = mkdtempSync(join(tmpdir(), 'shopdesk-linear-test-'));
const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });

afterAll(async () => {
  await engine.release();
  rmSync(directory, { recursive: true, force: true });
});

describe('softmax regression beside the bag', () => {
  const bag = trainBagModel(examples, labels, { dimensions: 8, epochs: 20, learningRate: 0.5, seed: 2 });
  const lookup = rowLookup(bag.buckets);
  const linear = trainLinearScores(
    examples.map((example) => ({ rows: Int32Array.from(rowsOf(example.buckets, lookup)), label: example.label })),
    bag.buckets.length,
    labels.length,
    { epochs: 20, learningRate: 1, seed: 2 },
  );
  const model = { ...bag, linear };

  it('learns the training texts on its own', () => {
    const alone = { ...model, weights: new Float32Array(bag.weights.length), bias: new Float32Array(labels.length) };
    for (const example of examples) {
      const probabilities = predictProbabilities(alone, example.buckets, lookup);
      expect(probabilities.indexOf(Math.max(...probabilities))).toBe(example.label);
    }
  });

  it('gives the same probabilities in the ONNX graph as in TypeScript', async () => {
    const manifest = { labels } as unknown as IntentModelManifest;
    writeIntentModel(directory, model, manifest);
    const session = await engine.load(join(directory, modelFileName));
    const queries = ['the card never arrived', 'exchange rate for euros please', 'top up failed twice, card card card'];
    for (const query of queries) {
      const rows = rowsOf(featureBuckets(query), lookup);
      const outputs = await session.run({
        feature_rows: { type: 'int64', data: BigInt64Array.from(rows.map(BigInt)), dims: [1, rows.length] },
        feature_mask: { type: 'float32', data: new Float32Array(rows.length).fill(1), dims: [1, rows.length] },
      });
      const expected = predictProbabilities(model, featureBuckets(query), lookup);
      const actual = outputs.probabilities?.data as Float32Array;
      expected.forEach((value, label) => expect(actual[label]).toBeCloseTo(value, 5));
    }
  });
});
