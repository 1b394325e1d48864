import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo-borough.js';
import { ARTIFACTS, expectAccessible, launch, watchForProblems } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('police intelligence with the demo data', () => {
  it('shows the analyst the hot-spot map (wards, points, key, tables) and the network with its complex-abuse groups', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(baseUrl);
    await page.getByLabel('Email address').fill(DEMO_USERS.find((u) => u.role === 'ANALYST')!.email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Intelligence' }).click();

    await page.goto(`${baseUrl}/intelligence/map`);
    await page.getByRole('heading', { name: 'Hot-spot map' }).waitFor();
    // Twelve ward polygons drawn as vector paths (no tile server), and hot-spot points or clusters.
    await expect.poll(() => page.locator('.leaflet-overlay-pane path.leaflet-interactive').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(12);
    await expect.poll(() => page.locator('.leaflet-map-pane path.leaflet-interactive, .leaflet-marker-pane > *').count()).toBeGreaterThan(12);
    expect(await page.locator('.leaflet-control-attribution').innerText()).toMatch(/Synthetic boundaries of the fictional demo borough/);
    // No tile server is configured: no tiles, nothing fetched from outside.
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('table').last().getByRole('row').count()).toBeGreaterThanOrEqual(13); // a dozen hot spots and the header
    await page.screenshot({ path: join(ARTIFACTS, 'hot-spot-map.png'), fullPage: true });
    await expectAccessible(page, 'hot-spot map');

    await page.goto(`${baseUrl}/intelligence/network`);
    await page.getByRole('heading', { name: 'Network' }).waitFor();
    await page.getByRole('heading', { name: 'Complex-abuse groups' }).waitFor();
    await expect.poll(() => page.locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByText('Consider a complex strategy meeting').count()).toBeGreaterThanOrEqual(1);
    // Young people appear by pseudonym only.
    expect(await page.getByText(/YP-[A-Z2-9]{8}/).count()).toBeGreaterThan(0);
    // Nodes are ringed by risk: the key says how, and the ranking gives each node's risk in words.
    await page.getByText('Ring: High risk: red screening, or charged or convicted').waitFor();
    const risks = await page.getByRole('table', { name: 'Most central' }).locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(risks.some((r) => /latest screening|Intelligence only|Under investigation|Arrested|Charged|Convicted|No further action|No final screening/.test(r))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'network.png'), fullPage: true });
    await expectAccessible(page, 'network');

    // People of concern and places: lists that lead to their pages and links.
    await page.goto(`${baseUrl}/intelligence/people`);
    const firstPerson = page.getByRole('table').getByRole('link').first();
    await firstPerson.waitFor();
    await firstPerson.click();
    await page.getByRole('heading', { name: 'Links' }).waitFor();
    // One dated timeline: links first and last seen, disruptions and status.
    await page.getByRole('heading', { name: 'Chronology' }).waitFor();
    const personTimeline = page.getByRole('list', { name: 'Chronology, newest first' }).getByRole('listitem');
    expect(await personTimeline.count()).toBeGreaterThanOrEqual(2);
    expect(await personTimeline.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/First seen/), expect.stringMatching(/Status\s+Recorded: /)]));
    await page.screenshot({ path: join(ARTIFACTS, 'person-of-concern.png'), fullPage: true });
    await expectAccessible(page, 'person of concern');
    await page.goto(`${baseUrl}/intelligence/places`);
    const firstPlace = page.getByRole('table').getByRole('link').first();
    await firstPlace.waitFor();
    await firstPlace.click();
    await page.getByRole('heading', { name: 'Links' }).waitFor();
    // The place's timeline: its links and hot-spot reports, or a note that there is nothing yet.
    const placeChronology = page.getByRole('region', { name: 'Chronology' });
    await placeChronology.getByRole('heading', { name: 'Chronology' }).waitFor();
    const placeTimeline = placeChronology.getByRole('listitem');
    if ((await placeTimeline.count()) === 0) await placeChronology.getByText('Nothing has been recorded yet.').waitFor();
    else for (const text of await placeTimeline.allInnerTexts()) expect(text).toMatch(/^\d{1,2} \w+ \d{4}|^\w+ \d{4}/);
    expect(await placeChronology.innerText()).toMatch(/First seen|Hot-spot report|Nothing has been recorded yet/);
    await page.screenshot({ path: join(ARTIFACTS, 'place.png'), fullPage: true });
    await expectAccessible(page, 'place');
    expect(problems).toEqual([]);
    await context.close();
  });
});
