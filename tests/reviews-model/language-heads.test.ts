import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/random.ts';
import { chineseShare } from '../../src/core/reviews/model/language-heads.ts';
import { configOf, fitReviewModel } from '../../src/core/reviews/model/train.ts';
import type { ReviewTrainingRow } from '../../src/core/reviews/model/training-rows.ts';
import { defaultFeatureOptions } from '../../src/core/text/features.ts';

/** English and Chinese reviews with obvious sentiment, half of each positive. */
function bilingualRows(count: number): ReviewTrainingRow[] {
  const random = seededRandom(11);
  const pick = (items: string[]) => items[Math.floor(random() * items.length)] as string;
  const good = ['love it', 'excellent quality', 'works perfectly', 'great value'];
  const bad = ['terrible', 'broke after a day', 'waste of money', 'very disappointed'];
  const goodZh = ['非常好', '质量很好', '很满意', '物流很快'];
  const badZh = ['太差了', '质量很差', '很失望', '垃圾'];
  return Array.from({ length: count }, (_, index) => {
    const positive = index % 2 === 0;
    const label = positive ? 'positive' : 'negative';
    return index % 4 < 2 ? { text: `The kettle: ${pick(positive ? good : bad)}, ${pick(positive ? good : bad)}.`, label } : { text: `${pick(positive ? goodZh : badZh)}，${pick(positive ? goodZh : badZh)}`, label };
  });
}

describe('per-language heads', () => {
  it('measure the share of Chinese script, a Han character counting as three letters', () => {
    expect(chineseShare('质量很好')).toBe(1);
    expect(chineseShare('great dress')).toBe(0);
    expect(chineseShare('很好 good')).toBeCloseTo(6 / 10, 6);
    expect(chineseShare('12345 !!')).toBe(0.5);
  });

  it('gate each review to its language: zeroing the Chinese head leaves English reviews as they were', () => {
    // 1,024 buckets: English and Chinese features share buckets, so only the gate keeps the heads apart.
    const fitted = fitReviewModel(bilingualRows(800), 5, { features: { ...defaultFeatureOptions, buckets: 1 << 10 }, dimensions: 8, epochs: 3, languageHeads: { epochs: 5, learningRate: 0.1, seed: 1 } });
    const heads = fitted.languageHeads;
    expect(heads).toBeDefined();
    expect(fitted.languageBlend?.chinese).toBeGreaterThan(0);
    const english = ['The kettle: love it, works perfectly.', 'The kettle: terrible, waste of money.'];
    const chinese = ['质量很好，很满意', '太差了，很失望'];
    const before = fitted.predict([...english, ...chinese]).map((prediction) => prediction.positive);
    heads?.chinese.weights.fill(0);
    if (heads) heads.chinese.bias = 0;
    const after = fitted.predict([...english, ...chinese]).map((prediction) => prediction.positive);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after[2]).not.toBeCloseTo(before[2] as number, 4);
    expect(after[3]).not.toBeCloseTo(before[3] as number, 4);
  });

  it('are not written into a model folder, whose graph has no columns for them', () => {
    const fitted = fitReviewModel(bilingualRows(200), 5, { features: { ...defaultFeatureOptions, buckets: 1 << 10 }, dimensions: 8, epochs: 1, languageHeads: { epochs: 1, learningRate: 0.1, seed: 1 } });
    expect(() => configOf(fitted)).toThrow(/evaluation only/);
  });
});
