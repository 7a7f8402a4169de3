/** Where the user is: a view, plus what the view should open when it was reached by a link or command. */
export const viewNames = ['chat', 'reviews', 'products', 'customers', 'settings'] as const;
export type ViewName = (typeof viewNames)[number];

export type Route =
  | { view: 'chat'; conversationId?: string; knowledgeSearch?: true }
  | { view: 'reviews' }
  | { view: 'products'; query?: string; sku?: string }
  | { view: 'customers'; customerId?: string }
  | { view: 'settings'; section?: 'import' };

export type Navigate = (route: Route) => void;

/** The letter after "g" that jumps to each view. */
export const viewKeys: Record<ViewName, string> = { chat: 'c', reviews: 'r', products: 'p', customers: 'u', settings: 's' };
