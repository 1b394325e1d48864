// The processes the benchmark runs beside itself: the built server (exactly what `npm start`
// runs) and the PostGraphile peer. Each is stopped by its own process id.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';

async function waitFor(check, child, output, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited: ${output()}`);
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what} did not start: ${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function capture(child) {
  let output = '';
  const add = (d) => {
    output += d.toString();
    if (output.length > 20_000) output = output.slice(-20_000);
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return () => output;
}

async function stop(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const exited = once(child, 'exit');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts the built server on `port` against `databaseUrl`, with SQL statements counted per request. */
export async function startServer(root, { databaseUrl, port, captureDir }) {
  const main = join(root, 'server', 'dist', 'server', 'src', 'main.js');
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      // As deployed (the peer runs in production mode too), with a key of the run's own for the
      // authenticator secrets and no two-step verification asked of the demo sign-ins.
      NODE_ENV: 'production',
      MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      MFA_REQUIRED_ROLES: 'none',
      BENCH_COUNT_QUERIES: '1',
      BENCH_CAPTURE_DIR: captureDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = capture(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(() => fetch(`${baseUrl}/health`).then((r) => r.ok, () => false), child, output, 'The server');
  return { baseUrl, output, stop: () => stop(child) };
}

/** Starts the PostGraphile peer (bench/peer.mjs) on `port` against `databaseUrl`. */
export async function startPeer(root, { databaseUrl, port }) {
  const child = spawn(process.execPath, [join(root, 'bench', 'peer.mjs')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), GRAPHILE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = capture(child);
  await waitFor(() => Promise.resolve(/ready \d+/.test(output())), child, output, 'PostGraphile');
  return { baseUrl: `http://127.0.0.1:${port}`, output, stop: () => stop(child) };
}
