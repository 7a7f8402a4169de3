import { describe, expect, it } from 'vitest';
import { aspectsInClause } from '../../src/core/reviews/model/aspects.ts';
import { splitClauses } from '../../src/core/reviews/model/clauses.ts';
import { assessUrgency, urgencyReasonsOf, urgencyScore } from '../../src/core/reviews/model/urgency.ts';
import { normalizeText } from '../../src/core/text/normalize.ts';

const clauses = (text: string) => splitClauses(normalizeText(text));
const aspectsOf = (text: string) => [...new Set(clauses(text).flatMap(aspectsInClause))].sort();
const reasonsOf = (text: string, positive = 0.1) => urgencyReasonsOf(normalizeText(text), positive);

describe('clauses', () => {
  it('split on punctuation and contrast words in both languages', () => {
    expect(clauses('Fits well but the delivery was slow. Love it!')).toEqual(['fits well', 'the delivery was slow', 'love it']);
    expect(clauses('物流很快，包装很好，就是价格有点贵')).toEqual(['物流很快', '包装很好', '价格有点贵']);
  });
});

describe('aspects', () => {
  it('finds the eight aspects in English', () => {
    expect(aspectsOf('The fabric feels cheap')).toEqual(['quality']);
    expect(aspectsOf('Runs small, order a size up')).toEqual(['size_fit']);
    expect(aspectsOf('Shipping took two weeks')).toEqual(['delivery']);
    expect(aspectsOf('Not worth the price')).toEqual(['price_value']);
    expect(aspectsOf('The box was crushed')).toEqual(['packaging']);
    expect(aspectsOf('Customer service never replied')).toEqual(['customer_service']);
    expect(aspectsOf('The battery dies in an hour')).toEqual(['function_performance']);
    expect(aspectsOf('It smells like plastic')).toEqual(['taste_smell']);
    // A thing that fails says so without naming a part: "it broke", "the kettle died".
    expect(aspectsOf('Terrible, it broke after a day')).toEqual(['function_performance']);
    expect(aspectsOf('The kettle died after a week')).toEqual(['function_performance']);
  });

  it('finds the eight aspects in Chinese', () => {
    expect(aspectsOf('做工很粗糙')).toEqual(['quality']);
    expect(aspectsOf('尺码偏小')).toEqual(['size_fit']);
    expect(aspectsOf('快递太慢了')).toEqual(['delivery']);
    expect(aspectsOf('性价比很高')).toEqual(['price_value']);
    expect(aspectsOf('外包装破了')).toEqual(['packaging']);
    expect(aspectsOf('客服态度很差')).toEqual(['customer_service']);
    expect(aspectsOf('续航能力一般')).toEqual(['function_performance']);
    expect(aspectsOf('味道很难闻')).toEqual(['taste_smell']);
  });

  it('finds several aspects in one mixed review', () => {
    expect(aspectsOf('质量很好，but shipping was slow, 价格便宜')).toEqual(['delivery', 'price_value', 'quality']);
  });
});

describe('urgency', () => {
  it('names each reason in English', () => {
    expect(reasonsOf('The charger caught fire and burned my desk')).toContain('safety_risk');
    expect(reasonsOf('It arrived damaged and a part is missing')).toContain('damaged_missing_wrong_item');
    expect(reasonsOf('They sent the wrong size')).toContain('damaged_missing_wrong_item');
    expect(reasonsOf('I want a refund now or I will file a chargeback')).toContain('refund_demand');
    expect(reasonsOf('My lawyer will hear about this')).toContain('legal_threat');
    expect(reasonsOf('This is the third time it broke, same problem again')).toContain('repeated_problem');
    expect(reasonsOf('You are idiots and scammers')).toContain('abusive_language');
  });

  it('names each reason in Chinese', () => {
    expect(reasonsOf('充电器冒烟了，差点着火')).toContain('safety_risk');
    expect(reasonsOf('用了以后皮肤过敏起疹子')).toContain('safety_risk');
    expect(reasonsOf('收到的时候屏幕碎了，还少了配件')).toContain('damaged_missing_wrong_item');
    expect(reasonsOf('发错货了，颜色不对')).toContain('damaged_missing_wrong_item');
    expect(reasonsOf('必须给我退款')).toContain('refund_demand');
    expect(reasonsOf('再不处理我就去12315投诉，找律师起诉你们')).toContain('legal_threat');
    expect(reasonsOf('这是第三次出现同样的问题了')).toContain('repeated_problem');
    expect(reasonsOf('你们这些骗子，奸商')).toContain('abusive_language');
  });

  it('ignores negated cues and praise', () => {
    expect(reasonsOf('Arrived quickly with no damage at all', 0.95)).toEqual([]);
    expect(reasonsOf('包装完好，没有破损', 0.95)).toEqual([]);
    expect(reasonsOf('I wear it every time I go out, love it', 0.95)).toEqual([]);
    expect(reasonsOf('Lovely soft sweater, true to size', 0.95)).toEqual([]);
  });

  it('scores safety and unhappy reviews above calm ones', () => {
    const calm = urgencyScore([], 0.95);
    const unhappy = urgencyScore([], 0.05);
    const damaged = urgencyScore(['damaged_missing_wrong_item'], 0.05);
    const unsafe = urgencyScore(['safety_risk', 'refund_demand'], 0.05);
    expect(calm).toBeLessThan(0.05);
    expect(unhappy).toBeGreaterThan(calm);
    expect(damaged).toBeGreaterThan(unhappy);
    expect(unsafe).toBeGreaterThan(damaged);
    expect(unsafe).toBeLessThanOrEqual(1);
    expect(urgencyScore(['safety_risk'], 0.9)).toBeGreaterThan(0.8);
  });

  it('turns a safety risk into bad news even when the model read the words as mild', () => {
    const assessed = assessUrgency(normalizeText('The heater caught fire after two days. I want a refund.'), 0.7);
    expect(assessed.positive).toBeLessThan(0.3);
    expect(assessed.reasons).toEqual(['safety_risk', 'refund_demand']);
    expect(assessed.urgency).toBeGreaterThan(0.9);
    const calm = assessUrgency(normalizeText('Lovely heater, warm and quiet'), 0.95);
    expect(calm).toEqual({ positive: 0.95, reasons: [], urgency: urgencyScore([], 0.95) });
  });
});
