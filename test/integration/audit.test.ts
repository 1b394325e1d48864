import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../server/src/modules/audit/audit.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);
let t: TestApp;
let audit: AuditService;
beforeAll(async () => {
  t = await startTestApp();
  audit = new AuditService(t.ds);
});
afterAll(async () => {
  await t.close();
});

/** Alters an audit row behind the triggers' back, as a superuser with direct database access could. */
async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  await t.ds.transaction(async (m) => {
    await m.query(`SET LOCAL session_replication_role = replica`);
    await m.query(sql, params);
  });
}

describe('the audit log', () => {
  it('records sign-ins, changes and failures as a chain that verifies', async () => {
    const admin = await t.as('ADMIN');
    await admin.ok(`mutation { createAgency(input: { name: "Northgate Youth Club", kind: VOLUNTARY }) { id } }`);
    await t.anonymous().signIn('admin@kingsmere.example', 'definitely-wrong-pw');
    const r = await admin.ok<{ auditChainStatus: { ok: boolean; events: number; problem: string | null } }>(
      `{ auditChainStatus { ok events problem } }`,
    );
    expect(r.auditChainStatus).toMatchObject({ ok: true, problem: null });
    const actions: { action: string }[] = await t.ds.query(`SELECT action FROM audit_event ORDER BY seq`);
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['demo.seeded', 'auth.sign_in', 'agency.created', 'auth.sign_in_failed']),
    );
    const seqs: { seq: string }[] = await t.ds.query(`SELECT seq FROM audit_event ORDER BY seq`);
    expect(seqs.map((s) => Number(s.seq))).toEqual(seqs.map((_, i) => i + 1));
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    await expect(t.ds.query(`UPDATE audit_event SET action = 'nothing' WHERE seq = 1`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(t.ds.query(`DELETE FROM audit_event WHERE seq = 1`)).rejects.toThrow(/append-only: DELETE/);
    await expect(t.ds.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect((await audit.verify()).ok).toBe(true);
  });

  it('never forks under concurrent writers', async () => {
    const before = (await audit.verify()).events;
    await Promise.all(Array.from({ length: 40 }, (_, i) => audit.recordAlone({ action: 'test.concurrent', actorLabel: `writer-${i}` })));
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: true, events: before + 40 });
    const [{ n }]: { n: string }[] = await t.ds.query(`SELECT count(DISTINCT prev_hash) AS n FROM audit_event`);
    expect(Number(n)).toBe(before + 40);
  });

  it('rolls back with the change it records', async () => {
    const before = (await audit.verify()).events;
    await expect(
      t.ds.transaction(async (m) => {
        await audit.record(m, { action: 'test.rolled_back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await audit.verify()).toMatchObject({ ok: true, events: before });
  });

  it('stops verifying when a row is altered, removed or the tail is cut, naming where', async () => {
    const admin = await t.as('ADMIN');
    const [row]: { seq: string }[] = await t.ds.query(`SELECT seq FROM audit_event WHERE action = 'agency.created' LIMIT 1`);

    await tamper(`UPDATE audit_event SET details = '{"name":"Something else"}' WHERE seq = $1`, [row.seq]);
    const altered = await admin.ok<{ auditChainStatus: { ok: boolean; brokenAtSeq: string; problem: string } }>(
      `{ auditChainStatus { ok brokenAtSeq problem } }`,
    );
    expect(altered.auditChainStatus).toEqual({ ok: false, brokenAtSeq: row.seq, problem: 'content does not match its hash' });
  });

  it('detects a deleted row and a deleted tail', async () => {
    const fresh = await startTestApp();
    try {
      const a = new AuditService(fresh.ds);
      for (let i = 0; i < 5; i++) await a.recordAlone({ action: 'test.event', details: { i } });
      expect((await a.verify()).ok).toBe(true);
      await fresh.ds.transaction(async (m) => {
        await m.query(`SET LOCAL session_replication_role = replica`);
        await m.query(`DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)`);
      });
      expect(await a.verify()).toMatchObject({ ok: false, problem: expect.stringMatching(/newest events are missing/) });
      await fresh.ds.transaction(async (m) => {
        await m.query(`SET LOCAL session_replication_role = replica`);
        await m.query(`DELETE FROM audit_event WHERE seq = 3`);
      });
      expect(await a.verify()).toMatchObject({ ok: false, brokenAtSeq: '4', problem: 'previous-hash link broken' });
    } finally {
      await fresh.close();
    }
  });

  it('lists and filters events for the admin, newest first, with cursor pages', async () => {
    const admin = await t.as('ADMIN');
    const Q = `query($f: AuditFilterInput, $p: PageInput) { auditEvents(filter: $f, page: $p) { nodes { seq action actorLabel } pageInfo { endCursor hasNextPage } } }`;
    type R = { auditEvents: { nodes: { seq: string; action: string; actorLabel: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
    const first = await admin.ok<R>(Q, { f: { action: 'auth.sign_in' }, p: { first: 2 } });
    expect(first.auditEvents.nodes).toHaveLength(2);
    expect(first.auditEvents.nodes.every((n) => n.action === 'auth.sign_in')).toBe(true);
    expect(Number(first.auditEvents.nodes[0].seq)).toBeGreaterThan(Number(first.auditEvents.nodes[1].seq));
    expect(first.auditEvents.pageInfo.hasNextPage).toBe(true);
    const next = await admin.ok<R>(Q, { f: { action: 'auth.sign_in' }, p: { first: 2, after: first.auditEvents.pageInfo.endCursor } });
    expect(Number(next.auditEvents.nodes[0].seq)).toBeLessThan(Number(first.auditEvents.nodes[1].seq));
    const byActor = await admin.ok<R>(Q, { f: { actorLabel: 'WRITER-1' } });
    expect(byActor.auditEvents.nodes.map((n) => n.actorLabel).sort()).toEqual(
      ['writer-1', ...Array.from({ length: 10 }, (_, i) => `writer-1${i}`)].sort(),
    );
    const bad = await admin.gql(Q, { p: { first: 2, after: 'not-a-cursor' } });
    expect(bad.errors?.[0].extensions?.fields).toEqual([{ field: 'after', message: expect.stringMatching(/cursor is not valid/) }]);
    const tooMany = await admin.gql(Q, { p: { first: 100000 } });
    expect(tooMany.errors?.[0].extensions?.fields?.[0].field).toBe('page.first');
  });

  it('is checked by `npm run audit:verify`, which fails once the chain is broken', async () => {
    const cli = new URL('../../server/dist/server/src/scripts/audit-verify.js', import.meta.url).pathname;
    expect(existsSync(cli), 'build the server first (npm test does)').toBe(true);
    const fresh = await startTestApp();
    try {
      const env = { ...process.env, DATABASE_URL: fresh.databaseUrl };
      const good = await run(process.execPath, [cli], { env });
      expect(good.stdout).toMatch(/Audit chain verifies: 1 events/);
      await fresh.ds.transaction(async (m) => {
        await m.query(`SET LOCAL session_replication_role = replica`);
        await m.query(`UPDATE audit_event SET actor_label = 'someone else' WHERE seq = 1`);
      });
      const bad = await run(process.execPath, [cli], { env }).then(
        () => null,
        (e: { code: number; stdout: string }) => e,
      );
      expect(bad?.code).toBe(1);
      expect(bad?.stdout).toMatch(/DOES NOT verify: content does not match its hash at event #1/);
    } finally {
      await fresh.close();
    }
  });
});
