/**
 * Training: every signal from the interactions, then blend weights tuned on a
 * leave-last-out validation split (each user's last interaction held out, signals
 * retrained on the rest), then the signals retrained on everything.
 */
import { trainAls } from './als.ts';
import { textNeighbours } from './content.ts';
import { imageNeighbours } from './image-similarity.ts';
import { trainEase } from './ease.ts';
import { indexInteractions, leaveLastOut, type Interaction, type InteractionData } from './interactions.ts';
import { emptyRows, itemCosine, itemTransitions, packRows, topEntries, type SparseRows } from './item-similarity.ts';
import { componentNames, type BlendWeights, type ModelSettings, type RecommenderModel } from './model.ts';
import { emptySequenceModel, trainSequenceModel, type SequenceOptions } from './sequence.ts';
import { tuneWeights } from './tuning.ts';

export interface TrainOptions {
  seed?: number;
  /** Item → category name: popularity within a category for cold start, category caps for diversity. */
  itemCategories?: Map<string, string>;
  /** Item → title/description: content similarity, also for items nobody has interacted with. */
  itemTexts?: Map<string, string>;
  /** Item → feature vector of its catalog image: look-alike items ("Similar"), also for items nobody has interacted with. */
  itemImageVectors?: Map<string, Float32Array>;
  /** Fixed blend weights; when absent they are tuned on a validation split. */
  weights?: BlendWeights;
}

export const defaultSettings: ModelSettings = {
  transitions: { window: 10, decay: 0.6 },
  neighbours: { window: 10_000, decay: 0.95 },
  ease: { window: 10_000, decay: 0.98 },
  content: { window: 10, decay: 0.8 },
  factors: 32,
};

/** Starting point of the weight search, also used when validation is impossible (too little data). */
export const defaultWeights: BlendWeights = { transitions: 1, neighbours: 1, ease: 0.5, content: 1, factors: 0.2, sequence: 0.5, popularity: 0.1 };

/** EASE inverts a min(users, items)-sized matrix; beyond this size it is skipped to keep training fast. */
const maximumEaseSize = 4000;
/**
 * Settings of the next-item model, chosen on Amazon Scientific's inner split (more epochs overfit).
 * Twelve copies with the sampled softmax score like six with the full one (alone: HR@10 0.169 both) in a fifth of the time.
 */
const sequenceOptions: Omit<SequenceOptions, 'seed'> = { dimension: 32, window: 5, copies: 12, epochs: 2, learningRate: 0.005, weightDecay: 0.3, batchSize: 32, negatives: 100 };
/** Training pairs × softmax items × copies × epochs above which the next-item model is skipped (all of Amazon Scientific: 2.6·10⁷, about 7 s). */
const maximumSequenceWork = 5e7;
/** Neighbours kept per item for every item–item signal. */
const neighbourCount = 200;

/** Keeps the largest `limit` positive entries of each row of a dense square matrix. */
function sparsify(dense: Float32Array, size: number, limit: number): SparseRows {
  return packRows(Array.from({ length: size }, (_, row) => topEntries(dense.subarray(row * size, (row + 1) * size), limit)));
}

/** Trains every signal on indexed interactions; the weights are left at the given ones. */
export function trainSignals(data: InteractionData, options: TrainOptions, weights: BlendWeights): RecommenderModel {
  const itemCount = data.items.length;
  const settings = { ...defaultSettings };
  const cosine = itemCosine(data, { shrink: 10, neighbours: neighbourCount });
  const transitions = itemTransitions(data, { window: 3, decay: 0.7, shrink: 5, neighbours: neighbourCount });
  const easeSize = Math.min(itemCount, data.users.length);
  const ease = easeSize <= maximumEaseSize && itemCount > 1 ? sparsify(trainEase(data, 300), itemCount, neighbourCount) : emptyRows(itemCount);
  const texts = options.itemTexts;
  const content = texts && texts.size > 0 ? textNeighbours(data.items.map((item) => texts.get(item)), neighbourCount) : emptyRows(itemCount);
  const images = options.itemImageVectors;
  const looks = images && images.size > 0 ? imageNeighbours(data.items.map((item) => images.get(item)), neighbourCount, options.seed ?? 1) : emptyRows(itemCount);
  const factorisation = trainAls(data, { factors: settings.factors, iterations: 4, alpha: 10, regularization: 1, conjugateGradientSteps: 3, seed: options.seed ?? 1 });
  // Past the budget (MovieLens-100K is 5× over: 10⁵ pairs) the next-item model would break the training-time target.
  const pairCount = data.sequences.reduce((sum, sequence) => sum + Math.max(0, sequence.length - 1), 0);
  const sequenceWork = pairCount * Math.min(itemCount, sequenceOptions.negatives + 1) * sequenceOptions.copies * sequenceOptions.epochs;
  const sequence = sequenceWork <= maximumSequenceWork && pairCount > 0 ? trainSequenceModel(data, { ...sequenceOptions, seed: options.seed ?? 1 }) : emptySequenceModel(itemCount);
  const usable: Record<string, boolean> = { ease: ease.indices.length > 0, content: content.indices.length > 0, sequence: sequence.dimension > 0 };
  const finalWeights = { ...weights };
  for (const component of componentNames) if (usable[component] === false) finalWeights[component] = 0;
  return {
    formatVersion: 1,
    items: data.items,
    itemIndex: data.itemIndex,
    users: data.users,
    userIndex: data.userIndex,
    histories: data.sequences,
    categories: data.items.map((item) => options.itemCategories?.get(item) ?? ''),
    popularity: Float32Array.from(data.itemCounts),
    transitions,
    neighbours: cosine.similarity,
    cooccurrences: cosine.counts,
    ease,
    content,
    looks,
    userFactors: factorisation.userFactors,
    itemFactors: factorisation.itemFactors,
    sequence,
    settings,
    weights: finalWeights,
    validation: null,
  };
}

/** The catalog: every item with interactions, a text, a category or an image. */
function catalogItems(options: TrainOptions): string[] {
  return [...new Set([...(options.itemTexts?.keys() ?? []), ...(options.itemCategories?.keys() ?? []), ...(options.itemImageVectors?.keys() ?? [])])];
}

export function trainRecommender(interactions: readonly Interaction[], options: TrainOptions = {}): RecommenderModel {
  if (interactions.length === 0) throw new Error('cannot train a recommender without interactions');
  const catalog = catalogItems(options);
  let weights = options.weights ?? defaultWeights;
  let validation: RecommenderModel['validation'] = null;
  if (!options.weights) {
    const { train, heldOut } = leaveLastOut(interactions);
    if (heldOut.length >= 20 && train.length > heldOut.length) {
      const inner = trainSignals(indexInteractions(train, catalog), options, defaultWeights);
      const tuned = tuneWeights(inner, heldOut, options.seed ?? 1);
      weights = tuned.weights;
      validation = tuned.metrics;
    }
  }
  const model = trainSignals(indexInteractions(interactions, catalog), options, weights);
  model.validation = validation;
  return model;
}
