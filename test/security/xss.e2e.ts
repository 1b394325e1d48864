import { join } from 'node:path';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo-borough.js';
import { ARTIFACTS, launch, watchForProblems } from '../e2e/browser.js';

/**
 * Hostile text typed into every kind of record is stored exactly as typed and shown as text: no
 * script runs, no markup is interpreted, no SQL is executed.
 */
const baseUrl = inject('baseUrl');
const PAYLOADS = {
  img: `<img src=x onerror="window.__xss=(window.__xss||0)+1">`,
  script: `<script>window.__xss=(window.__xss||0)+1</script>`,
  sql: `Robert'); DROP TABLE young_person; --`,
  attr: `" autofocus onfocus="window.__xss=(window.__xss||0)+1" x="`,
};
const NAME = `${PAYLOADS.img}${PAYLOADS.sql}`;

let browser: Browser;
let db: pg.Client;

async function signedIn(role: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  // Any dialog would mean a script ran.
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(DEMO_USERS.find((u) => u.role === role)!.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { context, page, problems };
}

async function gql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await page.request.post(`${baseUrl}/graphql`, { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const noScriptRan = async (page: Page) => expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

beforeAll(async () => {
  browser = await launch();
  db = new pg.Client({ connectionString: inject('e2eDatabaseUrl') });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await browser.close();
});

describe('hostile input', () => {
  it('in a young person’s record is stored verbatim and shown as text on the list and their page', async () => {
    const { context, page, problems } = await signedIn('COORDINATOR');
    const created = await gql<{ createYoungPerson: { id: string } }>(page, `mutation($i: YoungPersonFields!) { createYoungPerson(input: $i) { id } }`, {
      i: { reference: `XSS-1${PAYLOADS.attr}`.slice(0, 50), firstName: NAME, lastName: PAYLOADS.script, dateOfBirth: '2011-01-01', gender: 'FEMALE', ethnicity: 'WHITE_BRITISH', legalStatus: 'CHILD_IN_NEED', educationStatus: 'IN_EDUCATION', presentation: 'CSE', school: PAYLOADS.attr },
    });
    const { rows } = await db.query<{ first_name: string; last_name: string; school: string }>(`SELECT first_name, last_name, school FROM young_person WHERE id = $1`, [created.createYoungPerson.id]);
    expect(rows[0]).toEqual({ first_name: NAME, last_name: PAYLOADS.script, school: PAYLOADS.attr });
    expect((await db.query(`SELECT count(*) FROM young_person`)).rows[0]).toBeDefined(); // the table is still there
    await page.goto(`${baseUrl}/list/${created.createYoungPerson.id}`);
    await page.getByText(PAYLOADS.script, { exact: false }).first().waitFor();
    await noScriptRan(page);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'xss-young-person.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('in police intelligence (names, aliases, descriptions, places) is shown as text on every page that holds it', async () => {
    const { context, page, problems } = await signedIn('POLICE');
    const poc = await gql<{ createPersonOfConcern: { id: string } }>(page, `mutation($i: PersonOfConcernFields!) { createPersonOfConcern(input: $i) { id } }`, {
      i: { firstName: PAYLOADS.img, lastName: PAYLOADS.sql, aliases: [PAYLOADS.script], approximateAge: 30, gender: 'MALE', category: 'PERSON_OF_CONCERN', status: 'INTELLIGENCE_ONLY', description: PAYLOADS.attr },
    });
    const place = await gql<{ createLocation: { location: { id: string } } }>(page, `mutation($i: CreateLocationInput!) { createLocation(input: $i) { location { id } } }`, {
      i: { name: `${PAYLOADS.script} Café`, type: 'ONLINE_PLATFORM' },
    });
    for (const path of [`/intelligence/people/${poc.createPersonOfConcern.id}`, `/intelligence/people?search=${encodeURIComponent('DROP TABLE')}`, `/intelligence/places/${place.createLocation.location.id}`, '/intelligence/places']) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      await noScriptRan(page);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
    }
    await page.goto(`${baseUrl}/intelligence/people/${poc.createPersonOfConcern.id}`);
    await page.getByText(PAYLOADS.script).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'xss-person-of-concern.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('in an agency return’s text is stored verbatim and shown as text to the lead and the co-chair', async () => {
    const { context, page, problems } = await signedIn('AGENCY_LEAD');
    // A month long before the demo's returns, so no earlier test has submitted it.
    const period = (() => {
      const d = new Date();
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 30, 1)).toISOString().slice(0, 7);
    })();
    const { rows: [lead] } = await db.query<{ agency_id: string }>(`SELECT agency_id FROM app_user WHERE role = 'AGENCY_LEAD' LIMIT 1`);
    const existing = await gql<{ agencyReturnFor: { version: number } | null }>(page, `query($a: ID!, $p: String!) { agencyReturnFor(agencyId: $a, period: $p) { version } }`, { a: lead.agency_id, p: period });
    await gql(page, `mutation($i: SaveReturnDraftInput!) { saveReturnDraft(input: $i) { id } }`, {
      i: { agencyId: lead.agency_id, period, version: existing.agencyReturnFor?.version ?? null, content: { measures: [], localities: [{ kind: 'GANG', description: PAYLOADS.img, locationId: null }], youngPeople: [], outcomes: PAYLOADS.script, blockages: [PAYLOADS.attr] } },
    });
    const { rows } = await db.query<{ outcomes: string }>(`SELECT content->>'outcomes' AS outcomes FROM agency_return WHERE agency_id = $1 AND period = $2`, [lead.agency_id, `${period}-01`]);
    expect(rows[0].outcomes).toBe(PAYLOADS.script);
    await page.goto(`${baseUrl}/returns/${period}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await noScriptRan(page);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'xss-return.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
    const { rows: [ret] } = await db.query<{ id: string }>(`SELECT id FROM agency_return WHERE agency_id = $1 AND period = $2`, [lead.agency_id, `${period}-01`]);
    const chair = await signedIn('CO_CHAIR');
    await chair.page.goto(`${baseUrl}/returns/view/${ret.id}`);
    await chair.page.getByText(PAYLOADS.script).first().waitFor();
    await noScriptRan(chair.page);
    expect(await chair.page.locator('img[src="x"]').count()).toBe(0);
    expect(chair.problems).toEqual([]);
    await chair.context.close();
  });
});
