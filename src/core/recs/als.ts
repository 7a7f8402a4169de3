/**
 * Implicit-feedback matrix factorisation (Hu, Koren & Volinsky, 2008) trained by
 * alternating least squares, each row solved approximately with a few conjugate-gradient
 * steps warm-started from the previous solution (Takács et al., 2011), which keeps an
 * iteration at O(nnz · f + rows · f²).
 */
import type { InteractionData } from './interactions.ts';
import { seededRandom } from '../random.ts';

export interface AlsOptions {
  factors: number;
  iterations: number;
  /** Confidence of an observed interaction is 1 + alpha. */
  alpha: number;
  regularization: number;
  conjugateGradientSteps: number;
  seed: number;
}

export interface Factorisation {
  factors: number;
  /** users × factors, row-major. */
  userFactors: Float32Array;
  /** items × factors, row-major. */
  itemFactors: Float32Array;
}

/** Gram matrix YᵀY (f × f) of a factor table. */
function gram(table: Float64Array, rows: number, factors: number): Float64Array {
  const result = new Float64Array(factors * factors);
  for (let row = 0; row < rows; row += 1) {
    const offset = row * factors;
    for (let first = 0; first < factors; first += 1) {
      const value = table[offset + first] as number;
      for (let second = 0; second < factors; second += 1) result[first * factors + second] = (result[first * factors + second] as number) + value * (table[offset + second] as number);
    }
  }
  return result;
}

/**
 * One half-step: updates every row of `solved` given the fixed table, where row r
 * interacted with the columns `lists[r]`.
 */
function solveRows(solved: Float64Array, fixed: Float64Array, fixedRows: number, lists: readonly ArrayLike<number>[], options: AlsOptions): void {
  const factors = options.factors;
  const fixedGram = gram(fixed, fixedRows, factors);
  const residual = new Float64Array(factors);
  const direction = new Float64Array(factors);
  const product = new Float64Array(factors);
  const confidenceExtra = options.alpha;
  lists.forEach((columns, row) => {
    const offset = row * factors;
    // product = A x with A = YᵀY + λI + Σ alpha y yᵀ; residual = b − A x with b = Σ (1 + alpha) y.
    const multiply = (vector: Float64Array, into: Float64Array, vectorOffset: number) => {
      for (let first = 0; first < factors; first += 1) {
        let sum = options.regularization * (vector[vectorOffset + first] as number);
        for (let second = 0; second < factors; second += 1) sum += (fixedGram[first * factors + second] as number) * (vector[vectorOffset + second] as number);
        into[first] = sum;
      }
      for (let index = 0; index < columns.length; index += 1) {
        const fixedOffset = (columns[index] as number) * factors;
        let dot = 0;
        for (let factor = 0; factor < factors; factor += 1) dot += (fixed[fixedOffset + factor] as number) * (vector[vectorOffset + factor] as number);
        dot *= confidenceExtra;
        for (let factor = 0; factor < factors; factor += 1) into[factor] = (into[factor] as number) + dot * (fixed[fixedOffset + factor] as number);
      }
    };
    multiply(solved, product, offset);
    residual.fill(0);
    for (let index = 0; index < columns.length; index += 1) {
      const fixedOffset = (columns[index] as number) * factors;
      for (let factor = 0; factor < factors; factor += 1) residual[factor] = (residual[factor] as number) + (1 + confidenceExtra) * (fixed[fixedOffset + factor] as number);
    }
    let residualNorm = 0;
    for (let factor = 0; factor < factors; factor += 1) {
      const value = (residual[factor] as number) - (product[factor] as number);
      residual[factor] = value;
      direction[factor] = value;
      residualNorm += value * value;
    }
    for (let step = 0; step < options.conjugateGradientSteps && residualNorm > 1e-12; step += 1) {
      multiply(direction, product, 0);
      let curvature = 0;
      for (let factor = 0; factor < factors; factor += 1) curvature += (direction[factor] as number) * (product[factor] as number);
      const stepSize = residualNorm / curvature;
      let nextNorm = 0;
      for (let factor = 0; factor < factors; factor += 1) {
        solved[offset + factor] = (solved[offset + factor] as number) + stepSize * (direction[factor] as number);
        const value = (residual[factor] as number) - stepSize * (product[factor] as number);
        residual[factor] = value;
        nextNorm += value * value;
      }
      const ratio = nextNorm / residualNorm;
      for (let factor = 0; factor < factors; factor += 1) direction[factor] = (residual[factor] as number) + ratio * (direction[factor] as number);
      residualNorm = nextNorm;
    }
  });
}

export function trainAls(data: InteractionData, options: AlsOptions): Factorisation {
  const { factors } = options;
  const random = seededRandom(options.seed);
  const userCount = data.users.length;
  const itemCount = data.items.length;
  const users = new Float64Array(userCount * factors);
  const items = Float64Array.from({ length: itemCount * factors }, () => (random() - 0.5) * 0.02);
  const byItem: number[][] = data.items.map(() => []);
  data.sequences.forEach((sequence, user) => sequence.forEach((item) => (byItem[item] as number[]).push(user)));
  for (let iteration = 0; iteration < options.iterations; iteration += 1) {
    solveRows(users, items, itemCount, data.sequences, options);
    solveRows(items, users, userCount, byItem, options);
  }
  return { factors, userFactors: Float32Array.from(users), itemFactors: Float32Array.from(items) };
}
