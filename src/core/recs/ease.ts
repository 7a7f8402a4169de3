/**
 * EASE^R (Steck, 2019): a linear item–item model with a closed form. With the ridge
 * inverse P = (XᵀX + λI)⁻¹ over the binary user–item matrix X, the weights are
 * B(i, j) = −P(i, j) / P(j, j) and B(j, j) = 0. When there are fewer users than items the
 * inverse goes through the Woodbury identity, P = (I − Xᵀ(λI + XXᵀ)⁻¹X) / λ, so the
 * matrix inverted is never larger than min(users, items).
 */
import type { InteractionData } from './interactions.ts';
import { invertPositiveDefinite } from './linear-algebra.ts';

/** The dense ridge inverse P (items × items). */
function ridgeInverse(data: InteractionData, lambda: number): Float64Array {
  const itemCount = data.items.length;
  const userCount = data.users.length;
  if (itemCount <= userCount) {
    const gram = new Float64Array(itemCount * itemCount);
    for (const sequence of data.sequences) {
      for (const first of sequence) {
        const offset = first * itemCount;
        for (const second of sequence) gram[offset + second] = (gram[offset + second] as number) + 1;
      }
    }
    for (let item = 0; item < itemCount; item += 1) gram[item * itemCount + item] = (gram[item * itemCount + item] as number) + lambda;
    invertPositiveDefinite(gram, itemCount);
    return gram;
  }
  // Woodbury: K = λI + XXᵀ (users × users), then P = (I − Xᵀ K⁻¹ X) / λ.
  const byItem: number[][] = data.items.map(() => []);
  data.sequences.forEach((sequence, user) => sequence.forEach((item) => (byItem[item] as number[]).push(user)));
  const kernel = new Float64Array(userCount * userCount);
  for (const users of byItem) {
    for (const first of users) {
      const offset = first * userCount;
      for (const second of users) kernel[offset + second] = (kernel[offset + second] as number) + 1;
    }
  }
  for (let user = 0; user < userCount; user += 1) kernel[user * userCount + user] = (kernel[user * userCount + user] as number) + lambda;
  invertPositiveDefinite(kernel, userCount);
  // KX (users × items): row u = Σ_v K⁻¹(u, v) X(v, ·).
  const kernelTimesX = new Float64Array(userCount * itemCount);
  for (let user = 0; user < userCount; user += 1) {
    const offset = user * itemCount;
    for (let other = 0; other < userCount; other += 1) {
      const weight = kernel[user * userCount + other] as number;
      for (const item of data.sequences[other] as Int32Array) kernelTimesX[offset + item] = (kernelTimesX[offset + item] as number) + weight;
    }
  }
  const inverse = new Float64Array(itemCount * itemCount);
  for (let item = 0; item < itemCount; item += 1) {
    const offset = item * itemCount;
    for (const user of byItem[item] as number[]) {
      const source = user * itemCount;
      for (let column = 0; column < itemCount; column += 1) inverse[offset + column] = (inverse[offset + column] as number) - (kernelTimesX[source + column] as number);
    }
    inverse[offset + item] = (inverse[offset + item] as number) + 1;
    for (let column = 0; column < itemCount; column += 1) inverse[offset + column] = (inverse[offset + column] as number) / lambda;
  }
  return inverse;
}

/** EASE weights, dense items × items (row = history item, column = candidate). */
export function trainEase(data: InteractionData, lambda: number): Float32Array {
  const itemCount = data.items.length;
  const inverse = ridgeInverse(data, lambda);
  const weights = new Float32Array(itemCount * itemCount);
  for (let row = 0; row < itemCount; row += 1) {
    for (let column = 0; column < itemCount; column += 1) {
      if (row !== column) weights[row * itemCount + column] = -(inverse[row * itemCount + column] as number) / (inverse[column * itemCount + column] as number);
    }
  }
  return weights;
}
