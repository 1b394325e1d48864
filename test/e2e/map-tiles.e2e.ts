import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../server/src/database/embedded.js';
import { projectRoot } from '../../server/src/database/project-root.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo-borough.js';
import { ARTIFACTS, launch, watchForProblems } from './browser.js';

/** A 1×1 transparent PNG: every tile the local tile server serves. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const ATTRIBUTION = 'Test tiles © Synthetic Mapping';

let browser: Browser;
let tiles: Server;
let server: ChildProcess;
let baseUrl: string;
const tileRequests: string[] = [];

/** The built server again, on the e2e database, with a tile layer pointing to a tile server of the test's own on 127.0.0.1. */
beforeAll(async () => {
  tiles = createServer((req, res) => {
    tileRequests.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': PIXEL.length });
    res.end(PIXEL);
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  const address = tiles.address();
  const tilePort = address && typeof address === 'object' ? address.port : 0;
  const port = await freePort();
  server = spawn(process.execPath, [join(projectRoot(), 'server', 'dist', 'server', 'src', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: inject('e2eDatabaseUrl'),
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      MAP_TILE_URL: `http://127.0.0.1:${tilePort}/tiles/{z}/{x}/{y}.png`,
      MAP_TILE_ATTRIBUTION: ATTRIBUTION,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server exited: ${output}`);
    if (await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error(`The server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  await new Promise((r) => tiles?.close(r));
});

describe('the hot-spot map with a tile server configured', () => {
  it('draws the tiles under the ward boundaries, with their attribution, within the content security policy', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(baseUrl);
    await page.getByLabel('Email address').fill(DEMO_USERS.find((u) => u.role === 'ANALYST')!.email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Intelligence' }).waitFor();

    await page.goto(`${baseUrl}/intelligence/map`);
    await page.getByRole('heading', { name: 'Hot-spot map' }).waitFor();
    await expect.poll(() => page.locator('.leaflet-wards-pane path.leaflet-interactive').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(12);
    // Tiles were asked for at the map's zoom, and loaded (the CSP let them in).
    await expect.poll(() => tileRequests.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(tileRequests.every((u) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true);
    await expect.poll(() => page.locator('.leaflet-tile-pane img.leaflet-tile-loaded').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Under the wards: the tile pane is drawn below the wards' pane.
    const [tileZ, wardZ] = await page.evaluate(() =>
      ['.leaflet-tile-pane', '.leaflet-wards-pane'].map((s) => Number(getComputedStyle(document.querySelector(s)!).zIndex)),
    );
    expect(tileZ).toBeLessThan(wardZ);
    // The tile provider's attribution beside the boundaries'.
    const attribution = page.locator('.leaflet-control-attribution');
    await attribution.getByText(ATTRIBUTION, { exact: false }).waitFor();
    expect(await attribution.innerText()).toMatch(/Synthetic boundaries of the fictional demo borough/);
    await page.screenshot({ path: join(ARTIFACTS, 'hot-spot-map-tiles.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
