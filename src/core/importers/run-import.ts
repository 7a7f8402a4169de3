/**
 * Runs one file's import: stream and check every record first, then write them all
 * in one transaction. A bad record stops the import with an error naming file, row
 * and field, and the store is left exactly as it was.
 */
import { reason } from '../../shared/error-reasons.ts';
import type { ImportKind, ImportResult } from '../../shared/types.ts';
import type { Db } from '../store/database.ts';
import { FieldError, ImportError } from './errors.ts';
import type { ImportKindSpec } from './kind.ts';
import { formatOf, readRecords, type ImportSource, type SourceRecord } from './source.ts';

export interface ImportProgress {
  phase: 'reading' | 'writing';
  done: number;
  total: number | null;
}

export interface RunImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Records from somewhere other than the source's bytes (a Markdown folder). */
  records?: AsyncIterable<SourceRecord>;
}

export async function runImport(db: Db, spec: ImportKindSpec<unknown>, source: ImportSource, options: RunImportOptions = {}): Promise<ImportResult> {
  const { onProgress } = options;
  let records = options.records;
  if (!records) {
    const format = formatOf(source.fileName);
    if (!spec.formats.includes(format)) {
      throw new ImportError(source.fileName, null, null, reason('import.wrong_format', { kind: spec.kind, formats: spec.formats.map((name) => `.${name}`).join(' or ') }));
    }
    let bytesRead = 0;
    records = readRecords(source, format, {
      requiredColumns: spec.requiredColumns,
      onBytes: (count) => {
        bytesRead += count;
        onProgress?.({ phase: 'reading', done: bytesRead, total: source.size });
      },
    });
  }

  const values: unknown[] = [];
  const rowOfKey = new Map<string, number>();
  const firstOfGroup = new Map<string, unknown>();
  for await (const { row, record } of records) {
    try {
      const value = await spec.parse(record, { source, db, row });
      if (spec.key) {
        const key = spec.key(value);
        const earlier = rowOfKey.get(key);
        if (earlier !== undefined) throw new FieldError(spec.requiredColumns[0] ?? 'id', reason('import.duplicate_key', { key, firstRow: earlier }));
        rowOfKey.set(key, row);
      }
      if (spec.group) {
        const group = spec.group.key(value);
        const first = firstOfGroup.get(group);
        if (first === undefined) firstOfGroup.set(group, value);
        else spec.group.check(value, first);
      }
      values.push(value);
    } catch (error) {
      if (error instanceof FieldError) throw new ImportError(source.fileName, row, error.field, error.reason);
      throw error;
    }
  }
  if (values.length === 0) throw new ImportError(source.fileName, null, null, reason('import.no_records'));

  onProgress?.({ phase: 'writing', done: 0, total: values.length });
  const counts = db.transaction(() => spec.write(db, values))();
  onProgress?.({ phase: 'writing', done: values.length, total: values.length });
  return { kind: spec.kind as ImportKind, file: source.fileName, rows: values.length, ...counts };
}
