import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import type { KbArticle, KbHit } from '../../shared/types.ts';
import type { CoreContext } from '../context.ts';
import { segmentForSearch } from '../kb/segment.ts';

export function listArticles(context: CoreContext, args: ApiArgs<'kb.list'>): ApiResult<'kb.list'> {
  const items = context.db
    .prepare('SELECT external_id AS id, title, body, lang FROM kb_articles ORDER BY title LIMIT ? OFFSET ?')
    .all(args.limit ?? 50, args.offset ?? 0) as KbArticle[];
  return { items, total: context.db.prepare('SELECT count(*) FROM kb_articles').pluck().get() as number };
}

/**
 * Full-text search over titles and bodies, ranked by BM25 with titles weighted up.
 * Query words are OR-ed: a customer's question rarely uses every word of the answer.
 */
export function searchArticles(context: CoreContext, args: ApiArgs<'kb.search'>): ApiResult<'kb.search'> {
  const words = segmentForSearch(args.query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const match = words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' OR ');
  return context.db
    .prepare(
      `SELECT a.external_id AS articleId, a.title, snippet(kb_index, 1, '', '', '…', 16) AS snippet, -bm25(kb_index, 3.0, 1.0) AS score
       FROM kb_index JOIN kb_articles a ON a.id = kb_index.rowid
       WHERE kb_index MATCH ? ORDER BY bm25(kb_index, 3.0, 1.0) LIMIT ?`,
    )
    .all(match, args.k ?? 5) as KbHit[];
}
