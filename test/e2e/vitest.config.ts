import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const graphql = createRequire(import.meta.url).resolve('graphql');

/** `npm run test:e2e`: the built product in headless Chromium, as each role would use it. */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: {
    alias: [
      { find: '@mase/shared', replacement: fileURLToPath(new URL('../../shared/src/index.ts', import.meta.url)) },
      { find: /^graphql$/, replacement: graphql },
    ],
  },
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts', 'test/security/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
  },
});
