// Load benchmark: `npm run bench:load [-- --connections 50 --duration 30 --warmup 5]`.
//
// Starts the built server (exactly what `npm start` runs) against a fresh PostgreSQL database with
// the demo borough, signs in one user per connection and drives a mixed workload of reads and writes
// with the client's own GraphQL documents (bench/lib/documents.mjs) and headers (JSON, which the
// server's CSRF prevention requires: a simple cross-site form post cannot send it) for a fixed time.
// Each user has a role allowed to do what it does, and goes round that role's pages:
// - co-ordinators: the reading pages, and recording a missing episode (each one a new record);
// - analysts: the reading pages (pseudonymised), and saving a dashboard view under one of three names
//   of their own (the same name again replaces it, as the page does);
// - co-chairs: the reading pages, and saving the note of their own item on the next meeting's agenda,
//   with the version they last read;
// - agency leads (one per agency, as in the panel): their agency's return, and saving this month's
//   draft of it with the version they last read.
// Every write is to a record of that user's own (or a new one), carrying the version the user last
// read, so no conflict is expected: a CONFLICT would be a real error (a lost version) and counts as
// one (it is also shown in a column of its own). Prints a markdown table per request kind (reads and
// writes) and writes bench/load-results.json. Exits 1 when any request failed (non-2xx, GraphQL
// error, socket error or timeout): the target is 50 concurrent users and no errors.
//
// Database: an embedded PostgreSQL in .data/ by default; with DATABASE_URL, a throwaway database
// on that server. Either way it is created for the run and removed at the end.
// Settings (arguments win over environment): --connections / BENCH_CONNECTIONS (50),
// --duration / BENCH_DURATION seconds (30), --warmup / BENCH_WARMUP seconds (5),
// --pages= / BENCH_PAGES (all): a comma-separated subset of list, young-person, profile, map,
// network, return, return-draft, saved-view, missing-episode, agenda-note.

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
const { AuditService } = await load('modules/audit/audit.service.js');
const { RETURN_TEMPLATES } = await import(pathToFileURL(join(root, 'shared', 'dist', 'index.js')).href);

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
const READ_PAGES = ['list', 'young-person', 'profile', 'map', 'network', 'return'];
const WRITE_PAGES = ['return-draft', 'saved-view', 'missing-episode', 'agenda-note'];
/** Which pages make up the mix (all by default). */
const PAGES = pagesArg ? pagesArg.split(',').map((p) => p.trim()) : [...READ_PAGES, ...WRITE_PAGES];
/** What each role does: the pages it may open, and its write. */
const ROLE_PAGES = {
  COORDINATOR: [...READ_PAGES, 'missing-episode'],
  ANALYST: [...READ_PAGES, 'saved-view'],
  CO_CHAIR: [...READ_PAGES, 'agenda-note'],
  AGENCY_LEAD: ['return', 'return-draft'],
};
/** One agency lead per agency with a return to work on, at most this share of the users. */
const AGENCY_LEAD_SHARE = 0.2;
const PANEL_ROLES = ['COORDINATOR', 'ANALYST', 'CO_CHAIR'];
const IDENTIFYING = new Set(['CO_CHAIR', 'COORDINATOR', 'POLICE']);
/** The headers the client's HttpLink sends. */
const HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json,application/json;q=0.9' };

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

/** Seeds the demo borough and the synthetic users; returns what the workload reads and writes. */
async function seed(url) {
  const ds = await openDataSource(url);
  try {
    await migrate(ds);
    const s = await seedDemo(ds, { profile: 'demo', seed: 1 });
    say(`Seeded the demo borough: ${s.youngPeople} young people, ${s.assessments} screenings, ${s.links} links, ${s.returns} returns.`);
    const period = monthsBack(0);
    // Agencies whose return for this month can still be drafted, with their latest return to read.
    const agencies = PAGES.includes('return-draft')
      ? await ds.query(
          `SELECT a.id, a.kind, cur.id AS "draftId", cur.version AS "draftVersion",
                  (SELECT r.id FROM agency_return r WHERE r.agency_id = a.id ORDER BY r.period DESC LIMIT 1) AS "returnId"
           FROM agency a LEFT JOIN agency_return cur ON cur.agency_id = a.id AND cur.period = $1::date
           WHERE a.active AND (cur.id IS NULL OR cur.status NOT IN ('SUBMITTED', 'ACCEPTED'))
             AND EXISTS (SELECT 1 FROM agency_return r WHERE r.agency_id = a.id)
           ORDER BY a.name`,
          [`${period}-01`],
        )
      : [];
    const panelRoles = PANEL_ROLES.filter((r) => ROLE_PAGES[r].some((k) => PAGES.includes(k)));
    const leads = Math.min(agencies.length, panelRoles.length ? Math.floor(CONNECTIONS * AGENCY_LEAD_SHARE) : CONNECTIONS);
    if (!panelRoles.length && leads < CONNECTIONS) throw new Error(`Only ${leads} agencies can draft this month's return: use at most ${leads} connections for --pages=${PAGES.join(',')}`);
    const users = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const lead = (!panelRoles.length || i % 5 === 4) && users.filter((u) => u.role === 'AGENCY_LEAD').length < leads;
      const role = lead ? 'AGENCY_LEAD' : panelRoles[users.filter((u) => u.role !== 'AGENCY_LEAD').length % panelRoles.length];
      const agency = lead ? agencies[users.filter((u) => u.role === 'AGENCY_LEAD').length] : null;
      const email = `bench-${i + 1}@bench.example`;
      await ds.query(
        `INSERT INTO app_user (email, name, role, agency_id, password_hash, status, must_change_password, version)
         SELECT $1, $2, role, coalesce($4::uuid, agency_id), password_hash, 'ACTIVE', false, 1 FROM app_user WHERE role = $3 ORDER BY created_at LIMIT 1`,
        [email, `Bench User ${i + 1}`, role, agency?.id ?? null],
      );
      users.push({ email, role, agency });
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
    const [meeting] = await ids(`SELECT id FROM meeting WHERE status = 'PLANNED' AND date >= current_date ORDER BY date LIMIT 1`);
    if (!youngPeople.length || !returns.length || !people.length) throw new Error('The demo data has no young people, returns or linked people of concern');
    if (PAGES.includes('agenda-note') && !meeting) throw new Error('The demo data has no planned meeting for the agenda notes');
    return { users, youngPeople, returns, people, meeting, period };
  } finally {
    await ds.destroy();
  }
}

// ---------- server ----------

/**
 * Before each run, every user reloads what they are editing (as the page does when opened): a run
 * stops with requests in flight, whose saves the server made but whose answers (the new versions)
 * were never read.
 */
async function reload(url, data, sessions) {
  const ds = await openDataSource(url);
  try {
    const read = async () => {
      for (const s of sessions) {
        if (s.role === 'AGENCY_LEAD') {
          const [r] = await ds.query(`SELECT id, version FROM agency_return WHERE agency_id = $1 AND period = $2::date`, [s.agency.id, `${data.period}-01`]);
          if (r) Object.assign(s.state, { returnId: r.id, version: r.version });
        }
        if (s.role === 'CO_CHAIR' && s.state.itemId) s.state.version = (await ds.query(`SELECT version FROM agenda_item WHERE id = $1`, [s.state.itemId]))[0].version;
      }
      const [{ busy }] = await ds.query(`SELECT count(*)::int AS busy FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()`);
      return JSON.stringify({ states: sessions.map((s) => s.state), busy });
    };
    // The server may still be finishing those requests: read until the database is idle and nothing has changed for two seconds.
    for (let last = await read(), stable = 0; stable < 4; ) {
      await new Promise((r) => setTimeout(r, 500));
      const now = await read();
      stable = now === last && JSON.parse(now).busy === 0 ? stable + 1 : 0;
      last = now;
    }
  } finally {
    await ds.destroy();
  }
}

/** Audit events by action, and whether the chain verifies. */
async function auditCounts(url) {
  const ds = await openDataSource(url);
  try {
    const rows = await ds.query(`SELECT action, count(*)::int AS n FROM audit_event GROUP BY action`);
    return { byAction: Object.fromEntries(rows.map((r) => [r.action, r.n])), chain: await new AuditService(ds).verify() };
  } finally {
    await ds.destroy();
  }
}

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
    headers: HEADERS,
    body: JSON.stringify({ query: 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { id } }', variables: { input: { email, password: DEMO_PASSWORD } } }),
  });
  const body = await res.json();
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (body.errors || !cookie) throw new Error(`Could not sign in ${email}: ${JSON.stringify(body.errors ?? body)}`);
  return cookie;
}

async function gql(baseUrl, cookie, operationName, query, variables) {
  const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { ...HEADERS, cookie }, body: JSON.stringify({ operationName, query, variables }) });
  const body = await res.json();
  if (res.status !== 200 || body.errors) throw new Error(`${operationName} failed (HTTP ${res.status}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

/**
 * What each user starts from, as the pages would have it loaded: a co-chair's own item on the next
 * meeting's agenda (added once, by the co-chair, with the page's own mutation), an agency lead's
 * draft for this month (its version, when the demo already has one).
 */
async function prepareSessions(baseUrl, data, sessions) {
  const doc = clientDocuments(root);
  for (const s of sessions) {
    s.state = {};
    if (s.role === 'AGENCY_LEAD') s.state = { returnId: s.agency.draftId ?? s.agency.returnId, version: s.agency.draftVersion ?? null };
    if (s.role === 'CO_CHAIR' && PAGES.includes('agenda-note')) {
      const title = `Note from ${s.email}`;
      const items = (await gql(baseUrl, s.cookie, 'AddAgendaItem', doc('AddAgendaItem'), { input: { meetingId: data.meeting, section: 'AOB', title, notes: 'To raise under any other business' } })).addAgendaItem;
      const mine = items.find((i) => i.title === title);
      s.state = { itemId: mine.id, title, version: mine.version };
    }
  }
}

// ---------- workload ----------

function workload(data) {
  const doc = clientDocuments(root);
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  const year = { from: monthsBack(11), to: monthsBack(0) };
  const dimensions = ['RAG', 'AGE_BAND', 'GENDER', 'ETHNICITY', 'LEGAL_STATUS', 'PLACEMENT', 'SEND', 'EDUCATION', 'PRESENTATION', 'MODEL', 'SAFEGUARD_AREA', 'PUSH_FACTOR', 'PULL_FACTOR'];
  const identifies = (s) => IDENTIFYING.has(s.role);
  const hoursAgo = (h) => new Date(Date.now() - h * 3_600_000).toISOString();
  let saves = 0;
  /**
   * Each page of the workload: its name, read or write, its document, fresh variables for each
   * request from the user's session, and (for writes) what the user keeps from the answer (the new version).
   */
  const all = [
    { key: 'list', kind: 'read', name: 'MASE list page (50 rows)', operationName: 'YoungPeople', variables: (s) => ({ page: { first: 50 }, canIdentify: identifies(s) }) },
    { key: 'young-person', kind: 'read', name: "Young person's page", operationName: 'YoungPersonDetail', variables: (s) => ({ id: pick(data.youngPeople), canIdentify: identifies(s) }) },
    { key: 'profile', kind: 'read', name: 'Victim profile', operationName: 'AnalysisProfile', variables: () => ({ filter: year, dimensions }) },
    { key: 'map', kind: 'read', name: 'Hot-spot map', operationName: 'IntelHotSpotMap', variables: () => ({ range: year }) },
    { key: 'network', kind: 'read', name: 'Network neighbourhood (2 hops)', operationName: 'IntelNeighbourhood', variables: () => ({ kind: 'PERSON_OF_CONCERN', id: pick(data.people), hops: 2 }) },
    // Agency leads read their own agency's return (the draft they are working on); the panel any return.
    { key: 'return', kind: 'read', name: 'Agency return', operationName: 'AgencyReturn', variables: (s) => ({ id: s.role === 'AGENCY_LEAD' ? s.state.returnId : pick(data.returns) }) },
    {
      key: 'return-draft',
      kind: 'write',
      name: 'Save return draft (agency lead)',
      operationName: 'SaveReturnDraft',
      variables: (s) => ({
        input: {
          agencyId: s.agency.id,
          period: data.period,
          version: s.state.version,
          content: {
            measures: RETURN_TEMPLATES[s.agency.kind].map((key, i) => ({ key, value: i % 3 === 0 ? null : (++saves + i) % 40 })),
            outcomes: `Work this month, saved at ${new Date().toISOString()}`,
            localities: [],
            youngPeople: [],
            blockages: [],
          },
        },
      }),
      keep: (s, d) => Object.assign(s.state, { returnId: d.saveReturnDraft.id, version: d.saveReturnDraft.version }),
    },
    {
      key: 'saved-view',
      kind: 'write',
      name: 'Save dashboard view (analyst)',
      operationName: 'AnalysisSaveView',
      variables: () => {
        const months = pick([3, 6, 12]);
        return { input: { name: `Last ${months} months`, filter: { from: monthsBack(months - 1), to: monthsBack(0) }, shared: false } };
      },
    },
    {
      key: 'missing-episode',
      kind: 'write',
      name: 'Record missing episode (co-ordinator)',
      operationName: 'RecordMissingEpisode',
      variables: (s) => {
        const h = 6 + Math.random() * 72;
        return {
          canIdentify: identifies(s),
          input: { youngPersonId: pick(data.youngPeople), startedAt: hoursAgo(h), endedAt: hoursAgo(h - 4), reportedBy: 'Residential home', whereFound: 'At a friend’s address', returnInterviewOffered: true, returnInterviewDone: false },
        };
      },
    },
    {
      key: 'agenda-note',
      kind: 'write',
      name: 'Save agenda note (co-chair)',
      operationName: 'UpdateAgendaItem',
      variables: (s) => ({ input: { id: s.state.itemId, title: s.state.title, notes: `Updated ${new Date().toISOString()}: to raise under any other business`, version: s.state.version } }),
      keep: (s, d) => (s.state.version = d.updateAgendaItem.version),
    },
  ];
  const chosen = all.filter((p) => PAGES.includes(p.key)).map((p) => ({ ...p, query: doc(p.operationName) }));
  const unknown = PAGES.filter((k) => !all.some((p) => p.key === k));
  if (!chosen.length || unknown.length) throw new Error(`--pages must name some of: ${all.map((p) => p.key).join(', ')}`);
  return chosen;
}

/** The pages a user of this role goes round. */
const pagesOf = (pages, role) => pages.filter((p) => ROLE_PAGES[role].includes(p.key));

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);
const round = (n) => Math.round(n * 10) / 10;

/** One autocannon run; every connection carries its own user's session and goes round that role's pages. */
async function run(baseUrl, sessions, pages, seconds) {
  const stats = new Map(pages.map((p) => [p.name, { kind: p.kind, latencies: [], non2xx: 0, graphqlErrors: 0, conflicts: 0, errorCodes: {} }]));
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
      const state = { page: null };
      const mine = pagesOf(pages, session.role);
      // Each connection starts at a different page, so every page is always in the mix.
      const offset = next % mine.length;
      const order = mine.map((_, i) => mine[(i + offset) % mine.length]);
      client.setRequests(
        order.map((page) => ({
          method: 'POST',
          path: '/graphql',
          headers: { ...HEADERS, cookie: session.cookie },
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ operationName: page.operationName, query: page.query, variables: page.variables(session) }) }),
          onResponse: (status, body) => {
            const s = stats.get(page.name);
            state.page = page.name;
            if (status < 200 || status > 299) s.non2xx++;
            // Parse only what may hold an error (GraphQL errors come back with HTTP 200), or what the user keeps.
            const failed = status !== 200 || body.includes('"errors"');
            if (failed) {
              let code = `HTTP ${status}`;
              try {
                code = JSON.parse(body).errors?.[0]?.extensions?.code ?? code;
              } catch {
                /* not JSON */
              }
              if (status === 200) s.graphqlErrors++;
              if (code === 'CONFLICT') s.conflicts++;
              s.errorCodes[code] = (s.errorCodes[code] ?? 0) + 1;
              sample ??= { page: page.name, status, body: body.slice(0, 500) };
            } else if (page.keep) {
              page.keep(session, JSON.parse(body).data);
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

function summarise(label, kind, rows, seconds) {
  const all = rows.flatMap((r) => r.sorted).sort((a, b) => a - b);
  const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
  return {
    page: label,
    kind,
    requests: all.length,
    rps: round(all.length / seconds),
    p50: round(percentile(all, 50)),
    p95: round(percentile(all, 95)),
    p99: round(percentile(all, 99)),
    max: round(all.at(-1) ?? 0),
    non2xx: sum('non2xx'),
    graphqlErrors: sum('graphqlErrors'),
    conflicts: sum('conflicts'),
  };
}

function report(result, stats, seconds) {
  const rows = [];
  for (const [name, s] of stats) {
    const sorted = [...s.latencies].sort((a, b) => a - b);
    rows.push({ page: name, kind: s.kind, sorted, requests: sorted.length, rps: round(sorted.length / seconds), p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0), non2xx: s.non2xx, graphqlErrors: s.graphqlErrors, conflicts: s.conflicts, errorCodes: s.errorCodes });
  }
  const reads = summarise('All reads', 'read', rows.filter((r) => r.kind === 'read'), seconds);
  const writes = summarise('All writes', 'write', rows.filter((r) => r.kind === 'write'), seconds);
  const whole = summarise('All', 'all', rows, seconds);
  const total = { ...whole, non2xx: Math.max(whole.non2xx, result.non2xx), socketErrors: result.errors, timeouts: result.timeouts };
  return { rows: rows.map(({ sorted: _sorted, ...r }) => r), subtotals: [reads, writes], total };
}

function markdown({ rows, subtotals, total }) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const cells = (r) => [r.page, r.kind, r.requests, r.rps, r.p50, r.p95, r.p99, r.max, r.non2xx, r.graphqlErrors, r.conflicts];
  const out = [
    line(['Request', 'Kind', 'Requests', 'Req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'Max ms', 'Non-2xx', 'GraphQL errors', 'of which CONFLICT']),
    line(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...rows.map((r) => line(cells(r))),
    ...subtotals.filter((r) => r.requests).map((r) => line(cells(r))),
    line(cells(total).map((c) => `**${c}**`)),
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
      sessions.push(...(await Promise.all(batch.map(async (u) => ({ ...u, cookie: await signIn(server.baseUrl, u.email) })))));
    }
    const roles = Object.fromEntries(Object.keys(ROLE_PAGES).map((r) => [r, sessions.filter((s) => s.role === r).length]).filter(([, n]) => n));
    say(`Signed in ${sessions.length} users (${Object.entries(roles).map(([r, n]) => `${n} ${r}`).join(', ')}).`);
    await prepareSessions(server.baseUrl, data, sessions);
    const pages = workload(data);
    const auditBefore = await auditCounts(db.url);
    if (WARMUP > 0) {
      const warm = await run(server.baseUrl, sessions, pages, WARMUP);
      say(`Warm-up: ${warm.result.requests.total} requests.`);
      await reload(db.url, data, sessions);
    }
    const { result, stats, sample } = await run(server.baseUrl, sessions, pages, DURATION);
    const summary = report(result, stats, result.duration || DURATION);
    const errors = summary.total.non2xx + summary.total.graphqlErrors + summary.total.socketErrors + summary.total.timeouts;
    // The writes really happened: each is an audit event (warm-up and measured run together), and the chain still verifies.
    const auditAfter = await auditCounts(db.url);
    const written = Object.fromEntries(Object.entries(auditAfter.byAction).map(([a, n]) => [a, n - (auditBefore.byAction[a] ?? 0)]).filter(([, n]) => n > 0));
    say();
    say(markdown(summary));
    say();
    say(`Errors: ${summary.total.non2xx} non-2xx, ${summary.total.graphqlErrors} GraphQL errors (${summary.total.conflicts} CONFLICT), ${summary.total.socketErrors} socket errors, ${summary.total.timeouts} timeouts.`);
    say(`Audit events written during warm-up and run: ${Object.entries(written).map(([a, n]) => `${n} ${a}`).join(', ')}; audit chain ${auditAfter.chain.ok ? `verifies (${auditAfter.chain.events} events)` : `DOES NOT verify: ${auditAfter.chain.problem}`}.`);
    if (sample) say(`First error seen (${sample.page}, HTTP ${sample.status}): ${sample.body}`);
    const out = {
      measuredAt: new Date(started).toISOString(),
      settings: { connections: CONNECTIONS, pages: PAGES, users: sessions.length, roles, rolePages: ROLE_PAGES, warmupSeconds: WARMUP, durationSeconds: DURATION, database: process.env.DATABASE_URL ? 'DATABASE_URL server (throwaway database)' : 'embedded PostgreSQL', databasePoolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10), data: 'demo borough (seed 1)' },
      machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      total: summary.total,
      subtotals: summary.subtotals,
      pages: summary.rows,
      conflicts: 'Every write is to a record of the user\'s own (or a new one) with the version the user last read, so no CONFLICT is expected; any is counted as an error.',
      auditEventsWritten: written,
      auditChain: auditAfter.chain,
      autocannon: { requestsPerSecondAverage: result.requests.average, latencyP50: result.latency.p50, latencyP99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, statusCodeStats: result.statusCodeStats },
      target: { connections: 50, errors: 0, met: CONNECTIONS >= 50 && errors === 0 && auditAfter.chain.ok },
    };
    writeFileSync(join(root, 'bench', 'load-results.json'), `${JSON.stringify(out, null, 2)}\n`);
    say('Written to bench/load-results.json.');
    process.exitCode = errors > 0 || !auditAfter.chain.ok ? 1 : 0;
  } finally {
    await server?.stop();
    await db.drop();
  }
}

main().catch((err) => {
  console.error(`Load benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
