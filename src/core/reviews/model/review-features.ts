/**
 * The features of a review are the features of its clauses, one after the other: no
 * n-gram spans two clauses, and the features of a clause (for aspect sentiment) are a
 * slice of the review's, so scoring featurises each text once. Training uses the same
 * function, so served and trained features agree.
 */
import type { Featurizer } from '../../text/features.ts';
import { clauseSpans, type ClauseSpan } from './clauses.ts';

export interface ReviewFeatures {
  ids: Int32Array;
  clauses: ClauseSpan[];
  /** Clause `c` owns ids[clauseOffsets[c] … clauseOffsets[c + 1]). */
  clauseOffsets: Int32Array;
}

export function reviewFeatures(featurizer: Featurizer, normalizedText: string): ReviewFeatures {
  const clauses = clauseSpans(normalizedText);
  const { ids, offsets } = featurizer.featurizeSegments(normalizedText, clauses);
  return { ids, clauses, clauseOffsets: offsets };
}
