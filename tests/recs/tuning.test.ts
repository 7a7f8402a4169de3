import { describe, expect, it } from 'vitest';
import { indexInteractions, type Interaction } from '../../src/core/recs/interactions.ts';
import { componentScores, scoringQuery, topIndices } from '../../src/core/recs/scoring.ts';
import { defaultWeights, trainSignals } from '../../src/core/recs/train.ts';
import { tuneWeights } from '../../src/core/recs/tuning.ts';
import { sequentialShop, syntheticShop } from './synthetic.ts';

describe('blend tuning', () => {
  it('counts a held-out item the user already had as a miss, never as a hit to tune on', () => {
    const shop = syntheticShop();
    const model = trainSignals(indexInteractions(shop.interactions), { seed: 1 }, defaultWeights);
    // Each user's first item: well supported by the rest of the history, but never recommendable again.
    const firsts = new Map<string, Interaction>();
    for (const interaction of shop.interactions) if (!firsts.has(interaction.user)) firsts.set(interaction.user, interaction);
    const repeats = [...firsts.values()];
    const { metrics } = tuneWeights(model, repeats, 1);
    expect(metrics).toEqual({ hitRate: 0, ndcg: 0, users: repeats.length });
  });

  it('ranks the true follower first with the next-item signal when order matters, and the tuned blend keeps it', () => {
    const interactions = sequentialShop();
    // Held out: each user's third item; the tuner sees only the first two.
    const heldOut = interactions.filter((interaction) => interaction.timestamp === 1002);
    const train = interactions.filter((interaction) => interaction.timestamp !== 1002);
    const model = trainSignals(indexInteractions(train), { seed: 1 }, defaultWeights);
    const topOf = (component: 'transitions' | 'neighbours', user: string) => {
      const row = model.userIndex.get(user) as number;
      const history = model.histories[row] as Int32Array;
      const scores = componentScores(model, scoringQuery(model, history, row), component);
      return model.items[topIndices(scores, 1, (item) => history.includes(item))[0] as number];
    };
    // Only users whose follower was seen after their last item in training can be predicted.
    const predictable = heldOut.filter((interaction) => {
      const last = Number(interaction.item.slice(1)) - 1;
      return train.some((other) => other.item === `S${last}` && other.timestamp === 1000);
    });
    expect(predictable.length).toBeGreaterThan(80);
    for (const interaction of predictable) expect(topOf('transitions', interaction.user)).toBe(interaction.item);
    // Co-occurrence alone cannot tell the item after from the item before.
    expect(predictable.filter((interaction) => topOf('neighbours', interaction.user) === interaction.item).length).toBeLessThan(predictable.length * 0.75);
    // The tuned blend keeps the next-item signal and puts the follower first for every predictable user.
    const { weights, metrics } = tuneWeights(model, heldOut, 1);
    expect(weights.transitions).toBeGreaterThan(0);
    expect(metrics.ndcg).toBeCloseTo(predictable.length / heldOut.length, 6);
  });
});
