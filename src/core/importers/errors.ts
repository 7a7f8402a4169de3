import { englishReason, type ErrorReason } from '../../shared/error-reasons.ts';
import { ReasonedError } from '../errors.ts';

/** An import failure that names the file, and where known the row and field, in one line. */
export class ImportError extends ReasonedError {
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly field: string | null,
    reason: ErrorReason,
  ) {
    super(
      'import_failed',
      reason,
      `${file}${row === null ? '' : `: row ${row}`}${field === null ? '' : `, field "${field}"`}: ${englishReason(reason)}`,
      { file, ...(row === null ? {} : { row }), ...(field === null ? {} : { field }) },
    );
    this.name = 'ImportError';
  }
}

/** Thrown by field parsers; the reader adds the file and row. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly reason: ErrorReason,
  ) {
    super(`${field}: ${englishReason(reason)}`);
    this.name = 'FieldError';
  }
}
