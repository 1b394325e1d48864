import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.js';
import { projectRoot } from './project-root.js';
import { readFileSync } from 'node:fs';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded PostgreSQL if this process started it. */
  close(): Promise<void>;
}

export const EMBEDDED_DATABASE = 'mase';
/** The embedded PostgreSQL's major version: that of the machines it runs beside, and of Debian's client tools (pg_dump) used for backups. */
export const EMBEDDED_MAJOR = 15;

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * DATABASE_URL when set; otherwise the project's embedded PostgreSQL in `.data/postgres`
 * (started here, or reused when `npm start` already runs it).
 */
export async function resolveDatabase(log: (line: string) => void = () => undefined): Promise<ResolvedDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, close: () => Promise.resolve() };
  }
  const dir = join(projectRoot(), '.data', 'postgres');
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const secretFile = join(dir, 'password');
  if (existsSync(join(dir, 'data', 'postmaster.pid')) && existsSync(secretFile)) {
    const password = readFileSync(secretFile, 'utf8').trim();
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
    if (await answers(url.replace(/\/mase$/, '/postgres'))) {
      log(`Using the embedded PostgreSQL already running on port ${port}`);
      await ensureDatabase(url.replace(/\/mase$/, '/postgres'), EMBEDDED_DATABASE);
      return { url, embedded: true, close: () => Promise.resolve() };
    }
  }
  const versionFile = join(dir, 'data', 'PG_VERSION');
  if (existsSync(versionFile) && readFileSync(versionFile, 'utf8').trim() !== String(EMBEDDED_MAJOR)) {
    throw new Error(
      `The data in ${dir} was made by PostgreSQL ${readFileSync(versionFile, 'utf8').trim()}, but the embedded PostgreSQL is ${EMBEDDED_MAJOR}. ` +
        `Move that folder aside (or delete it, to start again from the demo data) and run again.`,
    );
  }
  log(`Starting the embedded PostgreSQL ${EMBEDDED_MAJOR} (data in ${dir})`);
  const db = await startEmbeddedPostgres({ dir, port, persistent: true });
  await ensureDatabase(db.adminUrl, EMBEDDED_DATABASE);
  return { url: db.urlFor(EMBEDDED_DATABASE), embedded: true, close: () => db.stop() };
}
