import type { Migration } from './migration.ts';

export const customersAndOrders: Migration = {
  version: 2,
  name: 'customers-orders',
  up: `
    CREATE TABLE customers (
      id INTEGER PRIMARY KEY,
      external_id TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      email TEXT,
      phone TEXT,
      created_at TEXT
    ) STRICT;
    CREATE INDEX customers_email ON customers(email COLLATE NOCASE);

    CREATE TABLE orders (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      customer_id INTEGER NOT NULL REFERENCES customers(id),
      status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded')),
      placed_at TEXT NOT NULL,
      shipped_at TEXT,
      delivered_at TEXT,
      carrier TEXT,
      tracking_number TEXT,
      currency TEXT NOT NULL DEFAULT 'USD'
    ) STRICT;
    CREATE INDEX orders_customer ON orders(customer_id);

    -- Lines keep the sku and title as sold, so history survives catalog edits.
    CREATE TABLE order_items (
      id INTEGER PRIMARY KEY,
      order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
      line INTEGER NOT NULL,
      product_id INTEGER REFERENCES products(id) ON DELETE SET NULL,
      sku TEXT NOT NULL,
      title TEXT NOT NULL,
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      unit_price REAL NOT NULL CHECK (unit_price >= 0),
      UNIQUE (order_id, line)
    ) STRICT;
    CREATE INDEX order_items_sku ON order_items(sku);
  `,
};
