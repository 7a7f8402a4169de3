/**
 * What "Retrain" in Review triage gains: a store whose products the review model never saw.
 * A base model is trained on the shared review data without one Chinese product category
 * and without the English clothing reviews; each left-out set then plays a store: its
 * first N reviews (seeded shuffle) are the store's labelled reviews, the rest are scored.
 * Compared, by polarity accuracy: the base model, a model trained from scratch on the store
 * alone (what the app did before adaptation), and the base adapted to the store
 * (src/core/reviews/model/adapt.ts) with several settings. Also: the adapted model on the
 * base's own validation rows, to see what adapting costs elsewhere.
 *
 *   npx tsx scripts/eval-review-adaptation.ts [--category 计算机] [--store 100,300,1000]
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom, shuffle } from '../src/core/random.ts';
import { adaptationExample, adaptHeads, defaultAdaptationOptions, type AdaptationExample, type AdaptationOptions } from '../src/core/reviews/model/adapt.ts';
import { predictHeads, type FoldedHeads } from '../src/core/reviews/model/bag.ts';
import type { PlattScaling } from '../src/core/reviews/model/calibration.ts';
import { loadReviewCorpus, type CorpusRow } from '../src/core/reviews/model/corpus.ts';
import { reviewFeatures } from '../src/core/reviews/model/review-features.ts';
import { fitReviewModel, type FittedReviewModel } from '../src/core/reviews/model/train.ts';
import { labelOf } from '../src/core/reviews/model/training-rows.ts';
import { createFeaturizer, defaultFeatureOptions } from '../src/core/text/features.ts';
import { defaultNormalizeOptions, normalizeText } from '../src/core/text/normalize.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    category: { type: 'string', default: '计算机' },
    store: { type: 'string', default: '100,300,1000' },
    seed: { type: 'string', default: '7' },
  },
});
const seed = Number(values.seed);
const storeSizes = values.store.split(',').map(Number);
const corpus = loadReviewCorpus(resolve(repoRoot, '../shared/data/reviews'));

const stores: Record<string, (row: CorpusRow) => boolean> = {
  [`online_shopping[${values.category}]`]: (row) => row.source === 'online_shopping' && row.domain === values.category,
  womens_clothing: (row) => row.source === 'womens_clothing',
};
const inSomeStore = (row: CorpusRow) => Object.values(stores).some((belongs) => belongs(row));

// What Retrain did before adaptation: a small model of the store's reviews alone.
const scratchOptions = { features: { ...defaultFeatureOptions, buckets: 1 << 18 }, dimensions: 16 };
const featurizer = createFeaturizer(defaultFeatureOptions);
// The same test and "elsewhere" rows are scored by every setting: featurise each text once.
const features = new Map<string, Int32Array>();
const featuresOf = (text: string) => {
  let ids = features.get(text);
  if (!ids) features.set(text, (ids = reviewFeatures(featurizer, normalizeText(text, defaultNormalizeOptions)).ids));
  return ids;
};

/** Polarity accuracy and its balanced form (mean recall of positive and negative): stores' reviews are mostly positive. */
function accuracy(rows: readonly CorpusRow[], positive: (row: CorpusRow) => number): string {
  const recall = (label: 'positive' | 'negative') => {
    const labelled = rows.filter((row) => labelOf(row) === label);
    return { right: labelled.filter((row) => (positive(row) >= 0.5) === (label === 'positive')).length, count: labelled.length };
  };
  const [positives, negatives] = [recall('positive'), recall('negative')];
  const plain = (positives.right + negatives.right) / (positives.count + negatives.count);
  const balanced = (positives.right / positives.count + negatives.right / negatives.count) / 2;
  return `${(plain * 100).toFixed(1)} / ${(balanced * 100).toFixed(1)}`;
}

function headsPositive(heads: FoldedHeads, calibration: PlattScaling): (row: CorpusRow) => number {
  return (row) => 1 / (1 + Math.exp(-(calibration.scale * predictHeads(heads, featuresOf(row.text)).logit + calibration.shift)));
}

/** Star-rating mean absolute error over the rows with stars ('' when none has). */
function ratingError(rows: readonly CorpusRow[], heads: FoldedHeads): string {
  const rated = rows.filter((row) => row.rating !== undefined);
  if (rated.length === 0) return '';
  const total = rated.reduce((sum, row) => sum + Math.abs(Math.min(5, Math.max(1, predictHeads(heads, featuresOf(row.text)).rating)) - (row.rating as number)), 0);
  return ` · MAE ${(total / rated.length).toFixed(3)}`;
}

const started = Date.now();
// The validation split stays out of the base's training, so "elsewhere" is measured on rows it never saw.
const base: FittedReviewModel = fitReviewModel(corpus.filter((row) => !inSomeStore(row) && row.split !== 'validation'), seed);
console.log(`base model trained without ${Object.keys(stores).join(' and ')} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
// What adapting costs elsewhere: the base's validation rows of the sets it was trained on.
const elsewhere = corpus.filter((row) => !inSomeStore(row) && row.split === 'validation');

const settings: AdaptationOptions[] = [
  defaultAdaptationOptions,
  ...[100, 300, 3000].map((learningRate) => ({ ...defaultAdaptationOptions, learningRate })),
  { ...defaultAdaptationOptions, epochs: 10 },
];
const describe = (options: AdaptationOptions) => `adapted (lr ${options.learningRate}, ${options.epochs} epochs)`;

console.log('store\tstore rows\ttest rows\tmodel\tstore accuracy / balanced\telsewhere accuracy / balanced');
for (const [storeName, belongs] of Object.entries(stores)) {
  const rows = shuffle(corpus.filter(belongs), seededRandom(seed));
  const test = rows.slice(Math.max(...storeSizes)).slice(0, 3000);
  const print = (size: number, model: string, storeAccuracy: string, elsewhereAccuracy = '') => console.log(`${storeName}\t${size}\t${test.length}\t${model}\t${storeAccuracy}\t${elsewhereAccuracy}`);
  const basePositive = headsPositive(base.heads, base.calibration);
  print(0, 'base', accuracy(test, basePositive) + ratingError(test, base.heads), accuracy(elsewhere, basePositive));
  for (const size of storeSizes) {
    const storeRows = rows.slice(0, size).filter((row) => labelOf(row) !== undefined);
    const scratch = fitReviewModel(storeRows, 1, scratchOptions);
    print(size, 'from scratch', accuracy(test, (row) => scratch.predict([row.text])[0]?.positive ?? 0.5));
    const examples: AdaptationExample[] = storeRows.map((row) => adaptationExample(featuresOf(row.text), row));
    for (const options of settings) {
      const heads = adaptHeads(base.heads, base.calibration, examples, options);
      const adapted = headsPositive(heads, base.calibration);
      print(size, describe(options), accuracy(test, adapted) + ratingError(test, heads), accuracy(elsewhere, adapted));
    }
  }
}
