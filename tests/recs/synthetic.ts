/** A small interaction set whose right answers are clear: two clusters of users and items. */
import { seededRandom } from '../../src/core/random.ts';
import type { Interaction } from '../../src/core/recs/interactions.ts';

export interface SyntheticShop {
  interactions: Interaction[];
  categories: Map<string, string>;
  texts: Map<string, string>;
}

/**
 * 30 users per cluster, each with 6 distinct items of its cluster (12 items per cluster,
 * lower numbers more popular). Kitchen items are "A0".."A11", garden items "B0".."B11";
 * "A-new" is a kitchen item with a description and no interactions yet.
 */
export function syntheticShop(seed = 7): SyntheticShop {
  const random = seededRandom(seed);
  const interactions: Interaction[] = [];
  const categories = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const [prefix, category, words] of [
    ['A', 'Kitchen', 'stainless steel frying pan cookware'],
    ['B', 'Garden', 'green garden hose watering'],
  ] as const) {
    for (let item = 0; item < 12; item += 1) {
      categories.set(`${prefix}${item}`, category);
      texts.set(`${prefix}${item}`, `${words} model ${prefix}${item}`);
    }
    for (let user = 0; user < 30; user += 1) {
      const chosen = new Set<number>();
      // Squaring a uniform draw favours low item numbers: a popularity skew.
      while (chosen.size < 6) chosen.add(Math.floor(random() ** 2 * 12));
      [...chosen].forEach((item, position) => interactions.push({ user: `${prefix}-user${user}`, item: `${prefix}${item}`, timestamp: 1000 + position }));
    }
  }
  categories.set('A-new', 'Kitchen');
  texts.set('A-new', 'stainless steel frying pan cookware deluxe');
  return { interactions, categories, texts };
}

/**
 * A shop whose order matters: items "S0".."S11" form a chain, and each of 120 users buys
 * three consecutive ones in chain order, from a random start. Once a customer has S(k) and
 * S(k+1), the right next item is S(k+2); S(k−1) is bought with them just as often, but before.
 */
export function sequentialShop(seed = 5): Interaction[] {
  const random = seededRandom(seed);
  const interactions: Interaction[] = [];
  for (let user = 0; user < 120; user += 1) {
    const start = Math.floor(random() * 10);
    for (let step = 0; step < 3; step += 1) interactions.push({ user: `s-user${user}`, item: `S${start + step}`, timestamp: 1000 + step });
  }
  return interactions;
}
