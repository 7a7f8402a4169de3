/**
 * Agents' corrections of review sentiment. Each correction is a new row of the labels
 * table (the newest wins), so the history of who labelled what stays for the audit and
 * retraining reads only the latest. Withdrawing a correction (undo) removes its row, so
 * the one before it counts again; the audit log keeps both steps.
 */
import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import type { Sentiment } from '../../shared/types.ts';
import { audit, type CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { reviewRowId } from './reviews.ts';
import { getSettings } from './settings.ts';

export function setReviewLabel(context: CoreContext, args: ApiArgs<'reviews.setLabel'>): ApiResult<'reviews.setLabel'> {
  const author = getSettings(context).agentName;
  const correction = context.db.transaction(() => {
    reviewRowId(context, args.id);
    const previous = latestLabel(context, args.id);
    const { lastInsertRowid } = context.db.prepare("INSERT INTO labels (target_kind, target_id, field, value, author) VALUES ('review', ?, 'sentiment', ?, ?)").run(args.id, args.label, author);
    audit(context, author, 'reviews.setLabel', args.id, { label: args.label, previous, correction: Number(lastInsertRowid) });
    return Number(lastInsertRowid);
  })();
  context.events.emit('changed', { domain: 'reviews' });
  return { id: args.id, label: args.label, correction };
}

export function withdrawReviewLabel(context: CoreContext, args: ApiArgs<'reviews.withdrawLabel'>): ApiResult<'reviews.withdrawLabel'> {
  const author = getSettings(context).agentName;
  const result = context.db.transaction(() => {
    const row = context.db.prepare("SELECT target_id AS id, value AS label FROM labels WHERE id = ? AND target_kind = 'review' AND field = 'sentiment'").get(args.correction) as
      | { id: string; label: Sentiment }
      | undefined;
    if (!row) throw new NotFoundError('correction', args.correction);
    context.db.prepare('DELETE FROM labels WHERE id = ?').run(args.correction);
    const label = latestLabel(context, row.id);
    audit(context, author, 'reviews.withdrawLabel', row.id, { correction: args.correction, withdrawn: row.label, label });
    return { id: row.id, label };
  })();
  context.events.emit('changed', { domain: 'reviews' });
  return result;
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
