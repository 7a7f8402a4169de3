// Lint, including the layering rules: which folder may import what.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'net', 'crypto', 'url', 'stream', 'util'];

/** A rule that forbids the given import patterns, with a message saying why. */
function forbid(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      // The contract is plain types and tables: it imports nothing outside itself.
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./)', message: 'src/shared imports nothing but its own files.' }] }],
    },
  },
  {
    files: ['src/core/**'],
    rules: forbid(['electron', 'react', 'react-dom', '**/renderer/**', '**/main/**', '**/preload/**', '**/cli/**'], 'src/core is plain Node: no Electron, DOM, renderer, shell or CLI imports.'),
  },
  {
    files: ['src/core/**'],
    ignores: ['src/core/inference/onnx-runtime.ts'],
    rules: forbid(['electron', 'react', 'react-dom', '**/renderer/**', '**/main/**', '**/preload/**', '**/cli/**', 'onnxruntime-node', 'onnxruntime-*'], 'Only src/core/inference/onnx-runtime.ts imports onnxruntime; src/core is plain Node.'),
  },
  {
    files: ['src/core/**'],
    ignores: ['src/core/imaging/images.ts', 'src/core/inference/onnx-runtime.ts'],
    rules: forbid(['electron', 'react', 'react-dom', '**/renderer/**', '**/main/**', '**/preload/**', '**/cli/**', 'onnxruntime-node', 'onnxruntime-*', 'sharp'], 'Only src/core/imaging/images.ts imports sharp, only src/core/inference/onnx-runtime.ts imports onnxruntime; src/core is plain Node.'),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid(['**/core/**', '**/main/**', '**/preload/**', '**/cli/**', 'electron', 'better-sqlite3', 'sharp', 'onnxruntime-*', ...nodeBuiltins], 'The renderer talks to the core only through src/shared and a transport.'),
  },
  {
    files: ['src/cli/**', 'src/main/**', 'src/preload/**', 'scripts/**', 'tests/**'],
    rules: forbid(['**/renderer/**', 'onnxruntime-*', 'sharp'], 'Hosts and tests reach models and images through the core.'),
  },
  {
    // Unit tests of the renderer's pure modules (strings, formatting) run them alone, as the renderer would.
    files: ['tests/renderer/**'],
    rules: forbid(['**/core/**', 'onnxruntime-*', 'sharp'], 'Renderer unit tests exercise renderer modules alone.'),
  },
  {
    files: ['src/preload/**'],
    rules: forbid(['**/core/**', '**/renderer/**', '**/cli/**', 'onnxruntime-*', 'sharp', 'better-sqlite3'], 'The preload only relays the contract.'),
  },
);
