/** Worker-thread entry: the core of browser mode, off the HTTP server's event loop. */
import { parentPort, workerData } from 'node:worker_threads';
import { createStderrLogger } from '../logger.ts';
import type { CoreStartOptions } from './protocol.ts';
import { serveCore, type MessagePortLike } from './serve-core.ts';

if (!parentPort) throw new Error('core-worker.ts must run as a worker thread');
serveCore(parentPort as unknown as MessagePortLike, workerData as CoreStartOptions, createStderrLogger(), () => parentPort?.close());
