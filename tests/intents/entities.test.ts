import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/core/intents/entities.ts';

const catalog = [
  { sku: 'MOUSE-1001', title: 'Wireless Mouse' },
  { sku: 'TEA-42', title: '龙井绿茶' },
  { sku: 'RING-7', title: 'Ring' },
];

function byType(text: string) {
  return extractEntities(text, catalog).map((entity) => ({ type: entity.type, value: entity.value, text: text.slice(entity.start, entity.end) }));
}

describe('extractEntities', () => {
  it('finds order numbers, emails and phone numbers in English', () => {
    expect(byType('Where is my order #100234? Mail jane.doe@example.com or call +1 (415) 555-0134.')).toEqual([
      { type: 'order', value: '100234', text: '100234' },
      { type: 'email', value: 'jane.doe@example.com', text: 'jane.doe@example.com' },
      { type: 'phone', value: '+14155550134', text: '+1 (415) 555-0134' },
    ]);
    expect(byType('order 100235 never came').map((entity) => entity.value)).toEqual(['100235']);
  });

  it('takes a courier tracking number for an order reference, letters anywhere', () => {
    expect(byType('my tracking number is 1z999aa10123450000, any news?')).toEqual([{ type: 'order', value: '1Z999AA10123450000', text: '1z999aa10123450000' }]);
    expect(byType('顺丰单号SF1717037464443').map((entity) => entity.value)).toEqual(['SF1717037464443']);
    expect(byType('tracking: unknown yet').filter((entity) => entity.type === 'order')).toEqual([]);
  });

  it('reads money amounts and dates into normalised values', () => {
    expect(byType('I paid $1,049.5 on March 3, 2026 and 20 EUR on 2026-04-01')).toEqual([
      { type: 'money', value: 'USD 1049.50', text: '$1,049.5' },
      { type: 'date', value: '2026-03-03', text: 'March 3, 2026' },
      { type: 'money', value: 'EUR 20', text: '20 EUR' },
      { type: 'date', value: '2026-04-01', text: '2026-04-01' },
    ]);
    expect(byType('it was delivered yesterday')).toEqual([{ type: 'date', value: 'yesterday', text: 'yesterday' }]);
  });

  it('works on Chinese text', () => {
    expect(byType('订单号 100234 还没发货，我付了199元，电话13812345678，2026年3月5日买的龙井绿茶')).toEqual([
      { type: 'order', value: '100234', text: '100234' },
      { type: 'money', value: 'CNY 199', text: '199元' },
      { type: 'phone', value: '13812345678', text: '13812345678' },
      { type: 'date', value: '2026-03-05', text: '2026年3月5日' },
      { type: 'product', value: 'TEA-42', text: '龙井绿茶' },
    ]);
    expect(byType('我的订单100236什么时候到？')).toEqual([{ type: 'order', value: '100236', text: '100236' }]);
  });

  it('matches catalog titles and SKUs as whole words only', () => {
    expect(byType('the wireless mouse (mouse-1001) stopped working')).toEqual([
      { type: 'product', value: 'MOUSE-1001', text: 'wireless mouse' },
      { type: 'product', value: 'MOUSE-1001', text: 'mouse-1001' },
    ]);
    expect(byType('during the delivery')).toEqual([]);
    expect(byType('I love this ring')).toEqual([{ type: 'product', value: 'RING-7', text: 'ring' }]);
  });

  it('finds nothing in a plain sentence', () => {
    expect(extractEntities('hello, can you help me please?')).toEqual([]);
  });
});
