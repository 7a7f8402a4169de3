import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/index.ts';
import { importPath } from '../../src/core/services/data-files.ts';
import { recommenderDir } from '../../src/core/services/recs-model.ts';
import { createInProcessClient } from '../../src/core/transports/in-process.ts';
import type { ApiClient } from '../../src/shared/api.ts';
import type { ProgressEvent } from '../../src/shared/types.ts';
import { useCore } from '../helpers/core.ts';
import { useTempDir } from '../helpers/temp.ts';

const newCore = useCore();
const tempDir = useTempDir();

async function demoStore(): Promise<{ core: Core; client: ApiClient }> {
  const core = newCore();
  const client = createInProcessClient(core);
  await client.call('system.createDemo', {});
  return { core, client };
}

/** Everything the store says the customer already has: order lines and imported interactions. */
function owned(core: Core, customerId: string): Set<string> {
  return new Set(
    core.context.db
      .prepare(
        `SELECT i.sku FROM order_items i JOIN orders o ON o.id = i.order_id JOIN customers c ON c.id = o.customer_id WHERE c.external_id = @id
         UNION SELECT item FROM interactions WHERE user = @id`,
      )
      .pluck()
      .all({ id: customerId }) as string[],
  );
}

describe('the store recommender', () => {
  it('retrains from interactions, orders and reviews, saved under the data folder, with progress', async () => {
    const { core, client } = await demoStore();
    const progress: ProgressEvent[] = [];
    core.subscribe((event, payload) => {
      if (event === 'progress' && (payload as ProgressEvent).label === 'Training recommendations') progress.push(payload as ProgressEvent);
    });
    const training = await client.call('recs.retrain', {});
    const counts = core.context.db.prepare('SELECT (SELECT count(*) FROM interactions) AS interactions, (SELECT count(*) FROM order_items) AS lines').get() as { interactions: number; lines: number };
    // Order lines and reviews come on top of the imported interactions.
    expect(training.interactions).toBeGreaterThan(counts.interactions);
    expect(training.items).toBeGreaterThanOrEqual(33);
    expect(existsSync(join(recommenderDir(core.context), 'recommender.json'))).toBe(true);
    expect(progress.at(-1)).toMatchObject({ finished: true, done: 3, total: 3, task: { kind: 'train_recommendations' } });
  });

  it('trains in a worker thread: the core answers other calls while the model trains', async () => {
    const { core, client } = await demoStore();
    const events: string[] = [];
    let answered: Promise<unknown> | undefined;
    core.subscribe((event, payload) => {
      const progress = payload as ProgressEvent;
      if (event !== 'progress' || progress.label !== 'Training recommendations') return;
      events.push(`progress ${progress.done}`);
      // Training starts right after step 1 and step 2 is reported when it is done: on the
      // core's own thread, a call made now could only be answered after step 2.
      if (progress.done === 1) answered = client.call('system.info', {}).then(() => events.push('answered'));
    });
    await client.call('recs.retrain', {});
    await answered;
    expect(events.indexOf('answered')).toBeGreaterThan(-1);
    expect(events.indexOf('answered')).toBeLessThan(events.indexOf('progress 2'));
  });

  it('finds similar products with reasons, and by description for a product nobody bought', async () => {
    const { client } = await demoStore();
    await client.call('system.import', {
      kind: 'products',
      fileName: 'new.csv',
      content: 'sku,title,description,category,price\nSD-9001,Oolong Tea Tin,"Roasted oolong tea, loose leaf, 50 g tin.",Tea & Grocery,9\n',
    });
    await client.call('recs.retrain', {});
    const similar = await client.call('recs.similar', { sku: 'SD-1201', k: 5 });
    expect(similar.length).toBeGreaterThan(0);
    expect(similar.length).toBeLessThanOrEqual(5);
    for (const item of similar) {
      expect(item.sku).not.toBe('SD-1201');
      expect(item.reason.kind).toMatch(/^(same_customers|similar_description|looks_similar)$/);
      expect(item.title).not.toBe(item.sku);
    }
    const fresh = await client.call('recs.similar', { sku: 'SD-9001', k: 5 });
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh[0]?.reason).toEqual({ kind: 'similar_description' });
    await expect(client.call('recs.similar', { sku: 'NOPE' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('finds look-alikes by catalog image for a new product whose text matches nothing', async () => {
    const { core, client } = await demoStore();
    const teapot = core.context.db
      .prepare("SELECT i.bytes FROM product_images i JOIN products p ON p.id = i.product_id WHERE p.sku = 'SD-1002' AND i.source = 'catalog'")
      .pluck()
      .get() as Buffer;
    const folder = tempDir();
    writeFileSync(join(folder, 'twin.png'), teapot);
    writeFileSync(join(folder, 'new.csv'), 'sku,title,description,category,price,image\nSD-9002,Zorblax Quenth,Vrill.,Misc,5,twin.png\n');
    await importPath(core.context, 'products', join(folder, 'new.csv'));
    await client.call('recs.retrain', {});
    const similar = await client.call('recs.similar', { sku: 'SD-9002', k: 5 });
    expect(similar[0]).toMatchObject({ sku: 'SD-1002', reason: { kind: 'looks_similar' } });
  });

  it('recommends for a customer never what they already have, diverse, with reasons', async () => {
    const { core, client } = await demoStore();
    await client.call('recs.retrain', {});
    const customers = core.context.db.prepare('SELECT external_id FROM customers').pluck().all() as string[];
    for (const customerId of customers) {
      const items = await client.call('recs.forCustomer', { customerId, k: 5 });
      expect(items.length, customerId).toBe(5);
      const have = owned(core, customerId);
      for (const item of items) {
        expect(have.has(item.sku), `${customerId} already has ${item.sku}`).toBe(false);
        expect(item.reason.kind).toEqual(expect.any(String));
      }
      const categories = core.context.db.prepare('SELECT category FROM products WHERE sku IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(items.map((item) => item.sku))) as string[];
      const largestCategory = Math.max(...[...new Set(categories)].map((category) => categories.filter((entry) => entry === category).length));
      expect(largestCategory, `${customerId}: at most 3 of one category in 5`).toBeLessThanOrEqual(3);
    }
  });

  it('never offers a product that is out of stock, in any list', async () => {
    const { core, client } = await demoStore();
    await client.call('recs.retrain', {});
    const offered = async () => {
      const lists = await Promise.all([
        client.call('recs.forCustomer', { customerId: 'C-0003', k: 5 }),
        client.call('recs.forCustomer', { customerId: 'NOBODY', k: 5 }),
        client.call('recs.similar', { sku: 'SD-1201', k: 5 }),
        client.call('recs.boughtTogether', { sku: 'SD-1201', k: 5 }),
        client.call('recs.popular', { k: 5 }),
      ]);
      return lists.map((list) => list.map((item) => item.sku));
    };
    const before = await offered();
    // Sell out the first product of every list: each list must then do without it.
    const soldOut = [...new Set(before.map((list) => list[0]).filter((sku): sku is string => sku !== undefined))];
    expect(soldOut.length).toBeGreaterThan(1);
    core.context.db.prepare('UPDATE products SET stock = 0 WHERE sku IN (SELECT value FROM json_each(?))').run(JSON.stringify(soldOut));
    const after = await offered();
    after.forEach((list, index) => {
      expect(list.length, `list ${index}`).toBeGreaterThan(0);
      for (const sku of soldOut) expect(list, `list ${index}`).not.toContain(sku);
    });
  });

  it('gives an unknown customer cold-start results: the product in view first, then popularity', async () => {
    const { client } = await demoStore();
    await client.call('recs.retrain', {});
    const popular = await client.call('recs.forCustomer', { customerId: 'NOBODY', k: 5 });
    expect(popular).toHaveLength(5);
    expect(popular.every((item) => item.reason.kind === 'popular')).toBe(true);
    const withContext = await client.call('recs.forCustomer', { customerId: 'NOBODY', k: 5, contextSku: 'SD-1201' });
    expect(withContext).toHaveLength(5);
    expect(withContext.map((item) => item.sku)).not.toContain('SD-1201');
    expect(withContext.some((item) => item.reason.kind !== 'popular')).toBe(true);
    await expect(client.call('recs.forCustomer', { customerId: 'NOBODY', contextSku: 'NOPE' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('retrains in the background after imports, reporting progress, and the new model serves', async () => {
    const core = newCore();
    const client = createInProcessClient(core);
    // Imports of interactions report `changed: recs` themselves: the retrain is known by its progress.
    // Only a training that starts after the last import has returned is sure to include it.
    let imported = false;
    const startedAfterImport = new Set<string>();
    const retrained = new Promise<ProgressEvent>((resolve) => {
      core.subscribe((event, payload) => {
        const progress = payload as ProgressEvent;
        if (event !== 'progress' || progress.label !== 'Training recommendations') return;
        if (imported && progress.done === 0 && !progress.finished) startedAfterImport.add(progress.jobId);
        if (progress.finished && startedAfterImport.has(progress.jobId)) resolve(progress);
      });
    });
    await client.call('system.import', { kind: 'products', fileName: 'p.csv', content: 'sku,title,category\nA,Green tea,Tea\nB,Black tea,Tea\nC,Tea cup,Kitchen\n' });
    await client.call('system.import', { kind: 'interactions', fileName: 'i.csv', content: 'user,item\nU1,A\nU1,B\nU2,A\nU2,B\nU3,A\n' });
    imported = true;
    expect(await retrained).toMatchObject({ done: 3, total: 3, finished: true });
    expect((await client.call('recs.forCustomer', { customerId: 'U3', k: 1 }))[0]).toMatchObject({ sku: 'B', reason: { kind: 'bought_with', item: 'Green tea', customers: 2 } });
  });

  it('answers an empty store with empty lists, and trains on first use after an import', async () => {
    const core = newCore();
    const client = createInProcessClient(core);
    await client.call('system.import', { kind: 'products', fileName: 'p.csv', content: 'sku,title,category\nA,Green tea,Tea\nB,Black tea,Tea\n' });
    expect(await client.call('recs.forCustomer', { customerId: 'C1' })).toEqual([]);
    expect(await client.call('recs.similar', { sku: 'A' })).toEqual([]);
    await client.call('system.import', { kind: 'interactions', fileName: 'i.csv', content: 'user,item\nC1,A\nC2,A\nC2,B\n' });
    await client.call('recs.retrain', {});
    const forC1 = await client.call('recs.forCustomer', { customerId: 'C1' });
    expect(forC1.map((item) => item.sku)).toEqual(['B']);
  });
});
