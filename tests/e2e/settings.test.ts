/**
 * Settings forms in a real browser against the demo store: the store and assistant numbers
 * refuse an empty field instead of saving it as 0, Edit on a macro brings its form to the agent,
 * a macro's intent is picked by name, and a failed import is explained in the UI's language.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFile, openView, screenshot, useHarness } from './harness.ts';

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

  test('Edit on a macro puts the caret in its form, scrolled into view', async () => {
    const { page } = harness();
    await openView(page, 'settings');
    const row = page.getByTestId('macro-admin-row').first();
    const name = await row.locator('.macro-name').textContent();
    await row.getByRole('button', { name: 'Edit' }).click();
    const field = page.getByTestId('macro-name');
    await expect.poll(() => field.inputValue()).toBe(name);
    expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
    const box = await field.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
  });

  test("a macro's intent is chosen by name, and the list shows it by name", async () => {
    const { page } = harness();
    await openView(page, 'settings');
    const intent = page.getByTestId('macro-intent');
    // Every built-in intent is offered, by the name agents read, after "no intent".
    const options = await intent.locator('option').allTextContents();
    expect(options[0]).toBe('No intent: offered by name and shortcut only');
    expect(options).toContain('Track order');
    expect(options).not.toContain('track_order');
    await page.getByTestId('macro-name').fill('Where is my parcel (test)');
    await page.getByTestId('macro-body').fill('Hi {{customer.first_name}}, order {{order.number}} is {{order.status}}.');
    await intent.selectOption({ label: 'Delivery time' });
    await page.getByTestId('macro-save').click();
    const row = page.getByTestId('macro-admin-row').filter({ hasText: 'Where is my parcel (test)' });
    await expect.poll(() => row.locator('.badge').textContent()).toBe('Delivery time');
  });

  test('in the Chinese UI a file with a bad row is refused in Chinese, naming the file, row and field', async () => {
    const { page, dataDir } = harness();
    const file = join(dataDir, 'bad-customers.csv');
    await writeFile(file, 'id,name,email\nC-OK,Ann Lee,ann@example.com\nC-BAD,Bo Chen,bo-at-example\n');
    await openView(page, 'settings');
    await page.getByTestId('language-zh-CN').click();
    await expect.poll(() => page.getByTestId('nav-settings').textContent()).toContain('设置');
    try {
      await importFile(page, 'customers', file);
      const error = page.getByTestId('import-error');
      await expect.poll(() => error.textContent()).toContain('文件 bad-customers.csv 第 2 行，字段 email：“bo-at-example”不是有效的电子邮箱地址');
      await screenshot(page, 'settings-import-error-zh-CN');
    } finally {
      await page.getByTestId('language-en').click();
    }
    // The outcome on screen follows the language: back in English it is the core's own message.
    await expect.poll(() => page.getByTestId('import-error').textContent()).toContain('bad-customers.csv: row 2, field "email": "bo-at-example" is not an email address');
  });

  test('a toast still showing when the language changes is said in the new language, its Undo too', async () => {
    const { page } = harness();
    await openView(page, 'settings');
    await page.getByTestId('export-products').click();
    const exported = page.getByTestId('toast-success').filter({ hasText: 'products.csv' });
    await expect.poll(() => exported.textContent()).toBe('Exported products.csv.');
    await page.getByTestId('language-zh-CN').click();
    try {
      await expect.poll(() => exported.textContent()).toBe('已导出 products.csv。');
      // A toast with an action: deleting a macro offers Undo, which follows the language back.
      await page.getByTestId('macro-admin-row').first().getByTestId('macro-delete').click();
      await expect.poll(() => page.getByTestId('toast-action').last().textContent()).toBe('撤销');
    } finally {
      await page.getByTestId('language-en').click();
    }
    await expect.poll(() => exported.textContent()).toBe('Exported products.csv.');
    await expect.poll(() => page.getByTestId('toast-action').last().textContent()).toBe('Undo');
    await page.getByTestId('toast-action').last().click();
  });
});
