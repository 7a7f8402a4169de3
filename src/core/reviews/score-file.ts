/**
 * Scores a review file (CSV or JSONL) to JSON lines, streaming: memory stays flat
 * however long the file. Bad rows are reported by row and field, and still get an
 * output line, so the output keeps one line per input record, in input order.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { englishReason, reason, type ErrorReason } from '../../shared/error-reasons.ts';
import { FieldError, ImportError } from '../importers/errors.ts';
import { optionalText, requiredText, type RawRecord } from '../importers/fields.ts';
import { formatOf, readRecords, sourceFromFile } from '../importers/source.ts';
import type { ReviewScorer } from './model/index.ts';

export interface ScoreFileOptions {
  scorer: ReviewScorer;
  inPath: string;
  out: Writable;
  /** A problem with one row: the row is still written (with an error, or scored despite a warning). */
  onRowProblem(message: string): void;
  onProgress?(done: number): void;
}

/**
 * Records per model call: large batches amortise the ONNX run, but the first batches
 * are small so the first results appear at once; the size doubles up to the maximum.
 */
const firstBatchSize = 64;
const maximumBatchSize = 4096;

/** Ids kept to report a repeated one: enough for a shop's exports, bounded for a million-row file. */
const maximumRememberedIds = 100_000;

interface PendingRow {
  row: number;
  id: string | null;
  /** The id as the output repeats it: a number stays a number (JSON input with numeric ids), so the output joins back on it. */
  outputId: string | number | null;
  text: string;
  title: string;
  /** What is wrong with the row, starting with the row ("row 4, field "id": …"); null when it is scored. */
  error: string | null;
}

function readRow(row: number, record: RawRecord, problem: ErrorReason | undefined): PendingRow {
  let id: string | null = null;
  const asGiven = (text: string | null) => (text !== null && typeof record.id === 'number' ? record.id : text);
  if (problem !== undefined) {
    // A row with too many or too few fields may still show its id, for joining the output back.
    const readableId = typeof record.id === 'string' && record.id.trim() !== '' ? record.id.trim() : null;
    return { row, id: readableId, outputId: readableId, text: '', title: '', error: `row ${row}: ${englishReason(problem)}` };
  }
  // A file without ids (Amazon's review dumps) is answered in input order, each review named by its row number.
  const withoutIds = record.id === undefined;
  try {
    if (!withoutIds) id = requiredText(record, 'id');
    return { row, id, outputId: withoutIds ? row : asGiven(id), text: optionalText(record, 'text') ?? '', title: optionalText(record, 'title') ?? '', error: null };
  } catch (error) {
    const reason = error instanceof FieldError ? `field "${error.field}": ${englishReason(error.reason)}` : String(error);
    // The id, when it was readable, stays on the error line so the output can be joined back.
    return { row, id, outputId: asGiven(id), text: '', title: '', error: `row ${row}, ${reason}` };
  }
}

/**
 * What public review sets call the fields: the text (FewCLUE's eprstmt: `sentence`; many Chinese
 * sets: `review`; Amazon's dumps: `reviewText`, with the title in `summary` and the stars in `overall`).
 */
export const reviewFieldAliases = { text: ['sentence', 'review', 'content', 'comment', 'reviewText', 'reviewtext'], title: ['summary'], rating: ['overall'] } as const;

export async function scoreReviewFile(options: ScoreFileOptions): Promise<{ rows: number; problems: number }> {
  const { inPath, out } = options;
  const source = sourceFromFile(inPath);
  const records = readRecords(source, formatOf(inPath), { requiredColumns: ['text'], replaceInvalidUtf8: true, keepBadRecords: true, aliases: reviewFieldAliases });
  const seen = new Map<string, number>();
  let batch: PendingRow[] = [];
  let batchSize = firstBatchSize;
  let rows = 0;
  let problems = 0;
  const problem = (message: string) => {
    problems += 1;
    options.onRowProblem(`${source.fileName}: ${message}`);
  };

  async function flush(): Promise<void> {
    const scorable = batch.filter((entry) => entry.error === null);
    const scores = await options.scorer.score(scorable.map((entry) => ({ text: entry.text, title: entry.title })));
    let next = 0;
    const lines = batch.map((entry) => {
      if (entry.error !== null) return JSON.stringify({ id: entry.outputId, error: entry.error });
      const score = scores[next++];
      return JSON.stringify({ id: entry.outputId, ...score });
    });
    if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
    batch = [];
    batchSize = Math.min(batchSize * 2, maximumBatchSize);
    options.onProgress?.(rows);
  }

  async function take(entry: PendingRow): Promise<void> {
    const { row } = entry;
    if (entry.error !== null) problem(entry.error);
    else if (entry.text.includes('\uFFFD')) problem(`row ${row}, field "text": invalid UTF-8 replaced before scoring`);
    if (entry.id !== null) {
      const first = seen.get(entry.id);
      if (first !== undefined) problem(`row ${row}, field "id": "${entry.id}" appears again (first on row ${first}); scored again`);
      // Only the first ids are remembered: memory stays flat however long the file (a million ids held ~180 MB).
      else if (seen.size < maximumRememberedIds) seen.set(entry.id, row);
    }
    if (entry.text === '' && entry.error === null) problem(`row ${row}, field "text": empty; scored as neutral`);
    batch.push(entry);
    if (batch.length >= batchSize) await flush();
  }

  try {
    for await (const { row, record, problem: readProblem } of records) {
      rows += 1;
      await take(readRow(row, record, readProblem));
    }
  } catch (error) {
    // What was read before a file-level failure (a quote never closed) is still scored and written.
    if (batch.length > 0) await flush();
    throw error;
  }
  if (batch.length > 0) await flush();
  if (rows === 0) throw new ImportError(source.fileName, null, null, reason('reviews.nothing_to_score'));
  return { rows, problems };
}
