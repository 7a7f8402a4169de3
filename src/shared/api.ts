/**
 * The one API contract. Every call takes one plain object and returns plain data;
 * the same table drives argument validation in the core, the IPC allow-list in the
 * preload, and the clients of every transport.
 */
import type {
  AssistantSuggestions,
  AuditEntry,
  Conversation,
  ConversationStatus,
  ConversationSummary,
  Customer,
  CustomerDetail,
  EscalationReason,
  ExportResult,
  ImageData,
  ImportKind,
  ImportResult,
  KbAnswer,
  KbArticle,
  KbHit,
  Macro,
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
  RenderedMacro,
  Review,
  ReviewModelStatus,
  ReviewReply,
  ReviewRetrainResult,
  ReviewStatus,
  ReviewSummary,
  Sentiment,
  Settings,
  SystemInfo,
} from './types.ts';
import { englishReason, type ErrorLocation, type ErrorReason } from './error-reasons.ts';
import { escalationReasons, importKinds } from './types.ts';

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

  'reviews.list': { args: ReviewFilter & { limit?: number; offset?: number }; result: Page<Review> };
  /** `changed` names the reviews whose status this call changed: what an undo sets back. */
  'reviews.setStatus': { args: { ids: string[]; status: ReviewStatus }; result: { updated: number; changed: string[] } };
  /** No assignee unassigns; `previous` is each review's assignee before, for undo. */
  'reviews.assign': { args: { ids: string[]; assignee?: string | null }; result: { updated: number; previous: { id: string; assignee: string | null }[] } };
  'reviews.reply': { args: { id: string; body: string }; result: ReviewReply };
  'reviews.replies': { args: { id: string }; result: ReviewReply[] };
  /** `correction` identifies this correction, for reviews.withdrawLabel. */
  'reviews.setLabel': { args: { id: string; label: Sentiment }; result: { id: string; label: Sentiment; correction: number } };
  /** Undoes one correction: the review's label is the one before it again (null: the model's). */
  'reviews.withdrawLabel': { args: { correction: number }; result: { id: string; label: Sentiment | null } };
  'reviews.summary': { args: { sku: string; period?: 'week' | 'month' }; result: ReviewSummary };
  /** The scores of the reviews the filter selects, as CSV text the renderer saves as a file. */
  'reviews.export': { args: ReviewFilter; result: { fileName: string; mime: string; content: string } };
  'reviews.modelStatus': { args: Record<string, never>; result: ReviewModelStatus };
  /** Trains a candidate from corrections and rated reviews and evaluates it beside the active model; switches nothing. */
  'reviews.retrain': { args: Record<string, never>; result: ReviewRetrainResult };
  /** 'built-in' or a candidate's folder name; re-scores every review the model has not scored yet. */
  'reviews.useModel': { args: { model: string }; result: { active: string; rescored: number } };

  'chat.list': { args: { status?: ConversationStatus; limit?: number; offset?: number }; result: Page<ConversationSummary> };
  'chat.get': { args: { id: string }; result: Conversation };
  'chat.send': { args: { conversationId: string; author: MessageAuthor; body: string }; result: Message };
  'chat.setStatus': { args: { id: string; status: ConversationStatus }; result: ConversationSummary };
  'chat.clearEscalation': { args: { id: string }; result: ConversationSummary };
  /** Escalates by hand, e.g. to undo a clearing with the reason it had. */
  'chat.escalate': { args: { id: string; reason: EscalationReason }; result: ConversationSummary };
  'chat.assign': { args: { id: string; assignee: string }; result: ConversationSummary };
  /** The assistant's intent, entities and ranked replies for the latest customer message. */
  'chat.suggest': { args: { conversationId: string }; result: AssistantSuggestions };
  /** Every conversation as JSON (the importer's shape) or as CSV transcripts, one message a row. */
  'chat.export': { args: { format: 'json' | 'csv' }; result: ExportResult };

  'macros.list': { args: { query?: string }; result: Macro[] };
  'macros.create': { args: { name: string; shortcut?: string; body: string; intent?: string }; result: Macro };
  'macros.update': { args: { id: string; name?: string; shortcut?: string; body?: string; intent?: string }; result: Macro };
  'macros.delete': { args: { id: string }; result: { deleted: number } };
  /** The macro's text with this conversation's customer, order and agent filled in. */
  'macros.render': { args: { id: string; conversationId: string }; result: RenderedMacro };

  'kb.list': { args: { limit?: number; offset?: number }; result: Page<KbArticle> };
  /** The assistant's hybrid search (keywords, meaning and the query's intent, fused), best first; [] for a blank query or an empty knowledge base. */
  'kb.search': { args: { query: string; k?: number }; result: KbHit[] };
  'kb.answer': { args: { id: string }; result: KbAnswer };

  /** Without the extractors, `reason` says what to install for the UI to put in its language. */
  'vision.status': { args: Record<string, never>; result: { available: boolean; message: string; reason?: ErrorReason } };
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

/** Which reviews a queue, an export or a bulk action works on; dates are ISO (YYYY-MM-DD), both ends included. */
export interface ReviewFilter {
  sku?: string;
  /** One of reviewAspects. */
  aspect?: string;
  /** The agent's label when the review has one, else the model's sentiment. */
  sentiment?: Sentiment;
  lang?: string;
  status?: ReviewStatus;
  query?: string;
  from?: string;
  to?: string;
}

export type ApiMethod = keyof ApiMethods;
export type ApiArgs<M extends ApiMethod> = ApiMethods[M]['args'];
export type ApiResult<M extends ApiMethod> = ApiMethods[M]['result'];

const none = {} as const;
const paging = { limit: 'integer?', offset: 'integer?' } as const;
const reviewFilter = {
  sku: 'string?',
  aspect: 'string?',
  sentiment: 'string?',
  lang: 'string?',
  status: 'string?',
  query: 'string?',
  from: 'string?',
  to: 'string?',
} as const;

/** Argument schemas: the runtime half of the contract. Enumerations are listed inline. */
export const apiSchemas: { [M in ApiMethod]: ArgumentSchema } = {
  'system.info': none,
  'system.getSettings': none,
  'system.updateSettings': {
    theme: 'string?',
    language: 'string?',
    agentName: 'string?',
    onboarded: 'boolean?',
    autoReply: 'boolean?',
    autoReplyThreshold: 'number?',
    returnWindowDays: 'integer?',
    currency: 'string?',
  },
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

  'reviews.list': { ...reviewFilter, ...paging },
  'reviews.setStatus': { ids: 'string[]', status: ['open', 'resolved'] },
  'reviews.assign': { ids: 'string[]', assignee: 'string?' },
  'reviews.reply': { id: 'string', body: 'string' },
  'reviews.replies': { id: 'string' },
  'reviews.setLabel': { id: 'string', label: ['positive', 'neutral', 'negative'] },
  'reviews.withdrawLabel': { correction: 'integer' },
  'reviews.summary': { sku: 'string', period: 'string?' },
  'reviews.export': reviewFilter,
  'reviews.modelStatus': none,
  'reviews.retrain': none,
  'reviews.useModel': { model: 'string' },

  'chat.list': { status: 'string?', ...paging },
  'chat.get': { id: 'string' },
  'chat.send': { conversationId: 'string', author: ['customer', 'agent', 'assistant', 'note'], body: 'string' },
  'chat.setStatus': { id: 'string', status: ['open', 'pending', 'resolved'] },
  'chat.clearEscalation': { id: 'string' },
  'chat.escalate': { id: 'string', reason: escalationReasons },
  'chat.assign': { id: 'string', assignee: 'string' },
  'chat.suggest': { conversationId: 'string' },
  'chat.export': { format: ['json', 'csv'] },

  'macros.list': { query: 'string?' },
  'macros.create': { name: 'string', shortcut: 'string?', body: 'string', intent: 'string?' },
  'macros.update': { id: 'string', name: 'string?', shortcut: 'string?', body: 'string?', intent: 'string?' },
  'macros.delete': { id: 'string' },
  'macros.render': { id: 'string', conversationId: 'string' },

  'kb.list': paging,
  'kb.search': { query: 'string', k: 'integer?' },
  'kb.answer': { id: 'string' },

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

/**
 * The one error shape every transport carries. `message` is English, for the CLI and logs;
 * `reason` and `where` say the same for the UI to put in its own language.
 */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
  reason?: ErrorReason;
  /** Where in an imported file the failure is. */
  where?: ErrorLocation;
}

/** Events the core pushes to every connected client. */
export interface ApiEvents {
  progress: ProgressEvent;
  /** Something in the store changed; views showing that domain reload. */
  changed: { domain: 'catalog' | 'customers' | 'orders' | 'reviews' | 'chat' | 'kb' | 'macros' | 'recs' | 'system' };
}
export type ApiEventName = keyof ApiEvents;

/** What a transport gives the renderer and the CLI: call any method, listen to events. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/** Thrown by clients when a call fails, carrying the contract's error code and, when known, its reason and place. */
export class ApiCallError extends Error implements ApiError {
  readonly reason?: ErrorReason;
  readonly where?: ErrorLocation;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    details: Pick<ApiError, 'reason' | 'where'> = {},
  ) {
    super(message);
    this.name = 'ApiCallError';
    if (details.reason) this.reason = details.reason;
    if (details.where) this.where = details.where;
  }

  /** An error whose message is its reason's English. */
  static because(code: ApiErrorCode, reason: ErrorReason): ApiCallError {
    return new ApiCallError(code, englishReason(reason), { reason });
  }

  /** Rebuilds the error a transport carried. */
  static from(error: ApiError): ApiCallError {
    return new ApiCallError(error.code, error.message, error);
  }

  /** The plain shape a transport sends: an Error's own fields do not survive JSON or structured clone. */
  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...(this.reason ? { reason: this.reason } : {}), ...(this.where ? { where: this.where } : {}) };
  }
}
