import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/core/services/data-files.ts';
import { tableCounts } from '../../src/core/store/database.ts';
import { useCore } from '../helpers/core.ts';
import { useTempDir } from '../helpers/temp.ts';

const newCore = useCore();
const tempDir = useTempDir();

function write(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const orderHeader = 'order_number,customer_id,status,placed_at,sku,title,quantity,unit_price';

describe('importers on bad input', () => {
  it('refuses numbers SQLite cannot store exactly, by row and field, and keeps the store as it was', async () => {
    const core = newCore();
    const dir = tempDir();
    await importPath(core.context, 'customers', write(dir, 'customers.csv', 'id,name\nC1,Ann\n'));
    await importPath(core.context, 'products', write(dir, 'products.csv', 'sku,title,stock\nA1,Mug,3\n'));
    const before = tableCounts(core.context.db);
    const orders = write(dir, 'orders.csv', `${orderHeader}\nO1,C1,paid,2026-01-02,A1,Mug,1,3\nO2,C1,paid,2026-01-02,A1,Mug,1e30,3\n`);
    await expect(importPath(core.context, 'orders', orders)).rejects.toThrow(`${orders}: row 2, field "quantity": 1e+30 is too large`);
    const stock = write(dir, 'stock.csv', 'sku,title,stock\nA1,Mug,99999999999999999999\n');
    await expect(importPath(core.context, 'products', stock)).rejects.toThrow(`${stock}: row 1, field "stock": 100000000000000000000 is too large`);
    const interactions = write(dir, 'interactions.csv', 'user,item,timestamp\nu1,A1,1700000000\nu1,A1,99999999999999999999\n');
    await expect(importPath(core.context, 'interactions', interactions)).rejects.toThrow(`${interactions}: row 2, field "timestamp": 99999999999999999999 is too large for unix seconds`);
    expect(tableCounts(core.context.db)).toEqual(before);
  });

  it('refuses dates that do not exist and times that are not unix seconds or ISO dates', async () => {
    const core = newCore();
    const dir = tempDir();
    const leap = write(dir, 'leap.csv', 'id,name,created_at\nC1,Ann,2024-02-29\nC2,Bob,2023-02-29\n');
    await expect(importPath(core.context, 'customers', leap)).rejects.toThrow(`${leap}: row 2, field "created_at": "2023-02-29" is not a valid date`);
    for (const time of ['-5', 'Jan 5', '12-01-2020', '2024-04-31']) {
      const file = write(dir, 'times.csv', `user,item,timestamp\nu1,A1,${time}\n`);
      await expect(importPath(core.context, 'interactions', file)).rejects.toThrow(`${file}: row 1, field "timestamp"`);
    }
    const good = write(dir, 'good-times.csv', 'user,item,timestamp\nu1,A1,1700000000\nu2,A1,2024-01-01T10:00:00Z\n');
    await importPath(core.context, 'interactions', good);
    expect(core.context.db.prepare('SELECT timestamp FROM interactions ORDER BY user').pluck().all()).toEqual([1700000000, 1704103200]);
    expect(tableCounts(core.context.db).customers).toBe(0);
  });

  it('reads numbers in decimal notation only', async () => {
    const core = newCore();
    const dir = tempDir();
    for (const price of ['0x10', 'Infinity', '0b11']) {
      const file = write(dir, 'prices.csv', `sku,title,price\nA1,Mug,${price}\n`);
      await expect(importPath(core.context, 'products', file)).rejects.toThrow(`${file}: row 1, field "price": "${price}" is not a number`);
    }
    await importPath(core.context, 'products', write(dir, 'fine.csv', 'sku,title,price\nA1,Mug,1.5e1\nA2,Cup,.5\n'));
    expect(core.context.db.prepare('SELECT price FROM products ORDER BY sku').pluck().all()).toEqual([15, 0.5]);
  });

  it('names the line of an invalid UTF-8 byte or a NUL byte, also past the first chunk the stream reads', async () => {
    const core = newCore();
    const dir = tempDir();
    const invalid = write(dir, 'invalid.csv', Buffer.concat([Buffer.from('id,name\nC1,Ann\nC2,Jos'), Buffer.from([0xe9]), Buffer.from('\n')]));
    await expect(importPath(core.context, 'customers', invalid)).rejects.toThrow(`${invalid}: is not valid UTF-8 (line 3)`);
    // 5,000 rows of about 20 bytes: the bad byte is in the second 64 KiB chunk.
    const rows = Array.from({ length: 5000 }, (_, index) => `C${index},Customer ${index}`);
    const late = write(dir, 'late.csv', Buffer.concat([Buffer.from(`id,name\n${rows.join('\n')}\nC9999,Jos`), Buffer.from([0xff]), Buffer.from('\nC10000,Bob\n')]));
    await expect(importPath(core.context, 'customers', late)).rejects.toThrow(`${late}: is not valid UTF-8 (line 5002)`);
    const nul = write(dir, 'nul.csv', Buffer.concat([Buffer.from(`id,name\n${rows.join('\n')}\nC9999,Jo`), Buffer.from([0]), Buffer.from('\n')]));
    await expect(importPath(core.context, 'customers', nul)).rejects.toThrow(`${nul}: is a binary file, not text (NUL byte on line 5002)`);
    expect(tableCounts(core.context.db).customers).toBe(0);
  });

  it('refuses a Markdown folder holding a binary or mis-encoded file, naming it, and imports nothing', async () => {
    const core = newCore();
    const dir = tempDir();
    const folder = join(dir, 'articles');
    mkdirSync(folder);
    write(folder, 'a-returns.md', '# Returns\nWithin 30 days.\n');
    const photo = write(folder, 'b-photo.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    await expect(importPath(core.context, 'kb', folder)).rejects.toThrow(`${photo}: is a binary file, not text (NUL byte on line 3)`);
    write(folder, 'b-photo.md', Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\nOpen daily.\n')]));
    await expect(importPath(core.context, 'kb', folder)).rejects.toThrow(`${photo}: is not valid UTF-8 (line 1)`);
    expect(tableCounts(core.context.db).kb_articles).toBe(0);
  });

  it('refuses a conversation given twice, or transcript rows naming two customers, instead of merging silently', async () => {
    const core = newCore();
    const dir = tempDir();
    await importPath(core.context, 'customers', write(dir, 'customers.csv', 'id,name\nC1,Ann\nC2,Bob\n'));
    const message = (body: string, createdAt: string) => ({ author: 'customer', body, created_at: createdAt });
    const twice = write(dir, 'twice.json', JSON.stringify([
      { id: 'V1', customer_id: 'C1', messages: [message('Where is my parcel?', '2026-01-01T10:00:00Z')] },
      { id: 'V1', customer_id: 'C2', messages: [message('<script>alert(1)</script> 退款', '2026-01-02T10:00:00Z')] },
    ]));
    await expect(importPath(core.context, 'conversations', twice)).rejects.toThrow(`${twice}: row 2, field "id": conversation "V1" appears again; give all its messages in one record`);
    const header = 'conversation_id,customer_id,subject,author,body,created_at';
    const mixed = write(dir, 'mixed.csv', `${header}\nT1,C1,Parcel,customer,Hi,2026-01-01T10:00:00Z\nT1,C2,Parcel,customer,Still there?,2026-01-01T11:00:00Z\n`);
    await expect(importPath(core.context, 'conversations', mixed)).rejects.toThrow(`${mixed}: row 2, field "customer_id": differs from the first row of conversation T1 ("C1" vs "C2")`);
    expect(tableCounts(core.context.db)).toMatchObject({ conversations: 0, messages: 0 });

    // Rows of one transcript that leave the customer out on later rows still merge.
    const transcript = write(dir, 'transcript.csv', `${header}\nT1,C1,Parcel,customer,Hi,2026-01-01T10:00:00Z\nT1,,,agent,Hello Ann,2026-01-01T10:05:00Z\n`);
    expect(await importPath(core.context, 'conversations', transcript)).toMatchObject({ rows: 2, inserted: 1 });
    expect(tableCounts(core.context.db)).toMatchObject({ conversations: 1, messages: 2 });
  });

  it('reads a .tsv file with tabs, quotes and commas inside fields included', async () => {
    const core = newCore();
    const dir = tempDir();
    const tsv = write(dir, 'reviews.tsv', 'id\ttext\trating\nr1\tGood, but slow\t4\nr2\t"Tabs\tand ""quotes"""\t2\n');
    expect(await importPath(core.context, 'reviews', tsv)).toMatchObject({ rows: 2, inserted: 2 });
    expect(core.context.db.prepare('SELECT text FROM reviews ORDER BY external_id').pluck().all()).toEqual(['Good, but slow', 'Tabs\tand "quotes"']);
  });
});
