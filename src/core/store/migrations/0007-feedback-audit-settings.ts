import type { Migration } from './migration.ts';

export const feedbackAuditSettings: Migration = {
  version: 7,
  name: 'feedback-audit-settings',
  up: `
    -- Agents' corrections of model output (a review's sentiment, a message's intent),
    -- kept to retrain from.
    CREATE TABLE labels (
      id INTEGER PRIMARY KEY,
      target_kind TEXT NOT NULL,
      target_id TEXT NOT NULL,
      field TEXT NOT NULL,
      value TEXT NOT NULL,
      author TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT;
    CREATE INDEX labels_target ON labels(target_kind, target_id);

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      target TEXT NOT NULL DEFAULT '',
      detail TEXT NOT NULL DEFAULT '{}'
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
