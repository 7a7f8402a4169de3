/**
 * The trained recommender: id maps, histories, the item–item signals, factor tables and next-item model,
 * and the blend weights. Every learned signal is linear in a per-user query vector, so one
 * scoring pass (TypeScript or the exported ONNX graph) serves all of them.
 */
import type { ModelSession } from '../inference/onnx-runtime.ts';
import type { SparseRows } from './item-similarity.ts';
import type { SequenceModel } from './sequence.ts';

export const componentNames = ['transitions', 'neighbours', 'ease', 'content', 'factors', 'sequence', 'popularity'] as const;
export type ComponentName = (typeof componentNames)[number];
export type BlendWeights = Record<ComponentName, number>;

/** How a history becomes a query for each item–item signal: the last `window` items, the most recent weighing 1, each older one `decay` times less. */
export interface QuerySetting {
  window: number;
  decay: number;
}

export interface ModelSettings {
  transitions: QuerySetting;
  neighbours: QuerySetting;
  ease: QuerySetting;
  content: QuerySetting;
  /** Factor dimension of the matrix factorisation (0 when not trained). */
  factors: number;
}

export interface RecommenderModel {
  formatVersion: 1;
  items: string[];
  itemIndex: Map<string, number>;
  users: string[];
  userIndex: Map<string, number>;
  /** Per user, item indices in time order. */
  histories: Int32Array[];
  /** Per item, its category ('' when unknown). */
  categories: string[];
  /** Interactions per item. */
  popularity: Float32Array;
  /** Item–item signals; row = an item of the query, columns = candidates. */
  transitions: SparseRows;
  neighbours: SparseRows;
  /** Users who had both items, aligned with `neighbours` (for "bought with X by N customers"). */
  cooccurrences: SparseRows;
  ease: SparseRows;
  content: SparseRows;
  /** Look-alike items by catalog image; explains "Similar" only, not part of the blend. */
  looks: SparseRows;
  /** users × factors and items × factors, row-major. */
  userFactors: Float32Array;
  itemFactors: Float32Array;
  /** The next-item model: a user vector from the last items, dotted with each item's output row. */
  sequence: SequenceModel;
  settings: ModelSettings;
  weights: BlendWeights;
  /** HR@10 / NDCG@10 on the validation split the weights were tuned on. */
  validation: { hitRate: number; ndcg: number; users: number } | null;
  /** The ONNX scoring session, once the model has been loaded. */
  session?: ModelSession;
  /** Item–item signals by column, built on first use to explain results. */
  columns?: Map<string, SparseRows>;
}

/** A sparse query vector over items. */
export interface ItemQuery {
  indices: number[];
  values: number[];
}

/** The recency-weighted query over the last `window` items of a history (most recent last). */
export function historyQuery(history: ArrayLike<number>, setting: QuerySetting): ItemQuery {
  const weights = new Map<number, number>();
  let weight = 1;
  for (let position = history.length - 1; position >= Math.max(0, history.length - setting.window); position -= 1) {
    const item = history[position] as number;
    weights.set(item, (weights.get(item) ?? 0) + weight);
    weight *= setting.decay;
  }
  return { indices: [...weights.keys()], values: [...weights.values()] };
}

/** Adds weight × row `row` of sparse rows into `scores`. */
export function addRow(rows: SparseRows, row: number, weight: number, scores: Float32Array): void {
  const end = rows.offsets[row + 1] as number;
  for (let position = rows.offsets[row] as number; position < end; position += 1) {
    const column = rows.indices[position] as number;
    scores[column] = (scores[column] as number) + weight * (rows.values[position] as number);
  }
}

/** The value at (row, column) of sparse rows, 0 when absent. */
export function rowValue(rows: SparseRows, row: number, column: number): number {
  const end = rows.offsets[row + 1] as number;
  for (let position = rows.offsets[row] as number; position < end; position += 1) if (rows.indices[position] === column) return rows.values[position] as number;
  return 0;
}
