/**
 * Runs trainReviewModel in its own worker thread: training takes seconds to minutes of
 * CPU, and the core's thread must keep answering the app.
 */
import { runInWorker } from '../../worker-thread.ts';
import type { ReviewModelConfig } from './model-files.ts';
import type { TrainReviewModelArgs } from './train.ts';

export function trainReviewModelInWorker(args: TrainReviewModelArgs): Promise<ReviewModelConfig> {
  const entry = { source: new URL('./train-worker.ts', import.meta.url), bundled: new URL('./train-worker.js', import.meta.url) };
  return runInWorker(entry, args, 'review model training');
}
