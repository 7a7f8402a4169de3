import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import { reason } from '../../shared/error-reasons.ts';
import type { Review, ReviewScore, Sentiment } from '../../shared/types.ts';
import { audit, type CoreContext } from '../context.ts';
import { InvalidArgumentError, NotFoundError } from '../errors.ts';
import { reviewQuery } from './review-filter.ts';

/** A review joined with its shown score's columns (all null when unscored). */
type ReviewRow = Omit<Review, 'score'> & {
  sentiment: Sentiment | null;
  positive: number | null;
  predictedRating: number | null;
  urgency: number | null;
  aspects: string | null;
  reasons: string | null;
  model: string | null;
};

const reviewColumns = `r.external_id AS id, r.sku, p.title AS productTitle, r.author, r.rating, r.title, r.text, r.lang, r.created_at AS createdAt,
  r.status, r.assignee, l.value AS label, (SELECT count(*) FROM review_replies WHERE review_id = r.id) AS replies,
  s.sentiment, s.positive, s.rating AS predictedRating, s.urgency, s.aspects, s.reasons, s.model`;

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
          reasons: JSON.parse(reasons ?? '[]') as ReviewScore['reasons'],
          model: model ?? '',
        };
  return { ...review, score };
}

/** The queue: open before resolved, most urgent first, newest first among equals. */
export function listReviews(context: CoreContext, args: ApiArgs<'reviews.list'>): ApiResult<'reviews.list'> {
  const { limit, offset, ...filter } = args;
  const query = reviewQuery(context, filter);
  const parameters = { ...query.parameters, limit: limit ?? 50, offset: offset ?? 0 };
  const rows = context.db
    .prepare(
      `SELECT ${reviewColumns} ${query.from} ${query.where}
       ORDER BY r.status = 'resolved', coalesce(s.urgency, 0) DESC, r.created_at DESC, r.id LIMIT @limit OFFSET @offset`,
    )
    .all(parameters) as ReviewRow[];
  const total = context.db.prepare(`SELECT count(*) ${query.from} ${query.where}`).pluck().get(parameters) as number;
  return { items: rows.map(toReview), total };
}

/** The store's row id of a review, or NotFoundError naming it. */
export function reviewRowId(context: CoreContext, id: string): number {
  const rowId = context.db.prepare('SELECT id FROM reviews WHERE external_id = ?').pluck().get(id) as number | undefined;
  if (rowId === undefined) throw new NotFoundError('review', id);
  return rowId;
}

export function setReviewStatus(context: CoreContext, args: ApiArgs<'reviews.setStatus'>): ApiResult<'reviews.setStatus'> {
  const update = context.db.prepare('UPDATE reviews SET status = ? WHERE external_id = ? AND status <> ?');
  const exists = context.db.prepare('SELECT 1 FROM reviews WHERE external_id = ?').pluck();
  const result = context.db.transaction(() => {
    let updated = 0;
    const changed: string[] = [];
    for (const id of new Set(args.ids)) {
      if (update.run(args.status, id, args.status).changes > 0) changed.push(id);
      if (exists.get(id)) updated += 1;
    }
    audit(context, 'agent', 'reviews.setStatus', args.ids.join(','), { status: args.status, changed });
    return { updated, changed };
  })();
  context.events.emit('changed', { domain: 'reviews' });
  return result;
}

export function assignReviews(context: CoreContext, args: ApiArgs<'reviews.assign'>): ApiResult<'reviews.assign'> {
  const assignee = args.assignee?.trim() || null;
  if (assignee !== null && assignee.length > 80) throw new InvalidArgumentError(reason('reviews.assignee_too_long', { max: 80 }));
  const current = context.db.prepare('SELECT assignee FROM reviews WHERE external_id = ?').pluck();
  const update = context.db.prepare('UPDATE reviews SET assignee = ? WHERE external_id = ?');
  const result = context.db.transaction(() => {
    const previous: { id: string; assignee: string | null }[] = [];
    for (const id of new Set(args.ids)) {
      const before = current.get(id) as string | null | undefined;
      if (before === undefined) continue;
      previous.push({ id, assignee: before });
      update.run(assignee, id);
    }
    audit(context, 'agent', 'reviews.assign', args.ids.join(','), { assignee });
    return { updated: previous.length, previous };
  })();
  context.events.emit('changed', { domain: 'reviews' });
  return result;
}
