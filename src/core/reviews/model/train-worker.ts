/** Worker-thread entry: trains and writes a review model folder, then posts its config back. */
import { parentPort, workerData } from 'node:worker_threads';
import { trainReviewModel, type TrainReviewModelArgs } from './train.ts';

if (!parentPort) throw new Error('train-worker.ts must run as a worker thread');
parentPort.postMessage(trainReviewModel(workerData as TrainReviewModelArgs));
