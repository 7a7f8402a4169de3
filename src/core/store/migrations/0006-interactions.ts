import type { Migration } from './migration.ts';

export const interactions: Migration = {
  version: 6,
  name: 'interactions',
  up: `
    -- Views, ratings and purchases by user and item, the training data of recommendations.
    -- Users and items are free-form keys: interactions may arrive before the catalog.
    CREATE TABLE interactions (
      id INTEGER PRIMARY KEY,
      user TEXT NOT NULL,
      item TEXT NOT NULL,
      rating REAL CHECK (rating BETWEEN 1 AND 5),
      timestamp INTEGER NOT NULL DEFAULT 0,
      UNIQUE (user, item, timestamp)
    ) STRICT;
    CREATE INDEX interactions_item ON interactions(item);
  `,
};
