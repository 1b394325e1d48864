import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS } from '../e2e/browser.js';
import { gql, hostileTextSuite, NAME, noScriptRan, PAYLOADS, visit } from './xss-support.js';

/**
 * Hostile text typed into every kind of record is stored exactly as typed and shown as text: no
 * script runs, no markup is interpreted, no SQL is executed.
 */
const baseUrl = inject('baseUrl');
const { db, browser, signedIn, signedInAs } = hostileTextSuite('xss.e2e.ts');

describe('the checks of hostile input', () => {
  it('fail on a page where a payload ran, became markup, or left a script element (with the CSP bypassed so a payload can run)', async () => {
    // Without the Content Security Policy, which would stop an inline handler from running at all.
    const context = await browser().newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await noScriptRan(page, 'a clean page');
    // As a component using innerHTML would: the image fails to load and its handler runs.
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), PAYLOADS.img);
    await page.waitForFunction(() => (window as unknown as { __xss?: number }).__xss === 1);
    await expect(noScriptRan(page, 'after a payload ran')).rejects.toThrow(/after a payload ran/);
    // Markup that has not run (yet): a javascript: link.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', `<a href="${html}">open</a>`), PAYLOADS.js);
    await expect(noScriptRan(page, 'a javascript: link')).rejects.toThrow(/injected markup/);
    // A script element holding a payload (inserted scripts do not run, but one in the page is a failure).
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.evaluate((code) => {
      const el = document.createElement('script');
      el.type = 'text/plain';
      el.textContent = code;
      document.body.append(el);
    }, PAYLOADS.script);
    await expect(noScriptRan(page, 'a script element')).rejects.toThrow(/a script element/);
    await context.close();
  });
});

describe('the Content Security Policy', () => {
  it('stops a payload that reached the page as markup from running, and reports it', async () => {
    const { context, page, problems } = await signedIn('ANALYST');
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), PAYLOADS.img);
    await expect.poll(() => problems.some((p) => p.startsWith('CSP:')), { timeout: 10_000 }).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await context.close();
  });
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

/** Agencies and users with hostile names, made by the administrator; used by the meeting below. */
const AGENCY_NAME = `${PAYLOADS.script}${PAYLOADS.svg} & Co`;
const USER_NAME = `${PAYLOADS.img}${PAYLOADS.attr}`;
const hostile = { agencyId: '', userId: '', email: `xss-lead-${Date.now()}@example.invalid`, temporaryPassword: '' };

describe('hostile input, continued', () => {
  it('in agency and user names is stored verbatim and shown as text on the admin pages and the user’s home page', async () => {
    const admin = await signedIn('ADMIN');
    const agency = await gql<{ createAgency: { id: string; name: string; version: number } }>(admin.page, `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id name version } }`, { i: { kind: 'OTHER', name: `${AGENCY_NAME}-draft` } });
    // Renamed, so the update path stores the hostile name too.
    const renamed = await gql<{ updateAgency: { name: string } }>(admin.page, `mutation($i: UpdateAgencyInput!) { updateAgency(input: $i) { name } }`, { i: { id: agency.createAgency.id, version: agency.createAgency.version, kind: 'OTHER', active: true, name: AGENCY_NAME } });
    expect(renamed.updateAgency.name).toBe(AGENCY_NAME);
    hostile.agencyId = agency.createAgency.id;
    const created = await gql<{ createUser: { temporaryPassword: string; user: { id: string; version: number } } }>(admin.page, `mutation($i: CreateUserInput!) { createUser(input: $i) { temporaryPassword user { id version } } }`, {
      i: { email: hostile.email, name: `${USER_NAME}-draft`, role: 'AGENCY_LEAD', agencyId: hostile.agencyId },
    });
    hostile.userId = created.createUser.user.id;
    await gql(admin.page, `mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }`, { i: { id: hostile.userId, version: created.createUser.user.version, name: USER_NAME, role: 'AGENCY_LEAD', agencyId: hostile.agencyId } });
    // Disabled and enabled again, with hostile reasons (kept in the audit log).
    await gql(admin.page, `mutation($i: SetUserStatusInput!) { setUserStatus(input: $i) { id } }`, { i: { id: hostile.userId, status: 'DISABLED', reason: `${PAYLOADS.script}${PAYLOADS.sql}` } });
    await gql(admin.page, `mutation($i: SetUserStatusInput!) { setUserStatus(input: $i) { id } }`, { i: { id: hostile.userId, status: 'ACTIVE', reason: PAYLOADS.text } });
    const reset = await gql<{ resetUserPassword: { temporaryPassword: string } }>(admin.page, `mutation($id: ID!) { resetUserPassword(id: $id) { temporaryPassword } }`, { id: hostile.userId });
    hostile.temporaryPassword = reset.resetUserPassword.temporaryPassword;

    const { rows: [stored] } = await db.query<{ name: string; agency: string }>(`SELECT u.name, a.name AS agency FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE u.id = $1`, [hostile.userId]);
    expect(stored).toEqual({ name: USER_NAME, agency: AGENCY_NAME });
    const read = await gql<{ user: { name: string; agency: { name: string } } }>(admin.page, `query($id: ID!) { user(id: $id) { name agency { name } } }`, { id: hostile.userId });
    expect(read.user).toEqual({ name: USER_NAME, agency: { name: AGENCY_NAME } });

    await visit(admin.page, '/admin/users', [USER_NAME, AGENCY_NAME]);
    await visit(admin.page, `/admin/users/${hostile.userId}`, [USER_NAME, AGENCY_NAME]);
    await visit(admin.page, '/admin/agencies', [AGENCY_NAME]);
    await visit(admin.page, `/admin/agencies/${hostile.agencyId}`, [AGENCY_NAME]);
    await visit(admin.page, '/admin/users/new', []);
    await admin.page.screenshot({ path: join(ARTIFACTS, 'xss-admin.png'), fullPage: true });
    expect(admin.problems).toEqual([]);
    await admin.context.close();

    const lead = await signedInAs(hostile.email, hostile.temporaryPassword);
    await visit(lead.page, '/', [USER_NAME, AGENCY_NAME]);
    await visit(lead.page, '/account', [USER_NAME]);
    expect(lead.problems).toEqual([]);
    await lead.context.close();
  });
});
