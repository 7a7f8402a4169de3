/** Field parsers for imported records: each returns a typed value or throws a FieldError naming the field. */
import { reason } from '../../shared/error-reasons.ts';
import { FieldError } from './errors.ts';

export type RawRecord = Record<string, unknown>;

/**
 * Longest text accepted in one field. A review or article of a megabyte is odd but real
 * (pasted logs, repeated text) and is kept; ten times that is a sign of a wrong file.
 */
const maximumTextLength = 10_000_000;

function raw(record: RawRecord, field: string): string | null {
  const value = record[field];
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') throw new FieldError(field, reason('import.field_is_object'));
  const textValue = String(value).trim();
  return textValue === '' ? null : textValue;
}

export function requiredText(record: RawRecord, field: string): string {
  const value = optionalText(record, field);
  if (value === null) throw new FieldError(field, reason('import.required_empty'));
  return value;
}

export function optionalText(record: RawRecord, field: string): string | null {
  const value = raw(record, field);
  if (value !== null && value.length > maximumTextLength) throw new FieldError(field, reason('import.too_long', { max: maximumTextLength }));
  return value;
}

/** Plain decimal notation: `Number()` alone would also take "0x10", "0b1" and "Infinity". */
const decimalPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

export function optionalNumber(record: RawRecord, field: string, range?: { min?: number; max?: number }): number | null {
  const value = raw(record, field);
  if (value === null) return null;
  const parsed = decimalPattern.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(parsed)) throw new FieldError(field, reason('import.not_a_number', { value: value.slice(0, 40) }));
  if (range?.min !== undefined && parsed < range.min) throw new FieldError(field, reason('import.below_minimum', { value: parsed, min: range.min }));
  if (range?.max !== undefined && parsed > range.max) throw new FieldError(field, reason('import.above_maximum', { value: parsed, max: range.max }));
  return parsed;
}

export function requiredNumber(record: RawRecord, field: string, range?: { min?: number; max?: number }): number {
  const value = optionalNumber(record, field, range);
  if (value === null) throw new FieldError(field, reason('import.required_empty'));
  return value;
}

export function optionalInteger(record: RawRecord, field: string, range?: { min?: number; max?: number }): number | null {
  const value = optionalNumber(record, field, range);
  if (value !== null && !Number.isInteger(value)) throw new FieldError(field, reason('import.not_whole_number', { value }));
  // SQLite's INTEGER columns refuse what a double cannot hold exactly.
  if (value !== null && !Number.isSafeInteger(value)) throw new FieldError(field, reason('import.too_large', { value }));
  return value;
}

export function requiredInteger(record: RawRecord, field: string, range?: { min?: number; max?: number }): number {
  const value = optionalInteger(record, field, range);
  if (value === null) throw new FieldError(field, reason('import.required_empty'));
  return value;
}

export function oneOf<T extends string>(record: RawRecord, field: string, allowed: readonly T[], fallback?: T): T {
  const value = raw(record, field);
  if (value === null) {
    if (fallback !== undefined) return fallback;
    throw new FieldError(field, reason('import.required_empty'));
  }
  const normalised = value.toLowerCase();
  if (!(allowed as readonly string[]).includes(normalised)) throw new FieldError(field, reason('import.not_one_of', { value, allowed: allowed.join(', ') }));
  return normalised as T;
}

/** Accepts ISO 8601 dates and date-times; returns them normalised to ISO 8601 UTC. */
export function optionalDate(record: RawRecord, field: string): string | null {
  const value = raw(record, field);
  if (value === null) return null;
  return isoDate(field, value);
}

function isoDate(field: string, value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!day) throw new FieldError(field, reason('import.not_iso_date', { value: value.slice(0, 40) }));
  const time = Date.parse(value);
  // Date.parse rolls 2024-02-30 over to March 1st: the day must exist in its month.
  const [year, month, date] = day.slice(1).map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, date));
  if (Number.isNaN(time) || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== date) {
    throw new FieldError(field, reason('import.not_a_date', { value: value.slice(0, 40) }));
  }
  return new Date(time).toISOString();
}

/** Unix seconds, or an ISO date converted to them. */
export function optionalTimestamp(record: RawRecord, field: string): number | null {
  const value = raw(record, field);
  if (value === null) return null;
  if (/^\d+(\.\d+)?$/.test(value)) {
    const seconds = Math.floor(Number(value));
    if (!Number.isSafeInteger(seconds)) throw new FieldError(field, reason('import.too_large_for_unix_seconds', { value: value.slice(0, 40) }));
    return seconds;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) throw new FieldError(field, reason('import.not_a_timestamp', { value: value.slice(0, 40) }));
  return Math.floor(Date.parse(isoDate(field, value)) / 1000);
}

export function optionalEmail(record: RawRecord, field: string): string | null {
  const value = raw(record, field);
  if (value === null) return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw new FieldError(field, reason('import.not_an_email', { value: value.slice(0, 60) }));
  return value.toLowerCase();
}
