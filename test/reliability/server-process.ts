import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../server/src/database/embedded.js';
import { projectRoot } from '../../server/src/database/project-root.js';

/** The compiled server: exactly what `npm start` runs. */
export const BUILT_SERVER = join(projectRoot(), 'server', 'dist', 'server', 'src', 'main.js');

/** Fails with what to do when the server has not been compiled (`npm test` compiles it first). */
export function requireBuiltServer(): string {
  if (!existsSync(BUILT_SERVER)) {
    throw new Error('Build the server first: npm run build -w shared && npm run build -w server (npm test does it for you)');
  }
  return BUILT_SERVER;
}

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the process printed, for failure messages. */
  output(): string;
  /** Sends the signal and waits until the process has gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Starts the built server as a process of its own against `databaseUrl` and waits until
 * /health answers (the database reachable and migrations applied).
 */
export async function startServerProcess(databaseUrl: string, port?: number, timeoutMs = 30_000): Promise<ServerProcess> {
  const main = requireBuiltServer();
  const listenOn = port ?? (await freePort());
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(listenOn), HOST: '127.0.0.1', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals) => {
    if (!exited(child)) child.kill(signal);
    await gone;
  };
  const baseUrl = `http://127.0.0.1:${listenOn}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited(child)) throw new Error(`The server exited while starting (exit code ${child.exitCode}, signal ${child.signalCode}): ${output}`);
    const ok = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await kill('SIGKILL');
      throw new Error(`The server did not start within ${timeoutMs} ms: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl, child, output: () => output, kill };
}
