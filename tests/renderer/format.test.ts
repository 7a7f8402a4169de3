import { describe, expect, it } from 'vitest';
import { formatPercent, formatPeriod } from '../../src/renderer/components/format.ts';

describe('display formatting', () => {
  it('writes a chart month as the language writes a short month and year, not as "26-08"', () => {
    expect(formatPeriod('2026-08', 'en')).toBe('Aug 2026');
    expect(formatPeriod('2026-12', 'en')).toBe('Dec 2026');
    expect(formatPeriod('2026-08', 'zh-CN')).toBe('2026年8月');
  });

  it('leaves a week period as the summary names it', () => {
    expect(formatPeriod('2026-W34', 'en')).toBe('2026-W34');
  });

  it('writes percentages one way everywhere, as the language does: no space before the sign', () => {
    expect(formatPercent(0.9, 'en')).toBe('90%');
    expect(formatPercent(0.889, 'en', 1)).toBe('88.9%');
    expect(formatPercent(0.9, 'en', 1)).toBe('90.0%');
    expect(formatPercent(0.52, 'zh-CN')).toBe('52%');
  });
});
