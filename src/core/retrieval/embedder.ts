/**
 * Dense text vectors for knowledge-base search, English and Chinese in one space:
 * - English: the SIF-weighted mean of GloVe word vectors (Arora et al. 2017), which maps
 *   "parcel" near "package" and "refund" near "money back";
 * - every language: the lexical terms (Chinese characters and character pairs, folded
 *   words) hashed into signed random directions, a cheap sketch that keeps exact overlap
 *   meaningful when word vectors are missing or do not cover a word;
 * - optionally a learned term table (term-table.ts; words, English word pairs, Chinese
 *   characters) whose rows place paraphrased questions close together.
 * Each part is normalised and weighted, the whole vector has unit length, so the dot
 * product of two embeddings is their cosine.
 */
import { hashString } from '../text/hash.ts';
import { lexicalTerms, tableTermsWithWords, textTokens } from './terms.ts';
import type { WordVectors } from './word-vectors.ts';

export interface TextEmbedder {
  /** Identifies the vector space, e.g. for a `model` column beside stored vectors. */
  readonly name: string;
  readonly dimensions: number;
  embed(text: string): Float32Array;
}

/** A learned term → vector table for the hashed lexical terms. */
export interface TermTable {
  readonly name: string;
  readonly dimensions: number;
  vector(term: string): Float32Array | undefined;
}

export interface TextEmbedderOptions {
  wordVectors?: WordVectors;
  termTable?: TermTable;
  /** Size of the hashed term sketch. */
  sketchDimensions?: number;
}

/** SIF smoothing: words more frequent than about 1 in 1,000 count less. */
const sifSmoothing = 1e-3;
/** Zipf's law estimate of a word's share of running text from its frequency rank. */
const zipfShare = (rank: number) => 0.1 / (rank + 1);

/** Measured on the FAQ and ATEC evaluations (scripts/eval-kb.ts): each part helps, none should dominate. */
const partWeights = { words: 1, sketch: 0.6, terms: 1 };

function addScaled(into: Float32Array, offset: number, part: Float32Array, weight: number): void {
  let norm = 0;
  for (const value of part) norm += value * value;
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  for (let index = 0; index < part.length; index += 1) into[offset + index] = (part[index] as number) * scale;
}

export function createTextEmbedder(options: TextEmbedderOptions = {}): TextEmbedder {
  const { wordVectors, termTable } = options;
  const sketchDimensions = options.sketchDimensions ?? 256;
  const ranks = new Map<string, number>();
  wordVectors?.words.forEach((word, rank) => {
    if (!ranks.has(word)) ranks.set(word, rank);
  });
  const wordDimensions = wordVectors?.dimensions ?? 0;
  const termDimensions = termTable?.dimensions ?? 0;
  const dimensions = wordDimensions + sketchDimensions + termDimensions;
  const name = `text-${wordVectors ? `glove${wordDimensions}-` : ''}sketch${sketchDimensions}${termTable ? `-${termTable.name}` : ''}`;

  function wordPart(text: string): Float32Array {
    const sum = new Float32Array(wordDimensions);
    if (!wordVectors) return sum;
    for (const token of textTokens(text)) {
      if (token.kind !== 'word') continue;
      const vector = wordVectors.vector(token.text);
      if (!vector) continue;
      const weight = sifSmoothing / (sifSmoothing + zipfShare(ranks.get(token.text) ?? 0));
      for (let index = 0; index < wordDimensions; index += 1) sum[index] = (sum[index] as number) + weight * (vector[index] as number);
    }
    return sum;
  }

  function sketchPart(terms: readonly string[]): Float32Array {
    const sketch = new Float32Array(sketchDimensions);
    for (const term of terms) {
      // Two signed positions per term halve the damage of any one collision.
      for (const seed of [1, 2]) {
        const hash = hashString(`${seed} ${term}`);
        const position = hash % sketchDimensions;
        sketch[position] = (sketch[position] as number) + ((hash >>> 31) === 1 ? 1 : -1);
      }
    }
    return sketch;
  }

  function termPart(terms: readonly string[]): Float32Array {
    const sum = new Float32Array(termDimensions);
    if (!termTable) return sum;
    for (const term of terms) {
      const vector = termTable.vector(term);
      if (!vector) continue;
      for (let index = 0; index < termDimensions; index += 1) sum[index] = (sum[index] as number) + (vector[index] as number);
    }
    return sum;
  }

  return {
    name,
    dimensions,
    embed(text) {
      const terms = lexicalTerms(text);
      const vector = new Float32Array(dimensions);
      addScaled(vector, 0, wordPart(text), partWeights.words);
      addScaled(vector, wordDimensions, sketchPart(terms), partWeights.sketch);
      addScaled(vector, wordDimensions + sketchDimensions, termPart(tableTermsWithWords(text).map((entry) => entry.term)), partWeights.terms);
      let norm = 0;
      for (const value of vector) norm += value * value;
      if (norm > 0) {
        const scale = 1 / Math.sqrt(norm);
        for (let index = 0; index < dimensions; index += 1) vector[index] = (vector[index] as number) * scale;
      }
      return vector;
    },
  };
}
