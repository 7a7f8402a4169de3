/** Reads `text,label` or `text,rating` rows for `shopdesk reviews train`; a bad row stops with its row and field. */
import { reason } from '../../shared/error-reasons.ts';
import { ImportError, FieldError } from '../importers/errors.ts';
import { optionalNumber, optionalText, requiredText, type RawRecord } from '../importers/fields.ts';
import { formatOf, readRecords, sourceFromFile } from '../importers/source.ts';
import type { ReviewSentiment, ReviewTrainingRow } from './model/index.ts';
import { labelOf } from './model/training-rows.ts';
import { reviewFieldAliases } from './score-file.ts';

const labelValues: Record<string, ReviewSentiment> = {
  positive: 'positive',
  pos: 'positive',
  '1': 'positive',
  negative: 'negative',
  neg: 'negative',
  '0': 'negative',
  neutral: 'neutral',
};

function trainingRow(record: RawRecord): ReviewTrainingRow {
  const text = requiredText(record, 'text');
  const labelText = optionalText(record, 'label');
  const rating = optionalNumber(record, 'rating', { min: 1, max: 5 });
  if (labelText === null && rating === null) throw new FieldError('label', reason('reviews.label_or_rating_required'));
  const row: ReviewTrainingRow = { text };
  if (labelText !== null) {
    const label = labelValues[labelText.toLowerCase()];
    if (!label) throw new FieldError('label', reason('reviews.unknown_label', { value: labelText }));
    row.label = label;
  }
  if (rating !== null) row.rating = rating;
  return row;
}

export async function readReviewTrainingFile(path: string): Promise<ReviewTrainingRow[]> {
  const source = sourceFromFile(path);
  const rows: ReviewTrainingRow[] = [];
  for await (const { row, record } of readRecords(source, formatOf(path), { requiredColumns: ['text'], aliases: reviewFieldAliases })) {
    try {
      rows.push(trainingRow(record));
    } catch (error) {
      if (error instanceof FieldError) throw new ImportError(source.fileName, row, error.field, error.reason);
      throw error;
    }
  }
  const labels = new Set(rows.map(labelOf));
  if (!labels.has('positive') || !labels.has('negative')) throw new ImportError(source.fileName, null, 'label', reason('reviews.needs_both_labels'));
  return rows;
}
