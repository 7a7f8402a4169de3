/**
 * Customers in a real browser against the demo store: an order's item, and a product suggested for
 * the customer, open in Product lookup; a long customer list pages with "Load more".
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFile, openView, screenshot, useHarness } from './harness.ts';

describe('customers', () => {
  const harness = useHarness();

  test("an item of a customer's order opens that product in Product lookup", async () => {
    const { page } = harness();
    await openView(page, 'customers');
    await page.getByTestId('customer-row').first().click();
    const item = page.getByTestId('order').first().getByTestId('order-item-product').first();
    await item.waitFor();
    const title = await item.textContent();
    await screenshot(page, 'customer-orders');
    await item.click();
    await page.getByTestId('view-products').waitFor();
    await expect.poll(() => page.getByTestId('product-title').textContent()).toBe(title);
    // Back leads to the catalog, where the product's card has the focus.
    await page.getByTestId('product-back').click();
    await page.getByTestId('product-grid').waitFor();
    expect(await page.evaluate(() => document.activeElement?.querySelector('.product-card-title')?.textContent)).toBe(title);
  });

  test('a product suggested "for this customer" opens in Product lookup, from Customers and from Chat', async () => {
    const { page } = harness();
    for (const view of ['customers', 'chat'] as const) {
      await openView(page, view);
      await page.getByTestId(view === 'customers' ? 'customer-row' : 'conversation-row').first().click();
      const suggestion = page.getByTestId('customer-suggestion').first();
      await suggestion.waitFor();
      const title = await suggestion.locator('.row-title').textContent();
      await suggestion.getByRole('button').click();
      await page.getByTestId('view-products').waitFor();
      await expect.poll(() => page.getByTestId('product-title').textContent()).toBe(title);
      await page.getByTestId('product-back').click();
    }
  });

  test("a pending conversation opened from the customer's history shows under the Pending tab, marked in the list", async () => {
    const { page } = harness();
    await openView(page, 'chat');
    await page.getByTestId('conversation-row').filter({ hasText: 'Where is my order 100231?' }).first().click();
    await expect.poll(() => page.getByTestId('thread-subject').textContent()).toBe('Where is my order 100231?');
    await page.getByTestId('status-pending').click();
    await expect.poll(() => page.getByTestId('status-pending').getAttribute('aria-pressed')).toBe('true');

    await openView(page, 'customers');
    await page.getByTestId('customer-row').filter({ hasText: 'Marcus Reid' }).click();
    await page.getByTestId('customer-detail').getByRole('button', { name: /Where is my order 100231\?/ }).click();
    await page.getByTestId('view-chat').waitFor();
    await expect.poll(() => page.getByTestId('thread-subject').textContent()).toBe('Where is my order 100231?');
    await expect.poll(() => page.getByTestId('chat-tab-pending').getAttribute('aria-selected')).toBe('true');
    const marked = page.locator('[data-testid="conversation-row"][aria-current="true"]');
    await expect.poll(() => marked.locator('.row-subject').textContent()).toBe('Where is my order 100231?');
    await page.getByTestId('status-open').click();
  });

  test('a store with more customers than one page lists the rest with "Load more"', async () => {
    const { page, dataDir } = harness();
    const rows = Array.from({ length: 250 }, (_, index) => `BULK-${String(index).padStart(3, '0')},Bulk Customer ${index},bulk${index}@example.com,,`);
    const file = join(dataDir, 'many-customers.csv');
    await writeFile(file, `id,name,email,phone,created_at\n${rows.join('\n')}\n`);
    await importFile(page, 'customers', file);
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('250 new');
    await openView(page, 'customers');
    const listed = page.getByTestId('customer-row');
    await expect.poll(() => listed.count()).toBe(200);
    await page.getByTestId('customers-load-more').click();
    // The 250 imported plus the demo's own customers, all listed now.
    await expect.poll(() => listed.count()).toBeGreaterThan(250);
    await expect.poll(() => page.getByTestId('customers-load-more').count()).toBe(0);
  });
});
