/**
 * The image feature extractors ShopDesk knows, described by models/image-extractors.json.
 * Their weights are third-party files the app does not ship; they are found along the
 * models path, and a clear message says which file to put where when one is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExtractorDescription {
  id: string;
  folder: string;
  file: string;
  bytes: number;
  sha256: string;
  input: string;
  inputType: 'uint8';
  layout: 'NHWC';
  size: number;
  output: string;
  dimensions: number;
  preprocessing: string;
  licence: string;
  source: string;
}

/** The mean embedding of natural shop photos for one extractor combination (no labels involved). */
export interface PhotoMean {
  extractors: string[];
  values: number[];
}

export interface ExtractorManifest {
  extractors: ExtractorDescription[];
  photoMeans: PhotoMean[];
}

export interface FoundExtractor {
  extractor: ExtractorDescription;
  path: string;
}

export function loadExtractorManifest(manifestPath: string): ExtractorManifest {
  const parsed = JSON.parse(readFileSync(manifestPath, 'utf8')) as Partial<ExtractorManifest>;
  if (!Array.isArray(parsed.extractors) || parsed.extractors.length === 0) {
    throw new Error(`${manifestPath} lists no image extractors`);
  }
  return { extractors: parsed.extractors, photoMeans: parsed.photoMeans ?? [] };
}

/** The photo mean for an extractor combination, or zeros (no centring) when none was computed. */
export function photoMeanFor(manifest: ExtractorManifest, extractors: readonly string[], dimensions: number): Float32Array {
  const entry = manifest.photoMeans.find((candidate) => candidate.extractors.join('+') === extractors.join('+'));
  if (!entry || entry.values.length !== dimensions) return new Float32Array(dimensions);
  return Float32Array.from(entry.values);
}

/** The manifest committed with the app, relative to its root folder. */
export function extractorManifestPath(appRoot: string): string {
  return join(appRoot, 'models', 'image-extractors.json');
}

/**
 * Finds each wanted extractor on the models path (the first folder holding it wins).
 * Returns every one found, or `missing`: a message naming the files and where to put them.
 */
export function findImageExtractors(
  modelsPath: readonly string[],
  manifest: ExtractorManifest,
  wanted: readonly string[] = manifest.extractors.map((extractor) => extractor.id),
): FoundExtractor[] | { missing: string } {
  const found: FoundExtractor[] = [];
  const absent: ExtractorDescription[] = [];
  for (const id of wanted) {
    const extractor = manifest.extractors.find((candidate) => candidate.id === id);
    if (!extractor) return { missing: `the image extractor manifest has no extractor named ${id}` };
    const path = modelsPath.map((folder) => join(folder, extractor.folder, extractor.file)).find((candidate) => existsSync(candidate));
    if (path) found.push({ extractor, path });
    else absent.push(extractor);
  }
  if (absent.length === 0) return found;
  const files = absent.map((extractor) => `${extractor.folder}/${extractor.file} (${extractor.bytes.toLocaleString('en-US')} bytes, sha256 ${extractor.sha256}, ${extractor.licence})`);
  const searched = modelsPath.length > 0 ? `searched ${modelsPath.join(', ')}` : 'SHOPDESK_MODELS_PATH is not set';
  return {
    missing: `Photo identification needs ${files.join(' and ')}: put ${absent.length === 1 ? 'that folder' : 'those folders'} inside a folder listed in SHOPDESK_MODELS_PATH (${searched}).`,
  };
}

/** The first extractor of the manifest, as the single-model lookup. */
export function findImageExtractor(modelsPath: readonly string[], manifest: ExtractorManifest): FoundExtractor | { missing: string } {
  const first = manifest.extractors[0];
  if (!first) return { missing: 'the image extractor manifest is empty' };
  const result = findImageExtractors(modelsPath, manifest, [first.id]);
  return 'missing' in result ? result : (result[0] as FoundExtractor);
}
