import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createInferenceEngine } from '../../src/core/inference/onnx-runtime.ts';
import { createMemoryLogger } from '../../src/core/logger.ts';
import { loadReviewCorpus } from '../../src/core/reviews/model/corpus.ts';
import { builtInReviewModelDir, loadReviewScorer } from '../../src/core/reviews/model/index.ts';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const modelDir = builtInReviewModelDir(repoRoot);

describe('built-in review model', () => {
  it('keeps every committed file under 25 MB', () => {
    for (const file of ['review-sentiment.onnx', 'config.json', 'MODEL_CARD.md']) expect(statSync(join(modelDir, file)).size).toBeLessThan(25 * 1024 * 1024);
  });

  it('gets at least 90% of a 500-row validation sample right (Chinese shopping and English clothing)', async () => {
    const corpus = loadReviewCorpus(resolve(repoRoot, '../shared/data/reviews'));
    const pick = (source: string) => corpus.filter((row) => row.split === 'validation' && row.source === source && row.label !== 'neutral').slice(0, 250);
    const sample = [...pick('online_shopping'), ...pick('womens_clothing')];
    expect(sample).toHaveLength(500);
    const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });
    const scorer = await loadReviewScorer({ engine, modelDir });
    const scores = await scorer.score(sample.map((row) => ({ text: row.text })));
    const correct = scores.filter((score, index) => (score.positive >= 0.5) === (sample[index]?.label === 'positive')).length;
    expect(correct / sample.length).toBeGreaterThanOrEqual(0.9);
    // Every review of a set in one language is detected as that language, give or take a few odd ones.
    const zh = scores.slice(0, 250).filter((score) => score.lang === 'zh').length;
    const en = scores.slice(250).filter((score) => score.lang === 'en').length;
    expect(zh).toBeGreaterThan(240);
    expect(en).toBeGreaterThan(240);
    await engine.release();
  });

  it('reads short reviews written for the project (tests/reviews-model/short-reviews.tsv) right, at least 90 % in each language', async () => {
    const lines = readFileSync(join(repoRoot, 'tests', 'reviews-model', 'short-reviews.tsv'), 'utf8').split('\n');
    const reviews = lines.filter((line) => line.trim() !== '' && !line.startsWith('#')).map((line) => line.split('\t') as [string, string]);
    const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });
    const scorer = await loadReviewScorer({ engine, modelDir });
    const scores = await scorer.score(reviews.map(([, text]) => ({ text })));
    for (const lang of ['zh', 'en']) {
      const written = reviews.map(([label], index) => ({ label, score: scores[index] })).filter((_, index) => /\p{Script=Han}/u.test((reviews[index] as [string, string])[1]) === (lang === 'zh'));
      expect(written.length).toBeGreaterThanOrEqual(40);
      const right = written.filter(({ label, score }) => ((score?.positive ?? 0.5) >= 0.5) === (label === 'positive')).length;
      expect(right / written.length, lang).toBeGreaterThanOrEqual(0.9);
    }
    await engine.release();
  });

  it('reads aspects and urgency of crafted reviews in both languages', async () => {
    const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });
    const scorer = await loadReviewScorer({ engine, modelDir });
    const [mixedEn, mixedZh, unsafe, happy] = await scorer.score([
      { title: 'Nice fabric', text: 'The fabric is soft and lovely, but the delivery was very late and the box was crushed.' },
      { text: '质量很好，面料舒服，但是物流太慢了，客服态度也很差' },
      { text: 'The heater caught fire after two days! I want a refund immediately or I will contact my lawyer.' },
      { text: 'Absolutely love this dress, fits perfectly and looks great.' },
    ]);
    const aspect = (result: typeof mixedEn, name: string) => result?.aspects.find((item) => item.aspect === name)?.sentiment;
    expect(aspect(mixedEn, 'quality')).toBe('positive');
    // Late deliveries are rare in the English training data: the clause may come out neutral, never positive.
    expect(aspect(mixedEn, 'delivery')).not.toBe('positive');
    expect(aspect(mixedEn, 'packaging')).not.toBe('positive');
    expect(aspect(mixedZh, 'quality')).toBe('positive');
    expect(aspect(mixedZh, 'delivery')).toBe('negative');
    expect(aspect(mixedZh, 'customer_service')).toBe('negative');
    expect(unsafe?.reasons).toEqual(['safety_risk', 'refund_demand', 'legal_threat']);
    expect(unsafe?.sentiment).toBe('negative');
    expect(unsafe?.urgency).toBeGreaterThan(0.9);
    expect(happy?.sentiment).toBe('positive');
    expect(happy?.rating).toBeGreaterThan(4);
    expect(happy?.urgency).toBeLessThan(0.1);
    await engine.release();
  });
});
