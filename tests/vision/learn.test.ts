import { describe, expect, it } from 'vitest';
import { adapterFromBlob, adapterScores, adapterToBlob, trainAdapter, type LabelledVector } from '../../src/core/vision/learn.ts';
import { normalise } from '../../src/core/vision/vectors.ts';

/** A deterministic pseudo-random generator, so the test data is the same on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

const dimensions = 12;
const random = generator(7);
const axis = (index: number, length = 1) => Float32Array.from({ length: dimensions }, (_, column) => (column === index ? length : 0));
const plus = (...vectors: Float32Array[]) => Float32Array.from({ length: dimensions }, (_, column) => vectors.reduce((sum, vector) => sum + (vector[column] as number), 0));
const noise = (scale: number) => Float32Array.from({ length: dimensions }, () => random() * scale);

// Four products: "tight" photos barely vary, "loose" photos vary a lot; each has an opposite
// product whose photos are its photos negated, so the centre of all photos is exactly zero.
const tight = Array.from({ length: 20 }, () => normalise(plus(axis(0), noise(0.1))));
const loose = Array.from({ length: 20 }, () => normalise(plus(axis(1), noise(0.9))));
const negated = (vector: Float32Array) => vector.map((value) => -value);
const products = [
  { key: 'tight', photos: tight },
  { key: 'loose', photos: loose },
  { key: 'tight opposite', photos: tight.map(negated) },
  { key: 'loose opposite', photos: loose.map(negated) },
];
const examples: LabelledVector[] = products.flatMap(({ key, photos }) => photos.map((vector) => ({ key, vector })));
const best = (scores: Float32Array, keys: string[]) => keys[scores.indexOf(Math.max(...scores))];

describe('learning adapter', () => {
  it('ranks each product first for its learned photos', () => {
    const adapter = trainAdapter(examples);
    for (const { key, photos } of products) for (const photo of photos) expect(best(adapterScores(adapter, photo), adapter.keys)).toBe(key);
  });

  it('still picks the product when a photo shows it faintly, however tightly its learned photos cluster', () => {
    // A photo from another visit: mostly something never learned, a little of the tight product.
    // Gaussian log-likelihoods would give it to a loose product, whose photos lie nearer the centre.
    const adapter = trainAdapter(examples);
    const faint = normalise(plus(axis(0, 0.15), axis(dimensions - 1)));
    expect(best(adapterScores(adapter, faint), adapter.keys)).toBe('tight');
  });

  it('survives being stored as a BLOB', () => {
    const adapter = trainAdapter(examples);
    expect(adapterFromBlob(adapterToBlob(adapter))).toEqual(adapter);
    expect(() => adapterFromBlob(adapterToBlob(adapter).subarray(0, -4))).toThrow(/damaged/);
  });
});
