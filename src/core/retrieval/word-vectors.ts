/**
 * Pretrained English word vectors (GloVe 6B 100-d, public domain) in the compact layout
 * of the models folder: a vocabulary file, int8 values and a float scale per row.
 * The same layout is used for trimmed copies baked into committed model folders.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WordVectors {
  readonly dimensions: number;
  /** Dequantised vector of a lower-case word, or undefined when the word is unknown. */
  vector(word: string): Float32Array | undefined;
  /** Known words in frequency order (most frequent first). */
  readonly words: readonly string[];
}

interface VectorManifest {
  rows: number;
  dim: number;
  vocab: string;
  values: string;
  scales: string;
}

export function loadWordVectors(directory: string): WordVectors {
  const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as VectorManifest;
  const words = readFileSync(join(directory, manifest.vocab), 'utf8').split('\n').slice(0, manifest.rows);
  const valuesFile = readFileSync(join(directory, manifest.values));
  const values = new Int8Array(valuesFile.buffer, valuesFile.byteOffset, manifest.rows * manifest.dim);
  const scalesFile = readFileSync(join(directory, manifest.scales));
  const scales = new Float32Array(scalesFile.buffer.slice(scalesFile.byteOffset, scalesFile.byteOffset + manifest.rows * 4));
  const rows = new Map<string, number>();
  words.forEach((word, row) => {
    if (!rows.has(word)) rows.set(word, row);
  });
  const dimensions = manifest.dim;
  return {
    dimensions,
    words,
    vector(word) {
      const row = rows.get(word);
      if (row === undefined) return undefined;
      const scale = scales[row] as number;
      const vector = new Float32Array(dimensions);
      for (let dimension = 0; dimension < dimensions; dimension += 1) vector[dimension] = (values[row * dimensions + dimension] as number) * scale;
      return vector;
    },
  };
}

/** The folder name of the GloVe vectors inside a models directory. */
export const gloveFolderName = 'glove-6b-100d-top50k-int8';
