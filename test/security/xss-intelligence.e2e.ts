import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../e2e/browser.js';
import { expectText, gql, hostileTextSuite, NAME, noScriptRan, PAYLOADS, visit } from './xss-support.js';

/**
 * Hostile text in police intelligence — a person of concern's record (created and corrected: names,
 * aliases, description, police reference, vehicles, phone numbers, addresses), a disruption's notes,
 * a place's new name, a hot-spot report's notes, the police's monthly narrative — is stored as typed
 * (police references upper case, registrations and phone numbers normalised, as the service says) and
 * shown as text to the police, the co-chair and the analyst. Hostile searches and filters (people of
 * concern, places, users, the audit log, the analysis dashboard's home ward) reach the database as
 * values and the pages show their results or empty states as text: no script runs, no markup is
 * interpreted, no SQL runs.
 */
const { db, signedIn } = hostileTextSuite('xss-intelligence.e2e.ts');

const stamp = Date.now() % 1_000_000;
const monthBack = (back: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
};
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const monthLabel = (month: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(new Date(`${month}-01T00:00:00Z`));

/** The record as first created: every free-text field hostile, within its length. */
const CREATED = {
  policeReference: `xsi-${stamp}${PAYLOADS.sql}`.slice(0, 50),
  firstName: PAYLOADS.svg,
  lastName: `XSI${stamp}${PAYLOADS.script}`,
  aliases: [PAYLOADS.attr, PAYLOADS.text],
  description: `${PAYLOADS.img}\n${PAYLOADS.formula}`,
  vehicles: [
    { registration: `'DROP TABLE--ab12cde`, make: PAYLOADS.img, colour: PAYLOADS.attr },
    { registration: `${PAYLOADS.svg}`.slice(0, 20), make: `${PAYLOADS.sql}`, colour: PAYLOADS.text },
  ],
  phoneNumbers: [`${PAYLOADS.cmd}7700900123`, `'); DROP TABLE p;--+44 7700 9`],
  addresses: [`${PAYLOADS.img}, 1 Quay Lane`, PAYLOADS.text],
};
/** As corrected: every field of the correction hostile, the reference already upper case (so kept exactly). */
const UPDATED = {
  policeReference: `XSU-${stamp}"><B>'); DROP TABLE POC; --`,
  firstName: NAME,
  lastName: `XSU${stamp}${PAYLOADS.svg}`,
  aliases: [PAYLOADS.script, PAYLOADS.js, PAYLOADS.text],
  description: `${PAYLOADS.attr}${PAYLOADS.sql}\n${PAYLOADS.cmd}`,
  vehicles: [{ registration: PAYLOADS.cmd, make: PAYLOADS.svg, colour: PAYLOADS.script }],
  phoneNumbers: [`${PAYLOADS.plus}7700900777`],
  addresses: [`${PAYLOADS.script}, Flat 2`, NAME],
};
const FIXED = { approximateAge: 34, gender: 'MALE', category: 'SUSPECTED_PERPETRATOR', status: 'UNDER_INVESTIGATION' };
/** What the service keeps: references upper case, registrations upper case letters and digits, phone numbers digits only. */
const STORED_CREATED = {
  police_reference: CREATED.policeReference.toUpperCase(),
  first_name: CREATED.firstName,
  last_name: CREATED.lastName,
  aliases: CREATED.aliases,
  description: CREATED.description,
  vehicles: [
    { registration: 'DROPTABLEAB12CDE', make: PAYLOADS.img, colour: PAYLOADS.attr },
    { registration: 'SVGONLOADWINDOW', make: PAYLOADS.sql, colour: PAYLOADS.text },
  ],
  phone_numbers: ['07700900123', '4477009'],
  addresses: CREATED.addresses,
};
const STORED_UPDATED = {
  police_reference: UPDATED.policeReference,
  first_name: UPDATED.firstName,
  last_name: UPDATED.lastName,
  aliases: UPDATED.aliases,
  description: UPDATED.description,
  vehicles: [{ registration: 'CMDCCALCA0', make: PAYLOADS.svg, colour: PAYLOADS.script }],
  phone_numbers: ['107700900777'],
  addresses: UPDATED.addresses,
};
const POC_COLUMNS = 'police_reference, first_name, last_name, aliases, description, vehicles, phone_numbers, addresses';
const POC_FIELDS = 'policeReference firstName lastName aliases description vehicles { registration make colour } phoneNumbers addresses';
const asApi = (s: typeof STORED_UPDATED) => ({
  policeReference: s.police_reference,
  firstName: s.first_name,
  lastName: s.last_name,
  aliases: s.aliases,
  description: s.description,
  vehicles: s.vehicles,
  phoneNumbers: s.phone_numbers,
  addresses: s.addresses,
});
const PERSON = `${UPDATED.firstName} ${UPDATED.lastName}`;

const DISRUPTION_NOTES = `${PAYLOADS.svg}${PAYLOADS.sql}${PAYLOADS.formula}`;
const PLACE_NAME = `${PAYLOADS.attr}${PAYLOADS.img} Café ${stamp}`;
const HOT_SPOT_NOTES = `${PAYLOADS.img}${PAYLOADS.at}${PAYLOADS.text}`;
const NARRATIVE = `${PAYLOADS.script}\n${PAYLOADS.attr}${PAYLOADS.text}`;
/** A month the demo has a police report for, long before any other test's. */
const POLICE_MONTH = monthBack(34);
const HOT_SPOT_MONTH = monthBack(0);

/** Searches within their 100 (people) and 200 (places, users) characters. */
const PEOPLE_NONE = `nobody-${stamp} ${PAYLOADS.svg}${PAYLOADS.sql}`.slice(0, 100);
const PEOPLE_BY_NAME = UPDATED.lastName;
/** Matches only by the digits of the corrected phone number. */
const PEOPLE_BY_PHONE = `'); DROP TABLE x; --107700900777`;
/** Matches only by the corrected registration, CMDCCALCA0. */
const PEOPLE_BY_VEHICLE = PAYLOADS.cmd;
const PLACES_NONE = `nowhere-${stamp}${PAYLOADS.script}${PAYLOADS.sql}`.slice(0, 200);
const PLACES_BY_NAME = `${PAYLOADS.img} Café ${stamp}`;
const USERS_NONE = `${PAYLOADS.img}%_\\${PAYLOADS.sql}${stamp}`.slice(0, 200);
const AUDIT = {
  action: `${PAYLOADS.script}`.slice(0, 100),
  actorLabel: `police@${PAYLOADS.img}%_`.slice(0, 200),
  entityType: `person_of_concern${PAYLOADS.sql}`.slice(0, 100),
};
const WARD = `${PAYLOADS.script}${PAYLOADS.sql} ${stamp}`.slice(0, 100);

const ids = { person: '', place: '', version: 0 };
const fieldValues = (page: Page) => page.evaluate(() => [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value));
const textOf = (page: Page, role: 'list' | 'table', name: string) => page.getByRole(role, { name }).first().evaluate((el) => el.textContent ?? '');

describe('hostile text in police intelligence', () => {
  it('is stored as the service says when the police record and correct a person of concern, a disruption, a place, a hot-spot report and the monthly report', async () => {
    const { context, page, problems } = await signedIn('POLICE');
    const created = await gql<{ createPersonOfConcern: { id: string; version: number } }>(page, `mutation($i: PersonOfConcernFields!) { createPersonOfConcern(input: $i) { id version } }`, { i: { ...FIXED, ...CREATED } });
    ids.person = created.createPersonOfConcern.id;
    const { rows: [first] } = await db.query(`SELECT ${POC_COLUMNS} FROM person_of_concern WHERE id = $1`, [ids.person]);
    expect(first).toEqual(STORED_CREATED);
    const updated = await gql<{ updatePersonOfConcern: { version: number } }>(page, `mutation($i: UpdatePersonOfConcernInput!) { updatePersonOfConcern(input: $i) { version } }`, {
      i: { id: ids.person, version: created.createPersonOfConcern.version, ...FIXED, status: 'ARRESTED', ...UPDATED },
    });
    expect(updated.updatePersonOfConcern.version).toBeGreaterThan(created.createPersonOfConcern.version);
    const { rows: [second] } = await db.query(`SELECT ${POC_COLUMNS} FROM person_of_concern WHERE id = $1`, [ids.person]);
    expect(second).toEqual(STORED_UPDATED);
    const read = await gql<{ personOfConcern: unknown }>(page, `query($id: ID!) { personOfConcern(id: $id) { ${POC_FIELDS} } }`, { id: ids.person });
    expect(read.personOfConcern).toEqual(asApi(STORED_UPDATED));

    // A disruption with hostile notes.
    await gql(page, `mutation($i: RecordDisruptionInput!) { recordDisruption(input: $i) { id } }`, { i: { personOfConcernId: ids.person, type: 'CAWN', date: daysAgo(2), notes: DISRUPTION_NOTES } });
    const { rows: disruptions } = await db.query<{ notes: string }>(`SELECT notes FROM disruption_action WHERE person_of_concern_id = $1`, [ids.person]);
    expect(disruptions.map((d) => d.notes)).toEqual([DISRUPTION_NOTES]);

    // A place, renamed with a hostile name and moved into a ward of the demo borough (to a point no other test's place is at).
    const place = await gql<{ createLocation: { location: { id: string; version: number } } }>(page, `mutation($i: CreateLocationInput!) { createLocation(input: $i) { location { id version } } }`, {
      i: { name: `xsi-place-${stamp}`, type: 'FAST_FOOD_OUTLET', lat: 54.3391, lng: 2.2417 },
    });
    ids.place = place.createLocation.location.id;
    const renamed = await gql<{ updateLocation: { location: { name: string; ward: { code: string } | null } } }>(
      page,
      `mutation($i: UpdateLocationInput!) { updateLocation(input: $i) { location { name ward { code } } } }`,
      { i: { id: ids.place, version: place.createLocation.location.version, name: PLACE_NAME, type: 'FAST_FOOD_OUTLET', lat: 54.3437, lng: 2.2583 } },
    );
    expect(renamed.updateLocation.location.name).toBe(PLACE_NAME);
    expect(renamed.updateLocation.location.ward?.code).toMatch(/^KGM-W\d\d$/);
    const { rows: [storedPlace] } = await db.query<{ name: string }>(`SELECT name FROM location WHERE id = $1`, [ids.place]);
    expect(storedPlace.name).toBe(PLACE_NAME);

    // Its hot-spot report this month, with hostile notes.
    const report = await gql<{ recordHotSpotReport: { id: string; notes: string } }>(page, `mutation($i: HotSpotReportInput!) { recordHotSpotReport(input: $i) { id notes } }`, {
      i: { locationId: ids.place, month: HOT_SPOT_MONTH, sightings: 2, incidents: 0, riskLevel: 'LOW', notes: HOT_SPOT_NOTES },
    });
    expect(report.recordHotSpotReport.notes).toBe(HOT_SPOT_NOTES);
    const { rows: [storedReport] } = await db.query<{ notes: string }>(`SELECT notes FROM hot_spot_report WHERE id = $1`, [report.recordHotSpotReport.id]);
    expect(storedReport.notes).toBe(HOT_SPOT_NOTES);

    // The person frequents the place: both show on each other's page and in the network.
    const { rows: [police] } = await db.query<{ id: string }>(`SELECT id FROM agency WHERE kind = 'POLICE' LIMIT 1`);
    await gql(page, `mutation($i: RecordLinkInput!) { recordLink(input: $i) { merged } }`, {
      i: { fromKind: 'PERSON_OF_CONCERN', fromId: ids.person, toKind: 'LOCATION', toId: ids.place, type: 'FREQUENTS', sourceAgencyId: police.id, firstSeen: daysAgo(30), lastSeen: daysAgo(2), sourceGrade: 2, intelligenceGrade: 'B', handling: 'P' },
    });

    // The monthly report the demo holds for a month long ago, corrected with a hostile narrative.
    const range = { from: POLICE_MONTH, to: POLICE_MONTH };
    // The figures are kept as the demo has them, so the dashboards of other tests count the same.
    const FIGURES = 'openInvestigations arrests charges convictions cawns orders otherDisruptions';
    type Report = { version: number } & Record<string, number>;
    const before = await gql<{ policeReports: Report[] }>(page, `query($r: MonthRangeInput!) { policeReports(range: $r) { version ${FIGURES} } }`, { r: range });
    expect(before.policeReports).toHaveLength(1);
    const { version, ...figures } = before.policeReports[0];
    const recorded = await gql<{ recordPoliceReport: Report & { id: string; narrative: string } }>(
      page,
      `mutation($i: PoliceReportInput!) { recordPoliceReport(input: $i) { id narrative ${FIGURES} } }`,
      { i: { month: POLICE_MONTH, ...figures, narrative: NARRATIVE, version } },
    );
    expect(recorded.recordPoliceReport).toMatchObject({ ...figures, narrative: NARRATIVE });
    const { rows: [storedNarrative] } = await db.query<{ narrative: string }>(`SELECT narrative FROM police_report WHERE id = $1`, [recorded.recordPoliceReport.id]);
    expect(storedNarrative.narrative).toBe(NARRATIVE);

    // Read back as recorded.
    const back = await gql<{ location: { name: string }; hotSpotReports: { notes: string | null }[]; personOfConcern: { disruptions: { notes: string }[] } }>(
      page,
      `query($id: ID!, $p: ID!, $r: MonthRangeInput!) { location(id: $id) { name } hotSpotReports(locationId: $id, range: $r) { notes } personOfConcern(id: $p) { disruptions { notes } } }`,
      { id: ids.place, p: ids.person, r: { from: HOT_SPOT_MONTH, to: HOT_SPOT_MONTH } },
    );
    expect(back).toEqual({ location: { name: PLACE_NAME }, hotSpotReports: [{ notes: HOT_SPOT_NOTES }], personOfConcern: { disruptions: [{ notes: DISRUPTION_NOTES }] } });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is shown as text to the police on the person’s page, their form, the place’s page and form, the hot-spot report and the monthly report', async () => {
    const { context, page, problems } = await signedIn('POLICE');
    const vehicle = STORED_UPDATED.vehicles.map((v) => `${v.registration}, ${v.colour} ${v.make}`);
    const shown = [PERSON, UPDATED.policeReference, ...UPDATED.aliases, UPDATED.description, ...vehicle, ...STORED_UPDATED.phone_numbers, ...UPDATED.addresses, DISRUPTION_NOTES, PLACE_NAME];
    await visit(page, `/intelligence/people/${ids.person}`, shown);
    expect(await textOf(page, 'table', 'Disruptions, newest first')).toContain(DISRUPTION_NOTES);
    expect(await textOf(page, 'list', 'Chronology, newest first')).toContain(`Child abduction warning notice: ${DISRUPTION_NOTES}`);
    await page.screenshot({ path: join(ARTIFACTS, 'xss-intelligence-person.png'), fullPage: true });

    // The correction form holds every value as stored, in its boxes.
    await visit(page, `/intelligence/people/${ids.person}/edit`, [`Change ${PERSON}`]);
    await expect
      .poll(() => fieldValues(page))
      .toEqual(
        expect.arrayContaining([
          UPDATED.policeReference,
          UPDATED.firstName,
          UPDATED.lastName,
          ...UPDATED.aliases,
          UPDATED.description,
          ...STORED_UPDATED.vehicles.flatMap((v) => [v.registration, v.make, v.colour]),
          ...STORED_UPDATED.phone_numbers,
          ...UPDATED.addresses,
        ]),
      );

    await visit(page, `/intelligence/places/${ids.place}`, [PLACE_NAME, HOT_SPOT_NOTES, PERSON]);
    expect(await textOf(page, 'list', 'Chronology, newest first')).toContain(HOT_SPOT_NOTES);
    await page.screenshot({ path: join(ARTIFACTS, 'xss-intelligence-place.png'), fullPage: true });
    await visit(page, `/intelligence/places/${ids.place}/edit`, [`Change ${PLACE_NAME}`]);
    await expect.poll(() => fieldValues(page)).toContain(PLACE_NAME);
    await visit(page, `/intelligence/places/${ids.place}/hot-spot-report?month=${HOT_SPOT_MONTH}`, [`Correct the hot-spot report for ${monthLabel(HOT_SPOT_MONTH)}`, PLACE_NAME]);
    await expect.poll(() => page.getByLabel('Notes (optional)').inputValue()).toBe(HOT_SPOT_NOTES);

    await visit(page, `/intelligence/police-report?month=${POLICE_MONTH}`, [`Correct the police report for ${monthLabel(POLICE_MONTH)}`]);
    await expect.poll(() => page.getByLabel('Summary (optional)').inputValue()).toBe(NARRATIVE);
    await noScriptRan(page, 'the police report with a hostile narrative');
    await visit(page, '/intelligence/police-report', ['Police monthly report']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is shown as text to the co-chair and the analyst on the person’s and place’s pages, the network and the hot-spot map', async () => {
    const chair = await signedIn('CO_CHAIR');
    await visit(chair.page, `/intelligence/people/${ids.person}`, [PERSON, UPDATED.policeReference, UPDATED.description, ...UPDATED.addresses, DISRUPTION_NOTES, PLACE_NAME]);
    await visit(chair.page, `/intelligence/places/${ids.place}`, [PLACE_NAME, HOT_SPOT_NOTES, PERSON]);
    await visit(chair.page, '/intelligence/network', []);
    await chair.page.locator('.app-network-nodes summary').click();
    await expectText(chair.page, [PERSON, PLACE_NAME], 'the network’s every node');
    await noScriptRan(chair.page, 'the network');
    await chair.page.screenshot({ path: join(ARTIFACTS, 'xss-intelligence-network.png'), fullPage: true });
    // The monthly report is the police's form only; the co-chair reads the narrative through the API, as stored.
    await visit(chair.page, `/intelligence/police-report?month=${POLICE_MONTH}`, ['You do not have access to this page']);
    const reports = await gql<{ policeReports: { narrative: string }[] }>(chair.page, `query($r: MonthRangeInput!) { policeReports(range: $r) { narrative } }`, { r: { from: POLICE_MONTH, to: POLICE_MONTH } });
    expect(reports.policeReports).toEqual([{ narrative: NARRATIVE }]);
    expect(chair.problems).toEqual([]);
    await chair.context.close();

    const analyst = await signedIn('ANALYST');
    await visit(analyst.page, `/intelligence/people/${ids.person}`, [PERSON, ...UPDATED.aliases, DISRUPTION_NOTES]);
    await visit(analyst.page, `/intelligence/places/${ids.place}`, [PLACE_NAME, HOT_SPOT_NOTES]);
    await visit(analyst.page, '/intelligence/map', []);
    const row = analyst.page.getByRole('table', { name: 'Locations', exact: true }).getByRole('row').filter({ hasText: PLACE_NAME });
    await row.first().waitFor();
    await row.first().getByRole('button').first().click();
    await analyst.page.getByRole('region', { name: 'Selected on the map' }).getByRole('heading', { level: 2 }).filter({ hasText: PLACE_NAME }).waitFor();
    await expectText(analyst.page, [PLACE_NAME, PERSON], 'the map with the place selected');
    await analyst.page.waitForLoadState('networkidle');
    await noScriptRan(analyst.page, 'the hot-spot map');
    await analyst.page.screenshot({ path: join(ARTIFACTS, 'xss-intelligence-map.png'), fullPage: true });
    expect(analyst.problems).toEqual([]);
    await analyst.context.close();
  });
});

describe('hostile searches and filters', () => {
  it('typed into the people-of-concern and places lists show their result or empty state as text, and match as values', async () => {
    const { context, page, problems } = await signedIn('POLICE');
    await visit(page, '/intelligence/people', ['People of concern']);
    const box = page.getByLabel('Search by name, alias, vehicle or phone');
    const search = page.getByRole('button', { name: 'Search', exact: true });
    await box.fill(PEOPLE_NONE);
    await search.click();
    await page.getByText('Nobody matches this search. Clear the filters to see everyone.').waitFor();
    expect(await box.inputValue()).toBe(PEOPLE_NONE);
    await page.waitForLoadState('networkidle');
    await noScriptRan(page, 'people of concern searched');
    await page.screenshot({ path: join(ARTIFACTS, 'xss-intelligence-people-search.png'), fullPage: true });
    await box.fill(PEOPLE_BY_NAME);
    await search.click();
    const rows = page.locator('table tbody tr');
    await rows.filter({ hasText: PERSON }).first().waitFor();
    expect(await rows.count(), 'only the person whose name holds the search').toBe(1);
    await noScriptRan(page, 'people of concern searched by a hostile name');

    type People = { peopleOfConcern: { nodes: { id: string }[] } };
    const PEOPLE = `query($f: PeopleOfConcernFilter) { peopleOfConcern(filter: $f) { nodes { id } } }`;
    expect((await gql<People>(page, PEOPLE, { f: { search: PEOPLE_NONE } })).peopleOfConcern.nodes).toEqual([]);
    expect((await gql<People>(page, PEOPLE, { f: { search: PEOPLE_BY_NAME } })).peopleOfConcern.nodes.map((n) => n.id)).toEqual([ids.person]);
    expect((await gql<People>(page, PEOPLE, { f: { search: PEOPLE_BY_PHONE } })).peopleOfConcern.nodes.map((n) => n.id)).toEqual([ids.person]);
    expect((await gql<People>(page, PEOPLE, { f: { search: PEOPLE_BY_VEHICLE } })).peopleOfConcern.nodes.map((n) => n.id)).toContain(ids.person);

    await visit(page, '/intelligence/places', ['Places']);
    const placeBox = page.getByLabel('Search by name');
    await placeBox.fill(PLACES_NONE);
    await search.click();
    await page.getByText('No places match this search. Clear the filters to see every place.').waitFor();
    expect(await placeBox.inputValue()).toBe(PLACES_NONE);
    await page.waitForLoadState('networkidle');
    await noScriptRan(page, 'places searched');
    await placeBox.fill(PLACES_BY_NAME);
    await search.click();
    await rows.filter({ hasText: PLACE_NAME }).first().waitFor();
    expect(await rows.count(), 'only the place whose name holds the search').toBe(1);
    await noScriptRan(page, 'places searched by a hostile name');
    type Places = { locations: { nodes: { id: string; name: string }[] } };
    const PLACES = `query($f: LocationsFilter) { locations(filter: $f) { nodes { id name } } }`;
    expect((await gql<Places>(page, PLACES, { f: { search: PLACES_NONE } })).locations.nodes).toEqual([]);
    expect((await gql<Places>(page, PLACES, { f: { search: PLACES_BY_NAME } })).locations.nodes).toEqual([{ id: ids.place, name: PLACE_NAME }]);
    expect(problems).toEqual([]);
    await context.close();

    // The people-of-concern searches are audited with their filter: the audit log shows it as text.
    const { rows: audited } = await db.query<{ search: string }>(
      `SELECT details->'filter'->>'search' AS search FROM audit_event WHERE action = 'person_of_concern.list_viewed' AND details->'filter'->>'search' = ANY($1::text[])`,
      [[PEOPLE_NONE, PEOPLE_BY_NAME, PEOPLE_BY_PHONE]],
    );
    expect(new Set(audited.map((r) => r.search))).toEqual(new Set([PEOPLE_NONE, PEOPLE_BY_NAME, PEOPLE_BY_PHONE]));
  });

  it('typed into the users list and the audit log’s filters show their empty state as text and match nothing', async () => {
    const { context, page, problems } = await signedIn('ADMIN');
    await visit(page, '/admin/users', ['Users']);
    const box = page.getByLabel('Name or email contains');
    await box.fill(USERS_NONE);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No users match these filters. Clear the filters to see all users.').waitFor();
    expect(await box.inputValue()).toBe(USERS_NONE);
    await page.waitForLoadState('networkidle');
    await noScriptRan(page, 'users searched');
    const users = await gql<{ users: { nodes: { id: string }[] } }>(page, `query($f: UsersFilter) { users(filter: $f) { nodes { id } } }`, { f: { search: USERS_NONE } });
    expect(users.users.nodes).toEqual([]);

    await visit(page, '/admin/audit', ['Audit log']);
    await page.getByLabel('Actor email contains').fill(AUDIT.actorLabel);
    await page.getByLabel('Entity type (like user or agency)').fill(AUDIT.entityType);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No audit events match these filters. Clear the filters to see all events.').waitFor();
    expect(await page.getByLabel('Actor email contains').inputValue()).toBe(AUDIT.actorLabel);
    expect(await page.getByLabel('Entity type (like user or agency)').inputValue()).toBe(AUDIT.entityType);
    await page.waitForLoadState('networkidle');
    await noScriptRan(page, 'the audit log filtered');
    await page.screenshot({ path: join(ARTIFACTS, 'xss-intelligence-audit-empty.png'), fullPage: true });
    // The action is chosen from a list in the page; through the API a hostile one matches nothing, alone or with the others.
    type Events = { auditEvents: { nodes: { seq: string }[] } };
    const EVENTS = `query($f: AuditFilterInput) { auditEvents(filter: $f) { nodes { seq } } }`;
    expect((await gql<Events>(page, EVENTS, { f: AUDIT })).auditEvents.nodes).toEqual([]);
    for (const key of ['action', 'actorLabel', 'entityType'] as const) expect((await gql<Events>(page, EVENTS, { f: { [key]: AUDIT[key] } })).auditEvents.nodes, key).toEqual([]);

    // The hostile people-of-concern search, in the details of the event that audited it.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Action').selectOption('person_of_concern.list_viewed');
    await page.getByLabel('Actor email contains').fill('police@');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expectText(page, [`"search":${JSON.stringify(PEOPLE_NONE)}`, `"search":${JSON.stringify(PEOPLE_BY_NAME)}`], 'the audit log of people-of-concern searches');
    await page.waitForLoadState('networkidle');
    await noScriptRan(page, 'the audit log of people-of-concern searches');
    await page.locator('tr').filter({ hasText: 'nobody-' }).first().screenshot({ path: join(ARTIFACTS, 'xss-intelligence-audit-search.png') });
    expect(problems).toEqual([]);
    await context.close();
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user`)).rows[0].n).toBeGreaterThan(0);
  });

  it('as a home ward in the analysis dashboard’s and trends’ addresses is shown as text and counts nobody', async () => {
    const { context, page, problems } = await signedIn('ANALYST');
    const from = monthBack(11);
    const to = monthBack(0);
    const query = `from=${from}&to=${to}&ward=${encodeURIComponent(WARD)}`;
    await visit(page, `/analysis?${query}`, [`home ward: ${WARD}`, 'Nobody was on the MASE list from']);
    // The ward is offered, ticked, among the filter's choices (open while a filter is in force), by its text.
    expect(await page.locator('details.app-analysis-filters__people').getAttribute('open')).not.toBeNull();
    await expect.poll(() => page.getByRole('checkbox', { name: WARD, exact: true }).isChecked()).toBe(true);
    // Applied again from the form: the address keeps it encoded, the page still shows it as text.
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expectText(page, [`home ward: ${WARD}`], 'the dashboard filtered again');
    expect(new URL(page.url()).searchParams.getAll('ward')).toEqual([WARD]);
    expect(page.url(), 'the address holds no raw markup').not.toMatch(/[<>"]/);
    await page.waitForLoadState('networkidle');
    await noScriptRan(page, 'the dashboard with a hostile ward');
    await page.screenshot({ path: join(ARTIFACTS, 'xss-intelligence-analysis.png'), fullPage: true });
    await visit(page, `/analysis/trends?${query}`, [`home ward: ${WARD}`]);
    await page.screenshot({ path: join(ARTIFACTS, 'xss-intelligence-trends.png'), fullPage: true });

    const profile = await gql<{ victimProfile: { totals: { count: { value: number | null } }[] } }>(
      page,
      `query($f: AnalyticsFilter!) { victimProfile(filter: $f, dimensions: [WARD]) { totals { count { value } } } }`,
      { f: { from, to, ward: [WARD] } },
    );
    expect(profile.victimProfile.totals.length).toBe(12);
    expect(profile.victimProfile.totals.every((t) => t.count.value === 0)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();

    // Every table the payloads name or touch is still there.
    const { rows: [tables] } = await db.query<Record<string, string | null>>(
      `SELECT to_regclass('public.young_person')::text AS a, to_regclass('public.person_of_concern')::text AS b, to_regclass('public.location')::text AS c, to_regclass('public.app_user')::text AS d, to_regclass('public.audit_event')::text AS e`,
    );
    expect(Object.values(tables).every((t) => t !== null)).toBe(true);
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM person_of_concern`)).rows[0].n).toBeGreaterThan(1);
  });
});
