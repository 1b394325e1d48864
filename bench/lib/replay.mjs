// The floor: the very statements the server sent for a request (captured by the server's opt-in
// statement log), sent again straight through `pg` on one connection, one after another — no
// HTTP, GraphQL, NestJS or TypeORM in between.

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const CONTROL = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\b/i;

function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    if (value.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

function substitute(value, from, to) {
  if (!from) return value;
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((v) => substitute(v, from, to));
  return value;
}

/** Reads (and removes) the statements captured under `name`. */
export function readCapture(dir, name) {
  const file = join(dir, `${name}.jsonl`);
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  rmSync(file, { force: true });
  return lines.map((l) => {
    const { query, parameters } = JSON.parse(l);
    return { query, parameters: revive(parameters) };
  });
}

/**
 * Replays the statements; returns the time in ms. A write is replayed inside a transaction that is
 * rolled back (its own transaction statements dropped), so the data is left as it was; `swap`
 * replaces one id by another throughout (to replay a submission against a second, identical draft).
 */
export async function replay(client, statements, { write = false, swap = null } = {}) {
  const started = performance.now();
  if (write) await client.query('BEGIN');
  try {
    for (const s of statements) {
      if (write && CONTROL.test(s.query)) continue;
      await client.query(swap ? substitute(s.query, swap.from, swap.to) : s.query, swap ? s.parameters.map((p) => substitute(p, swap.from, swap.to)) : s.parameters);
    }
  } finally {
    if (write) await client.query('ROLLBACK');
  }
  return performance.now() - started;
}

export async function floorClient(url) {
  const client = new pg.Client({ connectionString: url, application_name: 'mase-bench-floor' });
  await client.connect();
  return client;
}

/**
 * The plans PostgreSQL chose for a request's reads (EXPLAIN ANALYZE, BUFFERS), slowest first, as
 * text for bench/explain/<scenario>.txt: the evidence for the indexes the benchmark relies on.
 */
export async function explainReads(client, statements, { top = 4 } = {}) {
  const plans = [];
  for (const s of statements) {
    if (!/^\s*(SELECT|WITH)\b/i.test(s.query) || /\b(INSERT|UPDATE|DELETE)\b/i.test(s.query) || /analytics_ensure/.test(s.query)) continue;
    const rows = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${s.query}`, s.parameters)).rows;
    const text = rows.map((r) => r['QUERY PLAN']).join('\n');
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? 0);
    plans.push({ ms, text: `-- ${s.query.replace(/\s+/g, ' ').slice(0, 400)}\n${text}` });
  }
  plans.sort((a, b) => b.ms - a.ms);
  return plans.slice(0, top);
}
