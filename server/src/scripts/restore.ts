import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import { checkBackupFile, restoreDatabase } from '../database/backup.js';
import { openDataSource } from '../database/data-source.js';
import { resolveDatabase } from '../database/resolve.js';
import { AuditService } from '../modules/audit/audit.service.js';

/**
 * `npm run restore -- <file>`: restores a backup into the database (which must be empty), then
 * verifies the audit chain. `--replace` replaces a database that holds data: the backup is restored
 * into a new database beside it first, and only once that has worked is the old one dropped and the
 * new one renamed in its place, so a missing, corrupt or unrestorable file leaves the database as it
 * was. Stop the server first (a database with connections is not dropped).
 */
const file = process.argv.slice(2).find((a) => !a.startsWith('-'));
const replace = process.argv.includes('--replace');
if (!file) {
  console.error('Usage: npm run restore -- <backup file> [--replace]');
  process.exit(2);
}
const path = resolve(file);
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function onAdmin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(url);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function verifyChain(url: string): Promise<{ ok: boolean; events: number; problem: string | null }> {
  const ds = await openDataSource(url);
  try {
    return await new AuditService(ds).verify();
  } finally {
    await ds.destroy();
  }
}

const db = await resolveDatabase((l) => console.error(l));
let code = 0;
try {
  // Before anything is changed: the file must be a backup pg_restore can read.
  await checkBackupFile(path);
  let chain: { ok: boolean; events: number; problem: string | null };
  if (replace) {
    const name = decodeURIComponent(new URL(db.url).pathname.slice(1));
    const staging = `${name.slice(0, 40)}_restoring_${randomBytes(4).toString('hex')}`;
    const stagingUrl = new URL(db.url);
    stagingUrl.pathname = `/${staging}`;
    await onAdmin(db.url, (c) => c.query(`CREATE DATABASE ${ident(staging)}`));
    let dropped = false;
    try {
      await restoreDatabase(stagingUrl.toString(), path);
      chain = await verifyChain(stagingUrl.toString());
      await onAdmin(db.url, async (c) => {
        const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name]);
        if (rows[0].n > 0) throw new Error(`The database ${name} has ${rows[0].n} open connection(s): stop the server (and anything else using it) and run the restore again. Nothing was changed.`);
        await c.query(`DROP DATABASE IF EXISTS ${ident(name)}`);
        dropped = true;
        await c.query(`ALTER DATABASE ${ident(staging)} RENAME TO ${ident(name)}`);
      });
    } catch (err) {
      // The restored copy is dropped only while the original is still there.
      if (dropped) throw new Error(`${err instanceof Error ? err.message : String(err)}: the backup is restored in the database ${staging}; rename it to ${name}`, { cause: err });
      await onAdmin(db.url, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(staging)} WITH (FORCE)`)).catch(() => undefined);
      throw err;
    }
  } else {
    await restoreDatabase(db.url, path);
    chain = await verifyChain(db.url);
  }
  console.log(`Restored ${path}. Audit chain: ${chain.ok ? `verifies (${chain.events} events)` : `DOES NOT verify: ${chain.problem}`}.`);
  if (!chain.ok) code = 1;
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  await db.close();
}
process.exit(code);
