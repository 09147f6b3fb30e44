import { defineConfig } from 'vitest/config';

/** Browser journeys: the real server and Debian's Chromium. Expects `npm run build` to have run. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    env: { TZ: 'UTC' },
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
