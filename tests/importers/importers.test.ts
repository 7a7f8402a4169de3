import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSvgToPng } from '../../src/core/imaging/images.ts';
import { exportKind, exportToPath, importPath } from '../../src/core/services/data-files.ts';
import { tableCounts } from '../../src/core/store/database.ts';
import { useCore } from '../helpers/core.ts';
import { useTempDir } from '../helpers/temp.ts';

const newCore = useCore();
const tempDir = useTempDir();

const square = (colour: string) => renderSvgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="${colour}"/></svg>`);

async function write(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

const customersCsv = 'id,name,email,phone,created_at\nC1,Ann Lee,ann@example.com,,2026-01-02\nC2,王芳,wang@example.cn,138000,\n';

describe('importers', () => {
  it('imports products with images relative to the CSV, and re-importing updates in place', async () => {
    const core = newCore();
    const dir = tempDir();
    await write(dir, 'img/mug.png', await square('#c33'));
    const csv = await write(dir, 'products.csv', 'sku,title,description,category,price,image\nA1,Mug,Blue mug,Kitchen,9.5,img/mug.png\nA2,Teapot,"Glass, 1 l",Kitchen,20,\n');
    expect(await importPath(core.context, 'products', csv)).toMatchObject({ rows: 2, inserted: 2, updated: 0 });
    const product = (await core.dispatch('catalog.get', { sku: 'A1' })) as { images: { width: number; height: number; mime: string }[] };
    expect(product.images).toEqual([expect.objectContaining({ width: 40, height: 30, mime: 'image/png' })]);
    await write(dir, 'products.csv', 'sku,title,description,category,price,image\nA1,Mug XL,Blue mug,Kitchen,11,img/mug.png\n');
    expect(await importPath(core.context, 'products', csv)).toMatchObject({ rows: 1, inserted: 0, updated: 1 });
    expect(tableCounts(core.context.db)).toMatchObject({ products: 2, product_images: 1 });
    expect(core.context.db.prepare("SELECT title FROM products WHERE sku = 'A1'").pluck().get()).toBe('Mug XL');
  });

  it('keeps stock levels: a file without them leaves the known stock, a bad figure names its row', async () => {
    const core = newCore();
    const dir = tempDir();
    await importPath(core.context, 'products', await write(dir, 'stock.csv', 'sku,title,stock\nA1,Mug,12\nA2,Teapot,0\nA3,Cup,\n'));
    const stockOf = (sku: string) => core.context.db.prepare('SELECT stock FROM products WHERE sku = ?').pluck().get(sku);
    expect([stockOf('A1'), stockOf('A2'), stockOf('A3')]).toEqual([12, 0, null]);
    await importPath(core.context, 'products', await write(dir, 'titles.csv', 'sku,title\nA1,Mug XL\n'));
    expect(stockOf('A1')).toBe(12);
    const bad = await write(dir, 'bad-stock.csv', 'sku,title,stock\nA1,Mug,3\nA2,Teapot,-2\n');
    await expect(importPath(core.context, 'products', bad)).rejects.toThrow(`${bad}: row 2, field "stock": -2 is below 0`);
    await expect(importPath(core.context, 'products', await write(dir, 'half.csv', 'sku,title,stock\nA1,Mug,2.5\n'))).rejects.toThrow(/row 1, field "stock": 2.5 is not a whole number/);
    expect(stockOf('A1')).toBe(12);
    expect(exportKind(core.context, 'products').content.split('\n')[0]).toBe('sku,title,description,category,price,stock,image');
  });

  it('refuses a file with a bad row, naming file, row and field, and changes nothing', async () => {
    const core = newCore();
    const dir = tempDir();
    await importPath(core.context, 'products', await write(dir, 'ok.csv', 'sku,title,price\nA1,Mug,3\n'));
    const before = tableCounts(core.context.db);
    const bad = await write(dir, 'bad.csv', 'sku,title,price\nB1,Plate,4\nB2,Bowl,cheap\nB3,Cup,2\n');
    await expect(importPath(core.context, 'products', bad)).rejects.toThrow(`${bad}: row 2, field "price": "cheap" is not a number`);
    expect(tableCounts(core.context.db)).toEqual(before);
  });

  it('names the missing column, duplicate ids, binary and mis-encoded files', async () => {
    const core = newCore();
    const dir = tempDir();
    await expect(importPath(core.context, 'products', await write(dir, 'a.csv', 'title,price\nMug,3\n'))).rejects.toThrow(/field "sku": missing column/);
    await expect(importPath(core.context, 'products', await write(dir, 'b.csv', 'sku,title\nA,Mug\nA,Cup\n'))).rejects.toThrow(/row 2, field "sku": "A" appears again \(first on row 1\)/);
    await expect(importPath(core.context, 'products', await write(dir, 'c.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])))).rejects.toThrow(/binary file/);
    await expect(importPath(core.context, 'products', await write(dir, 'd.csv', Buffer.concat([Buffer.from('sku,title\nA,'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')])))).rejects.toThrow(/not valid UTF-8/);
    await expect(importPath(core.context, 'products', await write(dir, 'e.csv', 'sku,title\n'))).rejects.toThrow(/has no records/);
    await expect(importPath(core.context, 'products', join(dir, 'missing.csv'))).rejects.toThrow(/cannot be read/);
    await expect(importPath(core.context, 'products', await write(dir, 'f.csv', 'sku,title,image\nA,Mug,nope.png\n'))).rejects.toThrow(/row 1, field "image": nope.png: file not found/);
    await expect(importPath(core.context, 'products', await write(dir, 'g.csv', 'sku,title,image\nA,Mug,g.csv\n'))).rejects.toThrow(/field "image": g.csv: not a readable image/);
    expect(tableCounts(core.context.db).products).toBe(0);
  });

  it('imports orders as lines grouped by order, checking customers and agreement between lines', async () => {
    const core = newCore();
    const dir = tempDir();
    await importPath(core.context, 'customers', await write(dir, 'customers.csv', customersCsv));
    const header = 'order_number,customer_id,status,placed_at,shipped_at,delivered_at,carrier,tracking_number,currency,sku,title,quantity,unit_price\n';
    const ordersCsv = `${header}1001,C1,shipped,2026-10-01,2026-10-02,,UPS,1Z9,USD,A1,Mug,2,9.5\n1001,C1,shipped,2026-10-01,2026-10-02,,UPS,1Z9,USD,A2,Teapot,1,20\n1002,C2,paid,2026-10-05,,,,,CNY,A2,Teapot,1,140\n`;
    expect(await importPath(core.context, 'orders', await write(dir, 'orders.csv', ordersCsv))).toMatchObject({ rows: 3, inserted: 2 });
    const order = (await core.dispatch('orders.get', { number: '#1001' })) as { total: number; items: unknown[]; trackingNumber: string };
    expect(order).toMatchObject({ total: 39, trackingNumber: '1Z9' });
    expect(order.items).toHaveLength(2);
    await expect(importPath(core.context, 'orders', await write(dir, 'o2.csv', `${header}1003,C9,paid,2026-10-05,,,,,USD,A2,Teapot,1,1\n`))).rejects.toThrow(/row 1, field "customer_id": unknown customer "C9"/);
    await expect(
      importPath(core.context, 'orders', await write(dir, 'o3.csv', `${header}1004,C1,paid,2026-10-05,,,,,USD,A2,Teapot,1,1\n1004,C1,shipped,2026-10-05,,,,,USD,A1,Mug,1,1\n`)),
    ).rejects.toThrow(/row 2, field "status": differs from the first line of order 1004/);
    await expect(importPath(core.context, 'orders', await write(dir, 'o4.csv', `${header}1005,C1,lost,2026-10-05,,,,,USD,A2,Teapot,1,1\n`))).rejects.toThrow(/field "status": "lost" is not one of/);
    expect(tableCounts(core.context.db)).toMatchObject({ orders: 2, order_items: 3 });
  });

  it('imports knowledge-base articles from JSONL (both shapes) and a Markdown folder, searchable in Chinese too', async () => {
    const core = newCore();
    const dir = tempDir();
    const jsonl = '{"id":"faq-1","question":"How long does shipping take?","answer":"Orders ship in 2 business days."}\n{"id":"kb-zh-1","title":"退货政策","body":"收到商品后三十天内可以申请退货。"}\n';
    await importPath(core.context, 'kb', await write(dir, 'kb.jsonl', jsonl));
    await write(dir, 'md/warranty.md', '# Warranty\n\nEvery appliance has a two year warranty.\n');
    expect(await importPath(core.context, 'kb', join(dir, 'md'))).toMatchObject({ rows: 1, inserted: 1 });
    // The Markdown file's heading is the title, not part of the excerpt.
    const english = (await core.dispatch('kb.search', { query: 'warranty on my kettle?' })) as { articleId: string; snippet: string }[];
    expect(english[0]).toMatchObject({ articleId: 'warranty', snippet: 'Every appliance has a two year warranty.' });
    const chinese = (await core.dispatch('kb.search', { query: '怎么退货' })) as { articleId: string; snippet: string }[];
    expect(chinese[0]).toMatchObject({ articleId: 'kb-zh-1', snippet: '收到商品后三十天内可以申请退货。' });
    await expect(importPath(core.context, 'kb', await write(dir, 'bad.jsonl', '{"id":"x","title":"T","body":"B"}\nnot json\n'))).rejects.toThrow(/row 2: is not valid JSON/);
  });

  it('imports questions without answers (a list of known questions) and finds them by paraphrase', async () => {
    const core = newCore();
    const dir = tempDir();
    const jsonl = '{"id":"q-1","question":"花呗怎么还款"}\n{"id":"q-2","question":"借呗的额度为什么降低了","answer":""}\n';
    expect(await importPath(core.context, 'kb', await write(dir, 'questions.jsonl', jsonl))).toMatchObject({ rows: 2, inserted: 2 });
    expect(await importPath(core.context, 'kb', await write(dir, 'questions.csv', 'id,question\nq-3,How do I change my delivery address?\n'))).toMatchObject({ rows: 1, inserted: 1 });
    expect(((await core.dispatch('kb.search', { query: '我的借呗额度怎么变少了' })) as { articleId: string }[])[0]?.articleId).toBe('q-2');
    expect(((await core.dispatch('kb.search', { query: 'change the shipping address' })) as { articleId: string }[])[0]?.articleId).toBe('q-3');
    // A JSON file that wraps its records in one object, as the public FAQ sets do.
    const wrapped = JSON.stringify({ questions: [{ id: 'faq-0', question: 'How can I create an account?', answer: 'Click Sign Up.' }] });
    expect(await importPath(core.context, 'kb', await write(dir, 'faq.json', wrapped))).toMatchObject({ rows: 1, inserted: 1 });
    await expect(importPath(core.context, 'kb', await write(dir, 'two-arrays.json', JSON.stringify({ a: [], b: [] })))).rejects.toThrow(/must hold a JSON array of records/);
    // Still refused: an article with neither a question nor a title.
    await expect(importPath(core.context, 'kb', await write(dir, 'untitled.jsonl', '{"id":"x","body":"B"}\n'))).rejects.toThrow(/field "title": is required/);
  });

  it('imports reviews, interactions and conversations, and exports every kind back in an importable form', async () => {
    const core = newCore();
    const dir = tempDir();
    await importPath(core.context, 'customers', await write(dir, 'customers.csv', customersCsv));
    await importPath(core.context, 'reviews', await write(dir, 'reviews.csv', 'id,product,rating,title,text\nR1,A1,5,Great,Love this mug\nR2,A1,1,,杯子收到就碎了，要求退款\n'));
    await expect(importPath(core.context, 'reviews', await write(dir, 'r2.csv', 'id,text,rating\nR3,ok,9\n'))).rejects.toThrow(/row 1, field "rating": 9 is above 5/);
    const interactions = 'user,item,rating,timestamp\nC1,A1,5,1700000000\nC1,A1,5,1700000000\nC2,A2,,2026-10-01T00:00:00Z\n';
    expect(await importPath(core.context, 'interactions', await write(dir, 'interactions.csv', interactions))).toMatchObject({ rows: 3, inserted: 2, updated: 1 });
    const transcript = 'conversation_id,customer_id,subject,status,author,body,created_at\nV1,C1,Where is my order,open,customer,Where is order 1001?,2026-10-03T10:00:00Z\nV1,C1,Where is my order,open,agent,It ships today.,2026-10-03T10:05:00Z\n';
    await importPath(core.context, 'conversations', await write(dir, 'conversations.csv', transcript));
    const conversation = (await core.dispatch('chat.get', { id: 'V1' })) as { messages: { author: string }[]; customerName: string };
    expect(conversation.messages.map((message) => message.author)).toEqual(['customer', 'agent']);
    expect(conversation.customerName).toBe('Ann Lee');
    const reviews = (await core.dispatch('reviews.list', {})) as { items: { id: string; lang: string }[] };
    expect(Object.fromEntries(reviews.items.map((review) => [review.id, review.lang]))).toEqual({ R1: 'en', R2: 'zh' });

    // Export each kind, import it into a fresh store, and the tables match.
    const copy = newCore();
    for (const kind of ['customers', 'reviews', 'interactions', 'conversations'] as const) {
      const exported = exportKind(core.context, kind);
      await importPath(copy.context, kind, await write(dir, `export/${exported.fileName}`, exported.content));
    }
    const counts = tableCounts(copy.context.db);
    expect(counts).toMatchObject({ customers: 2, reviews: 2, interactions: 2, conversations: 1, messages: 2 });
  });

  it('re-importing a conversation keeps the replies sent since and adds only what the store lacks', async () => {
    const core = newCore();
    const dir = tempDir();
    await importPath(core.context, 'customers', await write(dir, 'customers.csv', customersCsv));
    const header = 'conversation_id,customer_id,subject,status,author,body,created_at\n';
    const first = 'V1,C1,Where is my order,open,customer,Where is order 1001?,2026-10-03T10:00:00Z\n';
    const file = await write(dir, 'conversations.csv', header + first);
    await importPath(core.context, 'conversations', file);
    await core.dispatch('chat.send', { conversationId: 'V1', author: 'agent', body: 'It ships today.' });
    const bodies = async () => ((await core.dispatch('chat.get', { id: 'V1' })) as { messages: { body: string }[] }).messages.map((message) => message.body);

    // The same (older) file again: the agent's reply stays, the customer's message is not doubled.
    expect(await importPath(core.context, 'conversations', file)).toMatchObject({ inserted: 0, updated: 1 });
    expect(await bodies()).toEqual(['Where is order 1001?', 'It ships today.']);
    // A newer transcript adds its new message.
    await write(dir, 'conversations.csv', `${header}${first}V1,C1,Where is my order,open,customer,Thanks!,2099-01-01T00:00:00Z\n`);
    await importPath(core.context, 'conversations', file);
    // The customer spoke last: unread again (checked before chat.get, which marks it read).
    expect(core.context.db.prepare("SELECT unread FROM conversations WHERE external_id = 'V1'").pluck().get()).toBe(1);
    expect(await bodies()).toEqual(['Where is order 1001?', 'It ships today.', 'Thanks!']);
  });

  it('exports products with their images beside the CSV, ready to import again', async () => {
    const core = newCore();
    const dir = tempDir();
    await write(dir, 'a.png', await square('#3a3'));
    await importPath(core.context, 'products', await write(dir, 'p.csv', 'sku,title,image\nA1,Mug,a.png\n'));
    const out = join(dir, 'out', 'products.csv');
    expect(await exportToPath(core.context, 'products', out)).toEqual({ records: 1, attachments: 1 });
    expect(readFileSync(out, 'utf8')).toMatch(/^sku,title,description,category,price,stock,image\nA1,Mug,,,,,images\/A1-1\.png\n$/);
    const copy = newCore();
    await importPath(copy.context, 'products', out);
    expect(tableCounts(copy.context.db)).toMatchObject({ products: 1, product_images: 1 });
  });
});
