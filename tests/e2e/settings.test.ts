/**
 * Settings forms in a real browser against the demo store: the store and assistant numbers
 * refuse an empty field instead of saving it as 0.
 */
import { describe, expect, test } from 'vitest';
import { openView, useHarness } from './harness.ts';

describe('settings forms', () => {
  const harness = useHarness();

  test('an emptied confidence or return window is refused, not saved as 0', async () => {
    const { page } = harness();
    await openView(page, 'settings');
    const returnWindow = page.getByTestId('return-window');
    const threshold = page.getByTestId('auto-reply-threshold');
    await expect.poll(() => returnWindow.inputValue()).not.toBe('');
    const savedWindow = await returnWindow.inputValue();
    const savedThreshold = await threshold.inputValue();
    const save = page.getByTestId('assistant-settings').getByRole('button', { name: 'Save' });

    await returnWindow.fill('');
    await save.click();
    expect(await returnWindow.evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);
    await threshold.fill('');
    await returnWindow.fill(savedWindow);
    await save.click();
    expect(await threshold.evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);
    // Nothing reached the store: no toast (neither "saved" nor the core's refusal), and a reload shows the saved values.
    await page.waitForTimeout(500);
    expect(await page.locator('.toast').count()).toBe(0);
    await page.reload();
    await openView(page, 'settings');
    await expect.poll(() => page.getByTestId('return-window').inputValue()).toBe(savedWindow);
    expect(await page.getByTestId('auto-reply-threshold').inputValue()).toBe(savedThreshold);
  });
});
