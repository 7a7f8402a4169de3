import { describe, expect, it } from 'vitest';
import { imageNeighbours } from '../../src/core/recs/image-similarity.ts';
import { seededRandom } from '../../src/core/random.ts';

/** Vectors like CNN features of packshots: a large component all share, plus a small one per look. */
function packshotVectors(looks: number[], dimensions = 300): Float32Array[] {
  const random = seededRandom(3);
  const shared = Float32Array.from({ length: dimensions }, () => 5 + random());
  const lookDirections = [...new Set(looks)].map(() => Float32Array.from({ length: dimensions }, () => random() * 2 - 1));
  return looks.map((look) => shared.map((value, index) => value + ((lookDirections[look] as Float32Array)[index] as number) + (random() - 0.5) * 0.2));
}

function row(rows: ReturnType<typeof imageNeighbours>, item: number): { other: number; value: number }[] {
  const result: { other: number; value: number }[] = [];
  for (let position = rows.offsets[item] as number; position < (rows.offsets[item + 1] as number); position += 1) result.push({ other: rows.indices[position] as number, value: rows.values[position] as number });
  return result;
}

describe('look-alike items from catalog image vectors', () => {
  it('ranks items of the same look first once the shared component is taken out', () => {
    const looks = [0, 0, 0, 1, 1, 1, 2, 2];
    const rows = imageNeighbours(packshotVectors(looks), 10);
    looks.forEach((look, item) => {
      const neighbours = row(rows, item);
      const sameLook = looks.filter((other, index) => other === look && index !== item).length;
      expect(neighbours.slice(0, sameLook).every(({ other }) => looks[other] === look), `item ${item}`).toBe(true);
      expect(neighbours.every(({ other, value }) => other !== item && value > 0 && value <= 1 + 1e-6)).toBe(true);
      // The shared component would make every pair look alike (cosine ≈ 1); centred, other looks are far.
      expect(neighbours.filter(({ other }) => looks[other] !== look).every(({ value }) => value < 0.5), `item ${item}`).toBe(true);
      // Sorted by similarity.
      expect(neighbours.map(({ value }) => value)).toEqual([...neighbours.map(({ value }) => value)].sort((first, second) => second - first));
    });
  });

  it('leaves items without a vector with empty rows and never points at them', () => {
    const vectors = packshotVectors([0, 0, 1, 1]);
    const rows = imageNeighbours([vectors[0], undefined, vectors[1], vectors[2], undefined, vectors[3]], 5);
    expect(rows.offsets).toHaveLength(7);
    expect(row(rows, 1)).toEqual([]);
    expect(row(rows, 4)).toEqual([]);
    expect([...rows.indices].some((other) => other === 1 || other === 4)).toBe(false);
    expect(row(rows, 0)[0]?.other).toBe(2);
  });

  it('keeps at most the asked number of neighbours, and nothing for fewer than two images', () => {
    const rows = imageNeighbours(packshotVectors([0, 0, 0, 0, 0, 0]), 2);
    for (let item = 0; item < 6; item += 1) expect(row(rows, item).length).toBeLessThanOrEqual(2);
    expect(imageNeighbours([packshotVectors([0])[0]], 5).indices).toHaveLength(0);
  });
});
