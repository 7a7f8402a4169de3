import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiResult } from '../../shared/api.ts';
import type { AuditEntry, ModelInfo } from '../../shared/types.ts';
import type { CoreContext } from '../context.ts';
import { tableCounts } from '../store/database.ts';

export async function systemInfo(context: CoreContext): Promise<ApiResult<'system.info'>> {
  const executionProvider = await context.engine.selectProvider();
  return {
    version: context.version,
    dataDir: context.dataDir,
    databasePath: context.databasePath,
    modelsPath: context.modelsPath,
    executionProvider,
    executionProviderCandidates: [...context.engine.candidates],
    tables: tableCounts(context.db),
    migrations: context.db.prepare('SELECT count(*) FROM migrations').pluck().get() as number,
  };
}

export function auditLog(context: CoreContext, limit = 100): AuditEntry[] {
  return context.db.prepare('SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditEntry[];
}

/** Finds a file along the models path (the first folder that has it wins). */
export function findOnModelsPath(modelsPath: readonly string[], relativePath: string): string | null {
  for (const folder of modelsPath) {
    const candidate = join(folder, relativePath);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** The project's own models: each folder under models/ with a model card. */
export function listModels(context: CoreContext): ModelInfo[] {
  const modelsDir = join(context.appRoot, 'models');
  if (!existsSync(modelsDir)) return [];
  return readdirSync(modelsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(modelsDir, entry.name, 'MODEL_CARD.md')))
    .map((entry) => ({
      name: entry.name,
      task: entry.name.split('-')[0] ?? entry.name,
      path: join(modelsDir, entry.name),
      builtIn: true,
      message: null,
    }));
}
