import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, repositoryRoot, type Core } from '../../src/core/index.ts';
import { createMemoryLogger } from '../../src/core/logger.ts';
import { useTempDir } from './temp.ts';

/** The shared data and models beside the repository (CI has them there too). */
export const sharedDir = resolve(repositoryRoot, '..', 'shared');
export const sharedModels = join(sharedDir, 'models');

/** A real core on a real SQLite file in a temp folder, closed after the test. */
export function useCore(): () => Core {
  const tempDir = useTempDir();
  const cores: Core[] = [];
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.close();
  });
  return () => {
    const core = createCore({ dataDir: join(tempDir(), 'data'), modelsPath: [sharedModels], logger: createMemoryLogger(), providers: ['cpu'] });
    cores.push(core);
    return core;
  };
}
