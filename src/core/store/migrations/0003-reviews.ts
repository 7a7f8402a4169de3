import type { Migration } from './migration.ts';

export const reviews: Migration = {
  version: 3,
  name: 'reviews',
  up: `
    CREATE TABLE reviews (
      id INTEGER PRIMARY KEY,
      external_id TEXT NOT NULL UNIQUE,
      sku TEXT,
      author TEXT,
      rating INTEGER CHECK (rating BETWEEN 1 AND 5),
      title TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL,
      lang TEXT NOT NULL DEFAULT 'other',
      created_at TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
      assignee TEXT
    ) STRICT;
    CREATE INDEX reviews_sku ON reviews(sku);
    CREATE INDEX reviews_status ON reviews(status);

    -- One row per review and model, so re-scoring with a new model keeps the old scores.
    CREATE TABLE review_scores (
      review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
      model TEXT NOT NULL,
      sentiment TEXT NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative')),
      positive REAL NOT NULL,
      rating REAL NOT NULL,
      urgency REAL NOT NULL,
      aspects TEXT NOT NULL DEFAULT '[]',
      reasons TEXT NOT NULL DEFAULT '[]',
      scored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      PRIMARY KEY (review_id, model)
    ) STRICT;
  `,
};
