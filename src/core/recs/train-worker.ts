/** Worker-thread entry: trains the store's recommender and saves it to a folder, then posts its size back. */
import { parentPort, workerData } from 'node:worker_threads';
import { saveRecommender } from './storage.ts';
import { trainRecommender, type TrainOptions } from './train.ts';
import type { RecommenderTrainingJob, RecommenderTrainingResult } from './train-in-worker.ts';

if (!parentPort) throw new Error('train-worker.ts must run as a worker thread');
const job = workerData as RecommenderTrainingJob;
const model = trainRecommender(job.interactions, job.options satisfies TrainOptions);
saveRecommender(model, job.dir);
parentPort.postMessage({ users: model.users.length, items: model.items.length } satisfies RecommenderTrainingResult);
