import type { Migration } from './migration.ts';

export const trackingNumberIndex: Migration = {
  version: 13,
  name: 'tracking-number-index',
  up: `
    -- Customers quote the courier's tracking number for their order; the assistant looks the
    -- order up by it, whatever the letter case, without scanning every order.
    CREATE INDEX orders_tracking_number ON orders (upper(tracking_number));
  `,
};
