import type { Migration } from './migration.ts';

export const kbNumericIds: Migration = {
  version: 14,
  name: 'kb-numeric-ids',
  up: `
    -- An article whose file gave its id as a JSON number (or gave none, so its position is its id)
    -- is named by a number again in search results and exports: callers join them back on that id.
    ALTER TABLE kb_articles ADD COLUMN numeric_id INTEGER NOT NULL DEFAULT 0 CHECK (numeric_id IN (0, 1));
  `,
};
