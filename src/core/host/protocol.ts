/**
 * Messages between a host and the core running off its main thread (a worker thread
 * in browser mode, Electron's utility process on the desktop).
 */
import type { ApiError, ApiEventName, ApiEvents } from '../../shared/api.ts';

export type ToCore = { type: 'call'; id: number; method: string; args: unknown } | { type: 'close' };

export type FromCore =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; result: unknown }
  | { type: 'result'; id: number; ok: false; error: ApiError }
  | { type: 'event'; event: ApiEventName; payload: ApiEvents[ApiEventName] }
  | { type: 'closed' };

/** What a host needs of a core, wherever it runs: call it, hear its events. */
export interface CoreEndpoint {
  dispatch(method: unknown, args: unknown): Promise<unknown>;
  subscribe(listener: (event: ApiEventName, payload: ApiEvents[ApiEventName]) => void): () => void;
  close(): Promise<void>;
}

export interface CoreStartOptions {
  dataDir: string;
  modelsPath: string[];
  appRoot?: string;
}
