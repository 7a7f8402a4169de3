/**
 * Urgency of a review for the support team: keyword and pattern rules (English and
 * Chinese) name the reasons, and the sentiment raises the score of unhappy reviews.
 * Rules run on normalised (NFKC, lower-case) text.
 */

import { urgencyReasons, type UrgencyReason } from '../../../shared/types.ts';

export { urgencyReasons, type UrgencyReason };

interface Rule {
  reason: UrgencyReason;
  pattern: RegExp;
  /** "no damage", "没有破损": a negation just before the match cancels it. */
  negatable: boolean;
  /** The pattern with the global flag, to visit every match. */
  everywhere: RegExp;
}

const ruleList: Omit<Rule, 'everywhere'>[] = [
  {
    reason: 'safety_risk',
    negatable: true,
    pattern:
      /\b(?:caught fire|on fire|fire hazard|burn(?:ed|t|s|ing)?|smok(?:e|ed|ing)|explod\w*|exploded|electric(?:al)? shock|shocked me|electrocut\w*|sparks?|sparked|melt(?:ed|ing)?|rash(?:es)?|allerg\w*|hospital\w*|emergency room|injur\w*|hurt (?:me|my|him|her|us|them)|bleed\w*|bled|chok(?:e|ed|ing)|poison\w*|toxic|mou?ld(?:y)?|expired|food poisoning|made (?:me|us|him|her) sick|got sick|vomit\w*|dangerous|hazard\w*|unsafe|blisters?|swollen|swelling|overheat\w*|leak(?:ed|ing|s)? (?:battery|acid))\b/,
  },
  { reason: 'safety_risk', negatable: true, pattern: /着火|起火|冒烟|爆炸|炸了|漏电|触电|电到|烫伤|烧伤|烧焦|过敏|起疹|红肿|医院|受伤|中毒|发霉|霉变|已过期|过期了|过期的|快过期|变质|拉肚子|腹泻|呕吐|危险|安全隐患|有毒|甲醛|划伤|割伤/ },
  {
    reason: 'damaged_missing_wrong_item',
    negatable: true,
    pattern:
      /\b(?:damaged|arrived broken|came broken|was broken|broken (?:on arrival|when|in the box)|cracked|shattered|dented|torn|ripped|missing|wrong (?:item|size|colou?r|product|one|model|order)|not what i ordered|never (?:arrived|received|came|got it)|(?:did ?n[o']t|have ?n[o']t|has ?n[o']t) (?:receive|arrive|come)|empty (?:box|package)|defective|dead on arrival|doa|counterfeit|fake|used item|already opened|parts? (?:were |was )?missing)\b/,
  },
  { reason: 'damaged_missing_wrong_item', negatable: true, pattern: /破损|损坏|(?<![乐笑美爽高兴])坏了|碎了|裂了|裂开|压坏|压扁|少了|缺件|漏发|少发|发错|错发|不是我买的|没收到|未收到|空盒|空的|瑕疵|次品|假货|二手|被拆过|用过的/ },
  { reason: 'refund_demand', negatable: false, pattern: /\b(?:refund\w*|money back|charge ?back|dispute (?:the|this|a) (?:charge|transaction)|return(?:ing|ed)? (?:it|this|them|the item)|send(?:ing)? (?:it|this|them) back|reimburs\w*|compensat\w*|replacement)\b/ },
  { reason: 'refund_demand', negatable: false, pattern: /退款|退货|退钱|退换|换货|赔偿|赔钱|拒付|退回|退了/ },
  { reason: 'legal_threat', negatable: false, pattern: /\b(?:lawyers?|attorneys?|sue|suing|lawsuit|legal action|take (?:you|this) to court|small claims|court|report (?:you|this|them) to|consumer protection|better business bureau|bbb|ftc|trading standards|fraud\w*)\b/ },
  { reason: 'legal_threat', negatable: false, pattern: /律师|起诉|法院|告你|投诉到|工商|消协|消费者协会|12315|举报|维权|法律|诈骗|报警/ },
  {
    reason: 'repeated_problem',
    negatable: false,
    pattern:
      /\b(?:(?:second|third|fourth|2nd|3rd|4th) (?:time|one|replacement|order)|yet again|once again|happened again|broke again|again and again|multiple times|several times|repeatedly|same (?:problem|issue|thing)|still (?:not|no|has ?n't|have ?n't|does ?n't|is ?n't|broken|waiting)|keeps? (?:breaking|happening|failing|stopping)|every (?:single )?time)\b/,
  },
  { reason: 'repeated_problem', negatable: false, pattern: /再次|第二次|第三次|又坏|又出现|又是这样|又发错|又没|还是没|多次|每次都|一直没|反复|屡次|三番五次|同样的问题|还是不行/ },
  {
    reason: 'abusive_language',
    negatable: false,
    pattern: /\b(?:fuck\w*|f\*+k\w*|shit\w*|bullshit|idiots?|stupid|morons?|bastards?|bitch\w*|assholes?|dumbass|retard\w*|scumbags?|crooks?|thie(?:f|ves)|scammers?|liars?|pathetic|disgusting people)\b/,
  },
  { reason: 'abusive_language', negatable: false, pattern: /傻逼|傻b|煞笔|妈的|他妈|操你|滚蛋|去死|脑残|骗子|王八蛋|混蛋|狗东西|奸商|无耻|不要脸|智障|垃圾商家|黑心/ },
];

const rules: Rule[] = ruleList.map((rule) => ({ ...rule, everywhere: new RegExp(rule.pattern.source, `${rule.pattern.flags}g`) }));

const englishNegation = /\b(?:no|not|never|without|zero|nothing|nor)\s+(?:\w+\s+){0,2}$|n't\s+(?:\w+\s+){0,2}$/;
const chineseNegation = /(?:没有|没|无|未|不|不是|并未)$/;

function negated(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 24), index);
  return englishNegation.test(before) || chineseNegation.test(before);
}

/** How much each reason raises the urgency; safety and legal matters always come first. */
const reasonWeights: Record<UrgencyReason, number> = {
  safety_risk: 0.85,
  legal_threat: 0.7,
  damaged_missing_wrong_item: 0.55,
  refund_demand: 0.45,
  abusive_language: 0.4,
  repeated_problem: 0.35,
};

/** Reasons whose cues also occur in happy reviews ("every time I wear it", "the replacement came fast"): only counted in unhappy ones. */
const moodDependent = new Set<UrgencyReason>(['refund_demand', 'repeated_problem', 'abusive_language']);
const happyAbove = 0.7;

/**
 * Reasons that make a review bad news whatever its wording: "the heater caught fire" has no
 * negative word for the model to see. Each lowers the sentiment logit by this much. Damaged
 * or wrong items are not among them: their cues are common in satisfied reviews too
 * ("a mat was missing in the bathroom", "I ordered the wrong size myself").
 */
const severeReasons = new Set<UrgencyReason>(['safety_risk', 'legal_threat']);
const severeLogitPenalty = 2;

/** Every reason whose cues occur in the text (negated cues excepted), regardless of mood. */
function matchedReasons(normalizedText: string): Set<UrgencyReason> {
  const found = new Set<UrgencyReason>();
  for (const rule of rules) {
    if (found.has(rule.reason)) continue;
    // Most reviews match no rule: a plain test rejects them before any match is collected.
    if (!rule.pattern.test(normalizedText)) continue;
    if (!rule.negatable) {
      found.add(rule.reason);
      continue;
    }
    for (const match of normalizedText.matchAll(rule.everywhere)) {
      if (negated(normalizedText, match.index)) continue;
      found.add(rule.reason);
      break;
    }
  }
  return found;
}

/** The reasons a review gives for urgency; `positive` is its probability of positive. */
export function urgencyReasonsOf(normalizedText: string, positive: number): UrgencyReason[] {
  const found = matchedReasons(normalizedText);
  return urgencyReasons.filter((reason) => found.has(reason) && !(positive > happyAbove && moodDependent.has(reason)));
}

export interface UrgencyAssessment {
  /** The model's probability of positive, lowered for severe reasons. */
  positive: number;
  reasons: UrgencyReason[];
  urgency: number;
}

/** Reasons, urgency and the sentiment they imply, from the text and the model's probability of positive. */
export function assessUrgency(normalizedText: string, modelPositive: number): UrgencyAssessment {
  const found = matchedReasons(normalizedText);
  let positive = modelPositive;
  const severe = [...found].filter((reason) => severeReasons.has(reason)).length;
  if (severe > 0) {
    const clamped = Math.min(1 - 1e-6, Math.max(1e-6, modelPositive));
    positive = 1 / (1 + Math.exp(-(Math.log(clamped / (1 - clamped)) - severeLogitPenalty * severe)));
  }
  const reasons = urgencyReasons.filter((reason) => found.has(reason) && !(positive > happyAbove && moodDependent.has(reason)));
  return { positive, reasons, urgency: urgencyScore(reasons, positive) };
}

/**
 * 0–1: a base from negativity (an unhappy review deserves a look) combined with each
 * reason's weight, as independent chances that the review needs action. Reasons other
 * than safety and legal count less in a clearly happy review ("love it, the replacement came fast").
 */
export function urgencyScore(reasons: readonly UrgencyReason[], positive: number): number {
  const negativity = 1 - Math.min(1, Math.max(0, positive));
  let calm = 1 - 0.3 * negativity * negativity;
  for (const reason of reasons) {
    const always = reason === 'safety_risk' || reason === 'legal_threat';
    calm *= 1 - reasonWeights[reason] * (always ? 1 : 0.5 + 0.5 * negativity);
  }
  return 1 - calm;
}
