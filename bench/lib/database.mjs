// The benchmark's database: `mase_bench_<profile>` on the project's embedded PostgreSQL (started
// if it is not running) or on DATABASE_URL's server. The demo profile is made afresh each run; the
// stress profile is kept and reused once seeded (seeding it takes a minute or two), unless --reseed.

import pg from 'pg';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(adminUrl, sql, params = []) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** The seed recorded in the database's audit log, or null when it was never seeded. */
async function seededWith(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const [t] = (await c.query(`SELECT to_regclass('public.audit_event') IS NOT NULL AS ok`)).rows;
    if (!t.ok) return null;
    const rows = (await c.query(`SELECT details FROM audit_event WHERE action = 'demo.seeded' ORDER BY seq DESC LIMIT 1`)).rows;
    return rows[0]?.details ?? null;
  } finally {
    await c.end();
  }
}

export async function prepareDatabase(root, { profile, seed, reseed, log }) {
  const dist = join(root, 'server', 'dist', 'server', 'src');
  const load = (p) => import(pathToFileURL(join(dist, p)).href);
  const { resolveDatabase } = await load('database/resolve.js');
  const { migrate, openDataSource } = await load('database/data-source.js');
  let adminUrl;
  let close = () => Promise.resolve();
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const db = await resolveDatabase(log);
    adminUrl = withDatabase(db.url, 'postgres');
    close = () => db.close();
  }
  const name = `mase_bench_${profile}${seed === 1 ? '' : `_${seed}`}`;
  const url = withDatabase(adminUrl, name);
  const exists = (await adminQuery(adminUrl, `SELECT 1 FROM pg_database WHERE datname = $1`, [name])).length > 0;
  const seeded = exists ? await seededWith(url) : null;
  const reuse = profile === 'stress' && !reseed && seeded?.profile === 'stress' && Number(seeded.seed) === seed;
  let seedMs = null;
  if (!reuse) {
    if (exists) await adminQuery(adminUrl, `DROP DATABASE ${name} WITH (FORCE)`);
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  }
  const ds = await openDataSource(url);
  try {
    const started = Date.now();
    const applied = await migrate(ds);
    if (applied.length) log(`Applied ${applied.length} migration(s) to ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!reuse) {
      const t = Date.now();
      if (profile === 'stress') {
        log(`Seeding ${name} with the stress profile (seed ${seed}); this takes a minute or two…`);
        const { seedStress } = await load('modules/demo/stress-seed.js');
        await seedStress(ds, { seed, log });
      } else {
        const { seedDemo } = await load('modules/demo/demo-seed.js');
        await seedDemo(ds, { profile: 'demo', seed });
      }
      seedMs = Date.now() - t;
      log(`Seeded ${name} in ${(seedMs / 1000).toFixed(1)} s`);
    } else {
      log(`Reusing ${name} (stress profile, seed ${seed}); pass --reseed to seed it again`);
    }
    // The analytics snapshot brought up to date before anything is measured (the server would do it
    // in the background, counting live meanwhile): a new migration or a new month may need it.
    const { buildSnapshot } = await load('modules/analytics/snapshot.js');
    const t = Date.now();
    const horizon = await ds.transaction(async (m) => {
      await m.query('SET LOCAL statement_timeout = 0');
      return buildSnapshot(m);
    });
    log(`Analytics snapshot covers the months to ${horizon} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } finally {
    await ds.destroy();
  }
  return { url, adminUrl, name, reused: reuse, seedMs, close };
}
