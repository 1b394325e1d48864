import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openDataSource } from '../../server/src/database/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/database/embedded.js';
import { projectRoot } from '../../server/src/database/project-root.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDatabase: string;
  }
}

export function databaseUrl(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * One real PostgreSQL for the whole run: embedded by default, DATABASE_URL's server when set.
 * A template database is migrated once; each test file clones it (CREATE DATABASE … TEMPLATE)
 * and drops its clone at the end, so files never share state.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = databaseUrl(process.env.DATABASE_URL, 'postgres');
  } else {
    embedded = await startEmbeddedPostgres({
      dir: join(projectRoot(), '.data', `test-postgres-${process.pid}`),
      persistent: false,
    });
    adminUrl = embedded.adminUrl;
  }
  const template = `mase_template_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  const ds = await openDataSource(databaseUrl(adminUrl, template));
  await migrate(ds);
  await ds.destroy();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDatabase', template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  };
}
