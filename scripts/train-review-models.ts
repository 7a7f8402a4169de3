/**
 * Trains the built-in review model from the public review data in ../shared and writes
 * models/review-sentiment/ (ONNX model, config, model card). Prints validation numbers:
 * same-distribution (held-out 5% of each set, scored through onnxruntime) and other
 * shops/product types (sets or categories left out of training entirely).
 *
 *   npx tsx scripts/train-review-models.ts [--seed 7] [--out models/review-sentiment] [--categories 3|all] [--skip-ood] [--label-cleaning 0.1]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createInferenceEngine } from '../src/core/inference/onnx-runtime.ts';
import { createStderrLogger } from '../src/core/logger.ts';
import { loadReviewCorpus } from '../src/core/reviews/model/corpus.ts';
import { leftOutRuns, measure, unseenSources, type Measure } from '../src/core/reviews/model/evaluation.ts';
import { lexiconFromVader } from '../src/core/reviews/model/lexicon.ts';
import { writeReviewModel } from '../src/core/reviews/model/model-files.ts';
import { loadReviewScorer } from '../src/core/reviews/model/scorer.ts';
import { configOf, fitReviewModel, type FittedReviewModel } from '../src/core/reviews/model/train.ts';
import { writeReviewModelCard } from '../src/core/reviews/model/model-card.ts';
import { defaultFeatureOptions } from '../src/core/text/features.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: join(repoRoot, 'models', 'review-sentiment') },
    categories: { type: 'string', default: '3' },
    'skip-ood': { type: 'boolean', default: false },
    'label-cleaning': { type: 'string', default: '0.1' },
  },
});
const seed = Number(values.seed);
const outDir = resolve(values.out);
const reviewsRoot = resolve(repoRoot, '../shared/data/reviews');
const lexicon = lexiconFromVader(readFileSync(createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt'), 'utf8'));
const features = { ...defaultFeatureOptions, lexicon };
const labelCleaning = Number(values['label-cleaning']);
// Scores are stored under the model's name: a new built-in model gets a new name, so a store re-scores its
// reviews. The time of day keeps two models trained on one day apart.
const modelName = `review-sentiment@${new Date().toISOString().slice(0, 16)}`;

const format = (value: number | undefined) => (value === undefined ? '' : value.toFixed(4));

const started = Date.now();
const corpus = loadReviewCorpus(reviewsRoot);
console.log(`loaded ${corpus.length} labelled rows in ${Date.now() - started} ms`);
const sources = [...new Set(corpus.map((row) => row.source))];

// 1. The built-in model: every set, minus the validation split.
const fitted = fitReviewModel(
  corpus.filter((row) => row.split !== 'validation'),
  seed,
  { features, labelCleaning, name: modelName },
);
console.log(`trained on ${fitted.trainingRows} rows in ${(fitted.milliseconds / 1000).toFixed(1)} s; calibration ${JSON.stringify(fitted.calibration)}, neutral band ${JSON.stringify(fitted.neutralBand)}`);
writeReviewModel(outDir, fitted.heads, configOf(fitted));

const engine = createInferenceEngine({ logger: createStderrLogger(true), providers: ['cpu'] });
const scorer = await loadReviewScorer({ engine, modelDir: outDir });
const sameDistribution: Record<string, Measure> = {};
for (const source of sources) {
  const rows = corpus.filter((row) => row.split === 'validation' && row.source === source);
  const scores = await scorer.score(rows.map((row) => ({ text: row.text })));
  sameDistribution[source] = measure(rows, scores);
}
await engine.release();
console.log('\nsame distribution (5% validation split, through onnxruntime):');
console.log('source\trows\tpolarity\tthree-way\trating MAE');
for (const [source, result] of Object.entries(sameDistribution)) {
  console.log(`${source}\t${result.rows}\t${format(result.polarityAccuracy)}\t${format(result.threeWayAccuracy)}\t${format(result.ratingMae)}`);
}

// 2. Other shops and product types: leave sets / categories out of training, test on all their rows.
const outOfDomain: Record<string, Measure[]> = {};
if (!values['skip-ood']) {
  for (const { category, trainingRows, tests } of leftOutRuns(corpus, values.categories === 'all' ? 'all' : Number(values.categories))) {
    const run: FittedReviewModel = fitReviewModel(trainingRows, seed, { features, labelCleaning });
    for (const [name, rows] of Object.entries(tests)) {
      const result = measure(rows, run.predict(rows.map((row) => row.text)));
      (outOfDomain[name] ??= []).push(result);
      console.log(`left out ${category} + ${unseenSources.join(', ')} + English electronics: ${name} rows ${result.rows} polarity ${format(result.polarityAccuracy)} balanced ${format(result.balancedAccuracy)} MAE ${format(result.ratingMae)}`);
    }
  }
}

const validation: Record<string, number> = {};
for (const [source, result] of Object.entries(sameDistribution)) {
  validation[`${source}.polarityAccuracy`] = result.polarityAccuracy;
  if (result.threeWayAccuracy !== undefined) validation[`${source}.threeWayAccuracy`] = result.threeWayAccuracy;
  if (result.ratingMae !== undefined) validation[`${source}.ratingMae`] = result.ratingMae;
}
const mean = (results: Measure[], pick: (result: Measure) => number | undefined) => {
  const numbers = results.map(pick).filter((value): value is number => value !== undefined);
  return numbers.reduce((sum, value) => sum + value, 0) / Math.max(1, numbers.length);
};
const categoryResults = Object.entries(outOfDomain).filter(([name]) => name.startsWith('online_shopping['));
if (categoryResults.length) validation['online_shopping.leaveOneCategoryOut.polarityAccuracy'] = mean(categoryResults.flatMap(([, results]) => results), (result) => result.polarityAccuracy);
for (const source of [...unseenSources, 'absa_en[Laptops+Television]']) {
  if (!outOfDomain[source]) continue;
  validation[`${source}.unseen.polarityAccuracy`] = mean(outOfDomain[source], (result) => result.polarityAccuracy);
  validation[`${source}.unseen.balancedAccuracy`] = mean(outOfDomain[source], (result) => result.balancedAccuracy);
}
const config = configOf(fitted, validation);
writeReviewModel(outDir, fitted.heads, config);
writeFileSync(join(outDir, 'MODEL_CARD.md'), writeReviewModelCard({ config, sameDistribution, outOfDomain, sourceCounts: Object.fromEntries(sources.map((source) => [source, corpus.filter((row) => row.source === source).length])) }));
console.log(`\nwrote ${outDir} in ${((Date.now() - started) / 1000).toFixed(0)} s total`);
console.log(JSON.stringify(validation, null, 2));
