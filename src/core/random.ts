/**
 * Seeded randomness for training: the same seed gives the same model, bit for bit, so a
 * model card's numbers can be reproduced.
 */

/** Small deterministic generator (mulberry32): uniform numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place (arrays and typed arrays alike); returns the same object. */
export function shuffle<Items extends { length: number; [index: number]: unknown }>(items: Items, random: () => number): Items {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const swap = items[index];
    items[index] = items[other];
    items[other] = swap;
  }
  return items;
}
