/**
 * The support assistant: for a conversation's latest customer message, its intent (out of
 * scope when unsure), entities and mood, ranked replies grounded in the store (orders,
 * return policy, knowledge base, macros), escalation to a human, and the automatic reply
 * when the agent allows it. Everything it suggests or sends is written to the audit log.
 */
import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import type { EscalationReason, Message, MessageEntity, Order, Suggestion } from '../../shared/types.ts';
import { escalationFor, moreSerious, type MessageMood } from '../assistant/escalation.ts';
import { firstName } from '../assistant/macro-variables.ts';
import { analysedLength, intentClassifier, kbRetriever } from '../assistant/models.ts';
import { addressChangeReply, askOrderNumberReply, awaitingShipment, orderStatusReply, returnEligibility, type ReplyLanguage } from '../assistant/order-answers.ts';
import { audit, type CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { extractEntities } from '../intents/entities.ts';
import { articleReply } from '../kb/reply.ts';
import { outOfScopeLabel } from '../intents/model-files.ts';
import { detectLanguage } from '../text/language.ts';
import { truncateText } from '../text/normalize.ts';
import { conversationRowId, sendMessage, summary } from './chat.ts';
import { getOrder } from './customers.ts';
import { keywordSearch } from './kb.ts';
import { renderMacro } from './macros.ts';
import { reviewScorer } from './review-scoring.ts';
import { getSettings } from './settings.ts';

/** Intents answered with the order's status and tracking. */
const orderStatusIntents = new Set(['track_order', 'delivery_period', 'change_order', 'change_shipping_address', 'cancel_order']);
/** Requests only an order that has not shipped can satisfy: a macro promising one is a draft once it has. */
const beforeShippingIntents = new Set(['change_shipping_address', 'change_order', 'cancel_order']);
/** Intents answered with return or refund eligibility. */
const returnIntents = new Set(['get_refund', 'check_refund_policy', 'track_refund', 'cancel_order', 'check_cancellation_fee', 'complaint']);

/** Replies offered at most. */
const suggestionLimit = 6;

interface CustomerMessage {
  id: number;
  body: string;
}

function latestCustomerMessages(context: CoreContext, rowId: number, count: number): CustomerMessage[] {
  return context.db
    .prepare("SELECT id, body FROM messages WHERE conversation_id = ? AND author = 'customer' ORDER BY created_at DESC, id DESC LIMIT ?")
    .all(rowId, count) as CustomerMessage[];
}

function replyLanguage(text: string): ReplyLanguage {
  return detectLanguage(text) === 'zh' ? 'zh' : 'en';
}

/**
 * The order a number refers to: an order number, else a parcel's tracking number (customers
 * quote the courier's "单号" or "tracking number" as often as the order's).
 */
function findOrder(context: CoreContext, written: string): Order | null {
  const number = context.db
    .prepare('SELECT number FROM orders WHERE number = @written OR upper(tracking_number) = upper(@written) ORDER BY number = @written DESC, id DESC LIMIT 1')
    .pluck()
    .get({ written }) as string | undefined;
  if (number === undefined) return null;
  try {
    return getOrder(context, { number });
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** Who is asking: the conversation's customer, else the customer whose email the message gives. */
function askingCustomerId(context: CoreContext, conversationCustomerId: string | null, entities: readonly MessageEntity[]): string | null {
  if (conversationCustomerId) return conversationCustomerId;
  for (const entity of entities) {
    if (entity.type !== 'email') continue;
    const id = context.db.prepare('SELECT external_id FROM customers WHERE lower(email) = ?').pluck().get(entity.value) as string | undefined;
    if (id) return id;
  }
  return null;
}

/** Order numbers the customer wrote earlier in the conversation, most recent first ("any news?" is about them). */
function earlierOrderNumbers(context: CoreContext, rowId: number, latestId: number): string[] {
  const bodies = context.db
    .prepare("SELECT body FROM messages WHERE conversation_id = ? AND author = 'customer' AND id <> ? ORDER BY created_at DESC, id DESC LIMIT 20")
    .pluck()
    .all(rowId, latestId) as string[];
  const numbers = bodies.flatMap((body) => extractEntities(truncateText(body, analysedLength)).filter((entity) => entity.type === 'order').map((entity) => entity.value));
  return [...new Set(numbers)];
}

function recentOrderNumbers(context: CoreContext, customerId: string, count: number): string[] {
  return context.db
    .prepare('SELECT o.number FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.external_id = ? ORDER BY o.placed_at DESC LIMIT ?')
    .pluck()
    .all(customerId, count) as string[];
}

/** The return policy the replies cite: the KB article stating it when there is one, else the setting itself. */
function returnPolicySource(context: CoreContext, language: ReplyLanguage, windowDays: number): Suggestion['source'] {
  const [article] = keywordSearch(context, { query: language === 'zh' ? '退货 政策' : 'returns policy return window', k: 1 });
  if (article) return { type: 'policy', id: article.articleId, title: article.title };
  return { type: 'policy', id: 'settings.returnWindowDays', title: `Return window: ${windowDays} days`, note: { kind: 'return_window', days: windowDays } };
}

interface Analysis {
  intent: string;
  confidence: number;
  outOfScope: boolean;
  entities: MessageEntity[];
  mood: MessageMood | null;
  outOfScopeRun: number;
}

async function analyse(context: CoreContext, messages: readonly CustomerMessage[]): Promise<Analysis> {
  const texts = messages.map((message) => truncateText(message.body, analysedLength));
  const classifier = await intentClassifier(context);
  const predictions = await classifier.classify(texts);
  const latest = predictions[0] ?? { intent: outOfScopeLabel, confidence: 1 };
  let outOfScopeRun = 0;
  while (outOfScopeRun < predictions.length && predictions[outOfScopeRun]?.intent === outOfScopeLabel) outOfScopeRun += 1;
  const catalog = context.db.prepare('SELECT sku, title FROM products').all() as { sku: string; title: string }[];
  const [score] = await (await reviewScorer(context)).score([{ text: texts[0] ?? '' }]);
  return {
    intent: latest.intent,
    confidence: latest.confidence,
    outOfScope: latest.intent === outOfScopeLabel,
    entities: extractEntities(texts[0] ?? '', catalog),
    mood: score ? { sentiment: score.sentiment, positive: score.positive, reasons: score.reasons } : null,
    outOfScopeRun,
  };
}

/** The grounded suggestions, and the order whose facts they give (null when none was found). */
function orderSuggestions(
  context: CoreContext,
  customerId: string | null,
  customerName: string | null,
  text: string,
  analysis: Analysis,
  earlierOrders: () => string[],
): { suggestions: Suggestion[]; order: Order | null } {
  const language = replyLanguage(text);
  const name = customerName ? firstName(customerName) : null;
  const settings = getSettings(context);
  const statusAsked = !analysis.outOfScope && orderStatusIntents.has(analysis.intent);
  const returnAsked = !analysis.outOfScope && returnIntents.has(analysis.intent);
  const suggestions: Suggestion[] = [];
  let factsOf: Order | null = null;
  const offerFacts = (order: Order, named: boolean) => {
    factsOf = order;
    // A number the customer wrote is strong evidence the answer is about that order; the latest order is a guess.
    const weight = named ? 1 : 0.8;
    const source: Suggestion['source'] = { type: 'order', id: order.number, title: `Order ${order.number} (${order.status})`, note: { kind: 'order', number: order.number, status: order.status } };
    if (statusAsked || (named && !returnAsked)) {
      const reply = analysis.intent === 'change_shipping_address' ? addressChangeReply(order, name, language) : orderStatusReply(order, name, language);
      suggestions.push({ kind: 'order_status', text: reply, confidence: (statusAsked ? Math.max(0.9, analysis.confidence) : 0.7) * weight, source });
    }
    if (returnAsked) {
      const eligibility = returnEligibility(order, settings.returnWindowDays, new Date(), name, language);
      suggestions.push({ kind: 'return_eligibility', text: eligibility.reply, confidence: Math.max(0.9, analysis.confidence) * weight, source: returnPolicySource(context, language, settings.returnWindowDays) });
    }
  };

  const named = analysis.entities.filter((entity) => entity.type === 'order');
  for (const entity of named) {
    const order = findOrder(context, entity.value);
    // Another customer's order is treated exactly like an unknown number: nothing about it is revealed.
    if (order && customerId !== null && order.customerId === customerId) {
      offerFacts(order, true);
    } else {
      const known = customerId ? recentOrderNumbers(context, customerId, 3) : [];
      suggestions.push({
        kind: 'ask_order_number',
        text: askOrderNumberReply(customerId ? entity.value : null, known, name, language),
        confidence: 0.9,
        source: customerId
          ? { type: 'order', id: entity.value, title: `Order ${entity.value} not found for this customer`, note: { kind: 'order_not_found', number: entity.value } }
          : { type: 'order', id: entity.value, title: `Order ${entity.value}: customer not identified`, note: { kind: 'customer_unknown', number: entity.value } },
      });
    }
  }
  if (named.length === 0 && (statusAsked || returnAsked)) {
    // An order the customer named earlier in the conversation counts as named; else their latest order is the guess.
    let mentioned: Order | null = null;
    for (const number of customerId ? earlierOrders() : []) {
      const order = findOrder(context, number);
      if (order?.customerId === customerId) {
        mentioned = order;
        break;
      }
    }
    const [latest] = mentioned || !customerId ? [] : recentOrderNumbers(context, customerId, 1);
    const order = mentioned ?? (latest ? findOrder(context, latest) : null);
    if (order) offerFacts(order, mentioned !== null);
    else suggestions.push({ kind: 'ask_order_number', text: askOrderNumberReply(null, [], name, language), confidence: 0.85, source: customerId ? { type: 'order', id: '', title: 'No order found for this customer', note: { kind: 'no_order' } } : { type: 'order', id: '', title: 'Customer not identified', note: { kind: 'customer_unknown', number: null } } });
  }
  return { suggestions, order: factsOf };
}

/** Reciprocal-rank fusion score of an article first in both rankings (the retriever's constant is 10). */
const bestFusedScore = 2 / 11;

/**
 * How well an article's meaning fits, from the dense cosine: full at 0.7 and above, nothing at
 * 0.2 and below. Rank fusion alone gives the best article of any query full marks, however
 * unrelated ("已经三天了，麻烦再帮我催一下" → the payment-failure article, cosine 0.23). Measured
 * on the English FAQ paraphrases: right first answers have cosine 0.63 / 0.70 (10th percentile /
 * median, with GloVe; 0.41 / 0.53 without), off-topic questions 0.12–0.49 (0.14–0.32); on the demo
 * store's Chinese messages the right article 0.74, wrong first ones 0.23–0.46.
 */
function meaningFit(similarity: number): number {
  return Math.min(1, Math.max(0, (similarity - 0.2) / 0.5));
}

async function kbSuggestions(context: CoreContext, text: string, analysis: Analysis): Promise<Suggestion[]> {
  const kb = await kbRetriever(context);
  if (!kb) return [];
  // Dense search ranks every article; an off-topic message still gets a nearest one, worth little.
  const trust = analysis.outOfScope ? 0.4 : 0.8;
  const hits = kb.retriever.search(truncateText(text, analysedLength), 2, analysis.outOfScope ? undefined : analysis.intent);
  // The first article's fit says whether the knowledge base answers this at all; applied to both
  // hits alike, it keeps the retriever's order (the one measured), which a per-hit fit would reorder.
  const fit = meaningFit(hits[0]?.similarity ?? 0);
  return hits.flatMap((hit) => {
    const article = kb.articles.get(hit.id);
    // A question without an answer yet helps search, but gives the customer nothing to read.
    if (!article || article.body.trim() === '') return [];
    const confidence = Math.min(1, hit.score / bestFusedScore) * fit * trust;
    return [{ kind: 'kb_article' as const, text: articleReply(article.body), confidence, source: { type: 'kb' as const, id: article.id, title: article.title } }];
  });
}

function macroSuggestions(context: CoreContext, conversationId: string, text: string, analysis: Analysis, order: Order | null): Suggestion[] {
  if (analysis.outOfScope) return [];
  // "I have updated the address on your order" is wrong once the order has shipped: still offered, as a draft below the facts.
  const tooLate = beforeShippingIntents.has(analysis.intent) && order !== null && !awaitingShipment(order);
  const macros = context.db.prepare('SELECT external_id AS id, name, body FROM macros WHERE intent = ?').all(analysis.intent) as { id: string; name: string; body: string }[];
  const chinese = replyLanguage(text) === 'zh';
  const orderNumber = analysis.entities.find((entity) => entity.type === 'order')?.value;
  return macros
    .filter((macro) => /\p{Script=Han}/u.test(macro.body) === chinese)
    .map((macro) => {
      const rendered = renderMacro(context, { id: macro.id, conversationId }, orderNumber);
      // A macro with unfilled variables still helps, but the agent has to finish it.
      return { kind: 'macro' as const, text: rendered.text, confidence: analysis.confidence * (rendered.missing.length || tooLate ? 0.5 : 0.95), source: { type: 'macro' as const, id: macro.id, title: macro.name } };
    });
}

function ranked(suggestions: Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  return suggestions
    // Rounded down: a 0.9996-sure reply must not reach an auto-reply threshold of 1.
    .map((suggestion) => ({ ...suggestion, confidence: Math.floor(suggestion.confidence * 1000) / 1000 }))
    .sort((left, right) => right.confidence - left.confidence)
    .filter((suggestion) => !seen.has(suggestion.text) && seen.add(suggestion.text))
    .slice(0, suggestionLimit);
}

/**
 * Sets the escalation when the analysis calls for one more serious than the current one. An
 * agent clears it; only a customer message newer than the clearing can escalate again.
 */
function escalate(context: CoreContext, rowId: number, conversationId: string, messageId: number, reason: EscalationReason | null): EscalationReason | null {
  const { escalation: current, clearedThrough } = context.db
    .prepare('SELECT escalation, escalation_cleared_through AS clearedThrough FROM conversations WHERE id = ?')
    .get(rowId) as { escalation: EscalationReason | null; clearedThrough: number | null };
  if (reason === null || !moreSerious(reason, current) || (clearedThrough !== null && messageId <= clearedThrough)) return current;
  context.db.transaction(() => {
    context.db.prepare('UPDATE conversations SET escalation = ? WHERE id = ?').run(reason, rowId);
    audit(context, 'assistant', 'chat.escalate', conversationId, { reason });
  })();
  context.events.emit('changed', { domain: 'chat' });
  return reason;
}

export async function suggestReplies(context: CoreContext, args: ApiArgs<'chat.suggest'>): Promise<ApiResult<'chat.suggest'>> {
  const rowId = conversationRowId(context, args.conversationId);
  const conversation = summary(context, args.conversationId);
  const messages = latestCustomerMessages(context, rowId, 2);
  const latest = messages[0];
  if (!latest) {
    return { conversationId: args.conversationId, messageId: null, intent: outOfScopeLabel, confidence: 1, outOfScope: true, entities: [], sentiment: null, escalation: conversation.escalation, suggestions: [] };
  }
  const analysis = await analyse(context, messages);
  const customerId = askingCustomerId(context, conversation.customerId, analysis.entities);
  const customerName = customerId === conversation.customerId ? conversation.customerName : (context.db.prepare('SELECT name FROM customers WHERE external_id = ?').pluck().get(customerId) as string | undefined) ?? null;
  const grounded = orderSuggestions(context, customerId, customerName, latest.body, analysis, () => earlierOrderNumbers(context, rowId, latest.id));
  const suggestions = ranked([
    ...grounded.suggestions,
    ...(await kbSuggestions(context, latest.body, analysis)),
    ...macroSuggestions(context, args.conversationId, latest.body, analysis, grounded.order),
  ]);
  const escalation = escalate(context, rowId, args.conversationId, latest.id, escalationFor(analysis.mood, analysis.outOfScopeRun));
  audit(context, 'assistant', 'chat.suggest', args.conversationId, {
    messageId: latest.id,
    intent: analysis.intent,
    confidence: analysis.confidence,
    suggestions: suggestions.map((suggestion) => ({ kind: suggestion.kind, source: suggestion.source.id, confidence: suggestion.confidence })),
  });
  return {
    conversationId: args.conversationId,
    messageId: latest.id,
    intent: analysis.intent,
    confidence: analysis.confidence,
    outOfScope: analysis.outOfScope,
    entities: analysis.entities,
    sentiment: analysis.mood?.sentiment ?? null,
    escalation,
    suggestions,
  };
}

/**
 * Stores a message; after a customer's message the assistant reads it, escalates when needed,
 * and answers by itself only when the agent turned auto-reply on, its best reply reaches the
 * agent's threshold, and the conversation is not escalated. Otherwise the reply stays a draft.
 */
export async function sendAndAssist(context: CoreContext, args: ApiArgs<'chat.send'>): Promise<ApiResult<'chat.send'>> {
  const message = sendMessage(context, args);
  if (args.author !== 'customer') return message;
  try {
    const settings = getSettings(context);
    const result = await suggestReplies(context, { conversationId: args.conversationId });
    const [best] = result.suggestions;
    if (settings.autoReply && best && best.confidence >= settings.autoReplyThreshold && result.escalation === null && !result.outOfScope) {
      const reply: Message = sendMessage(context, { conversationId: args.conversationId, author: 'assistant', body: best.text });
      audit(context, 'assistant', 'chat.autoReply', args.conversationId, { messageId: reply.id, kind: best.kind, source: best.source.id, confidence: best.confidence, threshold: settings.autoReplyThreshold });
    }
  } catch (error) {
    // The customer's message is stored whatever the assistant does; its failure shows again on the next chat.suggest.
    context.logger.error(`assistant failed on conversation ${args.conversationId}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return message;
}
