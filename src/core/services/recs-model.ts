/**
 * The store's own recommender: trained from the `interactions` table, order lines and
 * reviews in a worker thread, saved under the data folder, and retrained in the background (debounced) after
 * imports that change what it learns from. `recs.retrain` trains now and resolves when done,
 * so tests and scripts never depend on the debounce timer.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiResult } from '../../shared/api.ts';
import type { CoreContext } from '../context.ts';
import { loadRecommender, trainRecommenderInWorker, type Interaction, type RecommenderModel } from '../recs/index.ts';
import type { Db } from '../store/database.ts';
import { blobToVector } from '../vision/vectors.ts';

/** Imports arrive in bursts (the demo store is seven files): one retrain after the last. */
export const retrainDelayMs = 1_500;

const modelFolder = 'recommender';
const stateFile = 'store-state.json';

interface RecsState {
  model: RecommenderModel | null;
  /** The store's fingerprint the model was trained on; a different one means the model is stale. */
  fingerprint: string | null;
  loaded: Promise<void> | null;
  timer: NodeJS.Timeout | null;
  running: Promise<ApiResult<'recs.retrain'>> | null;
}

const states = new WeakMap<CoreContext, RecsState>();

function state(context: CoreContext): RecsState {
  let current = states.get(context);
  if (!current) {
    current = { model: null, fingerprint: null, loaded: null, timer: null, running: null };
    states.set(context, current);
  }
  return current;
}

export function recommenderDir(context: CoreContext): string {
  return join(context.dataDir, modelFolder);
}

/** Row counts and last ids of every table the model learns from: cheap, and changes with any import. */
function storeFingerprint(db: Db): string {
  const tables = ['interactions', 'order_items', 'reviews', 'products'].map((table) => db.prepare(`SELECT count(*) || ':' || ifnull(max(id), 0) FROM ${table}`).pluck().get() as string);
  // Catalog images indexed later (models installed, extractor changed) bring look-alikes.
  const images = db.prepare("SELECT count(*) FROM image_vectors v JOIN product_images i ON i.id = v.image_id WHERE i.source = 'catalog'").pluck().get() as number;
  return [...tables, images].join('/');
}

const seconds = (isoDate: string | null) => (isoDate ? Math.floor(Date.parse(isoDate) / 1000) || 0 : 0);

/**
 * Everything that says a customer wanted an item: imported interactions, order lines (not
 * cancelled orders) and reviews. A review's author counts as the customer of that name when
 * one exists; otherwise as a reviewer of their own, so reviews still link items together.
 */
export function storeInteractions(db: Db): Interaction[] {
  const imported = db.prepare('SELECT user, item, rating, timestamp FROM interactions').all() as { user: string; item: string; rating: number | null; timestamp: number }[];
  const ordered = db
    .prepare(
      `SELECT c.external_id AS user, i.sku AS item, o.placed_at AS placedAt FROM order_items i
       JOIN orders o ON o.id = i.order_id JOIN customers c ON c.id = o.customer_id WHERE o.status <> 'cancelled'`,
    )
    .all() as { user: string; item: string; placedAt: string }[];
  const reviewed = db
    .prepare(
      `SELECT coalesce((SELECT c.external_id FROM customers c WHERE c.name = r.author COLLATE NOCASE ORDER BY c.id LIMIT 1), 'reviewer:' || r.author) AS user,
              r.sku AS item, r.rating, r.created_at AS createdAt
       FROM reviews r WHERE r.sku IS NOT NULL AND r.author IS NOT NULL`,
    )
    .all() as { user: string; item: string; rating: number | null; createdAt: string | null }[];
  const withRating = (rating: number | null) => (rating === null ? {} : { rating });
  return [
    ...imported.map((row) => ({ user: row.user, item: row.item, timestamp: row.timestamp, ...withRating(row.rating) })),
    ...ordered.map((row) => ({ user: row.user, item: row.item, timestamp: seconds(row.placedAt) })),
    ...reviewed.map((row) => ({ user: row.user, item: row.item, timestamp: seconds(row.createdAt), ...withRating(row.rating) })),
  ];
}

/**
 * The mean vector of each product's catalog image views, from the extractor that indexed
 * most of them (after an extractor change, the new one once re-embedding is done).
 */
function catalogImageVectors(db: Db): Map<string, Float32Array> {
  const extractor = db
    .prepare(
      `SELECT v.extractor FROM image_vectors v JOIN product_images i ON i.id = v.image_id
       WHERE i.source = 'catalog' GROUP BY v.extractor ORDER BY count(*) DESC, v.extractor LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined;
  if (extractor === undefined) return new Map();
  const rows = db
    .prepare(
      `SELECT p.sku, v.vector FROM image_vectors v JOIN product_images i ON i.id = v.image_id JOIN products p ON p.id = i.product_id
       WHERE i.source = 'catalog' AND v.extractor = ?`,
    )
    .all(extractor) as { sku: string; vector: Buffer }[];
  const sums = new Map<string, { sum: Float32Array; count: number }>();
  for (const row of rows) {
    const vector = blobToVector(row.vector);
    const entry = sums.get(row.sku) ?? { sum: new Float32Array(vector.length), count: 0 };
    if (entry.sum.length !== vector.length) continue;
    vector.forEach((value, index) => (entry.sum[index] = (entry.sum[index] as number) + value));
    entry.count += 1;
    sums.set(row.sku, entry);
  }
  return new Map([...sums].map(([sku, { sum, count }]) => [sku, sum.map((value) => value / count)]));
}

/** Categories, texts and images of the catalog: diversity caps, cold-start popularity, and similarity for items nobody bought yet. */
function catalogFacts(db: Db): { itemCategories: Map<string, string>; itemTexts: Map<string, string>; itemImageVectors: Map<string, Float32Array> } {
  const products = db.prepare('SELECT sku, title, description, category FROM products').all() as { sku: string; title: string; description: string; category: string }[];
  return {
    itemCategories: new Map(products.map((product) => [product.sku, product.category])),
    itemTexts: new Map(products.map((product) => [product.sku, `${product.title} ${product.category} ${product.description}`])),
    itemImageVectors: catalogImageVectors(db),
  };
}

let nextJob = 1;

async function trainNow(context: CoreContext): Promise<ApiResult<'recs.retrain'>> {
  const current = state(context);
  const jobId = `recs-${nextJob++}`;
  const label = 'Training recommendations';
  const report = (done: number, finished = false) => context.events.emit('progress', { jobId, label, task: { kind: 'train_recommendations' }, done, total: 3, finished });
  try {
    report(0);
    const fingerprint = storeFingerprint(context.db);
    const interactions = storeInteractions(context.db);
    const facts = catalogFacts(context.db);
    report(1);
    const dir = recommenderDir(context);
    const trainedAt = new Date().toISOString();
    if (interactions.length === 0) {
      current.model = null;
      rmSync(dir, { recursive: true, force: true });
    } else {
      await trainRecommenderInWorker({ interactions, options: { ...facts, seed: 1 }, dir });
      report(2);
      writeFileSync(join(dir, stateFile), JSON.stringify({ fingerprint, trainedAt }));
      // Loading back gives the ONNX scoring session the saved graph describes.
      current.model = await loadRecommender(dir, context.engine);
    }
    current.fingerprint = fingerprint;
    current.loaded = Promise.resolve();
    context.events.emit('changed', { domain: 'recs' });
    return { interactions: interactions.length, users: current.model?.users.length ?? 0, items: current.model?.items.length ?? 0, trainedAt };
  } finally {
    report(3, true);
  }
}

/** Trains now; a retrain already running is awaited first, so the result reflects the store as it is at this call. */
export async function retrainRecommender(context: CoreContext): Promise<ApiResult<'recs.retrain'>> {
  const current = state(context);
  if (current.timer) clearTimeout(current.timer);
  current.timer = null;
  while (current.running) await current.running.catch(() => undefined);
  const run = trainNow(context);
  current.running = run;
  try {
    return await run;
  } finally {
    if (current.running === run) current.running = null;
  }
}

/** Retrains a little after the last call; failures are logged, the previous model keeps serving. */
export function scheduleRetrain(context: CoreContext): void {
  const current = state(context);
  if (current.timer) clearTimeout(current.timer);
  current.timer = setTimeout(() => {
    current.timer = null;
    retrainRecommender(context).catch((error: unknown) => context.logger.warn(`recommendations not retrained: ${error instanceof Error ? error.message : String(error)}`));
  }, retrainDelayMs);
  // A CLI import must not wait for it: the next start sees the stale fingerprint and retrains.
  current.timer.unref();
}

/** Cancels a pending retrain and waits for a running one; called when the core closes. */
export async function stopRetraining(context: CoreContext): Promise<void> {
  const current = states.get(context);
  if (!current) return;
  if (current.timer) clearTimeout(current.timer);
  current.timer = null;
  await current.running?.catch(() => undefined);
}

/**
 * The model to answer with: in memory, else the saved one, else trained now. A saved model
 * from a store that changed since (an import while the app was closed) serves while a
 * retrain runs in the background.
 */
export async function currentRecommender(context: CoreContext): Promise<RecommenderModel | null> {
  const current = state(context);
  current.loaded ??= (async () => {
    const dir = recommenderDir(context);
    if (!existsSync(join(dir, stateFile))) {
      await retrainRecommender(context);
      return;
    }
    const saved = JSON.parse(readFileSync(join(dir, stateFile), 'utf8')) as { fingerprint: string };
    current.model = await loadRecommender(dir, context.engine);
    current.fingerprint = saved.fingerprint;
  })();
  await current.loaded.catch((error: unknown) => {
    current.loaded = null;
    throw error;
  });
  if (current.fingerprint !== storeFingerprint(context.db) && !current.timer && !current.running) scheduleRetrain(context);
  return current.model;
}
