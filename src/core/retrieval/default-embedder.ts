/**
 * The embedder the app uses: GloVe from the models path when it is there (it is not shipped
 * in the repository), plus the committed term table. Without GloVe the vectors still work,
 * with less English synonym knowledge; `name` tells the two spaces apart, so stored vectors
 * made with the other one can be detected and recomputed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTextEmbedder, type TextEmbedder } from './embedder.ts';
import { builtInTermTableDir, loadTermTable } from './term-table.ts';
import { gloveFolderName, loadWordVectors, type WordVectors } from './word-vectors.ts';

export function findWordVectors(modelsPath: readonly string[]): WordVectors | undefined {
  const directory = modelsPath.map((root) => join(root, gloveFolderName)).find((candidate) => existsSync(join(candidate, 'manifest.json')));
  return directory ? loadWordVectors(directory) : undefined;
}

export function createDefaultTextEmbedder(modelsPath: readonly string[]): { embedder: TextEmbedder; wordVectors: WordVectors | undefined } {
  const wordVectors = findWordVectors(modelsPath);
  const termTable = loadTermTable(builtInTermTableDir);
  return { embedder: createTextEmbedder({ ...(wordVectors ? { wordVectors } : {}), ...(termTable ? { termTable } : {}) }), wordVectors };
}
