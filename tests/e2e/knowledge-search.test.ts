/**
 * The knowledge-base search in the chat composer, keyboard only: on an empty knowledge base it
 * says how to import articles; after a small knowledge base is imported, a paraphrase that shares
 * no keyword with the article finds it, and Enter puts the article's answer into the reply draft
 * (after the agent's own text, in place of the assistant's draft). The palette opens it too.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { importFile, openView, screenshot, useHarness } from './harness.ts';

const trackingAnswer = 'Once the order ships we email the carrier and its tracking number. Tracking updates appear within 24 hours of dispatch.';
const returnsAnswer = 'You can return most items within 30 days of the delivery date. Items must be unused and in their original packaging.';
const articles = [
  { id: 'kb-tracking', title: 'Tracking an order', body: trackingAnswer },
  { id: 'kb-returns', title: 'Returns policy', body: returnsAnswer },
  { id: 'kb-payment', title: 'Payment methods', body: 'We accept credit cards, PayPal and Apple Pay. Cards are charged when the order ships.' },
  { id: 'kb-warranty', title: 'Warranty', body: 'Every appliance comes with a two year guarantee from the date of purchase.' },
];
const conversation = {
  id: 'KB-1',
  subject: 'A question about my purchase',
  messages: [{ author: 'customer', body: 'Hello, I bought a kettle from you last week and I have a question.', created_at: '2026-11-20T10:00:00Z' }],
};

function focused(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
}

async function openConversation(page: Page): Promise<void> {
  await openView(page, 'chat');
  await page.getByTestId('conversation-row').filter({ hasText: conversation.subject }).click();
  await expect.poll(() => page.getByTestId('thread-subject').textContent()).toBe(conversation.subject);
}

describe('knowledge-base search in the composer', () => {
  const harness = useHarness({ demo: false });

  test('an empty knowledge base says how to import articles and leads to the import form; Escape closes the search', async () => {
    const { page, dataDir } = harness();
    const file = join(dataDir, 'conversations.json');
    await writeFile(file, JSON.stringify([conversation]));
    await importFile(page, 'conversations', file);
    await openConversation(page);
    await page.getByTestId('composer-input').focus();
    await page.keyboard.press('Alt+KeyK');
    const empty = page.getByTestId('knowledge-empty');
    await expect.poll(() => empty.textContent()).toContain('The knowledge base is empty.');
    expect(await empty.textContent()).toContain('Settings → Import');
    await screenshot(page, 'chat-knowledge-empty');
    await page.keyboard.press('Escape');
    await page.getByTestId('knowledge-search').waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('composer-input');
    // Its button leads to the import form.
    await page.keyboard.press('Alt+KeyK');
    await expect.poll(() => focused(page)).toBe('knowledge-import');
    await page.keyboard.press('Enter');
    await page.getByTestId('view-settings').waitFor();
    await page.getByTestId('import-panel').waitFor();
  });

  test('a paraphrase finds the article, and Enter puts its answer into the reply', async () => {
    const { page, dataDir } = harness();
    const file = join(dataDir, 'kb.jsonl');
    await writeFile(file, articles.map((article) => JSON.stringify(article)).join('\n'));
    await importFile(page, 'kb', file);
    await openConversation(page);

    const composer = page.getByTestId('composer-input');
    await composer.fill('Hi, thanks for waiting!');
    await composer.focus();
    await page.keyboard.press('Alt+KeyK');
    await expect.poll(() => focused(page)).toBe('knowledge-input');
    await expect.poll(() => page.getByTestId('knowledge-search').textContent()).toContain('4 articles');
    // No word of the question is in the tracking article: only meaning and intent link them.
    await page.keyboard.type('where is my parcel');
    const results = page.getByTestId('knowledge-result');
    await expect.poll(() => results.first().getAttribute('data-article-id')).toBe('kb-tracking');
    expect(await results.first().locator('.knowledge-title').textContent()).toBe('Tracking an order');
    expect(await results.first().locator('.knowledge-snippet').textContent()).toContain('tracking number');
    expect(await results.first().getAttribute('aria-selected')).toBe('true');
    await screenshot(page, 'chat-knowledge-search');

    // The arrows move the choice and come back around.
    const count = await results.count();
    await page.keyboard.press('ArrowDown');
    expect(await results.nth(1).getAttribute('aria-selected')).toBe('true');
    for (let step = 1; step < count; step += 1) await page.keyboard.press('ArrowDown');
    expect(await results.first().getAttribute('aria-selected')).toBe('true');

    await page.keyboard.press('Enter');
    await page.getByTestId('knowledge-search').waitFor({ state: 'detached' });
    // The agent's own text stays; the answer follows it, ready to edit and send.
    await expect.poll(() => composer.inputValue()).toBe(`Hi, thanks for waiting! ${trackingAnswer}`);
    await expect.poll(() => focused(page)).toBe('composer-input');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('thread').getByTestId('message').last().textContent()).toContain(trackingAnswer);
  });

  test("an answer takes the place of the assistant's untouched draft", async () => {
    const { page } = harness();
    await openConversation(page);
    await page.getByTestId('simulator').locator('summary').click();
    await page.getByTestId('simulator-input').fill('Which payment methods do you accept?');
    await page.getByTestId('simulator-send').click();
    const composer = page.getByTestId('composer-input');
    const best = page.getByTestId('suggestion').first().locator('.suggestion-text');
    await expect.poll(async () => (await composer.inputValue()) !== '' && (await composer.inputValue()) === (await best.textContent())).toBe(true);
    expect(await composer.inputValue()).not.toBe(returnsAnswer);

    await composer.focus();
    await page.keyboard.press('Alt+KeyK');
    await page.keyboard.type('can I send it back');
    await expect.poll(() => page.getByTestId('knowledge-result').first().getAttribute('data-article-id')).toBe('kb-returns');
    await page.keyboard.press('Enter');
    await expect.poll(() => composer.inputValue()).toBe(returnsAnswer);
  });

  test('the command palette opens the search, which fits a laptop window in the dark theme', async () => {
    const { page } = harness();
    await openView(page, 'products');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      await page.keyboard.press('Control+k');
      await page.getByTestId('palette-input').fill('knowledge');
      await page.keyboard.press('Enter');
      await page.getByTestId('view-chat').waitFor();
      await expect.poll(() => focused(page)).toBe('knowledge-input');
      await page.keyboard.type('can I send it back');
      await expect.poll(() => page.getByTestId('knowledge-result').first().getAttribute('data-article-id')).toBe('kb-returns');
      await screenshot(page, 'chat-knowledge-search-dark-laptop');
      // The whole search and the reply field are on screen.
      for (const testId of ['knowledge-search', 'composer-input', 'composer-send']) {
        const box = await page.getByTestId(testId).boundingBox();
        expect(box, testId).not.toBeNull();
        expect((box?.y ?? 0) + (box?.height ?? 0), testId).toBeLessThanOrEqual(800);
        expect(box?.y ?? -1, testId).toBeGreaterThanOrEqual(0);
      }
      await page.keyboard.press('Escape');
      await page.getByTestId('knowledge-search').waitFor({ state: 'detached' });
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
