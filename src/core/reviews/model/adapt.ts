/**
 * Adapting a trained review model to one store. The built-in model learned from public
 * corpora that do not ship with the app, but what it learned is in its weights: starting
 * from them, a few passes of SGD over the store's labelled reviews (agents' corrections,
 * reviews whose stars say it plainly) move only the features those reviews contain, so the
 * model keeps what it knew about everything else. So a retrain learns from the corrections
 * plus the built-in data, without the data.
 *
 * It works on the served form (FoldedHeads): each feature's sentiment logit and stars are
 * its folded columns divided by its weight, and a text's heads are the weighted means.
 * Feature weights stay as they are, so features the base model never saw stay out, and the
 * clause column (aspect sentiment) is kept: corrections label whole reviews, not clauses.
 */
import { seededRandom, shuffle } from '../../random.ts';
import { createFeaturizer } from '../../text/features.ts';
import { normalizeText } from '../../text/normalize.ts';
import { foldedColumns, predictHeads, sigmoid, type FoldedHeads } from './bag.ts';
import type { PlattScaling } from './calibration.ts';
import { readReviewConfig, readReviewHeads, writeReviewModel, type ReviewModelConfig } from './model-files.ts';
import { reviewFeatures } from './review-features.ts';
import { labelOf, type ReviewSentiment, type ReviewTrainingRow } from './training-rows.ts';

export interface AdaptationExample {
  ids: Int32Array;
  /** 1 positive, 0 negative, 0.5 neutral; NaN when only stars are known. */
  sentiment: number;
  /** 1–5; NaN when unknown. */
  rating: number;
}

const sentimentTargets: Record<ReviewSentiment, number> = { positive: 1, neutral: 0.5, negative: 0 };

export function adaptationExample(ids: Int32Array, row: ReviewTrainingRow): AdaptationExample {
  const label = labelOf(row);
  return { ids, sentiment: label ? sentimentTargets[label] : Number.NaN, rating: row.rating !== undefined && Number.isFinite(row.rating) ? row.rating : Number.NaN };
}

export interface AdaptationOptions {
  epochs: number;
  /**
   * Large, because a feature's gradient is its share of the text's weight (about 1 / features):
   * 1,000 gained most of 100–3,000 on unseen stores (scripts/eval-review-adaptation.ts); a pull
   * back toward the starting weights only lost store accuracy, so there is none.
   */
  learningRate: number;
  seed: number;
}

export const defaultAdaptationOptions: AdaptationOptions = { epochs: 5, learningRate: 1000, seed: 1 };

/** A copy of `base` trained further on `examples`; `calibration` is the base's, which the adapted model keeps. */
export function adaptHeads(base: FoldedHeads, calibration: PlattScaling, examples: readonly AdaptationExample[], options: AdaptationOptions = defaultAdaptationOptions): FoldedHeads {
  const heads: FoldedHeads = { ...base, table: base.table.slice() };
  const { table } = heads;
  const random = seededRandom(options.seed);
  const order = examples.map((_, index) => index);
  const steps = Math.max(1, options.epochs * examples.length);
  // Positive and negative reviews weigh the same in total: a store's reviews are mostly happy, and
  // learning that imbalance pushes every shared word toward positive (unbalanced, clothing-store
  // reviews lost negative recall in scripts/eval-review-adaptation.ts).
  const positives = examples.filter((example) => example.sentiment > 0.5).length;
  const negatives = examples.filter((example) => example.sentiment < 0.5).length;
  const balanced = positives > 0 && negatives > 0;
  const positiveWeight = balanced ? (positives + negatives) / (2 * positives) : 1;
  const negativeWeight = balanced ? (positives + negatives) / (2 * negatives) : 1;
  const classWeight = (sentiment: number) => (sentiment > 0.5 ? positiveWeight : sentiment < 0.5 ? negativeWeight : 1);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffle(order, random);
    for (const index of order) {
      const example = examples[index] as AdaptationExample;
      // The learning rate decays linearly to zero, as in the bag's own training.
      const rate = options.learningRate * (1 - step / steps);
      step += 1;
      const outputs = predictHeads(heads, example.ids);
      let total = 0;
      for (const id of example.ids) total += table[id * foldedColumns + 3] as number;
      if (total <= 0) continue;
      const sentimentError = Number.isNaN(example.sentiment) ? 0 : (sigmoid(calibration.scale * outputs.logit + calibration.shift) - example.sentiment) * calibration.scale * classWeight(example.sentiment);
      // Absolute loss for the stars, as in training: its gradient is the sign of the error.
      const ratingError = Number.isNaN(example.rating) ? 0 : Math.sign(Math.min(5, Math.max(1, outputs.rating)) - example.rating);
      for (const id of example.ids) {
        const offset = id * foldedColumns;
        const featureWeight = table[offset + 3] as number;
        if (featureWeight <= 0) continue;
        // In logit space a feature's value is column / weight; its share of the text's mean is weight / total.
        const share = featureWeight / total;
        // Column / weight is the feature's own logit (or stars); moving it by Δ moves the column by Δ × weight.
        table[offset] = (table[offset] as number) - rate * sentimentError * share * featureWeight;
        table[offset + 1] = (table[offset + 1] as number) - rate * ratingError * share * featureWeight;
      }
    }
  }
  return heads;
}

export interface AdaptReviewModelArgs {
  /** The model folder to start from (the built-in model in the app). */
  baseDir: string;
  rows: readonly ReviewTrainingRow[];
  outDir: string;
  name: string;
  options?: AdaptationOptions;
}

/** Adapts the model in `baseDir` to `rows` and writes the result as a model folder; returns its config. */
export function adaptReviewModel(args: AdaptReviewModelArgs): ReviewModelConfig {
  const started = Date.now();
  const options = args.options ?? defaultAdaptationOptions;
  const base = readReviewConfig(args.baseDir);
  const featurizer = createFeaturizer(base.features);
  const examples = args.rows.filter((row) => labelOf(row) !== undefined).map((row) => adaptationExample(reviewFeatures(featurizer, normalizeText(row.text, base.normalize)).ids, row));
  const adapted = adaptHeads(readReviewHeads(args.baseDir, base), base.calibration, examples, options);
  const config: ReviewModelConfig = {
    ...base,
    name: args.name,
    training: { ...base.training, rows: examples.length, seed: options.seed, epochs: options.epochs, learningRate: options.learningRate, milliseconds: Date.now() - started },
    adaptedFrom: { model: base.name, rows: base.training.rows },
    // The base's numbers were measured on its own validation rows; the app compares the two models on the store's held-out reviews instead.
    validation: {},
  };
  writeReviewModel(args.outDir, adapted, config);
  return config;
}
