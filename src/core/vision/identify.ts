/**
 * Which product is in this photo? Catalog vectors are centred on the catalog's own mean and
 * query photos on the mean of natural shop photos: the two domains (studio shots on white,
 * photos in a shop) then meet in the middle. Both are then projected so that the directions
 * in which photos of one product vary (light, background, piles) count less. Each step
 * measurably beats plain cosine (scripts/bench-vision.ts). With an adapter learned from
 * confirmed photos, its posterior ranks the products instead.
 */
import { adapterScores, adapterTemperature, type Adapter } from './learn.ts';
import { createVectorIndex, type VectorIndex } from './vector-index.ts';
import type { PhotoSpace } from './manifest.ts';
import { normalise } from './vectors.ts';

export interface CatalogVector {
  /** Unique per vector, e.g. `${imageId}:${augmentation}`. */
  id: string;
  /** The product the vector shows. */
  key: string;
  /** As produced by the embedder (uncentred unit vector). */
  vector: Float32Array;
}

export interface ProductIndex {
  readonly vectors: VectorIndex;
  readonly space: PhotoSpace;
  readonly catalogMean: Float32Array;
  /** Learned from confirmed photos; null in the catalog-only setting. */
  adapter: Adapter | null;
}

export interface Identification {
  matches: { key: string; score: number }[];
  /** False when the best match is too weak or too close to the runner-up to act on. */
  confident: boolean;
}

/**
 * Confidence rules, measured on grocery val (scripts/bench-vision.ts prints precision and coverage):
 * catalog-only needs the best product's cosine to lead the runner-up by `catalogMargin`;
 * with an adapter the best product's posterior must reach `adapterPosterior`.
 */
export const confidenceRules = { catalogMargin: 0.05, adapterPosterior: 0.9 };

/** Centres a vector on `mean`, shrinks its nuisance components, and normalises it. */
export function projectVector(vector: Float32Array, mean: Float32Array, space: PhotoSpace): Float32Array {
  const dimensions = vector.length;
  const { nuisanceBasis: basis, nuisanceScales: scales } = space;
  const centred = new Float64Array(dimensions);
  for (let column = 0; column < dimensions; column += 1) centred[column] = (vector[column] as number) - (mean[column] as number);
  const projected = Float32Array.from(centred);
  for (let direction = 0; direction < scales.length; direction += 1) {
    const base = direction * dimensions;
    let component = 0;
    for (let column = 0; column < dimensions; column += 1) component += (basis[base + column] as number) * (centred[column] as number);
    const change = component * ((scales[direction] as number) - 1);
    for (let column = 0; column < dimensions; column += 1) projected[column] = (projected[column] as number) + change * (basis[base + column] as number);
  }
  return normalise(projected);
}

/** Builds the index of a whole catalog; the catalog mean is computed from these vectors. */
export function buildProductIndex(entries: readonly CatalogVector[], space: PhotoSpace, adapter: Adapter | null = null): ProductIndex {
  const dimensions = space.photoMean.length;
  const catalogMean = new Float32Array(dimensions);
  for (const { vector } of entries) {
    for (let column = 0; column < dimensions; column += 1) catalogMean[column] = (catalogMean[column] as number) + (vector[column] as number) / entries.length;
  }
  const index: ProductIndex = { vectors: createVectorIndex(dimensions, Math.max(1024, entries.length)), space, catalogMean, adapter };
  addToProductIndex(index, entries);
  return index;
}

/** Adds (or replaces) vectors, centred on the existing catalog mean; rebuild after large changes. */
export function addToProductIndex(index: ProductIndex, entries: readonly CatalogVector[]): void {
  for (const entry of entries) index.vectors.add(entry.id, entry.key, projectVector(entry.vector, index.catalogMean, index.space));
}

/** The k most likely products for a query photo's vector, best first. */
export function identify(index: ProductIndex, query: Float32Array, k: number): Identification {
  if (index.adapter) return identifyWithAdapter(index.adapter, query, k);
  const matches = index.vectors.searchKeys(projectVector(query, index.space.photoMean, index.space), Math.max(k, 2));
  const [best, second] = matches;
  const confident = best !== undefined && best.score - (second?.score ?? -1) >= confidenceRules.catalogMargin;
  return { matches: matches.slice(0, k), confident };
}

function identifyWithAdapter(adapter: Adapter, query: Float32Array, k: number): Identification {
  const scores = adapterScores(adapter, query);
  let highest = -Infinity;
  for (const score of scores) highest = Math.max(highest, score);
  let total = 0;
  const posteriors = Array.from(scores, (score) => Math.exp((score - highest) / adapterTemperature));
  for (const value of posteriors) total += value;
  const matches = posteriors
    .map((value, row) => ({ key: adapter.keys[row] as string, score: value / total }))
    .sort((left, right) => right.score - left.score)
    .slice(0, k);
  return { matches, confident: (matches[0]?.score ?? 0) >= confidenceRules.adapterPosterior };
}
