import type { Migration } from './migration.ts';

export const imageVectors: Migration = {
  version: 8,
  name: 'image-vectors',
  up: `
    -- Feature vectors of product images, per extractor (re-embedding after an extractor
    -- change adds rows beside the old ones). A catalog image has several views (as shot, mirrored).
    CREATE TABLE image_vectors (
      image_id INTEGER NOT NULL REFERENCES product_images(id) ON DELETE CASCADE,
      extractor TEXT NOT NULL,
      view INTEGER NOT NULL,
      vector BLOB NOT NULL,
      PRIMARY KEY (image_id, extractor, view)
    ) STRICT;

    -- What the store learned from confirmed photos: the user's data, one adapter per extractor.
    CREATE TABLE vision_adapters (
      extractor TEXT PRIMARY KEY,
      adapter BLOB NOT NULL,
      examples INTEGER NOT NULL,
      trained_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT;
  `,
};
