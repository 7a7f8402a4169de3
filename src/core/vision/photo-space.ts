/**
 * Fits a PhotoSpace from labelled natural photos (done once, offline, by
 * scripts/bench-vision.ts --write-photo-space; the result is committed in the manifest).
 * The nuisance directions are the main eigenvectors of the within-product covariance,
 * found by subspace iteration so the full covariance matrix is never formed.
 */
import type { PhotoSpace } from './manifest.ts';
import { normalise } from './vectors.ts';

export interface PhotoSpaceOptions {
  /** Nuisance directions kept. */
  rank?: number;
  /** Added variance, as a multiple of the average variance per dimension: larger shrinks less. */
  shrinkage?: number;
  iterations?: number;
}

export function fitPhotoSpace(extractors: string[], vectors: readonly Float32Array[], labels: readonly string[], options: PhotoSpaceOptions = {}): PhotoSpace {
  const rank = options.rank ?? 128;
  const shrinkage = options.shrinkage ?? 3;
  const count = vectors.length;
  const dimensions = vectors[0]?.length ?? 0;
  if (count === 0 || rank > dimensions) throw new Error('fitting a photo space needs photos and a rank below their dimensions');

  const photoMean = new Float32Array(dimensions);
  for (const vector of vectors) for (let column = 0; column < dimensions; column += 1) photoMean[column] = (photoMean[column] as number) + (vector[column] as number) / count;
  const centred = vectors.map((vector) => normalise(vector.map((value, column) => value - (photoMean[column] as number))));

  // Residuals from each product's mean: what varies between photos of one product.
  const sums = new Map<string, { total: Float64Array; count: number }>();
  centred.forEach((vector, row) => {
    const label = labels[row] as string;
    const entry = sums.get(label) ?? { total: new Float64Array(dimensions), count: 0 };
    for (let column = 0; column < dimensions; column += 1) entry.total[column] = (entry.total[column] as number) + (vector[column] as number);
    entry.count += 1;
    sums.set(label, entry);
  });
  const residuals = new Float32Array(count * dimensions);
  let trace = 0;
  centred.forEach((vector, row) => {
    const { total, count: members } = sums.get(labels[row] as string) as { total: Float64Array; count: number };
    for (let column = 0; column < dimensions; column += 1) {
      const value = (vector[column] as number) - (total[column] as number) / members;
      residuals[row * dimensions + column] = value;
      trace += value * value;
    }
  });
  trace /= count;

  const width = Math.min(dimensions, rank + 10);
  let basis = randomColumns(dimensions, width);
  for (let iteration = 0; iteration < (options.iterations ?? 5); iteration += 1) basis = orthonormalColumns(covarianceTimes(residuals, count, dimensions, basis, width), dimensions, width);
  // Rayleigh–Ritz: the small matrix Bᵀ C B has the eigenvalues, its eigenvectors rotate B.
  const projected = covarianceTimes(residuals, count, dimensions, basis, width);
  const small = new Float64Array(width * width);
  for (let left = 0; left < width; left += 1) {
    for (let right = 0; right < width; right += 1) {
      let sum = 0;
      for (let row = 0; row < dimensions; row += 1) sum += (basis[row * width + left] as number) * (projected[row * width + right] as number);
      small[left * width + right] = sum;
    }
  }
  const { values, vectors: rotation } = symmetricEigen(small, width);
  const order = [...values.keys()].sort((left, right) => (values[right] as number) - (values[left] as number)).slice(0, rank);
  const added = shrinkage * (trace / dimensions);
  const nuisanceScales = Float32Array.from(order, (index) => Math.sqrt(added / (Math.max(0, values[index] as number) + added)));
  const nuisanceBasis = new Float32Array(rank * dimensions);
  order.forEach((index, direction) => {
    const row = new Float32Array(dimensions);
    for (let dimension = 0; dimension < dimensions; dimension += 1) {
      let sum = 0;
      for (let inner = 0; inner < width; inner += 1) sum += (basis[dimension * width + inner] as number) * (rotation[inner * width + index] as number);
      row[dimension] = sum;
    }
    nuisanceBasis.set(normalise(row), direction * dimensions);
  });
  return { extractors, photoMean, nuisanceScales, nuisanceBasis };
}

/** (Rᵀ R / n) · B for residual rows R (n × d) and columns B (d × w), both row-major. */
function covarianceTimes(residuals: Float32Array, count: number, dimensions: number, basis: Float64Array, width: number): Float64Array {
  const product = new Float64Array(dimensions * width);
  const rowTimesBasis = new Float64Array(width);
  for (let row = 0; row < count; row += 1) {
    rowTimesBasis.fill(0);
    const offset = row * dimensions;
    for (let dimension = 0; dimension < dimensions; dimension += 1) {
      const value = residuals[offset + dimension] as number;
      const base = dimension * width;
      for (let column = 0; column < width; column += 1) rowTimesBasis[column] = (rowTimesBasis[column] as number) + value * (basis[base + column] as number);
    }
    for (let dimension = 0; dimension < dimensions; dimension += 1) {
      const value = (residuals[offset + dimension] as number) / count;
      const base = dimension * width;
      for (let column = 0; column < width; column += 1) product[base + column] = (product[base + column] as number) + value * (rowTimesBasis[column] as number);
    }
  }
  return product;
}

/** Deterministic pseudo-random start, so a refit gives the same committed numbers. */
function randomColumns(dimensions: number, width: number): Float64Array {
  let state = 20_190_101;
  const columns = new Float64Array(dimensions * width);
  for (let index = 0; index < columns.length; index += 1) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    columns[index] = state / 2 ** 32 - 0.5;
  }
  return orthonormalColumns(columns, dimensions, width);
}

/** Modified Gram–Schmidt on the columns of a row-major d × w matrix. */
function orthonormalColumns(matrix: Float64Array, dimensions: number, width: number): Float64Array {
  const result = matrix.slice();
  for (let column = 0; column < width; column += 1) {
    for (let previous = 0; previous < column; previous += 1) {
      let overlap = 0;
      for (let row = 0; row < dimensions; row += 1) overlap += (result[row * width + column] as number) * (result[row * width + previous] as number);
      for (let row = 0; row < dimensions; row += 1) result[row * width + column] = (result[row * width + column] as number) - overlap * (result[row * width + previous] as number);
    }
    let norm = 0;
    for (let row = 0; row < dimensions; row += 1) norm += (result[row * width + column] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let row = 0; row < dimensions; row += 1) result[row * width + column] = (result[row * width + column] as number) / norm;
  }
  return result;
}

/** Cyclic Jacobi eigen-decomposition of a small symmetric matrix; eigenvectors are columns. */
function symmetricEigen(input: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
  const matrix = input.slice();
  const vectors = new Float64Array(size * size);
  for (let index = 0; index < size; index += 1) vectors[index * size + index] = 1;
  for (let sweep = 0; sweep < 60; sweep += 1) {
    let offDiagonal = 0;
    for (let row = 0; row < size; row += 1) for (let column = row + 1; column < size; column += 1) offDiagonal += (matrix[row * size + column] as number) ** 2;
    if (offDiagonal < 1e-22) break;
    for (let p = 0; p < size; p += 1) {
      for (let q = p + 1; q < size; q += 1) {
        const apq = matrix[p * size + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = ((matrix[q * size + q] as number) - (matrix[p * size + p] as number)) / (2 * apq);
        const tangent = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cosine = 1 / Math.sqrt(tangent * tangent + 1);
        const sine = tangent * cosine;
        for (let k = 0; k < size; k += 1) {
          const akp = matrix[k * size + p] as number;
          const akq = matrix[k * size + q] as number;
          matrix[k * size + p] = cosine * akp - sine * akq;
          matrix[k * size + q] = sine * akp + cosine * akq;
        }
        for (let k = 0; k < size; k += 1) {
          const apk = matrix[p * size + k] as number;
          const aqk = matrix[q * size + k] as number;
          matrix[p * size + k] = cosine * apk - sine * aqk;
          matrix[q * size + k] = sine * apk + cosine * aqk;
        }
        for (let k = 0; k < size; k += 1) {
          const vkp = vectors[k * size + p] as number;
          const vkq = vectors[k * size + q] as number;
          vectors[k * size + p] = cosine * vkp - sine * vkq;
          vectors[k * size + q] = sine * vkp + cosine * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: size }, (_, index) => matrix[index * size + index] as number), vectors };
}
