import { defineConfig } from 'vitest/config';

// Unit tests: the pure core and other code that runs in Node. Browser tests have their own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
