import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInferenceEngine } from '../../src/core/inference/onnx-runtime.ts';
import { createMemoryLogger } from '../../src/core/logger.ts';
import { seededRandom } from '../../src/core/random.ts';
import { loadReviewScorer, trainReviewModel, type ReviewTrainingRow } from '../../src/core/reviews/model/index.ts';
import { writeReviewModel } from '../../src/core/reviews/model/model-files.ts';
import { configOf, fitReviewModel } from '../../src/core/reviews/model/train.ts';
import { defaultFeatureOptions } from '../../src/core/text/features.ts';
import { useTempDir } from '../helpers/temp.ts';

const tempDir = useTempDir();

/** Reviews built from phrase lists: obvious sentiment, varied wording, both languages. */
function syntheticRows(count: number, seed: number): ReviewTrainingRow[] {
  const random = seededRandom(seed);
  const pick = (items: string[]) => items[Math.floor(random() * items.length)] as string;
  const items = ['dress', 'blender', 'phone case', 'shampoo', 'jacket', 'kettle'];
  const good = ['love it', 'excellent quality', 'works perfectly', 'highly recommend', 'great value', 'so happy with it'];
  const bad = ['terrible', 'broke after a day', 'waste of money', 'very disappointed', 'awful quality', 'do not buy'];
  const goodZh = ['非常好', '质量很好', '很满意', '物流很快', '推荐购买', '性价比高'];
  const badZh = ['太差了', '质量很差', '很失望', '用了一天就坏了', '不推荐', '垃圾'];
  const rows: ReviewTrainingRow[] = [];
  for (let index = 0; index < count; index += 1) {
    const positive = index % 2 === 0;
    if (index % 4 < 2) rows.push({ text: `The ${pick(items)}: ${pick(positive ? good : bad)}, ${pick(positive ? good : bad)}.`, rating: positive ? 5 : 1 });
    else rows.push({ text: `${pick(positive ? goodZh : badZh)}，${pick(positive ? goodZh : badZh)}`, label: positive ? 'positive' : 'negative' });
  }
  return rows;
}

describe('trainReviewModel', () => {
  it('writes a model folder that onnxruntime loads and that separates positive from negative reviews', async () => {
    const outDir = join(tempDir(), 'review-model');
    const config = trainReviewModel({ rows: syntheticRows(600, 3), seed: 5, outDir, options: { features: { ...defaultFeatureOptions, buckets: 1 << 16 }, dimensions: 16, epochs: 5 } });
    expect(existsSync(join(outDir, 'review-sentiment.onnx'))).toBe(true);
    expect(statSync(join(outDir, 'review-sentiment.onnx')).size).toBeLessThan(25 * 1024 * 1024);
    expect(config.validation.polarityAccuracy).toBeGreaterThan(0.9);

    const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });
    const scorer = await loadReviewScorer({ engine, modelDir: outDir });
    const [good, bad, goodZh, badZh] = await scorer.score([
      { text: 'Excellent quality, love it, highly recommend', title: 'Great' },
      { text: 'Terrible, broke after a day. Waste of money.' },
      { text: '质量很好，非常满意' },
      { text: '太差了，很失望' },
    ]);
    expect(good?.positive).toBeGreaterThan(0.7);
    expect(bad?.positive).toBeLessThan(0.3);
    expect(goodZh?.positive).toBeGreaterThan(0.7);
    expect(badZh?.positive).toBeLessThan(0.3);
    expect(good?.sentiment).toBe('positive');
    expect(bad?.sentiment).toBe('negative');
    expect(good?.rating).toBeGreaterThan(bad?.rating ?? 5);
    expect(goodZh?.lang).toBe('zh');
    expect(good?.lang).toBe('en');
    await engine.release();
  });

  it('exports a graph that computes what training computed', async () => {
    const fitted = fitReviewModel(syntheticRows(300, 8), 3, { features: { ...defaultFeatureOptions, buckets: 1 << 14 }, dimensions: 8, epochs: 3 });
    const outDir = join(tempDir(), 'review-model');
    writeReviewModel(outDir, fitted.heads, configOf(fitted));
    const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });
    const scorer = await loadReviewScorer({ engine, modelDir: outDir });
    const texts = ['The kettle: love it, works perfectly.', '很失望，质量很差', 'meh', 'Great value 性价比高'];
    const served = await scorer.score(texts.map((text) => ({ text })));
    fitted.predict(texts).forEach((expected, index) => {
      expect(served[index]?.positive).toBeCloseTo(expected.positive, 4);
      expect(served[index]?.rating).toBeCloseTo(expected.rating, 4);
    });
    await engine.release();
  });

  it('is reproducible from its seed', () => {
    const rows = syntheticRows(200, 9);
    const options = { features: { ...defaultFeatureOptions, buckets: 1 << 14 }, dimensions: 8, epochs: 2 };
    const first = trainReviewModel({ rows, seed: 1, outDir: join(tempDir(), 'a'), options });
    const second = trainReviewModel({ rows, seed: 1, outDir: join(tempDir(), 'b'), options });
    expect(second.calibration).toEqual(first.calibration);
    expect(second.validation).toEqual(first.validation);
  });

  it('scores empty, huge and broken texts without throwing', async () => {
    const outDir = join(tempDir(), 'review-model');
    trainReviewModel({ rows: syntheticRows(200, 4), seed: 2, outDir, options: { features: { ...defaultFeatureOptions, buckets: 1 << 14 }, dimensions: 8, epochs: 2 } });
    const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });
    const scorer = await loadReviewScorer({ engine, modelDir: outDir });
    const megabyte = 'This blender is great. '.repeat(50_000);
    const results = await scorer.score([
      { text: '' },
      { text: megabyte },
      { text: '\uD800\u0000\uFFFF broken \uDC00' },
      { text: '   ', title: '' },
      { text: undefined as unknown as string },
    ]);
    expect(results).toHaveLength(5);
    expect(results[0]).toMatchObject({ sentiment: 'neutral', positive: 0.5, rating: 3, aspects: [], reasons: [] });
    for (const result of results) {
      expect(result.positive).toBeGreaterThanOrEqual(0);
      expect(result.positive).toBeLessThanOrEqual(1);
      expect(result.rating).toBeGreaterThanOrEqual(1);
      expect(result.rating).toBeLessThanOrEqual(5);
      expect(result.urgency).toBeGreaterThanOrEqual(0);
      expect(result.urgency).toBeLessThanOrEqual(1);
    }
    expect(await scorer.score([])).toEqual([]);
    await engine.release();
  });
});
