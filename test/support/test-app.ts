import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createApp } from '../../server/src/app.js';
import { loadConfig, type AppConfig } from '../../server/src/config.js';
import { openDataSource } from '../../server/src/database/data-source.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo-borough.js';
import { seedDemo } from '../../server/src/modules/demo/demo-seed.js';
import type { Role } from '@mase/shared';
import { databaseUrl } from './global-setup.js';
import { GqlClient } from './gql-client.js';

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  databaseUrl: string;
  /** Direct access to the test database, for setting up and checking what the API did. */
  ds: DataSource;
  /** A client signed in as the demo user of this role. */
  as(role: Role): Promise<GqlClient>;
  anonymous(): GqlClient;
  close(): Promise<void>;
}

export { DEMO_PASSWORD };
/** The two-step verification encryption key of every test app (production requires one to be configured). */
export const TEST_MFA_KEY = Buffer.alloc(32, 0x5a);
export const emailOf = (role: Role) => DEMO_USERS.find((u) => u.role === role)!.email;

/** Clones the migrated template into a database of this file's own and starts the real app on it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `mase_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
      break;
    } catch (err) {
      // Two files cloning the template at the same moment: wait and try again.
      if (attempt > 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  return {
    url: databaseUrl(adminUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startTestApp(overrides: Partial<AppConfig> = {}, options: { seed?: boolean; cases?: boolean } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const ds = await openDataSource(db.url);
  if (options.seed !== false) await seedDemo(ds, { profile: 'demo', seed: 1, cases: options.cases ?? false });
  // A key of the tests' own, so an app started as production (which refuses to start without one) still starts.
  const config = loadConfig({ port: 0, host: '127.0.0.1', clientDist: null, production: false, databaseUrl: db.url, mfaEncryptionKey: TEST_MFA_KEY, ...overrides });
  const app = await createApp(config, db.url, { logger: process.env.TEST_SERVER_LOG ? ['error', 'warn'] : false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = address && typeof address === 'object' ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    databaseUrl: db.url,
    ds,
    anonymous: () => new GqlClient(baseUrl),
    as: async (role: Role) => {
      const client = new GqlClient(baseUrl);
      await client.signIn(emailOf(role), DEMO_PASSWORD);
      return client;
    },
    close: async () => {
      await app.close();
      await ds.destroy();
      await db.drop();
    },
  };
}
