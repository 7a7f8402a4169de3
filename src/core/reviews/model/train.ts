/**
 * Trains a review model from labelled rows and writes a model folder that
 * loadReviewScorer reads. Rows are split by text hash: 5% calibrate the probability and
 * the neutral band, the rest train the embedding bag.
 */
import { createFeaturizer, defaultFeatureOptions, featureVersion, type FeatureOptions } from '../../text/features.ts';
import { defaultNormalizeOptions, normalizeText } from '../../text/normalize.ts';
import { averageHeads, foldHeads, predictHeads, trainBag, type BagExample, type FoldedHeads, type HeadOutputs } from './bag.ts';
import { chooseNeutralBand, fitPlatt, threeWay, type NeutralBand, type PlattScaling, type ThreeWay } from './calibration.ts';
import { splitOf } from './corpus.ts';
import { reviewModelFormat, writeReviewModel, type ReviewModelConfig } from './model-files.ts';
import { reviewFeatures } from './review-features.ts';
import { labelOf, type ReviewTrainingRow } from './training-rows.ts';

export interface ReviewTrainingOptions {
  dimensions: number;
  epochs: number;
  learningRate: number;
  features: FeatureOptions;
  /** Weight of neutral rows in the sentiment loss (their target is 0.5). */
  neutralWeight: number;
  /** Models trained with seeds seed, seed + 1, … and averaged (free at inference, see averageHeads). */
  ensemble: number;
  /**
   * Weight of single clauses of multi-clause reviews, labelled like their review, in the
   * training of the clause head (0 = no clause head: clauses use the review head). Aspect
   * sentiment reads short clauses; a model that only ever saw whole reviews extrapolates
   * badly to a few words ("质量很好" came out negative), and adding the clauses to the
   * review model costs whole-review accuracy, hence a second model sharing the features.
   */
  clauseWeight: number;
  name: string;
}

export const defaultReviewTrainingOptions: ReviewTrainingOptions = {
  dimensions: 32,
  epochs: 5,
  learningRate: 0.3,
  features: defaultFeatureOptions,
  neutralWeight: 0.5,
  ensemble: 1,
  clauseWeight: 1,
  name: 'review-sentiment',
};

/** Stars assumed for labelled rows without a rating, so the rating head also reads Chinese reviews sensibly. */
const impliedRatings: Record<ThreeWay, number> = { positive: 4.7, neutral: 3, negative: 1.6 };
const impliedRatingWeight = 0.3;

const sentimentTargets: Record<ThreeWay, number> = { positive: 1, neutral: 0.5, negative: 0 };

export interface FittedReviewModel {
  heads: FoldedHeads;
  calibration: PlattScaling;
  clauseCalibration: PlattScaling;
  neutralBand: NeutralBand;
  options: ReviewTrainingOptions;
  seed: number;
  trainingRows: number;
  milliseconds: number;
  /** Numbers on the calibration rows. */
  validation: Record<string, number>;
  /** Calibrated probability of positive and stars of texts, computed in TypeScript like the exported graph. */
  predict(texts: readonly string[]): { positive: number; rating: number; clausePositive: number }[];
}

function toExample(ids: Int32Array, row: ReviewTrainingRow, options: ReviewTrainingOptions): BagExample {
  const label = labelOf(row);
  const hasRating = row.rating !== undefined && Number.isFinite(row.rating);
  return {
    ids,
    sentiment: label ? sentimentTargets[label] : Number.NaN,
    sentimentWeight: label === 'neutral' ? options.neutralWeight : 1,
    rating: hasRating ? Math.min(5, Math.max(1, row.rating as number)) : label ? impliedRatings[label] : Number.NaN,
    ratingWeight: hasRating ? 1 : impliedRatingWeight,
  };
}

/** Trains and calibrates in memory (no files): the building block of trainReviewModel and of evaluation scripts. */
export function fitReviewModel(rows: readonly ReviewTrainingRow[], seed: number, overrides: Partial<ReviewTrainingOptions> = {}): FittedReviewModel {
  const options = { ...defaultReviewTrainingOptions, ...overrides };
  const started = Date.now();
  const featurizer = createFeaturizer(options.features);
  const featuresOf = (text: string) => reviewFeatures(featurizer, normalizeText(text, defaultNormalizeOptions)).ids;
  const clauseExamples = (row: ReviewTrainingRow, weight: number): BagExample[] => {
    const label = labelOf(row);
    if (!label || label === 'neutral') return [];
    const { ids, clauseOffsets } = reviewFeatures(featurizer, normalizeText(row.text, defaultNormalizeOptions));
    if (clauseOffsets.length < 3) return [];
    const examples: BagExample[] = [];
    for (let clause = 0; clause + 1 < clauseOffsets.length; clause += 1) {
      const clauseIds = ids.slice(clauseOffsets[clause], clauseOffsets[clause + 1]);
      if (clauseIds.length > 0) examples.push({ ids: clauseIds, sentiment: sentimentTargets[label], sentimentWeight: weight, rating: Number.NaN, ratingWeight: 0 });
    }
    return examples;
  };
  const usable = rows.filter((row) => typeof row.text === 'string' && labelOf(row) !== undefined);
  let calibrationRows = usable.filter((row) => splitOf(row.text) === 'calibration');
  let trainingRows = usable.filter((row) => splitOf(row.text) !== 'calibration');
  // Tiny sets cannot spare rows: calibrate on the training rows themselves.
  if (calibrationRows.filter((row) => labelOf(row) !== 'neutral').length < 20) {
    trainingRows = usable;
    calibrationRows = usable;
  }
  const examples = trainingRows.map((row) => toExample(featuresOf(row.text), row, options));
  const withClauses = options.clauseWeight > 0 ? [...examples, ...trainingRows.flatMap((row) => clauseExamples(row, options.clauseWeight))] : [];
  const members: FoldedHeads[] = [];
  for (let member = 0; member < Math.max(1, options.ensemble); member += 1) {
    const bagOptions = { buckets: options.features.buckets, dimensions: options.dimensions, epochs: options.epochs, learningRate: options.learningRate, seed: seed + member };
    const review = trainBag(examples, bagOptions);
    const clause = withClauses.length ? trainBag(withClauses, { ...bagOptions, featureWeights: review.featureWeights }) : review;
    members.push(foldHeads(review, clause));
  }
  const heads = members.length === 1 ? (members[0] as FoldedHeads) : averageHeads(members);
  const raw = calibrationRows.map((row) => predictHeads(heads, featuresOf(row.text)));
  const binary = calibrationRows
    .map((row, index) => ({ label: labelOf(row), logit: (raw[index] as HeadOutputs).logit, clauseLogit: (raw[index] as HeadOutputs).clauseLogit }))
    .filter((item) => item.label !== 'neutral');
  const calibration = fitPlatt(
    binary.map((item) => item.logit),
    binary.map((item) => (item.label === 'positive' ? 1 : 0)),
  );
  const calibrated = raw.map((output) => 1 / (1 + Math.exp(-(calibration.scale * output.logit + calibration.shift))));
  // The clause head is calibrated on whole calibration reviews: their labels are clean,
  // while clauses inherit their review's label and would flatten the probabilities.
  const clauseCalibration = fitPlatt(
    binary.map((item) => item.clauseLogit),
    binary.map((item) => (item.label === 'positive' ? 1 : 0)),
  );
  const neutralBand = chooseNeutralBand(calibrated, calibrationRows.map((row) => labelOf(row) as ThreeWay));
  const validation: Record<string, number> = { calibrationRows: calibrationRows.length };
  let correct = 0;
  let logLoss = 0;
  binary.forEach((item) => {
    const probability = 1 / (1 + Math.exp(-(calibration.scale * item.logit + calibration.shift)));
    if ((probability >= 0.5) === (item.label === 'positive')) correct += 1;
    logLoss -= Math.log(Math.max(1e-7, item.label === 'positive' ? probability : 1 - probability));
  });
  validation.polarityAccuracy = binary.length ? correct / binary.length : Number.NaN;
  validation.logLoss = binary.length ? logLoss / binary.length : Number.NaN;
  const threeWayCorrect = calibrationRows.filter((row, index) => threeWay(calibrated[index] as number, neutralBand) === labelOf(row)).length;
  validation.threeWayAccuracy = calibrationRows.length ? threeWayCorrect / calibrationRows.length : Number.NaN;
  const rated = calibrationRows.map((row, index) => ({ row, output: raw[index] as { rating: number } })).filter((item) => item.row.rating !== undefined);
  if (rated.length) validation.ratingMae = rated.reduce((sum, item) => sum + Math.abs(Math.min(5, Math.max(1, item.output.rating)) - (item.row.rating as number)), 0) / rated.length;
  return {
    heads,
    calibration,
    clauseCalibration,
    neutralBand,
    options,
    seed,
    trainingRows: trainingRows.length,
    milliseconds: Date.now() - started,
    validation,
    predict(texts) {
      return texts.map((text) => {
        const output = predictHeads(heads, featuresOf(text));
        return {
          positive: 1 / (1 + Math.exp(-(calibration.scale * output.logit + calibration.shift))),
          rating: Math.min(5, Math.max(1, output.rating)),
          clausePositive: 1 / (1 + Math.exp(-(clauseCalibration.scale * output.clauseLogit + clauseCalibration.shift))),
        };
      });
    },
  };
}

export function configOf(fitted: FittedReviewModel, extraValidation: Record<string, number> = {}): ReviewModelConfig {
  return {
    format: reviewModelFormat,
    name: fitted.options.name,
    featureVersion,
    features: fitted.options.features,
    normalize: defaultNormalizeOptions,
    calibration: fitted.calibration,
    clauseCalibration: fitted.clauseCalibration,
    neutralBand: fitted.neutralBand,
    training: {
      rows: fitted.trainingRows,
      seed: fitted.seed,
      dimensions: fitted.options.dimensions,
      epochs: fitted.options.epochs,
      learningRate: fitted.options.learningRate,
      ensemble: fitted.options.ensemble,
      milliseconds: fitted.milliseconds,
    },
    validation: { ...fitted.validation, ...extraValidation },
  };
}

export interface TrainReviewModelArgs {
  rows: readonly ReviewTrainingRow[];
  seed: number;
  outDir: string;
  options?: Partial<ReviewTrainingOptions>;
}

/** Trains, calibrates and writes a model folder; returns its config (with the calibration numbers). */
export function trainReviewModel(args: TrainReviewModelArgs): ReviewModelConfig {
  const fitted = fitReviewModel(args.rows, args.seed, args.options);
  const config = configOf(fitted);
  writeReviewModel(args.outDir, fitted.heads, config);
  return config;
}
