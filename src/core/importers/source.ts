/**
 * Where imported records come from: a file on disk (CLI) or text sent by the UI.
 * Reading streams, decodes UTF-8 (a binary or mis-encoded file is refused with the
 * line it broke on) and yields one raw record at a time.
 */
import { parse } from 'csv-parse';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { reason, type ErrorReason } from '../../shared/error-reasons.ts';
import { ImportError } from './errors.ts';
import type { RawRecord } from './fields.ts';

export type RecordFormat = 'csv' | 'jsonl' | 'json';

export interface ImportSource {
  /** The name errors mention. */
  fileName: string;
  /** Folder that relative paths inside the file (product images) resolve against; null for uploaded text. */
  baseDir: string | null;
  /** Size in bytes, for progress. */
  size: number;
  open(): Readable;
}

export function sourceFromFile(path: string): ImportSource {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new ImportError(path, null, null, reason('import.not_a_file'));
    size = stats.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(path, null, null, reason('import.unreadable_file'));
  }
  return { fileName: path, baseDir: dirname(path), size, open: () => createReadStream(path) };
}

export function sourceFromText(fileName: string, content: string): ImportSource {
  const bytes = Buffer.from(content, 'utf8');
  return { fileName: basename(fileName), baseDir: null, size: bytes.byteLength, open: () => Readable.from([bytes]) };
}

/** A folder read file by file (Markdown articles): it has a name to report, but no byte stream of its own. */
export function sourceFromFolder(path: string): ImportSource {
  return { fileName: path, baseDir: path, size: 0, open: () => Readable.from([]) };
}

export function formatOf(fileName: string): RecordFormat {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') return 'csv';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  if (extension === '.json') return 'json';
  throw new ImportError(fileName, null, null, extension ? reason('import.unsupported_file_type', { extension }) : reason('import.no_file_extension'));
}

/** The line (1-based, counting from `firstLine`) that byte `offset` of `bytes` is on. */
function lineAt(bytes: Uint8Array, offset: number, firstLine: number): number {
  let line = firstLine;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

function refusesUtf8(bytes: Uint8Array): boolean {
  try {
    // Streaming: a character cut at the end is not an error, only a byte that can never be valid is.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return false;
  } catch {
    return true;
  }
}

/**
 * Where the first invalid UTF-8 byte of a chunk is: the shortest prefix a fresh decoder
 * refuses, found by bisection (only run once a chunk failed, so the cost does not matter).
 */
function firstInvalidByte(bytes: Uint8Array): number {
  // Continuation bytes at the start end a character the previous chunk began.
  let start = 0;
  while (start < 3 && start < bytes.length && ((bytes[start] as number) & 0xc0) === 0x80) start += 1;
  let low = start;
  let high = bytes.length;
  if (!refusesUtf8(bytes.subarray(start, high))) return start;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (refusesUtf8(bytes.subarray(start, middle))) high = middle;
    else low = middle + 1;
  }
  return Math.max(start, high - 1);
}

function binaryFileError(fileName: string, bytes: Uint8Array, firstLine: number): ImportError {
  return new ImportError(fileName, null, null, reason('import.binary_file', { line: lineAt(bytes, bytes.indexOf(0), firstLine) }));
}

function invalidUtf8Error(fileName: string, bytes: Uint8Array, firstLine: number): ImportError {
  return new ImportError(fileName, null, null, reason('import.invalid_utf8', { line: lineAt(bytes, firstInvalidByte(bytes), firstLine) }));
}

/**
 * Reads a whole text file for the readers that need it at once, with the stream
 * decoder's checks: a missing file, a binary file or invalid UTF-8 is an ImportError
 * naming the file (and line), never a stack trace or silently replaced characters.
 */
export function readTextFile(path: string): string {
  sourceFromFile(path);
  const bytes = readFileSync(path);
  if (bytes.includes(0)) throw binaryFileError(path, bytes, 1);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidUtf8Error(path, bytes, 1);
  }
}

/**
 * Decodes UTF-8, refusing NUL bytes (binary files). Invalid sequences are refused too,
 * unless the reader replaces them (scoring keeps going and flags the rows instead).
 */
class Utf8Decoder extends Transform {
  private readonly decoder: TextDecoder;
  /** The line the next chunk starts on. */
  private line = 1;

  constructor(
    private readonly fileName: string,
    private readonly onBytes: (count: number) => void,
    replaceInvalid: boolean,
  ) {
    super({ decodeStrings: true, readableObjectMode: false });
    this.decoder = new TextDecoder('utf-8', { fatal: !replaceInvalid });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.onBytes(chunk.byteLength);
    if (chunk.includes(0)) {
      callback(binaryFileError(this.fileName, chunk, this.line));
      return;
    }
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      callback(invalidUtf8Error(this.fileName, chunk, this.line));
      return;
    }
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.line += 1;
    callback(null, text);
  }

  override _flush(callback: TransformCallback): void {
    try {
      callback(null, this.decoder.decode());
    } catch {
      callback(new ImportError(this.fileName, null, null, reason('import.truncated_utf8')));
    }
  }
}

export interface SourceRecord {
  /** 1-based number of the record among the data rows (the CSV header is not a row). */
  row: number;
  record: RawRecord;
  /** Why the record could not be read; only with `keepBadRecords`, else the reader throws. */
  problem?: ErrorReason;
}

export interface ReadOptions {
  onBytes?: (count: number) => void;
  /** For CSV: the columns the header must have. */
  requiredColumns?: readonly string[];
  /** Replace invalid UTF-8 with U+FFFD instead of refusing the file. */
  replaceInvalidUtf8?: boolean;
  /**
   * Yield a CSV row with the wrong number of fields, or a JSON line that does not parse, with
   * its problem instead of stopping: scoring answers every other record. A quote left open
   * still stops the reader, since nothing after it can be told apart.
   */
  keepBadRecords?: boolean;
  /** Other names a field goes by in public data ({ text: ['sentence'] }): read as the field when the record has none of its own. */
  aliases?: Readonly<Record<string, readonly string[]>>;
}

/** The canonical name each alias stands for, or the name itself. */
function canonicalNames(names: readonly string[], aliases: Readonly<Record<string, readonly string[]>>): string[] {
  const renamed = [...names];
  for (const [field, others] of Object.entries(aliases)) {
    if (renamed.includes(field)) continue;
    const position = renamed.findIndex((name) => others.includes(name));
    if (position >= 0) renamed[position] = field;
  }
  return renamed;
}

export async function* readRecords(source: ImportSource, format: RecordFormat, options: ReadOptions = {}): AsyncGenerator<SourceRecord> {
  const text = source.open().pipe(new Utf8Decoder(source.fileName, options.onBytes ?? (() => {}), options.replaceInvalidUtf8 === true));
  const keepBadRecords = options.keepBadRecords === true;
  const aliases = options.aliases ?? {};
  // .tsv is read as CSV with tabs: with commas its header would be one column, "missing" every required one.
  const delimiter = extname(source.fileName).toLowerCase() === '.tsv' ? '\t' : ',';
  const records =
    format === 'csv'
      ? readCsv(source.fileName, text, { requiredColumns: options.requiredColumns ?? [], keepBadRecords, delimiter, aliases })
      : format === 'jsonl'
        ? readJsonLines(source.fileName, text, keepBadRecords)
        : readJsonArray(source.fileName, text);
  if (format === 'csv' || Object.keys(aliases).length === 0) {
    yield* records;
    return;
  }
  for await (const entry of records) {
    const keys = Object.keys(entry.record);
    const renamed = canonicalNames(keys, aliases);
    yield renamed.every((name, index) => name === keys[index]) ? entry : { ...entry, record: Object.fromEntries(renamed.map((name, index) => [name, entry.record[keys[index] as string]])) as RawRecord };
  }
}

function csvReason(error: unknown): ErrorReason {
  return reason('import.invalid_csv', { detail: error instanceof Error ? error.message.replace(/^Invalid Record Length: /, '') : String(error) });
}

interface CsvOptions {
  requiredColumns: readonly string[];
  keepBadRecords: boolean;
  delimiter: string;
  aliases: Readonly<Record<string, readonly string[]>>;
}

async function* readCsv(fileName: string, text: Readable, { requiredColumns, keepBadRecords, delimiter, aliases }: CsvOptions): AsyncGenerator<SourceRecord> {
  const parser = text.pipe(
    parse({
      bom: true,
      delimiter,
      columns: (header: string[]) => {
        const columns = canonicalNames(
          header.map((column) => column.trim().toLowerCase()),
          aliases,
        );
        const missing = requiredColumns.filter((column) => !columns.includes(column));
        if (missing.length > 0) throw new ImportError(fileName, null, missing[0] ?? null, reason('import.missing_column', { columns: requiredColumns.join(', ') }));
        return columns;
      },
      skip_empty_lines: true,
      relax_column_count: keepBadRecords,
      info: true,
    }),
  );
  // Errors raised inside the decoder surface on the parser.
  text.on('error', (error) => parser.destroy(error));
  let row = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: RawRecord; info: { error?: Error } }>) {
      row += 1;
      // With relax_column_count the parser passes a row of the wrong length on, flagged.
      yield info.error ? { row, record, problem: csvReason(info.error) } : { row, record };
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, row + 1, null, csvReason(error));
  }
}

async function* lines(text: Readable): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of text as AsyncIterable<string>) {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      yield pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  if (pending.length > 0) yield pending;
}

async function* readJsonLines(fileName: string, text: Readable, keepBadRecords: boolean): AsyncGenerator<SourceRecord> {
  let row = 0;
  for await (const line of lines(text)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    row += 1;
    let value: unknown;
    let problem: ErrorReason | null = null;
    try {
      value = JSON.parse(trimmed);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) problem = reason('import.not_a_json_object');
    } catch {
      problem = reason('import.invalid_json_line');
    }
    if (problem === null) yield { row, record: value as RawRecord };
    else if (keepBadRecords) yield { row, record: {}, problem };
    else throw new ImportError(fileName, row, null, problem);
  }
}

/** The objects of a text holding one JSON object per line, or null when it is not such a text. */
function jsonLinesOf(content: string): RawRecord[] | null {
  const objects: RawRecord[] = [];
  for (const line of content.replace(/^\uFEFF/, '').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
      objects.push(value as RawRecord);
    } catch {
      return null;
    }
  }
  return objects.length > 0 ? objects : null;
}

async function* readJsonArray(fileName: string, text: Readable): AsyncGenerator<SourceRecord> {
  let content = '';
  for await (const chunk of text as AsyncIterable<string>) content += chunk;
  let value: unknown;
  try {
    value = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    // Many data sets ship JSON lines under a .json name (FewCLUE's eprstmt): read them as such when every line is an object.
    const objects = jsonLinesOf(content);
    if (objects) {
      for (const [index, record] of objects.entries()) yield { row: index + 1, record };
      return;
    }
    throw new ImportError(fileName, null, null, reason('import.invalid_json', { detail: error instanceof Error ? error.message : String(error) }));
  }
  // Exported data sets often wrap their records in one object ({"questions": [...]}): that array is the records.
  const wrapped = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.values(value).filter(Array.isArray) : [];
  const records: unknown = wrapped.length === 1 ? wrapped[0] : value;
  if (!Array.isArray(records)) throw new ImportError(fileName, null, null, reason('import.not_a_json_array'));
  for (const [index, record] of records.entries()) {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new ImportError(fileName, index + 1, null, reason('import.not_a_json_object'));
    yield { row: index + 1, record: record as RawRecord };
  }
}
