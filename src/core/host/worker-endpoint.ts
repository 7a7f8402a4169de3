/** Starts the core in a worker thread and returns an endpoint that relays to it. */
import { Worker } from 'node:worker_threads';
import { ApiCallError, type ApiEventName, type ApiEvents } from '../../shared/api.ts';
import { reason } from '../../shared/error-reasons.ts';
import type { CoreEndpoint, CoreStartOptions, FromCore } from './protocol.ts';

export function startCoreWorker(options: CoreStartOptions): Promise<CoreEndpoint> {
  // A worker does not inherit the parent's TypeScript loader: register tsx in it, then load the entry.
  const entry = new URL('./core-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: options });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Set<(event: ApiEventName, payload: ApiEvents[ApiEventName]) => void>();
  let nextId = 1;
  let closed: (() => void) | undefined;

  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('exit', (code) => {
      for (const call of pending.values()) call.reject(ApiCallError.because('unavailable', reason('connection.core_stopped', { code })));
      pending.clear();
      closed?.();
    });
    worker.on('message', (message: FromCore) => {
      if (message.type === 'ready') {
        worker.off('error', reject);
        resolve({
          dispatch(method, args) {
            const id = nextId++;
            return new Promise((resolveCall, rejectCall) => {
              pending.set(id, { resolve: resolveCall, reject: rejectCall });
              worker.postMessage({ type: 'call', id, method, args });
            });
          },
          subscribe(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
          close() {
            return new Promise<void>((resolveClose) => {
              closed = resolveClose;
              worker.postMessage({ type: 'close' });
            });
          },
        });
      } else if (message.type === 'result') {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) call?.resolve(message.result);
        else call?.reject(ApiCallError.from(message.error));
      } else if (message.type === 'event') {
        for (const listener of listeners) listener(message.event, message.payload);
      }
    });
  });
}
