/** How a review's title and body become the one text the model reads. */
export interface ReviewRecord {
  text: string;
  title?: string;
}

export function composeReviewText(record: ReviewRecord): string {
  const title = typeof record.title === 'string' ? record.title.trim() : '';
  const text = typeof record.text === 'string' ? record.text.trim() : '';
  return title && text ? `${title}. ${text}` : title || text;
}
