import { RETURN_TEMPLATES, type AgencyKind } from '@mase/shared';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { migrate, openDataSource } from '../../server/src/database/data-source.js';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/database/embedded.js';
import { projectRoot } from '../../server/src/database/project-root.js';
import { AuditService } from '../../server/src/modules/audit/audit.service.js';
import { DEMO_DEPUTY } from '../../server/src/modules/demo/demo-borough.js';
import { seedDemo } from '../../server/src/modules/demo/demo-seed.js';
import { GqlClient } from '../support/gql-client.js';
import { createTestDatabase, DEMO_PASSWORD, emailOf } from '../support/test-app.js';
import { requireBuiltServer, startServerProcess, type ServerProcess } from './server-process.js';

/**
 * Faults a real deployment meets: PostgreSQL going away under load and coming back, and the
 * server process dying in the middle of a write. Real PostgreSQL and the real server throughout.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** No request may take longer than this, whatever state the database is in. */
const REQUEST_BOUND_MS = 10_000;
const UNAVAILABLE_MESSAGE = 'MASE Hub cannot reach its database just now. Nothing was saved. Try again in a moment.';
/** What a response must never show a caller: stack frames or internals of the database connection. */
const LEAKS = /\n\s+at |ECONNREFUSED|ECONNRESET|127\.0\.0\.1|QueryFailedError|terminating connection|administrator command|stack|pg_|postgres/i;

interface Outcome {
  status: number;
  ms: number;
  body: string;
  ok: boolean;
  code: string | null;
  retryable: unknown;
  message: string | null;
}

/** One GraphQL call over HTTP with the client's session, timed and bounded: a hang fails the test. */
async function call(client: GqlClient, query: string, variables?: Record<string, unknown>): Promise<Outcome> {
  const started = performance.now();
  const res = await fetch(`${client.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(client.cookie ? { cookie: client.cookie } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_BOUND_MS + 5_000),
  });
  const body = await res.text();
  const ms = performance.now() - started;
  const json = JSON.parse(body) as { data?: unknown; errors?: { message: string; extensions?: { code?: string; retryable?: unknown } }[] };
  const error = json.errors?.[0];
  return { status: res.status, ms, body, ok: !json.errors?.length, code: error?.extensions?.code ?? null, retryable: error?.extensions?.retryable, message: error?.message ?? null };
}

/** Every failure a caller sees while the database is away: clear, retryable, and nothing more. */
function expectUnavailable(o: Outcome): void {
  expect(o, o.body).toMatchObject({ ok: false, code: 'SERVICE_UNAVAILABLE', retryable: true, message: UNAVAILABLE_MESSAGE });
  // Apollo answers an execution error with 200 and the error in the body; the code says what to do.
  expect(o.status).toBe(200);
  expect(o.body).not.toMatch(LEAKS);
  expect(o.ms).toBeLessThan(REQUEST_BOUND_MS);
}

const ME = `{ me { id role } }`;
const AGENCIES = `{ agencies { id name kind } }`;
const VIEWS = `{ savedViews { id name } }`;
const SAVE_VIEW = `mutation($i: SaveViewInput!) { saveView(input: $i) { id name } }`;
const view = (name: string) => ({ i: { name, filter: { from: '2025-01', to: '2025-12' }, shared: false } });

/** Steady traffic from one client until stopped: every answer is kept. (It stays off saved_view, so only the held requests wait on that lock.) */
function traffic(client: GqlClient, queries: string[]): { stop(): Promise<Outcome[]> } {
  let running = true;
  const seen: Outcome[] = [];
  const loops = queries.map(async (q) => {
    while (running) {
      seen.push(await call(client, q));
      await sleep(20);
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return seen;
    },
  };
}

describe('PostgreSQL stopped and restarted while requests are in flight', () => {
  // A cluster of this file's own, so stopping it touches no other test. It keeps its data folder
  // when stopped (`persistent: true`): with `persistent: false` stop() deletes the folder, and the
  // point is to come back on the same data. afterAll removes the folder.
  const dir = join(projectRoot(), '.data', `faults-postgres-${process.pid}-${randomBytes(3).toString('hex')}`);
  let live: EmbeddedDatabase | null = null;
  let app: NestExpressApplication | null = null;
  let url = '';
  let port = 0;
  let baseUrl = '';
  let coordinator: GqlClient;

  const startPostgres = async () => {
    live = await startEmbeddedPostgres({ dir, port, persistent: true });
  };
  /** A planned stop or failover: PostgreSQL's fast shutdown ends every session, then exits. */
  const stopPostgres = async () => {
    const db = live!;
    live = null;
    await db.stop();
  };
  /** A crash: an immediate shutdown (SIGQUIT), no checkpoint; the restart replays the WAL. */
  const crashPostgres = async () => {
    const pid = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    // That cluster's process is gone: its handle is dropped, never stopped again.
    live = null;
    process.kill(pid, 'SIGQUIT');
    for (const deadline = Date.now() + 20_000; alive(pid); ) {
      if (Date.now() > deadline) throw new Error('PostgreSQL did not stop after SIGQUIT');
      await sleep(20);
    }
  };

  beforeAll(async () => {
    port = await freePort();
    await startPostgres();
    const admin = new pg.Client({ connectionString: live!.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE mase_faults');
    await admin.end();
    url = live!.urlFor('mase_faults');
    const ds = await openDataSource(url);
    try {
      await migrate(ds);
      await seedDemo(ds, { profile: 'demo', seed: 1, cases: false });
    } finally {
      await ds.destroy();
    }
    const config = loadConfig({ port: 0, host: '127.0.0.1', clientDist: null, production: false, databaseUrl: url });
    app = await createApp(config, url, { logger: process.env.TEST_SERVER_LOG ? ['error', 'warn'] : false });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}`;
    coordinator = new GqlClient(baseUrl);
    expect((await coordinator.signIn(emailOf('COORDINATOR'), DEMO_PASSWORD)).errors).toBeUndefined();
  }, 60_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await live?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  /**
   * Holds a read and a write inside PostgreSQL behind a lock another connection takes, so both
   * are certainly in flight when PostgreSQL goes away.
   */
  const holdInFlight = async (name: string) => {
    const locker = new pg.Client({ connectionString: url });
    locker.on('error', () => undefined); // the outage ends this connection too
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE saved_view IN ACCESS EXCLUSIVE MODE');
    const held = [call(coordinator, VIEWS), call(coordinator, SAVE_VIEW, view(name))];
    const monitor = new pg.Client({ connectionString: live!.adminUrl });
    await monitor.connect();
    try {
      for (const deadline = Date.now() + 10_000; ; ) {
        const { rows } = await monitor.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'mase_faults' AND wait_event_type = 'Lock' AND query ILIKE '%saved_view%'`,
        );
        if (rows[0].n >= 2) break;
        if (Date.now() > deadline) throw new Error('The requests never reached PostgreSQL');
        await sleep(20);
      }
    } finally {
      await monitor.end();
    }
    return held;
  };

  /** The outage itself: every request fails fast with the clear retryable error, sign-in and health included. */
  const expectOutage = async () => {
    for (const o of await Promise.all([call(coordinator, ME), call(coordinator, AGENCIES), call(coordinator, VIEWS), call(coordinator, SAVE_VIEW, view('Written while down'))])) {
      expectUnavailable(o);
    }
    expectUnavailable(await call(new GqlClient(baseUrl), `mutation($i: SignInInput!) { signIn(input: $i) { id } }`, { i: { email: emailOf('ANALYST'), password: DEMO_PASSWORD } }));
    const health = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(REQUEST_BOUND_MS) });
    expect(health.status).toBe(503);
    expect(await health.text()).not.toMatch(LEAKS);
  };

  /** PostgreSQL back on the same folder and port; the same app instance answers again within seconds. */
  const restartAndRecover = async () => {
    await startPostgres();
    const restarted = performance.now();
    for (;;) {
      const o = await call(coordinator, ME);
      if (o.ok) break;
      expectUnavailable(o);
      if (performance.now() - restarted > 15_000) throw new Error('The server did not recover within 15 s of PostgreSQL returning');
      await sleep(100);
    }
    return performance.now() - restarted;
  };

  /** Background traffic saw only successes and the clear retryable error, and both of them. */
  const expectCleanTraffic = (seen: Outcome[]) => {
    expect(seen.filter((o) => !o.ok && !(o.code === 'SERVICE_UNAVAILABLE' && o.retryable === true)).map((o) => o.body)).toEqual([]);
    for (const o of seen.filter((x) => !x.ok)) expectUnavailable(o);
    for (const o of seen) expect(o.ms).toBeLessThan(REQUEST_BOUND_MS);
    expect(seen.filter((o) => !o.ok).length).toBeGreaterThan(0);
    expect(seen.filter((o) => o.ok).length).toBeGreaterThan(0);
  };

  /** After recovery: reads and writes work, what was committed is there, the chain verifies. */
  const expectRecovered = async (kept: { id: string; name: string }[], absent: string[]) => {
    for (const q of [ME, AGENCIES, VIEWS]) expect((await call(coordinator, q)).ok).toBe(true);
    const after = await coordinator.ok<{ saveView: { id: string; name: string } }>(SAVE_VIEW, view(`After ${kept[0].name}`));
    const { savedViews } = await coordinator.ok<{ savedViews: { id: string; name: string }[] }>(VIEWS);
    for (const k of [...kept, after.saveView]) expect(savedViews).toContainEqual(k);
    for (const name of absent) expect(savedViews.map((v) => v.name)).not.toContain(name);
    // A fresh sign-in (a write with its audit event) works too.
    expect((await new GqlClient(baseUrl).signIn(emailOf('ANALYST'), DEMO_PASSWORD)).errors).toBeUndefined();
    const ds = await openDataSource(url);
    try {
      const audited: { name: string; n: number }[] = await ds.query(
        `SELECT details->>'name' AS name, count(*)::int AS n FROM audit_event WHERE action = 'saved_view.saved' GROUP BY 1`,
      );
      for (const k of [...kept, after.saveView]) expect(audited).toContainEqual({ name: k.name, n: 1 });
      for (const name of absent) expect(audited.map((a) => a.name)).not.toContain(name);
      expect(await new AuditService(ds).verify()).toMatchObject({ ok: true });
    } finally {
      await ds.destroy();
    }
  };

  it('a fast shutdown: requests in flight end cleanly, those during the outage get a retryable error, and the same server recovers losing nothing', async () => {
    const serving = app;
    const before = (await coordinator.ok<{ saveView: { id: string; name: string } }>(SAVE_VIEW, view('Saved before the stop'))).saveView;
    const background = traffic(coordinator, [ME, AGENCIES, ME, AGENCIES]);
    let seen: Outcome[];
    try {
      const held = await holdInFlight('Written as PostgreSQL stopped');
      await stopPostgres();
      // A fast shutdown lets a backend that was just granted its lock finish its statement, so a
      // request in flight either completes or gets the retryable error; never anything else.
      const [read, write] = await Promise.all(held);
      if (!read.ok) expectUnavailable(read);
      if (!write.ok) expectUnavailable(write);
      await expectOutage();
      expect(await restartAndRecover()).toBeLessThan(5_000);
      await sleep(300);
    } finally {
      seen = await background.stop();
    }
    expectCleanTraffic(seen);
    expect(app).toBe(serving);
    // The write cut off by the stop is all there (with its audit event) or all absent.
    const { savedViews } = await coordinator.ok<{ savedViews: { id: string; name: string }[] }>(VIEWS);
    const cut = savedViews.some((v) => v.name === 'Written as PostgreSQL stopped');
    await expectRecovered(cut ? [before, savedViews.find((v) => v.name === 'Written as PostgreSQL stopped')!] : [before], cut ? ['Written while down'] : ['Written as PostgreSQL stopped', 'Written while down']);
  }, 60_000);

  it('a crash: requests in flight get a retryable error, and after crash recovery the same server answers with everything committed', async () => {
    const serving = app;
    const before = (await coordinator.ok<{ saveView: { id: string; name: string } }>(SAVE_VIEW, view('Saved before the crash'))).saveView;
    const background = traffic(coordinator, [ME, AGENCIES, ME, AGENCIES]);
    let seen: Outcome[];
    try {
      const held = await holdInFlight('Written as PostgreSQL crashed');
      await crashPostgres();
      for (const o of await Promise.all(held)) expectUnavailable(o);
      await expectOutage();
      expect(await restartAndRecover()).toBeLessThan(5_000);
      await sleep(300);
    } finally {
      seen = await background.stop();
    }
    expectCleanTraffic(seen);
    expect(app).toBe(serving);
    await expectRecovered([before], ['Written as PostgreSQL crashed', 'Written while down']);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------

const RETURN_FIELDS = `id period status version versionCount`;
const SAVE_DRAFT = `mutation($i: SaveReturnDraftInput!) { saveReturnDraft(input: $i) { ${RETURN_FIELDS} } }`;
const SUBMIT = `mutation($i: SubmitReturnInput!) { submitReturn(input: $i) { ${RETURN_FIELDS} } }`;

type Ret = { id: string; period: string; status: string; version: number; versionCount: number };

/** A month `back` months before this one (yyyy-mm). The demo returns cover the last 24 months only. */
const month = (back: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
};

/**
 * Sends one GraphQL request over a raw socket and resolves when it has been written out, so a
 * kill can follow the moment the request has left; `settled` ends with the answer or the dropped connection.
 */
function send(baseUrl: string, cookie: string, query: string, variables: Record<string, unknown>): { sent: Promise<void>; settled: Promise<string> } {
  const body = JSON.stringify({ query, variables });
  let onSent!: () => void;
  const sent = new Promise<void>((r) => (onSent = r));
  const settled = new Promise<string>((resolve) => {
    const req = request(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve(text));
      res.on('error', () => resolve('(connection dropped)'));
    });
    req.on('finish', onSent);
    req.on('error', () => {
      onSent();
      resolve('(connection dropped)');
    });
    req.end(body);
  });
  return { sent, settled };
}

// Every kill below costs a restart of the built server, seconds each on a loaded machine: the
// tests' time limits allow for that, not for slow writes.
describe('the server killed during a write', () => {
  let db: { url: string; drop(): Promise<void> } | null = null;
  let ds: DataSource | null = null;
  let server: ServerProcess | null = null;
  let port = 0;
  let lead: GqlClient;
  let coordinator: GqlClient;
  let health: { id: string; kind: AgencyKind };
  let measures: { key: string; value: number }[];

  const restart = async () => {
    server = await startServerProcess(db!.url, port);
  };

  /** Everything a submission writes, for one return. */
  const stateOf = async (id: string) => {
    const [row]: { status: string; versionCount: number; versions: number; figures: number; audited: number }[] = await ds!.query(
      `SELECT r.status, r.version_count AS "versionCount",
              (SELECT count(*)::int FROM agency_return_version v WHERE v.return_id = r.id) AS versions,
              (SELECT count(*)::int FROM agency_return_figure f WHERE f.return_id = r.id) AS figures,
              (SELECT count(*)::int FROM audit_event e WHERE e.entity_type = 'agency_return' AND e.entity_id = r.id::text AND e.action = 'return.submitted') AS audited
       FROM agency_return r WHERE r.id = $1`,
      [id],
    );
    return row;
  };
  const SUBMITTED = () => ({ status: 'SUBMITTED', versionCount: 1, versions: 1, figures: measures.length, audited: 1 });
  const STILL_DRAFT = { status: 'DRAFT', versionCount: 0, versions: 0, figures: 0, audited: 0 };

  beforeAll(async () => {
    // The built server runs as a process of its own, as `npm start` runs it, so it can be killed.
    requireBuiltServer();
    db = await createTestDatabase();
    ds = await openDataSource(db.url);
    await seedDemo(ds, { profile: 'demo', seed: 1 });
    [health] = await ds.query(`SELECT a.id, a.kind FROM agency a JOIN app_user u ON u.agency_id = a.id WHERE u.role = 'AGENCY_LEAD'`);
    measures = RETURN_TEMPLATES[health.kind].map((key, i) => ({ key, value: i + 1 }));
    port = await freePort();
    await restart();
    // Sessions live in PostgreSQL: one sign-in survives every restart below.
    lead = new GqlClient(server!.baseUrl);
    const signedIn = await lead.signIn(emailOf('AGENCY_LEAD'), DEMO_PASSWORD);
    expect(signedIn.errors).toBeUndefined();
    coordinator = new GqlClient(server!.baseUrl);
    expect((await coordinator.signIn(emailOf('COORDINATOR'), DEMO_PASSWORD)).errors).toBeUndefined();
  }, 120_000);

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await ds?.destroy();
    await db?.drop();
  }, 30_000);

  const draftFor = async (period: string) =>
    (await lead.ok<{ saveReturnDraft: Ret }>(SAVE_DRAFT, { i: { agencyId: health.id, period, content: { measures, outcomes: 'Prevention sessions in two schools' } } })).saveReturnDraft;

  /** Kills the server `delayMs` after a request has left, then starts it again. */
  const killDuring = async (query: string, variables: Record<string, unknown>, delayMs: number, as: GqlClient = lead) => {
    const { sent, settled } = send(server!.baseUrl, as.cookie!, query, variables);
    await sent;
    if (delayMs > 0) await sleep(delayMs);
    await server!.kill('SIGKILL');
    await settled;
    await restart();
  };

  /**
   * Kills the server while its transaction is certainly open, with every other write of the change
   * already made: the audit event (the last write) waits behind a lock this test holds on the chain
   * head. The lock is let go only after the kill, and the check waits for that session to end.
   */
  const killAtLastWrite = async (
    query: string,
    variables: Record<string, unknown>,
    hold: { lock: string; params?: unknown[]; waiting: string } = { lock: 'SELECT 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE', waiting: '%INSERT INTO audit_event%' },
    as: GqlClient = lead,
  ) => {
    const locker = new pg.Client({ connectionString: db!.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(hold.lock, hold.params);
      const { sent, settled } = send(server!.baseUrl, as.cookie!, query, variables);
      await sent;
      let pid = 0;
      for (const deadline = Date.now() + 10_000; !pid; await sleep(20)) {
        // Statistics views are a snapshot per transaction: take a fresh one each time.
        await locker.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await locker.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`,
          [hold.waiting],
        );
        pid = rows[0]?.pid ?? 0;
        if (!pid && Date.now() > deadline) throw new Error('The change never reached its audit event');
      }
      await server!.kill('SIGKILL');
      await settled;
      await locker.query('ROLLBACK');
      for (const deadline = Date.now() + 10_000; ; await sleep(20)) {
        const { rowCount } = await locker.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
        if (!rowCount) break;
        if (Date.now() > deadline) throw new Error('The killed server’s session did not end');
      }
    } finally {
      await locker.end();
    }
    await restart();
  };

  it('a return submission killed at any point is wholly submitted or wholly still a draft, and the audit chain verifies', async () => {
    // How long an uninterrupted submission takes, to spread the kills across it.
    const calibration = await draftFor(month(25));
    const started = performance.now();
    await lead.ok(SUBMIT, { i: { id: calibration.id, version: calibration.version } });
    const took = performance.now() - started;
    expect(await stateOf(calibration.id)).toEqual(SUBMITTED());

    // Immediately after sending, then at points through (and just past) the submission's own time.
    const delays = [0, 0, took * 0.25, took * 0.5, took * 0.75, took, ...[1, 2].map(() => Math.random() * took * 1.5)];
    const outcomes: string[] = [];
    for (const [i, delay] of delays.entries()) {
      const draft = await draftFor(month(26 + i));
      await killDuring(SUBMIT, { i: { id: draft.id, version: draft.version } }, delay);
      const state = await stateOf(draft.id);
      // Never half: the status, its version row, its figures and its audit event go together.
      expect([SUBMITTED(), STILL_DRAFT], `killed ${delay.toFixed(1)} ms after sending`).toContainEqual(state);
      outcomes.push(state.status);
      if (state.status === 'DRAFT') {
        // Nothing was left locked or half-done: the same submission now goes through.
        const again = await lead.ok<{ submitReturn: Ret }>(SUBMIT, { i: { id: draft.id, version: draft.version } });
        expect(again.submitReturn.status).toBe('SUBMITTED');
        expect(await stateOf(draft.id)).toEqual(SUBMITTED());
      } else {
        // Submitted before the kill: submitting again is refused, not applied twice.
        const again = await lead.gql(SUBMIT, { i: { id: draft.id, version: draft.version } });
        expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
      }
    }
    expect(outcomes).toHaveLength(delays.length);

    // Killed with the status, version row and figures written but not committed: none of it stays.
    const cut = await draftFor(month(26 + delays.length));
    await killAtLastWrite(SUBMIT, { i: { id: cut.id, version: cut.version } });
    expect(await stateOf(cut.id)).toEqual(STILL_DRAFT);
    await lead.ok(SUBMIT, { i: { id: cut.id, version: cut.version } });
    expect(await stateOf(cut.id)).toEqual(SUBMITTED());
    expect(await new AuditService(ds!).verify()).toMatchObject({ ok: true });
  }, 240_000);

  it('a first draft save killed at any point is wholly saved or wholly absent, and the audit chain verifies', async () => {
    for (const [i, delay] of [0, 2, 5, 10, 20].entries()) {
      const period = month(40 + i);
      await killDuring(SAVE_DRAFT, { i: { agencyId: health.id, period, content: { measures, outcomes: 'Killed while saving' } } }, delay);
      const rows: { id: string; status: string; version: number }[] = await ds!.query(`SELECT id, status, version FROM agency_return WHERE agency_id = $1 AND period = $2`, [health.id, `${period}-01`]);
      const [{ n: audited }]: { n: number }[] = await ds!.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'return.draft_saved' AND details->>'agencyId' = $1 AND details->>'period' = $2`,
        [health.id, period],
      );
      if (rows.length === 0) {
        expect(audited, `killed ${delay} ms after sending`).toBe(0);
        // Absent means absent: the month starts again cleanly.
        expect((await draftFor(period)).status).toBe('DRAFT');
      } else {
        expect(rows).toEqual([{ id: rows[0].id, status: 'DRAFT', version: 1 }]);
        expect(audited, `killed ${delay} ms after sending`).toBe(1);
      }
    }
    // Killed with the return row written but not committed: nothing of it stays.
    const period = month(50);
    await killAtLastWrite(SAVE_DRAFT, { i: { agencyId: health.id, period, content: { measures, outcomes: 'Killed at its last write' } } });
    expect(await ds!.query(`SELECT id FROM agency_return WHERE agency_id = $1 AND period = $2`, [health.id, `${period}-01`])).toEqual([]);
    expect(await ds!.query(`SELECT seq FROM audit_event WHERE action = 'return.draft_saved' AND details->>'period' = $1`, [period])).toEqual([]);
    expect((await draftFor(period)).status).toBe('DRAFT');
    expect(await new AuditService(ds!).verify()).toMatchObject({ ok: true });
  }, 240_000);
  // ---- an assessment's final sign-off: the assessment made final, its audit event, the young
  // person put on the list and that audit event, all in one transaction.

  const SIGN_OFF = `mutation($i: SignOffInput!) { signOffAssessment(input: $i) { id status version } }`;
  let assessments = 0;

  /** A young person with a screening scored 2, signed off by the line manager, awaiting the co-ordinator. */
  const awaitingCoordinator = async (): Promise<{ id: string; youngPersonId: string; version: number }> => {
    const n = ++assessments;
    const [{ id: youngPersonId }]: { id: string }[] = await ds!.query(
      `INSERT INTO young_person (pseudonym, reference, first_name, last_name, first_name_key, last_name_key, date_of_birth, gender, ethnicity, legal_status, education_status, presentation, version)
       VALUES ($1, $2, 'Signoff', $3, 'signoff', lower($3), '2010-06-01', 'FEMALE', 'WHITE_BRITISH', 'CHILD_IN_NEED', 'IN_EDUCATION', 'CSE', 1) RETURNING id`,
      [`YP-KILL${String(n).padStart(4, '0')}`, `MOS-KILL-${n}`, `Case${n}`],
    );
    const [row]: { id: string; version: number }[] = await ds!.query(
      `INSERT INTO risk_assessment (young_person_id, assessed_on, assessor_id, answers, computed_score, final_score, rag, next_review_on, line_manager_id, line_manager_signed_at, version)
       SELECT $1, current_date, (SELECT id FROM app_user WHERE email = $2), '[]'::jsonb, 2, 2, 'RED', current_date + 90, (SELECT id FROM app_user WHERE email = $3), now(), 1
       RETURNING id, version`,
      [youngPersonId, DEMO_DEPUTY.email, emailOf('CO_CHAIR')],
    );
    return { ...row, youngPersonId };
  };

  /** Everything the final sign-off writes, for one assessment. */
  const signOffState = async (id: string) => {
    const [row]: { status: string; coordinatorSigned: boolean; memberships: number; signedAudit: number; joinedAudit: number }[] = await ds!.query(
      `SELECT a.status, a.coordinator_id IS NOT NULL AS "coordinatorSigned",
              (SELECT count(*)::int FROM list_membership lm WHERE lm.young_person_id = a.young_person_id) AS memberships,
              (SELECT count(*)::int FROM audit_event e WHERE e.action = 'assessment.signed_off' AND e.entity_id = a.id::text) AS "signedAudit",
              (SELECT count(*)::int FROM audit_event e WHERE e.action = 'list.joined' AND e.details->>'assessmentId' = a.id::text) AS "joinedAudit"
       FROM risk_assessment a WHERE a.id = $1`,
      [id],
    );
    return row;
  };
  const SIGNED = { status: 'FINAL', coordinatorSigned: true, memberships: 1, signedAudit: 1, joinedAudit: 1 };
  const AWAITING = { status: 'AWAITING_SIGN_OFF', coordinatorSigned: false, memberships: 0, signedAudit: 0, joinedAudit: 0 };

  it('an assessment sign-off killed at any point is wholly signed off (final, on the list, audited) or wholly still awaiting, and the audit chain verifies', async () => {
    const calibration = await awaitingCoordinator();
    const started = performance.now();
    expect((await coordinator.ok<{ signOffAssessment: { status: string } }>(SIGN_OFF, { i: { assessmentId: calibration.id, as: 'COORDINATOR', version: calibration.version } })).signOffAssessment.status).toBe('FINAL');
    const took = performance.now() - started;
    expect(await signOffState(calibration.id)).toEqual(SIGNED);

    // Each kill costs a server restart (seconds on a loaded machine), so fewer points than for returns.
    const delays = [0, took * 0.33, took * 0.66, took, Math.random() * took * 1.5];
    const outcomes: string[] = [];
    for (const delay of delays) {
      const a = await awaitingCoordinator();
      const input = { i: { assessmentId: a.id, as: 'COORDINATOR', version: a.version } };
      await killDuring(SIGN_OFF, input, delay, coordinator);
      const state = await signOffState(a.id);
      // Never half: final without the list, or on the list without its audit events, cannot happen.
      expect([SIGNED, AWAITING], `killed ${delay.toFixed(1)} ms after sending`).toContainEqual(state);
      outcomes.push(state.status);
      if (state.status === 'AWAITING_SIGN_OFF') {
        // Nothing was left locked or half-done: the same sign-off now goes through.
        expect((await coordinator.ok<{ signOffAssessment: { status: string } }>(SIGN_OFF, input)).signOffAssessment.status).toBe('FINAL');
        expect(await signOffState(a.id)).toEqual(SIGNED);
      } else {
        // Signed off before the kill: signing again is refused, not applied twice.
        expect((await coordinator.gql(SIGN_OFF, input)).errors?.[0].extensions?.code).toBe('CONFLICT');
        expect(await signOffState(a.id)).toEqual(SIGNED);
      }
    }
    expect(outcomes).toHaveLength(delays.length);

    // Killed with the assessment made final and its audit event written, waiting to put the young
    // person on the list (its row lock held here): none of it stays.
    const cut = await awaitingCoordinator();
    const input = { i: { assessmentId: cut.id, as: 'COORDINATOR', version: cut.version } };
    await killAtLastWrite(SIGN_OFF, input, { lock: 'SELECT 1 FROM young_person WHERE id = $1 FOR UPDATE', params: [cut.youngPersonId], waiting: '%INSERT INTO "list_membership"%' }, coordinator);
    expect(await signOffState(cut.id)).toEqual(AWAITING);
    await coordinator.ok(SIGN_OFF, input);
    expect(await signOffState(cut.id)).toEqual(SIGNED);
    expect(await new AuditService(ds!).verify()).toMatchObject({ ok: true });
  }, 240_000);
});
