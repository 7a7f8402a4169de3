import type { Migration } from './migration.ts';

export const productStock: Migration = {
  version: 11,
  name: 'product-stock',
  up: `
    -- Units in stock; NULL when the catalog does not say (stock is then never a reason to hide a product).
    ALTER TABLE products ADD COLUMN stock INTEGER CHECK (stock IS NULL OR stock >= 0);
  `,
};
