/**
 * Trains and saves a recommender in a worker thread: on a large store training takes
 * seconds of CPU, which the core's thread spends answering the app instead. The caller
 * loads the saved folder (loadRecommender), which also opens its ONNX scoring session.
 */
import { runInWorker } from '../worker-thread.ts';
import type { Interaction } from './interactions.ts';
import type { TrainOptions } from './train.ts';

export interface RecommenderTrainingJob {
  interactions: readonly Interaction[];
  options: TrainOptions;
  /** Folder the model is saved to. */
  dir: string;
}

export interface RecommenderTrainingResult {
  users: number;
  items: number;
}

export function trainRecommenderInWorker(job: RecommenderTrainingJob): Promise<RecommenderTrainingResult> {
  // Bundled as recs-train-worker.js: the review model's worker is train-worker.js (electron.vite.config.ts).
  const entry = { source: new URL('./train-worker.ts', import.meta.url), bundled: new URL('./recs-train-worker.js', import.meta.url) };
  return runInWorker(entry, job, 'recommender training');
}
