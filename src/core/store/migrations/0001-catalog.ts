import type { Migration } from './migration.ts';

export const catalog: Migration = {
  version: 1,
  name: 'catalog',
  up: `
    CREATE TABLE products (
      id INTEGER PRIMARY KEY,
      sku TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL DEFAULT '',
      price REAL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT;
    CREATE INDEX products_category ON products(category);

    -- Images are kept in the store itself, so an import is one transaction and a
    -- backup is one file. 'learned' images are customer photos an agent confirmed.
    CREATE TABLE product_images (
      id INTEGER PRIMARY KEY,
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      source TEXT NOT NULL CHECK (source IN ('catalog', 'learned')),
      file_name TEXT NOT NULL,
      mime TEXT NOT NULL,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      bytes BLOB NOT NULL,
      sha256 TEXT NOT NULL,
      UNIQUE (product_id, sha256)
    ) STRICT;
  `,
};
