import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import type { Review, ReviewScore, Sentiment } from '../../shared/types.ts';
import { audit, type CoreContext } from '../context.ts';
import { likePattern } from './catalog.ts';

/** A review joined with its newest score's columns (all null when unscored). */
type ReviewRow = Omit<Review, 'score'> & {
  sentiment: Sentiment | null;
  positive: number | null;
  predictedRating: number | null;
  urgency: number | null;
  aspects: string | null;
  reasons: string | null;
  model: string | null;
};

function toReview(row: ReviewRow): Review {
  const { sentiment, positive, predictedRating, urgency, aspects, reasons, model, ...review } = row;
  const score: ReviewScore | null =
    sentiment === null
      ? null
      : {
          sentiment,
          positive: positive ?? 0,
          rating: predictedRating ?? 0,
          urgency: urgency ?? 0,
          aspects: JSON.parse(aspects ?? '[]') as ReviewScore['aspects'],
          reasons: JSON.parse(reasons ?? '[]') as string[],
          model: model ?? '',
        };
  return { ...review, score };
}

export function listReviews(context: CoreContext, args: ApiArgs<'reviews.list'>): ApiResult<'reviews.list'> {
  const where: string[] = [];
  const parameters: Record<string, unknown> = { limit: args.limit ?? 50, offset: args.offset ?? 0 };
  const equals = { sku: 'r.sku', lang: 'r.lang', status: 'r.status', sentiment: 's.sentiment' } as const;
  for (const [field, column] of Object.entries(equals) as [keyof typeof equals, string][]) {
    if (args[field]) {
      where.push(`${column} = @${field}`);
      parameters[field] = args[field];
    }
  }
  if (args.query) {
    where.push("(r.text LIKE @query ESCAPE '\\' OR r.title LIKE @query ESCAPE '\\')");
    parameters.query = likePattern(args.query);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // The newest score of each review: models keep their scores side by side.
  const from = `FROM reviews r LEFT JOIN products p ON p.sku = r.sku
    LEFT JOIN review_scores s ON s.review_id = r.id AND s.scored_at = (SELECT max(scored_at) FROM review_scores WHERE review_id = r.id)`;
  const rows = context.db
    .prepare(
      `SELECT r.external_id AS id, r.sku, p.title AS productTitle, r.author, r.rating, r.title, r.text, r.lang, r.created_at AS createdAt,
        r.status, r.assignee, s.sentiment, s.positive, s.rating AS predictedRating, s.urgency, s.aspects, s.reasons, s.model
       ${from} ${filter}
       ORDER BY r.status = 'resolved', coalesce(s.urgency, 0) DESC, r.created_at DESC LIMIT @limit OFFSET @offset`,
    )
    .all(parameters) as ReviewRow[];
  const total = context.db.prepare(`SELECT count(*) ${from} ${filter}`).pluck().get(parameters) as number;
  return { items: rows.map(toReview), total };
}

export function setReviewStatus(context: CoreContext, args: ApiArgs<'reviews.setStatus'>): ApiResult<'reviews.setStatus'> {
  const update = context.db.prepare('UPDATE reviews SET status = ? WHERE external_id = ?');
  const updated = context.db.transaction(() => {
    let count = 0;
    for (const id of args.ids) count += update.run(args.status, id).changes;
    audit(context, 'agent', 'reviews.setStatus', args.ids.join(','), { status: args.status });
    return count;
  })();
  context.events.emit('changed', { domain: 'reviews' });
  return { updated };
}
