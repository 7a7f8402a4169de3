import { describe, expect, it } from 'vitest';
import { boughtTogether, popularItems, recommendForUser, similarItems } from '../../src/core/recs/recommend.ts';
import { trainRecommender } from '../../src/core/recs/train.ts';
import { syntheticShop } from './synthetic.ts';

const shop = syntheticShop();
const model = trainRecommender(shop.interactions, { seed: 1, itemCategories: shop.categories, itemTexts: shop.texts });
const history = (user: string) => new Set(shop.interactions.filter((row) => row.user === user).map((row) => row.item));
const counts = new Map<string, number>();
for (const row of shop.interactions) counts.set(row.item, (counts.get(row.item) ?? 0) + 1);

describe('recommender on two clear clusters', () => {
  it('recommends unseen items of the user\'s own cluster, each with a one-line reason', async () => {
    for (const user of ['A-user0', 'A-user7', 'B-user3', 'B-user29']) {
      const seen = history(user);
      const results = await recommendForUser(model, user, { k: 4, maxPerCategory: 4 });
      expect(results).toHaveLength(4);
      for (const result of results) {
        expect(result.item[0]).toBe(user[0]);
        expect(seen.has(result.item)).toBe(false);
        expect(['bought_with', 'bought_after', 'also_bought', 'similar_to', 'similar_to_history', 'similar_customers', 'popular']).toContain(result.reason.kind);
      }
      const scores = results.map((result) => result.score);
      expect([...scores].sort((first, second) => second - first)).toEqual(scores);
    }
  });

  it('never returns excluded items, and caps results per category', async () => {
    const user = 'A-user1';
    const open = await recommendForUser(model, user, { k: 3, maxPerCategory: 3 });
    const excluded = new Set([open[0]?.item as string]);
    const results = await recommendForUser(model, user, { k: 3, exclude: excluded, maxPerCategory: 3 });
    expect(results.map((result) => result.item)).not.toContain(open[0]?.item);
    const capped = await recommendForUser(model, user, { k: 4, maxPerCategory: 2 });
    expect(capped.filter((result) => shop.categories.get(result.item) === 'Kitchen')).toHaveLength(2);
  });

  it('gives an unknown user popular items with popularity reasons', async () => {
    const results = await recommendForUser(model, 'someone-new', { k: 4, maxPerCategory: 4 });
    expect(results).toHaveLength(4);
    const mostPopular = [...counts.entries()].sort((first, second) => second[1] - first[1])[0]?.[0];
    expect(results[0]?.item).toBe(mostPopular);
    for (const result of results) expect(result.reason).toEqual({ kind: 'popular', category: shop.categories.get(result.item), customers: null });
    const garden = popularItems(model, { k: 3, category: 'Garden' });
    expect(garden.map((entry) => entry.item).every((item) => item.startsWith('B'))).toBe(true);
  });

  it('uses the current item or cart of an unknown user as context', async () => {
    const results = await recommendForUser(model, 'visitor', { k: 4, context: ['B2'], maxPerCategory: 4 });
    expect(results).toHaveLength(4);
    for (const result of results) {
      expect(result.item[0]).toBe('B');
      expect(result.item).not.toBe('B2');
    }
  });

  it('says how many customers bought two items together', () => {
    const together = boughtTogether(model, 'A0', 3);
    expect(together.length).toBeGreaterThan(0);
    for (const entry of together) {
      const both = new Set(shop.interactions.filter((row) => row.item === 'A0').map((row) => row.user));
      const count = shop.interactions.filter((row) => row.item === entry.item && both.has(row.user)).length;
      expect(entry.item[0]).toBe('A');
      expect(entry.reason).toEqual({ kind: 'bought_with', item: 'A0', customers: count });
    }
    expect(boughtTogether(model, 'no-such-item', 3)).toEqual([]);
  });

  it('finds similar items for a new item through its description', () => {
    const similar = similarItems(model, 'A-new', 3);
    expect(similar).toHaveLength(3);
    for (const entry of similar) {
      expect(entry.item[0]).toBe('A');
      expect(entry.reason).toEqual({ kind: 'similar_description' });
    }
  });
});
