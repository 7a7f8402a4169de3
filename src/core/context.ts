import type { InferenceEngine } from './inference/onnx-runtime.ts';
import type { EventBus } from './events.ts';
import type { Logger } from './logger.ts';
import type { Db } from './store/database.ts';

/** What every service is handed: the store, the inference engine, the event bus and where things are. */
export interface CoreContext {
  db: Db;
  engine: InferenceEngine;
  events: EventBus;
  logger: Logger;
  version: string;
  dataDir: string;
  databasePath: string;
  /** Folders searched for model files the project does not ship. */
  modelsPath: string[];
  /** The application's own files: `models/` and `resources/` live here. */
  appRoot: string;
}


/** Records who did what, for the audit log every data change and assistant action writes to. */
export function audit(context: CoreContext, actor: string, action: string, target: string, detail: unknown = {}): void {
  context.db.prepare('INSERT INTO audit_log (actor, action, target, detail) VALUES (?, ?, ?, ?)').run(actor, action, target, JSON.stringify(detail));
}
