/**
 * Splits a normalised review into clauses, the unit aspects are judged on: "fits well but
 * the delivery was slow" says two things. Punctuation and contrast words end a clause.
 */

const clauseBreak = /[.!?;,:\n。！？；，、…]+|\s+(?:but|however|although|though|whereas|except)\s+|(?:但是|但|不过|可是|然而|只是|就是|而且)/g;

export interface ClauseSpan {
  start: number;
  end: number;
}

/** Where each clause starts and ends (empty ones dropped). */
export function clauseSpans(normalizedText: string): ClauseSpan[] {
  const spans: ClauseSpan[] = [];
  let start = 0;
  const add = (end: number) => {
    if (normalizedText.slice(start, end).trim()) spans.push({ start, end });
  };
  for (const match of normalizedText.matchAll(clauseBreak)) {
    add(match.index);
    start = match.index + match[0].length;
  }
  add(normalizedText.length);
  return spans;
}

export function splitClauses(normalizedText: string): string[] {
  return clauseSpans(normalizedText).map((span) => normalizedText.slice(span.start, span.end).trim());
}
