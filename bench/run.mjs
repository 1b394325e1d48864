// `npm run bench [-- --profile stress|demo] [--seed N] [--runs N] [--warmup N] [--only a,b,browser] [--no-peer] [--no-browser] [--reseed]`
//
// Starts the built server (exactly what `npm start` runs) against a benchmark database of the
// chosen profile (see lib/database.mjs), signs in as the role each page belongs to, and runs the
// named scenarios over HTTP with the client's own GraphQL documents. For each: p50/p95/p99 over
// the measured runs after warm-up, the SQL statements each request sent (the server counts them
// when BENCH_COUNT_QUERIES=1), the same statements replayed straight through `pg` (the floor), and
// for the list and young person pages the same data from PostGraphile 5 over the same database
// (the peer). Then the client in headless Chromium (lib/browser.mjs): the dashboard's first render,
// the network view and the hot-spot map with the same data, and frame times while panning them.
// Writes bench/results.json and bench/results.md and prints the table.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { CAPTURE } from './lib/constants.mjs';
import { prepareDatabase } from './lib/database.mjs';
import { browserScenarios } from './lib/browser.mjs';
import { clientDocuments } from './lib/documents.mjs';
import { GqlClient } from './lib/http.mjs';
import { startPeer, startServer } from './lib/processes.mjs';
import { explainReads, floorClient, readCapture, replay } from './lib/replay.mjs';
import { markdown, verdicts } from './lib/report.mjs';
import { scenarios } from './lib/scenarios.mjs';
import { summarise } from './lib/stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'stress' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '5' },
    only: { type: 'string' },
    'no-peer': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    reseed: { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'bench') },
  },
  allowPositionals: false,
});
const profile = values.profile;
if (!['demo', 'stress'].includes(profile)) {
  console.error('--profile must be demo or stress');
  process.exit(2);
}
const seed = Number(values.seed);
const RUNS = Number(values.runs);
const WARMUP = Number(values.warmup);
if (![seed, RUNS, WARMUP].every((x) => Number.isInteger(x) && x >= 0) || RUNS < 1) {
  console.error('--seed, --runs and --warmup must be whole numbers (at least one run)');
  process.exit(2);
}
const say = (line = '') => process.stdout.write(`${line}\n`);

const freePort = async () => {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
};

const started = Date.now();
const db = await prepareDatabase(root, { profile, seed, reseed: values.reseed, log: say });
const captureDir = mkdtempSync(join(os.tmpdir(), 'mase-bench-'));
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
let server = null;
let peer = null;
let floor = null;
try {
  const peerWanted = !values['no-peer'];
  if (peerWanted) {
    const { readFileSync } = await import('node:fs');
    await pool.query(readFileSync(join(root, 'bench', 'lib', 'peer-schema.sql'), 'utf8'));
  }
  await pool.query('ANALYZE');
  server = await startServer(root, { databaseUrl: db.url, port: await freePort(), captureDir });
  say(`Server up at ${server.baseUrl}`);
  let peerError = null;
  if (peerWanted) {
    try {
      peer = await startPeer(root, { databaseUrl: db.url, port: await freePort() });
      say(`PostGraphile up at ${peer.baseUrl}`);
    } catch (err) {
      peerError = err instanceof Error ? err.message.slice(0, 2000) : String(err);
      say(`PostGraphile did not start: ${peerError}`);
    }
  }
  floor = await floorClient(db.url);

  const doc = clientDocuments(root);
  const { DEMO_PASSWORD, DEMO_USERS } = await import(new URL('../server/dist/server/src/modules/demo/demo-borough.js', import.meta.url).href);
  const as = {};
  for (const role of ['ANALYST', 'COORDINATOR', 'POLICE', 'CO_CHAIR', 'AGENCY_LEAD']) {
    const client = new GqlClient(server.baseUrl);
    const email = DEMO_USERS.find((u) => u.role === role).email;
    await client.ok(doc('SignIn'), { input: { email, password: DEMO_PASSWORD } });
    as[role] = client;
  }
  const facts = {};
  const [counts] = (
    await pool.query(`SELECT (SELECT count(*) FROM young_person)::int AS "youngPeople", (SELECT count(*) FROM risk_assessment)::int AS assessments,
      (SELECT count(*) FROM missing_episode)::int AS "missingEpisodes", (SELECT count(*) FROM person_of_concern)::int AS "peopleOfConcern",
      (SELECT count(*) FROM link)::int AS links, (SELECT count(*) FROM location)::int AS locations, (SELECT count(*) FROM agency_return)::int AS returns,
      (SELECT count(*) FROM list_membership WHERE ended_on IS NULL)::int AS "onList", (SELECT count(*) FROM hot_spot_report)::int AS "hotSpotReports"`)
  ).rows;
  facts.onList = counts.onList;
  const firstPage = await as.COORDINATOR.ok(doc('YoungPeople'), { filter: {}, page: { first: 1 }, sort: 'SCORE', canIdentify: true });
  facts.person = firstPage.data.youngPeople.nodes[0].id;
  facts.networkPerson = (
    await pool.query(`SELECT b_id AS id FROM link WHERE b_kind = 'YOUNG_PERSON' GROUP BY b_id ORDER BY count(*) DESC, b_id LIMIT 1`)
  ).rows[0].id;
  const [pgVersion] = (await pool.query(`SHOW server_version`)).rows;
  const ctx = { as, db: pool, peer: peer ? new GqlClient(peer.baseUrl) : null, facts, seed };

  const wanted = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  const results = [];
  for (const s of scenarios(doc)) {
    if (wanted && !wanted.has(s.name)) continue;
    const runs = Math.max(3, Math.round(RUNS / (s.runsDivisor ?? 1)));
    const warmup = Math.max(1, Math.round(WARMUP / (s.runsDivisor ?? 1)));
    say(`\n${s.name}: ${s.title} (${s.role}; ${warmup} warm-up + ${runs} runs)`);
    const result = { name: s.name, title: s.title, role: s.role, target: s.target ?? null, runs, warmup };
    try {
      await s.setup?.(ctx);
      for (let i = 0; i < warmup; i++) await s.once(ctx, i, {});
      const samples = [];
      const statements = [];
      for (let i = 0; i < runs; i++) {
        const r = await s.once(ctx, warmup + i, {});
        samples.push(r.ms);
        statements.push(r.statements);
      }
      result.server = summarise(samples);
      result.statementsPerRequest = { min: Math.min(...statements), max: Math.max(...statements) };
      // One more request with its statements recorded, for the floor.
      const name = `${s.name}-${process.pid}-${Date.now()}`;
      await s.once(ctx, warmup + runs, { [CAPTURE]: name });
      await new Promise((r) => setTimeout(r, 200));
      const captured = readCapture(captureDir, name);
      result.statementsCaptured = captured.length;
      const swap = s.swap?.(ctx) ?? null;
      const floorSamples = [];
      for (let i = 0; i < warmup + runs; i++) {
        await s.beforeReplay?.(ctx);
        const ms = await replay(floor, captured, { write: !!s.write, swap });
        if (i >= warmup) floorSamples.push(ms);
      }
      await s.beforeReplay?.(ctx);
      result.floor = summarise(floorSamples);
      if (!s.write) {
        const plans = await explainReads(floor, captured);
        mkdirSync(join(values.out, 'explain'), { recursive: true });
        writeFileSync(join(values.out, 'explain', `${profile}-${s.name}.txt`), `${plans.map((x) => x.text).join('\n\n')}\n`);
      }
      if (s.peer && ctx.peer) {
        for (let i = 0; i < warmup; i++) await s.peer(ctx);
        const peerSamples = [];
        for (let i = 0; i < runs; i++) peerSamples.push(await s.peer(ctx));
        result.peer = summarise(peerSamples);
      } else if (s.peer) {
        result.peer = { error: peerError ?? 'not run (--no-peer)' };
      }
      say(
        `  server p50 ${result.server.p50} ms, p95 ${result.server.p95} ms; ${result.statementsPerRequest.max} statements (${captured.length} captured); raw SQL p95 ${result.floor.p95} ms` +
          (result.peer?.p95 !== undefined ? `; PostGraphile p95 ${result.peer.p95} ms` : ''),
      );
    } catch (err) {
      result.error = err instanceof Error ? err.message.slice(0, 1000) : String(err);
      say(`  failed: ${result.error}`);
    }
    results.push(result);
  }

  let browser = null;
  if (!values['no-browser'] && (!wanted || wanted.has('browser'))) {
    say('\nThe client in headless Chromium');
    const users = Object.fromEntries(DEMO_USERS.map((u) => [u.role, u.email]));
    browser = await browserScenarios({ baseUrl: server.baseUrl, db: pool, users, password: DEMO_PASSWORD, log: say });
  }

  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: pgVersion.server_version,
    database: process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded PostgreSQL (project .data/postgres)',
  };
  const report = {
    generatedAt: new Date().toISOString(),
    profile,
    seed,
    machine,
    data: counts,
    database: { name: db.name, reused: db.reused, seedSeconds: db.seedMs === null ? null : Math.round(db.seedMs / 100) / 10 },
    settings: { runs: RUNS, warmup: WARMUP },
    peer: peer ? { name: 'PostGraphile 5', note: 'Node 20 needs a Promise.withResolvers polyfill (bench/peer.mjs)' } : { error: peerError },
    scenarios: results,
    browser,
    verdicts: verdicts(results),
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  mkdirSync(values.out, { recursive: true });
  const suffix = profile === 'stress' ? '' : `-${profile}`;
  writeFileSync(join(values.out, `results${suffix}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const md = markdown(report);
  writeFileSync(join(values.out, `results${suffix}.md`), md);
  say(`\n${md}`);
} finally {
  await floor?.end().catch(() => undefined);
  await peer?.stop().catch(() => undefined);
  await server?.stop().catch(() => undefined);
  await pool.end().catch(() => undefined);
  rmSync(captureDir, { recursive: true, force: true });
  await db.close().catch(() => undefined);
}
