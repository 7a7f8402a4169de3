/** The rows a review model learns from: a text with a sentiment label, a star rating, or both. */

export type ReviewSentiment = 'positive' | 'neutral' | 'negative';

export interface ReviewTrainingRow {
  text: string;
  label?: ReviewSentiment;
  /** 1–5 stars; without a label, ≥4 counts as positive, ≤2 as negative, 3 as neutral. */
  rating?: number;
}

export function labelOf(row: ReviewTrainingRow): ReviewSentiment | undefined {
  if (row.label) return row.label;
  if (row.rating === undefined || !Number.isFinite(row.rating)) return undefined;
  return row.rating >= 4 ? 'positive' : row.rating <= 2 ? 'negative' : 'neutral';
}
