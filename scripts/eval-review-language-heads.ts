/**
 * What per-language logistic-regression heads (src/core/reviews/model/language-heads.ts) add to
 * the review model: trains the built-in model's recipe (seed 7, label cleaning 0.1, VADER
 * lexicon) with the bag alone and with the heads, and prints polarity accuracy on the 5 %
 * validation split of each set and, unless --skip-ood, on the left-out runs of
 * scripts/train-review-models.ts. Predictions are computed in TypeScript (the served graph has
 * no columns for the heads); for the bag alone they are the numbers the model card reports.
 *
 *   npx tsx scripts/eval-review-language-heads.ts [--seed 7] [--categories 3] [--skip-ood] [--calibrate-by-language]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadReviewCorpus, type CorpusRow } from '../src/core/reviews/model/corpus.ts';
import { leftOutRuns, measure, type Measure } from '../src/core/reviews/model/evaluation.ts';
import { defaultLanguageHeadOptions } from '../src/core/reviews/model/language-heads.ts';
import { lexiconFromVader } from '../src/core/reviews/model/lexicon.ts';
import { fitReviewModel, type ReviewTrainingOptions } from '../src/core/reviews/model/train.ts';
import { defaultFeatureOptions } from '../src/core/text/features.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '7' },
    categories: { type: 'string', default: '3' },
    'skip-ood': { type: 'boolean', default: false },
    'calibrate-by-language': { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);
const lexicon = lexiconFromVader(readFileSync(createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt'), 'utf8'));
const corpus = loadReviewCorpus(resolve(repoRoot, '../shared/data/reviews'));
const sources = [...new Set(corpus.map((row) => row.source))];
const variants: Record<string, Partial<ReviewTrainingOptions>> = {
  bag: {},
  'bag + language heads': { languageHeads: defaultLanguageHeadOptions, calibrateByLanguage: values['calibrate-by-language'] },
};
const percent = (value: number) => `${(100 * value).toFixed(2)} %`;
const describe = (result: Measure) =>
  `${result.polarCorrect} / ${result.polarRows} = ${percent(result.polarityAccuracy)}, balanced ${percent(result.balancedAccuracy)}${result.ratingMae === undefined ? '' : `, MAE ${result.ratingMae.toFixed(4)}`}`;

for (const [variant, overrides] of Object.entries(variants)) {
  const options = { features: { ...defaultFeatureOptions, lexicon }, labelCleaning: 0.1, ...overrides };
  const fitted = fitReviewModel(
    corpus.filter((row) => row.split !== 'validation'),
    seed,
    options,
  );
  console.log(`\n${variant}: trained on ${fitted.trainingRows} rows in ${(fitted.milliseconds / 1000).toFixed(1)} s, blend ${JSON.stringify(fitted.languageBlend ?? {})}, calibration rows ${JSON.stringify(fitted.validation)}`);
  for (const source of sources) {
    const rows = corpus.filter((row) => row.split === 'validation' && row.source === source);
    console.log(`  validation ${source}: ${describe(measure(rows, fitted.predict(rows.map((row) => row.text))))}`);
  }
  if (values['skip-ood']) continue;
  const leftOut: Record<string, Measure[]> = {};
  for (const { category, trainingRows, tests } of leftOutRuns(corpus, Number(values.categories))) {
    const run = fitReviewModel(trainingRows, seed, options);
    for (const [name, rows] of Object.entries(tests)) {
      const result = measure(rows, run.predict(rows.map((row: CorpusRow) => row.text)));
      (leftOut[name] ??= []).push(result);
      console.log(`  left out with ${category}: ${name}: ${describe(result)}`);
    }
  }
  for (const [name, results] of Object.entries(leftOut)) {
    const mean = (pick: (result: Measure) => number) => results.reduce((sum, result) => sum + pick(result), 0) / results.length;
    console.log(`  left out, mean of ${results.length} runs: ${name}: ${percent(mean((result) => result.polarityAccuracy))}, balanced ${percent(mean((result) => result.balancedAccuracy))}`);
  }
}
