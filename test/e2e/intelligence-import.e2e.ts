import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo-borough.js';
import { ARTIFACTS, expectAccessible, launch, watchForProblems } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let problems: string[];
let db: pg.Client;

beforeAll(async () => {
  browser = await launch();
  db = new pg.Client({ connectionString: inject('e2eDatabaseUrl') });
  await db.connect();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  problems = watchForProblems(page);
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(DEMO_USERS.find((u) => u.role === 'POLICE')!.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
});
afterAll(async () => {
  await db.end();
  await browser.close();
});

const upload = (csv: string, name: string) => page.getByLabel(/CSV file/).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });

describe('importing intelligence from CSV', () => {
  it('checks every row of a links file, refuses one with an error, then imports a clean one all at once', async () => {
    // A place and a person the file can name without quoting (other tests record names full of commas and quotes).
    const { rows: [place] } = await db.query<{ name: string }>(`SELECT name FROM location WHERE lat IS NOT NULL AND name ~ '^[A-Za-z0-9 ]+$' ORDER BY name LIMIT 1`);
    const { rows: [poc] } = await db.query<{ police_reference: string }>(`SELECT police_reference FROM person_of_concern WHERE police_reference ~ '^[A-Z0-9/-]+$' ORDER BY police_reference LIMIT 1`);
    const gradings = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM link_grading`)).rows[0].n);
    const before = await gradings();
    await page.goto(`${baseUrl}/intelligence`);
    await page.getByRole('link', { name: 'import links (CSV)' }).click();
    await page.getByRole('heading', { name: 'Choose the file' }).waitFor();
    await expectAccessible(page, 'links import: choose');
    const header = 'From type,From,To type,To,Link type,Source agency,First seen,Last seen,Source grade,Intelligence grade,Handling';
    const agency = '"Kingsmere Police, Public Protection Unit"';
    const good = `Person of concern,${poc.police_reference},Place,${place.name},FREQUENTS,${agency},2026-01-04,2026-02-01,2,B,P`;
    await upload([header, good, `Person of concern,${poc.police_reference},Place,Nowhere Known,FREQUENTS,${agency},2026-01-04,2026-02-01,2,B,P`].join('\n'), 'links-with-error.csv');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check the rows' }).waitFor();
    await expect.poll(() => page.getByText('No place called "Nowhere Known" is recorded').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^Import / }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'links-import-errors.png'), fullPage: true });
    await expectAccessible(page, 'links import: row errors');

    await page.getByRole('button', { name: 'Choose the file again' }).click();
    await upload([header, good].join('\n'), 'links.csv');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Import 1 link' }).click();
    await page.getByRole('heading', { name: 'Links imported' }).waitFor();
    // One row, one grading recorded (a new link, or merged into the same link already recorded).
    expect(await gradings()).toBe(before + 1);
    await page.screenshot({ path: join(ARTIFACTS, 'links-import-done.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('imports hot-spot reports, showing which months it adds and which it replaces', async () => {
    const { rows: [place] } = await db.query<{ name: string }>(`SELECT name FROM location WHERE lat IS NOT NULL AND name ~ '^[A-Za-z0-9 ,]+$' ORDER BY name DESC LIMIT 1`);
    const month = new Date().toISOString().slice(0, 7);
    await page.goto(`${baseUrl}/intelligence/import/hot-spot-reports`);
    await upload(['Place,Month,Sightings,Incidents,Risk level,Notes', `"${place.name}",${month},7,2,MEDIUM,Seen after school`].join('\n'), 'hot-spots.csv');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check the rows' }).waitFor();
    await page.getByRole('button', { name: 'Import 1 report' }).click();
    await page.getByRole('heading', { name: 'Hot-spot reports imported' }).waitFor();
    const { rows } = await db.query<{ sightings: number; notes: string }>(
      `SELECT h.sightings, h.notes FROM hot_spot_report h JOIN location l ON l.id = h.location_id WHERE l.name = $1 AND h.month = $2`,
      [place.name, `${month}-01`],
    );
    expect(rows).toEqual([{ sightings: 7, notes: 'Seen after school' }]);
    expect(problems).toEqual([]);
  });
});
