/**
 * The image feature extractors ShopDesk knows, described by models/image-extractors.json.
 * Their weights are third-party files the app does not ship; they are found along the
 * models path, and a clear message says which file to put where when one is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { englishReason, reason, type ErrorReason } from '../../shared/error-reasons.ts';

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

/**
 * How natural shop photos spread in an extractor combination's vector space (no product
 * labels of the user's catalog involved): their mean, and the directions in which photos of
 * one same product vary, which are shrunk before comparing (within-class covariance normalisation).
 */
export interface PhotoSpace {
  extractors: string[];
  photoMean: Float32Array;
  /** One factor per nuisance direction: that component of a vector is multiplied by it. */
  nuisanceScales: Float32Array;
  /** nuisanceScales.length unit rows of `dimensions` values. */
  nuisanceBasis: Float32Array;
}

interface PhotoSpaceJson {
  extractors: string[];
  photoMean: number[];
  nuisanceScales: number[];
  /** Base64 of little-endian float32 rows. */
  nuisanceBasis: string;
}

export interface ExtractorManifest {
  extractors: ExtractorDescription[];
  photoSpaces: PhotoSpaceJson[];
}

export interface FoundExtractor {
  extractor: ExtractorDescription;
  path: string;
}

/** Why photo identification cannot run: `missing` in English, `reason` for the UI. */
export interface MissingExtractor {
  missing: string;
  reason: ErrorReason;
}

export function missingBecause(why: ErrorReason): MissingExtractor {
  return { missing: englishReason(why), reason: why };
}

export function loadExtractorManifest(manifestPath: string): ExtractorManifest {
  const parsed = JSON.parse(readFileSync(manifestPath, 'utf8')) as Partial<ExtractorManifest>;
  if (!Array.isArray(parsed.extractors) || parsed.extractors.length === 0) {
    throw new Error(`${manifestPath} lists no image extractors`);
  }
  return { extractors: parsed.extractors, photoSpaces: parsed.photoSpaces ?? [] };
}

/** The photo space of an extractor combination; without one, vectors are compared as they are. */
export function photoSpaceFor(manifest: ExtractorManifest, extractors: readonly string[], dimensions: number): PhotoSpace {
  const entry = manifest.photoSpaces.find((candidate) => candidate.extractors.join('+') === extractors.join('+'));
  const basis = entry ? new Float32Array(new Uint8Array(Buffer.from(entry.nuisanceBasis, 'base64')).buffer) : new Float32Array(0);
  if (!entry || entry.photoMean.length !== dimensions || basis.length !== entry.nuisanceScales.length * dimensions) {
    return { extractors: [...extractors], photoMean: new Float32Array(dimensions), nuisanceScales: new Float32Array(0), nuisanceBasis: new Float32Array(0) };
  }
  return { extractors: entry.extractors, photoMean: Float32Array.from(entry.photoMean), nuisanceScales: Float32Array.from(entry.nuisanceScales), nuisanceBasis: basis };
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
): FoundExtractor[] | MissingExtractor {
  const found: FoundExtractor[] = [];
  const absent: ExtractorDescription[] = [];
  for (const id of wanted) {
    const extractor = manifest.extractors.find((candidate) => candidate.id === id);
    if (!extractor) return missingBecause(reason('vision.unknown_extractor', { extractor: id }));
    const path = modelsPath.map((folder) => join(folder, extractor.folder, extractor.file)).find((candidate) => existsSync(candidate));
    if (path) found.push({ extractor, path });
    else absent.push(extractor);
  }
  if (absent.length === 0) return found;
  const files = absent.map((extractor) => `${extractor.folder}/${extractor.file} (${extractor.bytes.toLocaleString('en-US')} bytes, sha256 ${extractor.sha256}, ${extractor.licence})`);
  const needed = { files: files.join(' and '), count: absent.length };
  return missingBecause(modelsPath.length > 0 ? reason('vision.models_missing', { ...needed, folders: modelsPath.join(', ') }) : reason('vision.models_missing_no_path', needed));
}

/** The first extractor of the manifest, as the single-model lookup. */
export function findImageExtractor(modelsPath: readonly string[], manifest: ExtractorManifest): FoundExtractor | MissingExtractor {
  const first = manifest.extractors[0];
  if (!first) return missingBecause(reason('vision.empty_manifest'));
  const result = findImageExtractors(modelsPath, manifest, [first.id]);
  return 'missing' in result ? result : (result[0] as FoundExtractor);
}
