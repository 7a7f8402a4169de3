/** The desktop build: Electron main process, the core host it forks, the preload and the renderer. */
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'core-host': resolve('src/main/core-host.ts'),
          // Model training runs in worker threads of the core host (src/core/worker-thread.ts).
          'adapt-worker': resolve('src/core/reviews/model/adapt-worker.ts'),
          'recs-train-worker': resolve('src/core/recs/train-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // Sandboxed preloads cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
  },
});
