/**
 * The review queue worked from the keyboard and in bulk, in a real browser against the demo
 * store: the focus follows the selection.
 */
import { describe, expect, test } from 'vitest';
import { openView, useHarness } from './harness.ts';

describe('the review queue from the keyboard', () => {
  const harness = useHarness();

  const selectedReview = () => harness().page.locator('[data-testid="review-row"].selected').getAttribute('data-review-id');
  const focusedReview = () => harness().page.evaluate(() => document.activeElement?.closest('[data-review-id]')?.getAttribute('data-review-id') ?? null);

  test('the focus follows j/k, so Enter keeps the row they moved to, and comes back after a composer, e and a bulk action', async () => {
    const { page } = harness();
    await openView(page, 'reviews');
    await expect.poll(() => page.getByTestId('review-row').count()).toBeGreaterThan(4);
    await page.getByTestId('review-row').nth(1).locator('.list-row').click();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const moved = await selectedReview();
    expect(await focusedReview()).toBe(moved);
    // Enter presses the focused row: the one j moved to, not the one clicked before.
    await page.keyboard.press('Enter');
    expect(await selectedReview()).toBe(moved);

    await page.keyboard.press('r');
    await page.getByTestId('review-reply-input').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(focusedReview).toBe(moved);

    // e resolves; the row leaves the open queue and the focus goes to the row selected in its place.
    await page.keyboard.press('e');
    await expect.poll(() => page.locator(`[data-review-id="${moved}"]`).count()).toBe(0);
    const next = await selectedReview();
    expect(next).not.toBe(moved);
    await expect.poll(focusedReview).toBe(next);

    await page.keyboard.press('x');
    await page.getByTestId('bulk-resolve').click();
    await expect.poll(() => page.locator(`[data-review-id="${next}"]`).count()).toBe(0);
    await expect.poll(async () => (await focusedReview()) !== null && (await focusedReview()) === (await selectedReview())).toBe(true);
  });
});
