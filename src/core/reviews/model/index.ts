/** Review scoring models: training, export and the scorer the review service calls. */
export { loadReviewScorer, builtInReviewModelDir, type ReviewScorer, type ReviewScoreResult, type LoadReviewScorerOptions } from './scorer.ts';
export { trainReviewModel, fitReviewModel, defaultReviewTrainingOptions, type TrainReviewModelArgs, type ReviewTrainingOptions, type FittedReviewModel } from './train.ts';
export { readReviewConfig, type ReviewModelConfig } from './model-files.ts';
export { reviewAspects, aspectsInClause, type ReviewAspect } from './aspects.ts';
export { urgencyReasons, urgencyReasonsOf, urgencyScore, type UrgencyReason } from './urgency.ts';
export type { ReviewTrainingRow, ReviewSentiment } from './training-rows.ts';
export type { ReviewRecord } from './review-text.ts';
