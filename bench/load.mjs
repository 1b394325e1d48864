// Load benchmark: `npm run bench:load [-- --connections 50 --duration 30 --warmup 5]`.
//
// Starts the built server (exactly what `npm start` runs) against a fresh PostgreSQL database with
// the demo borough, signs in one reading user per connection (synthetic users of the roles that
// may read every page below, sharing the demo password), and drives a mixed read workload with the
// client's own GraphQL documents for a fixed time. Prints a markdown table and writes
// bench/load-results.json. Exits 1 when any request failed (non-2xx, GraphQL error, socket error
// or timeout): the target is 50 concurrent users and no errors.
//
// Database: an embedded PostgreSQL in .data/ by default; with DATABASE_URL, a throwaway database
// on that server. Either way it is created for the run and removed at the end.
// Settings (arguments win over environment): --connections / BENCH_CONNECTIONS (50),
// --duration / BENCH_DURATION seconds (30), --warmup / BENCH_WARMUP seconds (5).

import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { clientDocuments } from './lib/documents.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'server', 'dist', 'server', 'src');
const MAIN = join(dist, 'main.js');
if (!existsSync(MAIN)) {
  console.error('Build first: npm run build (npm run bench:load does it for you)');
  process.exit(1);
}
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { startEmbeddedPostgres, freePort } = await load('database/embedded.js');
const { migrate, openDataSource } = await load('database/data-source.js');
const { seedDemo } = await load('modules/demo/demo-seed.js');
const { DEMO_PASSWORD } = await load('modules/demo/demo-borough.js');

// ---------- settings ----------

function setting(name, env, fallback, min, max) {
  const i = process.argv.indexOf(`--${name}`);
  const inline = process.argv.find((a) => a.startsWith(`--${name}=`));
  const raw = inline ? inline.split('=')[1] : i >= 0 ? process.argv[i + 1] : process.env[env];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} (${env}) must be a whole number from ${min} to ${max}`);
  return n;
}
const CONNECTIONS = setting('connections', 'BENCH_CONNECTIONS', 50, 1, 500);
const DURATION = setting('duration', 'BENCH_DURATION', 30, 1, 3600);
const WARMUP = setting('warmup', 'BENCH_WARMUP', 5, 0, 600);
const pagesArg = process.argv.find((a) => a.startsWith('--pages='))?.split('=')[1] ?? process.env.BENCH_PAGES;
/** Which pages make up the mix (all by default): list, young-person, profile, map, network, return. */
const PAGES = pagesArg ? pagesArg.split(',').map((p) => p.trim()) : ['list', 'young-person', 'profile', 'map', 'network', 'return'];
/** Roles that may open every page of the workload (list, record, profile, map, network, returns). */
const READING_ROLES = ['COORDINATOR', 'ANALYST', 'CO_CHAIR'];
const IDENTIFYING = new Set(['CO_CHAIR', 'COORDINATOR', 'POLICE']);

const say = (line = '') => process.stdout.write(`${line}\n`);

// ---------- the client's documents: lib/documents.mjs ----------

// ---------- database ----------

const monthsBack = (n) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1)).toISOString().slice(0, 7);
};

async function prepareDatabase() {
  let embedded = null;
  let adminUrl;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = '/postgres';
    adminUrl = u.toString();
  } else {
    embedded = await startEmbeddedPostgres({ dir: join(root, '.data', `bench-postgres-${process.pid}`), persistent: false });
    adminUrl = embedded.adminUrl;
  }
  const name = `mase_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const drop = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
    await embedded?.stop();
  };
  return { url, drop };
}

/** Seeds the demo borough and the synthetic readers; returns what the workload reads. */
async function seed(url) {
  const ds = await openDataSource(url);
  try {
    await migrate(ds);
    const s = await seedDemo(ds, { profile: 'demo', seed: 1 });
    say(`Seeded the demo borough: ${s.youngPeople} young people, ${s.assessments} screenings, ${s.links} links, ${s.returns} returns.`);
    const users = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const role = READING_ROLES[i % READING_ROLES.length];
      const email = `bench-${i + 1}@bench.example`;
      await ds.query(
        `INSERT INTO app_user (email, name, role, agency_id, password_hash, status, must_change_password, version)
         SELECT $1, $2, role, agency_id, password_hash, 'ACTIVE', false, 1 FROM app_user WHERE role = $3 ORDER BY created_at LIMIT 1`,
        [email, `Bench Reader ${i + 1}`, role],
      );
      users.push({ email, role });
    }
    const ids = async (sql) => (await ds.query(sql)).map((r) => r.id);
    const youngPeople = await ids(
      `SELECT yp.id FROM young_person yp WHERE EXISTS (SELECT 1 FROM list_membership lm WHERE lm.young_person_id = yp.id AND lm.ended_on IS NULL) ORDER BY yp.id LIMIT 100`,
    );
    const returns = await ids(`SELECT id FROM agency_return ORDER BY period DESC, id LIMIT 100`);
    const people = await ids(
      `SELECT p.id FROM person_of_concern p
       WHERE EXISTS (SELECT 1 FROM link l WHERE (l.a_kind = 'PERSON_OF_CONCERN' AND l.a_id = p.id) OR (l.b_kind = 'PERSON_OF_CONCERN' AND l.b_id = p.id))
       ORDER BY p.id LIMIT 50`,
    );
    if (!youngPeople.length || !returns.length || !people.length) throw new Error('The demo data has no young people, returns or linked people of concern');
    return { users, youngPeople, returns, people };
  } finally {
    await ds.destroy();
  }
}

// ---------- server ----------

async function startServer(url) {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: process.env.NODE_ENV ?? 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const gone = new Promise((r) => child.once('exit', r));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await gone;
    }
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`The server exited: ${output}`);
    if (await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, stop, output: () => output };
}

async function signIn(baseUrl, email) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { id } }', variables: { input: { email, password: DEMO_PASSWORD } } }),
  });
  const body = await res.json();
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (body.errors || !cookie) throw new Error(`Could not sign in ${email}: ${JSON.stringify(body.errors ?? body)}`);
  return cookie;
}

// ---------- workload ----------

function workload(data) {
  const doc = clientDocuments(root);
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  const year = { from: monthsBack(11), to: monthsBack(0) };
  const dimensions = ['RAG', 'AGE_BAND', 'GENDER', 'ETHNICITY', 'LEGAL_STATUS', 'PLACEMENT', 'SEND', 'EDUCATION', 'PRESENTATION', 'MODEL', 'SAFEGUARD_AREA', 'PUSH_FACTOR', 'PULL_FACTOR'];
  /** Each page of the workload: its name, its document, and fresh variables for each request. */
  const all = [
    { key: 'list', name: 'MASE list page (50 rows)', operationName: 'YoungPeople', query: doc('YoungPeople'), variables: (id) => ({ page: { first: 50 }, canIdentify: id }) },
    { key: 'young-person', name: "Young person's page", operationName: 'YoungPersonDetail', query: doc('YoungPersonDetail'), variables: (id) => ({ id: pick(data.youngPeople), canIdentify: id }) },
    { key: 'profile', name: 'Victim profile', operationName: 'AnalysisProfile', query: doc('AnalysisProfile'), variables: () => ({ filter: year, dimensions }) },
    { key: 'map', name: 'Hot-spot map', operationName: 'IntelHotSpotMap', query: doc('IntelHotSpotMap'), variables: () => ({ range: year }) },
    { key: 'network', name: 'Network neighbourhood (2 hops)', operationName: 'IntelNeighbourhood', query: doc('IntelNeighbourhood'), variables: () => ({ kind: 'PERSON_OF_CONCERN', id: pick(data.people), hops: 2 }) },
    { key: 'return', name: 'Agency return', operationName: 'AgencyReturn', query: doc('AgencyReturn'), variables: () => ({ id: pick(data.returns) }) },
  ];
  const chosen = all.filter((p) => PAGES.includes(p.key));
  if (!chosen.length) throw new Error(`--pages must name some of: ${all.map((p) => p.key).join(', ')}`);
  return chosen;
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);
const round = (n) => Math.round(n * 10) / 10;

/** One autocannon run; every connection carries its own user's session and goes round the pages. */
async function run(baseUrl, sessions, pages, seconds) {
  const stats = new Map(pages.map((p) => [p.name, { latencies: [], non2xx: 0, graphqlErrors: 0, errorCodes: {} }]));
  let sample = null;
  let next = 0;
  const instance = autocannon({
    url: `${baseUrl}/graphql`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    method: 'POST',
    setupClient(client) {
      const session = sessions[next++ % sessions.length];
      const canIdentify = IDENTIFYING.has(session.role);
      const state = { page: null };
      // Each connection starts at a different page, so every page is always in the mix.
      const offset = next % pages.length;
      const order = pages.map((_, i) => pages[(i + offset) % pages.length]);
      client.setRequests(
        order.map((page) => ({
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', cookie: session.cookie },
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ operationName: page.operationName, query: page.query, variables: page.variables(canIdentify) }) }),
          onResponse: (status, body) => {
            const s = stats.get(page.name);
            state.page = page.name;
            if (status < 200 || status > 299) s.non2xx++;
            // Parse only what may hold an error: GraphQL errors come back with HTTP 200.
            if (status !== 200 || body.includes('"errors"')) {
              let code = `HTTP ${status}`;
              try {
                code = JSON.parse(body).errors?.[0]?.extensions?.code ?? code;
              } catch {
                /* not JSON */
              }
              if (status === 200) s.graphqlErrors++;
              s.errorCodes[code] = (s.errorCodes[code] ?? 0) + 1;
              sample ??= { page: page.name, status, body: body.slice(0, 500) };
            }
          },
        })),
      );
      // The response event follows onResponse for the same request: its time belongs to that page.
      client.on('response', (_status, _bytes, responseTime) => {
        if (state.page) stats.get(state.page).latencies.push(responseTime);
      });
    },
  });
  const stopOnSignal = () => instance.stop();
  process.once('SIGINT', stopOnSignal);
  const result = await instance;
  process.off('SIGINT', stopOnSignal);
  return { result, stats, sample };
}

function report(result, stats, seconds) {
  const rows = [];
  const all = [];
  for (const [name, s] of stats) {
    const sorted = [...s.latencies].sort((a, b) => a - b);
    all.push(...sorted);
    rows.push({ page: name, requests: sorted.length, rps: round(sorted.length / seconds), p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0), non2xx: s.non2xx, graphqlErrors: s.graphqlErrors, errorCodes: s.errorCodes });
  }
  all.sort((a, b) => a - b);
  const totalNon2xx = rows.reduce((n, r) => n + r.non2xx, 0);
  const totalGql = rows.reduce((n, r) => n + r.graphqlErrors, 0);
  const total = {
    page: 'All',
    requests: all.length,
    rps: round(all.length / seconds),
    p50: round(percentile(all, 50)),
    p95: round(percentile(all, 95)),
    p99: round(percentile(all, 99)),
    max: round(all.at(-1) ?? 0),
    non2xx: Math.max(totalNon2xx, result.non2xx),
    graphqlErrors: totalGql,
    socketErrors: result.errors,
    timeouts: result.timeouts,
  };
  return { rows, total };
}

function markdown({ rows, total }) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const out = [
    line(['Page', 'Requests', 'Req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'Max ms', 'Non-2xx', 'GraphQL errors']),
    line(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...rows.map((r) => line([r.page, r.requests, r.rps, r.p50, r.p95, r.p99, r.max, r.non2xx, r.graphqlErrors])),
    line([`**${total.page}**`, `**${total.requests}**`, `**${total.rps}**`, `**${total.p50}**`, `**${total.p95}**`, `**${total.p99}**`, `**${total.max}**`, `**${total.non2xx}**`, `**${total.graphqlErrors}**`]),
  ];
  return out.join('\n');
}

// ---------- main ----------

async function main() {
  const started = Date.now();
  say(`Load benchmark: ${CONNECTIONS} connections (one signed-in user each), ${WARMUP} s warm-up, ${DURATION} s measured.`);
  const db = await prepareDatabase();
  let server = null;
  try {
    const data = await seed(db.url);
    server = await startServer(db.url);
    const sessions = [];
    for (let i = 0; i < data.users.length; i += 4) {
      const batch = data.users.slice(i, i + 4);
      sessions.push(...(await Promise.all(batch.map(async (u) => ({ role: u.role, cookie: await signIn(server.baseUrl, u.email) })))));
    }
    say(`Signed in ${sessions.length} users (${READING_ROLES.map((r) => `${sessions.filter((s) => s.role === r).length} ${r}`).join(', ')}).`);
    const pages = workload(data);
    if (WARMUP > 0) {
      const warm = await run(server.baseUrl, sessions, pages, WARMUP);
      say(`Warm-up: ${warm.result.requests.total} requests.`);
    }
    const { result, stats, sample } = await run(server.baseUrl, sessions, pages, DURATION);
    const summary = report(result, stats, result.duration || DURATION);
    const errors = summary.total.non2xx + summary.total.graphqlErrors + summary.total.socketErrors + summary.total.timeouts;
    say();
    say(markdown(summary));
    say();
    say(`Errors: ${summary.total.non2xx} non-2xx, ${summary.total.graphqlErrors} GraphQL errors, ${summary.total.socketErrors} socket errors, ${summary.total.timeouts} timeouts.`);
    if (sample) say(`First error seen (${sample.page}, HTTP ${sample.status}): ${sample.body}`);
    const out = {
      measuredAt: new Date(started).toISOString(),
      settings: { connections: CONNECTIONS, pages: PAGES, users: sessions.length, roles: READING_ROLES, warmupSeconds: WARMUP, durationSeconds: DURATION, database: process.env.DATABASE_URL ? 'DATABASE_URL server (throwaway database)' : 'embedded PostgreSQL', databasePoolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10), data: 'demo borough (seed 1)' },
      machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      total: summary.total,
      pages: summary.rows,
      autocannon: { requestsPerSecondAverage: result.requests.average, latencyP50: result.latency.p50, latencyP99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, statusCodeStats: result.statusCodeStats },
      target: { connections: 50, errors: 0, met: CONNECTIONS >= 50 && errors === 0 },
    };
    writeFileSync(join(root, 'bench', 'load-results.json'), `${JSON.stringify(out, null, 2)}\n`);
    say('Written to bench/load-results.json.');
    process.exitCode = errors > 0 ? 1 : 0;
  } finally {
    await server?.stop();
    await db.drop();
  }
}

main().catch((err) => {
  console.error(`Load benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
