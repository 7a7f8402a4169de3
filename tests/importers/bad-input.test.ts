import { writeFileSync } from 'node:fs';
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
});
