/**
 * The headless ShopDesk core: the store, the inference engine and every service,
 * behind one dispatcher. Hosts (CLI, tests, the browser-mode server, Electron's
 * utility process) create it with their own data folder, models path and logger.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiEventName, ApiEvents } from '../shared/api.ts';
import type { CoreContext } from './context.ts';
import { createDispatcher } from './dispatcher.ts';
import { createEventBus } from './events.ts';
import { createInferenceEngine, type ExecutionProvider } from './inference/onnx-runtime.ts';
import type { Logger } from './logger.ts';
import { stopRetraining } from './services/recs-model.ts';
import { openDatabase } from './store/database.ts';

export interface CoreOptions {
  dataDir: string;
  modelsPath?: string[];
  logger: Logger;
  /** Where models/ and resources/ are; the repository root unless a packaged app says otherwise. */
  appRoot?: string;
  providers?: readonly ExecutionProvider[];
}

export interface Core {
  context: CoreContext;
  /** Calls any method of the contract; rejects with ApiCallError. */
  dispatch(method: unknown, args: unknown): Promise<unknown>;
  subscribe(listener: (event: ApiEventName, payload: ApiEvents[ApiEventName]) => void): () => void;
  close(): Promise<void>;
}

export const repositoryRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** SHOPDESK_MODELS_PATH holds folders separated like PATH (':' here, ';' on Windows). */
export function parseModelsPath(value: string | undefined): string[] {
  return (value ?? '').split(delimiter).filter((folder) => folder.trim() !== '').map((folder) => resolve(folder));
}

export function createCore(options: CoreOptions): Core {
  const appRoot = options.appRoot ?? repositoryRoot;
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = join(options.dataDir, 'shopdesk.db');
  const db = openDatabase(databasePath);
  const { version } = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string };
  const events = createEventBus();
  const context: CoreContext = {
    db,
    engine: createInferenceEngine({ logger: options.logger, ...(options.providers ? { providers: options.providers } : {}) }),
    events,
    logger: options.logger,
    version,
    dataDir: resolve(options.dataDir),
    databasePath,
    modelsPath: options.modelsPath ?? [],
    appRoot,
  };
  return {
    context,
    dispatch: createDispatcher(context),
    subscribe: (listener) => events.subscribe(listener),
    async close() {
      await stopRetraining(context);
      await context.engine.release();
      db.close();
    },
  };
}
