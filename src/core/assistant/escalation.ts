/** When a conversation needs a human rather than the assistant. */
import type { EscalationReason, Sentiment } from '../../shared/types.ts';

/** Probability of positive under which a negative message counts as angry (the scorer is calibrated). */
export const angryBelow = 0.15;

export interface MessageMood {
  sentiment: Sentiment;
  /** Calibrated probability that the message is positive. */
  positive: number;
  /** Urgency reasons from the review scorer's rules. */
  reasons: readonly string[];
}

/** Most serious first: a more serious reason replaces a milder one already set. */
const severity: readonly EscalationReason[] = ['legal_threat', 'abusive_language', 'negative_sentiment', 'repeated_out_of_scope'];

export function moreSerious(reason: EscalationReason, than: EscalationReason | null): boolean {
  return than === null || severity.indexOf(reason) < severity.indexOf(than);
}

/**
 * Legal threats and abuse first (they need a person whatever the model says), then a clearly
 * angry customer, then an assistant that has not understood the customer twice in a row.
 */
export function escalationFor(mood: MessageMood | null, outOfScopeRun: number): EscalationReason | null {
  if (mood?.reasons.includes('legal_threat')) return 'legal_threat';
  if (mood?.reasons.includes('abusive_language')) return 'abusive_language';
  if (mood && mood.sentiment === 'negative' && mood.positive < angryBelow) return 'negative_sentiment';
  if (outOfScopeRun >= 2) return 'repeated_out_of_scope';
  return null;
}
