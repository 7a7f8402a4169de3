/**
 * Trains a review model from labelled rows and writes a model folder that
 * loadReviewScorer reads. Rows are split by text hash: 5% calibrate the probability and
 * the neutral band, the rest train the embedding bag (after label cleaning, when asked for).
 */
import { createFeaturizer, defaultFeatureOptions, featureVersion, type FeatureOptions } from '../../text/features.ts';
import { hashString } from '../../text/hash.ts';
import { defaultNormalizeOptions, normalizeText } from '../../text/normalize.ts';
import { averageHeads, foldedColumns, foldHeads, predictHeads, trainBag, type BagExample, type FoldedHeads, type HeadOutputs } from './bag.ts';
import { chooseNeutralBand, fitPlatt, threeWay, type NeutralBand, type PlattScaling, type ThreeWay } from './calibration.ts';
import { splitOf } from './corpus.ts';
import { reviewModelFormat, writeReviewModel, type ReviewModelConfig } from './model-files.ts';
import { reviewFeatures } from './review-features.ts';
import { chineseShare, fitLanguageHeads, languageLogit, type LanguageHeadOptions, type LanguageHeads } from './language-heads.ts';
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
   * Label cleaning: a row labelled positive or negative (not rated: stars are the reviewer's
   * own verdict) whose label gets an out-of-fold probability below this (from two models,
   * each trained on the other half of the rows) is dropped as likely mislabelled before the
   * final training; 0 keeps every row. The shared Chinese reviews have many short ones
   * labelled against their words ("质量很不错，无色差" as negative), which taught the model
   * that "质量很好" alone is negative.
   */
  labelCleaning: number;
  /** Per-language logistic-regression heads added to the bag's logit (language-heads.ts); absent: the bag alone. */
  languageHeads?: LanguageHeadOptions;
  /** Platt scaling fitted per language (English and Chinese calibration rows apart), mixed by the same gate as the heads. */
  calibrateByLanguage?: boolean;
  name: string;
}

export const defaultReviewTrainingOptions: ReviewTrainingOptions = {
  dimensions: 32,
  epochs: 5,
  learningRate: 0.3,
  features: defaultFeatureOptions,
  neutralWeight: 0.5,
  ensemble: 1,
  labelCleaning: 0,
  name: 'review-sentiment',
};

/** Stars assumed for labelled rows without a rating, so the rating head also reads Chinese reviews sensibly. */
const impliedRatings: Record<ThreeWay, number> = { positive: 4.7, neutral: 3, negative: 1.6 };
const impliedRatingWeight = 0.3;

const sentimentTargets: Record<ThreeWay, number> = { positive: 1, neutral: 0.5, negative: 0 };

export interface FittedReviewModel {
  heads: FoldedHeads;
  /** The per-language heads (their blend weights folded in), when trained. */
  languageHeads?: LanguageHeads;
  /** Blend weights the calibration rows chose for the language heads. */
  languageBlend?: { english: number; chinese: number };
  calibration: PlattScaling;
  neutralBand: NeutralBand;
  options: ReviewTrainingOptions;
  seed: number;
  trainingRows: number;
  /** Training rows dropped by label cleaning. */
  droppedRows: number;
  milliseconds: number;
  /** Numbers on the calibration rows. */
  validation: Record<string, number>;
  /** Calibrated probability of positive and stars of texts, computed in TypeScript like the exported graph. */
  predict(texts: readonly string[]): { positive: number; rating: number }[];
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

/** Each feature's weight in a text's mean (the bag's inverse document frequency): the last column of the folded table. */
function featureWeightsOf(heads: FoldedHeads): Float32Array {
  const weights = new Float32Array(heads.buckets);
  for (let bucket = 0; bucket < heads.buckets; bucket += 1) weights[bucket] = heads.table[bucket * foldedColumns + foldedColumns - 1] as number;
  return weights;
}

/** Splits rows in two by a hash of their text, for out-of-fold predictions. */
const foldOf = (row: ReviewTrainingRow) => hashString(`fold:${row.text}`) % 2;

/** The rows label cleaning keeps: see ReviewTrainingOptions.labelCleaning. */
function cleanLabels(rows: readonly ReviewTrainingRow[], calibrationRows: readonly ReviewTrainingRow[], seed: number, options: ReviewTrainingOptions): ReviewTrainingRow[] {
  const ownLabelProbability = new Map<ReviewTrainingRow, number>();
  for (const fold of [0, 1]) {
    // The calibration rows calibrate each half's model too, so probabilities mean the same as the final model's.
    const model = fitReviewModel([...rows.filter((row) => foldOf(row) !== fold), ...calibrationRows], seed, { ...options, labelCleaning: 0, languageHeads: undefined, calibrateByLanguage: false });
    const heldOut = rows.filter((row) => foldOf(row) === fold && row.rating === undefined && (row.label === 'positive' || row.label === 'negative'));
    model.predict(heldOut.map((row) => row.text)).forEach(({ positive }, index) => {
      const row = heldOut[index] as ReviewTrainingRow;
      ownLabelProbability.set(row, row.label === 'positive' ? positive : 1 - positive);
    });
  }
  return rows.filter((row) => (ownLabelProbability.get(row) ?? 1) >= options.labelCleaning);
}

/** Trains and calibrates in memory (no files): the building block of trainReviewModel and of evaluation scripts. */
export function fitReviewModel(rows: readonly ReviewTrainingRow[], seed: number, overrides: Partial<ReviewTrainingOptions> = {}): FittedReviewModel {
  const options = { ...defaultReviewTrainingOptions, ...overrides };
  const started = Date.now();
  const featurizer = createFeaturizer(options.features);
  const textOf = (text: string) => {
    const normalized = normalizeText(text, defaultNormalizeOptions);
    return { ids: reviewFeatures(featurizer, normalized).ids, share: chineseShare(normalized) };
  };
  const usable = rows.filter((row) => typeof row.text === 'string' && labelOf(row) !== undefined);
  let calibrationRows = usable.filter((row) => splitOf(row.text) === 'calibration');
  let trainingRows = usable.filter((row) => splitOf(row.text) !== 'calibration');
  // Tiny sets cannot spare rows: calibrate on the training rows themselves.
  if (calibrationRows.filter((row) => labelOf(row) !== 'neutral').length < 20) {
    trainingRows = usable;
    calibrationRows = usable;
  }
  const beforeCleaning = trainingRows.length;
  // A set too small to spare calibration rows is too small to split in halves as well.
  if (options.labelCleaning > 0 && calibrationRows !== usable) trainingRows = cleanLabels(trainingRows, calibrationRows, seed, options);
  const trainingTexts = trainingRows.map((row) => textOf(row.text));
  const examples = trainingRows.map((row, index) => toExample((trainingTexts[index] as { ids: Int32Array }).ids, row, options));
  const members: FoldedHeads[] = [];
  for (let member = 0; member < Math.max(1, options.ensemble); member += 1) {
    const bagOptions = { buckets: options.features.buckets, dimensions: options.dimensions, epochs: options.epochs, learningRate: options.learningRate, seed: seed + member };
    members.push(foldHeads(trainBag(examples, bagOptions)));
  }
  const heads = members.length === 1 ? (members[0] as FoldedHeads) : averageHeads(members);
  const calibrationTexts = calibrationRows.map((row) => textOf(row.text));
  const bagOutputs = calibrationTexts.map((text) => predictHeads(heads, text.ids));
  const featureWeights = featureWeightsOf(heads);
  const polarTarget = (row: ReviewTrainingRow) => (labelOf(row) === 'neutral' ? undefined : labelOf(row) === 'positive' ? 1 : 0);
  const withTargets = <Text>(texts: Text[], rowsOfTexts: readonly ReviewTrainingRow[]) =>
    texts.flatMap((text, index) => {
      const target = polarTarget(rowsOfTexts[index] as ReviewTrainingRow);
      return target === undefined ? [] : [{ ...text, target }];
    });
  const language = options.languageHeads
    ? fitLanguageHeads(
        withTargets(trainingTexts, trainingRows),
        withTargets(
          calibrationTexts.map((text, index) => ({ ...text, bagLogit: (bagOutputs[index] as HeadOutputs).logit })),
          calibrationRows,
        ),
        featureWeights,
        options.languageHeads,
      )
    : undefined;
  const logitOf = (text: { ids: Int32Array; share: number }, bagLogit: number) => bagLogit + (language ? languageLogit(language.heads, featureWeights, text.ids, text.share) : 0);
  const raw = calibrationTexts.map((text, index) => {
    const output = bagOutputs[index] as HeadOutputs;
    return { ...output, logit: logitOf(text, output.logit) };
  });
  const binary = calibrationRows.map((row, index) => ({ label: labelOf(row), logit: (raw[index] as HeadOutputs).logit, share: (calibrationTexts[index] as { share: number }).share })).filter((item) => item.label !== 'neutral');
  const plattOf = (items: typeof binary) =>
    fitPlatt(
      items.map((item) => item.logit),
      items.map((item) => (item.label === 'positive' ? 1 : 0)),
    );
  const calibration = plattOf(binary);
  const byLanguage = options.calibrateByLanguage ? { english: plattOf(binary.filter((item) => item.share < 0.5)), chinese: plattOf(binary.filter((item) => item.share >= 0.5)) } : undefined;
  const calibratedLogit = (share: number, logit: number) =>
    byLanguage ? share * (byLanguage.chinese.scale * logit + byLanguage.chinese.shift) + (1 - share) * (byLanguage.english.scale * logit + byLanguage.english.shift) : calibration.scale * logit + calibration.shift;
  const calibrated = raw.map((output, index) => 1 / (1 + Math.exp(-calibratedLogit((calibrationTexts[index] as { share: number }).share, output.logit))));
  const neutralBand = chooseNeutralBand(calibrated, calibrationRows.map((row) => labelOf(row) as ThreeWay));
  const validation: Record<string, number> = { calibrationRows: calibrationRows.length };
  let correct = 0;
  let logLoss = 0;
  binary.forEach((item) => {
    const probability = 1 / (1 + Math.exp(-calibratedLogit(item.share, item.logit)));
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
    ...(language && { languageHeads: language.heads, languageBlend: language.blend }),
    calibration,
    neutralBand,
    options,
    seed,
    trainingRows: trainingRows.length,
    droppedRows: beforeCleaning - trainingRows.length,
    milliseconds: Date.now() - started,
    validation,
    predict(texts) {
      return texts.map((text) => {
        const features = textOf(text);
        const output = predictHeads(heads, features.ids);
        return {
          positive: 1 / (1 + Math.exp(-calibratedLogit(features.share, logitOf(features, output.logit)))),
          rating: Math.min(5, Math.max(1, output.rating)),
        };
      });
    },
  };
}

export function configOf(fitted: FittedReviewModel, extraValidation: Record<string, number> = {}): ReviewModelConfig {
  // The served graph has no columns for them: a model folder would silently score without them.
  if (fitted.languageHeads || fitted.options.calibrateByLanguage) throw new Error('language heads and per-language calibration are for evaluation only (scripts/eval-review-language-heads.ts); a model folder cannot hold them');
  return {
    format: reviewModelFormat,
    name: fitted.options.name,
    featureVersion,
    features: fitted.options.features,
    normalize: defaultNormalizeOptions,
    calibration: fitted.calibration,
    // Aspect clauses are read by the review head itself (see foldHeads): the same calibration.
    clauseCalibration: fitted.calibration,
    neutralBand: fitted.neutralBand,
    training: {
      rows: fitted.trainingRows,
      seed: fitted.seed,
      dimensions: fitted.options.dimensions,
      epochs: fitted.options.epochs,
      learningRate: fitted.options.learningRate,
      ensemble: fitted.options.ensemble,
      milliseconds: fitted.milliseconds,
      ...(fitted.options.labelCleaning > 0 && { labelCleaning: { threshold: fitted.options.labelCleaning, droppedRows: fitted.droppedRows } }),
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
