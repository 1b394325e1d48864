import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../server/src/database/backup.js';
import { openDataSource } from '../../server/src/database/data-source.js';
import { projectRoot } from '../../server/src/database/project-root.js';
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

/**
 * The commands themselves, as `npm run backup` and `npm run restore` run them (the built scripts, a
 * process each, DATABASE_URL pointing at a throwaway database of this file's own).
 */
describe('npm run backup / npm run restore', () => {
  const scripts = join(projectRoot(), 'server', 'dist', 'server', 'src', 'scripts');
  let live: { url: string; drop(): Promise<void> };

  function command(script: 'backup' | 'restore' | 'audit-verify', url: string, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const main = join(scripts, `${script}.js`);
    if (!existsSync(main)) throw new Error('Build the server first: npm run build -w shared && npm run build -w server');
    return new Promise((done, fail) => {
      execFile(process.execPath, [main, ...args], { env: { ...process.env, DATABASE_URL: url }, timeout: 90_000 }, (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') fail(new Error(`${script} did not run: ${err.message}`));
        else done({ code: err ? (err.code as number) : 0, stdout, stderr });
      });
    });
  }

  /** Row counts of every table, and checksums of the rows of a few of them. */
  async function fingerprint(url: string): Promise<{ counts: Record<string, number>; sums: Record<string, string> }> {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const sums: Record<string, string> = {};
      for (const [table, order] of [['young_person', 'id'], ['person_of_concern', 'id'], ['agency_return', 'id'], ['missing_episode', 'id'], ['audit_event', 'seq']] as const) {
        sums[table] = (await c.query<{ s: string }>(`SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t.${order}), '')) AS s FROM ${table} t`)).rows[0].s;
      }
      return { counts: await counts(url), sums };
    } finally {
      await c.end();
    }
  }

  beforeAll(async () => {
    live = await createTestDatabase();
    const ds = await openDataSource(live.url);
    await seedDemo(ds, { profile: 'demo', seed: 1 });
    await ds.destroy();
  }, 120_000);
  afterAll(async () => {
    await live?.drop();
  });

  it('backs up the demo data to a file; after changes and a dropped table, restore --replace brings back exactly the demo data and the audit chain verifies', async () => {
    const file = join(dir, 'command.dump');
    const demo = await fingerprint(live.url);
    expect(demo.counts.young_person).toBeGreaterThan(100);
    expect(demo.counts.audit_event).toBeGreaterThan(0);

    const backup = await command('backup', live.url, [file]);
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.stdout).toMatch(/^Backed up to .*command\.dump \(\d+ KB; audit chain of \d+ events verifies\)/m);
    expect(statSync(file).size).toBeGreaterThan(10_000);

    // After the backup: records changed, added and deleted, the audit log grown, a whole table dropped.
    const ds = await openDataSource(live.url);
    await ds.query(`UPDATE young_person SET first_name = 'Changed', version = version + 1 WHERE id IN (SELECT id FROM young_person ORDER BY id LIMIT 10)`);
    await ds.query(`DELETE FROM missing_episode WHERE id IN (SELECT id FROM missing_episode ORDER BY id LIMIT 5)`);
    await ds.query(`INSERT INTO person_of_concern (first_name, approximate_age, gender, category, status, version) VALUES ('After', 30, 'MALE', 'PERSON_OF_CONCERN', 'ACTIVE', 1)`);
    await new AuditService(ds).recordAlone({ action: 'test.after_backup', actorLabel: 'backup test' });
    await ds.query(`DROP TABLE saved_view CASCADE`);
    await ds.destroy();
    const changed = await fingerprint(live.url);
    expect(changed.sums.young_person).not.toBe(demo.sums.young_person);
    expect(changed.counts.saved_view).toBeUndefined();

    const restore = await command('restore', live.url, [file, '--replace']);
    expect(restore.stderr).not.toMatch(/error|fail/i);
    expect(restore).toMatchObject({ code: 0 });
    expect(restore.stdout).toContain(`Audit chain: verifies (${demo.counts.audit_event} events)`);
    expect(await fingerprint(live.url)).toEqual(demo);

    // And the chain verifies on its own after, as npm run audit:verify sees it.
    const verify = await command('audit-verify', live.url);
    expect(verify).toMatchObject({ code: 0 });
    expect(verify.stdout).toContain(`Audit chain verifies: ${demo.counts.audit_event} events`);
  }, 180_000);

  it('a restore of a missing, empty or corrupt file exits non-zero naming the problem, and leaves the database as it was', async () => {
    const before = await fingerprint(live.url);
    const good = join(dir, 'good.dump');
    expect((await command('backup', live.url, [good])).code).toBe(0);
    const corrupt = join(dir, 'corrupt.dump');
    writeFileSync(corrupt, 'this is not a pg_dump archive\n'.repeat(100));
    // A real backup cut short: its table of contents reads, its data does not.
    const truncated = join(dir, 'truncated.dump');
    const bytes = readFileSync(good);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const empty = join(dir, 'empty.dump');
    writeFileSync(empty, '');

    for (const [path, message] of [
      [join(dir, 'missing.dump'), /No backup file at .*missing\.dump/],
      [empty, /The backup file .*empty\.dump is empty/],
      [corrupt, /corrupt\.dump is not a backup pg_restore can read \(.*(not appear to be a valid archive|input file).*\)/],
      [truncated, /Restoring .*truncated\.dump failed and nothing was restored/],
    ] as const) {
      for (const args of [[path, '--replace'], [path]]) {
        const r = await command('restore', live.url, args);
        expect({ args, code: r.code }).toEqual({ args, code: 1 });
        // Without --replace a readable file is refused for the database holding data.
        expect(r.stderr).toMatch(path === truncated && args.length === 1 ? /The database to restore into is not empty/ : message);
        expect(r.stdout).not.toMatch(/Restored/);
        expect(await fingerprint(live.url)).toEqual(before);
      }
    }
    // A good file, but the database is in use (a server still running): refused, nothing changed.
    const user = new pg.Client({ connectionString: live.url });
    await user.connect();
    try {
      const r = await command('restore', live.url, [good, '--replace']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/has 1 open connection\(s\): stop the server .* Nothing was changed/);
    } finally {
      await user.end();
    }
    expect(await fingerprint(live.url)).toEqual(before);
    // Nothing restoring is left behind beside it.
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE '%\\_restoring\\_%'`);
    await admin.end();
    expect(rows[0].n).toBe(0);
  }, 180_000);
});
