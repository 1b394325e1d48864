import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo-borough.js';
import { DEMO_POLICE_SUMMARY } from '../../server/src/modules/demo/demo-intelligence.js';
import { ARTIFACTS, expectAccessible, launch, watchForProblems } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

const chair = DEMO_USERS.find((u) => u.role === 'CO_CHAIR')!;
const lead = DEMO_USERS.find((u) => u.role === 'AGENCY_LEAD')!;
const health = DEMO_AGENCIES.find((a) => a.kind === 'HEALTH')!;
const ACTION = 'Arrange a sexual health review and report back to the panel';

const londonDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const today = londonDay(new Date());
const inTwoWeeks = londonDay(new Date(Date.now() + 14 * 86_400_000));
/**
 * A day late next month: an agenda draws on the month before its meeting, so it can be generated for
 * a meeting next month but not further ahead. The demo borough's planned meeting is mid-month.
 */
function lateNextMonth(attempt: number): string {
  const [y, m] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m, 28 - attempt)).toISOString().slice(0, 10);
}

async function signIn(email: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { context, page, problems };
}

/** The places the Locations item lists: "Name (Ward): persistent hot spot, …". */
const hotSpotNames = async (page: Page) =>
  (await page.locator('[data-section="LOCATIONS"] [data-item-title="New and persistent hot spots"] .app-agenda-entry').allInnerTexts()).map((line) => /^(.*?)(?: \([^()]*\))?: (?:new|persistent) hot spot,/.exec(line)![1]);
const RAG_HEADERS = ['Month end', 'Red', 'Amber', 'Green', 'Not screened', 'On the list'];
/** The rows of the Themes chart's table, cell by cell (the table is opened first). */
async function chartTable(page: Page): Promise<string[][]> {
  const chart = page.locator('[data-section="THEMES"]').getByTestId('themes-chart');
  const details = chart.locator('details');
  if ((await details.getAttribute('open')) === null) await chart.getByText('Show table').click();
  const table = chart.getByRole('table', { name: 'The MASE list by RAG rating, month by month' });
  expect(await table.locator('thead th').allInnerTexts()).toEqual(RAG_HEADERS);
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').trim())));
}

const victimTitles = (page: Page) => page.locator('[data-section="VICTIMS"] [data-item-title]').evaluateAll((items) => items.map((i) => i.getAttribute('data-item-title')));

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('a MASE meeting, from scheduling to the agency lead’s update on an action', () => {
  let meetingUrl = '';

  it('lets the co-chair schedule a meeting, prepare and issue its agenda, download the pack and record a decision and an action', async () => {
    const { context, page, problems } = await signIn(chair.email);

    // The home page names the next meeting and links to it.
    const next = page.getByTestId('next-meeting');
    await next.waitFor();
    expect(await next.innerText()).toMatch(/Next MASE meeting/);
    await expectAccessible(page, 'co-chair home page');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await page.getByRole('button', { name: 'Schedule the next 12 monthly meetings' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'meetings-calendar.png'), fullPage: true });
    await expectAccessible(page, 'meetings calendar');

    // Where the demo borough has past meetings: a held one awaits its minutes, an approved one is locked.
    const held = page.locator('tr', { has: page.getByText('Held', { exact: true }) }).getByRole('link');
    if ((await held.count()) > 0) {
      await held.first().click();
      await page.getByRole('heading', { name: 'Write the minutes' }).waitFor();
      expect(await page.getByRole('button', { name: 'Approve the minutes' }).count()).toBe(1);
      await page.screenshot({ path: join(ARTIFACTS, 'meeting-held.png'), fullPage: true });
      await expectAccessible(page, 'held meeting');
      await page.getByRole('link', { name: 'All meetings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    }
    const approved = page.locator('tr', { has: page.getByText('Minutes approved', { exact: true }) }).getByRole('link');
    if ((await approved.count()) > 0) {
      await approved.first().click();
      await page.getByTestId('meeting-locked').waitFor();
      expect(await page.getByRole('button', { name: /Record|Save|Approve|Update progress|Resolve/ }).count()).toBe(0);
      await expectAccessible(page, 'meeting with approved minutes');
      await page.getByRole('link', { name: 'All meetings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    }

    // Schedule a meeting next month: a date is needed, and a day that already has one is refused.
    await page.getByRole('button', { name: 'Schedule a meeting' }).click();
    await page.getByRole('button', { name: 'Schedule the meeting' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Enter the date of the meeting' }).waitFor();
    await expectAccessible(page, 'schedule form with an error');
    let date = '';
    for (let attempt = 0; attempt < 4 && !date; attempt++) {
      const candidate = lateNextMonth(attempt);
      await page.getByLabel('Date', { exact: true }).fill(candidate);
      await page.getByLabel('Co-chair (local authority) (optional)').fill(chair.name);
      await page.getByLabel('Co-chair (police) (optional)').fill('DI Sam Rowe');
      await page.getByLabel('Venue (optional)').fill('Kingsmere Civic Centre, Room 2');
      await page.getByRole('button', { name: 'Schedule the meeting' }).click();
      const scheduled = page.getByText('Meeting scheduled for');
      const clash = page.getByRole('alert').getByText(`A meeting is already scheduled on ${candidate}`);
      await scheduled.or(clash).waitFor();
      if ((await scheduled.count()) > 0) date = candidate;
    }
    expect(date).not.toBe('');
    meetingUrl = page.url();
    expect(meetingUrl).toMatch(/\/meetings\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('meeting-header').innerText()).toMatch(/Planned/);

    // Attendance, agency by agency.
    await page.getByRole('button', { name: 'Record attendance' }).click();
    await page.getByLabel(`Attendance of ${health.name}`).selectOption({ label: 'Attended' });
    await page.getByLabel(`Representative of ${health.name}`).fill('Lead nurse for safeguarding');
    await page.getByRole('button', { name: 'Save the attendance' }).click();
    await page.getByText('1 of 1 agencies attended').waitFor();

    // Generate the agenda from the data: the sections in the panel's order, each item filled in.
    await page.getByRole('button', { name: 'Generate the agenda from the data' }).click();
    await page.getByRole('button', { name: 'Refresh from the data' }).waitFor();
    const sections = await page.locator('[data-section] > h3').allInnerTexts();
    expect(sections.slice(2, 6)).toEqual(['3. Victims', '4. Offenders', '5. Locations', '6. Themes, trends and patterns']);
    expect(await page.locator('[data-section="VICTIMS"] .app-agenda-entry').count()).toBeGreaterThan(0);
    // Young people appear by initials and reference, linked to their record.
    expect(await page.locator('[data-section="VICTIMS"] a[href^="/list/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-item-title="Attendance and apologies"]').innerText()).toContain(`${health.name}: Attending`);

    // 4. Offenders opens with the police's monthly report: its figures and its summary.
    const policeReport = page.locator('[data-item-title="The police monthly report"]');
    expect(await policeReport.innerText()).toMatch(/open investigations \d+; arrests \d+;/);
    expect(await policeReport.innerText()).toContain(DEMO_POLICE_SUMMARY);
    await page.locator('[data-section="OFFENDERS"]').screenshot({ path: join(ARTIFACTS, 'meeting-agenda-offenders.png') });

    // 5. Locations: the item's hot spots on the map, and the same places in the table under it.
    const hotSpots = page.getByTestId('hot-spot-figures');
    await hotSpots.waitFor();
    const names = await hotSpotNames(page);
    expect(names.length).toBeGreaterThan(0);
    const placeTable = hotSpots.getByRole('table', { name: /^Hot spots, / });
    expect((await placeTable.locator('tbody tr td:first-child').allInnerTexts()).sort()).toEqual([...names].sort());
    expect(await hotSpots.locator('.leaflet-wards-pane path.leaflet-interactive').count()).toBeGreaterThan(0);
    const markers = hotSpots.locator('.leaflet-overlay-pane path[role="button"][aria-label^="Location "]');
    await markers.first().waitFor();
    const marked = await markers.evaluateAll((els) => els.map((e) => /^Location (.+?): /.exec(e.getAttribute('aria-label') ?? '')?.[1] ?? ''));
    expect(marked.length).toBeGreaterThan(0);
    expect(names).toEqual(expect.arrayContaining(marked));
    // A hot spot is selected from the keyboard: its figures show beside the map.
    await markers.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => hotSpots.getByTestId('hot-spot-selected').locator('h5').innerText()).toBe(marked[0]);
    const markedRow = placeTable.locator('tbody tr', { has: page.getByRole('cell', { name: marked[0], exact: true }) });
    expect(await hotSpots.getByTestId('hot-spot-selected').innerText()).toContain(`${await markedRow.locator('td').nth(3).innerText()} incident`);
    expect(await hotSpots.getByTestId('figures-basis').innerText()).toBe('From the data as it stands: the figures are frozen when the agenda is issued.');
    await hotSpots.screenshot({ path: join(ARTIFACTS, 'meeting-agenda-hot-spots.png') });

    // 6. Themes: the key chart, the list by RAG rating over six months, with its table.
    const themes = page.locator('[data-section="THEMES"]').getByTestId('themes-chart');
    await themes.locator('.app-chart-bar').first().waitFor();
    expect(await themes.locator('.app-chart-bar').count()).toBeGreaterThan(0);
    const draftRows = await chartTable(page);
    expect(draftRows).toHaveLength(6);
    for (const row of draftRows) {
      const [red, amber, green, none, total] = row.slice(1).map(Number);
      expect(red + amber + green + none).toBe(total);
    }
    expect(draftRows.some((row) => Number(row[5]) > 0)).toBe(true);
    await themes.screenshot({ path: join(ARTIFACTS, 'meeting-agenda-themes-chart.png') });

    // Edit an item's notes.
    const red = page.locator('[data-item-title="Red (score 3)"]');
    await red.getByRole('button', { name: 'Edit Red (score 3)' }).click();
    await red.getByLabel('Notes (optional)').fill('Start with the two young people whose score rose this month.');
    await red.getByRole('button', { name: 'Save the item' }).click();
    await red.getByTestId('item-notes').waitFor();
    expect(await red.getByTestId('item-notes').innerText()).toBe('Start with the two young people whose score rose this month.');

    // Move it up, from the keyboard; focus stays with the item.
    const before = await victimTitles(page);
    const at = before.indexOf('Red (score 3)');
    expect(at).toBeGreaterThan(0);
    await red.getByRole('button', { name: 'Move up Red (score 3)' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => victimTitles(page)).toEqual([...before.slice(0, at - 1), 'Red (score 3)', before[at - 1], ...before.slice(at + 1)]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^move-(up|down)-/);
    await page.screenshot({ path: join(ARTIFACTS, 'meeting-agenda-draft.png'), fullPage: true });
    await expectAccessible(page, 'agenda being prepared');

    // Issue the agenda, after confirming: it is then frozen and read-only.
    await page.getByRole('button', { name: 'Issue the agenda' }).click();
    await page.getByRole('button', { name: 'Yes, issue the agenda' }).click();
    const frozen = page.getByTestId('agenda-frozen');
    await frozen.waitFor();
    expect(await frozen.innerText()).toMatch(/This agenda was frozen at \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}, when it was issued/);
    expect(await page.getByTestId('agenda').locator('button').count()).toBe(0);
    expect(await page.getByTestId('meeting-header').innerText()).toMatch(/Agenda issued/);
    // The map and the chart are frozen with it: the same figures, now as they stood at issue.
    expect(await page.getByTestId('figures-basis').allInnerTexts()).toEqual(['As the figures stood when the agenda was issued.', 'As the figures stood when the agenda was issued.']);
    expect(await chartTable(page)).toEqual(draftRows);
    const placesShown = async () => (await page.getByTestId('hot-spot-figures').getByRole('table', { name: /^Hot spots, / }).locator('tbody tr td:first-child').allInnerTexts()).sort();
    expect(await placesShown()).toEqual([...names].sort());
    // Data changed after issue does not move them: another place, reported in each of the item's three months, is a persistent hot spot now, but not on this agenda.
    const db = new pg.Client({ connectionString: inject('e2eDatabaseUrl') });
    await db.connect();
    try {
      const other = (await db.query<{ id: string }>(`SELECT id FROM location WHERE lat IS NOT NULL AND NOT (name = ANY($1)) ORDER BY name LIMIT 1`, [names])).rows[0];
      const added = await db.query<{ id: string }>(
        `INSERT INTO hot_spot_report (location_id, month, sightings, incidents, risk_level, version)
         SELECT $1, (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => n))::date, 9, 9, 'HIGH', 1 FROM generate_series(1, 3) AS n
         ON CONFLICT DO NOTHING RETURNING id`,
        [other.id],
      );
      expect(added.rowCount).toBeGreaterThan(0);
      try {
        await page.reload();
        await page.getByTestId('agenda-frozen').waitFor();
        await page.getByTestId('hot-spot-figures').getByRole('table', { name: /^Hot spots, / }).waitFor();
        expect(await placesShown()).toEqual([...names].sort());
        expect(await chartTable(page)).toEqual(draftRows);
      } finally {
        await db.query(`DELETE FROM hot_spot_report WHERE id = ANY($1)`, [added.rows.map((r) => r.id)]);
      }
    } finally {
      await db.end();
    }

    // What changed: since it was issued, and since the last meeting.
    await page.getByRole('tab', { name: 'Changes since issued' }).waitFor();
    await page.getByTestId('changes-issued').getByText(/Nothing in the data has changed|Added|Removed/).first().waitFor();
    await page.getByRole('tab', { name: 'Changes since the last meeting' }).click();
    await page.getByTestId('changes-last_meeting').getByText(/Added|Removed|Nothing has changed/).first().waitFor();
    expect(await page.getByRole('tab', { name: 'Changes since the last meeting' }).getAttribute('aria-selected')).toBe('true');

    // The meeting pack.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the meeting pack (PDF)' }).click()]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    await page.screenshot({ path: join(ARTIFACTS, 'meeting-agenda-issued.png'), fullPage: true });
    await expectAccessible(page, 'issued agenda');

    // A decision about a young person on the agenda.
    const person = page.getByLabel('Young person', { exact: true });
    const people = await person.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(people.length).toBeGreaterThan(0);
    await person.selectOption(people[0]);
    await page.getByLabel('Remain on the list').check();
    await page.getByLabel('Note (optional)').fill('Keep under review; the school reports better attendance.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText(/^Decision recorded: Remain on the list for /).waitFor();
    expect(await page.getByTestId('decisions').innerText()).toMatch(/Remain on the list\s+Keep under review/);

    // An action for the health agency due in two weeks; the owner is left out first and named by the form.
    await page.getByLabel('What is to be done').fill(ACTION);
    await page.getByLabel('Agency that owns it').selectOption({ label: health.name });
    await page.getByLabel('Due by').fill(inTwoWeeks);
    await page.getByRole('button', { name: 'Record the action' }).click();
    const problem = page.getByRole('alert').getByRole('link', { name: 'Name the person who owns the action' });
    await problem.waitFor();
    expect(await page.locator('#action-owner-error').innerText()).toContain('Name the person who owns the action');
    await page.screenshot({ path: join(ARTIFACTS, 'meeting-action-error.png'), fullPage: false });
    await expectAccessible(page, 'action form with an error');
    await problem.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('action-owner');
    await page.keyboard.type('Priya Natarajan');
    await page.getByRole('button', { name: 'Record the action' }).click();
    await page.getByText(`Action recorded: ${ACTION}`).waitFor();
    const card = page.locator(`li[data-action="${ACTION}"]`);
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Priya Natarajan, Kingsmere Community Health Trust/);

    await page.screenshot({ path: join(ARTIFACTS, 'meeting-decisions-actions.png'), fullPage: true });
    await expectAccessible(page, 'meeting with a decision and an action');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the agency lead the action on their home page, and lets them update it', async () => {
    expect(meetingUrl).not.toBe('');
    const { context, page, problems } = await signIn(lead.email);
    const panel = page.getByTestId('agency-actions');
    await panel.waitFor();
    const card = panel.locator(`li[data-action="${ACTION}"]`);
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Open/);
    expect(await card.innerText()).toContain('Priya Natarajan, Kingsmere Community Health Trust');
    await page.screenshot({ path: join(ARTIFACTS, 'meetings-home-agency-lead.png'), fullPage: true });
    await expectAccessible(page, 'agency lead home page with actions');

    await card.getByRole('button', { name: `Update progress on ${ACTION}` }).click();
    await card.getByLabel('Status').selectOption({ label: 'In progress' });
    await card.getByLabel('What has been done (optional)').fill('Appointment booked for next week.');
    await card.getByRole('button', { name: 'Save the update' }).click();
    await panel.getByText(`Your update on “${ACTION}” is saved.`).waitFor();
    await expect.poll(() => card.innerText()).toMatch(/In progress/);
    expect(await card.innerText()).toContain('Appointment booked for next week.');
    await expectAccessible(page, 'agency lead home page after the update');

    // The issued meeting, redacted for the agency lead: read-only, their agency's actions only.
    await page.goto(meetingUrl);
    await page.getByTestId('agenda-frozen').waitFor();
    expect(await page.getByTestId('agenda').locator('button').count()).toBe(0);
    expect(await page.locator('[data-testid="agenda"] a[href^="/list/"]').count()).toBe(0);
    // No map of the hot spots for the agency lead (as in the pack); the key chart, every count of 1 to 5 as c.
    // The police's figures reach them through disclosure control, their summary (intelligence detail) not at all.
    const policeReport = page.locator('[data-item-title="The police monthly report"]');
    expect(await policeReport.innerText()).toMatch(/open investigations (\d+|c); arrests (\d+|c);/);
    expect(await policeReport.innerText()).not.toContain(DEMO_POLICE_SUMMARY);
    await page.getByTestId('hot-spot-map-withheld').waitFor();
    expect(await page.getByTestId('agenda').locator('.leaflet-container').count()).toBe(0);
    const leadRows = await chartTable(page);
    expect(leadRows).toHaveLength(6);
    expect(leadRows.flatMap((r) => r.slice(1)).every((c) => c === 'c' || !/^[1-5]$/.test(c))).toBe(true);
    await page.locator('[data-section="LOCATIONS"]').screenshot({ path: join(ARTIFACTS, 'meeting-agency-lead-locations.png') });
    await page.locator('[data-section="THEMES"]').screenshot({ path: join(ARTIFACTS, 'meeting-agency-lead-themes.png') });
    await page.getByRole('heading', { name: 'Your agency’s actions' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'meeting-agency-lead.png'), fullPage: true });
    await expectAccessible(page, 'meeting for the agency lead');
    expect(problems).toEqual([]);
    await context.close();
  });
});
