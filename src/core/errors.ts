/**
 * The core's errors for people to read: each carries a reason (a key of the contract's
 * `errorReasons` with its values) and writes its English message from that same reason,
 * so the message the CLI prints and what the UI translates always agree.
 */
import type { ApiErrorCode } from '../shared/api.ts';
import { englishReason, reason, type ErrorLocation, type ErrorReason } from '../shared/error-reasons.ts';

/** An error the dispatcher passes on with its code, reason and place rather than as `internal`. */
export class ReasonedError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly reason: ErrorReason,
    message = englishReason(reason),
    readonly where?: ErrorLocation,
  ) {
    super(message);
    this.name = 'ReasonedError';
  }
}

/** A bad argument the caller can correct (the contract's invalid_argument). */
export class InvalidArgumentError extends ReasonedError {
  constructor(reason: ErrorReason) {
    super('invalid_argument', reason);
    this.name = 'InvalidArgumentError';
  }
}

export type MissingEntity = 'product' | 'image' | 'customer' | 'order' | 'conversation' | 'review' | 'macro' | 'correction' | 'review_model' | 'article';

/** Something a call names that the store does not hold. */
export class NotFoundError extends ReasonedError {
  constructor(entity: MissingEntity, id: string | number) {
    super('not_found', reason(`not_found.${entity}`, { id }));
    this.name = 'NotFoundError';
  }
}
