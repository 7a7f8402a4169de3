/**
 * The review model: a fastText-style embedding bag. A text is the mean of its hashed
 * features' embeddings, weighted by inverse document frequency (so "的" and "the" count
 * less than "退货" and "refund"); two linear heads read it: a sentiment logit (log loss) and a star
 * rating (absolute loss, so it predicts the median rating, which minimises the MAE).
 * Trained with SGD and a linearly decaying learning rate in Float32Arrays, seeded.
 *
 * Both heads are linear in the mean embedding, so at export each feature's embedding is
 * multiplied through the heads once (see foldHeads): the served model gathers three numbers
 * per feature (weighted sentiment, weighted stars, weight) instead of a whole vector, the
 * same arithmetic at a fraction of the cost.
 */
import { seededRandom, shuffle } from '../../random.ts';

export interface BagExample {
  ids: Int32Array;
  /** Probability of positive to learn (1, 0, or 0.5 for neutral); NaN when unknown. */
  sentiment: number;
  sentimentWeight: number;
  /** Stars to learn (1–5); NaN when unknown. */
  rating: number;
  ratingWeight: number;
}

export interface BagOptions {
  buckets: number;
  dimensions: number;
  epochs: number;
  learningRate: number;
  seed: number;
}

export interface BagModel {
  buckets: number;
  dimensions: number;
  /** [buckets] weight of each feature in the mean; 0 for features never seen in training. */
  featureWeights: Float32Array;
  /** [buckets, dimensions] */
  embeddings: Float32Array;
  sentimentWeights: Float32Array;
  sentimentBias: number;
  ratingWeights: Float32Array;
  ratingBias: number;
}

/** Weighted mean of the features' embeddings into `into`; returns the total weight. */
function meanEmbedding(model: BagModel, ids: Int32Array, into: Float32Array): number {
  const { dimensions, embeddings, featureWeights } = model;
  into.fill(0);
  let total = 0;
  for (let index = 0; index < ids.length; index += 1) {
    const id = ids[index] as number;
    const weight = featureWeights[id] as number;
    total += weight;
    const offset = id * dimensions;
    for (let dimension = 0; dimension < dimensions; dimension += 1) into[dimension] = (into[dimension] as number) + weight * (embeddings[offset + dimension] as number);
  }
  if (total <= 0) return 0;
  for (let dimension = 0; dimension < dimensions; dimension += 1) into[dimension] = (into[dimension] as number) / total;
  return total;
}

/** Inverse document frequency of each bucket over the examples (0 for buckets no example has). */
export function inverseDocumentFrequencies(examples: readonly BagExample[], buckets: number): Float32Array {
  const counts = new Float32Array(buckets);
  const lastSeen = new Int32Array(buckets).fill(-1);
  examples.forEach((example, index) => {
    for (const id of example.ids) {
      if (lastSeen[id] === index) continue;
      lastSeen[id] = index;
      counts[id] = (counts[id] as number) + 1;
    }
  });
  const weights = new Float32Array(buckets);
  for (let bucket = 0; bucket < buckets; bucket += 1) {
    const count = counts[bucket] as number;
    if (count > 0) weights[bucket] = Math.log((examples.length + 1) / (count + 1)) + 1;
  }
  return weights;
}

function dot(first: Float32Array, second: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < first.length; index += 1) sum += (first[index] as number) * (second[index] as number);
  return sum;
}

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

export function trainBag(examples: readonly BagExample[], options: BagOptions): BagModel {
  const { buckets, dimensions, epochs, learningRate } = options;
  const random = seededRandom(options.seed);
  const embeddings = new Float32Array(buckets * dimensions);
  // Small random embeddings and zero heads, as in fastText.
  for (let index = 0; index < embeddings.length; index += 1) embeddings[index] = (random() * 2 - 1) / dimensions;
  const model: BagModel = {
    buckets,
    dimensions,
    featureWeights: inverseDocumentFrequencies(examples, buckets),
    embeddings,
    sentimentWeights: new Float32Array(dimensions),
    sentimentBias: 0,
    ratingWeights: new Float32Array(dimensions),
    ratingBias: 3,
  };
  const hidden = new Float32Array(dimensions);
  const gradient = new Float32Array(dimensions);
  const order = new Int32Array(examples.length);
  for (let index = 0; index < order.length; index += 1) order[index] = index;
  const totalSteps = Math.max(1, epochs * examples.length);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    shuffle(order, random);
    for (const index of order) {
      const example = examples[index] as BagExample;
      const rate = learningRate * (1 - step / totalSteps);
      step += 1;
      const total = meanEmbedding(model, example.ids, hidden);
      if (total <= 0) continue;
      gradient.fill(0);
      if (!Number.isNaN(example.sentiment)) {
        const error = rate * example.sentimentWeight * (example.sentiment - sigmoid(dot(model.sentimentWeights, hidden) + model.sentimentBias));
        for (let dimension = 0; dimension < dimensions; dimension += 1) {
          gradient[dimension] = (gradient[dimension] as number) + error * (model.sentimentWeights[dimension] as number);
          model.sentimentWeights[dimension] = (model.sentimentWeights[dimension] as number) + error * (hidden[dimension] as number);
        }
        model.sentimentBias += error;
      }
      if (!Number.isNaN(example.rating)) {
        // Gradient of the absolute error, softened near zero (Huber with a 0.5-star knee).
        const residual = example.rating - (dot(model.ratingWeights, hidden) + model.ratingBias);
        const error = rate * example.ratingWeight * Math.max(-1, Math.min(1, residual * 2));
        for (let dimension = 0; dimension < dimensions; dimension += 1) {
          gradient[dimension] = (gradient[dimension] as number) + error * (model.ratingWeights[dimension] as number);
          model.ratingWeights[dimension] = (model.ratingWeights[dimension] as number) + error * (hidden[dimension] as number);
        }
        model.ratingBias += error;
      }
      for (let position = 0; position < example.ids.length; position += 1) {
        const id = example.ids[position] as number;
        const share = (model.featureWeights[id] as number) / total;
        const offset = id * dimensions;
        for (let dimension = 0; dimension < dimensions; dimension += 1) embeddings[offset + dimension] = (embeddings[offset + dimension] as number) + share * (gradient[dimension] as number);
      }
    }
  }
  return model;
}

/**
 * What the served model holds, per feature ([buckets, 4], interleaved): its weighted
 * contribution to the review sentiment logit, to the stars and to the clause sentiment
 * logit, and its weight; plus the biases. A text's heads are the column sums divided by
 * the weight sum.
 */
export interface FoldedHeads {
  buckets: number;
  table: Float32Array;
  sentimentBias: number;
  ratingBias: number;
  clauseBias: number;
}

export const foldedColumns = 4;

/**
 * Multiplies each feature's embedding through the heads. The clause sentiment column (what
 * aspect sentiment reads) repeats the review sentiment: a separate head trained on clauses
 * labelled like their review read mixed sentences worse (`scripts/eval-aspects.ts`). The
 * column stays in the format because models trained before that still carry such a head.
 */
export function foldHeads(review: BagModel): FoldedHeads {
  const { buckets, dimensions, featureWeights } = review;
  const table = new Float32Array(buckets * foldedColumns);
  for (let bucket = 0; bucket < buckets; bucket += 1) {
    const weight = featureWeights[bucket] as number;
    // Buckets no training text had keep their random start: they must not count.
    if (weight === 0) continue;
    const row = review.embeddings.subarray(bucket * dimensions, (bucket + 1) * dimensions);
    const sentiment = weight * dot(row, review.sentimentWeights);
    table[bucket * foldedColumns] = sentiment;
    table[bucket * foldedColumns + 1] = weight * dot(row, review.ratingWeights);
    table[bucket * foldedColumns + 2] = sentiment;
    table[bucket * foldedColumns + 3] = weight;
  }
  return { buckets, table, sentimentBias: review.sentimentBias, ratingBias: review.ratingBias, clauseBias: review.sentimentBias };
}

/** The mean of several models' heads: an ensemble that costs no more to serve than one model (all share the same feature weights). */
export function averageHeads(members: readonly FoldedHeads[]): FoldedHeads {
  const first = members[0] as FoldedHeads;
  const table = new Float32Array(first.table.length);
  for (const member of members) for (let index = 0; index < table.length; index += 1) table[index] = (table[index] as number) + (member.table[index] as number) / members.length;
  const mean = (pick: (member: FoldedHeads) => number) => members.reduce((sum, member) => sum + pick(member), 0) / members.length;
  return {
    buckets: first.buckets,
    table,
    sentimentBias: mean((member) => member.sentimentBias),
    ratingBias: mean((member) => member.ratingBias),
    clauseBias: mean((member) => member.clauseBias),
  };
}

export interface HeadOutputs {
  /** Review sentiment logit before calibration. */
  logit: number;
  /** Stars before clipping to 1–5. */
  rating: number;
  /** Clause sentiment logit before calibration. */
  clauseLogit: number;
}

/** Smallest weight total the graph divides by, so a text without known features gets the biases. */
export const smallestWeightTotal = 1e-6;

/** The heads of one text in TypeScript, the arithmetic of the exported graph; used for calibration and evaluation. */
export function predictHeads(heads: FoldedHeads, ids: Int32Array): HeadOutputs {
  let logit = 0;
  let rating = 0;
  let clauseLogit = 0;
  let total = 0;
  for (let index = 0; index < ids.length; index += 1) {
    const offset = (ids[index] as number) * foldedColumns;
    logit += heads.table[offset] as number;
    rating += heads.table[offset + 1] as number;
    clauseLogit += heads.table[offset + 2] as number;
    total += heads.table[offset + 3] as number;
  }
  const scale = 1 / Math.max(smallestWeightTotal, total);
  return { logit: logit * scale + heads.sentimentBias, rating: rating * scale + heads.ratingBias, clauseLogit: clauseLogit * scale + heads.clauseBias };
}
