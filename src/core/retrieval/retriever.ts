/**
 * Knowledge-base search over an array of articles: BM25 on lexical terms and cosine on
 * dense embeddings, fused by reciprocal rank. Keyword matches find the article that uses
 * the customer's words; vectors find the one that says the same thing in other words;
 * rank fusion needs no calibration between the two kinds of score.
 */
import { createBm25Index } from './bm25.ts';
import type { TextEmbedder } from './embedder.ts';
import { lexicalTerms, lexicalTermsWithWords, textTokens } from './terms.ts';
import type { WordVectors } from './word-vectors.ts';

export interface RetrievalArticle {
  id: string;
  title: string;
  body: string;
}

export interface RetrievalHit {
  id: string;
  /** Reciprocal-rank fusion score: orders the hits, says nothing about how well the best one fits. */
  score: number;
  /** Cosine of the query's and the article's dense vectors: how close the meaning is, comparable across queries. */
  similarity: number;
}

export interface Retriever {
  readonly size: number;
  /** `queryIntent`: the query's intent from the intent model, when known (see `articleIntents`). */
  search(query: string, k: number, queryIntent?: string): RetrievalHit[];
}

export interface RetrieverOptions {
  articles: readonly RetrievalArticle[];
  embedder: TextEmbedder;
  /** Stored unit vectors (same order as articles), e.g. read back from the database; computed when absent. */
  vectors?: readonly Float32Array[];
  /** Rank constant of reciprocal-rank fusion; larger flattens the rank curve. */
  fusionConstant?: number;
  /** How many top results of each side take part in fusion. */
  candidates?: number;
  /**
   * Word vectors for query expansion: each query word also matches the index's words
   * closest to it ("parcel" → "package"), weighted by their similarity.
   */
  wordVectors?: WordVectors;
  /**
   * The intent of each article's title (same order as articles; the out-of-scope label or
   * undefined for none). With a query's intent, the articles of that intent form a third
   * ranking in the fusion, for queries not written mostly in Chinese (see `intentSide`).
   */
  articleIntents?: readonly (string | undefined)[];
  /** The rankings fused; both by default (one alone is for measuring each side). */
  fusionSides?: readonly ('lexical' | 'dense')[];
}

/** The title says what an article answers: it counts twice in the keyword index and the vector. */
function articleText(article: RetrievalArticle): string {
  return `${article.title}\n${article.title}\n${article.body}`;
}

export function embedArticle(embedder: TextEmbedder, article: Pick<RetrievalArticle, 'title' | 'body'>): Float32Array {
  return embedder.embed(articleText({ id: '', ...article }));
}

/**
 * Weight of the dense ranking in the fusion for a query written mostly in Chinese characters:
 * keyword matching there rests on single characters and character pairs, weaker evidence than
 * English words, while the term table ranks Chinese paraphrases better (hit@1 0.400 against BM25's
 * 0.313 on the inner ATEC split of scripts/eval-kb.ts --inner; 2 was chosen there from 1–5).
 */
const hanDenseWeight = 2;

function mostlyHan(query: string): boolean {
  const tokens = textTokens(query);
  const han = tokens.filter((token) => token.kind === 'han').length;
  return han > tokens.length - han;
}

/**
 * The intent side: the fused candidates whose article has the query's intent, in fused order,
 * weighted like the keyword side. The intent model learned customers' phrasings of e-commerce
 * requests ("where is my parcel" → track_order), which neither keywords nor word vectors link
 * to the FAQ's wording. English FAQ paraphrases (scripts/eval-kb.ts): hit@1 0.526 → 0.577,
 * hit@5 0.756 → 0.782. Not for Chinese queries: on the ATEC payment questions, outside the
 * model's intents, it lowers hit@1 (0.309 → 0.281, hit@5 0.677 → 0.660).
 */
function intentSide(fused: ReadonlyMap<number, number>, articleIntents: readonly (string | undefined)[], queryIntent: string): number[] {
  return [...fused.entries()]
    .filter(([article]) => articleIntents[article] === queryIntent)
    .sort((left, right) => right[1] - left[1])
    .map(([article]) => article);
}

function topIndices(scores: ArrayLike<number>, count: number): number[] {
  const indices: number[] = [];
  for (let index = 0; index < scores.length; index += 1) if ((scores[index] as number) > 0) indices.push(index);
  indices.sort((left, right) => (scores[right] as number) - (scores[left] as number));
  return indices.slice(0, count);
}

export function createRetriever(options: RetrieverOptions): Retriever {
  const { articles, embedder } = options;
  const fusionConstant = options.fusionConstant ?? 10;
  const candidates = options.candidates ?? 50;
  const bm25 = createBm25Index(articles.map((article) => lexicalTerms(articleText(article))));
  const expand = options.wordVectors ? createExpander(options.wordVectors, articles) : undefined;
  const vectors = options.vectors ?? articles.map((article) => embedArticle(embedder, article));
  const dimensions = embedder.dimensions;
  const matrix = new Float32Array(articles.length * dimensions);
  vectors.forEach((vector, index) => matrix.set(vector, index * dimensions));

  return {
    size: articles.length,
    search(query, k, queryIntent) {
      const queryTerms = lexicalTerms(query);
      const weights = expand?.(query);
      const lexical = topIndices(bm25.score(weights ? [...queryTerms, ...weights.keys()] : queryTerms, weights), candidates);
      const queryVector = embedder.embed(query);
      const cosines = new Float64Array(articles.length);
      for (let article = 0; article < articles.length; article += 1) {
        let dot = 0;
        const offset = article * dimensions;
        for (let index = 0; index < dimensions; index += 1) dot += (matrix[offset + index] as number) * (queryVector[index] as number);
        // Shifted so every article is a candidate, even with a negative cosine.
        cosines[article] = dot + 1;
      }
      const dense = topIndices(cosines, candidates);
      const fused = new Map<number, number>();
      const sides = options.fusionSides ?? ['lexical', 'dense'];
      const chinese = mostlyHan(query);
      const addRanking = (ranking: readonly number[], weight: number) =>
        ranking.forEach((article, rank) => fused.set(article, (fused.get(article) ?? 0) + weight / (fusionConstant + rank + 1)));
      if (sides.includes('lexical')) addRanking(lexical, 1);
      if (sides.includes('dense')) addRanking(dense, chinese ? hanDenseWeight : 1);
      if (options.articleIntents && queryIntent !== undefined && !chinese) addRanking(intentSide(fused, options.articleIntents, queryIntent), 1);
      return [...fused.entries()]
        .sort((left, right) => right[1] - left[1])
        .slice(0, k)
        .map(([article, score]) => ({ id: (articles[article] as RetrievalArticle).id, score, similarity: (cosines[article] as number) - 1 }));
    },
  };
}

/** Closest index terms of a query word need at least this cosine to count. */
const expansionSimilarity = 0.6;
/** Index terms added per query word. */
const expansionsPerWord = 3;

function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return vector.map((value) => value * scale);
}

/**
 * Query expansion over the index's own vocabulary: expanded terms can only be terms some
 * article contains, and each weighs its cosine squared against the query word it came from.
 */
function createExpander(wordVectors: WordVectors, articles: readonly RetrievalArticle[]): (query: string) => Map<string, number> {
  const termVectors = new Map<string, Float32Array>();
  for (const article of articles) {
    for (const { term, word } of lexicalTermsWithWords(articleText(article))) {
      if (termVectors.has(term)) continue;
      const vector = wordVectors.vector(word) ?? wordVectors.vector(term);
      if (vector) termVectors.set(term, unit(vector));
    }
  }
  const entries = [...termVectors.entries()];
  const dimensions = wordVectors.dimensions;
  return (query) => {
    const weights = new Map<string, number>();
    for (const { term, word } of lexicalTermsWithWords(query)) {
      weights.set(term, 1);
      const raw = wordVectors.vector(word);
      if (!raw) continue;
      const vector = unit(raw);
      const closest: { term: string; similarity: number }[] = [];
      for (const [candidate, candidateVector] of entries) {
        if (candidate === term) continue;
        let dot = 0;
        for (let index = 0; index < dimensions; index += 1) dot += (vector[index] as number) * (candidateVector[index] as number);
        if (dot >= expansionSimilarity) closest.push({ term: candidate, similarity: dot });
      }
      closest.sort((left, right) => right.similarity - left.similarity);
      for (const { term: expanded, similarity } of closest.slice(0, expansionsPerWord)) {
        weights.set(expanded, Math.max(weights.get(expanded) ?? 0, similarity * similarity));
      }
    }
    return weights;
  };
}
