import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupDatabase } from '../database/backup.js';
import { openDataSource } from '../database/data-source.js';
import { projectRoot } from '../database/project-root.js';
import { resolveDatabase } from '../database/resolve.js';
import { AuditService } from '../modules/audit/audit.service.js';

/** `npm run backup [-- file]`: the whole database to one pg_dump file (default: backups/mase-<time>.dump), after checking the audit chain. */
const target = process.argv[2] && !process.argv[2].startsWith('-') ? resolve(process.argv[2]) : null;
const db = await resolveDatabase((l) => console.error(l));
let code = 0;
try {
  const ds = await openDataSource(db.url);
  const chain = await new AuditService(ds).verify();
  await ds.destroy();
  if (!chain.ok) console.error(`Warning: the audit chain does not verify (${chain.problem}); backing up as it is.`);
  const dir = join(projectRoot(), 'backups');
  mkdirSync(dir, { recursive: true });
  const file = target ?? join(dir, `mase-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`);
  const out = await backupDatabase(db.url, file);
  console.log(`Backed up to ${out.file} (${(out.bytes / 1024).toFixed(0)} KB; audit chain of ${chain.events} events ${chain.ok ? 'verifies' : 'DOES NOT verify'}).`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  await db.close();
}
process.exit(code);
