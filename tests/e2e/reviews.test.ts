/**
 * Review triage in a real browser against the demo store: filter the queue, walk it with
 * j/k, resolve with e and undo, reply and assign from the keyboard, correct a label, export
 * the scores as CSV, read a product's summary, and retrain and switch the model.
 * Screenshots go to test-artifacts/screenshots.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { openView, repositoryRoot, screenshot, screenshotDark, useHarness } from './harness.ts';

describe('review triage in the browser', () => {
  const harness = useHarness();

  const selectedRow = () => harness().page.locator('[data-testid="review-row"].selected');

  test('filters by sentiment and dates, moves with j/k, resolves with e and undoes it', async () => {
    const { page } = harness();
    await openView(page, 'reviews');
    await expect.poll(() => page.getByTestId('review-row').count()).toBeGreaterThan(1);
    const allOpen = await page.getByTestId('review-row').count();

    await page.getByTestId('review-sentiment').selectOption('negative');
    await expect.poll(() => page.getByTestId('review-row').count()).toBeLessThan(allOpen);
    const negatives = await page.getByTestId('review-row').count();
    expect(negatives).toBeGreaterThan(1);
    await page.getByTestId('review-from').fill('2026-09-01');
    await page.getByTestId('review-to').fill('2026-09-30');
    await expect.poll(() => page.getByTestId('review-row').count()).toBeLessThan(negatives);
    await page.getByTestId('review-from').fill('');
    await page.getByTestId('review-to').fill('');
    await expect.poll(() => page.getByTestId('review-row').count()).toBe(negatives);
    await screenshot(page, 'reviews-negative-filter');

    await page.locator('body').click({ position: { x: 5, y: 600 } });
    const first = await selectedRow().getAttribute('data-review-id');
    await page.keyboard.press('j');
    await expect.poll(() => selectedRow().getAttribute('data-review-id')).not.toBe(first);
    await page.keyboard.press('k');
    await expect.poll(() => selectedRow().getAttribute('data-review-id')).toBe(first);
    await page.keyboard.press('j');
    const second = await selectedRow().getAttribute('data-review-id');

    await page.keyboard.press('e');
    await expect.poll(() => page.getByTestId('review-row').count()).toBe(negatives - 1);
    await expect.poll(() => page.locator(`[data-review-id="${second}"]`).count()).toBe(0);
    await page.getByTestId('toast-action').click();
    await expect.poll(() => page.locator(`[data-review-id="${second}"]`).count()).toBe(1);
    // The focus, dropped with the pressed Undo, goes to the review it brought back.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-review-id]')?.getAttribute('data-review-id'))).toBe(second);
  });

  test('replies with r, assigns with a, and corrects the label', async () => {
    const { page } = harness();
    await page.locator('body').click({ position: { x: 5, y: 600 } });
    await page.keyboard.press('r');
    await page.getByTestId('review-reply-input').fill('Sorry about this, a replacement is on its way.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('review-replies').textContent()).toContain('a replacement is on its way');

    await page.locator('body').click({ position: { x: 5, y: 600 } });
    await page.keyboard.press('a');
    await page.getByTestId('review-assign-input').fill('Mei');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('review-assignee').textContent()).toContain('Mei');

    // Correct a negative review to neutral: the sentiment filter then no longer lists it.
    const corrected = await selectedRow().getAttribute('data-review-id');
    await page.getByTestId('label-neutral').click();
    await expect.poll(() => page.locator(`[data-review-id="${corrected}"]`).count()).toBe(0);
    await page.getByTestId('review-sentiment').selectOption('neutral');
    await page.locator(`[data-review-id="${corrected}"] .list-row`).click();
    await expect.poll(() => page.getByTestId('label-neutral').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('review-corrected').waitFor();
    await screenshot(page, 'reviews-corrected');
    // A second correction, undone from its toast: the first one counts again.
    await page.getByTestId('label-positive').click();
    await page.getByTestId('toast-success').filter({ hasText: 'Sentiment set to Positive.' }).getByTestId('toast-action').click();
    await expect.poll(() => page.getByTestId('toast-success').last().textContent()).toContain('Undone.');
    await page.getByTestId('review-sentiment').selectOption('neutral');
    await page.locator(`[data-review-id="${corrected}"] .list-row`).click();
    await expect.poll(() => page.getByTestId('label-neutral').getAttribute('aria-pressed')).toBe('true');
  });

  test('exports the filtered scores as a CSV file', async () => {
    const { page } = harness();
    const shown = await page.getByTestId('review-row').count();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-export').click()]);
    expect(download.suggestedFilename()).toBe('review-scores.csv');
    const rows = parse(await readFile(await download.path(), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(shown);
    expect(Object.keys(rows[0] ?? {})).toEqual(['id', 'product', 'lang', 'sentiment', 'positive', 'rating', 'aspects', 'urgency', 'reasons', 'status', 'label']);
    expect(rows.some((row) => row.label === 'neutral')).toBe(true);
  });

  test('summarises a product over time with its aspects', async () => {
    const { page } = harness();
    await page.getByTestId('review-sentiment').selectOption('');
    // Agents remember names: typing one offers the matching products' SKUs, labelled with their titles.
    await page.getByTestId('review-sku').fill('over-ear');
    const offered = page.getByTestId('review-sku-products').locator('option');
    await expect.poll(() => offered.evaluateAll((options) => options.map((option) => `${(option as HTMLOptionElement).value} ${option.textContent}`))).toEqual(['SD-1204 Wireless Over-Ear Headphones']);
    await page.getByTestId('review-sku').fill('SD-1204');
    await page.getByTestId('reviews-tab-summary').click();
    // The product filter settles after a short debounce: wait for the summary of the product typed.
    await expect.poll(() => page.getByTestId('summary-sku').textContent()).toBe('SD-1204');
    await expect.poll(() => page.getByTestId('chart-bar').count()).toBeGreaterThan(0);
    // Months read as months ("Aug 2026"), not as a day and a month ("26-08"): the first bar is the month of the product's first review.
    const reviews = parse(await readFile(join(repositoryRoot, 'resources', 'demo', 'reviews.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const firstReview = reviews.filter((review) => review.sku === 'SD-1204').map((review) => review.created_at ?? '').sort()[0] ?? '';
    const firstMonth = new Date(firstReview).toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect(firstMonth).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
    expect(await page.getByTestId('chart-period').first().textContent()).toBe(firstMonth);
    await expect.poll(() => page.getByTestId('summary-aspect').count()).toBeGreaterThan(0);
    // Aspect counts read in words, and only the ones there are (no "+0" / "−0").
    const counts = await page.getByTestId('summary-aspect').locator('.aspect-head .chip').allTextContents();
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(count).toMatch(/^[1-9]\d* (positive|negative|neutral)$/);
    await screenshot(page, 'reviews-summary');
  });

  test('retrains, compares both models and switches, then goes back to the built-in model', async () => {
    const { page } = harness();
    await page.getByTestId('reviews-tab-model').click();
    await expect.poll(() => page.getByTestId('active-model').textContent()).toBe('Built-in');
    // The label corrected in the test above, counted in the singular.
    expect(await page.getByTestId('review-model').textContent()).toContain('Training data in this store: 1 correction and');
    await page.getByTestId('model-retrain').click();
    await page.getByTestId('model-comparison').waitFor();
    await expect.poll(() => page.getByTestId('evaluation-candidate').textContent()).toMatch(/reviews-\d{8}T\d{9}Z/);
    await expect.poll(() => page.getByTestId('evaluation-current').textContent()).toContain('%');
    // The panel says which model did better on the same held-out reviews; a worse candidate is not the primary action.
    const accuracy = async (testId: string) => Number(/([\d.]+)%/.exec((await page.getByTestId(testId).textContent()) ?? '')?.[1]);
    const current = await accuracy('evaluation-current');
    const candidate = await accuracy('evaluation-candidate');
    const verdict = candidate > current ? 'scored better' : candidate < current ? 'scored worse' : 'scored the same';
    expect(await page.getByTestId('model-verdict').textContent()).toContain(verdict);
    expect((await page.getByTestId('model-switch').getAttribute('class'))?.split(' ').includes('primary')).toBe(candidate > current);
    await screenshot(page, 'reviews-model-comparison');
    await page.getByTestId('model-switch').click();
    await expect.poll(() => page.getByTestId('active-model').textContent()).toMatch(/^reviews-/);
    await page.getByTestId('model-built-in').click();
    await expect.poll(() => page.getByTestId('active-model').textContent()).toBe('Built-in');
  });

  test('the triage view in dark mode', async () => {
    const { page } = harness();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByTestId('reviews-tab-summary').click();
    await expect.poll(() => page.getByTestId('chart-bar').count()).toBeGreaterThan(0);
    await screenshot(page, 'reviews-summary-dark');
    await page.getByTestId('reviews-tab-queue').click();
    await page.getByTestId('review-detail').waitFor();
    await screenshot(page, 'reviews-queue-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('filters that leave the queue empty offer Clear filters, reached with Tab, which turns every filter off', async () => {
    const { page } = harness();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('reviews-tab-queue').click();
    await page.getByTestId('review-query').fill('no review says this');
    await page.getByTestId('review-sku').fill('SD-1204');
    await page.getByTestId('review-sentiment').selectOption('negative');
    await page.getByTestId('review-aspect').selectOption({ index: 1 });
    await page.getByTestId('review-lang').selectOption('en');
    await page.getByTestId('review-status').selectOption('resolved');
    await page.getByTestId('review-from').fill('2026-01-01');
    await page.getByTestId('review-to').fill('2026-12-31');
    const clear = page.getByTestId('review-clear-filters');
    await clear.waitFor();
    expect(await page.getByTestId('review-row').count()).toBe(0);
    await screenshot(page, 'reviews-clear-filters');
    await screenshotDark(page, 'reviews-clear-filters-dark');

    // From the text filter, Tab walks the other filters (the dates field by field) and the toolbar to the button.
    await page.getByTestId('review-query').focus();
    const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    for (let presses = 0; presses < 40 && (await focusedTestId()) !== 'review-clear-filters'; presses += 1) await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('review-clear-filters');
    await page.keyboard.press('Enter');

    for (const testId of ['review-query', 'review-sku', 'review-sentiment', 'review-aspect', 'review-lang', 'review-status', 'review-from', 'review-to']) {
      expect(await page.getByTestId(testId).inputValue(), testId).toBe('');
    }
    // Every review, open and resolved; the focus goes on to the first of them.
    const demoReviews = parse(await readFile(join(repositoryRoot, 'resources', 'demo', 'reviews.csv'), 'utf8'), { columns: true }) as unknown[];
    await expect.poll(() => page.getByTestId('review-row').count()).toBe(demoReviews.length);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-review-id]') === document.querySelector('[data-testid="review-row"]'))).toBe(true);
    expect(await clear.count()).toBe(0);
  });

  test("the summary's product field names the product summarised, the selected review's, and picks another", async () => {
    const { page } = harness();
    const row = page.getByTestId('review-row').nth(2);
    await row.locator('.list-row').click();
    const sku = (await row.locator('.row-meta').textContent()) ?? '';
    expect(sku).toMatch(/^SD-/);
    expect(await page.getByTestId('review-sku').inputValue()).toBe('');

    await page.getByTestId('reviews-tab-summary').click();
    expect(await page.getByTestId('review-sku').inputValue()).toBe(sku);
    await expect.poll(() => page.getByTestId('summary-sku').textContent()).toBe(sku);
    await screenshot(page, 'reviews-summary-product');
    await screenshotDark(page, 'reviews-summary-product-dark');

    const other = sku === 'SD-1204' ? 'SD-1201' : 'SD-1204';
    await page.getByTestId('review-sku').fill(other);
    await expect.poll(() => page.getByTestId('summary-sku').textContent()).toBe(other);
    // Picking a product to summarise leaves the queue's filter alone.
    await page.getByTestId('reviews-tab-queue').click();
    expect(await page.getByTestId('review-sku').inputValue()).toBe('');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});

describe('review triage on an empty store', () => {
  const harness = useHarness({ demo: false, modelsPath: '' });

  test('Retrain is off and says what it needs instead of failing when pressed', async () => {
    const { page } = harness();
    await openView(page, 'reviews');
    await page.getByTestId('reviews-tab-model').click();
    await expect.poll(() => page.getByTestId('model-too-few').textContent()).toContain('Retraining needs at least 20 labelled reviews');
    expect(await page.getByTestId('model-retrain').isDisabled()).toBe(true);
  });
});
