/**
 * The one API contract. Every call takes one plain object and returns plain data;
 * the same table drives argument validation in the core, the IPC allow-list in the
 * preload, and the clients of every transport.
 */
import type {
  AuditEntry,
  Conversation,
  ConversationStatus,
  ConversationSummary,
  Customer,
  CustomerDetail,
  ExportResult,
  ImageData,
  ImportKind,
  ImportResult,
  KbArticle,
  KbHit,
  Message,
  MessageAuthor,
  ModelInfo,
  Order,
  Page,
  PhotoIdentification,
  Product,
  ProductSummary,
  ProgressEvent,
  RecommenderTraining,
  RelatedProduct,
  Review,
  ReviewStatus,
  Sentiment,
  Settings,
  SystemInfo,
} from './types.ts';
import { importKinds } from './types.ts';

/** Field types of the argument schemas; a trailing '?' marks an optional field. */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'string[]';
export type ArgumentSchema = Record<string, `${FieldType}` | `${FieldType}?` | readonly string[]>;

export interface ApiMethods {
  'system.info': { args: Record<string, never>; result: SystemInfo };
  'system.getSettings': { args: Record<string, never>; result: Settings };
  'system.updateSettings': { args: Partial<Settings>; result: Settings };
  'system.import': { args: { kind: ImportKind; fileName: string; content: string }; result: ImportResult };
  'system.export': { args: { kind: ImportKind }; result: ExportResult };
  'system.createDemo': { args: Record<string, never>; result: { tables: Record<string, number> } };
  'system.audit': { args: { limit?: number }; result: AuditEntry[] };

  'catalog.list': { args: { query?: string; category?: string; limit?: number; offset?: number }; result: Page<ProductSummary> };
  'catalog.categories': { args: Record<string, never>; result: { category: string; count: number }[] };
  'catalog.get': { args: { sku: string }; result: Product };
  'catalog.image': { args: { imageId: number }; result: ImageData };

  'customers.list': { args: { query?: string; limit?: number; offset?: number }; result: Page<Customer> };
  'customers.get': { args: { id: string }; result: CustomerDetail };

  'orders.list': { args: { customerId?: string; status?: string; limit?: number; offset?: number }; result: Page<Order> };
  'orders.get': { args: { number: string }; result: Order };

  'reviews.list': {
    args: { sku?: string; sentiment?: Sentiment; lang?: string; status?: ReviewStatus; query?: string; limit?: number; offset?: number };
    result: Page<Review>;
  };
  'reviews.setStatus': { args: { ids: string[]; status: ReviewStatus }; result: { updated: number } };

  'chat.list': { args: { status?: ConversationStatus; limit?: number; offset?: number }; result: Page<ConversationSummary> };
  'chat.get': { args: { id: string }; result: Conversation };
  'chat.send': { args: { conversationId: string; author: MessageAuthor; body: string }; result: Message };
  'chat.setStatus': { args: { id: string; status: ConversationStatus }; result: ConversationSummary };

  'kb.list': { args: { limit?: number; offset?: number }; result: Page<KbArticle> };
  'kb.search': { args: { query: string; k?: number }; result: KbHit[] };

  'vision.status': { args: Record<string, never>; result: { available: boolean; message: string } };
  'vision.identify': { args: { imageBase64: string; k?: number }; result: PhotoIdentification };
  'vision.learn': { args: { imageBase64: string; sku: string; fileName?: string }; result: { learned: number; products: number } };

  'recs.boughtTogether': { args: { sku: string; k?: number }; result: RelatedProduct[] };
  'recs.popular': { args: { category?: string; k?: number }; result: RelatedProduct[] };
  'recs.similar': { args: { sku: string; k?: number }; result: RelatedProduct[] };
  'recs.forCustomer': { args: { customerId: string; k?: number; contextSku?: string }; result: RelatedProduct[] };
  /** Retrains the store's recommender now and resolves when the new model serves. */
  'recs.retrain': { args: Record<string, never>; result: RecommenderTraining };

  'models.list': { args: Record<string, never>; result: ModelInfo[] };
}

export type ApiMethod = keyof ApiMethods;
export type ApiArgs<M extends ApiMethod> = ApiMethods[M]['args'];
export type ApiResult<M extends ApiMethod> = ApiMethods[M]['result'];

const none = {} as const;
const paging = { limit: 'integer?', offset: 'integer?' } as const;

/** Argument schemas: the runtime half of the contract. Enumerations are listed inline. */
export const apiSchemas: { [M in ApiMethod]: ArgumentSchema } = {
  'system.info': none,
  'system.getSettings': none,
  'system.updateSettings': { theme: 'string?', language: 'string?', agentName: 'string?', onboarded: 'boolean?' },
  'system.import': { kind: importKinds, fileName: 'string', content: 'string' },
  'system.export': { kind: importKinds },
  'system.createDemo': none,
  'system.audit': { limit: 'integer?' },

  'catalog.list': { query: 'string?', category: 'string?', ...paging },
  'catalog.categories': none,
  'catalog.get': { sku: 'string' },
  'catalog.image': { imageId: 'integer' },

  'customers.list': { query: 'string?', ...paging },
  'customers.get': { id: 'string' },

  'orders.list': { customerId: 'string?', status: 'string?', ...paging },
  'orders.get': { number: 'string' },

  'reviews.list': { sku: 'string?', sentiment: 'string?', lang: 'string?', status: 'string?', query: 'string?', ...paging },
  'reviews.setStatus': { ids: 'string[]', status: ['open', 'resolved'] },

  'chat.list': { status: 'string?', ...paging },
  'chat.get': { id: 'string' },
  'chat.send': { conversationId: 'string', author: ['customer', 'agent', 'assistant', 'note'], body: 'string' },
  'chat.setStatus': { id: 'string', status: ['open', 'pending', 'resolved'] },

  'kb.list': paging,
  'kb.search': { query: 'string', k: 'integer?' },

  'vision.status': none,
  'vision.identify': { imageBase64: 'string', k: 'integer?' },
  'vision.learn': { imageBase64: 'string', sku: 'string', fileName: 'string?' },

  'recs.boughtTogether': { sku: 'string', k: 'integer?' },
  'recs.popular': { category: 'string?', k: 'integer?' },
  'recs.similar': { sku: 'string', k: 'integer?' },
  'recs.forCustomer': { customerId: 'string', k: 'integer?', contextSku: 'string?' },
  'recs.retrain': none,

  'models.list': none,
};

export const apiMethods = Object.keys(apiSchemas) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiSchemas, name);
}

export type ApiErrorCode = 'invalid_argument' | 'not_found' | 'unknown_method' | 'import_failed' | 'unavailable' | 'unauthorized' | 'internal';

/** The one error shape every transport carries. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

/** Events the core pushes to every connected client. */
export interface ApiEvents {
  progress: ProgressEvent;
  /** Something in the store changed; views showing that domain reload. */
  changed: { domain: 'catalog' | 'customers' | 'orders' | 'reviews' | 'chat' | 'kb' | 'recs' | 'system' };
}
export type ApiEventName = keyof ApiEvents;

/** What a transport gives the renderer and the CLI: call any method, listen to events. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/** Thrown by clients when a call fails, carrying the contract's error code. */
export class ApiCallError extends Error implements ApiError {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}
