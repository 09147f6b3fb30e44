import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    env: { TZ: 'UTC' },
    pool: 'forks',
    // Files run one after another in the same worker, which keeps its loaded modules and compiled
    // validators: each file still gets its own database and app (test/support), but no longer pays for
    // a fresh process and a fresh import of the whole application.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
