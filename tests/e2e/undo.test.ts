/**
 * Undo for one-press data changes that take something out of sight: a conversation's new status
 * (a resolved one leaves the Open tab), its assignee, a cleared escalation and a deleted macro.
 * An Undo pressed with the mouse gives the focus back to the control pressed or what came back;
 * the toasts carrying Undo cover no primary action on a laptop screen.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openView, screenshot, screenshotDark, useHarness } from './harness.ts';

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** The test ids of `controls` that a shown toast overlaps. */
async function coveredControls(page: Page, controls: Locator): Promise<string[]> {
  const toasts = await page.locator('.toasts > *').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().toJSON() as DOMRect));
  const covered: string[] = [];
  for (const control of await controls.all()) {
    const box = await control.boundingBox();
    if (!box) continue;
    const overlaps = toasts.some((toast) => toast.left < box.x + box.width && box.x < toast.right && toast.top < box.y + box.height && box.y < toast.bottom);
    if (overlaps) covered.push((await control.getAttribute('data-testid')) ?? (await control.textContent()) ?? '?');
  }
  return covered;
}

/** Whether a click in the middle of each shown Undo lands on it: nothing covers them. */
function undoButtonsOnTop(page: Page): Promise<boolean[]> {
  return page.getByTestId('toast-action').evaluateAll((buttons) =>
    buttons.map((button) => {
      const box = button.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('button') === button;
    }),
  );
}

describe('undo', () => {
  const harness = useHarness();

  test("a conversation's status change is undone from its toast", async () => {
    const { page } = harness();
    await openView(page, 'chat');
    const row = page.getByTestId('conversation-row').filter({ hasText: 'Where is my order 100231?' });
    await row.first().click();
    await expect.poll(() => page.getByTestId('thread-subject').textContent()).toBe('Where is my order 100231?');

    await page.getByTestId('status-resolved').click();
    await expect.poll(() => row.count()).toBe(0);
    const toast = page.getByTestId('toast-success').filter({ hasText: 'Conversation marked Resolved.' });
    await toast.getByTestId('toast-action').click();

    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => page.getByTestId('status-open').getAttribute('aria-pressed')).toBe('true');
    // The Undo pressed went with its toast: the focus is back on the button that made the change, not on the page.
    await expect.poll(() => focusedTestId(page)).toBe('status-resolved');
  });

  test('Ctrl+Z outside a text field undoes the newest change; in the reply it undoes typing only', async () => {
    const { page } = harness();
    await openView(page, 'chat');
    const row = page.getByTestId('conversation-row').filter({ hasText: 'Where is my order 100231?' });
    await row.first().click();
    await expect.poll(() => page.getByTestId('thread-subject').textContent()).toBe('Where is my order 100231?');
    await page.getByTestId('status-pending').click();
    await expect.poll(() => row.count()).toBe(0);

    // In the reply, Ctrl+Z belongs to the text: the conversation stays Pending.
    await page.getByTestId('composer-input').focus();
    await page.keyboard.press('Control+z');
    expect(await page.getByTestId('status-pending').getAttribute('aria-pressed')).toBe('true');

    await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
    await page.keyboard.press('Control+z');
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => page.getByTestId('status-open').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('toast-success').filter({ hasText: 'Conversation marked Pending.' }).count()).toBe(0);
  });

  test('"Assign to me" is undone from its toast: the conversation is unassigned again', async () => {
    const { page } = harness();
    await openView(page, 'chat');
    await page.getByTestId('conversation-row').filter({ hasText: 'Where is my order 100231?' }).first().click();
    const header = page.getByTestId('thread-assignee');
    await expect.poll(() => header.textContent()).toContain('Unassigned');
    await page.getByTestId('assign-to-me').click();
    await expect.poll(() => header.textContent()).toContain('Assigned to Agent');
    await page.getByTestId('toast-success').filter({ hasText: 'Assigned to Agent' }).getByTestId('toast-action').click();
    await expect.poll(() => header.textContent()).toContain('Unassigned');
  });

  test('a cleared escalation comes back with Undo, with its reason', async () => {
    const { page } = harness();
    await openView(page, 'chat');
    await page.getByTestId('conversation-row').filter({ hasText: 'Escalated' }).first().click();
    const banner = page.getByTestId('escalation-banner');
    await banner.waitFor();
    const reason = await banner.textContent();
    await page.getByTestId('clear-escalation').click();
    await banner.waitFor({ state: 'detached' });
    await page.getByTestId('toast-success').filter({ hasText: 'Escalation cleared' }).getByTestId('toast-action').click();
    await banner.waitFor();
    expect(await banner.textContent()).toBe(reason);
    // The button pressed went with the banner; the focus goes to the one the banner came back with.
    await expect.poll(() => focusedTestId(page)).toBe('clear-escalation');
  });

  test('a deleted macro comes back with Undo and can be inserted again', async () => {
    const { page } = harness();
    await openView(page, 'settings');
    const row = page.getByTestId('macro-admin-row').filter({ hasText: 'Order status with tracking' });
    await expect.poll(() => row.count()).toBe(1);

    await row.getByTestId('macro-delete').click();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByTestId('toast-success').filter({ hasText: 'Macro “Order status with tracking” deleted.' }).getByTestId('toast-action').click();
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('kbd').textContent()).toBe('/track');
    // The focus is on the restored macro's Delete button, where it was when the macro went.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="macro-admin-row"]')?.querySelector('.macro-name')?.textContent ?? null)).toBe('Order status with tracking');
    expect(await focusedTestId(page)).toBe('macro-delete');

    // The restored macro is the same canned reply: its shortcut fills it in for a conversation.
    await openView(page, 'chat');
    await page.getByTestId('conversation-row').filter({ hasText: 'Where is my order 100231?' }).first().click();
    const composer = page.getByTestId('composer-input');
    // The assistant's draft arrives first; cleared before it lands, it would fill the cleared field.
    await expect.poll(() => composer.inputValue()).not.toBe('');
    await composer.fill('');
    await composer.pressSequentially('/track');
    await page.getByTestId('macro-picker').getByTestId('macro-option').filter({ hasText: 'Order status with tracking' }).waitFor();
    await composer.press('Enter');
    await expect.poll(() => composer.inputValue()).toContain('TT374921022GB');
  });

  test('at 1280 × 800 toasts cover neither the composer nor a review\'s buttons; three show, older ones fold, every Undo can be pressed', async () => {
    const { page } = harness();
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      // No toasts left from the tests above.
      await page.reload();
      await openView(page, 'chat');
      await page.getByTestId('conversation-row').filter({ hasText: 'Where is my order 100231?' }).first().click();
      await expect.poll(() => page.getByTestId('thread-subject').textContent()).toBe('Where is my order 100231?');
      for (const status of ['pending', 'open', 'pending', 'open']) {
        await page.getByTestId(`status-${status}`).click();
        await expect.poll(() => page.getByTestId(`status-${status}`).getAttribute('aria-pressed')).toBe('true');
      }
      // Four changes, three toasts: the oldest folds into a button that shows it again.
      await expect.poll(() => page.getByTestId('toast-success').count()).toBe(3);
      expect(await page.getByTestId('toast-more').textContent()).toBe('1 earlier notice');
      const chatControls = page.locator('.composer button, .thread-pane header button, [data-testid="composer-input"]');
      expect(await chatControls.count()).toBeGreaterThan(5);
      expect(await coveredControls(page, chatControls)).toEqual([]);
      expect(await undoButtonsOnTop(page)).toEqual([true, true, true]);
      await screenshot(page, 'toasts-chat-1280');
      await screenshotDark(page, 'toasts-chat-1280-dark');
      await page.getByTestId('toast-more').click();
      await expect.poll(() => page.getByTestId('toast-success').count()).toBe(4);
      expect(await undoButtonsOnTop(page)).toEqual([true, true, true, true]);
      expect(await coveredControls(page, chatControls)).toEqual([]);

      await openView(page, 'reviews');
      await page.getByTestId('review-row').first().locator('.list-row').click();
      for (const label of ['neutral', 'positive', 'negative']) await page.getByTestId(`label-${label}`).click();
      await expect.poll(() => page.getByTestId('toast-success').filter({ hasText: 'Sentiment set to' }).count()).toBe(3);
      const reviewControls = page.locator('[data-testid="review-detail"] button');
      expect(await coveredControls(page, reviewControls)).toEqual([]);
      expect((await undoButtonsOnTop(page)).every(Boolean)).toBe(true);
      await screenshot(page, 'toasts-reviews-1280');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
