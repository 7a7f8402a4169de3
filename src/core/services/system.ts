import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiResult } from '../../shared/api.ts';
import type { AuditEntry, ModelInfo } from '../../shared/types.ts';
import type { CoreContext } from '../context.ts';
import { tableCounts } from '../store/database.ts';
import { extractorManifestPath, findImageExtractors, loadExtractorManifest } from '../vision/manifest.ts';

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

/** What a model does, from its card's title: "# name — what it does" (or "# name: what it does"). */
function cardSummary(cardPath: string, name: string): string {
  const title = readFileSync(cardPath, 'utf8').split('\n', 1)[0] ?? '';
  // "# review-sentiment@2026-11-29T12:30: review sentiment …": the folder name, a version (which may hold
  // colons itself), then ": " or " — " and what the model does.
  const summary = title.replace(/^#\s*/, '').replace(name, '').replace(/^@\S+?(?=:\s|\s|$)/, '').replace(/^\s*(?:—|-|:)\s*/, '').trim();
  return summary || name;
}

/**
 * The project's own models (each folder under models/ with a model card), then the
 * third-party image extractors: where each was found on the models path, or what to install.
 */
export function listModels(context: CoreContext): ModelInfo[] {
  const modelsDir = join(context.appRoot, 'models');
  if (!existsSync(modelsDir)) return [];
  const own = readdirSync(modelsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(modelsDir, entry.name, 'MODEL_CARD.md')))
    .map((entry) => ({
      name: entry.name,
      task: cardSummary(join(modelsDir, entry.name, 'MODEL_CARD.md'), entry.name),
      path: join(modelsDir, entry.name),
      builtIn: true,
      licence: null,
      message: null,
    }));
  const manifest = loadExtractorManifest(extractorManifestPath(context.appRoot));
  const extractors = manifest.extractors.map((extractor) => {
    const found = findImageExtractors(context.modelsPath, manifest, [extractor.id]);
    const missing = 'missing' in found;
    return {
      name: extractor.id,
      task: `image features for photo identification (${extractor.licence})`,
      path: missing ? null : (found[0]?.path ?? null),
      builtIn: false,
      licence: extractor.licence,
      message: missing ? found.missing : null,
      ...(missing ? { reason: found.reason } : {}),
    };
  });
  return [...own, ...extractors];
}
