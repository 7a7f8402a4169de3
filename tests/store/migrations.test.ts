import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, tableCounts } from '../../src/core/store/database.ts';
import { migrations } from '../../src/core/store/migrations/index.ts';
import { useTempDir } from '../helpers/temp.ts';

const tempDir = useTempDir();

/** A store with the migrations before `version` applied, then the one under test. */
function migratedThrough(version: number) {
  const db = new Database(join(tempDir(), 'test.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.filter((migration) => migration.version < version));
  const applied = migrate(db, migrations.filter((migration) => migration.version === version));
  return { db, applied };
}

function tables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

describe('migrations', () => {
  it('are numbered 1..n without gaps and apply once', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
    const path = join(tempDir(), 'store.db');
    openDatabase(path).close();
    const reopened = openDatabase(path);
    expect(reopened.prepare('SELECT count(*) FROM migrations').pluck().get()).toBe(migrations.length);
    expect(migrate(reopened, migrations)).toEqual([]);
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(reopened.pragma('foreign_keys', { simple: true })).toBe(1);
    reopened.close();
  });

  it('1 catalog: products with unique skus, images that belong to a product', () => {
    const { db, applied } = migratedThrough(1);
    expect(applied).toEqual([1]);
    expect(tables(db)).toEqual(expect.arrayContaining(['products', 'product_images']));
    db.prepare("INSERT INTO products (sku, title) VALUES ('A', 'Mug')").run();
    expect(() => db.prepare("INSERT INTO products (sku, title) VALUES ('A', 'Other')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO products (sku, title, price) VALUES ('B', 'Pot', 'cheap')").run()).toThrow(/cannot store TEXT value in REAL column/);
    expect(() =>
      db.prepare("INSERT INTO product_images (product_id, source, file_name, mime, width, height, bytes, sha256) VALUES (99, 'catalog', 'a.png', 'image/png', 1, 1, x'00', 'h')").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('2 customers and orders: statuses are checked and lines need an order', () => {
    const { db } = migratedThrough(2);
    db.prepare("INSERT INTO customers (external_id, name) VALUES ('C1', 'Ann')").run();
    expect(() => db.prepare("INSERT INTO orders (number, customer_id, status, placed_at) VALUES ('1', 1, 'lost', '2026-01-01')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO orders (number, customer_id, status, placed_at) VALUES ('1', 1, 'paid', '2026-01-01')").run();
    expect(() => db.prepare("INSERT INTO order_items (order_id, line, sku, title, quantity, unit_price) VALUES (1, 1, 'A', 'Mug', 0, 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO order_items (order_id, line, sku, title, quantity, unit_price) VALUES (7, 1, 'A', 'Mug', 1, 1)").run()).toThrow(/FOREIGN KEY/);
  });

  it('3 reviews: ratings 1-5, scores per model removed with their review', () => {
    const { db } = migratedThrough(3);
    expect(() => db.prepare("INSERT INTO reviews (external_id, text, rating) VALUES ('R1', 'x', 6)").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO reviews (external_id, text, rating) VALUES ('R1', 'fine', 4)").run();
    db.prepare("INSERT INTO review_scores (review_id, model, sentiment, positive, rating, urgency) VALUES (1, 'm1', 'positive', 0.9, 4.2, 0.1)").run();
    db.prepare("INSERT INTO review_scores (review_id, model, sentiment, positive, rating, urgency) VALUES (1, 'm2', 'positive', 0.8, 4.0, 0.1)").run();
    db.prepare('DELETE FROM reviews').run();
    expect(db.prepare('SELECT count(*) FROM review_scores').pluck().get()).toBe(0);
  });

  it('4 knowledge base: articles and a full-text index', () => {
    const { db } = migratedThrough(4);
    db.prepare("INSERT INTO kb_articles (external_id, title, body) VALUES ('a', 'Returns', 'Within 30 days')").run();
    db.prepare("INSERT INTO kb_index (rowid, title, body) VALUES (1, 'returns', 'within 30 days')").run();
    expect(db.prepare("SELECT rowid FROM kb_index WHERE kb_index MATCH 'days'").pluck().all()).toEqual([1]);
  });

  it('5 conversations: messages by known authors, deleted with their conversation', () => {
    const { db } = migratedThrough(5);
    db.prepare("INSERT INTO conversations (external_id, created_at, updated_at) VALUES ('V1', '2026-01-01', '2026-01-01')").run();
    expect(() => db.prepare("INSERT INTO messages (conversation_id, author, body, created_at) VALUES (1, 'robot', 'hi', '2026-01-01')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO messages (conversation_id, author, body, created_at) VALUES (1, 'customer', 'hi', '2026-01-01')").run();
    db.prepare('DELETE FROM conversations').run();
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
  });

  it('6 interactions: one row per user, item and time', () => {
    const { db } = migratedThrough(6);
    db.prepare("INSERT INTO interactions (user, item, timestamp) VALUES ('u', 'i', 5)").run();
    expect(() => db.prepare("INSERT INTO interactions (user, item, timestamp) VALUES ('u', 'i', 5)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO interactions (user, item, rating) VALUES ('u', 'j', 9)").run()).toThrow(/CHECK/);
  });

  it('7 labels, audit log and settings', () => {
    const { db } = migratedThrough(7);
    expect(tables(db)).toEqual(expect.arrayContaining(['labels', 'audit_log', 'settings']));
    db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"light\"')").run()).toThrow(/UNIQUE|PRIMARY/);
    db.prepare("INSERT INTO audit_log (actor, action) VALUES ('agent', 'test')").run();
    expect(tableCounts(db)).toMatchObject({ settings: 1, audit_log: 1 });
  });

  it('8 image vectors and learned adapters, removed with their image', () => {
    const { db } = migratedThrough(8);
    db.prepare("INSERT INTO products (sku, title) VALUES ('A', 'Mug')").run();
    db.prepare("INSERT INTO product_images (product_id, source, file_name, mime, width, height, bytes, sha256) VALUES (1, 'catalog', 'a.png', 'image/png', 1, 1, x'00', 'h')").run();
    db.prepare("INSERT INTO image_vectors (image_id, extractor, view, vector) VALUES (1, 'm', 0, x'0000803f')").run();
    expect(() => db.prepare("INSERT INTO image_vectors (image_id, extractor, view, vector) VALUES (1, 'm', 0, x'00')").run()).toThrow(/UNIQUE|PRIMARY/);
    db.prepare("INSERT INTO vision_adapters (extractor, adapter, examples) VALUES ('m', x'00', 1)").run();
    db.prepare('DELETE FROM product_images').run();
    expect(db.prepare('SELECT count(*) FROM image_vectors').pluck().get()).toBe(0);
  });

  it('9 review replies: not blank, removed with their review', () => {
    const { db, applied } = migratedThrough(9);
    expect(applied).toEqual([9]);
    db.prepare("INSERT INTO reviews (external_id, text) VALUES ('R1', 'Lid cracked')").run();
    expect(() => db.prepare("INSERT INTO review_replies (review_id, body, author) VALUES (1, '  ', 'Ann')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO review_replies (review_id, body, author) VALUES (7, 'Sorry', 'Ann')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO review_replies (review_id, body, author) VALUES (1, 'Sorry, a new lid is on its way', 'Ann')").run();
    db.prepare('DELETE FROM reviews').run();
    expect(db.prepare('SELECT count(*) FROM review_replies').pluck().get()).toBe(0);
  });

  it('10 assistant: macros with unique shortcuts, escalation and first reply backfilled', () => {
    const before = new Database(join(tempDir(), 'assistant.db'));
    before.pragma('foreign_keys = ON');
    migrate(before, migrations.filter((migration) => migration.version < 10));
    before.prepare("INSERT INTO conversations (external_id, created_at, updated_at) VALUES ('V1', '2026-01-01', '2026-01-02')").run();
    before.prepare("INSERT INTO messages (conversation_id, author, body, created_at) VALUES (1, 'customer', 'hi', '2026-01-01T10:00:00Z')").run();
    before.prepare("INSERT INTO messages (conversation_id, author, body, created_at) VALUES (1, 'note', 'internal', '2026-01-01T10:01:00Z')").run();
    before.prepare("INSERT INTO messages (conversation_id, author, body, created_at) VALUES (1, 'agent', 'hello', '2026-01-01T10:05:00Z')").run();
    expect(migrate(before, migrations.filter((migration) => migration.version === 10))).toEqual([10]);
    expect(before.prepare('SELECT escalation, first_reply_at FROM conversations').get()).toEqual({ escalation: null, first_reply_at: '2026-01-01T10:05:00Z' });
    before.prepare("INSERT INTO macros (external_id, name, shortcut, body) VALUES ('M1', 'Track', '/track', 'Hi {{customer.first_name}}')").run();
    expect(() => before.prepare("INSERT INTO macros (external_id, name, shortcut, body) VALUES ('M2', 'Other', '/track', 'x')").run()).toThrow(/UNIQUE/);
    expect(() => before.prepare("INSERT INTO macros (external_id, name, body) VALUES ('M3', ' ', 'x')").run()).toThrow(/CHECK/);
    before.prepare("INSERT INTO macros (external_id, name, body) VALUES ('M4', 'No shortcut', 'x')").run();
    expect(tableCounts(before)).toMatchObject({ macros: 2 });
  });

  it('11 product stock: unknown by default, never negative', () => {
    const { db, applied } = migratedThrough(11);
    expect(applied).toEqual([11]);
    db.prepare("INSERT INTO products (sku, title) VALUES ('A', 'Mug')").run();
    expect(db.prepare("SELECT stock FROM products WHERE sku = 'A'").pluck().get()).toBeNull();
    db.prepare("UPDATE products SET stock = 0 WHERE sku = 'A'").run();
    expect(() => db.prepare("UPDATE products SET stock = -1 WHERE sku = 'A'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE products SET stock = 'many' WHERE sku = 'A'").run()).toThrow(/cannot store TEXT/);
  });

  it('12 escalation cleared: empty until an agent clears', () => {
    const { db, applied } = migratedThrough(12);
    expect(applied).toEqual([12]);
    db.prepare("INSERT INTO conversations (external_id, created_at, updated_at) VALUES ('V1', '2026-01-01', '2026-01-01')").run();
    expect(db.prepare('SELECT escalation_cleared_through FROM conversations').pluck().get()).toBeNull();
    db.prepare('UPDATE conversations SET escalation_cleared_through = 7').run();
    expect(() => db.prepare("UPDATE conversations SET escalation_cleared_through = 'x'").run()).toThrow(/cannot store TEXT/);
  });

  it('13 tracking number index: an order is found by its tracking number in any case, through the index', () => {
    const { db, applied } = migratedThrough(13);
    expect(applied).toEqual([13]);
    db.prepare("INSERT INTO customers (external_id, name) VALUES ('C1', 'Ann')").run();
    db.prepare("INSERT INTO orders (number, customer_id, status, placed_at, tracking_number) VALUES ('5001', 1, 'shipped', '2026-01-01', 'SF123456789')").run();
    const lookup = "SELECT number FROM orders WHERE upper(tracking_number) = upper('sf123456789')";
    expect(db.prepare(lookup).pluck().get()).toBe('5001');
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${lookup}`).all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('orders_tracking_number');
  });

  it('14 kb numeric ids: articles stored before keep string ids, and the flag takes only 0 or 1', () => {
    const db = new Database(join(tempDir(), 'test.db'));
    migrate(db, migrations.filter((migration) => migration.version < 14));
    db.prepare("INSERT INTO kb_articles (external_id, title, body) VALUES ('a', 'Returns', 'Within 30 days')").run();
    expect(migrate(db, migrations.filter((migration) => migration.version === 14))).toEqual([14]);
    expect(db.prepare('SELECT numeric_id FROM kb_articles').pluck().get()).toBe(0);
    expect(() => db.prepare('UPDATE kb_articles SET numeric_id = 2').run()).toThrow(/CHECK/);
  });
});

