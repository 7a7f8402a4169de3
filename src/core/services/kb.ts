import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import type { KbArticle, KbHit } from '../../shared/types.ts';
import { analysedLength, intentClassifier, kbRetriever, retrievalIntent } from '../assistant/models.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { articleReply } from '../kb/reply.ts';
import { segmentForSearch } from '../kb/segment.ts';
import { articleSnippet } from '../kb/snippet.ts';
import { textTokens } from '../retrieval/terms.ts';
import { truncateText } from '../text/normalize.ts';

export function listArticles(context: CoreContext, args: ApiArgs<'kb.list'>): ApiResult<'kb.list'> {
  const items = context.db
    .prepare('SELECT external_id AS id, title, body, lang FROM kb_articles ORDER BY title LIMIT ? OFFSET ?')
    .all(args.limit ?? 50, args.offset ?? 0) as KbArticle[];
  return { items, total: context.db.prepare('SELECT count(*) FROM kb_articles').pluck().get() as number };
}

/**
 * The assistant's retriever, for an agent's own search: keyword matches, meaning (dense
 * vectors) and the query's intent, fused, so "where is my parcel" finds the tracking article.
 */
export async function searchArticles(context: CoreContext, args: ApiArgs<'kb.search'>): Promise<ApiResult<'kb.search'>> {
  const query = truncateText(args.query, analysedLength);
  // Without a word or character the vectors would still rank every article: nothing was asked.
  if (textTokens(query).length === 0) return [];
  const kb = await kbRetriever(context);
  if (!kb) return [];
  const [prediction] = await (await intentClassifier(context)).classify([query]);
  return kb.retriever.search(query, Math.max(0, args.k ?? 5), retrievalIntent(prediction)).flatMap((hit) => {
    const article = kb.articles.get(hit.id);
    return article ? [{ articleId: article.id, title: article.title, snippet: articleSnippet(article.body, query), score: hit.score }] : [];
  });
}

export function articleAnswer(context: CoreContext, args: ApiArgs<'kb.answer'>): ApiResult<'kb.answer'> {
  const article = context.db.prepare('SELECT external_id AS id, title, body FROM kb_articles WHERE external_id = ?').get(args.id) as Omit<KbArticle, 'lang'> | undefined;
  if (!article) throw new NotFoundError('article', args.id);
  return { articleId: article.id, title: article.title, text: articleReply(article.body) };
}

/**
 * Full-text keyword search (FTS5) over titles and bodies, ranked by BM25 with titles weighted
 * up: for finding an article by words it is known to use, such as the return policy the
 * assistant cites. Query words are OR-ed.
 */
export function keywordSearch(context: CoreContext, args: { query: string; k: number }): KbHit[] {
  const words = segmentForSearch(args.query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const match = words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' OR ');
  return context.db
    .prepare(
      `SELECT a.external_id AS articleId, a.title, snippet(kb_index, 1, '', '', '…', 16) AS snippet, -bm25(kb_index, 3.0, 1.0) AS score
       FROM kb_index JOIN kb_articles a ON a.id = kb_index.rowid
       WHERE kb_index MATCH ? ORDER BY bm25(kb_index, 3.0, 1.0) LIMIT ?`,
    )
    .all(match, args.k) as KbHit[];
}
