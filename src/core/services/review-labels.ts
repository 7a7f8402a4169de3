/**
 * Agents' corrections of review sentiment. Each correction is a new row of the labels
 * table (the newest wins), so the history of who labelled what stays for the audit and
 * retraining reads only the latest.
 */
import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import type { Sentiment } from '../../shared/types.ts';
import { audit, type CoreContext } from '../context.ts';
import { reviewRowId } from './reviews.ts';
import { getSettings } from './settings.ts';

export function setReviewLabel(context: CoreContext, args: ApiArgs<'reviews.setLabel'>): ApiResult<'reviews.setLabel'> {
  const author = getSettings(context).agentName;
  context.db.transaction(() => {
    reviewRowId(context, args.id);
    const previous = latestLabel(context, args.id);
    context.db.prepare("INSERT INTO labels (target_kind, target_id, field, value, author) VALUES ('review', ?, 'sentiment', ?, ?)").run(args.id, args.label, author);
    audit(context, author, 'reviews.setLabel', args.id, { label: args.label, previous });
  })();
  context.events.emit('changed', { domain: 'reviews' });
  return { id: args.id, label: args.label };
}

function latestLabel(context: CoreContext, id: string): Sentiment | null {
  const value = context.db
    .prepare("SELECT value FROM labels WHERE target_kind = 'review' AND target_id = ? AND field = 'sentiment' ORDER BY id DESC LIMIT 1")
    .pluck()
    .get(id) as Sentiment | undefined;
  return value ?? null;
}

/** The latest label of every review that still exists, with the text the model reads. */
export function reviewCorrections(context: CoreContext): { id: string; title: string; text: string; label: Sentiment }[] {
  return context.db
    .prepare(
      `SELECT r.external_id AS id, r.title, r.text, l.value AS label FROM labels l JOIN reviews r ON r.external_id = l.target_id
       WHERE l.id IN (SELECT max(id) FROM labels WHERE target_kind = 'review' AND field = 'sentiment' GROUP BY target_id) ORDER BY l.id`,
    )
    .all() as { id: string; title: string; text: string; label: Sentiment }[];
}
