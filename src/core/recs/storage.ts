/**
 * A recommender on disk: `scoring.onnx` (the blend graph the inference layer serves),
 * `recommender.json` (ids, categories, settings, weights) and `recommender.bin` (histories,
 * sparse item–item rows, factor tables and the next-item model as little-endian Int32/Float32 arrays).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InferenceEngine } from '../inference/onnx-runtime.ts';
import { emptyRows, type SparseRows } from './item-similarity.ts';
import type { ModelSettings, RecommenderModel, BlendWeights } from './model.ts';
import { buildScoringGraph, maximumGraphItems } from './scoring-graph.ts';
import { emptySequenceModel, type SequenceModel } from './sequence.ts';

export const scoringFile = 'scoring.onnx';
const metadataFile = 'recommender.json';
const arraysFile = 'recommender.bin';

type StoredArray = Int32Array | Float32Array;

interface ArrayEntry {
  type: 'int32' | 'float32';
  offset: number;
  length: number;
}

interface Metadata {
  formatVersion: 1;
  items: string[];
  users: string[];
  categories: string[];
  settings: ModelSettings;
  weights: BlendWeights;
  validation: RecommenderModel['validation'];
  hasScoringGraph: boolean;
  arrays: Record<string, ArrayEntry>;
}

const sparseNames = ['transitions', 'neighbours', 'cooccurrences', 'ease', 'content', 'looks'] as const;

function flattenHistories(histories: readonly Int32Array[]): { offsets: Int32Array; items: Int32Array } {
  const offsets = new Int32Array(histories.length + 1);
  histories.forEach((history, index) => (offsets[index + 1] = (offsets[index] as number) + history.length));
  const items = new Int32Array(offsets[histories.length] as number);
  histories.forEach((history, index) => items.set(history, offsets[index] as number));
  return { offsets, items };
}

/** Writes the model to `dir` (created if needed); returns whether the ONNX scoring graph was written. */
export function saveRecommender(model: RecommenderModel, dir: string): { scoringGraph: boolean } {
  mkdirSync(dir, { recursive: true });
  const arrays: Record<string, StoredArray> = {};
  const histories = flattenHistories(model.histories);
  arrays.historyOffsets = histories.offsets;
  arrays.historyItems = histories.items;
  arrays.popularity = model.popularity;
  arrays.userFactors = model.userFactors;
  arrays.itemFactors = model.itemFactors;
  arrays['sequence.positionWeights'] = model.sequence.positionWeights;
  arrays['sequence.embeddings'] = model.sequence.embeddings;
  arrays['sequence.biases'] = model.sequence.biases;
  for (const name of sparseNames) {
    arrays[`${name}.offsets`] = model[name].offsets;
    arrays[`${name}.indices`] = model[name].indices;
    arrays[`${name}.values`] = model[name].values;
  }
  const entries: Record<string, ArrayEntry> = {};
  let offset = 0;
  for (const [name, array] of Object.entries(arrays)) {
    entries[name] = { type: array instanceof Int32Array ? 'int32' : 'float32', offset, length: array.length };
    offset += array.byteLength;
  }
  const buffer = Buffer.alloc(offset);
  for (const [name, array] of Object.entries(arrays)) Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(buffer, (entries[name] as ArrayEntry).offset);
  const hasScoringGraph = model.items.length <= maximumGraphItems;
  const metadata: Metadata = {
    formatVersion: 1,
    items: model.items,
    users: model.users,
    categories: model.categories,
    settings: model.settings,
    weights: model.weights,
    validation: model.validation,
    hasScoringGraph,
    arrays: entries,
  };
  writeFileSync(join(dir, arraysFile), buffer);
  writeFileSync(join(dir, metadataFile), JSON.stringify(metadata));
  if (hasScoringGraph) writeFileSync(join(dir, scoringFile), buildScoringGraph(model));
  return { scoringGraph: hasScoringGraph };
}

function readSequence(read: (name: string) => StoredArray, itemCount: number): SequenceModel {
  const embeddings = read('sequence.embeddings') as Float32Array;
  return { dimension: embeddings.length / itemCount, positionWeights: read('sequence.positionWeights') as Float32Array, embeddings, biases: read('sequence.biases') as Float32Array };
}

/** Reads a saved model; when it has a scoring graph, loads it through `engine` so rankings run on ONNX. */
export async function loadRecommender(dir: string, engine: InferenceEngine): Promise<RecommenderModel> {
  let metadata: Metadata;
  try {
    metadata = JSON.parse(readFileSync(join(dir, metadataFile), 'utf8')) as Metadata;
  } catch (error) {
    throw new Error(`${join(dir, metadataFile)}: not a saved recommender (${(error as Error).message})`);
  }
  if (metadata.formatVersion !== 1) throw new Error(`${join(dir, metadataFile)}: unsupported format version ${String(metadata.formatVersion)}`);
  const bytes = readFileSync(join(dir, arraysFile));
  const read = (name: string): StoredArray => {
    const entry = metadata.arrays[name];
    if (!entry) throw new Error(`${join(dir, arraysFile)}: missing array ${name}`);
    // Copy into a fresh buffer: the file's bytes need not be 4-byte aligned.
    const copy = new Uint8Array(bytes.subarray(entry.offset, entry.offset + entry.length * 4)).buffer;
    return entry.type === 'int32' ? new Int32Array(copy) : new Float32Array(copy);
  };
  const sparse = (name: string): SparseRows => ({ offsets: read(`${name}.offsets`) as Int32Array, indices: read(`${name}.indices`) as Int32Array, values: read(`${name}.values`) as Float32Array });
  const historyOffsets = read('historyOffsets') as Int32Array;
  const historyItems = read('historyItems') as Int32Array;
  const model: RecommenderModel = {
    formatVersion: 1,
    items: metadata.items,
    itemIndex: new Map(metadata.items.map((item, index) => [item, index])),
    users: metadata.users,
    userIndex: new Map(metadata.users.map((user, index) => [user, index])),
    histories: metadata.users.map((_, index) => historyItems.slice(historyOffsets[index] as number, historyOffsets[index + 1] as number)),
    categories: metadata.categories,
    popularity: read('popularity') as Float32Array,
    transitions: sparse('transitions'),
    neighbours: sparse('neighbours'),
    cooccurrences: sparse('cooccurrences'),
    ease: sparse('ease'),
    content: sparse('content'),
    // Saved before look-alikes existed: no rows (the next retrain adds them).
    looks: metadata.arrays['looks.offsets'] ? sparse('looks') : emptyRows(metadata.items.length),
    userFactors: read('userFactors') as Float32Array,
    itemFactors: read('itemFactors') as Float32Array,
    // Saved before the next-item model existed: none, weighted 0.
    sequence: metadata.arrays['sequence.embeddings'] ? readSequence(read, metadata.items.length) : emptySequenceModel(metadata.items.length),
    settings: metadata.settings,
    weights: { ...metadata.weights, sequence: (metadata.weights as Partial<BlendWeights>).sequence ?? 0 },
    validation: metadata.validation,
  };
  if (metadata.hasScoringGraph) model.session = await engine.load(join(dir, scoringFile));
  return model;
}
