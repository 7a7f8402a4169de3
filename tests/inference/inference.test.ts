import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeModel } from '../../src/core/inference/onnx-graph.ts';
import { createInferenceEngine } from '../../src/core/inference/onnx-runtime.ts';
import { createMemoryLogger } from '../../src/core/logger.ts';
import { useTempDir } from '../helpers/temp.ts';

const tempDir = useTempDir();

/** An embedding bag: sums the rows of a table picked by token ids, the shape of the project's text models. */
function embeddingBag(table: number[][]) {
  return encodeModel({
    name: 'bag',
    inputs: [{ name: 'ids', type: 'int64', dims: ['batch', 'tokens'] }],
    outputs: [{ name: 'sums', type: 'float32', dims: ['batch', table[0]?.length ?? 0] }],
    initializers: [
      { name: 'table', type: 'float32', dims: [table.length, table[0]?.length ?? 0], data: new Float32Array(table.flat()) },
      { name: 'axes', type: 'int64', dims: [1], data: new BigInt64Array([1n]) },
    ],
    nodes: [
      { op: 'Gather', inputs: ['table', 'ids'], outputs: ['rows'] },
      { op: 'ReduceSum', inputs: ['rows', 'axes'], outputs: ['sums'], attributes: { keepdims: 0 } },
    ],
  });
}

describe('inference layer', () => {
  it('runs a model built in TypeScript and caches its session', async () => {
    const path = join(tempDir(), 'bag.onnx');
    const table = [
      [1, 0.5],
      [2, -1],
      [0, 3],
    ];
    writeFileSync(path, embeddingBag(table));
    const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });
    const session = await engine.load(path);
    expect(await engine.load(path)).toBe(session);
    expect(session.inputNames).toEqual(['ids']);
    const ids = [
      [0, 2],
      [1, 1],
    ];
    const { sums } = await session.run({ ids: { type: 'int64', data: BigInt64Array.from(ids.flat().map(BigInt)), dims: [2, 2] } });
    const expected = ids.map((row) => [0, 1].map((column) => row.reduce((sum, id) => sum + (table[id]?.[column] ?? 0), 0)));
    expect(Array.from(sums?.data as Float32Array)).toEqual(expected.flat());
    expect(engine.provider).toBe('cpu');
    await engine.release();
  });

  it('falls back to the CPU when no accelerator loads, and reports a clear error for a missing model', async () => {
    const logger = createMemoryLogger();
    const engine = createInferenceEngine({ logger });
    expect(engine.candidates.at(-1)).toBe('cpu');
    const provider = await engine.selectProvider();
    expect(engine.candidates).toContain(provider);
    await expect(engine.load(join(tempDir(), 'absent.onnx'))).rejects.toThrow(/Could not load model .*absent\.onnx/);
    await engine.release();
  });
});
