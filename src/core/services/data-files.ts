/** Import and export of whole files, shared by the API (uploaded text) and the CLI (paths). */
import { stringify } from 'csv-stringify/sync';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExportResult, ImportKind, ImportResult } from '../../shared/types.ts';
import { audit, type CoreContext } from '../context.ts';
import type { ExportedFile } from '../importers/kind.ts';
import { importKindSpecs } from '../importers/kinds/index.ts';
import { markdownArticles } from '../importers/kinds/kb.ts';
import { runImport, type ImportProgress } from '../importers/run-import.ts';
import { scheduleRetrain } from './recs-model.ts';
import { scoreUnscoredReviews } from './review-scoring.ts';
import { indexProductImages, VisionUnavailableError } from './vision.ts';
import { sourceFromFile, sourceFromFolder, sourceFromText, type ImportSource } from '../importers/source.ts';

const domainOf: Record<ImportKind, 'catalog' | 'customers' | 'orders' | 'reviews' | 'kb' | 'recs' | 'chat'> = {
  products: 'catalog',
  customers: 'customers',
  orders: 'orders',
  reviews: 'reviews',
  kb: 'kb',
  interactions: 'recs',
  conversations: 'chat',
};

/** Kinds the recommender learns from (products give it categories and texts). */
const retrainedAfter = new Set<ImportKind>(['orders', 'interactions', 'products', 'reviews']);

let nextJob = 1;

/** Product images are embedded on import, so identification is ready when the import returns. */
async function indexImportedImages(context: CoreContext): Promise<void> {
  try {
    await indexProductImages(context);
  } catch (error) {
    if (error instanceof VisionUnavailableError) context.logger.info(`product images not indexed: ${error.message}`);
    else context.logger.warn(`product images not indexed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reviews are scored as they arrive; a scoring failure must not undo an import that succeeded. */
async function scoreImportedReviews(context: CoreContext): Promise<void> {
  try {
    await scoreUnscoredReviews(context);
  } catch (error) {
    context.logger.warn(`reviews imported but not scored: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function importSource(context: CoreContext, kind: ImportKind, source: ImportSource, folder: string | null): Promise<ImportResult> {
  const jobId = `import-${nextJob++}`;
  const label = `Importing ${kind} from ${source.fileName}`;
  const report = (progress: ImportProgress, finished = false) =>
    context.events.emit('progress', { jobId, label, task: { kind: 'import', importKind: kind, fileName: source.fileName }, done: progress.done, total: progress.total, finished });
  const records = folder === null ? undefined : markdownArticles(folder);
  try {
    const result = await runImport(context.db, importKindSpecs[kind], source, { onProgress: (progress) => report(progress), ...(records ? { records } : {}) });
    audit(context, 'agent', 'system.import', kind, result);
    context.events.emit('changed', { domain: domainOf[kind] });
    if (kind === 'reviews') await scoreImportedReviews(context);
    if (kind === 'products') await indexImportedImages(context);
    if (retrainedAfter.has(kind)) scheduleRetrain(context);
    return result;
  } finally {
    report({ phase: 'writing', done: 1, total: 1 }, true);
  }
}

export function importText(context: CoreContext, kind: ImportKind, fileName: string, content: string): Promise<ImportResult> {
  return importSource(context, kind, sourceFromText(fileName, content), null);
}

/** Imports a file, or for the knowledge base also a folder of Markdown articles. */
export async function importPath(context: CoreContext, kind: ImportKind, path: string): Promise<ImportResult> {
  const isFolder = await stat(path).then((stats) => stats.isDirectory(), () => false);
  if (isFolder && kind === 'kb') return importSource(context, kind, sourceFromFolder(path), path);
  return importSource(context, kind, sourceFromFile(path), null);
}

const extensionOf = { csv: 'csv', jsonl: 'jsonl', json: 'json' } as const;
const mimeOf = { csv: 'text/csv', jsonl: 'application/x-ndjson', json: 'application/json' } as const;

function render(file: ExportedFile): string {
  if (file.format === 'csv') return stringify(file.records, { header: true, columns: file.columns, bom: false });
  if (file.format === 'jsonl') return file.records.map((record) => JSON.stringify(record)).join('\n') + (file.records.length ? '\n' : '');
  return `${JSON.stringify(file.records, null, 2)}\n`;
}

export function exportKind(context: CoreContext, kind: ImportKind): ExportResult {
  const file = importKindSpecs[kind].export(context.db, { withAttachments: false });
  return { kind, fileName: `${kind}.${extensionOf[file.format]}`, mime: mimeOf[file.format], content: render(file) };
}

/** Writes an export to disk, with product images beside it so the file imports again as it is. */
export async function exportToPath(context: CoreContext, kind: ImportKind, path: string): Promise<{ records: number; attachments: number }> {
  const file = importKindSpecs[kind].export(context.db, { withAttachments: true });
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, render(file));
  for (const attachment of file.attachments ?? []) {
    const target = join(dirname(path), attachment.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, attachment.bytes);
  }
  return { records: file.records.length, attachments: file.attachments?.length ?? 0 };
}
