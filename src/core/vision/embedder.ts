/**
 * Turns photos into unit-length feature vectors with the pretrained extractors on the
 * models path. With several extractors, each one's vector is normalised and the parts are
 * concatenated (and normalised again), so each model counts equally in the cosine.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { reason } from '../../shared/error-reasons.ts';
import { decodeRgb, renderModelInput, type ModelView, type RgbImage } from '../imaging/images.ts';
import type { InferenceEngine, ModelSession } from '../inference/onnx-runtime.ts';
import { findImageExtractors, missingBecause, photoSpaceFor, type ExtractorManifest, type FoundExtractor, type MissingExtractor, type PhotoSpace } from './manifest.ts';
import { normalise } from './vectors.ts';

/**
 * The extractors used by default. Together they beat either alone: on grocery val, catalog only,
 * with domain centring, 44.6 % top-1 against 37.8 % (V2) and 36.5 % (V1).
 */
export const defaultExtractors = ['mobilenet-v2-1.0-224-quant', 'mobilenet-v1-1.0-224-quant-embedding'] as const;

/** Photos are decoded no larger than this before cropping, which keeps big camera files cheap. */
const decodeSide = 448;

/**
 * How query (and learned) photos are looked at: the middle 65 % of the centred square. Shop
 * photos frame the product loosely, with neighbouring products and shelf around it. Tuned on
 * halves of grocery val (each half chose a crop between 0.5 and 0.65, where top-1 is flat; 0.65 is
 * the mildest): on all of val, catalog-only top-1 rose from 47.6 % (whole square) to 56.8 %, and
 * after learning from 75.3 % to 81.8 % with the Gaussian adapter (85.5 % with the one in learn.ts).
 */
const queryView: ModelView = { fit: 'cover', keep: 0.65 };

export interface ImageEmbedder {
  /** Identifies the extractor combination and query view, e.g. for the `extractor` column of stored vectors. */
  readonly name: string;
  readonly dimensions: number;
  readonly inputSize: number;
  /** How natural photos spread for this combination (from the manifest); see identify.ts. */
  readonly photoSpace: PhotoSpace;
  /** One unit vector per photo, or the reason that photo could not be read; the others still count. */
  embed(images: Uint8Array[]): Promise<(Float32Array | { error: string })[]>;
  /** Decodes a photo (upright, opaque, at most 448 px), to cut several views from it. */
  decode(bytes: Uint8Array): Promise<RgbImage>;
  /** Unit vectors for ready model inputs (inputSize² RGB bytes each), run in batches. */
  embedInputs(inputs: readonly Uint8Array[]): Promise<Float32Array[]>;
}

export interface EmbedderOptions {
  engine: InferenceEngine;
  modelsPath: readonly string[];
  manifest: ExtractorManifest;
  extractors?: readonly string[];
  /** Images per inference call; bounds memory (224²×3 bytes in, a few KB out per image). */
  batchSize?: number;
}

export async function createImageEmbedder(options: EmbedderOptions): Promise<ImageEmbedder | MissingExtractor> {
  const found = findImageExtractors(options.modelsPath, options.manifest, options.extractors ?? defaultExtractors);
  if ('missing' in found) return found;
  for (const { extractor, path } of found) {
    // A truncated download or another model under the same name would give silent nonsense.
    const digest = createHash('sha256').update(await readFile(path)).digest('hex');
    if (digest !== extractor.sha256) {
      return missingBecause(
        reason('vision.wrong_model', { path, extractor: extractor.id, digest, expected: extractor.sha256, file: `${extractor.folder}/${extractor.file}`, source: extractor.source }),
      );
    }
  }
  const sessions = await Promise.all(found.map((entry) => options.engine.load(entry.path)));
  const dimensions = found.reduce((sum, entry) => sum + entry.extractor.dimensions, 0);
  const photoSpace = photoSpaceFor(options.manifest, found.map((entry) => entry.extractor.id), dimensions);
  return embedderFromSessions(found, sessions, photoSpace, options.batchSize ?? 16);
}

function embedderFromSessions(found: FoundExtractor[], sessions: ModelSession[], photoSpace: PhotoSpace, batchSize: number): ImageEmbedder {
  const sizes = new Set(found.map((entry) => entry.extractor.size));
  if (sizes.size !== 1) throw new Error('the chosen image extractors need different input sizes');
  const inputSize = found[0]?.extractor.size as number;
  const dimensions = found.reduce((sum, entry) => sum + entry.extractor.dimensions, 0);
  const partWeight = 1 / Math.sqrt(found.length);

  async function embedBatch(inputs: readonly Uint8Array[]): Promise<Float32Array[]> {
    const pixels = inputSize * inputSize * 3;
    const batch = new Uint8Array(inputs.length * pixels);
    inputs.forEach((input, index) => {
      if (input.length !== pixels) throw new Error(`a model input must be ${inputSize}×${inputSize} RGB`);
      batch.set(input, index * pixels);
    });
    const vectors = inputs.map(() => new Float32Array(dimensions));
    let offset = 0;
    for (const [position, entry] of found.entries()) {
      const { input, output, dimensions: width } = entry.extractor;
      const result = await (sessions[position] as ModelSession).run({
        [input]: { type: 'uint8', data: batch, dims: [inputs.length, inputSize, inputSize, 3] },
      });
      const values = result[output]?.data as Float32Array | undefined;
      if (!values || values.length !== inputs.length * width) throw new Error(`${entry.extractor.id} returned no ${output} of width ${width}`);
      vectors.forEach((vector, index) => {
        const part = normalise(values.slice(index * width, (index + 1) * width));
        for (let column = 0; column < width; column += 1) vector[offset + column] = (part[column] as number) * partWeight;
      });
      offset += width;
    }
    return vectors;
  }

  async function embedInputs(inputs: readonly Uint8Array[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < inputs.length; start += batchSize) vectors.push(...(await embedBatch(inputs.slice(start, start + batchSize))));
    return vectors;
  }

  const decode = (bytes: Uint8Array) => decodeRgb(bytes, decodeSide);

  return {
    // Stored vectors are filed under this name: with a new query view they are embedded again.
    name: `${found.map((entry) => entry.extractor.id).join('+')}@centre-${queryView.keep ?? 1}`,
    dimensions,
    inputSize,
    photoSpace,
    decode,
    embedInputs,
    async embed(images) {
      const prepared = await Promise.all(
        images.map(async (bytes) => {
          try {
            return await renderModelInput(await decode(bytes), inputSize, queryView);
          } catch (error) {
            return { error: error instanceof Error ? error.message : String(error) };
          }
        }),
      );
      const readable = prepared.filter((input): input is Uint8Array => input instanceof Uint8Array);
      const vectors = await embedInputs(readable);
      let next = 0;
      return prepared.map((input) => (input instanceof Uint8Array ? (vectors[next++] as Float32Array) : input));
    },
  };
}
