import type { Migration } from './migration.ts';

export const assistant: Migration = {
  version: 10,
  name: 'assistant',
  up: `
    -- Canned replies with {{variables}}; the shortcut is what agents type in the composer.
    CREATE TABLE macros (
      id INTEGER PRIMARY KEY,
      external_id TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      shortcut TEXT UNIQUE CHECK (shortcut IS NULL OR length(trim(shortcut)) > 0),
      body TEXT NOT NULL CHECK (length(trim(body)) > 0),
      -- The intent the macro answers, so the assistant can offer it; NULL for manual-only macros.
      intent TEXT,
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT;

    -- Escalation is set by the assistant (angry customer, repeated out-of-scope) and cleared by an agent.
    ALTER TABLE conversations ADD COLUMN escalation TEXT;
    -- When the first agent or assistant reply was sent: the list's first-reply timer runs until then.
    ALTER TABLE conversations ADD COLUMN first_reply_at TEXT;
    UPDATE conversations SET first_reply_at = (
      SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = conversations.id AND m.author IN ('agent', 'assistant')
    );
  `,
};
