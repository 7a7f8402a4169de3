/**
 * A failure in the UI's language: the contract's reason key and values, placed in the file,
 * row and field it names. A reason this UI does not know (a newer core) falls back to the
 * core's English message, as does any error that did not come through the contract.
 */
import { ApiCallError } from '../../shared/api.ts';
import { isErrorReasonKey, type ErrorLocation, type ErrorReason } from '../../shared/error-reasons.ts';
import { importKinds, type ImportKind } from '../../shared/types.ts';
import type { Translate } from '../i18n/i18n.tsx';

/** A reason alone (a model's status says why it is missing); `english` when the key is unknown. */
export function describeErrorReason(t: Translate, reason: ErrorReason | undefined, english: string): string {
  if (!reason || !isErrorReasonKey(reason.key)) return english;
  const params = { ...reason.params };
  // A `kind` is an import kind (see errorReasons): named as the UI names it, mid-sentence.
  if (importKinds.includes(params.kind as ImportKind)) params.kind = t(`kind.${params.kind as ImportKind}`).toLocaleLowerCase();
  return t(`error.${reason.key}`, params);
}

function placed(t: Translate, where: ErrorLocation | undefined, reason: string): string {
  if (where?.file === undefined) return reason;
  const { file, row, field } = where;
  if (row !== undefined && field !== undefined) return t('error.where.fileRowField', { file, row, field, reason });
  if (row !== undefined) return t('error.where.fileRow', { file, row, reason });
  if (field !== undefined) return t('error.where.fileField', { file, field, reason });
  return t('error.where.file', { file, reason });
}

export function describeError(t: Translate, error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (!(error instanceof ApiCallError) || !error.reason || !isErrorReasonKey(error.reason.key)) return error.message;
  return placed(t, error.where, describeErrorReason(t, error.reason, error.message));
}
