import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

async function signIn(role: 'ANALYST' | 'CO_CHAIR'): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(DEMO_USERS.find((u) => u.role === role)!.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Intelligence' }).waitFor();
  return { context, page, problems };
}

/** The id of the focused element, or its tag when it has none. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');

describe('exploring the hot-spot map and the network with the demo data', () => {
  it('lists the places in a ward and the people linked to a place, by mouse and by keyboard, and leads to their pages', async () => {
    const { context, page, problems } = await signIn('ANALYST');
    await page.goto(`${baseUrl}/intelligence/map`);
    await page.getByRole('heading', { name: 'Hot-spot map' }).waitFor();
    const side = page.getByRole('region', { name: 'Selected on the map' });
    const wardPaths = page.locator('.leaflet-wards-pane path.leaflet-interactive');
    await expect.poll(() => wardPaths.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(12);
    // Wards and locations on the map are keyboard buttons with names.
    expect(await wardPaths.first().getAttribute('role')).toBe('button');
    expect(await wardPaths.first().getAttribute('tabindex')).toBe('0');
    expect(await wardPaths.first().getAttribute('aria-label')).toMatch(/^Ward .+: \d+ incidents?, \d+ sightings?/);

    // A ward selected on the map (the one with most incidents): the panel lists its places with links to their pages.
    const busiestWard = await page.getByRole('table', { name: 'Wards', exact: true }).getByRole('button').first().innerText();
    const wardPath = page.locator(`.leaflet-wards-pane path[aria-label^="Ward ${busiestWard}:"]`);
    await wardPath.dispatchEvent('click');
    await side.getByRole('heading', { name: busiestWard, level: 2 }).waitFor();
    const places = side.getByRole('list', { name: `Places in ${busiestWard}` });
    await places.waitFor();
    expect(await places.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    expect(await places.getByRole('link', { name: /^Place page for / }).count()).toBe(await places.getByRole('listitem').count());
    expect(await places.getByRole('link').first().getAttribute('href')).toMatch(/^\/intelligence\/places\/[0-9a-f-]{36}$/);
    expect(await side.innerText()).toMatch(/\d+ incidents? and \d+ sightings? from/);
    expect(page.url()).toMatch(/[?&]ward=/);
    await page.screenshot({ path: join(ARTIFACTS, 'explore-map-ward.png'), fullPage: true });

    // A place chosen from the ward's list: its incidents, then the people linked to it.
    await places.getByRole('button').first().click();
    await side.getByText('Place', { exact: true }).waitFor();
    await side.getByRole('heading', { name: 'People of concern', exact: false }).waitFor();
    expect(await side.getByRole('link', { name: /^Open the page for / }).getAttribute('href')).toMatch(/^\/intelligence\/places\//);
    expect(await side.innerText()).toMatch(/Incidents\s+\d+ from/);

    // Hot spots from the table, by keyboard, until one has a person of concern linked to it.
    const hotSpotButtons = page.getByRole('table', { name: 'Locations', exact: true }).getByRole('button');
    const count = await hotSpotButtons.count();
    expect(count).toBeGreaterThanOrEqual(12);
    let person: { name: string; href: string } | null = null;
    for (let i = 0; i < count && !person; i++) {
      const button = hotSpotButtons.nth(i);
      const name = await button.innerText();
      await button.focus();
      await page.keyboard.press('Enter');
      await side.getByRole('heading', { name, level: 2 }).waitFor();
      await side.getByRole('heading', { name: /^People of concern \(\d+\)$/ }).waitFor();
      // Focus moved to the panel, so a keyboard user carries on from there.
      expect(await focused(page)).toBe('place-panel-heading');
      const people = side.locator('a[href^="/intelligence/people/"]');
      if ((await people.count()) > 0) person = { name: await people.first().innerText(), href: (await people.first().getAttribute('href'))! };
      if (person) {
        // Young people appear by pseudonym only, without links, for the analyst.
        const youngPeople = await side.getByRole('heading', { name: /^Young people \(by pseudonym\) \(\d+\)$/ }).innerText();
        if (!/\(0\)$/.test(youngPeople)) expect(await side.innerText()).toMatch(/YP-[A-Z2-9]{8}/);
        expect(await side.locator('a[href^="/list/"]').count()).toBe(0);
      }
    }
    expect(person, 'a hot spot with a person of concern linked to it').not.toBeNull();
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'explore-map-place.png'), fullPage: true });
    await expectAccessible(page, 'hot-spot map with a place selected');

    // Follow the link by keyboard to the person's page, and come back to the same selection.
    const link = side.locator(`a[href="${person!.href}"]`).first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}${person!.href}`);
    await page.getByRole('heading', { name: 'Links' }).waitFor();
    await page.goBack();
    await side.getByRole('link', { name: person!.name }).first().waitFor();

    // A ward on the map by keyboard: focus it, press Space.
    const otherWard = wardPaths.nth(1);
    const otherName = /^Ward (.+?): /.exec((await otherWard.getAttribute('aria-label'))!)![1];
    await otherWard.focus();
    await page.keyboard.press('Space');
    await side.getByRole('heading', { name: otherName, level: 2 }).waitFor();
    // The ward keeps keyboard focus (the layer is restyled, not rebuilt) and says it is selected.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(new RegExp(`^Ward ${otherName}: .*\\(selected\\)$`));

    // A place on the map by keyboard, when one is drawn on its own rather than in a group.
    const point = page.locator('.leaflet-overlay-pane path[role="button"][aria-label^="Location "]').first();
    if ((await point.count()) > 0) {
      const pointName = /^Location (.+?): /.exec((await point.getAttribute('aria-label'))!)![1];
      await point.focus();
      await page.keyboard.press('Enter');
      await side.getByRole('heading', { name: pointName, level: 2 }).waitFor();
    }
    // A group of places zooms in when selected.
    const cluster = page.locator('.leaflet-marker-pane .app-map-cluster').first();
    if ((await cluster.count()) > 0) {
      const zoom = await page.evaluate(() => document.querySelector('.leaflet-proxy')?.getAttribute('style') ?? '');
      await cluster.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.querySelector('.leaflet-proxy')?.getAttribute('style') ?? '')).not.toBe(zoom);
    }

    // Following a place link from the ward list reaches the place page.
    await page.getByRole('table', { name: 'Locations', exact: true }).getByRole('link').first().click();
    await page.waitForURL(/\/intelligence\/places\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Hot-spot reports' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('expands, collapses and focuses on nodes of the network from the ranking, by keyboard, and leads to their pages', async () => {
    const { context, page, problems } = await signIn('CO_CHAIR');
    await page.goto(`${baseUrl}/intelligence/network`);
    await page.getByRole('heading', { name: 'Network', level: 1 }).waitFor();
    await expect.poll(() => page.locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const status = page.getByRole('status').filter({ hasText: /./ });
    const summary = page.locator('#network-summary');
    const wholeCount = Number(/^(\d+) nodes/.exec(await summary.innerText())![1]);
    expect(wholeCount).toBeGreaterThan(10);

    // The top of the ranking, selected by keyboard: focus goes to its panel.
    const ranking = page.getByRole('table', { name: 'Most central' });
    const top = ranking.getByRole('button').first();
    const topName = await top.innerText();
    await top.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: topName, level: 2 }).waitFor();
    expect(await focused(page)).toBe('node-heading');
    expect(await top.getAttribute('aria-pressed')).toBe('true');
    await status.getByText(`Selected ${topName}`).waitFor();

    // Focus on it, one link away.
    await page.getByLabel('Links away').selectOption('1');
    await page.getByRole('button', { name: 'Focus on this node' }).press('Enter');
    await page.getByRole('heading', { name: `Focused on ${topName}` }).waitFor();
    // Focus comes back to the node's heading once the neighbourhood has loaded.
    await expect.poll(() => focused(page)).toBe('node-heading');
    const banner = page.getByRole('region', { name: `Focused on ${topName}` });
    const focusCount = async () => Number(/\((\d+) nodes?,/.exec(await banner.innerText())![1]);
    await expect.poll(focusCount).toBeLessThan(wholeCount);
    const before = await focusCount();
    await page.screenshot({ path: join(ARTIFACTS, 'explore-network-focus.png'), fullPage: true });

    // Expand each neighbour in turn (by keyboard, from the list of every node) until one brings in nodes beyond the focus.
    const neighbours = await page.getByRole('list', { name: /^Links in this view/ }).getByRole('button').allInnerTexts();
    expect(neighbours.length).toBeGreaterThan(0);
    const everyNode = page.locator('.app-network-nodes');
    await everyNode.locator('summary').press('Enter');
    let expanded: string | null = null;
    for (const name of neighbours) {
      await everyNode.getByRole('button', { name, exact: true }).first().press('Enter');
      await page.getByRole('heading', { name, level: 2 }).waitFor();
      await page.getByRole('button', { name: `Expand ${name}` }).press('Enter');
      await status.getByText(`Expanded ${name}`).waitFor({ timeout: 15_000 });
      if ((await focusCount()) > before) {
        expanded = name;
        break;
      }
    }
    expect(expanded, 'a neighbour with links beyond the focus').not.toBeNull();
    expect(await status.innerText()).toMatch(/added [1-9]\d* nodes?/);
    expect(await summary.innerText()).toMatch(/1 node expanded|\d+ nodes expanded/);
    const afterExpand = await focusCount();
    await page.screenshot({ path: join(ARTIFACTS, 'explore-network-expanded.png'), fullPage: true });
    await expectAccessible(page, 'network focused and expanded');

    // Collapse it again: what only it brought in goes away.
    await page.getByRole('button', { name: `Collapse ${expanded}` }).press('Enter');
    await status.getByText(new RegExp(`^(Collapsed ${expanded}: hid \\d+ nodes?|Nothing to collapse)`)).waitFor();
    if ((await status.innerText()).startsWith('Collapsed')) {
      await expect.poll(focusCount).toBeLessThan(afterExpand);
      expect(await summary.innerText()).toMatch(/collapsed away/);
    }

    // Back to the whole network.
    await page.getByRole('button', { name: 'Back to the whole network' }).press('Enter');
    await status.getByText('Showing the whole network.').waitFor();
    await expect.poll(() => focused(page)).toBe('node-heading');
    expect(await page.getByRole('heading', { name: /^Focused on / }).count()).toBe(0);
    await expect.poll(async () => Number(/^(\d+) nodes/.exec(await summary.innerText())![1])).toBe(wholeCount);

    // Through to a person of concern's page from a complex-abuse group.
    const group = page.locator('.app-group').first();
    if ((await group.locator('details').getAttribute('open')) === null) await group.locator('summary').click();
    const member = group.getByRole('listitem').filter({ hasText: '(Person of concern)' }).first().getByRole('button');
    const memberName = await member.innerText();
    await member.click();
    await page.getByRole('heading', { name: memberName, level: 2 }).waitFor();
    await page.getByRole('link', { name: `Open the page for ${memberName}` }).click();
    await page.waitForURL(/\/intelligence\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Links' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
