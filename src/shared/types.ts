/** Plain data types shared by the core, the transports and the renderer. */
import type { ErrorReason } from './error-reasons.ts';

export type Language = 'en' | 'zh' | 'other';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ProductSummary {
  sku: string;
  title: string;
  category: string;
  price: number | null;
  /** Units in stock; null when the catalog does not say. */
  stock: number | null;
  imageId: number | null;
}

export interface ProductImage {
  id: number;
  source: 'catalog' | 'learned';
  mime: string;
  width: number;
  height: number;
}

export interface Product extends ProductSummary {
  description: string;
  images: ProductImage[];
}

export interface ImageData {
  mime: string;
  /** The image bytes, base64-encoded so every transport carries them as JSON. */
  base64: string;
}

export interface Customer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: string | null;
}

export const orderStatuses = ['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export interface OrderItem {
  sku: string;
  title: string;
  quantity: number;
  unitPrice: number;
}

export interface Order {
  number: string;
  customerId: string;
  status: OrderStatus;
  placedAt: string;
  shippedAt: string | null;
  deliveredAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  currency: string;
  total: number;
  items: OrderItem[];
}

export interface CustomerDetail extends Customer {
  orders: Order[];
  conversations: ConversationSummary[];
}

export type Sentiment = 'positive' | 'neutral' | 'negative';
export type ReviewStatus = 'open' | 'resolved';

/** What reviews talk about; the core's aspect lexicon has one cue list per name. */
export const reviewAspects = ['quality', 'size_fit', 'delivery', 'price_value', 'packaging', 'customer_service', 'function_performance', 'taste_smell'] as const;
export type ReviewAspect = (typeof reviewAspects)[number];

/** Why a review needs action; the core's urgency rules name these. */
export const urgencyReasons = ['safety_risk', 'damaged_missing_wrong_item', 'refund_demand', 'legal_threat', 'repeated_problem', 'abusive_language'] as const;
export type UrgencyReason = (typeof urgencyReasons)[number];

export interface ReviewScore {
  sentiment: Sentiment;
  positive: number;
  rating: number;
  urgency: number;
  aspects: { aspect: ReviewAspect; sentiment: Sentiment }[];
  reasons: UrgencyReason[];
  model: string;
}

export interface Review {
  id: string;
  sku: string | null;
  productTitle: string | null;
  author: string | null;
  rating: number | null;
  title: string;
  text: string;
  lang: Language;
  createdAt: string | null;
  status: ReviewStatus;
  assignee: string | null;
  score: ReviewScore | null;
  /** The agent's correction of the sentiment, when there is one; it outranks the model's. */
  label: Sentiment | null;
  replies: number;
}

export interface ReviewReply {
  id: number;
  reviewId: string;
  body: string;
  author: string;
  createdAt: string;
}

/** Review counts by effective sentiment (the agent's label, else the model's) for one week or month. */
export interface SentimentPeriod {
  /** 'YYYY-MM' for months, 'YYYY-Www' for ISO-like weeks. */
  period: string;
  positive: number;
  neutral: number;
  negative: number;
}

export interface AspectSummary {
  aspect: ReviewAspect;
  positive: number;
  neutral: number;
  negative: number;
  /** Short excerpts of reviews that mention the aspect, the most negative first. */
  quotes: { reviewId: string; sentiment: Sentiment; text: string }[];
}

export interface ReviewSummary {
  sku: string;
  productTitle: string | null;
  total: number;
  /** Reviews without a date are left out of the series. */
  series: SentimentPeriod[];
  aspects: AspectSummary[];
}

export interface ReviewModelEvaluation {
  model: string;
  /** Share of held-out rows whose three-way sentiment matches the label. */
  accuracy: number;
  rows: number;
}

export interface ReviewRetrainResult {
  /** The candidate model's folder name under the data folder's models/; pass it to reviews.useModel. */
  candidate: string;
  trainingRows: number;
  current: ReviewModelEvaluation;
  candidateEvaluation: ReviewModelEvaluation;
}

export interface ReviewModelStatus {
  /** 'built-in' or the folder name of a retrained model. */
  active: string;
  /** Sentiment corrections agents made, the labelled half of retraining data. */
  corrections: number;
  /** Reviews with 1-2 or 4-5 stars, the other half. */
  ratedReviews: number;
  /** Labelled reviews (corrections plus rated) a retrain needs at least. */
  minimumRows: number;
}

export interface KbArticle {
  id: string;
  title: string;
  body: string;
  lang: Language;
}

export interface KbHit {
  articleId: string;
  title: string;
  /** A short excerpt of the body, around the query's words when they occur in it; empty for a question without an answer. */
  snippet: string;
  /** Reciprocal-rank fusion score: orders the hits, says nothing about how well the best one fits. */
  score: number;
}

/** An article's answer as a reply draft: its opening in plain text, as the assistant suggests it (empty without an answer). */
export interface KbAnswer {
  articleId: string;
  title: string;
  text: string;
}

export type ConversationStatus = 'open' | 'pending' | 'resolved';
export type MessageAuthor = 'customer' | 'agent' | 'assistant' | 'note';

export interface ConversationSummary {
  id: string;
  customerId: string | null;
  customerName: string | null;
  subject: string;
  status: ConversationStatus;
  unread: boolean;
  assignee: string | null;
  lastMessage: string;
  createdAt: string;
  updatedAt: string;
  /** Why the assistant escalated the conversation to a human; null when it is not escalated. */
  escalation: EscalationReason | null;
  /** When the first agent or assistant reply went out; the first-reply timer runs until then. */
  firstReplyAt: string | null;
}

export const escalationReasons = ['negative_sentiment', 'legal_threat', 'abusive_language', 'repeated_out_of_scope'] as const;
export type EscalationReason = (typeof escalationReasons)[number];

export interface Message {
  id: number;
  author: MessageAuthor;
  body: string;
  createdAt: string;
}

export interface Conversation extends ConversationSummary {
  messages: Message[];
}

/** A canned reply; `{{customer.first_name}}`-style variables are filled per conversation. */
export interface Macro {
  id: string;
  name: string;
  /** What agents type in the composer, e.g. "/track"; unique. */
  shortcut: string | null;
  body: string;
  /** The customer intent the macro answers, so the assistant can offer it. */
  intent: string | null;
}

export interface RenderedMacro {
  macroId: string;
  text: string;
  /** Variables this conversation has no value for; they stay as written in `text`. */
  missing: string[];
}

export type EntityType = 'order' | 'email' | 'phone' | 'money' | 'date' | 'product';

export interface MessageEntity {
  type: EntityType;
  value: string;
  start: number;
  end: number;
}

export type SuggestionKind = 'order_status' | 'return_eligibility' | 'ask_order_number' | 'kb_article' | 'macro';

export interface Suggestion {
  kind: SuggestionKind;
  /** The reply as it would be sent. */
  text: string;
  /** 0–1; auto-reply compares it with the agent's threshold. */
  confidence: number;
  /** What the reply rests on: the store's order, a KB article, a macro or the return policy. */
  source: { type: 'order' | 'kb' | 'macro' | 'policy'; id: string; title: string; note?: SourceNote };
}

/** What an order or policy source says, so the UI can say it in its language (`title` is the English form, for the audit log). */
export type SourceNote =
  | { kind: 'order'; number: string; status: OrderStatus }
  | { kind: 'order_not_found'; number: string }
  | { kind: 'customer_unknown'; number: string | null }
  | { kind: 'no_order' }
  | { kind: 'return_window'; days: number };

/** The assistant's reading of a conversation's latest customer message. */
export interface AssistantSuggestions {
  conversationId: string;
  /** The customer message analysed; null when the conversation has none. */
  messageId: number | null;
  intent: string;
  confidence: number;
  outOfScope: boolean;
  entities: MessageEntity[];
  sentiment: Sentiment | null;
  escalation: EscalationReason | null;
  /** Best first. */
  suggestions: Suggestion[];
}

/**
 * Why a recommendation was made. `item` is the display name of the product the reason
 * points at (null: the product being looked at); counts are distinct customers.
 */
export type RecommendationReason =
  | { kind: 'bought_with'; item: string | null; customers: number }
  | { kind: 'bought_after'; item: string }
  | { kind: 'also_bought'; item: string }
  | { kind: 'same_customers'; customers: number }
  | { kind: 'similar_to'; item: string }
  | { kind: 'similar_description' }
  | { kind: 'looks_similar' }
  | { kind: 'similar_to_history' }
  | { kind: 'similar_customers' }
  | { kind: 'popular'; category: string | null; customers: number | null };

export interface RelatedProduct {
  sku: string;
  title: string;
  imageId: number | null;
  /** Why this item is offered; the UI says it in one line, in its own language. */
  reason: RecommendationReason;
  score: number;
}

export interface RecommenderTraining {
  /** Interactions learned from: imported ones, order lines and reviews. */
  interactions: number;
  users: number;
  items: number;
  trainedAt: string;
}

export interface PhotoIdentification {
  /** Best first; score is a cosine, or a probability once the store has learned from photos. */
  matches: { sku: string; title: string; category: string; price: number | null; imageId: number | null; score: number }[];
  /** False when the best match is too weak or too close to the next to act on. */
  confident: boolean;
}

export const importKinds = ['products', 'customers', 'orders', 'reviews', 'kb', 'interactions', 'conversations'] as const;
export type ImportKind = (typeof importKinds)[number];

export interface ImportResult {
  kind: ImportKind;
  file: string;
  /** Records read from the file. */
  rows: number;
  inserted: number;
  updated: number;
}

export interface ExportResult {
  kind: ImportKind;
  fileName: string;
  mime: string;
  content: string;
}

/** What a long job does, so the UI can say it in its language (`label` is the English form, for logs). */
export type ProgressTask =
  | { kind: 'import'; importKind: ImportKind; fileName: string }
  | { kind: 'index_images' }
  | { kind: 'score_reviews'; model: string }
  | { kind: 'retrain_reviews'; reviews: number }
  | { kind: 'train_recommendations' };

export interface ProgressEvent {
  jobId: string;
  label: string;
  task: ProgressTask;
  done: number;
  /** Unknown while a streamed file is still being read. */
  total: number | null;
  finished: boolean;
}

export interface ModelInfo {
  name: string;
  task: string;
  /** Where the file was found, or null when it is missing. */
  path: string | null;
  builtIn: boolean;
  /** The licence of third-party weights (the image extractors); null for the project's own models, whose cards say it. */
  licence: string | null;
  /** What the user must do when the model is missing, in English; `reason` says it for the UI. */
  message: string | null;
  reason?: ErrorReason;
}

export interface SystemInfo {
  version: string;
  dataDir: string;
  databasePath: string;
  modelsPath: string[];
  executionProvider: string;
  executionProviderCandidates: string[];
  tables: Record<string, number>;
  migrations: number;
}

export type Theme = 'system' | 'light' | 'dark';
export type UiLanguage = 'en' | 'zh-CN';

export interface Settings {
  theme: Theme;
  language: UiLanguage;
  agentName: string;
  /** Set after the first-run choice (demo, import, or empty) has been made. */
  onboarded: boolean;
  /** Lets the assistant answer customers by itself when its best suggestion is confident enough. */
  autoReply: boolean;
  /** Confidence (0–1) the best suggestion needs for an automatic reply; below it, it is only a draft. */
  autoReplyThreshold: number;
  /** Days after delivery an order can be returned: the store's return policy. */
  returnWindowDays: number;
  /** ISO 4217 code of the catalog's prices (orders carry their own). */
  currency: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: string;
}
