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
  const parts = clauses.map((clause) => featurizer.featurize(normalizedText.slice(clause.start, clause.end)));
  const total = Math.min(
    featurizer.options.maxFeatures,
    parts.reduce((sum, part) => sum + part.length, 0),
  );
  const ids = new Int32Array(total);
  const clauseOffsets = new Int32Array(clauses.length + 1);
  let offset = 0;
  parts.forEach((part, index) => {
    const taken = Math.min(part.length, total - offset);
    ids.set(part.subarray(0, taken), offset);
    offset += taken;
    clauseOffsets[index + 1] = offset;
  });
  return { ids, clauses, clauseOffsets };
}
