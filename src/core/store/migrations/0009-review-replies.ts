import type { Migration } from './migration.ts';

export const reviewReplies: Migration = {
  version: 9,
  name: 'review-replies',
  up: `
    -- Replies agents write to reviews in triage, newest last; removed with their review.
    CREATE TABLE review_replies (
      id INTEGER PRIMARY KEY,
      review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
      body TEXT NOT NULL CHECK (length(trim(body)) > 0),
      author TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT;
    CREATE INDEX review_replies_review ON review_replies(review_id, id);
  `,
};
