/**
 * The files of an intent model folder:
 * - model.onnx: feature rows + mask → class probabilities (all learned numbers live here);
 * - buckets.bin: the hash bucket of each embedding row (uint32 LE, sorted), so texts can be
 *   turned into rows without the training data;
 * - manifest.json: labels, the out-of-scope threshold, feature settings and training facts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeModel, type GraphDefinition, type GraphNode } from '../inference/onnx-graph.ts';
import type { BagModel } from './bag-model.ts';
import type { LinearScores } from './linear-model.ts';
import { featureVersion, type FeatureOptions } from './features.ts';

export const modelFileName = 'model.onnx';
export const bucketsFileName = 'buckets.bin';
export const manifestFileName = 'manifest.json';
export const manifestFormat = 'shopdesk-intent-model';

/** The label of texts the model should not answer; rows with it are negatives in training. */
export const outOfScopeLabel = 'out_of_scope';

export interface IntentModelManifest {
  format: typeof manifestFormat;
  featureVersion: number;
  features: FeatureOptions;
  labels: string[];
  /** Below this top probability a text is out of scope. */
  threshold: number;
  /** The word answers use for out of scope, as the training file spelled it (CLINC150: `oos`); out_of_scope when absent. */
  outOfScopeName?: string;
  dimensions: number;
  training: {
    rows: number;
    seed: number;
    epochs: number;
    learningRate: number;
    validation: ValidationReport;
    milliseconds: number;
    wordVectors: boolean;
    /** Whether a softmax regression's logits are added to the bag's; absent in models made before it existed. */
    linear?: boolean;
  };
}

export interface ValidationReport {
  rows: number;
  /** Share of validation rows answered right, counting out-of-scope answers. */
  accuracy: number;
  /** Share of in-scope validation rows given their intent. */
  inScopeAccuracy: number;
  /** Share of out-of-scope validation rows recognised as such; null without any. */
  outOfScopeRecall: number | null;
}

function graphOf(model: BagModel): GraphDefinition {
  const rows = model.buckets.length;
  const classes = model.labels.length;
  const { dimensions } = model;
  // MatMul wants [dimensions, classes]; training keeps one row per class.
  const transposed = new Float32Array(dimensions * classes);
  for (let label = 0; label < classes; label += 1) {
    for (let dimension = 0; dimension < dimensions; dimension += 1) transposed[dimension * classes + label] = model.weights[label * dimensions + dimension] as number;
  }
  const linear = model.linear ? linearBranch(model.linear, rows, classes) : undefined;
  return {
    name: 'shopdesk-intents',
    inputs: [
      { name: 'feature_rows', type: 'int64', dims: ['batch', 'length'] },
      { name: 'feature_mask', type: 'float32', dims: ['batch', 'length'] },
    ],
    outputs: [{ name: 'probabilities', type: 'float32', dims: ['batch', classes] }],
    initializers: [
      { name: 'embeddings', type: 'float32', dims: [rows, dimensions], data: model.embeddings },
      { name: 'row_weights', type: 'float32', dims: [rows], data: model.rowWeights },
      { name: 'output_weights', type: 'float32', dims: [dimensions, classes], data: transposed },
      { name: 'output_bias', type: 'float32', dims: [classes], data: model.bias },
      { name: 'axis_length', type: 'int64', dims: [1], data: BigInt64Array.from([1n]) },
      { name: 'axis_last', type: 'int64', dims: [1], data: BigInt64Array.from([2n]) },
      { name: 'smallest_total', type: 'float32', dims: [1], data: Float32Array.from([1e-6]) },
      ...(linear?.initializers ?? []),
    ],
    nodes: [
      { op: 'Gather', inputs: ['row_weights', 'feature_rows'], outputs: ['raw_weights'], attributes: { axis: 0 } },
      { op: 'Mul', inputs: ['raw_weights', 'feature_mask'], outputs: ['masked_weights'] },
      { op: 'ReduceSum', inputs: ['masked_weights', 'axis_length'], outputs: ['weight_total'], attributes: { keepdims: 1 } },
      { op: 'Max', inputs: ['weight_total', 'smallest_total'], outputs: ['safe_total'] },
      { op: 'Div', inputs: ['masked_weights', 'safe_total'], outputs: ['shares'] },
      ...weightedRowSum('embeddings', 'shares', 'text_vector'),
      { op: 'MatMul', inputs: ['text_vector', 'output_weights'], outputs: ['logits_unbiased'] },
      { op: 'Add', inputs: ['logits_unbiased', 'output_bias'], outputs: [linear ? 'bag_logits' : 'logits'] },
      ...(linear?.nodes ?? []),
      { op: 'Softmax', inputs: ['logits'], outputs: ['probabilities'], attributes: { axis: 1 } },
    ],
    metadata: { labels: JSON.stringify(model.labels), featureVersion: String(featureVersion) },
  };
}

/** Σ share × row of `table` over the text's feature rows: the bag's text vector, or the regression's logits. */
function weightedRowSum(table: string, shares: string, output: string): GraphNode[] {
  return [
    { op: 'Unsqueeze', inputs: [shares, 'axis_last'], outputs: [`${shares}_column`] },
    { op: 'Gather', inputs: [table, 'feature_rows'], outputs: [`${table}_rows`], attributes: { axis: 0 } },
    { op: 'Mul', inputs: [`${table}_rows`, `${shares}_column`], outputs: [`${table}_weighted`] },
    { op: 'ReduceSum', inputs: [`${table}_weighted`, 'axis_length'], outputs: [output], attributes: { keepdims: 0 } },
  ];
}

/** The softmax regression's logits (`linear-model.ts`), added to the bag's: `bag_logits` → `logits`. */
function linearBranch(linear: LinearScores, rows: number, classes: number): Pick<GraphDefinition, 'initializers' | 'nodes'> {
  return {
    initializers: [
      { name: 'linear_row_weights', type: 'float32', dims: [rows], data: linear.rowWeights },
      { name: 'linear_weights', type: 'float32', dims: [rows, classes], data: linear.weights },
      { name: 'smallest_squares', type: 'float32', dims: [1], data: Float32Array.from([1e-12]) },
    ],
    nodes: [
      { op: 'Gather', inputs: ['linear_row_weights', 'feature_rows'], outputs: ['linear_raw_weights'], attributes: { axis: 0 } },
      { op: 'Mul', inputs: ['linear_raw_weights', 'feature_mask'], outputs: ['linear_masked_weights'] },
      { op: 'Mul', inputs: ['linear_masked_weights', 'linear_masked_weights'], outputs: ['linear_squares'] },
      { op: 'ReduceSum', inputs: ['linear_squares', 'axis_length'], outputs: ['linear_square_total'], attributes: { keepdims: 1 } },
      { op: 'Max', inputs: ['linear_square_total', 'smallest_squares'], outputs: ['linear_safe_squares'] },
      { op: 'Sqrt', inputs: ['linear_safe_squares'], outputs: ['linear_norm'] },
      { op: 'Div', inputs: ['linear_masked_weights', 'linear_norm'], outputs: ['linear_shares'] },
      ...weightedRowSum('linear_weights', 'linear_shares', 'linear_logits'),
      { op: 'Add', inputs: ['bag_logits', 'linear_logits'], outputs: ['logits'] },
    ],
  };
}

export function writeIntentModel(directory: string, model: BagModel, manifest: IntentModelManifest): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, modelFileName), encodeModel(graphOf(model)));
  const buckets = Buffer.alloc(model.buckets.length * 4);
  model.buckets.forEach((bucket, row) => buckets.writeUInt32LE(bucket, row * 4));
  writeFileSync(join(directory, bucketsFileName), buckets);
  writeFileSync(join(directory, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readIntentManifest(directory: string): IntentModelManifest {
  const path = join(directory, manifestFileName);
  let manifest: IntentModelManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as IntentModelManifest;
  } catch (error) {
    throw new Error(`${path}: not an intent model (${String(error)})`);
  }
  if (manifest.format !== manifestFormat) throw new Error(`${path}: not an intent model (format "${String(manifest.format)}")`);
  if (manifest.featureVersion !== featureVersion) {
    throw new Error(`${path}: made with text features version ${manifest.featureVersion}, this build reads version ${featureVersion}; retrain the model`);
  }
  return manifest;
}

export function readBuckets(directory: string): Uint32Array {
  const bytes = readFileSync(join(directory, bucketsFileName));
  const buckets = new Uint32Array(bytes.length / 4);
  for (let row = 0; row < buckets.length; row += 1) buckets[row] = bytes.readUInt32LE(row * 4);
  return buckets;
}
