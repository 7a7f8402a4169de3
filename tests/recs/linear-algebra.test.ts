import { describe, expect, it } from 'vitest';
import { trainEase } from '../../src/core/recs/ease.ts';
import { indexInteractions } from '../../src/core/recs/interactions.ts';
import { invertPositiveDefinite } from '../../src/core/recs/linear-algebra.ts';

describe('linear algebra for EASE', () => {
  it('inverts a symmetric positive-definite matrix', () => {
    const matrix = Float64Array.from([4, 1, 2, 1, 3, 0, 2, 0, 5]);
    const inverse = matrix.slice();
    invertPositiveDefinite(inverse, 3);
    for (let row = 0; row < 3; row += 1) {
      for (let column = 0; column < 3; column += 1) {
        let sum = 0;
        for (let inner = 0; inner < 3; inner += 1) sum += matrix[row * 3 + inner]! * inverse[inner * 3 + column]!;
        expect(sum).toBeCloseTo(row === column ? 1 : 0, 12);
      }
    }
  });

  it('gives the same EASE weights through the Woodbury identity as through the direct inverse', () => {
    // 3 users, 5 items: fewer users than items, so trainEase goes through Woodbury.
    const rows = [
      ['u1', ['a', 'b', 'c']],
      ['u2', ['b', 'c', 'd']],
      ['u3', ['a', 'e']],
    ] as const;
    const data = indexInteractions(rows.flatMap(([user, items]) => items.map((item) => ({ user, item }))));
    const lambda = 2;
    const weights = trainEase(data, lambda);
    const size = data.items.length;
    const gram = new Float64Array(size * size);
    for (const sequence of data.sequences) for (const first of sequence) for (const second of sequence) gram[first * size + second]! += 1;
    for (let item = 0; item < size; item += 1) gram[item * size + item]! += lambda;
    invertPositiveDefinite(gram, size);
    for (let row = 0; row < size; row += 1) {
      for (let column = 0; column < size; column += 1) {
        const expected = row === column ? 0 : -gram[row * size + column]! / gram[column * size + column]!;
        expect(weights[row * size + column]).toBeCloseTo(expected, 5);
      }
    }
  });
});
