import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import type { Customer, Order, OrderItem } from '../../shared/types.ts';
import { type CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { likePattern } from './catalog.ts';
import { listConversations } from './chat.ts';

const customerColumns = 'external_id AS id, name, email, phone, created_at AS createdAt';

export function listCustomers(context: CoreContext, args: ApiArgs<'customers.list'>): ApiResult<'customers.list'> {
  const parameters: Record<string, unknown> = { limit: args.limit ?? 50, offset: args.offset ?? 0 };
  let filter = '';
  if (args.query) {
    filter = "WHERE name LIKE @query ESCAPE '\\' OR email LIKE @query ESCAPE '\\' OR external_id LIKE @query ESCAPE '\\' OR phone LIKE @query ESCAPE '\\'";
    parameters.query = likePattern(args.query);
  }
  const items = context.db.prepare(`SELECT ${customerColumns} FROM customers ${filter} ORDER BY name LIMIT @limit OFFSET @offset`).all(parameters) as Customer[];
  const total = context.db.prepare(`SELECT count(*) FROM customers ${filter}`).pluck().get(parameters) as number;
  return { items, total };
}

export function getCustomer(context: CoreContext, args: ApiArgs<'customers.get'>): ApiResult<'customers.get'> {
  const customer = context.db.prepare(`SELECT ${customerColumns} FROM customers WHERE external_id = ?`).get(args.id) as Customer | undefined;
  if (!customer) throw new NotFoundError('customer', args.id);
  return {
    ...customer,
    orders: listOrders(context, { customerId: args.id, limit: 500 }).items,
    conversations: listConversations(context, { customerId: args.id, limit: 100 }).items,
  };
}

/** An order as selected, before its lines and total are added. */
type OrderRow = Omit<Order, 'items' | 'total'> & { id: number };

const orderSelect = `SELECT o.id, o.number, c.external_id AS customerId, o.status, o.placed_at AS placedAt, o.shipped_at AS shippedAt,
  o.delivered_at AS deliveredAt, o.carrier, o.tracking_number AS trackingNumber, o.currency
  FROM orders o JOIN customers c ON c.id = o.customer_id`;

function withItems(context: CoreContext, rows: OrderRow[]): Order[] {
  const itemsOf = context.db.prepare('SELECT sku, title, quantity, unit_price AS unitPrice FROM order_items WHERE order_id = ? ORDER BY line');
  return rows.map(({ id, ...order }) => {
    const items = itemsOf.all(id) as OrderItem[];
    // Rounded to cents: floating sums of prices drift in the last digit.
    const total = Math.round(items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0) * 100) / 100;
    return { ...order, items, total };
  });
}

export function listOrders(context: CoreContext, args: ApiArgs<'orders.list'>): ApiResult<'orders.list'> {
  const where: string[] = [];
  const parameters: Record<string, unknown> = { limit: args.limit ?? 50, offset: args.offset ?? 0 };
  if (args.customerId) {
    where.push('c.external_id = @customerId');
    parameters.customerId = args.customerId;
  }
  if (args.status) {
    where.push('o.status = @status');
    parameters.status = args.status;
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = context.db.prepare(`${orderSelect} ${filter} ORDER BY o.placed_at DESC LIMIT @limit OFFSET @offset`).all(parameters) as OrderRow[];
  const total = context.db.prepare(`SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id ${filter}`).pluck().get(parameters) as number;
  return { items: withItems(context, rows), total };
}

export function getOrder(context: CoreContext, args: ApiArgs<'orders.get'>): ApiResult<'orders.get'> {
  const number = args.number.replace(/^#/, '').trim();
  const row = context.db.prepare(`${orderSelect} WHERE o.number = ?`).get(number) as OrderRow | undefined;
  if (!row) throw new NotFoundError('order', number);
  return withItems(context, [row])[0] as Order;
}
