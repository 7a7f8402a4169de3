/**
 * Photo identification benchmark on the Grocery Store Dataset (../shared, never copied):
 * the 81 studio images are the catalog, val/ photos are the queries.
 * Prints top-1/top-5 for the catalog-only setting and after learning the train/ photos,
 * confidence precision, speed (batch and single photo) and the time to index 1,000 catalog images.
 *
 *   npx tsx scripts/bench-vision.ts                     # everything (about 6 minutes on 2 cores)
 *   npx tsx scripts/bench-vision.ts --no-index          # skip the 1,000-image indexing timing
 *   npx tsx scripts/bench-vision.ts --write-photo-space # refit the photo space on all train photos into models/image-extractors.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readImageFacts, renderModelInput } from '../src/core/imaging/images.ts';
import { createInferenceEngine } from '../src/core/inference/onnx-runtime.ts';
import { createStderrLogger } from '../src/core/logger.ts';
import { catalogAugmentations, catalogVectors, extendedAugmentations } from '../src/core/vision/catalog.ts';
import { createImageEmbedder, type ImageEmbedder } from '../src/core/vision/embedder.ts';
import { buildProductIndex, confidenceRules, identify, type CatalogVector, type Identification, type ProductIndex } from '../src/core/vision/identify.ts';
import { trainAdapter } from '../src/core/vision/learn.ts';
import { extractorManifestPath, loadExtractorManifest, type PhotoSpace } from '../src/core/vision/manifest.ts';
import { fitPhotoSpace } from '../src/core/vision/photo-space.ts';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const grocery = resolve(repositoryRoot, '../shared/data/images/grocery');
const modelsPath = [resolve(repositoryRoot, '../shared/models')];

interface Photo {
  path: string;
  key: string;
}

function readClasses(): { key: string; iconic: string }[] {
  return readFileSync(join(grocery, 'classes.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [name, , , , iconic] = line.split(',');
      return { key: name as string, iconic: join(grocery, iconic as string) };
    });
}

function readSplit(name: string, keys: string[]): Photo[] {
  return readFileSync(join(grocery, `${name}.txt`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [path, classId] = line.split(',').map((part) => part.trim());
      return { path: join(grocery, path as string), key: keys[Number(classId)] as string };
    });
}

const readBytes = (path: string) => new Uint8Array(readFileSync(path));
const seconds = (start: number) => (performance.now() - start) / 1000;
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

async function embedAll(embedder: ImageEmbedder, photos: Photo[]): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let start = 0; start < photos.length; start += 64) {
    const results = await embedder.embed(photos.slice(start, start + 64).map((photo) => readBytes(photo.path)));
    for (const result of results) {
      if (!(result instanceof Float32Array)) throw new Error(result.error);
      vectors.push(result);
    }
  }
  return vectors;
}

function score(label: string, index: ProductIndex, queries: Float32Array[], photos: Photo[]): Identification[] {
  let top1 = 0;
  let top5 = 0;
  const results = queries.map((query, position) => {
    const result = identify(index, query, 5);
    const key = (photos[position] as Photo).key;
    if (result.matches[0]?.key === key) top1 += 1;
    if (result.matches.some((match) => match.key === key)) top5 += 1;
    return result;
  });
  const confident = results.filter((result) => result.confident);
  const confidentRight = confident.filter((result) => result.matches[0]?.key === photos[results.indexOf(result)]?.key).length;
  console.log(
    `${label.padEnd(58)} top-1 ${percent(top1 / queries.length).padStart(6)}  top-5 ${percent(top5 / queries.length).padStart(6)}  ` +
      `confident ${percent(confident.length / queries.length).padStart(6)} of photos, precision ${confident.length ? percent(confidentRight / confident.length) : 'n/a'}`,
  );
  return results;
}

/** Precision and coverage of "confident" for a range of thresholds on a per-result statistic. */
function sweep(label: string, results: Identification[], photos: Photo[], statistic: (result: Identification) => number, thresholds: number[]): void {
  const cells = thresholds.map((threshold) => {
    const kept = results.map((result, position) => ({ result, position })).filter(({ result }) => statistic(result) >= threshold);
    const right = kept.filter(({ result, position }) => result.matches[0]?.key === photos[position]?.key).length;
    return `≥${threshold}: ${kept.length ? percent(right / kept.length) : 'n/a'} @ ${percent(kept.length / results.length)}`;
  });
  console.log(`  ${label} (precision @ coverage) ${cells.join(' | ')}`);
}

/**
 * The committed photo space was fitted on the train photos of all 81 products, so val photos of
 * those products flatter it. Honest estimate: fit on half the products, test on the other half.
 */
function heldOutProducts(embedder: ImageEmbedder, catalog: CatalogVector[], queries: Float32Array[], val: Photo[], trainVectors: Float32Array[], train: Photo[], keys: string[]): void {
  const tested: { query: Float32Array; photo: Photo; result: Identification }[] = [];
  for (const half of [0, 1]) {
    const fitted = new Set(keys.filter((_, position) => position % 2 === half));
    const rows = train.map((photo, position) => ({ photo, position })).filter(({ photo }) => fitted.has(photo.key));
    const space = fitPhotoSpace(embedder.photoSpace.extractors, rows.map(({ position }) => trainVectors[position] as Float32Array), rows.map(({ photo }) => photo.key));
    const index = buildProductIndex(catalog, space);
    queries.forEach((query, position) => {
      const photo = val[position] as Photo;
      if (!fitted.has(photo.key)) tested.push({ query, photo, result: identify(index, query, 5) });
    });
  }
  const top1 = tested.filter(({ photo, result }) => result.matches[0]?.key === photo.key).length;
  const top5 = tested.filter(({ photo, result }) => result.matches.some((match) => match.key === photo.key)).length;
  console.log(
    `catalog only, photo space fitted on the OTHER half of the products (honest estimate): top-1 ${percent(top1 / tested.length)}  top-5 ${percent(top5 / tested.length)} over ${tested.length} val photos`,
  );
}

/** Query photos that are not square, seen whole with white bars (contain) or through the query view (centre crop, shipped). */
async function coverOrContain(embedder: ImageEmbedder, index: ProductIndex, trainVectors: Float32Array[], train: Photo[]): Promise<void> {
  const oblong: { photo: Photo; cover: Float32Array; bytes: Uint8Array }[] = [];
  for (const [position, photo] of train.entries()) {
    const bytes = readBytes(photo.path);
    const facts = await readImageFacts(bytes);
    if (facts.width !== facts.height) oblong.push({ photo, cover: trainVectors[position] as Float32Array, bytes });
  }
  const inputs = await Promise.all(oblong.map(async ({ bytes }) => renderModelInput(await embedder.decode(bytes), embedder.inputSize, { fit: 'contain' })));
  const contain = await embedder.embedInputs(inputs);
  const photos = oblong.map(({ photo }) => photo);
  score(`catalog only, ${oblong.length} non-square train photos as queries, query view`, index, oblong.map(({ cover }) => cover), photos);
  score(`catalog only, ${oblong.length} non-square train photos as queries, contain pad`, index, contain, photos);
}

function writePhotoSpace(embedder: ImageEmbedder, trainVectors: Float32Array[], train: Photo[]): void {
  const space = fitPhotoSpace(embedder.photoSpace.extractors, trainVectors, train.map((photo) => photo.key));
  const manifestPath = extractorManifestPath(repositoryRoot);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { photoSpaces: Record<string, unknown>[] };
  const about = manifest.photoSpaces.find((entry) => (entry.extractors as string[]).join('+') === space.extractors.join('+'))?.about;
  const entry = {
    extractors: space.extractors,
    about,
    photoMean: Array.from(space.photoMean, (value) => Number(value.toFixed(6))),
    nuisanceScales: Array.from(space.nuisanceScales, (value) => Number(value.toFixed(6))),
    nuisanceBasis: Buffer.from(space.nuisanceBasis.buffer, space.nuisanceBasis.byteOffset, space.nuisanceBasis.byteLength).toString('base64'),
  };
  manifest.photoSpaces = [...manifest.photoSpaces.filter((other) => (other.extractors as string[]).join('+') !== space.extractors.join('+')), entry];
  // Long number lists stay on one line each, so the file diffs and reads sensibly.
  const text = JSON.stringify(manifest, null, 2).replace(/\[\n\s+(-?[\d.e-]+(?:,\n\s+-?[\d.e-]+)*)\n\s+\]/g, (_, numbers: string) => `[${numbers.replace(/\s+/g, '')}]`);
  writeFileSync(manifestPath, `${text}\n`);
  console.log(`wrote the photo space (${space.nuisanceScales.length} nuisance directions) to ${manifestPath}; rerun to measure with it`);
}

const identitySpace = (dimensions: number): PhotoSpace => ({ extractors: [], photoMean: new Float32Array(dimensions), nuisanceScales: new Float32Array(0), nuisanceBasis: new Float32Array(0) });

async function main(): Promise<void> {
  const skipIndexing = process.argv.includes('--no-index');
  const engine = createInferenceEngine({ logger: createStderrLogger(true), providers: ['cpu'] });
  const manifest = loadExtractorManifest(extractorManifestPath(repositoryRoot));
  const embedder = await createImageEmbedder({ engine, modelsPath, manifest });
  if ('missing' in embedder) throw new Error(embedder.missing);
  console.log(`extractors ${embedder.name} (${embedder.dimensions} dimensions), ${catalogAugmentations.length} vectors per catalog image`);

  const classes = readClasses();
  const keys = classes.map((entry) => entry.key);
  const val = readSplit('val', keys);
  const train = readSplit('train', keys);

  let start = performance.now();
  const catalog: CatalogVector[] = [];
  for (const entry of classes) {
    const vectors = await catalogVectors(embedder, readBytes(entry.iconic));
    vectors.forEach((vector, position) => catalog.push({ id: `${entry.key}:${position}`, key: entry.key, vector }));
  }
  console.log(`catalog: ${classes.length} studio images → ${catalog.length} vectors in ${seconds(start).toFixed(1)} s`);

  start = performance.now();
  const queries = await embedAll(embedder, val);
  const batchTime = seconds(start);
  const plain = catalog.filter((entry) => entry.id.endsWith(':0'));

  console.log(`\nval: ${val.length} photos of ${new Set(val.map((photo) => photo.key)).size} products; catalog-only setting (81 studio images)`);
  score('plain cosine, one vector per product', buildProductIndex(plain, identitySpace(embedder.dimensions)), queries, val);
  score('+ domain centring (catalog mean / photo mean)', buildProductIndex(plain, { ...embedder.photoSpace, nuisanceScales: new Float32Array(0) }), queries, val);
  score('+ nuisance directions shrunk', buildProductIndex(plain, embedder.photoSpace), queries, val);
  const studioIndex = buildProductIndex(catalog, embedder.photoSpace);
  const studio = score(`+ mirrored catalog image (shipped setting, ${catalogAugmentations.length} vectors)`, studioIndex, queries, val);
  const extended: CatalogVector[] = [];
  for (const entry of classes) {
    const vectors = await catalogVectors(embedder, readBytes(entry.iconic), extendedAugmentations);
    vectors.forEach((vector, position) => extended.push({ id: `${entry.key}:${position}`, key: entry.key, vector }));
  }
  score(`  (${extendedAugmentations.length} vectors: + backgrounds, object crop, piles)`, buildProductIndex(extended, embedder.photoSpace), queries, val);
  sweep('margin top1−top2', studio, val, (result) => (result.matches[0]?.score ?? 0) - (result.matches[1]?.score ?? 0), [0.02, 0.03, 0.05, 0.08, 0.1]);

  start = performance.now();
  const trainVectors = await embedAll(embedder, train);
  console.log(`\nembedded ${train.length} train photos in ${seconds(start).toFixed(1)} s`);
  heldOutProducts(embedder, catalog, queries, val, trainVectors, train, keys);
  await coverOrContain(embedder, studioIndex, trainVectors, train);
  if (process.argv.includes('--write-photo-space')) writePhotoSpace(embedder, trainVectors, train);
  console.log(`after learning the ${train.length} train photos`);
  const withPhotos = [...catalog, ...trainVectors.map((vector, position) => ({ id: `train:${position}`, key: (train[position] as Photo).key, vector }))];
  score('train photos added as catalog vectors (nearest neighbour)', buildProductIndex(withPhotos, embedder.photoSpace), queries, val);
  start = performance.now();
  const adapter = trainAdapter([...plain, ...trainVectors.map((vector, position) => ({ key: (train[position] as Photo).key, vector }))]);
  console.log(`adapter trained on ${train.length + plain.length} vectors in ${seconds(start).toFixed(1)} s`);
  const learned = score('LDA adapter (shipped setting)', buildProductIndex(catalog, embedder.photoSpace, adapter), queries, val);
  sweep('posterior', learned, val, (result) => result.matches[0]?.score ?? 0, [0.3, 0.5, 0.6, 0.8, 0.9]);
  console.log(`  rules in identify.ts: margin ≥ ${confidenceRules.catalogMargin} (catalog only), posterior ≥ ${confidenceRules.adapterPosterior} (adapter)`);

  console.log('\nspeed (decode + resize + embed + search, CPU)');
  console.log(`  batch: ${((batchTime * 1000) / val.length).toFixed(1)} ms per photo (${val.length} photos, batches of 64)`);
  start = performance.now();
  const singles = val.slice(0, 40);
  for (const photo of singles) {
    const [vector] = await embedder.embed([readBytes(photo.path)]);
    if (!(vector instanceof Float32Array)) throw new Error('unreadable photo');
    identify(studioIndex, vector, 5);
  }
  console.log(`  single: ${((seconds(start) * 1000) / singles.length).toFixed(1)} ms per photo (${singles.length} photos one at a time)`);

  if (!skipIndexing) {
    // 1,000 catalog images: the 81 studio images plus train photos standing in for more products.
    const images = [...classes.map((entry) => entry.iconic), ...train.map((photo) => photo.path)].slice(0, 1000);
    start = performance.now();
    const many: CatalogVector[] = [];
    for (const [position, path] of images.entries()) {
      const vectors = await catalogVectors(embedder, readBytes(path));
      vectors.forEach((vector, view) => many.push({ id: `${position}:${view}`, key: String(position), vector }));
    }
    const indexed = seconds(start);
    start = performance.now();
    const big = buildProductIndex(many, embedder.photoSpace);
    const built = seconds(start);
    start = performance.now();
    for (const query of queries) identify(big, query, 5);
    console.log(
      `  indexing ${images.length} catalog images (${many.length} vectors): ${indexed.toFixed(1)} s embedding + ${built.toFixed(2)} s building; ` +
        `search ${((seconds(start) * 1000) / queries.length).toFixed(2)} ms per query over ${many.length} vectors`,
    );
  }
  console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await engine.release();
}

await main();
