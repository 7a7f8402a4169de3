/**
 * The whole app in a real browser against the real browser-mode host and a demo store:
 * every view shows demo data, imports succeed and fail visibly, the palette, theme, keyboard
 * and chat work. Screenshots of each view (light and dark) go to test-artifacts/screenshots.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { importFile, openView, readDemoFacts, screenshot, searchProducts, type DemoFacts, type ViewName, useHarness } from './harness.ts';

const views: ViewName[] = ['chat', 'reviews', 'products', 'customers', 'settings'];
/** An element each view shows once its data has arrived. */
const readyMarks: Record<ViewName, string> = { chat: 'message', reviews: 'review-row', products: 'product-card', customers: 'customer-row', settings: 'table-counts' };

describe('ShopDesk in the browser', () => {
  const harness = useHarness();
  let demo: DemoFacts;

  beforeAll(async () => {
    demo = await readDemoFacts();
  });

  test('every view shows the demo store', async () => {
    const { page } = harness();

    const openConversation = demo.conversations.find((conversation) => (conversation.status ?? 'open') === 'open');
    expect(openConversation, 'the demo has an open conversation').toBeDefined();
    await openView(page, 'chat');
    await expect.poll(() => page.getByTestId('conversation-list').textContent()).toContain(openConversation?.subject);
    await expect.poll(() => page.getByTestId('thread').getByTestId('message').count()).toBeGreaterThan(0);
    await screenshot(page, 'chat');

    await openView(page, 'reviews');
    await expect.poll(() => page.getByTestId('review-row').count()).toBeGreaterThan(0);
    await page.getByTestId('review-detail').waitFor();
    await screenshot(page, 'reviews');

    const product = demo.products[0];
    await openView(page, 'products');
    await expect.poll(() => page.getByTestId('product-grid').textContent()).toContain(product?.title);
    await expect.poll(() => page.locator('.product-card img').count()).toBeGreaterThan(0);
    await screenshot(page, 'products');
    await page.getByTestId('product-card').filter({ hasText: product?.title ?? '' }).first().click();
    await expect.poll(() => page.getByTestId('product-title').textContent()).toBe(product?.title);
    await page.getByTestId('bought-together').waitFor({ state: 'attached' });
    await screenshot(page, 'product-detail');

    const customer = demo.customers[0];
    await openView(page, 'customers');
    await page.getByTestId('customer-search').fill(customer?.name ?? '');
    await page.getByTestId('customer-row').filter({ hasText: customer?.name ?? '' }).first().click();
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe(customer?.name);
    await screenshot(page, 'customers');

    await openView(page, 'settings');
    const productCount = page.getByTestId('table-counts').locator('[data-table="products"] dd');
    await expect.poll(() => productCount.textContent()).toBe(String(demo.products.length));
    // Tables are named as agents know them, not by their SQL names.
    expect(await page.getByTestId('table-counts').locator('[data-table="order_items"] dt').textContent()).toBe('Order lines');
    // The audit log says who did what in words; method names ("system.import") stay in the tooltip.
    const auditRows = page.getByTestId('audit-log').locator('tbody tr');
    await expect.poll(() => auditRows.count()).toBeGreaterThan(0);
    const actions = await auditRows.locator('td:nth-child(3)').allTextContents();
    expect(actions.filter((action) => /^[a-z]+\.[a-zA-Z]+$/.test(action))).toEqual([]);
    expect(await auditRows.first().getAttribute('title')).toMatch(/^[a-z]+\.[a-zA-Z]+ /);
    await screenshot(page, 'settings');
  });

  test('dark mode toggles, persists across a reload, and every view is captured in it', async () => {
    const { page } = harness();
    await page.getByTestId('toggle-theme').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // The token left the address bar on load; the reload reconnects with the copy kept for this tab.
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await page.getByTestId('nav-chat').waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    for (const view of views) {
      await openView(page, view);
      await page.getByTestId(readyMarks[view]).first().waitFor();
      await screenshot(page, `${view}-dark`);
    }
    await openView(page, 'settings');
    await page.getByTestId('theme-light').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });

  test('the command palette opens with Ctrl+K, filters, and runs commands from the keyboard', async () => {
    const { page } = harness();
    await openView(page, 'chat');
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('palette-input');
    await input.waitFor();
    await input.fill('customers');
    await expect.poll(() => page.getByTestId('palette-item').first().textContent()).toContain('Customers');
    await screenshot(page, 'command-palette');
    await page.keyboard.press('Enter');
    await page.getByTestId('view-customers').waitFor();
    await expect(page.getByTestId('command-palette').count()).resolves.toBe(0);
    // The view opened takes the focus (not the header's palette button), so Tab walks into it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('view-customers');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="view-customers"]') !== null)).toBe(true);

    // Arrow keys move through the filtered list; Enter runs the highlighted command.
    await page.keyboard.press('Control+k');
    await input.fill('go to');
    const third = page.getByTestId('palette-item').nth(2);
    const thirdId = (await third.getAttribute('id')) ?? '';
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => third.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByTestId(`view-${thirdId.replace('palette-go-', '')}`).waitFor();

    // Free text becomes "Search products for …", which opens Product lookup with that query.
    const title = (demo.products[1] ?? demo.products[0])?.title ?? '';
    await page.keyboard.press('Control+k');
    await input.fill(title);
    await expect.poll(() => page.getByTestId('palette-item').last().textContent()).toContain(title);
    await page.getByTestId('palette-item').last().click();
    await page.getByTestId('view-products').waitFor();
    await expect.poll(() => page.getByTestId('product-search').inputValue()).toBe(title);
    await expect.poll(() => page.getByTestId('product-grid').textContent()).toContain(title);

    await page.keyboard.press('Control+k');
    await input.waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
  });

  test('g-chords switch views and ? shows the shortcuts', async () => {
    const { page } = harness();
    await page.locator('body').click({ position: { x: 5, y: 600 } });
    await page.keyboard.press('g');
    await page.keyboard.press('u');
    await page.getByTestId('view-customers').waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('r');
    await page.getByTestId('view-reviews').waitFor();
    await page.keyboard.press('Shift+?');
    await page.getByTestId('shortcuts-help').waitFor();
    await expect(page.getByTestId('shortcuts-help').textContent()).resolves.toContain('Show or hide the customer beside the chat');
    await screenshot(page, 'shortcuts');
    // Ctrl+K from the help swaps it for the palette: one dialog at a time, one Escape to close.
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-palette').waitFor();
    await page.getByTestId('shortcuts-help').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
  });

  test('review triage: j moves the selection and e resolves the selected review', async () => {
    const { page } = harness();
    await openView(page, 'reviews');
    await expect.poll(() => page.getByTestId('review-row').count()).toBeGreaterThan(1);
    const selected = page.locator('[data-testid="review-row"].selected');
    const firstTitle = await selected.textContent();
    await page.keyboard.press('j');
    await expect.poll(() => selected.textContent()).not.toBe(firstTitle);
    const secondTitle = await selected.textContent();
    const openBefore = await page.getByTestId('review-row').count();
    await page.keyboard.press('e');
    await page.getByTestId('toast-success').first().waitFor();
    // The list shows open reviews, so the resolved one leaves it.
    await expect.poll(() => page.getByTestId('review-row').count()).toBe(openBefore - 1);
    await expect.poll(() => page.getByTestId('review-list').textContent()).not.toContain(secondTitle ?? '');

    // Select two with their checkboxes and resolve both at once.
    const remaining = await page.getByTestId('review-row').count();
    await page.getByTestId('review-row').nth(0).getByRole('checkbox').check();
    await page.getByTestId('review-row').nth(1).getByRole('checkbox').check();
    await page.getByTestId('bulk-resolve').click();
    await expect.poll(() => page.getByTestId('review-row').count()).toBe(remaining - 2);
  });

  test('a narrow window shows the customer and their order over the thread: Customer button, i, Escape', async () => {
    const { page } = harness();
    const orderConversation = demo.conversations.find((conversation) => /order \d+/.test(conversation.subject));
    const orderNumber = /order (\d+)/.exec(orderConversation?.subject ?? '')?.[1];
    expect(orderNumber, 'the demo has a conversation about an order').toBeDefined();
    // Below 1180 px there is no column for the customer.
    await page.setViewportSize({ width: 1000, height: 650 });
    try {
      await openView(page, 'chat');
      await page.getByTestId('conversation-row').filter({ hasText: orderConversation?.subject ?? '' }).first().click();
      await expect.poll(() => page.getByTestId('thread-subject').textContent()).toBe(orderConversation?.subject);
      const pane = page.getByTestId('customer-pane');
      await expect(pane.isVisible()).resolves.toBe(false);

      await page.getByTestId('customer-toggle').click();
      const order = pane.getByTestId('order').filter({ hasText: `#${orderNumber}` });
      await order.waitFor();
      await order.scrollIntoViewIfNeeded();
      await screenshot(page, 'chat-narrow-customer');
      await page.keyboard.press('Escape');
      await expect.poll(() => pane.isVisible()).toBe(false);

      await page.keyboard.press('i');
      await expect.poll(() => pane.isVisible()).toBe(true);
      await page.getByTestId('customer-pane-close').click();
      await expect.poll(() => pane.isVisible()).toBe(false);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  test('on a 1280 × 800 laptop with the simulator open, the suggestions keep one header line and their best answer in sight', async () => {
    const { page } = harness();
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      await openView(page, 'chat');
      await page.getByTestId('conversation-row').first().click();
      await page.getByTestId('simulator').locator('summary').click();
      const suggestions = page.getByTestId('suggestions');
      await suggestions.getByTestId('suggestion').first().waitFor();
      const title = await suggestions.locator('.suggestions-header strong').boundingBox();
      const hide = await page.getByTestId('suggestions-toggle').boundingBox();
      const panel = await suggestions.boundingBox();
      const best = await suggestions.getByTestId('suggestion').first().boundingBox();
      // The same line: "Hide" does not wrap under the title.
      expect(Math.abs((hide?.y ?? 0) + (hide?.height ?? 0) / 2 - ((title?.y ?? 0) + (title?.height ?? 0) / 2))).toBeLessThan(6);
      // At least 40 px of the best suggestion show inside the panel.
      expect((panel?.y ?? 0) + (panel?.height ?? 0) - (best?.y ?? 0)).toBeGreaterThan(40);
      await screenshot(page, 'chat-laptop-simulator');
    } finally {
      await page.getByTestId('simulator').locator('summary').click();
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  test('an agent reply and an internal note appear in the thread', async () => {
    const { page } = harness();
    await openView(page, 'chat');
    await page.getByTestId('conversation-row').first().click();
    const reply = `Thanks, your parcel is on its way <b>${Date.now()}</b>`;
    await page.getByTestId('composer-input').fill(reply);
    await page.keyboard.press('Control+Enter');
    // Rendered as text: the tag shows literally instead of becoming bold.
    await expect.poll(() => page.getByTestId('thread').getByTestId('message').last().textContent()).toContain(reply);
    await expect(page.getByTestId('thread').locator('b').count()).resolves.toBe(0);
    await page.getByTestId('composer-note').click();
    await page.getByTestId('composer-input').fill('Checked the courier portal.');
    await page.getByTestId('composer-send').click();
    await expect.poll(() => page.locator('.message-note').last().textContent()).toContain('Checked the courier portal.');
    // With the note added, the composer is back to replying to the customer, the caret still in it.
    await expect.poll(() => page.getByTestId('composer-reply').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('composer-note').getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByTestId('composer-send').textContent()).toBe('Send');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('composer-input');
    await screenshot(page, 'chat-thread');
  });

  test('a change made in another window reaches this one through the changed event', async () => {
    const { page, browser, url } = harness();
    await openView(page, 'chat');
    await page.getByTestId('conversation-row').first().click();
    const subject = (await page.getByTestId('thread-subject').textContent()) ?? '';

    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await other.goto(url);
    await other.getByTestId('nav-chat').waitFor();
    await other.getByTestId('conversation-row').filter({ hasText: subject }).first().click();
    await expect.poll(() => other.getByTestId('thread-subject').textContent()).toBe(subject);
    const body = `Sent from the second window ${Date.now()}`;
    await other.getByTestId('composer-input').fill(body);
    await other.getByTestId('composer-send').click();
    await expect.poll(() => other.getByTestId('thread').textContent()).toContain(body);
    await other.close();

    await expect.poll(() => page.getByTestId('thread').textContent()).toContain(body);
  });

  test('a products CSV imported through Settings shows up in Product lookup', async () => {
    const { page, dataDir } = harness();
    const sku = `E2E-${Date.now()}`;
    const file = join(dataDir, 'new-products.csv');
    await writeFile(file, `sku,title,description,category,price\n${sku},Aurora Test Lamp,A lamp added by the end-to-end test,Lighting,42.5\n`);
    await importFile(page, 'products', file);
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('new-products.csv: 1 row, 1 new');
    await screenshot(page, 'settings-import');
    await searchProducts(page, 'Aurora Test Lamp');
    await expect.poll(() => page.getByTestId('product-grid').textContent()).toContain('Aurora Test Lamp');
    await expect.poll(() => page.getByTestId('product-card').count()).toBe(1);
    // Catalog rows carry no currency: prices read in the store's, which Settings changes.
    const price = page.getByTestId('product-card').locator('.price-small');
    await expect.poll(() => price.textContent()).toBe('$42.50');
    await openView(page, 'settings');
    await page.getByTestId('store-currency').selectOption('EUR');
    await page.getByTestId('assistant-settings').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('toast-success').last().textContent()).toContain('Settings saved');
    await searchProducts(page, 'Aurora Test Lamp');
    await expect.poll(() => price.textContent()).toBe('€42.50');

    // Exporting products downloads a file that now holds the imported product.
    await openView(page, 'settings');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-products').click()]);
    const exported = await readFile((await download.path()) ?? '', 'utf8');
    expect(exported).toContain(sku);
    expect(exported).toContain(demo.products[0]?.sku ?? 'missing');
  });

  test('a CSV with a bad row fails with a message naming the row and the field', async () => {
    const { page, dataDir } = harness();
    const file = join(dataDir, 'bad-products.csv');
    await writeFile(file, 'sku,title,price\nOK-1,Fine product,3\nBAD-2,Broken price,not-a-number\n');
    await importFile(page, 'products', file);
    const message = await page.getByTestId('import-error').textContent();
    expect(message).toContain('bad-products.csv');
    // The second record is the bad one.
    expect(message).toMatch(/row 2\b/);
    expect(message).toContain('price');
    await screenshot(page, 'settings-import-error');
  });

  // Last in this file on purpose: it covers everything the tests above did (views, reload, imports, a failed import).
  test('the page logged no errors: no missing resource, no uncaught exception', () => {
    expect(harness().consoleErrors).toEqual([]);
  });
});
