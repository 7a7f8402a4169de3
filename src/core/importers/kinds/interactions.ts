import { optionalNumber, optionalTimestamp, requiredText } from '../fields.ts';
import type { ImportKindSpec } from '../kind.ts';

interface InteractionRecord {
  user: string;
  item: string;
  rating: number | null;
  timestamp: number;
}

export const interactions: ImportKindSpec<InteractionRecord> = {
  kind: 'interactions',
  formats: ['csv', 'jsonl'],
  requiredColumns: ['user', 'item'],
  parse: (record) => ({
    user: requiredText(record, 'user'),
    item: requiredText(record, 'item'),
    rating: optionalNumber(record, 'rating', { min: 1, max: 5 }),
    // 0 when the file has no time.
    timestamp: optionalTimestamp(record, 'timestamp') ?? 0,
  }),
  write(db, values) {
    // Duplicates (same user, item and time) collapse into one interaction.
    const insert = db.prepare(
      `INSERT INTO interactions (user, item, rating, timestamp) VALUES (@user, @item, @rating, @timestamp)
       ON CONFLICT (user, item, timestamp) DO UPDATE SET rating = coalesce(excluded.rating, interactions.rating)`,
    );
    const existing = db.prepare('SELECT 1 FROM interactions WHERE user = ? AND item = ? AND timestamp = ?').pluck();
    let inserted = 0;
    for (const interaction of values) {
      if (existing.get(interaction.user, interaction.item, interaction.timestamp) === undefined) inserted += 1;
      insert.run(interaction);
    }
    return { inserted, updated: values.length - inserted };
  },
  export(db) {
    const records = db.prepare('SELECT user, item, rating, timestamp FROM interactions ORDER BY user, timestamp, item').all() as Record<string, unknown>[];
    return { format: 'csv', columns: ['user', 'item', 'rating', 'timestamp'], records };
  },
};
