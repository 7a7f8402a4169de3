/**
 * Content similarity between items from their titles/descriptions: TF-IDF over hashed
 * words and word pairs, cosine between items. It ranks neighbours for items nobody has
 * interacted with yet, and adds a "looks like what you bought" signal to the blend.
 */
import { hashString } from '../text/hash.ts';
import { tokenize } from '../text/tokenize.ts';
import { packRows, topEntries, type SparseRows } from './item-similarity.ts';

/** Words too common in product text to say anything about similarity. */
const stopWords = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'with', 'in', 'on', 'to', 'by', 'or', 'x', 'is', 'at', 'from']);

/** Hashed feature space; collisions between 2^20 buckets are rare at catalog scale. */
const bucketCount = 1 << 20;

function features(text: string): Map<number, number> {
  const words = tokenize(text).filter((word) => !stopWords.has(word) && /\p{L}|\p{N}/u.test(word));
  const counts = new Map<number, number>();
  const add = (feature: string) => {
    const bucket = hashString(feature) % bucketCount;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  };
  words.forEach((word, index) => {
    add(word);
    if (index > 0) add(`${words[index - 1]} ${word}`);
  });
  return counts;
}

/** Unit-length TF-IDF vectors (sublinear term frequency), one per item; undefined for items without text. */
export function textVectors(texts: readonly (string | undefined)[]): (Map<number, number> | undefined)[] {
  const raw = texts.map((text) => (text ? features(text) : undefined));
  const documentFrequency = new Map<number, number>();
  for (const vector of raw) for (const bucket of vector?.keys() ?? []) documentFrequency.set(bucket, (documentFrequency.get(bucket) ?? 0) + 1);
  const documents = raw.filter(Boolean).length;
  return raw.map((vector) => {
    if (!vector) return undefined;
    const weighted = new Map<number, number>();
    let norm = 0;
    for (const [bucket, count] of vector) {
      const weight = (1 + Math.log(count)) * Math.log((1 + documents) / (1 + (documentFrequency.get(bucket) ?? 0)));
      weighted.set(bucket, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [bucket, weight] of weighted) weighted.set(bucket, weight / norm);
    return weighted;
  });
}

/** Cosine similarity of one text vector to every item, through an inverted index. */
export function textSimilarities(vector: Map<number, number>, index: Map<number, { items: number[]; weights: number[] }>, itemCount: number): Float64Array {
  const scores = new Float64Array(itemCount);
  for (const [bucket, weight] of vector) {
    const postings = index.get(bucket);
    if (!postings) continue;
    postings.items.forEach((item, position) => (scores[item] = (scores[item] as number) + weight * (postings.weights[position] as number)));
  }
  return scores;
}

export function invertedIndex(vectors: readonly (Map<number, number> | undefined)[]): Map<number, { items: number[]; weights: number[] }> {
  const index = new Map<number, { items: number[]; weights: number[] }>();
  vectors.forEach((vector, item) => {
    for (const [bucket, weight] of vector ?? []) {
      let postings = index.get(bucket);
      if (!postings) index.set(bucket, (postings = { items: [], weights: [] }));
      postings.items.push(item);
      postings.weights.push(weight);
    }
  });
  return index;
}

/** The `neighbours` most similar items by text for each item (empty rows for items without text). */
export function textNeighbours(texts: readonly (string | undefined)[], neighbours: number): SparseRows {
  const vectors = textVectors(texts);
  const index = invertedIndex(vectors);
  return packRows(
    vectors.map((vector, item) => {
      if (!vector) return { indices: [], values: [] };
      const scores = textSimilarities(vector, index, texts.length);
      scores[item] = 0;
      return topEntries(scores, neighbours);
    }),
  );
}
