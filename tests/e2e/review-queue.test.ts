/**
 * The review queue worked from the keyboard and in bulk, in a real browser against the demo
 * store: the focus follows the selection, and the bulk bar stays inside the list on a small window.
 */
import { describe, expect, test } from 'vitest';
import { openView, screenshot, useHarness } from './harness.ts';

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

  test('on a 1000 × 700 window the bulk actions, the count and Export stay inside the list', async () => {
    const { page } = harness();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.locator('[data-testid="review-row"].selected .list-row').focus();
    await page.keyboard.press('x');
    await page.getByTestId('bulk-resolve').waitFor();
    const pane = await page.locator('.reviews-pane').boundingBox();
    expect(pane).not.toBeNull();
    for (const testId of ['bulk-resolve', 'bulk-reopen', 'bulk-assignee', 'bulk-assign', 'review-export']) {
      const box = await page.getByTestId(testId).boundingBox();
      expect(box, testId).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), testId).toBeLessThanOrEqual((pane?.x ?? 0) + (pane?.width ?? 0));
    }
    await screenshot(page, 'reviews-bulk-1000');
  });
});
