import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInferenceEngine } from '../../src/core/inference/onnx-runtime.ts';
import { createMemoryLogger } from '../../src/core/logger.ts';
import { seededRandom } from '../../src/core/random.ts';
import { loadReviewScorer, trainReviewModel, type ReviewTrainingRow } from '../../src/core/reviews/model/index.ts';
import { lexiconFromVader } from '../../src/core/reviews/model/lexicon.ts';
import { defaultFeatureOptions } from '../../src/core/text/features.ts';
import { useTempDir } from '../helpers/temp.ts';

const tempDir = useTempDir();

/** Reviews that only ever use "excellent"/"terrible" (and neutral filler) to say what they think. */
function rows(count: number): ReviewTrainingRow[] {
  const random = seededRandom(4);
  const items = ['kettle', 'jacket', 'lamp', 'blender', 'scarf', 'charger'];
  return Array.from({ length: count }, (_, index) => {
    const positive = index % 2 === 0;
    const item = items[Math.floor(random() * items.length)] as string;
    return { text: `The ${item} arrived on Monday. ${positive ? 'Excellent' : 'Terrible'}, as I said to my sister.`, label: positive ? 'positive' : 'negative' };
  });
}

describe('sentiment lexicon features', () => {
  it('carry polarity to words the training reviews never used, through the exported model', async () => {
    const lexicon = { polar: { excellent: 3, terrible: -3, superb: 3, dreadful: -3 }, negators: ['not'] };
    const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });
    const score = async (withLexicon: boolean) => {
      const outDir = join(tempDir(), withLexicon ? 'with' : 'without');
      const features = { ...defaultFeatureOptions, buckets: 1 << 16, ...(withLexicon ? { lexicon } : {}) };
      trainReviewModel({ rows: rows(400), seed: 3, outDir, options: { features, dimensions: 8, epochs: 5 } });
      const scorer = await loadReviewScorer({ engine, modelDir: outDir });
      return scorer.score([{ text: 'The lamp arrived on Monday. Superb.' }, { text: 'The lamp arrived on Monday. Dreadful.' }, { text: 'The lamp arrived on Monday. Not superb.' }]);
    };
    const [superb, dreadful, notSuperb] = await score(true);
    expect(superb?.positive).toBeGreaterThan(0.7);
    expect(dreadful?.positive).toBeLessThan(0.3);
    // "not superb" is its own feature, never seen in training: it must not count as praise.
    expect(notSuperb?.positive).toBeLessThan(superb?.positive ?? 0);
    // Without the lexicon the two unseen words are just unknown words: no verdict between them.
    const [plainSuperb, plainDreadful] = await score(false);
    expect(Math.abs((plainSuperb?.positive ?? 0) - (plainDreadful?.positive ?? 1))).toBeLessThan(0.05);
    await engine.release();
  });

  it('reads VADER’s word list: words with their rounded strength, no emoticons, no negators', () => {
    const lexicon = lexiconFromVader(readFileSync(createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt'), 'utf8'));
    expect(Object.keys(lexicon.polar).length).toBeGreaterThan(5000);
    expect(lexicon.polar.horrible).toBeLessThanOrEqual(-2);
    expect(lexicon.polar.excellent).toBeGreaterThanOrEqual(2);
    expect(lexicon.polar[':)']).toBeUndefined();
    expect(lexicon.polar.no).toBeUndefined();
    expect(Object.values(lexicon.polar).every((strength) => Number.isInteger(strength) && strength !== 0 && Math.abs(strength) <= 4)).toBe(true);
    expect(lexicon.negators).toContain("didn't");
  });
});
