import { describe, expect, it } from 'vitest';
import { createVectorIndex } from '../../src/core/vision/vector-index.ts';
import { blobToVector, dot, normalise, vectorToBlob } from '../../src/core/vision/vectors.ts';

/** Deterministic pseudo-random unit vectors. */
function randomVectors(count: number, dimensions: number, seed: number): Float32Array[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  return Array.from({ length: count }, () => normalise(Float32Array.from({ length: dimensions }, next)));
}

describe('vectors', () => {
  it('round-trips through a BLOB, also from an unaligned buffer', () => {
    const [vector] = randomVectors(1, 37, 7) as [Float32Array];
    const blob = vectorToBlob(vector);
    expect(blob.byteLength).toBe(37 * 4);
    expect(blobToVector(blob)).toEqual(vector);
    const unaligned = new Uint8Array(blob.byteLength + 1).subarray(1);
    unaligned.set(blob);
    expect(blobToVector(unaligned)).toEqual(vector);
    expect(() => blobToVector(new Uint8Array(5))).toThrow(/whole float32/);
  });

  it('normalises to unit length', () => {
    const vector = normalise(Float32Array.from([3, 4]));
    expect(Array.from(vector)).toEqual([0.6000000238418579, 0.800000011920929]);
    expect(dot(vector, vector)).toBeCloseTo(1, 6);
  });
});

describe('createVectorIndex', () => {
  const dimensions = 24;
  const stored = randomVectors(300, dimensions, 11);
  const queries = randomVectors(20, dimensions, 99);

  function bruteForce(query: Float32Array, rows: { id: string; vector: Float32Array }[], k: number): string[] {
    return rows
      .map(({ id, vector }) => ({ id, score: dot(query, vector) }))
      .sort((left, right) => right.score - left.score)
      .slice(0, k)
      .map(({ id }) => id);
  }

  it('finds the same top-K as a brute-force scan, across growth and removals', () => {
    const index = createVectorIndex(dimensions, 8);
    const rows = stored.map((vector, position) => ({ id: `v${position}`, key: `p${position % 50}`, vector }));
    for (const row of rows) index.add(row.id, row.key, row.vector);
    expect(index.size).toBe(300);
    for (const query of queries) expect(index.search(query, 7).map((hit) => hit.id)).toEqual(bruteForce(query, rows, 7));

    const removed = rows.filter((_, position) => position % 3 === 0);
    for (const row of removed) expect(index.remove(row.id)).toBe(true);
    expect(index.remove('v0')).toBe(false);
    const kept = rows.filter((_, position) => position % 3 !== 0);
    expect(index.size).toBe(kept.length);
    for (const query of queries) expect(index.search(query, 5).map((hit) => hit.id)).toEqual(bruteForce(query, kept, 5));
  });

  it('ranks products by their closest vector, replaces by id and removes by key', () => {
    const index = createVectorIndex(dimensions);
    const [first, second, third] = stored as [Float32Array, Float32Array, Float32Array];
    index.add('a1', 'apple', first);
    index.add('a2', 'apple', second);
    index.add('b1', 'banana', third);
    const products = index.searchKeys(second, 5);
    expect(products.map((product) => product.key)).toEqual(['apple', 'banana']);
    expect(products[0]?.score).toBeCloseTo(1, 5);

    index.add('a2', 'banana', second);
    expect(index.size).toBe(3);
    expect(index.searchKeys(second, 1)[0]?.key).toBe('banana');
    expect(index.removeKey('banana')).toBe(2);
    expect(index.searchKeys(second, 5).map((product) => product.key)).toEqual(['apple']);
    expect(() => index.search(new Float32Array(3), 1)).toThrow(/dimensions/);
  });
});
