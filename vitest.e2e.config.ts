import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium with the built extension. One file at a time — each launches its own browser and
// this machine has two cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
