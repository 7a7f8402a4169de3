/**
 * A learned term → vector table for question matching, English and Chinese. A text's
 * vector is the normalised mean of its terms' rows; training pulls paraphrases together
 * and pushes the other questions of the batch apart (in-batch softmax, as in sentence
 * encoders), so "parcel" learns to sit near "package" and "花呗" questions that mean the same
 * end up close. English rows start from GloVe, which carries general word meaning to
 * words the training pairs never use.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { seededRandom, shuffle } from '../random.ts';
import type { TermTable } from './embedder.ts';
import { tableTermsWithWords } from './terms.ts';
import { loadWordVectors, type WordVectors } from './word-vectors.ts';

export interface ParaphrasePair {
  first: string;
  second: string;
  /** Pairs of one group never meet as negatives in a batch (e.g. same intent). */
  group: string;
}

export interface TermTableTraining {
  pairs: readonly ParaphrasePair[];
  wordVectors?: WordVectors;
  /** Words always given a row (from the word vectors), so unseen words still have meaning. */
  extraWords?: readonly string[];
  dimensions: number;
  epochs: number;
  learningRate: number;
  batchSize: number;
  /** Softmax temperature as a scale on cosines. */
  scale: number;
  seed: number;
  log?: (message: string) => void;
}

export interface TrainedTermTable extends TermTable {
  readonly terms: readonly string[];
  readonly rows: Float32Array;
}

function normalisedMean(rows: Float32Array, dimensions: number, ids: Int32Array, into: Float32Array): number {
  into.fill(0);
  for (const id of ids) {
    const offset = id * dimensions;
    for (let index = 0; index < dimensions; index += 1) into[index] = (into[index] as number) + (rows[offset + index] as number);
  }
  let norm = 0;
  for (const value of into) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (let index = 0; index < dimensions; index += 1) into[index] = (into[index] as number) / norm;
  return norm;
}

export function trainTermTable(options: TermTableTraining): TrainedTermTable {
  const { dimensions, wordVectors } = options;
  const random = seededRandom(options.seed);
  const termIds = new Map<string, number>();
  const wordOfTerm = new Map<string, string>();
  const idsOf = (text: string) =>
    Int32Array.from(
      tableTermsWithWords(text).map(({ term, word }) => {
        let id = termIds.get(term);
        if (id === undefined) {
          termIds.set(term, (id = termIds.size));
          wordOfTerm.set(term, word);
        }
        return id;
      }),
    );
  const encoded = options.pairs.map((pair) => ({ first: idsOf(pair.first), second: idsOf(pair.second), group: pair.group })).filter((pair) => pair.first.length > 0 && pair.second.length > 0);
  for (const word of options.extraWords ?? []) idsOf(word);
  const terms = [...termIds.keys()];
  const rows = new Float32Array(terms.length * dimensions);
  for (let index = 0; index < rows.length; index += 1) rows[index] = (random() * 2 - 1) * 0.1;
  if (wordVectors && wordVectors.dimensions === dimensions) {
    terms.forEach((term, id) => {
      const vector = wordVectors.vector(term) ?? wordVectors.vector(wordOfTerm.get(term) ?? term);
      if (!vector) return;
      let norm = 0;
      for (const value of vector) norm += value * value;
      const scale = 1 / (Math.sqrt(norm) || 1);
      for (let index = 0; index < dimensions; index += 1) rows[id * dimensions + index] = (vector[index] as number) * scale;
    });
  }

  const batchSize = options.batchSize;
  const firsts = Array.from({ length: batchSize }, () => new Float32Array(dimensions));
  const seconds = Array.from({ length: batchSize }, () => new Float32Array(dimensions));
  const firstNorms = new Float64Array(batchSize);
  const secondNorms = new Float64Array(batchSize);
  const firstGradients = Array.from({ length: batchSize }, () => new Float64Array(dimensions));
  const secondGradients = Array.from({ length: batchSize }, () => new Float64Array(dimensions));
  const similarity = new Float64Array(batchSize * batchSize);
  const totalBatches = Math.max(1, Math.ceil((options.epochs * encoded.length) / batchSize));
  let batchNumber = 0;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    let pending = shuffle(encoded.map((_, index) => index), random);
    let lossSum = 0;
    let batches = 0;
    const batchesOfEpoch: number[][] = [];
    // One pair per group in a batch: two questions of a group are no negatives of each other.
    while (pending.length > 0) {
      const deferred: number[] = [];
      let batch: number[] = [];
      let groups = new Set<string>();
      for (const pairIndex of pending) {
        const group = (encoded[pairIndex] as (typeof encoded)[number]).group;
        if (groups.has(group)) {
          deferred.push(pairIndex);
          continue;
        }
        groups.add(group);
        batch.push(pairIndex);
        if (batch.length === batchSize) {
          batchesOfEpoch.push(batch);
          batch = [];
          groups = new Set();
        }
      }
      if (batch.length >= 2) batchesOfEpoch.push(batch);
      // A pass that places nothing new would loop forever: drop what cannot form a batch.
      pending = deferred.length < pending.length ? deferred : [];
    }
    for (const batch of shuffle(batchesOfEpoch, random)) {
      const size = batch.length;
      batch.forEach((pairIndex, slot) => {
        const pair = encoded[pairIndex] as (typeof encoded)[number];
        firstNorms[slot] = normalisedMean(rows, dimensions, pair.first, firsts[slot] as Float32Array);
        secondNorms[slot] = normalisedMean(rows, dimensions, pair.second, seconds[slot] as Float32Array);
      });
      for (let left = 0; left < size; left += 1) {
        for (let right = 0; right < size; right += 1) {
          let dot = 0;
          const first = firsts[left] as Float32Array;
          const second = seconds[right] as Float32Array;
          for (let index = 0; index < dimensions; index += 1) dot += (first[index] as number) * (second[index] as number);
          similarity[left * size + right] = dot;
        }
      }
      for (const gradient of [...firstGradients, ...secondGradients]) gradient.fill(0);
      // Symmetric loss: each first picks its second among the batch, and each second its first.
      for (const direction of [0, 1]) {
        for (let row = 0; row < size; row += 1) {
          let maximum = -Infinity;
          for (let column = 0; column < size; column += 1) maximum = Math.max(maximum, options.scale * (similarity[direction === 0 ? row * size + column : column * size + row] as number));
          let total = 0;
          const probabilities = new Float64Array(size);
          for (let column = 0; column < size; column += 1) {
            const value = Math.exp(options.scale * (similarity[direction === 0 ? row * size + column : column * size + row] as number) - maximum);
            probabilities[column] = value;
            total += value;
          }
          lossSum -= Math.log((probabilities[row] as number) / total);
          for (let column = 0; column < size; column += 1) {
            const coefficient = options.scale * ((probabilities[column] as number) / total - (column === row ? 1 : 0));
            const [left, right] = direction === 0 ? [row, column] : [column, row];
            // d cos(a, b) / d â = b̂ (the projection onto â is removed below).
            const firstGradient = firstGradients[left] as Float64Array;
            const secondGradient = secondGradients[right] as Float64Array;
            const first = firsts[left] as Float32Array;
            const second = seconds[right] as Float32Array;
            for (let index = 0; index < dimensions; index += 1) {
              firstGradient[index] = (firstGradient[index] as number) + coefficient * (second[index] as number);
              secondGradient[index] = (secondGradient[index] as number) + coefficient * (first[index] as number);
            }
          }
        }
      }
      const rate = options.learningRate * (1 - batchNumber / totalBatches);
      batchNumber += 1;
      batches += 1;
      const apply = (ids: Int32Array, unitVector: Float32Array, norm: number, gradient: Float64Array) => {
        // Through the normalisation: (g − (g·û)û) / |u|.
        let along = 0;
        for (let index = 0; index < dimensions; index += 1) along += (gradient[index] as number) * (unitVector[index] as number);
        for (const id of ids) {
          const offset = id * dimensions;
          for (let index = 0; index < dimensions; index += 1) {
            rows[offset + index] = (rows[offset + index] as number) - (rate * ((gradient[index] as number) - along * (unitVector[index] as number))) / norm;
          }
        }
      };
      batch.forEach((pairIndex, slot) => {
        const pair = encoded[pairIndex] as (typeof encoded)[number];
        apply(pair.first, firsts[slot] as Float32Array, firstNorms[slot] as number, firstGradients[slot] as Float64Array);
        apply(pair.second, seconds[slot] as Float32Array, secondNorms[slot] as number, secondGradients[slot] as Float64Array);
      });
    }
    options.log?.(`epoch ${epoch + 1}: loss ${(lossSum / Math.max(1, batches * 2)).toFixed(3)}`);
  }
  return tableFrom(terms, rows, dimensions);
}

export function tableFrom(terms: readonly string[], rows: Float32Array, dimensions: number): TrainedTermTable {
  const ids = new Map(terms.map((term, id) => [term, id]));
  return {
    name: 'terms',
    dimensions,
    terms,
    rows,
    vector(term) {
      const id = ids.get(term);
      return id === undefined ? undefined : rows.subarray(id * dimensions, (id + 1) * dimensions);
    },
  };
}

/**
 * `base` with the rows of `replacement` for the terms `replaces` picks (where `replacement` has
 * them): one language's rows trained apart, the other languages' rows left exactly as they were.
 */
export function withRowsReplaced(base: TrainedTermTable, replacement: TrainedTermTable, replaces: (term: string) => boolean): TrainedTermTable {
  if (base.dimensions !== replacement.dimensions) throw new Error(`term tables differ in dimensions: ${base.dimensions} and ${replacement.dimensions}`);
  const { dimensions } = base;
  const rows = base.rows.slice();
  base.terms.forEach((term, id) => {
    const vector = replaces(term) ? replacement.vector(term) : undefined;
    if (vector) rows.set(vector, id * dimensions);
  });
  return tableFrom(base.terms, rows, dimensions);
}

/** Writes the table in the word-vector folder layout (int8 rows with a scale each). */
export function writeTermTable(directory: string, table: TrainedTermTable, description: Record<string, unknown>): void {
  mkdirSync(directory, { recursive: true });
  const { dimensions, terms, rows } = table;
  const values = new Int8Array(terms.length * dimensions);
  const scales = new Float32Array(terms.length);
  for (let id = 0; id < terms.length; id += 1) {
    let maximum = 0;
    for (let index = 0; index < dimensions; index += 1) maximum = Math.max(maximum, Math.abs(rows[id * dimensions + index] as number));
    const scale = maximum / 127 || 1;
    scales[id] = scale;
    for (let index = 0; index < dimensions; index += 1) values[id * dimensions + index] = Math.round((rows[id * dimensions + index] as number) / scale);
  }
  writeFileSync(join(directory, 'terms.txt'), terms.join('\n'));
  writeFileSync(join(directory, 'rows.int8.bin'), values);
  writeFileSync(join(directory, 'scales.f32le.bin'), Buffer.from(scales.buffer));
  writeFileSync(
    join(directory, 'manifest.json'),
    `${JSON.stringify({ rows: terms.length, dim: dimensions, vocab: 'terms.txt', values: 'rows.int8.bin', scales: 'scales.f32le.bin', ...description }, null, 2)}\n`,
  );
}

/** The table in `directory` (the layout writeTermTable makes), or undefined when there is none. */
export function loadTermTable(directory: string): TermTable | undefined {
  if (!existsSync(join(directory, 'manifest.json'))) return undefined;
  const vectors = loadWordVectors(directory);
  return { name: 'terms', dimensions: vectors.dimensions, vector: (term) => vectors.vector(term) };
}

/** The committed table (trained by scripts/eval-kb.ts --train). */
export const builtInTermTableDir = fileURLToPath(new URL('../../../models/intent-kb-terms/', import.meta.url));
