import { describe, expect, it } from 'vitest';
import { escalationFor, moreSerious } from '../../src/core/assistant/escalation.ts';
import { fillMacro, firstName } from '../../src/core/assistant/macro-variables.ts';
import { addressChangeReply, askOrderNumberReply, orderStatusReply, returnEligibility } from '../../src/core/assistant/order-answers.ts';
import type { Order } from '../../src/shared/types.ts';

const order: Order = {
  number: '100231',
  customerId: 'C1',
  status: 'delivered',
  placedAt: '2026-11-01T10:00:00Z',
  shippedAt: '2026-11-02T10:00:00Z',
  deliveredAt: '2026-11-05T10:00:00Z',
  carrier: 'SF Express',
  trackingNumber: 'SF123',
  currency: 'USD',
  total: 10,
  items: [],
};

describe('assistant rules', () => {
  it('greets by first name, whole Chinese names, and leaves unknown variables visible', () => {
    expect(firstName('Ann Lee')).toBe('Ann');
    expect(firstName('王芳')).toBe('王芳');
    const filled = fillMacro('{{customer.first_name}} {{order.tracking_number}} {{order.unknown}} {{agent.name}}', {
      customer: { id: 'C1', name: '王芳', email: null, phone: null, createdAt: null },
      order: null,
      agentName: 'Sam',
    });
    expect(filled).toEqual({ text: '王芳 {{order.tracking_number}} {{order.unknown}} Sam', missing: ['order.tracking_number', 'order.unknown'] });
    // A Chinese macro says the status in Chinese; an English one keeps the store's word.
    expect(fillMacro('您的订单{{order.number}}当前状态为“{{order.status}}”', { customer: null, order, agentName: 'Sam' }).text).toBe('您的订单100231当前状态为“已签收”');
    expect(fillMacro('Your order {{order.number}} is {{order.status}}.', { customer: null, order, agentName: 'Sam' }).text).toBe('Your order 100231 is delivered.');
  });

  it('lets an address change through only before the order ships', () => {
    const paid = { ...order, status: 'paid' as const, shippedAt: null, deliveredAt: null, carrier: null, trackingNumber: null };
    expect(addressChangeReply(paid, 'Ann', 'en')).toBe('Hi Ann, order 100231 has not shipped yet, so its delivery address can still be changed: please send me the full new address.');
    expect(addressChangeReply(paid, null, 'zh')).toBe('您好，订单100231尚未发货，收货地址还可以修改，请把完整的新地址发给我。');
    const shipped = { ...order, status: 'shipped' as const, deliveredAt: null };
    expect(addressChangeReply(shipped, 'Ann', 'en')).toBe('Hi Ann, order 100231 already shipped on 2026-11-02, so we can no longer change its delivery address. Shipment: carrier SF Express, tracking number SF123.');
    expect(addressChangeReply(shipped, null, 'zh')).toBe('您好，订单100231已于2026-11-02发货，我们这边已无法修改收货地址。承运商SF Express，运单号SF123。');
    // Delivered or closed: the order's facts, no promise either way.
    expect(addressChangeReply(order, 'Ann', 'en')).toBe(orderStatusReply(order, 'Ann', 'en'));
  });

  it('states order facts in English and Chinese, and nothing the order lacks', () => {
    expect(orderStatusReply(order, 'Ann', 'en')).toBe('Hi Ann, your order 100231 was delivered on 2026-11-05. Shipment: carrier SF Express, tracking number SF123.');
    expect(orderStatusReply(order, '王芳', 'zh')).toBe('王芳您好，您的订单100231当前状态为“已签收”，签收日期2026-11-05。承运商SF Express，运单号SF123。');
    expect(orderStatusReply({ ...order, status: 'paid', carrier: null, trackingNumber: null }, null, 'en')).toBe('Hi, your order 100231 is paid and being prepared; it has not shipped yet.');
  });

  it('counts the return window from the delivery date, inclusive of the last day', () => {
    expect(returnEligibility(order, 30, new Date('2026-12-05T10:00:00Z'), null, 'en').eligible).toBe(true);
    const late = returnEligibility(order, 30, new Date('2026-12-05T10:00:01Z'), null, 'en');
    expect(late).toEqual({ eligible: false, reply: 'Hi, order 100231 was delivered on 2026-11-05; our 30-day return window ended on 2026-12-05, so it can no longer be returned under our policy.' });
    expect(returnEligibility({ ...order, status: 'shipped', deliveredAt: null }, 30, new Date(), null, 'zh').reply).toBe('您好，订单100231正在配送中，签收后30天内可以申请退货。');
    expect(askOrderNumberReply('999', [], null, 'en')).toMatch(/^Hi, I could not find an order numbered 999 on your account\. Could you send/);
  });

  it('escalates legal threats before anger before repeated misunderstanding', () => {
    expect(escalationFor({ sentiment: 'negative', positive: 0.05, reasons: ['legal_threat'] }, 2)).toBe('legal_threat');
    expect(escalationFor({ sentiment: 'negative', positive: 0.05, reasons: [] }, 2)).toBe('negative_sentiment');
    expect(escalationFor({ sentiment: 'negative', positive: 0.3, reasons: [] }, 1)).toBeNull();
    expect(escalationFor(null, 2)).toBe('repeated_out_of_scope');
    expect(moreSerious('legal_threat', 'repeated_out_of_scope')).toBe(true);
    expect(moreSerious('repeated_out_of_scope', 'negative_sentiment')).toBe(false);
  });
});
