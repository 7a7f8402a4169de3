/** Worker-thread entry: adapts a review model, writes its folder, then posts its config back. */
import { parentPort, workerData } from 'node:worker_threads';
import { adaptReviewModel, type AdaptReviewModelArgs } from './adapt.ts';

if (!parentPort) throw new Error('adapt-worker.ts must run as a worker thread');
parentPort.postMessage(adaptReviewModel(workerData as AdaptReviewModelArgs));
