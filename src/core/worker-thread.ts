/**
 * CPU-bound work (model training) in a worker thread, so the core's thread keeps answering
 * the app meanwhile. Run from source (CLI, tests, browser mode), a worker does not inherit
 * the parent's TypeScript loader, so tsx is registered in it first, as the browser-mode core
 * worker does; the desktop build bundles each entry as `<name>.js` beside the core host
 * (electron.vite.config.ts), where the caller's `bundled` URL points.
 */
import { Worker } from 'node:worker_threads';

export interface WorkerEntry {
  /** The entry module from source (`new URL('./x-worker.ts', import.meta.url)`). */
  source: URL;
  /** The same entry in the desktop build (`new URL('./x-worker.js', import.meta.url)`). */
  bundled: URL;
}

function startWorker(entry: WorkerEntry, workerData: unknown): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.source.href)}); })`;
    return new Worker(bootstrap, { eval: true, workerData });
  }
  return new Worker(entry.bundled, { workerData });
}

/** Starts the entry with `workerData` and resolves with the one message it posts before it exits. */
export function runInWorker<Result>(entry: WorkerEntry, workerData: unknown, task: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(entry, workerData);
    let result: { value: Result } | undefined;
    worker.once('message', (message: Result) => (result = { value: message }));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result.value) : reject(new Error(`${task} stopped (exit code ${code})`))));
  });
}
