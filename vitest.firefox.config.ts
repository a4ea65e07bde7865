import { defineConfig } from 'vitest/config';

// Browser tests on Firefox: headless firefox-esr over WebDriver BiDi with the Firefox build (extension-firefox/).
// One file at a time, like the Chromium browser tests: each launches its own browser on a two-core machine.
export default defineConfig({
  test: {
    include: ['e2e-firefox/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
