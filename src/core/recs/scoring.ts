/**
 * Blend scoring in TypeScript: each component's scores for all items, scaled by its largest
 * absolute value (so weights compare like with like across users), weighted and summed.
 * The ONNX graph in scoring-graph.ts computes exactly this; tests hold the two together.
 */
import { sequenceQuery, sequenceScore } from './sequence.ts';
import { addRow, componentNames, historyQuery, type ComponentName, type ItemQuery, type RecommenderModel } from './model.ts';

/** Guards the per-component scaling against an all-zero score row. */
export const scaleFloor = 1e-12;

export type ItemItemComponent = 'transitions' | 'neighbours' | 'ease' | 'content';
export const itemItemComponents: readonly ItemItemComponent[] = ['transitions', 'neighbours', 'ease', 'content'];

/** One user's query vectors: recency-weighted history per item–item signal, the factor row when known, the next-item model's user vector. */
export interface ScoringQuery {
  items: Record<ItemItemComponent, ItemQuery>;
  factors: Float32Array | null;
  /** The next-item model's user vector, from the history's last items. */
  sequence: Float32Array;
}

export function scoringQuery(model: RecommenderModel, history: ArrayLike<number>, userRow: number | null): ScoringQuery {
  const factorCount = model.settings.factors;
  return {
    items: {
      transitions: historyQuery(history, model.settings.transitions),
      neighbours: historyQuery(history, model.settings.neighbours),
      ease: historyQuery(history, model.settings.ease),
      content: historyQuery(history, model.settings.content),
    },
    sequence: sequenceQuery(model.sequence, history),
    factors: userRow === null || factorCount === 0 ? null : model.userFactors.subarray(userRow * factorCount, (userRow + 1) * factorCount),
  };
}

/** Unscaled scores of one component for every item. */
export function componentScores(model: RecommenderModel, query: ScoringQuery, component: ComponentName): Float32Array {
  const scores = new Float32Array(model.items.length);
  if (component === 'popularity') {
    scores.set(model.popularity);
  } else if (component === 'factors') {
    const factorCount = model.settings.factors;
    if (query.factors) {
      for (let item = 0; item < scores.length; item += 1) {
        let dot = 0;
        for (let factor = 0; factor < factorCount; factor += 1) dot += (query.factors[factor] as number) * (model.itemFactors[item * factorCount + factor] as number);
        scores[item] = dot;
      }
    }
  } else if (component === 'sequence') {
    for (let item = 0; item < scores.length; item += 1) scores[item] = sequenceScore(model.sequence, query.sequence, item);
  } else {
    const { indices, values } = query.items[component];
    indices.forEach((item, position) => addRow(model[component], item, values[position] as number, scores));
  }
  return scores;
}

export function componentScale(scores: Float32Array): number {
  let largest = 0;
  for (const score of scores) largest = Math.max(largest, Math.abs(score));
  return Math.max(largest, scaleFloor);
}

/** The divisor each component's raw scores were scaled by (its largest absolute score, at least scaleFloor). */
export type ComponentScales = Partial<Record<ComponentName, number>>;

export interface BlendedScores {
  total: Float32Array;
  scales: ComponentScales;
}

export function blendScores(model: RecommenderModel, query: ScoringQuery): BlendedScores {
  const total = new Float32Array(model.items.length);
  const scales: ComponentScales = {};
  for (const component of componentNames) {
    const weight = model.weights[component];
    if (weight === 0) continue;
    const scores = componentScores(model, query, component);
    const scale = componentScale(scores);
    const factor = weight / scale;
    for (let item = 0; item < scores.length; item += 1) total[item] = (total[item] as number) + (scores[item] as number) * factor;
    scales[component] = scale;
  }
  return { total, scales };
}

/** Indices of the k best scores among items not `blocked`, best first (ties: lower index). */
export function topIndices(scores: ArrayLike<number>, k: number, blocked: (item: number) => boolean): number[] {
  const best: number[] = [];
  for (let item = 0; item < scores.length; item += 1) {
    if (blocked(item)) continue;
    const score = scores[item] as number;
    if (best.length === k && score <= (scores[best[k - 1] as number] as number)) continue;
    let position = best.length === k ? k - 1 : best.length;
    while (position > 0 && (scores[best[position - 1] as number] as number) < score) position -= 1;
    best.splice(position, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}
