/**
 * Runs adaptReviewModel in its own worker thread: reading, adapting and writing a 16 MB
 * model takes seconds of CPU, and the core's thread must keep answering the app.
 */
import { runInWorker } from '../../worker-thread.ts';
import type { AdaptReviewModelArgs } from './adapt.ts';
import type { ReviewModelConfig } from './model-files.ts';

export function adaptReviewModelInWorker(args: AdaptReviewModelArgs): Promise<ReviewModelConfig> {
  const entry = { source: new URL('./adapt-worker.ts', import.meta.url), bundled: new URL('./adapt-worker.js', import.meta.url) };
  return runInWorker(entry, args, 'review model adaptation');
}
