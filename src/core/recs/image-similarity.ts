/**
 * Look-alike products from their catalog images' feature vectors (the photo-lookup
 * extractors): a product nobody has bought yet still gets neighbours that look like it. Raw
 * CNN features of packshots are all alike (white background, one centred object), so vectors
 * are centred on the catalog's mean first and the cosine is taken between what remains. A
 * seeded random projection to 128 dimensions keeps the all-pairs cosine cheap for catalogs of
 * thousands of images (Johnson–Lindenstrauss: cosines are kept to within a few hundredths).
 */
import { seededRandom } from '../random.ts';
import { emptyRows, packRows, topEntries, type RowEntries, type SparseRows } from './item-similarity.ts';

const projectedDimensions = 128;
/** Beyond this many items with images the all-pairs cosine is skipped (rows stay empty). */
export const maximumImageItems = 20_000;

function centredProjections(vectors: readonly Float32Array[], seed: number): Float32Array[] {
  const dimensions = vectors[0]?.length ?? 0;
  const mean = new Float64Array(dimensions);
  for (const vector of vectors) for (let index = 0; index < dimensions; index += 1) mean[index] = (mean[index] as number) + (vector[index] as number) / vectors.length;
  const target = Math.min(projectedDimensions, dimensions);
  const random = seededRandom(seed);
  // Achlioptas' ±1 projection: as good as Gaussian for cosines, and cheap to draw.
  const projection = Float32Array.from({ length: target * dimensions }, () => (random() < 0.5 ? -1 : 1));
  return vectors.map((vector) => {
    const projected = new Float32Array(target);
    for (let row = 0; row < target; row += 1) {
      let sum = 0;
      const offset = row * dimensions;
      for (let index = 0; index < dimensions; index += 1) sum += (projection[offset + index] as number) * ((vector[index] as number) - (mean[index] as number));
      projected[row] = sum;
    }
    let norm = 0;
    for (const value of projected) norm += value * value;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return projected.map((value) => value * scale);
  });
}

/** The `neighbours` most alike items by image for each item (positive cosines only; empty rows for items without a vector). */
export function imageNeighbours(vectors: readonly (Float32Array | undefined)[], neighbours: number, seed = 1): SparseRows {
  const present = vectors.flatMap((vector, item) => (vector ? [item] : []));
  if (present.length < 2 || present.length > maximumImageItems) return emptyRows(vectors.length);
  const projected = centredProjections(present.map((item) => vectors[item] as Float32Array), seed);
  const rows = new Map<number, RowEntries>();
  present.forEach((item, position) => {
    const own = projected[position] as Float32Array;
    const cosines = new Float64Array(vectors.length);
    present.forEach((other, otherPosition) => {
      if (other === item) return;
      const theirs = projected[otherPosition] as Float32Array;
      let cosine = 0;
      for (let index = 0; index < own.length; index += 1) cosine += (own[index] as number) * (theirs[index] as number);
      cosines[other] = cosine;
    });
    rows.set(item, topEntries(cosines, neighbours, present));
  });
  return packRows(vectors.map((_, item) => rows.get(item) ?? { indices: [], values: [] }));
}
