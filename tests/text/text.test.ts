import { describe, expect, it } from 'vitest';
import { createFeaturizer, defaultFeatureOptions, detectLanguage, normalizeText, scanTokens, segmentWords, splitSentences, tokenize } from '../../src/core/text/index.ts';

describe('normalizeText', () => {
  it('folds width and case, drops invalid characters and truncates long texts', () => {
    expect(normalizeText('ＧＲＥＡＴ！質量')).toBe('great!質量');
    expect(normalizeText('a\uD800b\u0000c\uFFFDd')).toBe('a b c d');
    expect(normalizeText('')).toBe('');
    expect(normalizeText(undefined)).toBe('');
    const long = normalizeText(`${'start '.repeat(100_000)}the end`, { maxLength: 4000 });
    expect(long.length).toBeLessThan(4100);
    expect(long.startsWith('start')).toBe(true);
    expect(long.endsWith('the end')).toBe(true);
  });
});

describe('tokenize', () => {
  it('splits English into words, keeps contractions and collapses long numbers', () => {
    expect(tokenize("I don't like it!! Order 123456, size 12.")).toEqual(['i', "don't", 'like', 'it', '!', '!', 'order', '#', 'size', '12']);
  });

  it('cuts Chinese into characters, or into words on request', () => {
    expect(tokenize('物流很快，质量好', 'zh')).toEqual(['物', '流', '很', '快', '质', '量', '好']);
    const words = tokenize('物流很快，质量好', 'zh', { chinese: 'words' });
    expect(words.join('')).toBe('物流很快质量好');
    expect(words.length).toBeLessThan(7);
  });

  it('handles mixed text and emoji', () => {
    expect(tokenize('这个iPhone壳很好 but shipping slow 😡', 'zh')).toEqual(['这', '个', 'iphone', '壳', '很', '好', 'but', 'shipping', 'slow', '😡']);
  });

  it('marks where clauses start', () => {
    const tokens = scanTokens(normalizeText('good price, bad fit'));
    expect(tokens.map((token) => token.clauseStart)).toEqual([true, false, true, false]);
  });
});

describe('detectLanguage', () => {
  it('tells English, Chinese and other languages apart, including mixed text', () => {
    expect(detectLanguage('The dress fits perfectly and the fabric is soft')).toBe('en');
    expect(detectLanguage('质量很好，物流也很快')).toBe('zh');
    expect(detectLanguage('这个iPhone case质量很好')).toBe('zh');
    expect(detectLanguage('Great product 很好')).toBe('en');
    expect(detectLanguage('Très bien, je le recommande à toutes mes amies')).toBe('other');
    expect(detectLanguage('とても良い商品です')).toBe('other');
    expect(detectLanguage('Отличный товар')).toBe('other');
    expect(detectLanguage('')).toBe('other');
    expect(detectLanguage('!!! 123')).toBe('other');
  });
});

describe('featurize', () => {
  const featurizer = createFeaturizer({ ...defaultFeatureOptions, buckets: 1 << 16 });

  it('gives stable ids inside the hash space', () => {
    const first = featurizer.featurize(normalizeText('Love this top, fits great'));
    const second = createFeaturizer({ ...defaultFeatureOptions, buckets: 1 << 16 }).featurize(normalizeText('Love this top, fits great'));
    expect([...first]).toEqual([...second]);
    expect(first.length).toBeGreaterThan(5);
    expect(Math.max(...first)).toBeLessThan(1 << 16);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(0);
    expect(featurizer.featurize('').length).toBe(0);
  });

  it('lets inflections share character n-grams', () => {
    const shared = (first: string, second: string) => {
      const ids = new Set(featurizer.featurize(first));
      return featurizer.featurize(second).filter((id) => ids.has(id)).length;
    };
    expect(shared('refund', 'refunds')).toBeGreaterThan(shared('refund', 'pillow'));
    expect(shared('质量很好', '质量不好')).toBeGreaterThan(0);
  });

  it('adds one feature per polar lexicon word, shared by words of one strength and flipped by a negator', () => {
    const lexicon = { polar: { awful: -3, horrible: -3, good: 2, great: 3 }, negators: ['not', "didn't", 'didn'] };
    const withLexicon = createFeaturizer({ ...defaultFeatureOptions, buckets: 1 << 16, lexicon });
    const extra = (text: string) => {
      const plain = new Set(featurizer.featurize(normalizeText(text)));
      return [...withLexicon.featurize(normalizeText(text))].filter((id) => !plain.has(id));
    };
    expect(extra('it was awful')).toHaveLength(1);
    expect(extra('it was awful')).toEqual(extra('it was horrible'));
    expect(extra('it was awful')).not.toEqual(extra('it was great'));
    expect(extra('it was good')).not.toEqual(extra('it was not good'));
    // Curly apostrophes split "didn’t" into "didn" + "t": still a negator.
    expect(extra('it didn’t look good')).toEqual(extra('it was not good'));
    // A negator three words back still counts; four words back, or in the clause before, it does not.
    expect(extra('not really that good')).toEqual(extra('not good'));
    expect(extra('not that it was good')).toEqual(extra('good'));
    expect(extra('not cheap. good')).toEqual(extra('good'));
    expect(extra('a plain sentence')).toEqual([]);
  });

  it('caps the features of a huge text', () => {
    const capped = createFeaturizer({ ...defaultFeatureOptions, maxFeatures: 100 });
    expect(capped.featurize('word '.repeat(10_000)).length).toBe(100);
  });
});

describe('segment', () => {
  it('cuts words of Chinese and English alike, without spaces or punctuation', () => {
    expect(segmentWords('我要退款, please!')).toEqual(['我要', '退款', 'please']);
  });

  it('cuts sentences at Chinese and English sentence ends, not at commas', () => {
    expect(splitSentences('你好，订单100235什么时候能到？谢谢！Hi. Where is order 5001? Thanks')).toEqual(['你好，订单100235什么时候能到？', '谢谢！', 'Hi.', 'Where is order 5001?', 'Thanks']);
    expect(splitSentences('  ')).toEqual([]);
  });
});
