/** Plain data types shared by the core, the transports and the renderer. */

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

export interface ReviewScore {
  sentiment: Sentiment;
  positive: number;
  rating: number;
  urgency: number;
  aspects: { aspect: string; sentiment: Sentiment }[];
  reasons: string[];
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
  snippet: string;
  score: number;
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
  updatedAt: string;
}

export interface Message {
  id: number;
  author: MessageAuthor;
  body: string;
  createdAt: string;
}

export interface Conversation extends ConversationSummary {
  messages: Message[];
}

export interface RelatedProduct {
  sku: string;
  title: string;
  imageId: number | null;
  /** One line telling the agent why this item is offered. */
  reason: string;
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

export interface ProgressEvent {
  jobId: string;
  label: string;
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
  /** What the user must do when the model is missing. */
  message: string | null;
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
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: string;
}
