/** Customers in a real browser against the demo store: an order's item opens its product in Product lookup. */
import { describe, expect, test } from 'vitest';
import { openView, screenshot, useHarness } from './harness.ts';

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
});
