import type { Migration } from './migration.ts';

export const knowledgeBase: Migration = {
  version: 4,
  name: 'knowledge-base',
  up: `
    CREATE TABLE kb_articles (
      id INTEGER PRIMARY KEY,
      external_id TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      lang TEXT NOT NULL DEFAULT 'other',
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT;

    -- The index holds word-segmented text (Chinese has no spaces), written by the
    -- KB service in the same transaction as the article; rowid = kb_articles.id.
    CREATE VIRTUAL TABLE kb_index USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
  `,
};
