/**
 * Text normalisation shared by every text model: one canonical form so that full-width
 * punctuation, compatibility characters and letter case do not split features.
 */

export interface NormalizeOptions {
  /** Longer texts keep their head and tail: reviews state the verdict first or last. */
  maxLength: number;
}

export const defaultNormalizeOptions: NormalizeOptions = { maxLength: 4000 };

// Control characters, zero-width characters, the replacement character and lone surrogates
// (broken UTF-16: in a /u class the surrogate range matches only unpaired halves) carry no meaning.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const invalidCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFD\uFEFF\u200B-\u200D]+/gu;

/** Cuts a text to at most `maxLength` code units, keeping 2/3 from the head and 1/3 from the tail. */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const head = Math.ceil((maxLength * 2) / 3);
  const tail = maxLength - head;
  return `${text.slice(0, head)} … ${tail > 0 ? text.slice(text.length - tail) : ''}`;
}

/** NFKC, lower case, invalid characters replaced by spaces; never throws. */
export function normalizeText(text: unknown, options: NormalizeOptions = defaultNormalizeOptions): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  // Truncate before NFKC so a megabyte of text costs no more than a long review.
  const cut = truncateText(text, options.maxLength).replace(invalidCharacters, ' ');
  return cut.normalize('NFKC').toLowerCase();
}
