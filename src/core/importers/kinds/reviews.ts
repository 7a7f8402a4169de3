import type { Review } from '../../../shared/types.ts';
import { detectLanguage } from '../../text/language.ts';
import { reason } from '../../../shared/error-reasons.ts';
import { FieldError } from '../errors.ts';
import { optionalDate, optionalInteger, optionalText, requiredText } from '../fields.ts';
import type { ImportKindSpec } from '../kind.ts';

type ReviewRecord = Omit<Review, 'productTitle' | 'status' | 'assignee' | 'score' | 'label' | 'replies'>;

export const reviews: ImportKindSpec<ReviewRecord> = {
  kind: 'reviews',
  formats: ['csv', 'jsonl'],
  requiredColumns: ['id', 'text'],
  parse(record) {
    const text = requiredText(record, 'text');
    const title = optionalText(record, 'title') ?? '';
    const rating = optionalInteger(record, 'rating', { min: 1, max: 5 });
    const sku = optionalText(record, 'sku') ?? optionalText(record, 'product');
    if (sku !== null && sku.length > 200) throw new FieldError('sku', reason('import.too_long', { max: 200 }));
    return {
      id: requiredText(record, 'id'),
      sku,
      author: optionalText(record, 'author'),
      rating,
      title,
      text,
      lang: detectLanguage(`${title} ${text}`),
      createdAt: optionalDate(record, 'created_at'),
    };
  },
  key: (review) => review.id,
  write(db, values) {
    const existing = db.prepare('SELECT 1 FROM reviews WHERE external_id = ?').pluck();
    const upsert = db.prepare(
      `INSERT INTO reviews (external_id, sku, author, rating, title, text, lang, created_at)
       VALUES (@id, @sku, @author, @rating, @title, @text, @lang, @createdAt)
       ON CONFLICT (external_id) DO UPDATE SET sku = excluded.sku, author = excluded.author, rating = excluded.rating,
         title = excluded.title, text = excluded.text, lang = excluded.lang, created_at = excluded.created_at`,
    );
    let inserted = 0;
    for (const review of values) {
      if (existing.get(review.id) === undefined) inserted += 1;
      upsert.run(review);
    }
    return { inserted, updated: values.length - inserted };
  },
  export(db) {
    const records = db
      .prepare('SELECT external_id AS id, sku, author, rating, title, text, created_at FROM reviews ORDER BY external_id')
      .all() as Record<string, unknown>[];
    return { format: 'csv', columns: ['id', 'sku', 'author', 'rating', 'title', 'text', 'created_at'], records };
  },
};
