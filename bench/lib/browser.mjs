// The client under load, in headless Chromium (the same browser and flags as the browser tests):
// the victim-profile dashboard's first render, the network view and the hot-spot map drawn with the
// benchmark database's data, and the frame times while each is panned. Reported beside the server
// scenarios by `npm run bench` (skip with --no-browser).

import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { summarise } from './stats.mjs';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-gl=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

async function signIn(page, baseUrl, email, password) {
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
}

/** Waits until `count()` reaches `min`, polling; returns the count. */
async function until(count, min, timeout = 60_000) {
  const started = Date.now();
  for (;;) {
    const n = await count();
    if (n >= min) return n;
    if (Date.now() - started > timeout) throw new Error(`Timed out waiting (${n} of ${min})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Drags the element across its middle for `ms` while the page records every animation frame's
 * interval: what a person panning would see, as frame times (ms).
 */
async function panFrames(page, locator, ms = 1500) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('Nothing to pan');
  await page.evaluate(() => {
    const w = window;
    w.__frames = [];
    let last = performance.now();
    const tick = (t) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__framesOn) requestAnimationFrame(tick);
    };
    w.__framesOn = true;
    requestAnimationFrame(tick);
  });
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const steps = 30;
  const started = Date.now();
  for (let i = 0; Date.now() - started < ms; i++) {
    const phase = (i % steps) / steps;
    await page.mouse.move(cx + Math.sin(phase * 2 * Math.PI) * box.width * 0.25, cy + Math.cos(phase * 2 * Math.PI) * box.height * 0.2, { steps: 2 });
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window;
    w.__framesOn = false;
    return w.__frames.slice(1);
  });
  return summarise(frames);
}

/** A "last seen from" date that leaves about `nodes` nodes in the network (for the network view at scale). */
async function lastSeenFromFor(db, nodes) {
  const rows = (
    await db.query(
      `WITH ends AS (SELECT last_seen, a_kind || a_id AS n FROM link UNION ALL SELECT last_seen, b_kind || b_id FROM link),
            firsts AS (SELECT n, max(last_seen) AS last FROM ends GROUP BY n)
       SELECT last::text AS d FROM firsts ORDER BY last DESC OFFSET $1 LIMIT 1`,
      [nodes],
    )
  ).rows;
  return rows[0]?.d ?? null;
}

export async function browserScenarios({ baseUrl, db, users, password, runs = 3, log }) {
  if (!existsSync(CHROME_PATH)) return { error: `Chromium not found at ${CHROME_PATH}: apt-get install -y chromium, or set CHROME_PATH` };
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: ARGS });
  const out = { runs, scenarios: [] };
  try {
    const context = async (role) => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      await signIn(page, baseUrl, users[role], password);
      return { ctx, page };
    };

    // The dashboard: from navigation to every widget drawn.
    {
      const { ctx, page } = await context('ANALYST');
      const samples = [];
      for (let i = 0; i < runs + 1; i++) {
        const started = Date.now();
        await page.goto(`${baseUrl}/analysis`);
        await until(() => page.locator('section[data-widget] .recharts-wrapper').count(), 10);
        if (i > 0) samples.push(Date.now() - started);
      }
      out.scenarios.push({ name: 'browser-dashboard', title: 'Victim-profile dashboard: navigation to every chart drawn', role: 'ANALYST', firstRender: summarise(samples) });
      log?.(`  browser dashboard: p50 ${summarise(samples).p50} ms`);
      await ctx.close();
    }

    // The network view with about 5k nodes.
    {
      const from = await lastSeenFromFor(db, 5000);
      const { ctx, page } = await context('POLICE');
      const samples = [];
      let nodes = null;
      let pan = null;
      for (let i = 0; i < runs; i++) {
        await page.goto(`${baseUrl}/intelligence/network`);
        await page.getByRole('heading', { name: 'Network' }).waitFor({ timeout: 60_000 });
        if (from) {
          await page.getByText('Filter the network').click();
          await page.locator('#last-seen-from').fill(from);
          const started = Date.now();
          await page.getByRole('button', { name: /Apply/ }).first().click();
          await until(() => page.locator('.app-network__canvas canvas').count(), 1);
          nodes = await page.evaluate(
            () =>
              new Promise((resolve) => {
                // Two frames after the canvas settles: sigma has drawn.
                requestAnimationFrame(() => requestAnimationFrame(() => resolve(document.querySelector('.app-network__canvas')?.getAttribute('aria-label') ?? '')));
              }),
          );
          samples.push(Date.now() - started);
        }
        if (i === runs - 1) pan = await panFrames(page, page.locator('.app-network__canvas'));
      }
      out.scenarios.push({ name: 'browser-network', title: `Network view (links last seen from ${from ?? 'any date'})`, role: 'POLICE', described: nodes, firstRender: summarise(samples), panFrames: pan });
      log?.(`  browser network: ${nodes}; p50 ${summarise(samples).p50} ms; frames p95 ${pan?.p95} ms`);
      await ctx.close();
    }

    // The hot-spot map: every place with reports in the last 12 months.
    {
      const { ctx, page } = await context('POLICE');
      const samples = [];
      let pan = null;
      let points = null;
      for (let i = 0; i < runs + 1; i++) {
        const started = Date.now();
        await page.goto(`${baseUrl}/intelligence/map`);
        await until(() => page.locator('.leaflet-overlay-pane path.leaflet-interactive').count(), 1);
        await until(() => page.locator('.leaflet-marker-pane > *, .leaflet-overlay-pane circle, .leaflet-overlay-pane path.leaflet-interactive').count(), 2);
        if (i > 0) samples.push(Date.now() - started);
        if (i === runs) {
          points = (await db.query(`SELECT count(DISTINCT location_id)::int AS n FROM hot_spot_report WHERE month >= date_trunc('month', now()) - interval '11 months'`)).rows[0].n;
          pan = await panFrames(page, page.locator('.leaflet-container'));
        }
      }
      out.scenarios.push({ name: 'browser-map', title: 'Hot-spot map (12 months): navigation to boundaries and points drawn', role: 'POLICE', points, firstRender: summarise(samples), panFrames: pan });
      log?.(`  browser map: ${points} places; p50 ${summarise(samples).p50} ms; frames p95 ${pan?.p95} ms`);
      await ctx.close();
    }
  } catch (err) {
    out.error = err instanceof Error ? err.message.slice(0, 1000) : String(err);
    log?.(`  browser scenarios failed: ${out.error}`);
  } finally {
    await browser.close();
  }
  return out;
}
