/**
 * Word segmentation for the full-text index. FTS5's unicode61 tokenizer splits on
 * spaces and punctuation, which leaves a Chinese sentence as one token; segmenting
 * with Intl.Segmenter first and joining with spaces makes Chinese words searchable.
 */
import { segmentWords } from '../text/segment.ts';

export function segmentForSearch(text: string): string {
  return segmentWords(text)
    .map((word) => word.toLowerCase())
    .join(' ');
}
