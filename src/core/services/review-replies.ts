/** Replies agents write to reviews (sent through the shop's own channels; the store keeps what was said). */
import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import { reason } from '../../shared/error-reasons.ts';
import type { ReviewReply } from '../../shared/types.ts';
import { audit, type CoreContext } from '../context.ts';
import { InvalidArgumentError } from '../errors.ts';
import { reviewRowId } from './reviews.ts';
import { getSettings } from './settings.ts';

const longestReply = 5000;

const replyColumns = 'rr.id, r.external_id AS reviewId, rr.body, rr.author, rr.created_at AS createdAt';

export function replyToReview(context: CoreContext, args: ApiArgs<'reviews.reply'>): ApiResult<'reviews.reply'> {
  const body = args.body.trim();
  if (body === '') throw new InvalidArgumentError(reason('reviews.reply_empty'));
  if (body.length > longestReply) throw new InvalidArgumentError(reason('reviews.reply_too_long', { max: longestReply }));
  const author = getSettings(context).agentName;
  const reply = context.db.transaction(() => {
    const rowId = reviewRowId(context, args.id);
    const id = context.db.prepare('INSERT INTO review_replies (review_id, body, author) VALUES (?, ?, ?)').run(rowId, body, author).lastInsertRowid;
    audit(context, author, 'reviews.reply', args.id, { reply: Number(id) });
    return context.db.prepare(`SELECT ${replyColumns} FROM review_replies rr JOIN reviews r ON r.id = rr.review_id WHERE rr.id = ?`).get(id) as ReviewReply;
  })();
  context.events.emit('changed', { domain: 'reviews' });
  return reply;
}

export function listReviewReplies(context: CoreContext, args: ApiArgs<'reviews.replies'>): ApiResult<'reviews.replies'> {
  const rowId = reviewRowId(context, args.id);
  return context.db.prepare(`SELECT ${replyColumns} FROM review_replies rr JOIN reviews r ON r.id = rr.review_id WHERE rr.review_id = ? ORDER BY rr.id`).all(rowId) as ReviewReply[];
}
