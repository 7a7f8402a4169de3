/**
 * Arrow keys across a grid of cards laid out by CSS (as many columns as fit): ← and → step
 * through the cards in reading order, ↑ and ↓ move a row, Home and End go to the first and last.
 */
export type GridMove = HTMLElement | 'above' | null;

/** Where `key` leads from `card` among `cards`: another card, 'above' the first row, or null for a key it leaves alone. */
export function moveInGrid(cards: HTMLElement[], card: HTMLElement, key: string): GridMove {
  const index = cards.indexOf(card);
  if (index < 0) return null;
  // The cards of the first row share its top: that many columns.
  const top = cards[0]?.offsetTop;
  const columns = Math.max(1, cards.filter((each) => each.offsetTop === top).length);
  const target = (() => {
    if (key === 'ArrowRight') return Math.min(index + 1, cards.length - 1);
    if (key === 'ArrowLeft') return Math.max(index - 1, 0);
    if (key === 'ArrowDown') return Math.min(index + columns, cards.length - 1);
    if (key === 'ArrowUp') return index - columns;
    if (key === 'Home') return 0;
    if (key === 'End') return cards.length - 1;
    return null;
  })();
  if (target === null) return null;
  if (target < 0) return 'above';
  return cards[target] ?? null;
}
