/**
 * Stable 32-bit hashing of features (FNV-1a over UTF-16 code units). Saved models depend on
 * these exact numbers, so any change here needs `featureVersion` bumped in features.ts.
 */

export const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

/** Continues an FNV-1a hash with one code unit. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, fnvPrime);
}

export function hashString(text: string, seed: number = fnvOffset): number {
  let hash = seed;
  for (let index = 0; index < text.length; index += 1) hash = hashStep(hash, text.charCodeAt(index));
  return hash >>> 0;
}

/** Mixes two hashes into one (for word pairs); the finaliser of murmur3 spreads the bits. */
export function combineHashes(first: number, second: number): number {
  let hash = Math.imul(first ^ 0x9e3779b9, 0x85ebca6b) ^ second;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
