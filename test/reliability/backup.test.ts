import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../server/src/database/backup.js';
import { openDataSource } from '../../server/src/database/data-source.js';
import { AuditService } from '../../server/src/modules/audit/audit.service.js';
import { seedDemo } from '../../server/src/modules/demo/demo-seed.js';
import { databaseUrl } from '../support/global-setup.js';
import { createTestDatabase } from '../support/test-app.js';

let source: { url: string; drop(): Promise<void> };
const target = `mase_restore_${process.pid}_${Date.now()}`;
const adminUrl = inject('pgAdminUrl');
const dir = mkdtempSync(join(tmpdir(), 'mase-backup-'));

async function counts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: tables } = await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const out: Record<string, number> = {};
    for (const { t } of tables) out[t] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n;
    return out;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  source = await createTestDatabase();
  const ds = await openDataSource(source.url);
  await seedDemo(ds, { profile: 'demo', seed: 1 });
  await ds.destroy();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${target}`);
  await admin.end();
}, 120_000);

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
  await admin.end();
  await source?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips the demo data: every table’s rows come back and the audit chain verifies', async () => {
    const file = join(dir, 'demo.dump');
    const { bytes } = await backupDatabase(source.url, file);
    expect(bytes).toBeGreaterThan(10_000);
    const restoredUrl = databaseUrl(adminUrl, target);
    await restoreDatabase(restoredUrl, file);
    const [before, after] = await Promise.all([counts(source.url), counts(restoredUrl)]);
    expect(after).toEqual(before);
    expect(before.young_person).toBeGreaterThan(100);
    expect(before.audit_event).toBeGreaterThan(0);
    const ds = await openDataSource(restoredUrl);
    try {
      const chain = await new AuditService(ds).verify();
      expect(chain).toMatchObject({ ok: true, events: before.audit_event });
      // The restored database keeps its guards: the audit log still refuses changes.
      await expect(ds.query(`DELETE FROM audit_event`)).rejects.toThrow();
    } finally {
      await ds.destroy();
    }
  }, 120_000);

  it('refuses to restore over a database that already holds data, changing nothing', async () => {
    const file = join(dir, 'again.dump');
    await backupDatabase(source.url, file);
    const before = await counts(source.url);
    await expect(restoreDatabase(source.url, file)).rejects.toThrow(/not empty/);
    expect(await counts(source.url)).toEqual(before);
    await expect(restoreDatabase(source.url, join(dir, 'missing.dump'))).rejects.toThrow(/No backup file/);
  }, 120_000);
});
