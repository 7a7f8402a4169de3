import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/index.ts';
import { createMemoryLogger } from '../../src/core/logger.ts';
import { createInProcessClient } from '../../src/core/transports/in-process.ts';
import type { ApiClient } from '../../src/shared/api.ts';
import { sharedModels, useCore } from '../helpers/core.ts';
import { useTempDir } from '../helpers/temp.ts';

const newCore = useCore();
const tempDir = useTempDir();

const files = {
  products: ['products.csv', 'sku,title,category,price\nTEA,Oolong tea,Tea,12\nPOT,Glass teapot,Kitchen,30\nCUP,Tea cup,Kitchen,6\nCASE,Phone case,Electronics,15\n'],
  customers: ['customers.csv', 'id,name,email\nC1,Ann Lee,ann@example.com\nC2,Bo Chen,bo@example.com\nC3,Cy Diaz,cy@example.com\n'],
  orders: [
    'orders.csv',
    'order_number,customer_id,status,placed_at,sku,title,quantity,unit_price\n' +
      '1,C1,delivered,2026-09-01,TEA,Oolong tea,1,12\n1,C1,delivered,2026-09-01,POT,Glass teapot,1,30\n' +
      '2,C2,shipped,2026-10-01,TEA,Oolong tea,2,12\n2,C2,shipped,2026-10-01,POT,Glass teapot,1,30\n2,C2,shipped,2026-10-01,CUP,Tea cup,2,6\n' +
      '3,C3,cancelled,2026-10-02,TEA,Oolong tea,1,12\n3,C3,cancelled,2026-10-02,CASE,Phone case,1,15\n',
  ],
  conversations: [
    'conversations.json',
    JSON.stringify([
      { id: 'V1', customer_id: 'C1', subject: 'Where is my tea?', status: 'open', messages: [{ author: 'customer', body: 'Where is order 1?', created_at: '2026-10-03T10:00:00Z' }] },
      { id: 'V2', customer_id: 'C2', subject: 'Thanks', status: 'resolved', messages: [{ author: 'customer', body: 'All good', created_at: '2026-10-04T10:00:00Z' }] },
    ]),
  ],
  reviews: ['reviews.csv', 'id,sku,rating,text\nR1,TEA,5,Lovely tea\nR2,POT,2,Lid cracked\n'],
} as const;

async function seeded(): Promise<{ core: Core; client: ApiClient }> {
  const core = newCore();
  const client = createInProcessClient(core);
  for (const [kind, [fileName, content]] of Object.entries(files)) {
    await client.call('system.import', { kind: kind as keyof typeof files, fileName, content });
  }
  return { core, client };
}

describe('services', () => {
  it('lists, filters and pages the catalog', async () => {
    const { client } = await seeded();
    expect((await client.call('catalog.list', { category: 'Kitchen' })).items.map((product) => product.sku)).toEqual(['POT', 'CUP']);
    expect(await client.call('catalog.list', { query: 'tea', limit: 1 })).toMatchObject({ total: 3, items: [{ sku: 'TEA' }] });
    // Relevance first: the SKU itself, a title beginning with the word, a title word beginning with it.
    expect((await client.call('catalog.list', { query: 'tea' })).items.map((product) => product.sku)).toEqual(['TEA', 'CUP', 'POT']);
    expect((await client.call('catalog.list', { query: 'glass' })).items.map((product) => product.sku)).toEqual(['POT']);
    expect((await client.call('catalog.list', { query: 'cup' })).items.map((product) => product.sku)).toEqual(['CUP']);
    expect(await client.call('catalog.list', { query: '100%_' })).toEqual({ items: [], total: 0 });
    expect(await client.call('catalog.categories', {})).toEqual([
      { category: 'Electronics', count: 1 },
      { category: 'Kitchen', count: 2 },
      { category: 'Tea', count: 1 },
    ]);
  });

  it('shows a customer with orders, totals and conversations', async () => {
    const { client } = await seeded();
    const customer = await client.call('customers.get', { id: 'C2' });
    expect(customer.orders).toHaveLength(1);
    expect(customer.orders[0]).toMatchObject({ number: '2', status: 'shipped', total: 66 });
    expect(customer.conversations.map((conversation) => conversation.id)).toEqual(['V2']);
    expect((await client.call('customers.list', { query: 'chen' })).items.map((entry) => entry.id)).toEqual(['C2']);
    await expect(client.call('orders.get', { number: '999' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('counts buyers for "bought together", leaving out cancelled orders', async () => {
    const { client } = await seeded();
    const together = await client.call('recs.boughtTogether', { sku: 'TEA' });
    expect(together.map((product) => [product.sku, product.score])).toEqual([
      ['POT', 2],
      ['CUP', 1],
    ]);
    expect(together[0]?.reason).toEqual({ kind: 'bought_with', item: null, customers: 2 });
    await expect(client.call('recs.boughtTogether', { sku: 'NO-SUCH-SKU' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await client.call('recs.popular', { category: 'Kitchen' })).map((product) => product.sku)).toEqual(['POT', 'CUP']);
  });

  it('sends messages: stored as given, unread follows who spoke last, every send audited', async () => {
    const { client } = await seeded();
    const hostile = "<script>alert('x')</script>'; DROP TABLE messages; --";
    await client.call('chat.send', { conversationId: 'V1', author: 'customer', body: hostile });
    expect((await client.call('chat.list', { status: 'open' })).items[0]).toMatchObject({ id: 'V1', unread: true, lastMessage: hostile });
    const thread = await client.call('chat.get', { id: 'V1' });
    expect(thread.messages.at(-1)?.body).toBe(hostile);
    await client.call('chat.send', { conversationId: 'V1', author: 'agent', body: 'It ships today.' });
    await client.call('chat.send', { conversationId: 'V1', author: 'note', body: 'Checked with the warehouse' });
    expect((await client.call('chat.list', {})).items.find((entry) => entry.id === 'V1')).toMatchObject({ unread: false, lastMessage: 'It ships today.' });
    await expect(client.call('chat.send', { conversationId: 'V1', author: 'agent', body: '   ' })).rejects.toMatchObject({ code: 'invalid_argument' });
    expect((await client.call('system.audit', {})).filter((entry) => entry.action === 'chat.send')).toHaveLength(3);
    await client.call('chat.setStatus', { id: 'V1', status: 'resolved' });
    expect((await client.call('chat.list', { status: 'resolved' })).total).toBe(2);
  });

  it('resolves reviews in bulk and filters the queue', async () => {
    const { client } = await seeded();
    expect(await client.call('reviews.setStatus', { ids: ['R1', 'R2', 'R9'], status: 'resolved' })).toEqual({ updated: 2, changed: ['R1', 'R2'] });
    expect((await client.call('reviews.list', { status: 'open' })).total).toBe(0);
    expect((await client.call('reviews.list', { query: 'cracked' })).items.map((review) => review.productTitle)).toEqual(['Glass teapot']);
  });

  it('keeps settings, refusing values outside their range', async () => {
    const empty = createInProcessClient(newCore());
    expect(await empty.call('system.getSettings', {})).toEqual({ theme: 'system', language: 'en', agentName: 'Agent', onboarded: false, autoReply: false, autoReplyThreshold: 0.9, returnWindowDays: 30, currency: 'USD' });
    const { client } = await seeded();
    // Data imported before the app first opened: no welcome (and no demo offered into real data), unless the setting says otherwise.
    expect((await client.call('system.getSettings', {})).onboarded).toBe(true);
    expect(await client.call('system.updateSettings', { theme: 'dark', onboarded: false })).toMatchObject({ theme: 'dark', onboarded: false });
    await expect(client.call('system.updateSettings', { theme: 'neon' as never })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(client.call('system.updateSettings', { returnWindowDays: 999 })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'setting returnWindowDays: 999 is not allowed',
      reason: { key: 'settings.not_allowed', params: { key: 'returnWindowDays', value: '999' } },
    });
    expect((await client.call('system.updateSettings', { currency: 'EUR' })).currency).toBe('EUR');
    // Lower case and made-up codes are refused rather than shown as prices nobody can read.
    await expect(client.call('system.updateSettings', { currency: 'eur' })).rejects.toThrow(/setting currency/);
    await expect(client.call('system.updateSettings', { currency: 'XYZ' })).rejects.toThrow(/setting currency/);
    expect((await client.call('system.getSettings', {})).currency).toBe('EUR');
    expect((await client.call('system.getSettings', {})).theme).toBe('dark');
  });

  it('lists the built-in models with what they do, and the image extractors with where they are or what to install', async () => {
    const client = createInProcessClient(newCore());
    const models = await client.call('models.list', {});
    expect(models.find((model) => model.name === 'review-sentiment')).toMatchObject({ builtIn: true, task: 'review sentiment and star rating (EN + ZH)', licence: null, message: null });
    const extractor = models.find((model) => model.name === 'mobilenet-v2-1.0-224-quant');
    expect(extractor).toMatchObject({ builtIn: false, licence: 'Apache-2.0', path: join(sharedModels, 'mobilenet-v2-1.0-224-quant', 'mobilenet_v2_1.0_224_quant.onnx'), message: null });

    const bare = createCore({ dataDir: join(tempDir(), 'bare'), modelsPath: [], logger: createMemoryLogger(), providers: ['cpu'] });
    try {
      const missing = (await createInProcessClient(bare).call('models.list', {})).filter((model) => !model.builtIn);
      expect(missing.length).toBeGreaterThan(0);
      for (const model of missing) {
        expect(model.path).toBeNull();
        expect(model.message).toMatch(/SHOPDESK_MODELS_PATH is not set/);
      }
    } finally {
      await bare.close();
    }
  });
});
