/** The SQL of a review filter, shared by the queue, the CSV export and the summaries. */
import type { ReviewFilter } from '../../shared/api.ts';
import { reason } from '../../shared/error-reasons.ts';
import type { CoreContext } from '../context.ts';
import { InvalidArgumentError } from '../errors.ts';
import { reviewAspects } from '../reviews/model/index.ts';
import { likePattern } from './catalog.ts';
import { activeScoreModel } from './review-scoring.ts';

const sentiments = ['positive', 'neutral', 'negative'];
const statuses = ['open', 'resolved'];
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export interface ReviewQuery {
  /** FROM … JOIN …: `r` is the review, `s` the score shown (the active model's, else the newest), `l` the label. */
  from: string;
  where: string;
  parameters: Record<string, unknown>;
}

function checkDate(field: 'from' | 'to', value: string): void {
  if (!isoDate.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError(reason('reviews.filter_not_a_date', { field, value }));
}

export function reviewQuery(context: CoreContext, filter: ReviewFilter): ReviewQuery {
  const notOneOf = (field: string, allowed: readonly string[]) => new InvalidArgumentError(reason('reviews.filter_not_one_of', { field, allowed: allowed.join(', ') }));
  if (filter.sentiment && !sentiments.includes(filter.sentiment)) throw notOneOf('sentiment', sentiments);
  if (filter.status && !statuses.includes(filter.status)) throw notOneOf('status', statuses);
  if (filter.aspect && !(reviewAspects as readonly string[]).includes(filter.aspect)) throw notOneOf('aspect', reviewAspects);
  const where: string[] = [];
  const parameters: Record<string, unknown> = { scoreModel: activeScoreModel(context) };
  const equals = { sku: 'r.sku', lang: 'r.lang', status: 'r.status' } as const;
  for (const [field, column] of Object.entries(equals) as [keyof typeof equals, string][]) {
    if (filter[field]) {
      where.push(`${column} = @${field}`);
      parameters[field] = filter[field];
    }
  }
  if (filter.sentiment) {
    // The agent's label outranks the model: a corrected review is filed under its label.
    where.push('coalesce(l.value, s.sentiment) = @sentiment');
    parameters.sentiment = filter.sentiment;
  }
  if (filter.aspect) {
    where.push("EXISTS (SELECT 1 FROM json_each(s.aspects) a WHERE json_extract(a.value, '$.aspect') = @aspect)");
    parameters.aspect = filter.aspect;
  }
  if (filter.query) {
    where.push("(r.text LIKE @query ESCAPE '\\' OR r.title LIKE @query ESCAPE '\\')");
    parameters.query = likePattern(filter.query);
  }
  if (filter.from) {
    checkDate('from', filter.from);
    where.push('substr(r.created_at, 1, 10) >= @from');
    parameters.from = filter.from;
  }
  if (filter.to) {
    checkDate('to', filter.to);
    where.push('substr(r.created_at, 1, 10) <= @to');
    parameters.to = filter.to;
  }
  // Scores are kept per model: show the active model's, or the newest while it has not scored a review yet.
  const from = `FROM reviews r LEFT JOIN products p ON p.sku = r.sku
    LEFT JOIN review_scores s ON s.rowid = (SELECT rowid FROM review_scores WHERE review_id = r.id ORDER BY model = @scoreModel DESC, scored_at DESC LIMIT 1)
    LEFT JOIN labels l ON l.id = (SELECT max(id) FROM labels WHERE target_kind = 'review' AND target_id = r.external_id AND field = 'sentiment')`;
  return { from, where: where.length ? `WHERE ${where.join(' AND ')}` : '', parameters };
}
