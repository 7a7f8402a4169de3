import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/index.ts';
import { createMemoryLogger } from '../../src/core/logger.ts';
import { identifyPhotos, learnPhotos } from '../../src/core/services/vision.ts';
import { createInProcessClient } from '../../src/core/transports/in-process.ts';
import { sharedDir, sharedModels, useCore } from '../helpers/core.ts';
import { useTempDir } from '../helpers/temp.ts';

const newCore = useCore();
const tempDir = useTempDir();
const grocery = join(sharedDir, 'data', 'images', 'grocery');

/** Photos of the first `classes` products from a split file (path, class id), skipping each product's first `skip`. */
function photos(split: 'train' | 'val', classes: number, perClass: number, skip = 0): { path: string; sku: string }[] {
  const counts = new Map<number, number>();
  const chosen = [];
  for (const line of readFileSync(join(grocery, `${split}.txt`), 'utf8').split('\n')) {
    const [path, classId] = line.split(', ');
    const id = Number(classId);
    if (!path || id >= classes) continue;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if ((counts.get(id) as number) <= skip || (counts.get(id) as number) > skip + perClass) continue;
    chosen.push({ path: join(grocery, path), sku: `GRO-${String(id).padStart(3, '0')}` });
  }
  return chosen;
}

const bytesOf = (list: { path: string }[]) => list.map((photo) => new Uint8Array(readFileSync(photo.path)));
const asLearned = (list: { path: string; sku: string }[]) => list.map((photo) => ({ bytes: new Uint8Array(readFileSync(photo.path)), sku: photo.sku, fileName: 'photo.jpg' }));

function topOne(results: Awaited<ReturnType<typeof identifyPhotos>>, expected: string[]): number {
  return results.filter((result, index) => result.error === undefined && result.matches[0]?.key === expected[index]).length / results.length;
}

function topFive(results: Awaited<ReturnType<typeof identifyPhotos>>, expected: string[]): number {
  return results.filter((result, index) => result.error === undefined && result.matches.slice(0, 5).some((match) => match.key === expected[index])).length / results.length;
}

describe('photo identification in the store', () => {
  it('indexes catalog images on import, identifies photos and learns from confirmed ones', async () => {
    const core = newCore();
    const client = createInProcessClient(core);
    await client.call('system.createDemo', {});
    const { createGroceryStore } = await import('../../src/core/services/demo.ts');
    await createGroceryStore(core.context, grocery);
    expect((core.context.db.prepare('SELECT count(DISTINCT image_id) FROM image_vectors').pluck().get() as number)).toBe(33 + 81);

    const queries = photos('val', 12, 3);
    const before = await identifyPhotos(core.context, queries.map((photo) => new Uint8Array(readFileSync(photo.path))), 5);
    const expected = queries.map((photo) => photo.sku);
    // 12 grocery classes among 114 products: studio images alone must still rank most photos' product in the top 5.
    expect(topFive(before, expected)).toBeGreaterThanOrEqual(0.5);

    const training = photos('train', 12, 8);
    const changes: string[] = [];
    client.on('changed', (change) => changes.push(change.domain));
    const learned = await learnPhotos(core.context, training.map((photo) => ({ bytes: new Uint8Array(readFileSync(photo.path)), sku: photo.sku, fileName: 'photo.jpg' })));
    expect(learned).toEqual({ learned: training.length, products: 114 });
    expect(changes).toContain('catalog');
    const after = await identifyPhotos(core.context, queries.map((photo) => new Uint8Array(readFileSync(photo.path))), 5);
    expect(topFive(after, expected)).toBeGreaterThanOrEqual(topFive(before, expected));
    const product = await client.call('catalog.get', { sku: 'GRO-000' });
    expect(product.images.filter((image) => image.source === 'learned')).toHaveLength(8);

    const viaApi = await client.call('vision.identify', { imageBase64: readFileSync(queries[0]?.path as string).toString('base64'), k: 3 });
    expect(viaApi.matches).toHaveLength(3);
    expect(viaApi.matches[0]?.title).toEqual(expect.any(String));
    await expect(client.call('vision.identify', { imageBase64: Buffer.from('not an image').toString('base64') })).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('keeps the learned adapter in the store across a restart, and re-learning replaces it', async () => {
    const dataDir = join(tempDir(), 'data');
    const open = () => createCore({ dataDir, modelsPath: [sharedModels], logger: createMemoryLogger(), providers: ['cpu'] });
    const storedAdapter = (core: Core) => core.context.db.prepare('SELECT adapter, examples FROM vision_adapters').get() as { adapter: Buffer; examples: number } | undefined;
    // Val photos of the first 14 grocery products (13 of them have some); train photos of the same products are learned.
    const queries = photos('val', 14, 4);
    const expected = queries.map((photo) => photo.sku);
    let core = open();
    try {
      const { createGroceryStore } = await import('../../src/core/services/demo.ts');
      await createGroceryStore(core.context, grocery);
      const studioOnly = await identifyPhotos(core.context, bytesOf(queries), 5);
      expect(storedAdapter(core)).toBeUndefined();
      await learnPhotos(core.context, asLearned(photos('train', 14, 6)));
      const first = storedAdapter(core);
      expect(first?.examples).toBe(81 + 14 * 6);
      const learned = await identifyPhotos(core.context, bytesOf(queries), 5);
      // Among all 81 products, six photos each of these 14 lift top-1 on their val photos.
      expect(topOne(learned, expected)).toBeGreaterThan(topOne(studioOnly, expected));
      await core.close();

      core = open();
      expect(storedAdapter(core)?.adapter.equals(first?.adapter as Buffer)).toBe(true);
      expect(await identifyPhotos(core.context, bytesOf(queries), 5)).toEqual(learned);

      await learnPhotos(core.context, asLearned(photos('train', 14, 6, 6)));
      const second = storedAdapter(core);
      expect(second?.examples).toBe(81 + 14 * 12);
      expect(second?.adapter.equals(first?.adapter as Buffer)).toBe(false);
      const relearned = await identifyPhotos(core.context, bytesOf(queries), 5);
      expect(relearned).not.toEqual(learned);
      await core.close();

      // Vectors and adapter from an older extractor or query view: everything is embedded again,
      // and the adapter retrained on the new vectors, without learning anything new.
      core = open();
      core.context.db.prepare("UPDATE image_vectors SET extractor = 'older view'").run();
      core.context.db.prepare("UPDATE vision_adapters SET extractor = 'older view'").run();
      expect(await identifyPhotos(core.context, bytesOf(queries), 5)).toEqual(relearned);
      expect(core.context.db.prepare("SELECT examples FROM vision_adapters WHERE extractor <> 'older view'").pluck().get()).toBe(81 + 14 * 12);
    } finally {
      await core.close();
    }
  });

  it('says which model to install when the extractor is missing, and imports still work', async () => {
    const core = createCore({ dataDir: join(tempDir(), 'data'), modelsPath: [], logger: createMemoryLogger(), providers: ['cpu'] });
    try {
      const client = createInProcessClient(core);
      const status = await client.call('vision.status', {});
      expect(status.available).toBe(false);
      expect(status.message).toMatch(/mobilenet/);
      await client.call('system.createDemo', {});
      expect((await client.call('catalog.list', {})).total).toBe(33);
      await expect(client.call('vision.identify', { imageBase64: Buffer.from('x').toString('base64') })).rejects.toMatchObject({ code: 'unavailable' });
    } finally {
      await core.close();
    }
  });
});
