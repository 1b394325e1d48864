import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The PostgreSQL client tools: from PG_BIN when set, else from the PATH. */
function tool(name: 'pg_dump' | 'pg_restore'): string {
  const dir = process.env.PG_BIN;
  return dir ? join(dir, name) : name;
}

async function toolMajor(name: 'pg_dump' | 'pg_restore'): Promise<number> {
  try {
    const { stdout } = await run(tool(name), ['--version']);
    const m = /(\d+)(?:\.\d+)?/.exec(stdout);
    if (!m) throw new Error(`could not read the version of ${name}`);
    return Number(m[1]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${name} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client) or set PG_BIN to their folder`, { cause: err });
    }
    throw err;
  }
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(`SHOW server_version_num`);
    return Math.floor(Number(rows[0].v) / 10_000);
  } finally {
    await client.end();
  }
}

/** Splits a postgres:// URL into the environment the client tools read, so the password never appears on a command line. */
function connectionEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
}

async function checkVersions(url: string, name: 'pg_dump' | 'pg_restore'): Promise<void> {
  const [client, server] = await Promise.all([toolMajor(name), serverMajor(url)]);
  if (client < server) throw new Error(`${name} ${client} cannot work with a PostgreSQL ${server} server: install the version ${server} client tools or set PG_BIN`);
}

/** Dumps the whole database (schema, data, triggers, the audit chain) to one file in pg_dump's custom format. */
export async function backupDatabase(url: string, file: string): Promise<{ file: string; bytes: number }> {
  await checkVersions(url, 'pg_dump');
  await run(tool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', '--file', file], { env: connectionEnv(url), maxBuffer: 16 * 1024 * 1024 });
  return { file, bytes: statSync(file).size };
}

/**
 * Checks, before anything is changed, that the file is there and is a pg_dump archive pg_restore can
 * read (its table of contents): throws a message naming the problem otherwise.
 */
export async function checkBackupFile(file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
  if (!statSync(file).isFile()) throw new Error(`${file} is not a file`);
  if (statSync(file).size === 0) throw new Error(`The backup file ${file} is empty`);
  try {
    await run(tool('pg_restore'), ['--list', file], { maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') await toolMajor('pg_restore');
    const detail = String((err as { stderr?: string }).stderr ?? (err instanceof Error ? err.message : err)).trim().replace(/^pg_restore: (error: )?/gm, '');
    throw new Error(`The backup file ${file} is not a backup pg_restore can read (${detail || 'unreadable'})`, { cause: err });
  }
}

/**
 * Restores a backup into an empty database: everything or nothing (one transaction). Refuses a
 * database that already holds tables, so nothing already saved is overwritten by mistake.
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  await checkBackupFile(file);
  await checkVersions(url, 'pg_restore');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    if (rows[0].n > 0) throw new Error('The database to restore into is not empty: restore into a new, empty database (for example: createdb mase_restored), then point DATABASE_URL at it');
  } finally {
    await client.end();
  }
  try {
    await run(tool('pg_restore'), ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', connectionEnv(url).PGDATABASE!, file], {
      env: connectionEnv(url),
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const detail = String((err as { stderr?: string }).stderr ?? (err instanceof Error ? err.message : err)).trim().replace(/^pg_restore: (error: )?/gm, '');
    throw new Error(`Restoring ${file} failed and nothing was restored (it runs in one transaction): ${detail}`, { cause: err });
  }
}
