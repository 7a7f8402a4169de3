import { orderStatuses, type OrderStatus } from '../../../shared/types.ts';
import { reason } from '../../../shared/error-reasons.ts';
import { FieldError } from '../errors.ts';
import { oneOf, optionalDate, optionalText, requiredInteger, requiredNumber, requiredText } from '../fields.ts';
import type { ImportKindSpec } from '../kind.ts';

/** One order line; order-level fields repeat on every line of the same order. */
interface OrderLine {
  number: string;
  customerId: number;
  customerKey: string;
  status: OrderStatus;
  placedAt: string;
  shippedAt: string | null;
  deliveredAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  currency: string;
  sku: string;
  title: string;
  quantity: number;
  unitPrice: number;
}

const orderLevelFields = ['customerKey', 'status', 'placedAt', 'shippedAt', 'deliveredAt', 'carrier', 'trackingNumber', 'currency'] as const;
const columnOf: Record<(typeof orderLevelFields)[number], string> = {
  customerKey: 'customer_id',
  status: 'status',
  placedAt: 'placed_at',
  shippedAt: 'shipped_at',
  deliveredAt: 'delivered_at',
  carrier: 'carrier',
  trackingNumber: 'tracking_number',
  currency: 'currency',
};

const orderColumns = [
  'order_number', 'customer_id', 'status', 'placed_at', 'shipped_at', 'delivered_at', 'carrier',
  'tracking_number', 'currency', 'sku', 'title', 'quantity', 'unit_price',
];

export const orders: ImportKindSpec<OrderLine> = {
  kind: 'orders',
  formats: ['csv', 'jsonl'],
  requiredColumns: ['order_number', 'customer_id', 'status', 'placed_at', 'sku', 'title', 'quantity', 'unit_price'],
  parse(record, { db }) {
    const customerKey = requiredText(record, 'customer_id');
    const customerId = db.prepare('SELECT id FROM customers WHERE external_id = ?').pluck().get(customerKey) as number | undefined;
    if (customerId === undefined) throw new FieldError('customer_id', reason('import.unknown_customer', { customer: customerKey }));
    const placedAt = optionalDate(record, 'placed_at');
    if (placedAt === null) throw new FieldError('placed_at', reason('import.required_empty'));
    const quantity = requiredInteger(record, 'quantity', { min: 1 });
    return {
      number: requiredText(record, 'order_number'),
      customerId,
      customerKey,
      status: oneOf(record, 'status', orderStatuses),
      placedAt,
      shippedAt: optionalDate(record, 'shipped_at'),
      deliveredAt: optionalDate(record, 'delivered_at'),
      carrier: optionalText(record, 'carrier'),
      trackingNumber: optionalText(record, 'tracking_number'),
      currency: (optionalText(record, 'currency') ?? 'USD').toUpperCase(),
      sku: requiredText(record, 'sku'),
      title: requiredText(record, 'title'),
      quantity,
      unitPrice: requiredNumber(record, 'unit_price', { min: 0 }),
    };
  },
  group: {
    key: (line) => line.number,
    /** Lines of one order must agree on the order's own fields. */
    check(line, first) {
      for (const field of orderLevelFields) {
        if (line[field] !== first[field]) {
          throw new FieldError(columnOf[field], reason('import.order_line_differs', { order: first.number, first: String(first[field]), value: String(line[field]) }));
        }
      }
    },
  },
  write(db, values) {
    const byNumber = new Map<string, OrderLine[]>();
    for (const line of values) byNumber.set(line.number, [...(byNumber.get(line.number) ?? []), line]);
    const existing = db.prepare('SELECT id FROM orders WHERE number = ?').pluck();
    const upsert = db.prepare(
      `INSERT INTO orders (number, customer_id, status, placed_at, shipped_at, delivered_at, carrier, tracking_number, currency)
       VALUES (@number, @customerId, @status, @placedAt, @shippedAt, @deliveredAt, @carrier, @trackingNumber, @currency)
       ON CONFLICT (number) DO UPDATE SET customer_id = excluded.customer_id, status = excluded.status, placed_at = excluded.placed_at,
         shipped_at = excluded.shipped_at, delivered_at = excluded.delivered_at, carrier = excluded.carrier,
         tracking_number = excluded.tracking_number, currency = excluded.currency
       RETURNING id`,
    );
    // A re-imported order replaces its lines: the file is the truth for the orders it names.
    const clearLines = db.prepare('DELETE FROM order_items WHERE order_id = ?');
    const productId = db.prepare('SELECT id FROM products WHERE sku = ?').pluck();
    const addLine = db.prepare(
      'INSERT INTO order_items (order_id, line, product_id, sku, title, quantity, unit_price) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    let inserted = 0;
    for (const [number, lines] of byNumber) {
      if (existing.get(number) === undefined) inserted += 1;
      const { id } = upsert.get(lines[0]) as { id: number };
      clearLines.run(id);
      lines.forEach((line, index) => addLine.run(id, index + 1, productId.get(line.sku) ?? null, line.sku, line.title, line.quantity, line.unitPrice));
    }
    return { inserted, updated: byNumber.size - inserted };
  },
  export(db) {
    const records = db
      .prepare(
        `SELECT o.number AS order_number, c.external_id AS customer_id, o.status, o.placed_at, o.shipped_at, o.delivered_at,
                o.carrier, o.tracking_number, o.currency, i.sku, i.title, i.quantity, i.unit_price
         FROM orders o JOIN customers c ON c.id = o.customer_id JOIN order_items i ON i.order_id = o.id
         ORDER BY o.placed_at, o.number, i.line`,
      )
      .all() as Record<string, unknown>[];
    return { format: 'csv', columns: orderColumns, records };
  },
};
