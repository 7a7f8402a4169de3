/**
 * Runs trainReviewModel in its own worker thread: training takes seconds to minutes of
 * CPU, and the core's thread must keep answering the app meanwhile.
 */
import { Worker } from 'node:worker_threads';
import type { ReviewModelConfig } from './model-files.ts';
import type { TrainReviewModelArgs } from './train.ts';

function startWorker(args: TrainReviewModelArgs): Worker {
  // Run from source (CLI, tests, browser mode), a worker does not inherit the parent's
  // TypeScript loader: register tsx in it first, as the browser-mode core worker does.
  if (import.meta.url.endsWith('.ts')) {
    const entry = new URL('./train-worker.ts', import.meta.url).href;
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(bootstrap, { eval: true, workerData: args });
  }
  // The desktop build bundles the entry as train-worker.js beside the core host (electron.vite.config.ts).
  return new Worker(new URL('./train-worker.js', import.meta.url), { workerData: args });
}

export function trainReviewModelInWorker(args: TrainReviewModelArgs): Promise<ReviewModelConfig> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(args);
    let config: ReviewModelConfig | undefined;
    worker.once('message', (message: ReviewModelConfig) => (config = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (config ? resolve(config) : reject(new Error(`review model training stopped (exit code ${code})`))));
  });
}
