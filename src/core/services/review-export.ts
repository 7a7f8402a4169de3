/** The scores of the filtered reviews as CSV, for spreadsheets and reports. */
import { stringify } from 'csv-stringify/sync';
import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import type { ReviewScore } from '../../shared/types.ts';
import type { CoreContext } from '../context.ts';
import { reviewQuery } from './review-filter.ts';

const columns = ['id', 'product', 'lang', 'sentiment', 'positive', 'rating', 'aspects', 'urgency', 'reasons', 'status', 'label'];

/** Rounded so the file reads well; the store keeps full precision. */
const rounded = (value: number | null, digits: number) => (value === null ? '' : Number(value.toFixed(digits)));

export function exportReviewScores(context: CoreContext, filter: ApiArgs<'reviews.export'>): ApiResult<'reviews.export'> {
  const query = reviewQuery(context, filter);
  const rows = context.db
    .prepare(
      `SELECT r.external_id AS id, r.sku, r.lang, s.sentiment, s.positive, s.rating, s.aspects, s.urgency, s.reasons, r.status, l.value AS label
       ${query.from} ${query.where} ORDER BY r.status = 'resolved', coalesce(s.urgency, 0) DESC, r.created_at DESC, r.id`,
    )
    .all(query.parameters) as {
    id: string;
    sku: string | null;
    lang: string;
    sentiment: string | null;
    positive: number | null;
    rating: number | null;
    aspects: string | null;
    urgency: number | null;
    reasons: string | null;
    status: string;
    label: string | null;
  }[];
  // Lists are joined with '|' so each stays one cell: aspect:sentiment pairs and urgency reasons.
  const records = rows.map((row) => ({
    id: row.id,
    product: row.sku ?? '',
    lang: row.lang,
    sentiment: row.sentiment ?? '',
    positive: rounded(row.positive, 4),
    rating: rounded(row.rating, 2),
    aspects: (JSON.parse(row.aspects ?? '[]') as ReviewScore['aspects']).map((aspect) => `${aspect.aspect}:${aspect.sentiment}`).join('|'),
    urgency: rounded(row.urgency, 4),
    reasons: (JSON.parse(row.reasons ?? '[]') as string[]).join('|'),
    status: row.status,
    label: row.label ?? '',
  }));
  return { fileName: 'review-scores.csv', mime: 'text/csv', content: stringify(records, { header: true, columns }) };
}
