import type { ImportKind } from '../../shared/types.ts';
import type { Db } from '../store/database.ts';
import type { RawRecord } from './fields.ts';
import type { ImportSource, RecordFormat } from './source.ts';

export interface WriteCounts {
  inserted: number;
  updated: number;
}

export interface ExportedFile {
  /** Column names, for CSV exports. */
  columns?: string[];
  /** Rows (CSV) or records (JSON/JSONL). */
  records: Record<string, unknown>[];
  format: RecordFormat;
  /** Files that go beside the export (product images), by relative path. */
  attachments?: { path: string; bytes: Uint8Array }[];
}

export interface ParseContext {
  source: ImportSource;
  db: Db;
  /** The record's number among the file's records (1 = the first). */
  row: number;
}

/** One kind of importable data: how to read a record, write a file's worth, and export it again. */
export interface ImportKindSpec<T> {
  kind: ImportKind;
  formats: readonly RecordFormat[];
  /** Columns a CSV header must have. */
  requiredColumns: readonly string[];
  /** Reads and checks one record; may look up references in the store (read only). */
  parse(record: RawRecord, context: ParseContext): T | Promise<T>;
  /** The natural key, to refuse a file that names the same record twice. */
  key?(value: T): string;
  /** Records that belong together (the lines of one order) and must agree with the first of them. */
  group?: { key(value: T): string; check(value: T, first: T): void };
  /** Runs inside the import's transaction. */
  write(db: Db, values: T[]): WriteCounts;
  export(db: Db, options: { withAttachments: boolean }): ExportedFile;
}
