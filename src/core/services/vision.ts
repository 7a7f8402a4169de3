/**
 * Photo identification over the store's catalog: product images are embedded once
 * (vectors kept in SQLite), searched exactly in process, and refined by an adapter
 * learned from photos agents confirm. The extractor's weights come from the models path;
 * without them everything else keeps working and the status says what to install.
 */
import { createHash } from 'node:crypto';
import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import { reason, type ErrorReason } from '../../shared/error-reasons.ts';
import { audit, type CoreContext } from '../context.ts';
import { InvalidArgumentError, NotFoundError, ReasonedError } from '../errors.ts';
import { readImageFacts, type ImageFacts } from '../imaging/images.ts';
import { catalogVectors } from '../vision/catalog.ts';
import { createImageEmbedder, defaultExtractors, type ImageEmbedder } from '../vision/embedder.ts';
import { buildProductIndex, identify, type Identification, type ProductIndex } from '../vision/identify.ts';
import { adapterFromBlob, adapterToBlob, trainAdapter } from '../vision/learn.ts';
import { extractorManifestPath, findImageExtractors, loadExtractorManifest, type MissingExtractor } from '../vision/manifest.ts';
import { blobToVector, vectorToBlob } from '../vision/vectors.ts';

interface VisionState {
  embedder: Promise<ImageEmbedder | MissingExtractor>;
  /** Rebuilt lazily after the vectors or the adapter change. */
  index: Promise<ProductIndex> | null;
  warmedUp?: Promise<void>;
}

const states = new WeakMap<CoreContext, VisionState>();

function state(context: CoreContext): VisionState {
  let current = states.get(context);
  if (!current) {
    const manifest = loadExtractorManifest(extractorManifestPath(context.appRoot));
    current = { embedder: createImageEmbedder({ engine: context.engine, modelsPath: context.modelsPath, manifest }), index: null };
    states.set(context, current);
  }
  return current;
}

export function visionStatus(context: CoreContext): ApiResult<'vision.status'> {
  const manifest = loadExtractorManifest(extractorManifestPath(context.appRoot));
  const found = findImageExtractors(context.modelsPath, manifest, defaultExtractors);
  if ('missing' in found) return { available: false, message: found.missing, reason: found.reason };
  // The views that can take a photo ask for the status when they open: load the extractors
  // and the index now, and run the extractors once, so the first dropped photo does not wait
  // for them (onnxruntime's first run of a session allocates and picks kernels).
  productIndex(context)
    .then(() => warmUp(context))
    .catch(() => undefined);
  return { available: true, message: `image extractors: ${found.map((entry) => entry.path).join(', ')}` };
}

/** One run of the extractors on a blank photo, once per core. */
function warmUp(context: CoreContext): Promise<void> {
  const current = state(context);
  current.warmedUp ??= requireEmbedder(context).then(async (embedder) => {
    await embedder.embedInputs([new Uint8Array(embedder.inputSize * embedder.inputSize * 3).fill(255)]);
  });
  return current.warmedUp;
}

/** The embedder, or an error that says which model file to install and where. */
async function requireEmbedder(context: CoreContext): Promise<ImageEmbedder> {
  const embedder = await state(context).embedder;
  if ('missing' in embedder) throw new VisionUnavailableError(embedder.reason);
  return embedder;
}

export class VisionUnavailableError extends ReasonedError {
  constructor(why: ErrorReason) {
    super('unavailable', why);
    this.name = 'VisionUnavailableError';
  }
}

let nextJob = 1;

/** Embeds every product image without vectors from the current extractor; returns how many. */
export async function indexProductImages(context: CoreContext): Promise<number> {
  const embedder = await requireEmbedder(context);
  const { db, events } = context;
  const missing = db
    .prepare(
      `SELECT i.id, i.source, i.bytes FROM product_images i
       WHERE NOT EXISTS (SELECT 1 FROM image_vectors v WHERE v.image_id = i.id AND v.extractor = ?) ORDER BY i.id`,
    )
    .all(embedder.name) as { id: number; source: 'catalog' | 'learned'; bytes: Buffer }[];
  if (missing.length === 0) return 0;
  const insert = db.prepare('INSERT OR REPLACE INTO image_vectors (image_id, extractor, view, vector) VALUES (?, ?, ?, ?)');
  const jobId = `embed-${nextJob++}`;
  const label = 'Indexing product images';
  const task = { kind: 'index_images' } as const;
  let done = 0;
  let learned = 0;
  try {
    for (const image of missing) {
      try {
        const vectors = image.source === 'catalog' ? await catalogVectors(embedder, image.bytes) : [await embedOne(embedder, image.bytes)];
        db.transaction(() => vectors.forEach((vector, view) => insert.run(image.id, embedder.name, view, vectorToBlob(vector))))();
        if (image.source === 'learned') learned += 1;
      } catch (error) {
        context.logger.warn(`image ${image.id} could not be indexed: ${error instanceof Error ? error.message : String(error)}`);
      }
      done += 1;
      events.emit('progress', { jobId, label, task, done, total: missing.length, finished: false });
    }
  } finally {
    events.emit('progress', { jobId, label, task, done, total: missing.length, finished: true });
  }
  // Learned photos embedded anew (another extractor or query view) need an adapter trained on these vectors.
  if (learned > 0) retrainAdapter(context, embedder);
  state(context).index = null;
  return done;
}

async function embedOne(embedder: ImageEmbedder, bytes: Uint8Array): Promise<Float32Array> {
  const [result] = await embedder.embed([bytes]);
  if (!result || 'error' in result) throw new Error(result?.error ?? 'no vector');
  return result;
}

async function productIndex(context: CoreContext): Promise<ProductIndex> {
  const current = state(context);
  if (!current.index) {
    current.index = (async () => {
      const embedder = await requireEmbedder(context);
      const rows = context.db
        .prepare(
          `SELECT v.image_id AS imageId, v.view, v.vector, p.sku FROM image_vectors v
           JOIN product_images i ON i.id = v.image_id JOIN products p ON p.id = i.product_id
           WHERE v.extractor = ? AND i.source = 'catalog'`,
        )
        .all(embedder.name) as { imageId: number; view: number; vector: Buffer; sku: string }[];
      if (rows.length === 0) throw new ReasonedError('not_found', reason('not_found.indexed_image'));
      const stored = context.db.prepare('SELECT adapter FROM vision_adapters WHERE extractor = ?').pluck().get(embedder.name) as Buffer | undefined;
      const entries = rows.map((row) => ({ id: `${row.imageId}:${row.view}`, key: row.sku, vector: blobToVector(row.vector) }));
      return buildProductIndex(entries, embedder.photoSpace, stored ? adapterFromBlob(stored) : null);
    })();
    current.index.catch(() => {
      current.index = null;
    });
  }
  return current.index;
}

export type PhotoResult = (Identification & { error?: undefined }) | { error: string };

/** The k best products for each photo, in order; a photo that cannot be read gets its own error. */
export async function identifyPhotos(context: CoreContext, photos: Uint8Array[], k: number): Promise<PhotoResult[]> {
  const embedder = await requireEmbedder(context);
  await indexProductImages(context);
  const index = await productIndex(context);
  const vectors = await embedder.embed(photos);
  return vectors.map((vector) => ('error' in vector ? { error: vector.error } : identify(index, vector, k)));
}

/**
 * Adds confirmed photos to their products' galleries and retrains the adapter on every
 * product's catalog image plus all confirmed photos.
 */
export async function learnPhotos(context: CoreContext, photos: { bytes: Uint8Array; sku: string; fileName: string }[]): Promise<{ learned: number; products: number }> {
  const embedder = await requireEmbedder(context);
  await indexProductImages(context);
  const { db } = context;
  const productId = db.prepare('SELECT id FROM products WHERE sku = ?').pluck();
  const prepared: { bytes: Uint8Array; fileName: string; productId: number; facts: ImageFacts; vector: Float32Array; sha256: string }[] = [];
  for (const photo of photos) {
    const id = productId.get(photo.sku) as number | undefined;
    if (id === undefined) throw new NotFoundError('product', photo.sku);
    const facts = await readImageFacts(photo.bytes);
    prepared.push({ ...photo, productId: id, facts, vector: await embedOne(embedder, photo.bytes), sha256: createHash('sha256').update(photo.bytes).digest('hex') });
  }
  // A photo learned before keeps its row; the no-op update makes RETURNING give its id.
  const addImage = db.prepare(
    `INSERT INTO product_images (product_id, source, file_name, mime, width, height, bytes, sha256) VALUES (?, 'learned', ?, ?, ?, ?, ?, ?)
     ON CONFLICT (product_id, sha256) DO UPDATE SET source = product_images.source RETURNING id`,
  );
  const addVector = db.prepare('INSERT OR REPLACE INTO image_vectors (image_id, extractor, view, vector) VALUES (?, ?, 0, ?)');
  db.transaction(() => {
    for (const photo of prepared) {
      const { id } = addImage.get(photo.productId, photo.fileName, photo.facts.mime, photo.facts.width, photo.facts.height, photo.bytes, photo.sha256) as { id: number };
      addVector.run(id, embedder.name, vectorToBlob(photo.vector));
    }
  })();
  const products = retrainAdapter(context, embedder);
  audit(context, 'agent', 'vision.learn', photos.map((photo) => photo.sku).join(','), { photos: photos.length });
  state(context).index = null;
  // An open product page shows its gallery: the learned photos are part of it now.
  context.events.emit('changed', { domain: 'catalog' });
  return { learned: prepared.length, products };
}

/** Trains on each product's first catalog view plus every learned photo; returns the products covered. */
function retrainAdapter(context: CoreContext, embedder: ImageEmbedder): number {
  const rows = context.db
    .prepare(
      `SELECT p.sku, v.vector FROM image_vectors v JOIN product_images i ON i.id = v.image_id JOIN products p ON p.id = i.product_id
       WHERE v.extractor = ? AND v.view = 0 AND (i.source = 'learned' OR i.id = (SELECT min(id) FROM product_images WHERE product_id = p.id AND source = 'catalog'))`,
    )
    .all(embedder.name) as { sku: string; vector: Buffer }[];
  const adapter = trainAdapter(rows.map((row) => ({ key: row.sku, vector: blobToVector(row.vector) })));
  context.db
    .prepare(
      `INSERT INTO vision_adapters (extractor, adapter, examples) VALUES (?, ?, ?)
       ON CONFLICT (extractor) DO UPDATE SET adapter = excluded.adapter, examples = excluded.examples, trained_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    )
    .run(embedder.name, adapterToBlob(adapter), rows.length);
  return adapter.keys.length;
}

function photoBytes(base64: string): Uint8Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.byteLength === 0) throw new InvalidArgumentError(reason('vision.photo_empty'));
  return new Uint8Array(bytes);
}

export async function identifyPhoto(context: CoreContext, args: ApiArgs<'vision.identify'>): Promise<ApiResult<'vision.identify'>> {
  const [result] = await identifyPhotos(context, [photoBytes(args.imageBase64)], args.k ?? 5);
  if (!result || result.error !== undefined) throw new InvalidArgumentError(reason('vision.photo_unreadable', { detail: result?.error ?? 'unknown error' }));
  const product = context.db.prepare(
    `SELECT p.title, p.category, p.price, (SELECT min(i.id) FROM product_images i WHERE i.product_id = p.id AND i.source = 'catalog') AS imageId FROM products p WHERE p.sku = ?`,
  );
  return {
    confident: result.confident,
    matches: result.matches.map((match) => {
      const details = product.get(match.key) as { title: string; category: string; price: number | null; imageId: number | null } | undefined;
      return { sku: match.key, title: details?.title ?? match.key, category: details?.category ?? '', price: details?.price ?? null, imageId: details?.imageId ?? null, score: match.score };
    }),
  };
}

export function learnPhoto(context: CoreContext, args: ApiArgs<'vision.learn'>): Promise<ApiResult<'vision.learn'>> {
  return learnPhotos(context, [{ bytes: photoBytes(args.imageBase64), sku: args.sku, fileName: args.fileName ?? 'photo' }]);
}
