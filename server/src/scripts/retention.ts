import 'reflect-metadata';
import { openDataSource } from '../database/data-source.js';
import { resolveDatabase } from '../database/resolve.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { RetentionService } from '../modules/retention/retention.service.js';

/**
 * `npm run retention` lists what is past retention (a dry run, audited); `npm run retention -- --apply`
 * makes a dry run and applies it at once. Uses DATABASE_URL, or the embedded database of `npm start`.
 */
const apply = process.argv.includes('--apply');
const db = await resolveDatabase((l) => console.error(l));
let code = 0;
try {
  const ds = await openDataSource(db.url);
  const service = new RetentionService(ds, new AuditService(ds));
  const dry = await service.dryRun(null, 'npm run retention');
  for (const i of dry.items) console.log(`${i.recordType.padEnd(18)} ${i.action.toLowerCase().padEnd(9)} after ${String(i.keepDays).padStart(5)} days: ${i.count} due`);
  if (apply) {
    const done = await service.applyDryRun(null, dry.id, 'npm run retention');
    console.log(`Applied: ${done.items.map((i) => `${i.count} ${i.recordType.toLowerCase().replace(/_/g, ' ')}`).join(', ')}`);
  } else {
    console.log(`Dry run ${dry.id}: nothing changed. Run with --apply to act on it.`);
  }
  await ds.destroy();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  await db.close();
}
process.exit(code);
