import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['./test/support/build-once.ts'],
    // Every test opens its databases encrypted with an explicit test passphrase (test/support/test-key.ts).
    setupFiles: ['test/support/at-rest-env.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
