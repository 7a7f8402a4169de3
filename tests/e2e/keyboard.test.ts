/**
 * Keyboard-only work: the conversation list driven by the same keys as the review queue
 * (j / k, r, e), listed in the "?" help; focus that stays somewhere useful when the element
 * holding it goes away (a product card, a Send button disabled while sending).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openView, useHarness } from './harness.ts';

/** Leaves no field focused, as after a click on empty space: single-letter shortcuts apply. */
async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
}

function focused(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
}

describe('keyboard', () => {
  const harness = useHarness();

  test('j / k move through conversations, r writes the reply, e resolves', async () => {
    const { page } = harness();
    await openView(page, 'chat');
    const rows = page.getByTestId('conversation-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    await rows.first().click();
    const subjects = await rows.locator('.row-subject').allTextContents();
    const subject = page.getByTestId('thread-subject');
    await expect.poll(() => subject.textContent()).toBe(subjects[0]);
    await blur(page);

    await page.keyboard.press('j');
    await expect.poll(() => subject.textContent()).toBe(subjects[1]);
    await page.keyboard.press('j');
    await expect.poll(() => subject.textContent()).toBe(subjects[2]);
    await page.keyboard.press('k');
    await expect.poll(() => subject.textContent()).toBe(subjects[1]);
    expect(await rows.nth(1).getAttribute('aria-current')).toBe('true');

    await page.keyboard.press('r');
    await expect.poll(() => focused(page)).toBe('composer-input');
    // Typed into the reply, the same letters are text, not shortcuts.
    await page.keyboard.type('jke');
    expect(await subject.textContent()).toBe(subjects[1]);
    await page.getByTestId('composer-input').fill('');

    await blur(page);
    await page.keyboard.press('e');
    await expect.poll(() => page.getByTestId('status-resolved').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('toast-success').filter({ hasText: 'Conversation marked Resolved.' }).getByTestId('toast-action').click();
    await expect.poll(() => page.getByTestId('status-open').getAttribute('aria-pressed')).toBe('true');
  });

  test('"g r" still leaves Chat for Review triage, though r alone writes the reply there', async () => {
    const { page } = harness();
    // Chat is the view the app opens with: its shortcuts are registered before the shell's.
    await page.reload();
    await page.getByTestId('thread-subject').waitFor();
    await blur(page);
    await page.keyboard.press('g');
    await page.keyboard.press('r');
    await page.getByTestId('view-reviews').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  });

  test("the browser's Back and Forward move between the views visited, and do not leave the app", async () => {
    const { page, url } = harness();
    await page.reload();
    await page.getByTestId('view-chat').waitFor();
    await openView(page, 'reviews');
    await openView(page, 'products');
    await page.goBack();
    await page.getByTestId('view-reviews').waitFor();
    await page.goBack();
    await page.getByTestId('view-chat').waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(url).origin);
    await page.goForward();
    await page.getByTestId('view-reviews').waitFor();
    // A one-shot request (the palette's knowledge-base search) is not replayed on coming back.
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('knowledge');
    await page.keyboard.press('Enter');
    await page.getByTestId('knowledge-search').waitFor();
    await openView(page, 'customers');
    await page.goBack();
    await page.getByTestId('view-chat').waitFor();
    expect(await page.getByTestId('knowledge-search').count()).toBe(0);
  });

  test('a product opened from the keyboard focuses the way back, and going back focuses its card', async () => {
    const { page } = harness();
    await openView(page, 'products');
    const card = page.getByTestId('product-card').nth(2);
    const sku = await card.getAttribute('data-sku');
    await card.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('product-detail').waitFor();
    await expect.poll(() => focused(page)).toBe('product-back');
    await page.keyboard.press('Enter');
    await page.getByTestId('product-grid').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-sku'))).toBe(sku);
  });

  test('sending with the Send buttons leaves the caret in the field it sent from', async () => {
    const { page } = harness();
    await openView(page, 'chat');
    await page.getByTestId('thread-subject').waitFor();
    const messages = page.getByTestId('thread').getByTestId('message');

    await page.getByTestId('simulator').locator('summary').click();
    await page.getByTestId('simulator-input').fill('Is there a phone number I can call?');
    let count = await messages.count();
    await page.getByTestId('simulator-send').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => messages.count()).toBe(count + 1);
    await expect.poll(() => focused(page)).toBe('simulator-input');

    await page.getByTestId('composer-note').click();
    await page.getByTestId('composer-input').fill('Customer asked for a phone line.');
    count = await messages.count();
    await page.getByTestId('composer-send').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => messages.count()).toBe(count + 1);
    await expect.poll(() => focused(page)).toBe('composer-input');
  });

  test('choosing Internal note puts the caret in the note: its letters are text, not shortcuts', async () => {
    const { page } = harness();
    await openView(page, 'chat');
    await page.getByTestId('conversation-row').first().click();
    await page.getByTestId('thread-subject').waitFor();
    const composer = page.getByTestId('composer-input');
    await composer.fill('');
    await blur(page);
    await page.getByTestId('composer-note').click();
    await expect.poll(() => focused(page)).toBe('composer-input');
    // e alone resolves the conversation, j opens the next one: here they are the note's words.
    await page.keyboard.type('Checked the warehouse, package resent');
    expect(await composer.inputValue()).toBe('Checked the warehouse, package resent');
    expect(await page.getByTestId('status-open').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('composer-reply').click();
    await expect.poll(() => focused(page)).toBe('composer-input');
  });

  test('the help lists the shared keys for conversations and reviews', async () => {
    const { page } = harness();
    await blur(page);
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcuts-help');
    await help.waitFor();
    expect(await help.textContent()).toContain('Next conversation or review');
    expect(await help.textContent()).toContain('Search the knowledge base and insert an answer into the reply');
    expect(await help.textContent()).toContain('Back from a product to the results, as the Back button (also Esc)Alt+←');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  test('shortcut hints name the platform modifier: ⌘ on a Mac, Ctrl elsewhere', async () => {
    const { browser, url } = harness();
    const placeholders: Record<string, string | null> = {};
    for (const [platform, userAgent] of [
      ['mac', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36'],
      ['linux', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36'],
    ] as const) {
      const page = await browser.newPage({ userAgent });
      try {
        await page.goto(url);
        await openView(page, 'chat');
        await page.getByTestId('conversation-row').first().click();
        const composer = page.locator('#chat-composer-input');
        await composer.waitFor();
        placeholders[platform] = await composer.getAttribute('placeholder');
      } finally {
        await page.close();
      }
    }
    expect(placeholders).toEqual({ mac: 'Write a reply… (⌘+Enter to send)', linux: 'Write a reply… (Ctrl+Enter to send)' });
  });
});
