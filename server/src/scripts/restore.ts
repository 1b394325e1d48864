import 'reflect-metadata';
import { resolve } from 'node:path';
import pg from 'pg';
import { restoreDatabase } from '../database/backup.js';
import { openDataSource } from '../database/data-source.js';
import { resolveDatabase } from '../database/resolve.js';
import { AuditService } from '../modules/audit/audit.service.js';

/**
 * `npm run restore -- <file>`: restores a backup into the database (which must be empty), then
 * verifies the audit chain. `--replace` first drops and recreates the database: stop the server first.
 */
const file = process.argv.slice(2).find((a) => !a.startsWith('-'));
const replace = process.argv.includes('--replace');
if (!file) {
  console.error('Usage: npm run restore -- <backup file> [--replace]');
  process.exit(2);
}
const db = await resolveDatabase((l) => console.error(l));
let code = 0;
try {
  if (replace) {
    const u = new URL(db.url);
    const name = decodeURIComponent(u.pathname.slice(1));
    u.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: u.toString() });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}"`);
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } finally {
      await admin.end();
    }
  }
  await restoreDatabase(db.url, resolve(file));
  const ds = await openDataSource(db.url);
  const chain = await new AuditService(ds).verify();
  await ds.destroy();
  console.log(`Restored ${resolve(file)}. Audit chain: ${chain.ok ? `verifies (${chain.events} events)` : `DOES NOT verify: ${chain.problem}`}.`);
  if (!chain.ok) code = 1;
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  await db.close();
}
process.exit(code);
