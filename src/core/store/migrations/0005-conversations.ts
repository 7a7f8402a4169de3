import type { Migration } from './migration.ts';

export const conversations: Migration = {
  version: 5,
  name: 'conversations',
  up: `
    CREATE TABLE conversations (
      id INTEGER PRIMARY KEY,
      external_id TEXT NOT NULL UNIQUE,
      customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
      subject TEXT NOT NULL DEFAULT '',
      channel TEXT NOT NULL DEFAULT 'chat',
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'resolved')),
      assignee TEXT,
      unread INTEGER NOT NULL DEFAULT 0 CHECK (unread IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX conversations_status ON conversations(status, updated_at);

    CREATE TABLE messages (
      id INTEGER PRIMARY KEY,
      conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      author TEXT NOT NULL CHECK (author IN ('customer', 'agent', 'assistant', 'note')),
      body TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX messages_conversation ON messages(conversation_id, created_at);
  `,
};
