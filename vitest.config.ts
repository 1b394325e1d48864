import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const shared = fileURLToPath(new URL('./shared/src/index.ts', import.meta.url));
// One copy of graphql for everyone: Vite would otherwise pick its ES build for our code while
// NestJS requires the CommonJS one ("Cannot use GraphQLScalarType from another module or realm").
const graphql = createRequire(import.meta.url).resolve('graphql');

/** `npm test`: unit tests of every workspace, then the integration suite against a real PostgreSQL. */
export default defineConfig({
  resolve: { alias: [{ find: '@mase/shared', replacement: shared }, { find: /^graphql$/, replacement: graphql }] },
  test: {
    projects: [
      { extends: true, test: { name: 'shared', include: ['shared/src/**/*.spec.ts'], environment: 'node' } },
      { extends: true, test: { name: 'server', include: ['server/src/**/*.spec.ts'], environment: 'node' } },
      './client/vite.config.ts',
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/security/**/*.test.ts', 'test/reliability/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { TZ: 'UTC' },
        },
      },
    ],
  },
});
