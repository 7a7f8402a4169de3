/** The recommendation engine's public surface. */
export { readInteractionsCsv, deduplicateInteractions, leaveLastOut, type Interaction } from './interactions.ts';
export { readItemFile, type ItemFacts } from './item-file.ts';
export { rankingMetrics, type RankingMetrics } from './metrics.ts';
export type { RecommenderModel, BlendWeights, ComponentName } from './model.ts';
export { trainRecommender, type TrainOptions } from './train.ts';
export { recommendForUser, recommendForUsers, similarItems, boughtTogether, popularItems, type Recommendation, type RecommendOptions } from './recommend.ts';
export { saveRecommender, loadRecommender } from './storage.ts';
export { trainRecommenderInWorker } from './train-in-worker.ts';
