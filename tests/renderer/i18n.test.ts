import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeIntent } from '../../src/renderer/components/intent-name.ts';
import { describeReason } from '../../src/renderer/components/recommendation-reason.ts';
import { describeSource } from '../../src/renderer/components/suggestion-source.ts';
import { describeTask } from '../../src/renderer/components/progress-task.ts';
import { translator } from '../../src/renderer/i18n/i18n.tsx';
import { reviewAspects, urgencyReasons } from '../../src/shared/types.ts';

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

  it('names every urgency reason and aspect the models report, in both languages', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const translate = translator(language);
      for (const reason of urgencyReasons) expect(translate(`reviews.reason.${reason}`)).toMatch(/\S/);
      for (const aspect of reviewAspects) expect(translate(`reviews.aspect.${aspect}`)).toMatch(/\S/);
    }
    expect(translator('zh-CN')('reviews.reason.legal_threat')).not.toBe(translator('en')('reviews.reason.legal_threat'));
  });

  it('says why a product is recommended in the UI language', () => {
    const english = translator('en');
    const chinese = translator('zh-CN');
    expect(describeReason(english, { kind: 'bought_with', item: 'Green tea', customers: 1 })).toBe('bought with “Green tea” by 1 customer');
    expect(describeReason(english, { kind: 'bought_with', item: null, customers: 3 })).toBe('bought with this by 3 customers');
    expect(describeReason(english, { kind: 'popular', category: 'Tea', customers: null })).toBe('popular in Tea');
    expect(describeReason(english, { kind: 'popular', category: null, customers: 4 })).toBe('popular: bought by 4 customers');
    expect(describeReason(chinese, { kind: 'similar_to', item: '绿茶' })).toBe('与“绿茶”相似');
  });

  it('names every intent of the built-in model in both languages, and makes those of a custom model readable', () => {
    const { labels } = JSON.parse(readFileSync(new URL('../../models/intent-ecommerce/manifest.json', import.meta.url), 'utf8')) as { labels: string[] };
    const intents = labels.filter((label) => label !== 'out_of_scope');
    expect(intents).toHaveLength(27);
    const english = translator('en');
    const chinese = translator('zh-CN');
    for (const intent of intents) {
      expect(describeIntent(english, intent), intent).not.toMatch(/_|^intent\./);
      expect(describeIntent(chinese, intent), intent).toMatch(/\p{Script=Han}/u);
    }
    expect(describeIntent(english, 'track_order')).toBe('Track order');
    expect(describeIntent(english, 'card_arrival')).toBe('card arrival');
    expect(describeIntent(english, 'toString')).toBe('toString');
  });

  it('says where a suggestion comes from in the UI language, keeping article and macro titles as written', () => {
    const english = translator('en');
    const chinese = translator('zh-CN');
    const order = { type: 'order' as const, id: '5001', title: 'Order 5001 (shipped)', note: { kind: 'order' as const, number: '5001', status: 'shipped' as const } };
    expect(describeSource(english, order)).toBe('Order 5001 (Shipped)');
    expect(describeSource(chinese, order)).toBe('订单 5001（已发货）');
    expect(describeSource(chinese, { type: 'policy', id: 'settings.returnWindowDays', title: 'Return window: 30 days', note: { kind: 'return_window', days: 30 } })).toBe('退货期限：30 天');
    expect(describeSource(english, { type: 'policy', id: 'p', title: 'x', note: { kind: 'return_window', days: 1 } })).toBe('Return window: 1 day');
    expect(describeSource(chinese, { type: 'order', id: '', title: 'Customer not identified', note: { kind: 'customer_unknown', number: null } })).toBe('未识别客户');
    expect(describeSource(chinese, { type: 'kb', id: 'kb-1', title: 'Returns policy' })).toBe('Returns policy');
  });

  it('names long jobs in the UI language', () => {
    const english = translator('en');
    const chinese = translator('zh-CN');
    expect(describeTask(english, { kind: 'import', importKind: 'kb', fileName: 'faq.jsonl' })).toBe('Importing knowledge base from faq.jsonl');
    expect(describeTask(chinese, { kind: 'import', importKind: 'products', fileName: 'p.csv' })).toBe('正在从 p.csv 导入商品');
    expect(describeTask(english, { kind: 'retrain_reviews', reviews: 1 })).toBe('Retraining the review model on 1 review');
    expect(describeTask(chinese, { kind: 'train_recommendations' })).toBe('正在训练推荐模型');
  });
});
