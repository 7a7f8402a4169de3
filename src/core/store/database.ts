/**
 * Opens the SQLite store: WAL for concurrent readers, foreign keys on, and the
 * schema brought up to date by the numbered migrations.
 */
import Database from 'better-sqlite3';
import { migrations as allMigrations } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';

export type Db = Database.Database;

export function openDatabase(path: string, migrations: readonly Migration[] = allMigrations): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // WAL makes NORMAL durable against application crashes, and much faster on bulk imports.
  db.pragma('synchronous = NORMAL');
  migrate(db, migrations);
  return db;
}

/** Applies the migrations not yet recorded, each in its own transaction. Returns their versions. */
export function migrate(db: Db, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ) STRICT`);
  const applied = new Set(db.prepare('SELECT version FROM migrations').pluck().all() as number[]);
  const record = db.prepare('INSERT INTO migrations (version, name) VALUES (?, ?)');
  const newlyApplied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.up);
      record.run(migration.version, migration.name);
    })();
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}

/** The store's tables with their row counts (virtual index tables and their shadows left out). */
export function tableCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
       AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kb_index_%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  return counts;
}
