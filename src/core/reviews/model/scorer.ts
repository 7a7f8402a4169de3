/**
 * Scores reviews with a review model folder: sentiment with a calibrated probability,
 * stars, aspects with their own sentiment and urgency with reasons. The model runs through
 * the inference layer on whole batches; review texts and aspect clauses share the batches.
 */
import { join } from 'node:path';
import type { InferenceEngine, ModelSession } from '../../inference/onnx-runtime.ts';
import { createFeaturizer } from '../../text/features.ts';
import { detectLanguage, type TextLanguage } from '../../text/language.ts';
import { normalizeText } from '../../text/normalize.ts';
import { aspectMentions, type ReviewAspect } from './aspects.ts';
import { defaultAspectBand, threeWay, type ThreeWay } from './calibration.ts';
import { readReviewConfig, reviewModelFileName, type ReviewModelConfig } from './model-files.ts';
import { reviewFeatures } from './review-features.ts';
import { composeReviewText, type ReviewRecord } from './review-text.ts';
import { assessUrgency, type UrgencyReason } from './urgency.ts';

export interface ReviewScoreResult {
  lang: TextLanguage;
  sentiment: ThreeWay;
  /** Calibrated probability that the review is positive. */
  positive: number;
  /** Predicted stars, 1–5, fractional. */
  rating: number;
  aspects: { aspect: ReviewAspect; sentiment: ThreeWay }[];
  urgency: number;
  reasons: UrgencyReason[];
}

export interface ReviewScorer {
  /** The model's name, stored beside each score. */
  readonly name: string;
  readonly config: ReviewModelConfig;
  score(records: readonly ReviewRecord[]): Promise<ReviewScoreResult[]>;
}

export interface LoadReviewScorerOptions {
  engine: InferenceEngine;
  modelDir: string;
}

/** The model folder shipped with the app. */
export function builtInReviewModelDir(repoRoot: string): string {
  return join(repoRoot, 'models', 'review-sentiment');
}

/** Texts per model run: large enough to amortise the call, small enough to keep padding low after sorting by length. */
const batchSize = 256;

interface ModelOutputs {
  positive: Float32Array;
  rating: Float32Array;
  clausePositive: Float32Array;
}

/** Runs the model on feature lists, sorted by length into batches so padding stays small. */
async function runModel(session: ModelSession, features: readonly Int32Array[], padId: number): Promise<ModelOutputs> {
  const positive = new Float32Array(features.length);
  const rating = new Float32Array(features.length);
  const clausePositive = new Float32Array(features.length);
  const order = features.map((_, index) => index).sort((first, second) => (features[first] as Int32Array).length - (features[second] as Int32Array).length);
  for (let start = 0; start < order.length; start += batchSize) {
    const batch = order.slice(start, start + batchSize);
    const length = Math.max(1, (features[batch[batch.length - 1] as number] as Int32Array).length);
    const ids = new Int32Array(batch.length * length).fill(padId);
    batch.forEach((item, row) => ids.set(features[item] as Int32Array, row * length));
    const outputs = await session.run({ feature_ids: { type: 'int32', data: ids, dims: [batch.length, length] } });
    const batchPositive = outputs.positive?.data as Float32Array;
    const batchRating = outputs.rating?.data as Float32Array;
    const batchClausePositive = outputs.clause_positive?.data as Float32Array;
    batch.forEach((item, row) => {
      positive[item] = batchPositive[row] as number;
      rating[item] = batchRating[row] as number;
      clausePositive[item] = batchClausePositive[row] as number;
    });
  }
  return { positive, rating, clausePositive };
}

interface PreparedReview {
  normalized: string;
  lang: TextLanguage;
  features: Int32Array;
  /** Aspect mentions: which aspects each clause names and the index of the clause's features. */
  mentions: { aspects: ReviewAspect[]; item: number }[];
}

export async function loadReviewScorer(options: LoadReviewScorerOptions): Promise<ReviewScorer> {
  const config = readReviewConfig(options.modelDir);
  // One operator thread: the graph only gathers and sums (see SessionSettings.threads).
  const session = await options.engine.load(join(options.modelDir, reviewModelFileName), { threads: 1 });
  const featurizer = createFeaturizer(config.features);
  const padId = config.features.buckets;
  const band = config.neutralBand;
  const aspectBand = config.aspectBand ?? defaultAspectBand;
  return {
    name: config.name,
    config,
    async score(records) {
      const items: Int32Array[] = [];
      const prepared: PreparedReview[] = records.map((record) => {
        const normalized = normalizeText(composeReviewText(record ?? { text: '' }), config.normalize);
        const { ids: features, clauses, clauseOffsets } = reviewFeatures(featurizer, normalized);
        items.push(features);
        const mentions: PreparedReview['mentions'] = [];
        const cues = aspectMentions(normalized);
        // Each clause that names aspects is scored on its own: its features are a slice of the review's.
        clauses.forEach((clause, index) => {
          if (cues.length === 0) return;
          const named = new Set(cues.filter((cue) => cue.index >= clause.start && cue.index < clause.end).map((cue) => cue.aspect));
          const clauseFeatures = features.subarray(clauseOffsets[index], clauseOffsets[index + 1]);
          if (named.size === 0 || clauseFeatures.length === 0) return;
          mentions.push({ aspects: [...named], item: items.length });
          items.push(clauseFeatures);
        });
        return { normalized, lang: detectLanguage(normalized), features, mentions };
      });
      const outputs = await runModel(session, items, padId);
      let item = 0;
      return prepared.map((review) => {
        const index = item;
        item += 1 + review.mentions.length;
        // A text without any feature says nothing: neutral rather than the model's prior.
        const empty = review.features.length === 0;
        const modelPositive = empty ? 0.5 : (outputs.positive[index] as number);
        const modelRating = empty ? 3 : (outputs.rating[index] as number);
        // Safety risks and legal threats make a review bad news however it is worded.
        const { positive, reasons, urgency } = assessUrgency(review.normalized, modelPositive);
        const rating = positive < modelPositive ? Math.min(modelRating, 1 + 4 * positive) : modelRating;
        // An aspect named in several clauses gets the mean of their probabilities.
        const aspectTotals = new Map<ReviewAspect, { sum: number; count: number }>();
        for (const mention of review.mentions) {
          for (const aspect of mention.aspects) {
            const total = aspectTotals.get(aspect) ?? { sum: 0, count: 0 };
            total.sum += outputs.clausePositive[mention.item] as number;
            total.count += 1;
            aspectTotals.set(aspect, total);
          }
        }
        return {
          lang: review.lang,
          sentiment: threeWay(positive, band),
          positive,
          rating,
          aspects: [...aspectTotals].map(([aspect, total]) => ({ aspect, sentiment: threeWay(total.sum / total.count, aspectBand) })),
          urgency,
          reasons,
        };
      });
    },
  };
}
