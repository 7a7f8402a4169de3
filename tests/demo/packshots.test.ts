/**
 * The demo store: packshots render as real PNGs through sharp, and the authored files in
 * resources/demo agree with each other (every reference resolves, every order is coherent)
 * and load through the real importers.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packshotSvg } from '../../src/core/demo/packshots.ts';
import { repositoryRoot } from '../../src/core/index.ts';
import { decodeRgb, readImageFacts, renderSvgToPng } from '../../src/core/imaging/images.ts';
import { orderStatuses } from '../../src/shared/types.ts';
import { useCore } from '../helpers/core.ts';

const demoDir = join(repositoryRoot, 'resources', 'demo');
type Row = Record<string, string>;

function readCsv(file: string, header: string[]): Row[] {
  const text = readFileSync(join(demoDir, file), 'utf8');
  expect(text.split('\n')[0], `${file} header`).toBe(header.join(','));
  return parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false }) as Row[];
}

const products = readCsv('products.csv', ['sku', 'title', 'description', 'category', 'price', 'image', 'stock']);
const customers = readCsv('customers.csv', ['id', 'name', 'email', 'phone', 'created_at']);
const orderLines = readCsv('orders.csv', [
  'order_number', 'customer_id', 'status', 'placed_at', 'shipped_at', 'delivered_at', 'carrier',
  'tracking_number', 'currency', 'sku', 'title', 'quantity', 'unit_price',
]);
const reviews = readCsv('reviews.csv', ['id', 'sku', 'author', 'rating', 'title', 'text', 'created_at']);
const interactions = readCsv('interactions.csv', ['user', 'item', 'rating', 'timestamp']);
const kbEntries = readFileSync(join(demoDir, 'kb.jsonl'), 'utf8').split('\n').filter((line) => line.trim() !== '');

interface Conversation {
  id: string;
  customer_id: string;
  subject: string;
  status: string;
  channel: string;
  messages: { author: string; body: string; created_at: string }[];
}
const conversations = JSON.parse(readFileSync(join(demoDir, 'conversations.json'), 'utf8')) as Conversation[];
const macros = JSON.parse(readFileSync(join(demoDir, 'macros.json'), 'utf8')) as Record<string, string>[];

const productBySku = new Map(products.map((product) => [product.sku, product]));
const customerIds = new Set(customers.map((customer) => customer.id));
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

function expectUnique(values: string[], what: string): void {
  const seen = new Set<string>();
  const repeated = values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
  expect(repeated, `repeated ${what}`).toEqual([]);
}

function ordersByNumber(): Map<string, Row[]> {
  const orders = new Map<string, Row[]>();
  for (const line of orderLines) orders.set(line.order_number ?? '', [...(orders.get(line.order_number ?? '') ?? []), line]);
  return orders;
}

describe('packshots', () => {
  it('renders every demo product as a 512×512 PNG with the product standing out from the backdrop', async () => {
    for (const product of products) {
      const svg = packshotSvg({ sku: product.sku ?? '', title: product.title ?? '', category: product.category ?? '' });
      expect(svg, 'fonts may be missing on users’ machines').not.toMatch(/<text\b/);
      const png = await renderSvgToPng(svg);
      expect(await readImageFacts(png), product.sku).toEqual({ mime: 'image/png', width: 512, height: 512 });
      // The centre of the frame (the product) must differ clearly from the bare corner.
      const { pixels, width } = await decodeRgb(png, 512);
      const corner = [pixels[0] ?? 0, pixels[1] ?? 0, pixels[2] ?? 0];
      let differing = 0;
      for (let y = 160; y < 360; y += 4) {
        for (let x = 160; x < 360; x += 4) {
          const offset = (y * width + x) * 3;
          const distance = Math.abs((pixels[offset] ?? 0) - (corner[0] ?? 0)) + Math.abs((pixels[offset + 1] ?? 0) - (corner[1] ?? 0)) + Math.abs((pixels[offset + 2] ?? 0) - (corner[2] ?? 0));
          if (distance > 40) differing += 1;
        }
      }
      expect(differing / 2500, `${product.sku} ${product.title} draws a visible product`).toBeGreaterThan(0.12);
    }
  });

  it('is deterministic per product, and different SKUs get different colours', () => {
    const mug = { sku: 'SD-1001', title: 'Stoneware Coffee Mug', category: 'Kitchen' };
    expect(packshotSvg(mug)).toBe(packshotSvg({ ...mug }));
    expect(packshotSvg(mug)).not.toBe(packshotSvg({ ...mug, sku: 'SD-9001' }));
  });

  it('picks the silhouette from the title, in English or Chinese, and falls back on the category', () => {
    const paths = (title: string, category = '') => packshotSvg({ sku: 'SD-1', title, category }).match(/<path d="[^"]*"/g)?.slice(1).join();
    expect(paths('Glass Teapot')).not.toBe(paths('Phone Case'));
    expect(paths('西湖龙井绿茶')).toBe(paths('Jasmine tea'));
    expect(paths('Something new', 'Apparel')).toBe(paths('Crew T-Shirt'));
    expect(paths('Something new', 'Apparel')).not.toBe(paths('Something new', 'Electronics'));
  });
});

describe('demo store files', () => {
  it('products have unique SKUs, prices, a known category and an image named after the SKU', () => {
    expectUnique(products.map((product) => product.sku ?? ''), 'sku');
    expect(products.length).toBeGreaterThanOrEqual(25);
    for (const product of products) {
      expect(product.sku).toMatch(/^SD-\d{4}$/);
      expect(product.image).toBe(`images/${product.sku}.png`);
      expect(product.price).toMatch(/^\d+\.\d{2}$/);
      expect(['Kitchen', 'Apparel', 'Electronics', 'Tea & Grocery', 'Beauty']).toContain(product.category);
      expect(product.description?.length, product.sku).toBeGreaterThan(30);
    }
    expect(products.some((product) => hasHan(product.title ?? ''))).toBe(true);
  });

  it('customers have unique ids, e-mail addresses and ISO dates', () => {
    expectUnique(customers.map((customer) => customer.id ?? ''), 'customer id');
    expectUnique(customers.map((customer) => customer.email ?? ''), 'customer email');
    for (const customer of customers) {
      expect(customer.id).toMatch(/^C-\d{4}$/);
      expect(customer.email).toMatch(/^[^\s@]+@example\.[a-z.]+$/);
      expect(customer.created_at).toMatch(/^2026-\d{2}-\d{2}$/);
    }
  });

  it('order lines name real customers and products, and each order is coherent', () => {
    const orders = ordersByNumber();
    expect(orders.size).toBeGreaterThanOrEqual(30);
    expect(new Set(orderLines.map((line) => line.status))).toEqual(new Set(orderStatuses));
    const orderLevel = ['customer_id', 'status', 'placed_at', 'shipped_at', 'delivered_at', 'carrier', 'tracking_number', 'currency'];
    for (const [number, lines] of orders) {
      const first = lines[0] as Row;
      expect(customerIds.has(first.customer_id ?? ''), `${number} customer`).toBe(true);
      for (const line of lines) {
        for (const field of orderLevel) expect(line[field], `${number} ${field}`).toBe(first[field]);
        const product = productBySku.get(line.sku ?? '');
        expect(product, `${number} sku ${line.sku}`).toBeDefined();
        expect(line.title, `${number} title`).toBe(product?.title);
        expect(line.unit_price, `${number} price`).toBe(product?.price);
        expect(Number(line.quantity)).toBeGreaterThanOrEqual(1);
      }
      expectUnique(lines.map((line) => line.sku ?? ''), `sku within order ${number}`);
      const { status, placed_at: placed = '', shipped_at: shipped = '', delivered_at: delivered = '', carrier, tracking_number: tracking } = first;
      expect(placed, number).toMatch(isoDateTime);
      const wasShipped = ['shipped', 'delivered', 'returned'].includes(status ?? '') || (status === 'refunded' && shipped !== '');
      expect(shipped !== '', `${number} shipped_at for ${status}`).toBe(wasShipped);
      expect(delivered !== '', `${number} delivered_at for ${status}`).toBe(['delivered', 'returned'].includes(status ?? '') || (status === 'refunded' && delivered !== ''));
      expect(carrier !== '' && tracking !== '', `${number} carrier and tracking`).toBe(wasShipped);
      if (shipped) expect(shipped > placed, `${number} ships after it is placed`).toBe(true);
      if (delivered) expect(delivered > shipped, `${number} arrives after it ships`).toBe(true);
      if (carrier === 'UPS') expect(tracking).toMatch(/^1Z[0-9A-Z]{16}$/);
      if (carrier === 'SF Express') expect(tracking).toMatch(/^SF\d{13}$/);
    }
    expectUnique(orderLines.filter((line) => line.tracking_number).map((line) => `${line.tracking_number}`).filter((value, index, all) => all.indexOf(value) === index), 'tracking number');
  });

  it('several customers buy the same pairs, so "bought together" has something to say', () => {
    const buyersOfPair = new Map<string, Set<string>>();
    for (const lines of ordersByNumber().values()) {
      if (lines[0]?.status === 'cancelled') continue;
      const skus = lines.map((line) => line.sku ?? '').sort();
      for (const first of skus) {
        for (const second of skus) {
          if (first < second) buyersOfPair.set(`${first}+${second}`, (buyersOfPair.get(`${first}+${second}`) ?? new Set()).add(lines[0]?.customer_id ?? ''));
        }
      }
    }
    const sharedPairs = [...buyersOfPair].filter(([, buyers]) => buyers.size >= 2).map(([pair]) => pair);
    expect(sharedPairs.length).toBeGreaterThanOrEqual(5);
    expect(sharedPairs).toEqual(expect.arrayContaining(['SD-1002+SD-1303', 'SD-1201+SD-1203', 'SD-1401+SD-1402']));
  });

  it('reviews point at real products, rate 1–5 and mix English and Chinese', () => {
    expectUnique(reviews.map((review) => review.id ?? ''), 'review id');
    for (const review of reviews) {
      expect(productBySku.has(review.sku ?? ''), `${review.id} sku`).toBe(true);
      expect(['1', '2', '3', '4', '5']).toContain(review.rating);
      expect(review.created_at).toMatch(isoDateTime);
    }
    const chinese = reviews.filter((review) => hasHan(review.text ?? '')).length / reviews.length;
    expect(chinese).toBeGreaterThan(0.3);
    expect(chinese).toBeLessThan(0.5);
    expect(new Set(reviews.map((review) => review.rating)).size).toBe(5);
  });

  it('interactions are by real customers on real products, and every purchase is among them', () => {
    for (const interaction of interactions) {
      expect(customerIds.has(interaction.user ?? ''), `user ${interaction.user}`).toBe(true);
      expect(productBySku.has(interaction.item ?? ''), `item ${interaction.item}`).toBe(true);
      expect(['', '1', '2', '3', '4', '5']).toContain(interaction.rating);
      expect(interaction.timestamp).toMatch(/^\d{10}$/);
    }
    const seen = new Set(interactions.map((interaction) => `${interaction.user}|${interaction.item}`));
    for (const line of orderLines) expect(seen.has(`${line.customer_id}|${line.sku}`), `${line.order_number} ${line.sku}`).toBe(true);
  });

  it('knowledge base lines are JSON articles or FAQ pairs with unique ids, a third of them Chinese', () => {
    const entries = kbEntries.map((line) => JSON.parse(line) as Record<string, unknown>);
    expectUnique(entries.map((entry) => String(entry.id)), 'kb id');
    for (const entry of entries) {
      const keys = Object.keys(entry).sort().join(',');
      expect(['body,id,title', 'answer,id,question'], String(entry.id)).toContain(keys);
      for (const value of Object.values(entry)) expect(typeof value === 'string' && value.trim() !== '').toBe(true);
      expect(String(entry.id).startsWith('kb-zh-'), String(entry.id)).toBe(hasHan(String(entry.body ?? entry.answer)));
    }
    expect(entries.filter((entry) => 'question' in entry).length).toBeGreaterThanOrEqual(8);
    expect(entries.filter((entry) => 'title' in entry).length).toBeGreaterThanOrEqual(8);
    const chinese = entries.filter((entry) => String(entry.id).startsWith('kb-zh-')).length / entries.length;
    expect(chinese).toBeGreaterThan(0.25);
  });

  it('conversations belong to real customers and only cite that customer’s own orders', () => {
    const orders = ordersByNumber();
    expectUnique(conversations.map((conversation) => conversation.id), 'conversation id');
    expect(conversations.some((conversation) => conversation.status === 'open')).toBe(true);
    for (const conversation of conversations) {
      expect(customerIds.has(conversation.customer_id), conversation.id).toBe(true);
      expect(['open', 'pending', 'resolved']).toContain(conversation.status);
      expect(['email', 'chat']).toContain(conversation.channel);
      expect(conversation.messages.length).toBeGreaterThan(0);
      for (const message of conversation.messages) {
        expect(['customer', 'agent', 'assistant', 'note']).toContain(message.author);
        expect(message.created_at).toMatch(isoDateTime);
      }
      const times = conversation.messages.map((message) => message.created_at);
      expect(times, `${conversation.id} in time order`).toEqual([...times].sort());
      const text = [conversation.subject, ...conversation.messages.map((message) => message.body)].join(' ');
      for (const [number] of text.matchAll(/\b1002\d\d\b/g)) {
        expect(orders.get(number)?.[0]?.customer_id, `${conversation.id} cites ${number}`).toBe(conversation.customer_id);
      }
    }
  });

  it('macros have unique ids and shortcuts and use only known variables', () => {
    expectUnique(macros.map((macro) => macro.id ?? ''), 'macro id');
    expectUnique(macros.map((macro) => macro.shortcut ?? ''), 'macro shortcut');
    const known = new Set(['customer.first_name', 'order.number', 'order.status', 'order.carrier', 'order.tracking_number', 'agent.name']);
    const intents = new Set((JSON.parse(readFileSync(join(repositoryRoot, 'models', 'intent-ecommerce', 'manifest.json'), 'utf8')) as { labels: string[] }).labels);
    for (const macro of macros) {
      expect(Object.keys(macro).sort()).toEqual(['body', 'id', 'intent', 'name', 'shortcut']);
      // The assistant offers a macro for its intent, so the intent must be one the built-in model predicts.
      if (macro.intent !== null) expect(intents, `${macro.id} intent`).toContain(macro.intent);
      for (const [, variable] of (macro.body ?? '').matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)) expect(known, `${macro.id} {{${variable}}}`).toContain(variable);
    }
  });
});

describe('demo store import', () => {
  const newCore = useCore();

  it('loads every file through the real importers, and bought-together finds the pairs', async () => {
    const core = newCore();
    const { tables } = (await core.dispatch('system.createDemo', {})) as { tables: Record<string, number> };
    expect(tables).toMatchObject({
      products: products.length,
      product_images: products.length,
      customers: customers.length,
      orders: ordersByNumber().size,
      order_items: orderLines.length,
      reviews: reviews.length,
      kb_articles: kbEntries.length,
      conversations: conversations.length,
      interactions: interactions.length,
      macros: macros.length,
    });
    const related = (await core.dispatch('recs.boughtTogether', { sku: 'SD-1002' })) as { sku: string; score: number }[];
    expect(related[0]).toMatchObject({ sku: 'SD-1303' });
    expect(related[0]?.score).toBeGreaterThanOrEqual(3);
  });
});
