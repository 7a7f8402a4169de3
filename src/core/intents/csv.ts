/**
 * CSV input of the intent commands: `text,intent` for training, `text` (and an optional
 * `id`) for classification. Errors name the file, the data row (1 = first row after the
 * header) and the field, like the importers do.
 */
import { parse } from 'csv-parse/sync';
import { ImportError } from '../importers/errors.ts';
import { readTextFile } from '../importers/source.ts';
import type { IntentRow } from './train.ts';

export interface TextRow {
  id: string;
  text: string;
}

function readRecords(file: string, required: readonly string[]): Record<string, string>[] {
  const content = readTextFile(file);
  let records: Record<string, string>[];
  try {
    records = parse(content, { columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), bom: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportError(file, null, null, `is not valid CSV${line === undefined ? '' : ` (near line ${line})`}: ${(error as Error).message}`);
  }
  const columns = Object.keys(records[0] ?? {});
  if (records.length === 0) throw new ImportError(file, null, null, 'has no data rows');
  for (const name of required) if (!columns.includes(name)) throw new ImportError(file, null, name, `missing column (found: ${columns.join(', ')})`);
  return records;
}

export function readTrainingCsv(file: string): IntentRow[] {
  return readRecords(file, ['text', 'intent']).map((record, index) => {
    const text = (record.text ?? '').trim();
    const intent = (record.intent ?? '').trim();
    if (text === '') throw new ImportError(file, index + 1, 'text', 'is empty');
    if (intent === '') throw new ImportError(file, index + 1, 'intent', 'is empty');
    return { text, intent };
  });
}

/** Rows to classify (or queries to search); without an `id` column, the row number is the id. */
export function readTextCsv(file: string, textColumn = 'text'): TextRow[] {
  return readRecords(file, [textColumn]).map((record, index) => {
    const text = (record[textColumn] ?? '').trim();
    if (text === '') throw new ImportError(file, index + 1, textColumn, 'is empty');
    const id = (record.id ?? '').trim();
    return { id: id === '' ? String(index + 1) : id, text };
  });
}
