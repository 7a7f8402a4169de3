/** A product's reviews at a glance: effective sentiment per week or month, and its aspects with examples. */
import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import type { AspectSummary, ReviewScore, Sentiment, SentimentPeriod } from '../../shared/types.ts';
import { type CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { reviewQuery } from './review-filter.ts';

const quotesPerAspect = 3;
const quoteLength = 160;
/** SQLite's %W counts weeks from the first Monday, which is enough to bucket a chart. */
const periodFormats = { week: '%Y-W%W', month: '%Y-%m' } as const;
/** Negative quotes first: they are what an agent acts on. */
const quoteOrder: Record<Sentiment, number> = { negative: 0, neutral: 1, positive: 2 };

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= quoteLength ? flat : `${flat.slice(0, quoteLength - 1)}…`;
}

export function summarizeProductReviews(context: CoreContext, args: ApiArgs<'reviews.summary'>): ApiResult<'reviews.summary'> {
  const period = args.period ?? 'month';
  if (!(period in periodFormats)) throw new RangeError('"period" must be week or month');
  const productTitle = context.db.prepare('SELECT title FROM products WHERE sku = ?').pluck().get(args.sku) as string | undefined;
  const query = reviewQuery(context, { sku: args.sku });
  const rows = context.db
    .prepare(
      `SELECT r.external_id AS id, r.title, r.text, strftime('${periodFormats[period]}', r.created_at) AS period,
         coalesce(l.value, s.sentiment) AS sentiment, s.aspects
       ${query.from} ${query.where} ORDER BY r.created_at`,
    )
    .all(query.parameters) as { id: string; title: string; text: string; period: string | null; sentiment: Sentiment | null; aspects: string | null }[];
  if (rows.length === 0 && productTitle === undefined) throw new NotFoundError('product', args.sku);

  const periods = new Map<string, SentimentPeriod>();
  const aspects = new Map<string, AspectSummary>();
  for (const row of rows) {
    if (row.period && row.sentiment) {
      const bucket = periods.get(row.period) ?? { period: row.period, positive: 0, neutral: 0, negative: 0 };
      bucket[row.sentiment] += 1;
      periods.set(row.period, bucket);
    }
    for (const mention of JSON.parse(row.aspects ?? '[]') as ReviewScore['aspects']) {
      const summary = aspects.get(mention.aspect) ?? { aspect: mention.aspect, positive: 0, neutral: 0, negative: 0, quotes: [] };
      summary[mention.sentiment] += 1;
      summary.quotes.push({ reviewId: row.id, sentiment: mention.sentiment, text: excerpt(row.title ? `${row.title}. ${row.text}` : row.text) });
      aspects.set(mention.aspect, summary);
    }
  }
  const aspectList = [...aspects.values()]
    .map((summary) => ({ ...summary, quotes: summary.quotes.sort((first, second) => quoteOrder[first.sentiment] - quoteOrder[second.sentiment]).slice(0, quotesPerAspect) }))
    .sort((first, second) => second.positive + second.negative + second.neutral - (first.positive + first.negative + first.neutral) || first.aspect.localeCompare(second.aspect));
  return {
    sku: args.sku,
    productTitle: productTitle ?? null,
    total: rows.length,
    series: [...periods.values()].sort((first, second) => first.period.localeCompare(second.period)),
    aspects: aspectList,
  };
}
