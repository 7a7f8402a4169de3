/**
 * A second opinion for the bag model: softmax regression straight over the same feature
 * rows (IDF-weighted, L2-normalised), its logits averaged with the bag's. The bag squeezes
 * every feature through 100 dimensions learned together; this model keeps a class score
 * per feature. Alone they score alike on BANKING77, but they err on different texts: on
 * four inner splits of its training part the pair was right 0.3 points more often than
 * the bag on average (see the intent model card).
 */
import { seededRandom, shuffle } from '../random.ts';
import { inverseDocumentFrequencies, softmaxInPlace } from './row-arithmetic.ts';

export interface LinearScores {
  /** [rows] each feature's weight before normalisation: its inverse document frequency. */
  rowWeights: Float32Array;
  /** [rows, classes] */
  weights: Float32Array;
}

export interface LinearTrainingOptions {
  epochs: number;
  learningRate: number;
  seed: number;
}

/** Examples are given as the bag model's rows, so both models read one feature list and the ONNX graph one input. */
export function trainLinearScores(encoded: readonly { rows: Int32Array; label: number }[], rowCount: number, classes: number, options: LinearTrainingOptions): LinearScores {
  const rowWeights = inverseDocumentFrequencies(encoded, rowCount, 1);
  const weights = new Float64Array(rowCount * classes);
  const scores = new Float64Array(classes);
  const random = seededRandom(options.seed ^ 0x11ea);
  const order = encoded.map((_, index) => index);
  const totalSteps = Math.max(1, options.epochs * encoded.length);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffle(order, random);
    for (const index of order) {
      const example = encoded[index] as { rows: Int32Array; label: number };
      const rate = options.learningRate * (1 - step / totalSteps);
      step += 1;
      if (example.rows.length === 0) continue;
      const rowShares = normalisedShares(example.rows, rowWeights, new Float64Array(example.rows.length));
      linearLogits(weights, classes, example.rows, rowShares, scores);
      softmaxInPlace(scores);
      for (let position = 0; position < example.rows.length; position += 1) {
        const offset = (example.rows[position] as number) * classes;
        const share = rowShares[position] as number;
        for (let label = 0; label < classes; label += 1) {
          const error = rate * ((label === example.label ? 1 : 0) - (scores[label] as number));
          weights[offset + label] = (weights[offset + label] as number) + error * share;
        }
      }
    }
  }
  return { rowWeights, weights: Float32Array.from(weights) };
}

/** Each position's weight over the square root of the sum of their squares, as the ONNX graph computes it. */
export function normalisedShares(rows: ArrayLike<number>, rowWeights: Float32Array, into: Float64Array | Float32Array): Float64Array | Float32Array {
  let squares = 0;
  for (let position = 0; position < rows.length; position += 1) squares += (rowWeights[rows[position] as number] as number) ** 2;
  const norm = Math.sqrt(Math.max(squares, 1e-12));
  for (let position = 0; position < rows.length; position += 1) into[position] = (rowWeights[rows[position] as number] as number) / norm;
  return into;
}

/** The class scores of the rows, weighted by their shares, into `into`. */
export function linearLogits(weights: Float32Array | Float64Array, classes: number, rows: ArrayLike<number>, shares: ArrayLike<number>, into: Float64Array | Float32Array): void {
  into.fill(0);
  for (let position = 0; position < rows.length; position += 1) {
    const offset = (rows[position] as number) * classes;
    const share = shares[position] as number;
    for (let label = 0; label < classes; label += 1) into[label] = (into[label] as number) + share * (weights[offset + label] as number);
  }
}
