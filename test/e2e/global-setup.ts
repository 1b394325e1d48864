import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openDataSource } from '../../server/src/database/data-source.js';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/database/embedded.js';
import { projectRoot } from '../../server/src/database/project-root.js';
import { seedDemo } from '../../server/src/modules/demo/demo-seed.js';
import { databaseUrl } from '../support/global-setup.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    e2eDatabaseUrl: string;
  }
}

/**
 * Starts a real PostgreSQL with the demo borough and the built server as a separate process
 * (exactly what `npm start` runs), for the browser to use.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = projectRoot();
  const main = join(root, 'server', 'dist', 'server', 'src', 'main.js');
  if (!existsSync(main) || !existsSync(join(root, 'client', 'dist', 'index.html'))) {
    throw new Error('Build first: npm run build (npm run test:e2e does it for you)');
  }
  mkdirSync(join(root, 'artifacts', 'e2e'), { recursive: true });
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = databaseUrl(process.env.DATABASE_URL, 'postgres');
  } else {
    embedded = await startEmbeddedPostgres({ dir: join(root, '.data', `e2e-postgres-${process.pid}`), persistent: false });
    adminUrl = embedded.adminUrl;
  }
  const name = `mase_e2e_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = databaseUrl(adminUrl, name);
  const ds = await openDataSource(url);
  await migrate(ds);
  await seedDemo(ds, { profile: 'demo', seed: 1 });
  await ds.destroy();

  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [main], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server exited: ${output}`);
    const ok = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`The server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('e2eDatabaseUrl', url);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  };
}
