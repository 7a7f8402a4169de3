/**
 * Colour contrast of what each view shows, in the light and the dark theme: text needs WCAG AA
 * (4.5:1, large text 3:1) against the background it is drawn on, tinted rows and badges included;
 * rating stars, read as a graphic, need 3:1. The chat's knowledge-base search is checked open, and toasts stacked past their cap.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openView, useHarness, type ViewName } from './harness.ts';

const views: ViewName[] = ['chat', 'reviews', 'products', 'customers', 'settings'];
const readyMarks: Record<ViewName, string> = { chat: 'suggestion', reviews: 'review-row', products: 'product-card', customers: 'customer-row', settings: 'table-counts' };

/** Every visible text element in the window whose contrast is below its threshold, described for the failure message. */
function lowContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Colour = { r: number; g: number; b: number; a: number };
    const parse = (value: string): Colour | null => {
      const match = /rgba?\(([^)]+)\)/.exec(value);
      if (!match?.[1]) return null;
      const [r = 0, g = 0, b = 0, a = 1] = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const over = (top: Colour, bottom: Colour): Colour => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
      a: 1,
    });
    const luminance = ({ r, g, b }: Colour) => {
      const channel = (value: number) => {
        const v = value / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    // The background an element is painted on: its own and its ancestors' fills, stacked up to the first opaque one.
    const background = (element: Element): Colour => {
      const layers: Colour[] = [];
      for (let current: Element | null = element; current; current = current.parentElement) {
        const fill = parse(getComputedStyle(current).backgroundColor);
        if (fill && fill.a > 0) {
          layers.push(fill);
          if (fill.a >= 1) break;
        }
      }
      return layers.reverse().reduce((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
    };
    const failures: string[] = [];
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const element = walker.currentNode.parentElement;
      const text = walker.currentNode.textContent?.trim() ?? '';
      if (!text || !element || seen.has(element)) continue;
      seen.add(element);
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.bottom < 0 || box.top > window.innerHeight) continue;
      const style = getComputedStyle(element);
      // Disabled controls are exempt from the contrast rule.
      if (style.visibility === 'hidden' || element.closest('button:disabled')) continue;
      const fill = background(element);
      const colour = parse(style.color);
      if (!colour) continue;
      const [lighter, darker] = [luminance(over(colour, fill)), luminance(fill)].sort((a, b) => b - a) as [number, number];
      const ratio = (lighter + 0.05) / (darker + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const graphic = element.closest('.stars') !== null;
      const needed = graphic || large ? 3 : 4.5;
      if (ratio < needed) failures.push(`${ratio.toFixed(2)} < ${needed}: ${element.tagName.toLowerCase()}.${String(element.className).replace(/\s+/g, '.')} "${text.slice(0, 30)}"`);
    }
    return failures;
  });
}

describe('colour contrast', () => {
  const harness = useHarness();

  for (const theme of ['light', 'dark'] as const) {
    test(`every view reads clearly in the ${theme} theme`, async () => {
      const { page } = harness();
      await page.setViewportSize({ width: 1280, height: 800 });
      await openView(page, 'settings');
      await page.getByTestId(`theme-${theme}`).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const failures: string[] = [];
      for (const view of views) {
        await openView(page, view);
        await page.getByTestId(readyMarks[view]).first().waitFor();
        failures.push(...(await lowContrast(page)).map((failure) => `${view}: ${failure}`));
      }
      // The knowledge-base search, drawn over the thread with its chosen result tinted.
      await openView(page, 'chat');
      await page.getByTestId('composer-input').focus();
      await page.keyboard.press('Alt+KeyK');
      await page.getByTestId('knowledge-input').fill('where is my parcel');
      await page.getByTestId('knowledge-result').first().waitFor();
      failures.push(...(await lowContrast(page)).map((failure) => `knowledge search: ${failure}`));
      await page.keyboard.press('Escape');
      // Toasts with Undo, more than three: the newest shown, the older folded into a button.
      for (const status of ['pending', 'open', 'pending', 'open']) {
        await page.getByTestId(`status-${status}`).click();
        await expect.poll(() => page.getByTestId(`status-${status}`).getAttribute('aria-pressed')).toBe('true');
      }
      await page.getByTestId('toast-more').waitFor();
      failures.push(...(await lowContrast(page)).map((failure) => `toasts: ${failure}`));
      expect(failures).toEqual([]);
    });
  }
});
