import { describe, expect, it } from 'vitest';
import { translator } from '../../src/renderer/i18n/i18n.tsx';

describe('UI strings', () => {
  it('fills placeholders and picks the English plural by count', () => {
    const english = translator('en');
    expect(english('reviews.assigned', { n: 1, name: 'Mei' })).toBe('1 review assigned to Mei.');
    expect(english('reviews.assigned', { n: 5, name: 'Mei' })).toBe('5 reviews assigned to Mei.');
    expect(english('order.items', { n: 0 })).toBe('0 items');
  });

  it('leaves a placeholder without a value visible rather than guessing', () => {
    expect(translator('en')('reviews.assigned', { n: 2 })).toBe('2 reviews assigned to {name}.');
  });

  it('has Chinese for the same messages, without English plural forms', () => {
    const chinese = translator('zh-CN');
    expect(chinese('reviews.assigned', { n: 1, name: '小周' })).toMatch(/1.*小周/);
    expect(chinese('reviews.assigned', { n: 1, name: '小周' })).not.toMatch(/\|/);
  });
});
