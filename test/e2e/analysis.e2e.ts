import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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

async function signIn(role: 'ANALYST' | 'AGENCY_LEAD'): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(DEMO_USERS.find((u) => u.role === role)!.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analysis' }).waitFor();
  return { context, page, problems };
}

const widgets = (page: Page) => page.locator('section[data-widget]');

/** The text of every widget's table, in page order (the tables are in closed "Show table" details). */
const tableTexts = (page: Page) => widgets(page).evaluateAll((sections) => sections.map((s) => s.querySelector('table')?.textContent ?? ''));

async function waitForProfile(page: Page) {
  await page.getByRole('heading', { name: 'Victim profile', level: 1 }).waitFor();
  await expect.poll(() => widgets(page).count(), { timeout: 20_000 }).toBe(14);
  await expect.poll(() => page.locator('section[data-widget] .recharts-wrapper').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
}

const showing = (page: Page) => page.getByTestId('filters-in-force').innerText();

async function download(page: Page, button: Locator): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: readFileSync(path) };
}

describe('analysis: the victim profile, trends, saved views and exports with the demo data', () => {
  it('lets the analyst filter every widget, open the young people behind a bar, save and reopen a view, export, and see the trends', async () => {
    const { context, page, problems } = await signIn('ANALYST');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analysis' }).click();
    await waitForProfile(page);
    expect(await showing(page)).not.toMatch(/gender/);
    await page.getByRole('heading', { name: 'What changed' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'analysis-profile.png'), fullPage: true });
    await expectAccessible(page, 'victim profile');

    // What changed: a month with themes states each test and its p-value, and links to the data behind it.
    const months = await page.getByLabel('Month', { exact: true }).locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const withThemes = await page.evaluate(async (candidates) => {
      for (const period of candidates) {
        const res = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
          body: JSON.stringify({ query: 'query($p: String!) { themes(period: $p) { themes { link { kind } } } }', variables: { p: period } }),
        });
        const body = (await res.json()) as { data?: { themes: { themes: { link: { kind: string } }[] } } };
        if (body.data?.themes.themes.some((t) => t.link.kind === 'MEASURE')) return period;
      }
      return null;
    }, months);
    if (withThemes) {
      await page.getByLabel('Month', { exact: true }).selectOption(withThemes);
      const themes = page.locator('.app-theme');
      await expect.poll(() => themes.count(), { timeout: 20_000 }).toBeGreaterThan(0);
      for (const text of await themes.allInnerTexts()) expect(text).toMatch(/p = 0\.\d+|p < 0\.0001|No statistical test/);
      await page.locator('.app-what-changed').screenshot({ path: join(ARTIFACTS, 'analysis-what-changed.png') });
      const measureLink = page.locator('.app-theme a[href^="/analysis/trends"]').first();
      const anchor = (await measureLink.getAttribute('href'))!.split('#')[1];
      await measureLink.click();
      await page.getByRole('heading', { name: 'Trends', level: 1 }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe(`${anchor}-title`);
      await page.goBack();
      await waitForProfile(page);
    }

    // Every widget obeys the filter: each table's figures change when only girls are counted.
    const before = await tableTexts(page);
    expect(before.every((t) => /\d/.test(t))).toBe(true);
    await page.getByText('Filter by young person').click();
    await page.getByRole('group', { name: 'Gender' }).getByLabel('Female', { exact: true }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.url()).toMatch(/[?&]gender=FEMALE/);
    await expect.poll(async () => (await showing(page)).includes('gender: Female')).toBe(true);
    await expect.poll(async () => (await tableTexts(page)).filter((t, i) => t !== '' && t !== before[i]).length, { timeout: 20_000 }).toBe(14);
    const filtered = await tableTexts(page);

    // A bar of the RAG chart (red, the latest month) opens the list with the same filters and the same count.
    const rag = page.locator('section[data-widget="widget-rag"]');
    const redBars = rag.locator('.app-chart-bar[data-series="RED"]');
    await expect.poll(() => redBars.count()).toBeGreaterThan(0);
    const bar = redBars.last();
    const month = (await bar.getAttribute('data-key'))!;
    const expected = Number(await bar.getAttribute('data-value'));
    expect(expected).toBeGreaterThan(0);
    await bar.click();
    await page.getByRole('heading', { name: 'MASE list', level: 1 }).waitFor();
    expect(page.url()).toMatch(new RegExp(`onListOn=${month}-\\d{2}`));
    expect(page.url()).toMatch(/rag=RED/);
    expect(page.url()).toMatch(/gender=FEMALE/);
    expect(await page.getByRole('group', { name: 'RAG' }).getByLabel('Red').isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'Gender' }).getByLabel('Female', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByTestId('list-filters-from-address').innerText()).toMatch(/on the list on \d{1,2} \w{3} \d{4}/);
    const showingOnList = page.getByText(/^Showing \d+ young (person|people)/);
    await showingOnList.waitFor();
    while (await page.getByRole('button', { name: 'Load more' }).isVisible()) {
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.waitForTimeout(300);
    }
    await expect.poll(async () => Number(/Showing (\d+)/.exec(await showingOnList.innerText())?.[1])).toBe(expected);
    await page.screenshot({ path: join(ARTIFACTS, 'analysis-click-through-list.png'), fullPage: true });
    await expectAccessible(page, 'list opened from a bar');

    // Save the filters as a view; reload the dashboard without them; reopen the view.
    await page.goBack();
    await waitForProfile(page);
    await page.getByText('Saved views: save these filters, or open a view').click();
    await page.getByLabel('Name these filters to save them').fill('Girls on the list');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByText('Saved the view “Girls on the list”').waitFor();
    await page.goto(`${baseUrl}/analysis`);
    await page.reload();
    await waitForProfile(page);
    expect(await showing(page)).not.toMatch(/gender/);
    await page.getByText('Saved views: save these filters, or open a view').click();
    await page.getByRole('link', { name: 'Girls on the list' }).click();
    await expect.poll(async () => (await showing(page)).includes('gender: Female')).toBe(true);
    expect(page.url()).toMatch(/[?&]gender=FEMALE/);
    await expect.poll(async () => (await tableTexts(page))[1], { timeout: 20_000 }).toBe(filtered[1]);
    await page.locator('.app-saved-views').screenshot({ path: join(ARTIFACTS, 'analysis-saved-views.png') });

    // A CSV of a widget: a header row, then months with numbers or "c" where a count is from 1 to 5.
    const csv = await download(page, rag.getByRole('button', { name: /^Download CSV/ }));
    expect(csv.name).toMatch(/^mase-profile-rag-\d{4}-\d{2}-to-\d{4}-\d{2}\.csv$/);
    const lines = csv.body.toString('utf8').trim().split(/\r\n/);
    expect(lines[0].split(',')).toEqual(['Month', 'Green', 'Amber', 'Red', 'Not screened', 'On the list']);
    expect(lines.length).toBe(13);
    for (const line of lines.slice(1)) {
      const [monthCell, ...cells] = line.split(',');
      expect(monthCell).toMatch(/^\d{4}-\d{2}$/);
      for (const cell of cells) expect(cell).toMatch(/^(c|0|[1-9]\d*)$/);
      for (const cell of cells) if (/^\d+$/.test(cell)) expect(Number(cell) === 0 || Number(cell) > 5).toBe(true);
    }
    // And an image of it, drawn from the same suppressed figures.
    const png = await download(page, rag.getByRole('button', { name: /^Download PNG/ }));
    writeFileSync(join(ARTIFACTS, 'analysis-export-rag.png'), png.body);
    expect(png.name).toMatch(/\.png$/);
    expect(png.body.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.body.length).toBeGreaterThan(5_000);

    // My view can be deleted.
    await page.getByRole('button', { name: 'Delete the view Girls on the list' }).click();
    await page.getByText('Deleted the view “Girls on the list”').waitFor();
    expect(await page.getByRole('link', { name: 'Girls on the list' }).count()).toBe(0);

    // The trends page: monthly flows with meetings marked, a rolling view, police and agency activity.
    await page.getByRole('navigation', { name: 'Analysis pages' }).getByRole('link', { name: 'Trends' }).click();
    await page.getByRole('heading', { name: 'Trends', level: 1 }).waitFor();
    await expect.poll(() => page.locator('section[data-widget] .recharts-wrapper').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(8);
    expect(await showing(page)).toMatch(/gender: Female/);
    expect(await page.locator('.recharts-reference-line').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Police disruption and prosecution' }).waitFor();
    await page.getByRole('heading', { name: 'Agency activity from monthly returns' }).waitFor();
    const joining = page.locator('section[data-widget="trend-joining-leaving"] table');
    const monthly = await joining.textContent();
    await page.getByLabel('Show 12-month rolling sums').check();
    await expect.poll(() => joining.textContent(), { timeout: 20_000 }).not.toBe(monthly);
    expect(await joining.textContent()).toMatch(/12-month rolling sums/);
    await page.screenshot({ path: join(ARTIFACTS, 'analysis-trends.png'), fullPage: true });
    await expectAccessible(page, 'trends');
    await page.getByLabel('Show 12-month rolling sums').uncheck();

    // A month of "On the list at month end" opens the list on that month's last day, with the filters, showing as many.
    await page.locator('section[data-widget="trend-on-list"] summary').click();
    const onList = page.locator('section[data-widget="trend-on-list"] table a[href^="/list"]');
    await expect.poll(() => onList.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const link = onList.first();
    const text = (await link.textContent()) ?? '';
    const count = Number(/^\s*([\d,]+)/.exec(text)?.[1]?.replace(/,/g, ''));
    expect(text).toMatch(/young people on the list at the end of/);
    expect(count).toBeGreaterThan(0);
    await link.click();
    await page.getByRole('heading', { name: 'MASE list', level: 1 }).waitFor();
    expect(page.url()).toMatch(/onListOn=\d{4}-\d{2}-\d{2}/);
    expect(page.url()).toMatch(/gender=FEMALE/);
    const showingTrend = page.getByText(/^Showing \d+ young (person|people)/);
    await showingTrend.waitFor();
    while (await page.getByRole('button', { name: 'Load more' }).isVisible()) {
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.waitForTimeout(300);
    }
    await expect.poll(async () => Number(/Showing (\d+)/.exec(await showingTrend.innerText())?.[1])).toBe(count);

    // One widget's own time frame: only that widget changes, and the choice is kept in the address.
    await page.goBack();
    await page.getByRole('heading', { name: 'Trends', level: 1 }).waitFor();
    const rowsOf = (id: string) => page.locator(`section[data-widget="${id}"] table tbody tr`);
    await expect.poll(() => rowsOf('trend-scores').count(), { timeout: 20_000 }).toBeGreaterThan(12);
    const allMonths = await rowsOf('trend-scores').count();
    const others = await tableTexts(page);
    const scoresAt = (await widgets(page).evaluateAll((sections) => sections.map((s) => s.getAttribute('data-widget')))).indexOf('trend-scores');
    await page.locator('section[data-widget="trend-scores"]').getByLabel('Time frame').selectOption('year');
    await expect.poll(() => rowsOf('trend-scores').count()).toBe(12);
    expect(page.url()).toMatch(/[?&]frame-trend-scores=year/);
    const after = await tableTexts(page);
    expect(after.filter((t, i) => t !== others[i]).length).toBe(1);
    expect(after[scoresAt]).not.toBe(others[scoresAt]);
    expect(await rowsOf('trend-reviews').count()).toBe(allMonths);
    await page.locator('section[data-widget="trend-scores"]').screenshot({ path: join(ARTIFACTS, 'analysis-trend-frame.png') });
    await page.reload();
    await expect.poll(() => rowsOf('trend-scores').count(), { timeout: 20_000 }).toBe(12);
    expect(await page.locator('section[data-widget="trend-scores"]').getByLabel('Time frame').inputValue()).toBe('year');
    expect(await rowsOf('trend-joining-leaving').count()).toBe(allMonths);

    // A bar of 'New to the list' opens the young people behind it, with the filters, as many as the bar counts.
    const newBars = page.locator('section[data-widget="trend-joining-leaving"] .app-chart-bar[data-series="newToList"]');
    await expect.poll(() => newBars.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const values = await newBars.evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-value'))));
    const pick = newBars.nth(values.findLastIndex((v) => v > 0));
    const joinedMonth = (await pick.getAttribute('data-key'))!;
    const joined = Number(await pick.getAttribute('data-value'));
    expect(joined).toBeGreaterThan(0);
    await pick.click();
    await page.getByRole('heading', { name: 'MASE list', level: 1 }).waitFor();
    expect(page.url()).toMatch(new RegExp(`cohort=newToList&month=${joinedMonth}`));
    expect(page.url()).toMatch(/gender=FEMALE/);
    const cohort = page.getByTestId('list-cohort');
    await cohort.getByRole('heading', { name: /^New to the list: / }).waitFor();
    await expect.poll(() => page.getByTestId('cohort-count').innerText()).toBe(`${joined} ${joined === 1 ? 'young person' : 'young people'}`);
    expect(await cohort.innerText()).toMatch(/gender: Female/);
    const showingCohort = page.getByText(/^Showing \d+ young (person|people)/);
    await showingCohort.waitFor();
    while (await page.getByRole('button', { name: 'Load more' }).isVisible()) {
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.waitForTimeout(300);
    }
    await expect.poll(async () => Number(/Showing (\d+)/.exec(await showingCohort.innerText())?.[1])).toBe(joined);
    await page.screenshot({ path: join(ARTIFACTS, 'analysis-cohort-list.png'), fullPage: true });
    await expectAccessible(page, 'the young people behind a trend count');
    // And back to the trends, with the filters and the widget's time frame as they were.
    await cohort.getByRole('link', { name: 'Back to the trends' }).click();
    await page.getByRole('heading', { name: 'Trends', level: 1 }).waitFor();
    expect(await showing(page)).toMatch(/gender: Female/);
    await expect.poll(() => rowsOf('trend-scores').count(), { timeout: 20_000 }).toBe(12);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the agency lead whole-list figures with small counts as "c", and no filters by young person', async () => {
    const { context, page, problems } = await signIn('AGENCY_LEAD');
    await page.goto(`${baseUrl}/analysis`);
    await waitForProfile(page);
    expect(await page.getByTestId('agency-lead-note').innerText()).toMatch(/Counts from 1 to 5 show as c/);
    expect(await page.getByText('Filter by young person').count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Gender' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'What changed' }).count()).toBe(0);
    // Some counts are hidden: "c" in the tables and hatched markers in the charts, never a link to the list.
    const hidden = await widgets(page).evaluateAll((sections) => sections.flatMap((s) => [...s.querySelectorAll('td')].filter((td) => td.textContent === 'c')).length);
    expect(hidden).toBeGreaterThan(0);
    expect(await page.locator('[data-hidden="c"]').count()).toBeGreaterThan(0);
    expect(await page.getByText('c = 1 to 5, hidden.').count()).toBeGreaterThan(0);
    expect(await page.locator('section[data-widget] a[href^="/list"]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'analysis-agency-lead.png'), fullPage: true });
    await expectAccessible(page, 'victim profile for an agency lead');
    await page.goto(`${baseUrl}/analysis/trends`);
    await page.getByRole('heading', { name: 'Trends', level: 1 }).waitFor();
    await expect.poll(() => page.locator('section[data-widget] .recharts-wrapper').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
    expect(await page.locator('section[data-widget] a[href^="/list"]').count()).toBe(0);
    await expectAccessible(page, 'trends for an agency lead');
    expect(problems).toEqual([]);
    await context.close();
  });
});
