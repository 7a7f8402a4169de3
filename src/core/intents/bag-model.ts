/**
 * A fastText-style supervised classifier: the text vector is the mean of its features'
 * embeddings, a linear layer and a softmax give the class probabilities. Trained with
 * plain SGD and a learning rate decaying linearly to zero, which is fast on two cores and,
 * for short utterances, about as accurate as far bigger models.
 */
import { seededRandom, shuffle } from '../random.ts';
import { linearLogits, normalisedShares, type LinearScores } from './linear-model.ts';
import { inverseDocumentFrequencies, softmaxInPlace } from './row-arithmetic.ts';

export interface BagModel {
  labels: string[];
  dimensions: number;
  /** Sorted hash buckets; bucket `buckets[row]` owns embedding row `row`. */
  buckets: Uint32Array;
  /** [rows, dimensions] */
  embeddings: Float32Array;
  /** [classes, dimensions] */
  weights: Float32Array;
  /** [classes] */
  bias: Float32Array;
  /** [rows] how much each feature counts in the text vector: its inverse document frequency, so rare words weigh more. */
  rowWeights: Float32Array;
  /** Softmax regression over the same rows whose logits are added to the bag's (`linear-model.ts`; training halves both, so they are averaged). */
  linear?: LinearScores;
}

export interface TrainingExample {
  buckets: readonly number[];
  label: number;
}

export interface BagTrainingOptions {
  dimensions: number;
  epochs: number;
  learningRate: number;
  seed: number;
  /** Starting vectors for some buckets (pretrained word vectors); these rows are kept even when training never sees them. */
  pretrained?: ReadonlyMap<number, Float32Array>;
  idfPower?: number;
}

/** Maps hash buckets to embedding rows; buckets unseen in training are dropped at inference. */
export function rowLookup(buckets: Uint32Array): Map<number, number> {
  const lookup = new Map<number, number>();
  buckets.forEach((bucket, row) => lookup.set(bucket, row));
  return lookup;
}

export function rowsOf(buckets: readonly number[], lookup: ReadonlyMap<number, number>): number[] {
  const rows: number[] = [];
  for (const bucket of buckets) {
    const row = lookup.get(bucket);
    if (row !== undefined) rows.push(row);
  }
  return rows;
}

export function trainBagModel(examples: readonly TrainingExample[], labels: string[], options: BagTrainingOptions): BagModel {
  const { dimensions, epochs, learningRate } = options;
  const random = seededRandom(options.seed);
  const seen = new Set(examples.flatMap((example) => example.buckets));
  for (const bucket of options.pretrained?.keys() ?? []) seen.add(bucket);
  const buckets = Uint32Array.from(seen).sort();
  const lookup = rowLookup(buckets);
  const encoded = examples.map((example) => ({ rows: Int32Array.from(rowsOf(example.buckets, lookup)), label: example.label }));
  const rowWeights = inverseDocumentFrequencies(encoded, buckets.length, options.idfPower ?? 1);
  const classes = labels.length;
  const embeddings = new Float64Array(buckets.length * dimensions);
  for (let index = 0; index < embeddings.length; index += 1) embeddings[index] = (random() * 2 - 1) / dimensions;
  for (const [bucket, vector] of options.pretrained ?? []) embeddings.set(vector.subarray(0, dimensions), (lookup.get(bucket) as number) * dimensions);
  const weights = new Float64Array(classes * dimensions);
  const bias = new Float64Array(classes);
  const hidden = new Float64Array(dimensions);
  const gradient = new Float64Array(dimensions);
  const scores = new Float64Array(classes);
  const order = encoded.map((_, index) => index);
  const totalSteps = Math.max(1, epochs * encoded.length);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    shuffle(order, random);
    for (const index of order) {
      const example = encoded[index] as { rows: Int32Array; label: number };
      const rate = learningRate * (1 - step / totalSteps);
      step += 1;
      if (example.rows.length === 0) continue;
      const total = meanEmbedding(embeddings, dimensions, example.rows, rowWeights, hidden);
      softmaxScores(weights, bias, hidden, scores);
      gradient.fill(0);
      for (let label = 0; label < classes; label += 1) {
        const error = rate * ((label === example.label ? 1 : 0) - (scores[label] as number));
        const offset = label * dimensions;
        for (let dimension = 0; dimension < dimensions; dimension += 1) {
          gradient[dimension] = (gradient[dimension] as number) + error * (weights[offset + dimension] as number);
          weights[offset + dimension] = (weights[offset + dimension] as number) + error * (hidden[dimension] as number);
        }
        bias[label] = (bias[label] as number) + error;
      }
      for (const row of example.rows) {
        const offset = row * dimensions;
        const share = (rowWeights[row] as number) / total;
        for (let dimension = 0; dimension < dimensions; dimension += 1) {
          embeddings[offset + dimension] = (embeddings[offset + dimension] as number) + share * (gradient[dimension] as number);
        }
      }
    }
  }
  return { labels, dimensions, buckets, embeddings: Float32Array.from(embeddings), weights: Float32Array.from(weights), bias: Float32Array.from(bias), rowWeights };
}

/** Weighted mean of the rows' embeddings into `into`; returns the total weight. */
function meanEmbedding(embeddings: Float32Array | Float64Array, dimensions: number, rows: ArrayLike<number>, rowWeights: Float32Array, into: Float32Array | Float64Array): number {
  into.fill(0);
  let total = 0;
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index] as number;
    const weight = rowWeights[row] as number;
    total += weight;
    const offset = row * dimensions;
    for (let dimension = 0; dimension < dimensions; dimension += 1) into[dimension] = (into[dimension] as number) + weight * (embeddings[offset + dimension] as number);
  }
  if (total === 0) return 0;
  for (let dimension = 0; dimension < dimensions; dimension += 1) into[dimension] = (into[dimension] as number) / total;
  return total;
}

/** Softmax of the output layer's logits, plus `extra` logits when given. */
function softmaxScores(weights: Float32Array | Float64Array, bias: Float32Array | Float64Array, hidden: Float32Array | Float64Array, into: Float32Array | Float64Array, extra?: Float32Array): void {
  const dimensions = hidden.length;
  for (let label = 0; label < into.length; label += 1) {
    let sum = bias[label] as number;
    const offset = label * dimensions;
    for (let dimension = 0; dimension < dimensions; dimension += 1) sum += (weights[offset + dimension] as number) * (hidden[dimension] as number);
    if (extra) sum += extra[label] as number;
    into[label] = sum;
  }
  softmaxInPlace(into);
}

/** Class probabilities in TypeScript, the same arithmetic as the exported ONNX graph; used to tune on validation. */
export function predictProbabilities(model: BagModel, buckets: readonly number[], lookup: ReadonlyMap<number, number>): Float32Array {
  const hidden = new Float32Array(model.dimensions);
  const scores = new Float32Array(model.labels.length);
  const rows = rowsOf(buckets, lookup);
  meanEmbedding(model.embeddings, model.dimensions, rows, model.rowWeights, hidden);
  let extra: Float32Array | undefined;
  if (model.linear) {
    extra = new Float32Array(model.labels.length);
    linearLogits(model.linear.weights, model.labels.length, rows, normalisedShares(rows, model.linear.rowWeights, new Float32Array(rows.length)), extra);
  }
  softmaxScores(model.weights, model.bias, hidden, scores, extra);
  return scores;
}
