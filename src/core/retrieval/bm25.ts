/**
 * Okapi BM25 over in-memory documents. The app's SQLite FTS5 index serves keyword search;
 * this copy scores candidates the same way for fusion with dense vectors, and works on
 * any array of articles (tests, benchmarks, a knowledge base that fits in memory).
 */

export interface Bm25Options {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation. */
  b: number;
}

export const defaultBm25Options: Bm25Options = { k1: 1.2, b: 0.75 };

export interface Bm25Index {
  readonly size: number;
  /** Scores of every document for the query terms (0 when no term matches); weights (default 1) scale each term. */
  score(queryTerms: readonly string[], weights?: ReadonlyMap<string, number>): Float64Array;
  /** Every distinct term of the documents. */
  terms(): IterableIterator<string>;
}

export function createBm25Index(documents: readonly (readonly string[])[], options: Bm25Options = defaultBm25Options): Bm25Index {
  const postings = new Map<string, { document: number; count: number }[]>();
  const lengths = new Float64Array(documents.length);
  documents.forEach((terms, document) => {
    lengths[document] = terms.length;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ document, count });
    }
  });
  const averageLength = documents.length === 0 ? 1 : lengths.reduce((sum, length) => sum + length, 0) / documents.length || 1;
  const { k1, b } = options;
  return {
    size: documents.length,
    terms: () => postings.keys(),
    score(queryTerms, weights) {
      const scores = new Float64Array(documents.length);
      for (const term of new Set(queryTerms)) {
        const list = postings.get(term);
        if (!list) continue;
        const idf = (weights?.get(term) ?? 1) * Math.log(1 + (documents.length - list.length + 0.5) / (list.length + 0.5));
        for (const { document, count } of list) {
          const norm = k1 * (1 - b + (b * (lengths[document] as number)) / averageLength);
          scores[document] = (scores[document] as number) + (idf * count * (k1 + 1)) / (count + norm);
        }
      }
      return scores;
    },
  };
}
