/**
 * CSV input of the intent commands: `text,intent` for training, `text` (and an optional
 * `id`) for classification. Errors name the file, the data row (1 = first row after the
 * header) and the field, like the importers do. Public intent sets name their columns
 * differently (BANKING77: `text,category`), so `category` and `label` are read as the intent,
 * and CLINC150's `oos` as out_of_scope. Training also reads JSON as public sets ship it:
 * CLINC150's splits of [text, intent] pairs, or records with the same columns.
 */
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { reason } from '../../shared/error-reasons.ts';
import { ImportError } from '../importers/errors.ts';
import { readTextFile } from '../importers/source.ts';
import { outOfScopeLabel } from './model-files.ts';
import type { IntentRow } from './train.ts';

export interface TextRow {
  id: string;
  text: string;
}

/**
 * A CSV file's rows by column name. A row with more fields than the header had a comma in its
 * text left unquoted (`1,where is my order, please`): the surplus fields are joined back into the
 * text column, rather than the whole file refused.
 */
function csvRecords(file: string, content: string, textColumn: string): Record<string, string>[] {
  let rows: string[][];
  try {
    rows = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const detail = (error as Error).message;
    throw new ImportError(file, null, null, line === undefined ? reason('import.invalid_csv_file', { detail }) : reason('import.invalid_csv_near_line', { line, detail }));
  }
  const header = (rows[0] ?? []).map((name) => name.trim().toLowerCase());
  const textPosition = header.indexOf(textColumn);
  return rows.slice(1).map((row) => {
    const surplus = row.length - header.length;
    const fields = surplus > 0 && textPosition >= 0 ? [...row.slice(0, textPosition), row.slice(textPosition, textPosition + surplus + 1).join(','), ...row.slice(textPosition + surplus + 1)] : row;
    return Object.fromEntries(header.map((name, index) => [name, fields[index] ?? '']));
  });
}

const jsonExtensions = new Set(['.json', '.jsonl', '.ndjson']);

/** The records of a CSV file, or with `json`, also of a JSON (lines) training file; `required[0]` is the text column. */
function readRecords(file: string, required: readonly [string, ...string[]], options: { json?: boolean } = {}): Record<string, string>[] {
  const content = readTextFile(file);
  const records = options.json === true && jsonExtensions.has(extname(file).toLowerCase()) ? jsonTrainingRecords(file, content) : csvRecords(file, content, required[0]);
  const columns = Object.keys(records[0] ?? {});
  if (records.length === 0) throw new ImportError(file, null, null, reason('import.no_data_rows'));
  for (const name of required) if (!columns.includes(name)) throw new ImportError(file, null, name, reason('import.missing_column_found', { columns: columns.join(', ') }));
  return records;
}

/** A JSON value, or failing that one JSON value a line; null when the text is neither. */
function parseJsonOrLines(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    try {
      return content.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
    } catch {
      return null;
    }
  }
}

/**
 * CLINC150's `{"train": [[text, intent], …], "val": …, "oos_train": …, "oos_val": …}` (every split
 * trains but a test split, which is for measuring), or an array (or lines) of [text, intent] pairs
 * or of records with a text and an intent column.
 */
function jsonTrainingRecords(file: string, content: string): Record<string, string>[] {
  const value = parseJsonOrLines(content.replace(/^\uFEFF/, ''));
  const entries: unknown[] = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([split, records]) => (Array.isArray(records) && !/test/i.test(split) ? (records as unknown[]) : []))
      : [];
  if (entries.length === 0) throw new ImportError(file, null, null, reason('import.not_a_json_array'));
  return entries.map((entry, index) => {
    if (Array.isArray(entry) && entry.length === 2) return { text: String(entry[0]), intent: String(entry[1]) };
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ImportError(file, index + 1, null, reason('import.not_a_json_object'));
    return Object.fromEntries(Object.entries(entry).map(([name, field]) => [name.trim().toLowerCase(), field === null || field === undefined ? '' : String(field)]));
  });
}

/** Column names read as the intent, in order of preference. */
const intentColumns = ['intent', 'category', 'label'] as const;

/** Other spellings of out_of_scope in public data (CLINC150). */
const outOfScopeSpellings = new Set([outOfScopeLabel, 'oos']);

export interface TrainingCsv {
  rows: IntentRow[];
  /** How the file spells out_of_scope (out_of_scope unless it says `oos`): answers use the same word. */
  outOfScopeName: string;
}

export function readTrainingCsv(file: string): TrainingCsv {
  const records = readRecords(file, ['text'], { json: true });
  const columns = Object.keys(records[0] ?? {});
  const intentColumn = intentColumns.find((name) => columns.includes(name));
  if (intentColumn === undefined) throw new ImportError(file, null, 'intent', reason('import.missing_intent_column', { columns: columns.join(', '), aliases: intentColumns.slice(1).join(', ') }));
  let outOfScopeName = outOfScopeLabel;
  const rows = records.map((record, index) => {
    const text = (record.text ?? '').trim();
    const intent = (record[intentColumn] ?? '').trim();
    if (text === '') throw new ImportError(file, index + 1, 'text', reason('import.empty'));
    if (intent === '') throw new ImportError(file, index + 1, intentColumn, reason('import.empty'));
    if (!outOfScopeSpellings.has(intent)) return { text, intent };
    outOfScopeName = intent;
    return { text, intent: outOfScopeLabel };
  });
  return { rows, outOfScopeName };
}

/**
 * Rows to classify (or queries to search); without an `id` column, the row number is the id.
 * An empty text is kept (as ''): the commands still answer its row, so the output keeps one
 * line per input row.
 */
export function readTextCsv(file: string, textColumn = 'text'): TextRow[] {
  return readRecords(file, [textColumn]).map((record, index) => {
    const text = (record[textColumn] ?? '').trim();
    const id = (record.id ?? '').trim();
    return { id: id === '' ? String(index + 1) : id, text };
  });
}
