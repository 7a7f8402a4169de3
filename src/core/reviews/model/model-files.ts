/**
 * The files of a review model folder:
 * - review-sentiment.onnx: hashed feature ids → calibrated probability of positive and a
 *   star rating (all learned numbers live here);
 * - config.json: feature settings, the neutral band, training facts and validation numbers.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeModel, readFloatInitializers, type GraphDefinition } from '../../inference/onnx-graph.ts';
import { featureVersion, type FeatureOptions } from '../../text/features.ts';
import type { NormalizeOptions } from '../../text/normalize.ts';
import { foldedColumns, smallestWeightTotal, type FoldedHeads } from './bag.ts';
import type { NeutralBand, PlattScaling } from './calibration.ts';

export const reviewModelFileName = 'review-sentiment.onnx';
export const reviewConfigFileName = 'config.json';
export const reviewModelFormat = 'shopdesk-review-model';

export interface ReviewModelConfig {
  format: typeof reviewModelFormat;
  /** Name stored with each score, e.g. 'review-sentiment@2026-11-29T12:30'. */
  name: string;
  featureVersion: number;
  features: FeatureOptions;
  normalize: NormalizeOptions;
  calibration: PlattScaling;
  /** Platt scaling of the clause sentiment column (aspect sentiment); the review calibration since it repeats the review head (foldHeads). */
  clauseCalibration: PlattScaling;
  neutralBand: NeutralBand;
  /** Band for the sentiment of aspect clauses; defaultAspectBand when absent. */
  aspectBand?: NeutralBand;
  training: {
    rows: number;
    seed: number;
    dimensions: number;
    epochs: number;
    learningRate: number;
    /** Models trained with consecutive seeds and averaged. */
    ensemble: number;
    milliseconds: number;
    /** Label cleaning threshold and the training rows it dropped (absent in models trained without it). */
    labelCleaning?: { threshold: number; droppedRows: number };
  };
  /** Set when the model is another model adapted to a store (adapt.ts): which one, and how many rows that one was trained on. */
  adaptedFrom?: { model: string; rows: number };
  /** Numbers measured on held-out rows at training time, keyed by what was measured. */
  validation: Record<string, number>;
}

/**
 * feature_ids [batch, length] (int32, padded with `buckets`, whose row is zero)
 * → positive [batch, 1], rating [batch, 1], clause_positive [batch, 1].
 */
function reviewGraph(heads: FoldedHeads, calibration: PlattScaling, clauseCalibration: PlattScaling): GraphDefinition {
  const table = new Float32Array((heads.buckets + 1) * foldedColumns);
  table.set(heads.table);
  return {
    name: 'shopdesk-review-sentiment',
    inputs: [
      { name: 'feature_ids', type: 'int32', dims: ['batch', 'length'] },
    ],
    outputs: [
      { name: 'positive', type: 'float32', dims: ['batch', 1] },
      { name: 'rating', type: 'float32', dims: ['batch', 1] },
      { name: 'clause_positive', type: 'float32', dims: ['batch', 1] },
    ],
    initializers: [
      { name: 'feature_heads', type: 'float32', dims: [heads.buckets + 1, foldedColumns], data: table },
      { name: 'smallest_total', type: 'float32', dims: [1], data: Float32Array.from([smallestWeightTotal]) },
      { name: 'length_axis', type: 'int64', dims: [1], data: BigInt64Array.from([1n]) },
      { name: 'split_sizes', type: 'int64', dims: [2], data: BigInt64Array.from([3n, 1n]) },
      // Platt scaling is folded into the sentiment columns, so the outputs are calibrated.
      { name: 'head_scale', type: 'float32', dims: [3], data: Float32Array.from([calibration.scale, 1, clauseCalibration.scale]) },
      {
        name: 'head_shift',
        type: 'float32',
        dims: [3],
        data: Float32Array.from([calibration.scale * heads.sentimentBias + calibration.shift, heads.ratingBias, clauseCalibration.scale * heads.clauseBias + clauseCalibration.shift]),
      },
      { name: 'lowest_rating', type: 'float32', dims: [], data: Float32Array.from([1]) },
      { name: 'highest_rating', type: 'float32', dims: [], data: Float32Array.from([5]) },
    ],
    nodes: [
      { op: 'Gather', inputs: ['feature_heads', 'feature_ids'], outputs: ['gathered'], attributes: { axis: 0 } },
      { op: 'ReduceSum', inputs: ['gathered', 'length_axis'], outputs: ['sums'], attributes: { keepdims: 0 } },
      // Columns: weighted review sentiment, weighted stars, weighted clause sentiment | weight total.
      { op: 'Split', inputs: ['sums', 'split_sizes'], outputs: ['weighted_sums', 'weight_total'], attributes: { axis: 1 } },
      { op: 'Max', inputs: ['weight_total', 'smallest_total'], outputs: ['safe_total'] },
      { op: 'Div', inputs: ['weighted_sums', 'safe_total'], outputs: ['means'] },
      { op: 'Mul', inputs: ['means', 'head_scale'], outputs: ['scaled'] },
      { op: 'Add', inputs: ['scaled', 'head_shift'], outputs: ['heads'] },
      { op: 'Split', inputs: ['heads'], outputs: ['logit', 'raw_rating', 'clause_logit'], attributes: { axis: 1 } },
      { op: 'Sigmoid', inputs: ['logit'], outputs: ['positive'] },
      { op: 'Sigmoid', inputs: ['clause_logit'], outputs: ['clause_positive'] },
      { op: 'Clip', inputs: ['raw_rating', 'lowest_rating', 'highest_rating'], outputs: ['rating'] },
    ],
    metadata: { featureVersion: String(featureVersion), buckets: String(heads.buckets) },
  };
}

export function writeReviewModel(directory: string, heads: FoldedHeads, config: ReviewModelConfig): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, reviewModelFileName), encodeModel(reviewGraph(heads, config.calibration, config.clauseCalibration)));
  writeFileSync(join(directory, reviewConfigFileName), `${JSON.stringify(config, null, 2)}\n`);
}

export function readReviewConfig(directory: string): ReviewModelConfig {
  const path = join(directory, reviewConfigFileName);
  let config: ReviewModelConfig;
  try {
    config = JSON.parse(readFileSync(path, 'utf8')) as ReviewModelConfig;
  } catch (error) {
    throw new Error(`${path}: not a review model (${String(error)})`);
  }
  if (config.format !== reviewModelFormat) throw new Error(`${path}: not a review model (format "${String(config.format)}")`);
  if (config.featureVersion !== featureVersion) {
    throw new Error(`${path}: made with text features version ${config.featureVersion}, this build reads version ${featureVersion}; retrain the model`);
  }
  return config;
}

/** The heads a model folder serves, read back from its ONNX file (the inverse of writeReviewModel), to adapt them. */
export function readReviewHeads(directory: string, config: ReviewModelConfig = readReviewConfig(directory)): FoldedHeads {
  const path = join(directory, reviewModelFileName);
  const initializers = readFloatInitializers(readFileSync(path));
  const table = initializers.get('feature_heads');
  const shift = initializers.get('head_shift')?.data;
  const buckets = config.features.buckets;
  if (!table || table.data.length !== (buckets + 1) * foldedColumns || !shift || shift.length !== 3) throw new Error(`${path}: not a review model of ${buckets} feature buckets`);
  const { calibration, clauseCalibration } = config;
  return {
    buckets,
    // The last row is the padding id's, always zero: writeReviewModel adds it again.
    table: table.data.slice(0, buckets * foldedColumns),
    // The graph folds Platt scaling into its shifts (scale × bias + shift); unfold it.
    sentimentBias: ((shift[0] as number) - calibration.shift) / calibration.scale,
    ratingBias: shift[1] as number,
    clauseBias: ((shift[2] as number) - clauseCalibration.shift) / clauseCalibration.scale,
  };
}
