/** An import failure that names the file, and where known the row and field, in one line. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(`${file}${row === null ? '' : `: row ${row}`}${field === null ? '' : `, field "${field}"`}: ${reason}`);
    this.name = 'ImportError';
  }
}

/** Thrown by field parsers; the reader adds the file and row. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'FieldError';
  }
}
