/**
 * The support assistant in a real browser against the demo store: suggestions for the open
 * conversation, inserting one (button and Alt+2), a macro from the composer, the customer
 * simulator with grounded order answers, escalation on a legal threat, and conversation
 * export and import from the chat view.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openView, screenshot, useHarness } from './harness.ts';

describe('chat assistant in the browser', () => {
  const harness = useHarness();

  test('suggestions, macros, the customer simulator and escalation', async () => {
    const { page } = harness();
    await openView(page, 'chat');
    await page.getByTestId('conversation-row').filter({ hasText: 'Where is my order 100231?' }).first().click();
    await expect.poll(() => page.getByTestId('thread-subject').textContent()).toBe('Where is my order 100231?');

    // Suggestions for the latest customer message; the best one is already drafted in the composer.
    const suggestions = page.getByTestId('suggestion');
    await expect.poll(() => suggestions.count()).toBeGreaterThan(1);
    const composer = page.getByTestId('composer-input');
    const first = (await suggestions.nth(0).locator('.suggestion-text').textContent()) ?? '';
    await expect.poll(() => composer.inputValue()).toBe(first);

    const second = (await suggestions.nth(1).locator('.suggestion-text').textContent()) ?? '';
    await page.keyboard.press('Alt+Digit2');
    await expect.poll(() => composer.inputValue()).toBe(second);
    await suggestions.nth(0).getByTestId('suggestion-insert').click();
    await expect.poll(() => composer.inputValue()).toBe(first);
    // The agent goes on typing into what they inserted: k is text there, not the previous conversation.
    await page.keyboard.type(' k');
    await expect.poll(() => composer.inputValue()).toBe(`${first} k`);
    expect(await page.getByTestId('thread-subject').textContent()).toBe('Where is my order 100231?');

    // Hiding the panel gives the thread room; the keys still insert, and it opens again.
    const toggle = page.getByTestId('suggestions-toggle');
    await toggle.click();
    await expect.poll(() => suggestions.count()).toBe(0);
    expect(await toggle.textContent()).toMatch(/^Show \d+ suggestions?$/);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Alt+Digit2');
    await expect.poll(() => composer.inputValue()).toBe(second);
    await toggle.click();
    await expect.poll(() => suggestions.count()).toBeGreaterThan(1);

    // A macro typed by its shortcut, filled with this customer and the order they wrote about.
    await composer.fill('');
    await composer.pressSequentially('/track');
    await page.getByTestId('macro-picker').getByTestId('macro-option').first().waitFor();
    await composer.press('Enter');
    await expect.poll(() => composer.inputValue()).toContain('Hi Marcus');
    expect(await composer.inputValue()).toContain('100231');
    expect(await composer.inputValue()).toContain('TT374921022GB');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('thread').getByTestId('message').last().textContent()).toContain('TT374921022GB');

    // The simulator writes as the customer; the assistant answers from the store's order.
    await page.getByTestId('simulator').locator('summary').click();
    await page.getByTestId('simulator-input').fill('What is the status of my order 100231?');
    await page.getByTestId('simulator-send').click();
    await expect.poll(() => page.getByTestId('thread').getByTestId('message').last().textContent()).toContain('What is the status of my order 100231?');
    await expect.poll(() => page.getByTestId('suggestions').textContent()).toContain('TT374921022GB');
    await expect.poll(() => page.getByTestId('suggestion').first().textContent()).toContain('100231');
    // The intent is named for people, not as the model's label (track_order).
    expect(await page.getByTestId('suggestions-intent').textContent()).toMatch(/^Intent: Track order · \d+%$/);
    await screenshot(page, 'chat-assistant');

    // A legal threat escalates the conversation: a banner in the thread and a badge in the list.
    await page.getByTestId('simulator-input').fill('This is a scam. I will contact my lawyer and sue you.');
    await page.getByTestId('simulator-send').click();
    await expect.poll(() => page.getByTestId('escalation-banner').textContent()).toContain('Legal threat');
    await expect.poll(() => page.getByTestId('conversation-row').filter({ hasText: 'Marcus' }).getByTestId('escalation-badge').count()).toBe(1);
    await screenshot(page, 'chat-escalated');
    await page.getByTestId('clear-escalation').click();
    await page.getByTestId('escalation-banner').waitFor({ state: 'detached' });
  });

  test("the assistant's draft follows the newest customer message; the agent's own text stays", async () => {
    const { page } = harness();
    await openView(page, 'chat');
    await page.getByTestId('conversation-row').filter({ hasText: 'Still no refund for returned headphones' }).first().click();
    const composer = page.getByTestId('composer-input');
    const bestText = () => page.getByTestId('suggestion').first().locator('.suggestion-text').textContent();
    await expect.poll(async () => (await composer.inputValue()) !== '' && (await composer.inputValue()) === (await bestText())).toBe(true);
    const firstDraft = await composer.inputValue();

    // A new question: the untouched draft answered the previous message, so the new best reply takes its place.
    await page.getByTestId('simulator').locator('summary').click();
    await page.getByTestId('simulator-input').fill('Where is my order 100204? What is its tracking number?');
    await page.getByTestId('simulator-send').click();
    await expect.poll(bestText).not.toBe(firstDraft);
    await expect.poll(async () => (await composer.inputValue()) === (await bestText())).toBe(true);

    // Text the agent wrote is theirs: a further customer message leaves it alone.
    await composer.fill('Let me check with the warehouse.');
    const suggestionsFor = () => page.getByTestId('suggestions').getAttribute('data-message-id');
    const answered = await suggestionsFor();
    await page.getByTestId('simulator-input').fill('Can I get a refund for order 100204 instead?');
    await page.getByTestId('simulator-send').click();
    await expect.poll(suggestionsFor).not.toBe(answered);
    expect(await composer.inputValue()).toBe('Let me check with the warehouse.');
  });

  test('a message the assistant does not understand leaves the reply empty; its guesses stay in the panel', async () => {
    const { page } = harness();
    await openView(page, 'chat');
    await page.getByTestId('conversation-row').filter({ hasText: 'Weather this weekend?' }).first().click();
    await expect.poll(() => page.getByTestId('suggestions-intent').textContent()).toMatch(/^Out of scope/);
    const composer = page.getByTestId('composer-input');
    expect(await composer.inputValue()).toBe('');
    const guesses = page.getByTestId('suggestion');
    await expect.poll(() => guesses.count()).toBeGreaterThan(0);
    await page.keyboard.press('Alt+Digit1');
    await expect.poll(() => composer.inputValue()).toBe((await guesses.first().locator('.suggestion-text').textContent()) ?? '');
  });

  test('conversations export as CSV transcripts and import again from the chat view', async () => {
    const { page, dataDir } = harness();
    await openView(page, 'chat');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('conversations-export-csv').click()]);
    const exported = await readFile((await download.path()) ?? '', 'utf8');
    expect(exported.split('\n')[0]).toBe('conversation_id,customer_id,subject,status,author,body,created_at');
    expect(exported).toContain('This is a scam. I will contact my lawyer and sue you.');
    const file = join(dataDir, 'conversations.csv');
    await writeFile(file, exported);
    await page.getByTestId('conversations-import-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('toast-success').last().textContent()).toContain('conversations.csv');
  });

  test('a status tab opens its own first conversation, not the first one of the tab before', async () => {
    const { page } = harness();
    await openView(page, 'chat');
    await page.getByTestId('chat-tab-open').click();
    await page.getByTestId('thread-subject').waitFor();
    await page.getByTestId('chat-tab-pending').click();
    const firstPending = page.getByTestId('conversation-row').first();
    await expect.poll(() => firstPending.locator('.badge').first().textContent()).toBe('Pending');
    const subject = await firstPending.locator('.row-subject').textContent();
    await expect.poll(() => page.getByTestId('thread-subject').textContent()).toBe(subject);
    expect(await page.getByTestId('status-pending').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('chat-tab-open').click();
  });
});
