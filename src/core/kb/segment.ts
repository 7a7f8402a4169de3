/**
 * Word segmentation for the full-text index. FTS5's unicode61 tokenizer splits on
 * spaces and punctuation, which leaves a Chinese sentence as one token; segmenting
 * with Intl.Segmenter first and joining with spaces makes Chinese words searchable.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function segmentForSearch(text: string): string {
  const words: string[] = [];
  for (const part of segmenter.segment(text)) if (part.isWordLike) words.push(part.segment.toLowerCase());
  return words.join(' ');
}
