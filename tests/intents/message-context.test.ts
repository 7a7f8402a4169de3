import { describe, expect, it } from 'vitest';
import { contextNegatives, parseContextSentences, withMessageContext } from '../../src/core/intents/message-context.ts';
import { seededRandom } from '../../src/core/random.ts';

const file = ['# comment', '[opening]', 'Hi there.', '你好。', '', '[background]', 'I bought a lamp.', '我是老顾客。', '[closing]', 'Thanks!', '谢谢！'].join('\n');

describe('message context for intent training', () => {
  it('reads the sections of a context file by language', () => {
    const contexts = parseContextSentences(file);
    expect(contexts.en).toEqual({ opening: ['Hi there.'], background: ['I bought a lamp.'], closing: ['Thanks!'] });
    expect(contexts.zh).toEqual({ opening: ['你好。'], background: ['我是老顾客。'], closing: ['谢谢！'] });
  });

  it('names the line of a malformed file', () => {
    expect(() => parseContextSentences('Hello.\n[opening]')).toThrow(/line 1/);
    expect(() => parseContextSentences('[opening]\nHi.\n[middle]\nx')).toThrow(/line 3: unknown section \[middle\]/);
  });

  it('wraps each row in context of its own language and keeps the intent', () => {
    const contexts = parseContextSentences(file);
    const rows = [
      { text: 'where is my refund', intent: 'track_refund' },
      { text: '我要退款', intent: 'get_refund' },
    ];
    const variants = Array.from({ length: 20 }, (_, seed) => withMessageContext(rows, contexts, seededRandom(seed))).flat();
    for (const variant of variants.filter((_, index) => index % 2 === 0)) {
      expect(variant.intent).toBe('track_refund');
      expect(variant.text).toContain('where is my refund');
      expect(variant.text.length).toBeGreaterThan('where is my refund'.length);
      expect(variant.text).not.toMatch(/\p{Script=Han}/u);
    }
    for (const variant of variants.filter((_, index) => index % 2 === 1)) {
      expect(variant.intent).toBe('get_refund');
      expect(variant.text).toContain('我要退款');
      expect(variant.text).not.toMatch(/[A-Za-z]/);
      expect(variant.text).not.toContain(' ');
    }
    expect(new Set(variants.map((variant) => variant.text)).size).toBeGreaterThan(10);
  });

  it('is reproducible from the seed', () => {
    const contexts = parseContextSentences(file);
    const rows = [{ text: 'cancel my order', intent: 'cancel_order' }];
    expect(withMessageContext(rows, contexts, seededRandom(5))).toEqual(withMessageContext(rows, contexts, seededRandom(5)));
  });

  it('makes every context sentence alone a negative, in both languages', () => {
    const negatives = contextNegatives(parseContextSentences(file));
    expect(negatives.map((row) => row.text).sort()).toEqual(['Hi there.', 'I bought a lamp.', 'Thanks!', '你好。', '我是老顾客。', '谢谢！'].sort());
    expect(new Set(negatives.map((row) => row.intent))).toEqual(new Set(['out_of_scope']));
  });
});
