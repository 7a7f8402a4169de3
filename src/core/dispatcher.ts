/**
 * The one entry point every transport calls: checks the method and its arguments
 * against the contract's schemas, runs the handler, and turns any failure into the
 * contract's typed error.
 */
import { ApiCallError, apiSchemas, isApiMethod, type ApiMethod, type ArgumentSchema } from '../shared/api.ts';
import { reason } from '../shared/error-reasons.ts';
import type { CoreContext } from './context.ts';
import { ReasonedError } from './errors.ts';
import { handlers } from './handlers.ts';

function typeMatches(expected: string, value: unknown): boolean {
  switch (expected) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isSafeInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'string[]':
      return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
    default:
      return false;
  }
}

export function validateArguments(method: ApiMethod, args: unknown): Record<string, unknown> {
  const input = args ?? {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new ApiCallError('invalid_argument', `${method}: arguments must be an object`);
  const schema: ArgumentSchema = apiSchemas[method];
  const record = input as Record<string, unknown>;
  for (const field of Object.keys(record)) {
    if (!(field in schema)) throw new ApiCallError('invalid_argument', `${method}: unknown argument "${field}"`);
  }
  for (const [field, rule] of Object.entries(schema)) {
    const value = record[field];
    if (Array.isArray(rule)) {
      if (!rule.includes(value as string)) throw new ApiCallError('invalid_argument', `${method}: "${field}" must be one of ${rule.join(', ')}`);
      continue;
    }
    const optional = (rule as string).endsWith('?');
    const type = optional ? (rule as string).slice(0, -1) : (rule as string);
    if (value === undefined || value === null) {
      if (!optional) throw new ApiCallError('invalid_argument', `${method}: "${field}" is required`);
      continue;
    }
    if (!typeMatches(type, value)) throw new ApiCallError('invalid_argument', `${method}: "${field}" must be ${type === 'integer' ? 'an integer' : `a ${type}`}`);
    if (field === 'limit' && ((value as number) < 1 || (value as number) > 1000)) throw new ApiCallError('invalid_argument', `${method}: "limit" must be between 1 and 1000`);
    if ((field === 'offset' || field === 'k') && (value as number) < 0) throw new ApiCallError('invalid_argument', `${method}: "${field}" must not be negative`);
  }
  return record;
}

function toApiError(error: unknown, context: CoreContext, method: string): ApiCallError {
  if (error instanceof ApiCallError) return error;
  if (error instanceof ReasonedError) return new ApiCallError(error.code, error.message, { reason: error.reason, where: error.where });
  if (error instanceof RangeError) return new ApiCallError('invalid_argument', error.message);
  context.logger.error(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return ApiCallError.because('internal', reason('internal', { method, detail: error instanceof Error ? error.message : String(error) }));
}

export function createDispatcher(context: CoreContext): (method: unknown, args: unknown) => Promise<unknown> {
  return async (method, args) => {
    if (!isApiMethod(method)) throw new ApiCallError('unknown_method', `unknown method ${String(method).slice(0, 80)}`);
    try {
      const validated = validateArguments(method, args);
      const handler = handlers[method] as (context: CoreContext, args: unknown) => unknown;
      return await handler(context, validated);
    } catch (error) {
      throw toApiError(error, context, method);
    }
  };
}
