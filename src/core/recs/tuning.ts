/**
 * Blend-weight search on a validation split: coordinate ascent over a small grid per
 * component, maximising HR@10 + NDCG@10 of the held-out items ranked among all unseen items.
 */
import { seededRandom, shuffle } from '../random.ts';
import type { Interaction } from './interactions.ts';
import { componentNames, type BlendWeights, type ComponentName, type RecommenderModel } from './model.ts';
import { componentScale, componentScores, scoringQuery } from './scoring.ts';

const cutoff = 10;
const grid = [0, 0.05, 0.1, 0.25, 0.5, 1, 2];
const rounds = 2;
/** Cap on cached scores (users × components × items) so tuning stays in memory on large catalogs. */
const maximumCachedScores = 25_000_000;
/** Validation users sampled: differences between weightings are a few points of HR, so the sample must be large to see them. */
const maximumUsers = 3000;

interface ValidationCase {
  target: number;
  seen: Int32Array;
  /** Scaled scores per active component. */
  scores: Float32Array[];
}

export function tuneWeights(model: RecommenderModel, heldOut: readonly Interaction[], seed: number): { weights: BlendWeights; metrics: { hitRate: number; ndcg: number; users: number } } {
  const active = componentNames.filter((component) => model.weights[component] > 0);
  const itemCount = model.items.length;
  const userLimit = Math.min(maximumUsers, Math.max(50, Math.floor(maximumCachedScores / Math.max(1, itemCount * active.length))));
  // A held-out item the user already had can never be recommended again: it is a miss, not a case to tune on.
  const findableCase = (interaction: Interaction) => {
    const row = model.userIndex.get(interaction.user);
    const item = model.itemIndex.get(interaction.item);
    return row !== undefined && item !== undefined && !(model.histories[row] as Int32Array).includes(item);
  };
  const candidates = heldOut.filter(findableCase);
  // A seeded shuffle, then the first userLimit: a fair sample that never moves between runs.
  shuffle(candidates, seededRandom(seed));
  const sample = candidates.slice(0, userLimit);
  const cases: ValidationCase[] = sample.map((interaction) => {
    const row = model.userIndex.get(interaction.user) as number;
    const history = model.histories[row] as Int32Array;
    const query = scoringQuery(model, history, row);
    return {
      target: model.itemIndex.get(interaction.item) as number,
      seen: history,
      scores: active.map((component) => {
        const scores = componentScores(model, query, component);
        const scale = 1 / componentScale(scores);
        for (let item = 0; item < scores.length; item += 1) scores[item] = (scores[item] as number) * scale;
        return scores;
      }),
    };
  });
  // Unfindable held-out items (unknown user or item, or already had) count as misses in the reported metrics.
  const total = heldOut.length;
  const blocked = new Uint8Array(itemCount);
  const evaluate = (weights: readonly number[]) => {
    let hits = 0;
    let gain = 0;
    for (const { target, seen, scores } of cases) {
      for (const item of seen) blocked[item] = 1;
      let targetScore = 0;
      scores.forEach((component, index) => (targetScore += (weights[index] as number) * (component[target] as number)));
      let rank = 0;
      for (let item = 0; item < itemCount && rank < cutoff; item += 1) {
        if (blocked[item] === 1 || item === target) continue;
        let score = 0;
        for (let index = 0; index < scores.length; index += 1) score += (weights[index] as number) * ((scores[index] as Float32Array)[item] as number);
        // Ties rank against the held-out item, so a flat score never looks like a hit.
        if (score >= targetScore) rank += 1;
      }
      for (const item of seen) blocked[item] = 0;
      if (rank < cutoff) {
        hits += 1;
        gain += 1 / Math.log2(rank + 2);
      }
    }
    return { hitRate: hits / Math.max(1, cases.length), ndcg: gain / Math.max(1, cases.length) };
  };
  const objective = (metrics: { hitRate: number; ndcg: number }) => metrics.hitRate + metrics.ndcg;
  const weights = active.map((component) => model.weights[component]);
  let best = evaluate(weights);
  for (let round = 0; round < rounds; round += 1) {
    for (let index = 0; index < weights.length; index += 1) {
      let bestValue = weights[index] as number;
      for (const value of grid) {
        if (value === bestValue) continue;
        weights[index] = value;
        if (weights.some((weight) => weight > 0)) {
          const metrics = evaluate(weights);
          if (objective(metrics) > objective(best)) {
            best = metrics;
            bestValue = value;
          }
        }
        weights[index] = bestValue;
      }
    }
  }
  const tuned = Object.fromEntries(componentNames.map((component) => [component, 0])) as BlendWeights;
  active.forEach((component: ComponentName, index) => (tuned[component] = weights[index] as number));
  // The sample stands for every findable held-out item; the rest are misses.
  const findable = candidates.length / Math.max(1, total);
  return { weights: tuned, metrics: { hitRate: best.hitRate * findable, ndcg: best.ndcg * findable, users: total } };
}
