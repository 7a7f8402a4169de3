/**
 * Word and sentence boundaries from Intl.Segmenter (ICU's dictionary segmentation of
 * Chinese, spaces and punctuation elsewhere), shared by search, tokenisation and the
 * intent model so that all of them cut text the same way.
 */
const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const sentenceSegmenter = new Intl.Segmenter('zh', { granularity: 'sentence' });

/** The word-like segments of a text (no spaces or punctuation), as written. */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const part of wordSegmenter.segment(text)) if (part.isWordLike) words.push(part.segment);
  return words;
}

/** The sentences of a text, trimmed, without empty ones; ends at 。？！ as well as . ? !. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const part of sentenceSegmenter.segment(text)) {
    const sentence = part.segment.trim();
    if (sentence !== '') sentences.push(sentence);
  }
  return sentences;
}
