/**
 * Undo for one-press data changes that take something out of sight: a conversation's new status
 * (a resolved one leaves the Open tab), its assignee, a cleared escalation and a deleted macro.
 */
import { describe, expect, test } from 'vitest';
import { openView, useHarness } from './harness.ts';

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
});
