/**
 * The inference layer: the only module that imports onnxruntime-node.
 * Sessions are created lazily, cached by file path and released on shutdown.
 * The execution provider is chosen once, by trying the platform's accelerators
 * in order and falling back to the CPU, and reported through `system.info`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { Logger } from '../logger.ts';
import { encodeModel } from './onnx-graph.ts';

export type ExecutionProvider = 'cuda' | 'dml' | 'coreml' | 'webgpu' | 'cpu';
export type TensorElementType = 'float32' | 'int64' | 'int32' | 'uint8';
export type TensorData = Float32Array | BigInt64Array | Int32Array | Uint8Array;

export interface TensorValue {
  type: TensorElementType;
  data: TensorData;
  dims: readonly number[];
}

export interface ModelSession {
  readonly path: string;
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, TensorValue>): Promise<Record<string, TensorValue>>;
}

export interface SessionSettings {
  /**
   * Threads of onnxruntime's operator pool; its default (one per core) suits convolutions. For a
   * graph that only gathers and sums, the extra thread gains nothing and, spinning between calls,
   * competes with the JavaScript thread on a 2-core machine (review scoring swung between 14,000
   * and 23,000 reviews/s from one process to the next; with 1 thread it stayed at 22,000).
   */
  threads?: number;
}

export interface InferenceEngine {
  /** The provider sessions run on; 'cpu' until a session has been created on an accelerator. */
  readonly provider: ExecutionProvider;
  /** Providers this build of onnxruntime can try on this platform, best first. */
  readonly candidates: readonly ExecutionProvider[];
  /** A session per model file, shared by every caller (the first call's options decide). */
  load(modelPath: string, options?: SessionSettings): Promise<ModelSession>;
  /** Settles which provider works here by loading a one-node model; returns it. */
  selectProvider(): Promise<ExecutionProvider>;
  release(): Promise<void>;
}

export interface InferenceOptions {
  logger: Logger;
  /** Restricts the providers tried, e.g. ['cpu'] for reproducible benchmarks. */
  providers?: readonly ExecutionProvider[];
}

/** Accelerators worth trying per platform, best first; the CPU always closes the list. */
function platformCandidates(): ExecutionProvider[] {
  const bundled = new Set(ort.listSupportedBackends().filter((backend) => backend.bundled).map((backend) => backend.name));
  const wanted: ExecutionProvider[] =
    process.platform === 'win32' ? ['cuda', 'dml', 'webgpu'] : process.platform === 'darwin' ? ['coreml', 'webgpu'] : ['cuda', 'webgpu'];
  // CUDA ships as a separate download: try it only when its provider library is installed.
  return [
    ...wanted.filter((name) => {
      if (name === 'cuda') return bundled.has(name) || cudaInstalled();
      if (name === 'webgpu' && process.platform === 'linux') return bundled.has(name) && vulkanInstalled();
      return bundled.has(name);
    }),
    'cpu',
  ];
}

/**
 * On Linux WebGPU runs on Vulkan; without a Vulkan loader the attempt only prints a
 * native warning on every start, so it is skipped.
 */
function vulkanInstalled(): boolean {
  const folders = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib', '/usr/local/lib'];
  return folders.some((folder) => existsSync(join(folder, 'libvulkan.so.1')));
}

/** The CUDA provider library sits beside onnxruntime's binding once its installer has fetched it. */
function cudaInstalled(): boolean {
  if (process.platform === 'darwin') return false;
  const packageRoot = dirname(dirname(createRequire(import.meta.url).resolve('onnxruntime-node')));
  const library = process.platform === 'win32' ? 'onnxruntime_providers_cuda.dll' : 'libonnxruntime_providers_cuda.so';
  return existsSync(join(packageRoot, 'bin', 'napi-v6', process.platform, process.arch, library));
}

/** A one-node model (Identity), enough to find out which provider can run a session. */
function probeModel(): Uint8Array {
  return encodeModel({
    name: 'probe',
    inputs: [{ name: 'x', type: 'float32', dims: [1] }],
    outputs: [{ name: 'y', type: 'float32', dims: [1] }],
    initializers: [],
    nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['y'] }],
  });
}

function toOrtTensor(value: TensorValue): ort.Tensor {
  return new ort.Tensor(value.type, value.data, value.dims);
}

function fromOrtTensor(tensor: ort.Tensor): TensorValue {
  return { type: tensor.type as TensorElementType, data: tensor.data as TensorData, dims: tensor.dims };
}

export function createInferenceEngine(options: InferenceOptions): InferenceEngine {
  const { logger } = options;
  const candidates = options.providers ? [...options.providers] : platformCandidates();
  const sessions = new Map<string, Promise<ModelSession>>();
  let provider: ExecutionProvider = 'cpu';
  let workingProvider: ExecutionProvider | undefined;

  async function createSession(modelPath: string | Uint8Array, settings: SessionSettings = {}): Promise<ort.InferenceSession> {
    const tried = workingProvider ? [workingProvider] : candidates;
    let lastError: unknown;
    for (const name of tried) {
      try {
        const options: ort.InferenceSession.SessionOptions = {
          executionProviders: [name],
          graphOptimizationLevel: 'all',
          ...(settings.threads ? { intraOpNumThreads: settings.threads } : {}),
        };
        const session = typeof modelPath === 'string' ? await ort.InferenceSession.create(modelPath, options) : await ort.InferenceSession.create(modelPath, options);
        if (workingProvider !== name) logger.info(`inference: using the ${name} execution provider`);
        workingProvider = name;
        provider = name;
        return session;
      } catch (error) {
        lastError = error;
        if (name !== 'cpu') logger.info(`inference: ${name} provider unavailable, trying the next (${String(error)})`);
      }
    }
    throw new Error(`Could not load model ${typeof modelPath === 'string' ? modelPath : '(in memory)'}: ${String(lastError)}`);
  }

  async function open(modelPath: string, settings?: SessionSettings): Promise<ModelSession> {
    const session = await createSession(modelPath, settings);
    return {
      path: modelPath,
      inputNames: session.inputNames,
      outputNames: session.outputNames,
      async run(feeds) {
        const ortFeeds: Record<string, ort.Tensor> = {};
        for (const [name, value] of Object.entries(feeds)) ortFeeds[name] = toOrtTensor(value);
        const results = await session.run(ortFeeds);
        const outputs: Record<string, TensorValue> = {};
        for (const [name, tensor] of Object.entries(results)) outputs[name] = fromOrtTensor(tensor);
        return outputs;
      },
      release: () => session.release(),
    } as ModelSession & { release(): Promise<void> };
  }

  return {
    get provider() {
      return provider;
    },
    candidates,
    load(modelPath, settings) {
      let session = sessions.get(modelPath);
      if (!session) {
        session = open(modelPath, settings);
        // A failed load is not cached, so a model put in place later can still be loaded.
        session.catch(() => sessions.delete(modelPath));
        sessions.set(modelPath, session);
      }
      return session;
    },
    async selectProvider() {
      if (workingProvider === undefined) {
        const probe = await createSession(probeModel());
        await probe.release();
      }
      return provider;
    },
    async release() {
      const open = [...sessions.values()];
      sessions.clear();
      for (const pending of open) {
        const session = (await pending.catch(() => undefined)) as (ModelSession & { release(): Promise<void> }) | undefined;
        await session?.release();
      }
    },
  };
}
