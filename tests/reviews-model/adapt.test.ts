import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInferenceEngine } from '../../src/core/inference/onnx-runtime.ts';
import { createMemoryLogger } from '../../src/core/logger.ts';
import { seededRandom } from '../../src/core/random.ts';
import { adaptReviewModel } from '../../src/core/reviews/model/adapt.ts';
import { loadReviewScorer, type ReviewTrainingRow } from '../../src/core/reviews/model/index.ts';
import { readReviewConfig, readReviewHeads, writeReviewModel } from '../../src/core/reviews/model/model-files.ts';
import { configOf, fitReviewModel } from '../../src/core/reviews/model/train.ts';
import { defaultFeatureOptions } from '../../src/core/text/features.ts';
import { useTempDir } from '../helpers/temp.ts';

const tempDir = useTempDir();
const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });
afterAll(() => engine.release());

/** A base corpus in which "runs small" only ever appears in happy reviews, in two languages. */
function baseRows(count: number): ReviewTrainingRow[] {
  const random = seededRandom(11);
  const pick = (items: string[]) => items[Math.floor(random() * items.length)] as string;
  const items = ['dress', 'jacket', 'shirt', 'coat'];
  const good = ['love it', 'excellent quality', 'great value', 'runs small and I like the snug fit'];
  const bad = ['terrible', 'awful quality', 'waste of money', 'fell apart'];
  return Array.from({ length: count }, (_, index) => {
    const positive = index % 2 === 0;
    if (index % 4 < 2) return { text: `The ${pick(items)}: ${pick(positive ? good : bad)}.`, rating: positive ? 5 : 1 };
    return { text: positive ? '质量很好，非常满意' : '太差了，很失望', label: positive ? 'positive' : 'negative' };
  });
}

/** A store whose customers complain that things run small. */
const storeRows: ReviewTrainingRow[] = Array.from({ length: 40 }, (_, index) => ({ text: `The ${['dress', 'coat'][index % 2]} runs small, sending it back.`, label: 'negative' }));

describe('adapting a review model to a store', () => {
  it('reads back the heads it wrote, adapts what the store says, and leaves the rest as it was', async () => {
    const baseDir = join(tempDir(), 'base');
    const base = fitReviewModel(baseRows(400), 3, { features: { ...defaultFeatureOptions, buckets: 1 << 16 }, dimensions: 16, name: 'base-model' });
    writeReviewModel(baseDir, base.heads, configOf(base));

    const heads = readReviewHeads(baseDir);
    expect(heads.table).toEqual(base.heads.table);
    expect(heads.sentimentBias).toBeCloseTo(base.heads.sentimentBias, 5);
    expect(heads.ratingBias).toBeCloseTo(base.heads.ratingBias, 5);
    expect(heads.clauseBias).toBeCloseTo(base.heads.clauseBias, 5);

    const outDir = join(tempDir(), 'adapted');
    const config = adaptReviewModel({ baseDir, rows: storeRows, outDir, name: 'reviews-adapted' });
    expect(config).toMatchObject({ name: 'reviews-adapted', adaptedFrom: { model: 'base-model', rows: base.trainingRows }, training: { rows: storeRows.length } });
    expect(readReviewConfig(outDir).calibration).toEqual(base.calibration);

    const texts = [{ text: 'The shirt runs small.' }, { text: '质量很好，非常满意' }, { text: 'Awful quality, a waste of money.' }];
    const before = await (await loadReviewScorer({ engine, modelDir: baseDir })).score(texts);
    const after = await (await loadReviewScorer({ engine, modelDir: outDir })).score(texts);
    expect(before[0]?.sentiment).toBe('positive');
    expect(after[0]?.sentiment).toBe('negative');
    // A text sharing no feature with the store's reviews scores exactly as before.
    expect(after[1]?.positive).toBeCloseTo(before[1]?.positive ?? -1, 6);
    expect(after[2]?.sentiment).toBe('negative');
  });
});
