/**
 * Fuzzy matching for the command palette: every query character must appear in order; matches
 * at word starts and in runs score higher, so "gp" ranks "Go to Products" above "Toggle preview".
 * Returns null when the text does not match.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const needle = query.toLowerCase().replace(/\s+/g, '');
  if (needle === '') return 0;
  const haystack = text.toLowerCase();
  let score = 0;
  let position = 0;
  let previousMatch = -2;
  for (const character of needle) {
    const found = haystack.indexOf(character, position);
    if (found === -1) return null;
    const atWordStart = found === 0 || /[\s\-/…“]/.test(haystack[found - 1] ?? '');
    score += 1 + (atWordStart ? 3 : 0) + (found === previousMatch + 1 ? 2 : 0);
    previousMatch = found;
    position = found + 1;
  }
  // Shorter texts win ties: the match covers more of them.
  return score - haystack.length / 100;
}
