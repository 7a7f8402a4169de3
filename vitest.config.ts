import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Model training and end-to-end tests are real work on 2 cores: give them room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Polled UI state waits on real work (the first assistant suggestion loads the models); 1 s, the default, fails under load.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
  },
});
