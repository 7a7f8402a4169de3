/**
 * The excerpt a search result shows: a short stretch of the article's plain text, taken where
 * the query's words are densest when they occur in it, else its opening.
 */
import { lexicalTermsWithWords } from '../retrieval/terms.ts';
import { withoutEmphasis } from './reply.ts';

/** Characters of an excerpt: two lines of a result in the chat's search panel. */
const snippetLength = 180;
/** Text shown before the first matched word, so the excerpt does not start on it. */
const leadLength = 40;
/** Long articles are searched this far for the query's words; past it the opening stands in. */
const scannedLength = 20_000;

/** The article's text without Markdown markup, on one line. */
function plainText(body: string): string {
  return withoutEmphasis(body.replace(/^\s{0,3}(?:#{1,6}|[-*+]|\d+\.)\s+/gm, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'))
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where each of the query's terms starts in the text; a Latin term matches at a word start ("return" in "returned"). */
function termPositions(text: string, query: string): { term: string; positions: number[] }[] {
  const terms = [...new Set(lexicalTermsWithWords(query).map(({ term }) => term))];
  return terms.map((term) => {
    const boundary = /^\p{Script=Han}/u.test(term) ? '' : '(?<![\\p{L}\\p{N}])';
    const pattern = new RegExp(`${boundary}${escapeRegExp(term)}`, 'giu');
    return { term, positions: [...text.matchAll(pattern)].map((match) => match.index) };
  });
}

/** The start of the window holding the most of the query (longer terms count more); null when no term occurs. */
function bestWindowStart(text: string, query: string): number | null {
  const found = termPositions(text.slice(0, scannedLength), query).filter((entry) => entry.positions.length > 0);
  let best: { start: number; score: number } | null = null;
  for (const position of found.flatMap((entry) => entry.positions).sort((left, right) => left - right)) {
    const start = Math.max(0, position - leadLength);
    const end = start + snippetLength;
    const score = found.reduce((sum, entry) => sum + (entry.positions.some((at) => at >= start && at < end) ? entry.term.length : 0), 0);
    if (!best || score > best.score) best = { start, score };
  }
  return best?.start ?? null;
}

export function articleSnippet(body: string, query: string): string {
  const text = plainText(body);
  if (text.length <= snippetLength) return text;
  // A match near the end still gets a full-length excerpt.
  let start = Math.min(bestWindowStart(text, query) ?? 0, text.length - snippetLength);
  let end = Math.min(text.length, start + snippetLength);
  // Whole words at both edges: a cut inside a Latin word moves to the next space.
  if (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1] ?? '')) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space - start < leadLength) start = space + 1;
  }
  if (end < text.length && /[\p{L}\p{N}]/u.test(text[end] ?? '')) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + snippetLength / 2) end = space;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
