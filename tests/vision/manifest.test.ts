import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractorManifestPath, findImageExtractor, findImageExtractors, loadExtractorManifest, photoSpaceFor } from '../../src/core/vision/manifest.ts';

const repositoryRoot = resolve(import.meta.dirname, '../..');
const sharedModels = resolve(repositoryRoot, '../shared/models');
const manifest = loadExtractorManifest(extractorManifestPath(repositoryRoot));
const scratch = mkdtempSync(join(tmpdir(), 'shopdesk-extractors-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('image extractor manifest', () => {
  it('says which file is needed and where, when the models path is empty', () => {
    const result = findImageExtractor([], manifest);
    expect('missing' in result).toBe(true);
    const { missing } = result as { missing: string };
    expect(missing).toContain('mobilenet-v2-1.0-224-quant/mobilenet_v2_1.0_224_quant.onnx');
    expect(missing).toContain('SHOPDESK_MODELS_PATH is not set');
    expect(missing).toContain('Apache-2.0');
  });

  it('names the folders it searched and every missing extractor', () => {
    const result = findImageExtractors([scratch], manifest);
    expect(result).toHaveProperty('missing');
    const { missing } = result as { missing: string };
    expect(missing).toContain(`searched ${scratch}`);
    expect(missing).toContain('mobilenet_v1_1.0_224_quant_embedding_extractor.onnx');
  });

  it('takes the first folder on the path that holds the file', () => {
    const [first] = manifest.extractors;
    if (!first) throw new Error('empty manifest');
    const folder = join(scratch, 'later', first.folder);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, first.file), 'placeholder');
    const result = findImageExtractor([join(scratch, 'empty'), join(scratch, 'later'), sharedModels], manifest);
    expect(result).toEqual({ extractor: first, path: join(folder, first.file) });
  });

  it('describes the shared models exactly (size and sha256)', () => {
    const found = findImageExtractors([sharedModels], manifest);
    if ('missing' in found) throw new Error(found.missing);
    expect(found).toHaveLength(2);
    for (const { extractor, path } of found) {
      const bytes = readFileSync(path);
      expect(bytes.byteLength).toBe(extractor.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(extractor.sha256);
    }
  });

  it('carries a photo space for the default pair, and none for unknown combinations', () => {
    const space = photoSpaceFor(manifest, ['mobilenet-v2-1.0-224-quant', 'mobilenet-v1-1.0-224-quant-embedding'], 2304);
    expect(space.photoMean).toHaveLength(2304);
    expect(space.nuisanceBasis).toHaveLength(space.nuisanceScales.length * 2304);
    expect(space.nuisanceScales.length).toBeGreaterThan(0);
    for (const scale of space.nuisanceScales) expect(scale > 0 && scale <= 1).toBe(true);
    const none = photoSpaceFor(manifest, ['mobilenet-v2-1.0-224-quant'], 1280);
    expect(none.nuisanceScales).toHaveLength(0);
    expect(none.photoMean.every((value) => value === 0)).toBe(true);
  });
});
