/** First run on an empty data folder: the welcome dialog builds the demo store, and the UI switches language. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openView, readDemoFacts, screenshot, startHarness, type Harness } from './harness.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: false, colorScheme: 'dark' });
});

afterAll(async () => {
  await harness?.close();
});

test('the welcome dialog creates the demo store and is not shown again', async () => {
  const { page } = harness;
  const demo = await readDemoFacts();
  // The OS prefers dark and the setting is "system": the app follows it.
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await page.getByTestId('welcome').waitFor();
  await screenshot(page, 'welcome');
  await page.getByTestId('welcome-demo').click();
  await page.getByTestId('welcome').waitFor({ state: 'detached', timeout: 60_000 });
  await openView(page, 'products');
  await expect.poll(() => page.getByTestId('product-grid').textContent(), { timeout: 15_000 }).toContain(demo.products[0]?.title);
  await page.reload();
  await page.getByTestId('nav-chat').waitFor();
  expect(await page.getByTestId('welcome').count()).toBe(0);
});

test('switching the language to Simplified Chinese translates the interface', async () => {
  const { page } = harness;
  await openView(page, 'settings');
  await page.getByTestId('language-zh-CN').click();
  await expect.poll(() => page.getByTestId('nav-products').textContent()).toContain('商品查询');
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  // Words that come from the core in English (model tasks, table and audit names) read in Chinese too.
  const reviewModelRow = page.getByTestId('models').locator('tr', { hasText: 'review-sentiment' });
  await expect.poll(() => reviewModelRow.locator('td:nth-child(2)').textContent()).toBe('评价情感与星级（英文 + 中文）');
  expect(await page.getByTestId('table-counts').locator('[data-table="products"] dt').textContent()).toBe('商品');
  await screenshot(page, 'settings-zh-CN');
  await page.getByTestId('language-en').click();
  await expect.poll(() => page.getByTestId('nav-products').textContent()).toContain('Product lookup');
});
