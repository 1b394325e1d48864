import 'reflect-metadata';
import { openDataSource } from '../database/data-source.js';
import { resolveDatabase } from '../database/resolve.js';
import { AuditService } from '../modules/audit/audit.service.js';

/** `npm run audit:verify`: recomputes the whole audit hash chain; exits 1 if it does not verify. */
const db = await resolveDatabase((l) => console.error(l));
let ok: boolean;
try {
  const ds = await openDataSource(db.url);
  const result = await new AuditService(ds).verify();
  await ds.destroy();
  ok = result.ok;
  if (result.ok) {
    console.log(`Audit chain verifies: ${result.events} events, head at #${result.headSeq}.`);
  } else {
    console.log(`Audit chain DOES NOT verify: ${result.problem} at event #${result.brokenAtSeq} (${result.events} events).`);
  }
} finally {
  await db.close();
}
process.exit(ok ? 0 : 1);
