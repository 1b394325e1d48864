import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo-borough.js';
import { ARTIFACTS, expectAccessible, launch, watchForProblems } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

const emailOf = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;

async function signIn(role: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(emailOf(role));
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { context, page, problems };
}

/** Days before today (UTC), yyyy-mm-dd. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const monthOf = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).format(date).slice(0, 7);
const thisMonth = monthOf(new Date());
const lastMonth = (() => {
  const [y, m] = thisMonth.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();
const monthLabel = (month: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(new Date(`${month}-01T00:00:00Z`));

const summary = (page: Page) => page.locator('.govuk-error-summary').first();
const flash = (page: Page) => page.locator('.govuk-notification-banner--success');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('the police record intelligence through the forms', () => {
  let police: Awaited<ReturnType<typeof signIn>>;
  let personUrl = '';
  let placeUrl = '';

  beforeAll(async () => {
    police = await signIn('POLICE');
  });
  afterAll(async () => {
    expect(police.problems).toEqual([]);
    await police.context.close();
  });

  it('adds a person of concern, correcting a mistake the form points out, with repeatable lists', async () => {
    const { page } = police;
    await page.goto(`${baseUrl}/intelligence`);
    await page.getByRole('heading', { name: 'Record intelligence' }).waitFor();
    await page.getByRole('button', { name: 'Add a person of concern' }).click();
    await page.getByRole('heading', { name: 'Add a person of concern' }).waitFor();
    await expectAccessible(page, 'new person of concern');

    // Everything but a name or alias: the form says what is missing and keeps what was typed.
    await page.getByLabel('Police reference (optional)').fill('km-n4101');
    await page.getByLabel('An approximate age').check();
    await page.getByLabel('Approximate age in years').fill('32');
    await page.getByLabel('Gender').selectOption('MALE');
    await page.getByLabel('Description (optional)').fill('Tall, shaved head, tattoo of a swallow on the left hand.');
    await page.getByRole('button', { name: 'Add a vehicle' }).click();
    // The new vehicle's first box takes the keyboard focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('vehicles-0-registration');
    await page.getByLabel('Registration').fill('kx19 ab');
    await page.getByLabel('Make and model (optional)').fill('Ford Focus');
    await page.getByLabel('Colour (optional)').fill('Grey');
    await page.getByLabel('Phone number 1').fill('07700 900461');
    await page.getByLabel('Address 1').fill('Flat 3, 14 Quayside Walk');
    await page.getByLabel('Suspected perpetrator').check();
    await page.getByLabel('Under investigation').check();
    await page.getByRole('button', { name: 'Add person of concern' }).click();

    await summary(page).getByText('Enter a name, or at least one alias or nickname').waitFor();
    expect(await page.getByLabel('Approximate age in years').inputValue()).toBe('32');
    expect(await page.getByLabel('Registration').inputValue()).toBe('kx19 ab');
    await page.screenshot({ path: join(ARTIFACTS, 'person-of-concern-form-error.png'), fullPage: true });
    await expectAccessible(page, 'person of concern form with errors');
    // The summary's link takes the keyboard to the field.
    await summary(page).getByRole('link', { name: 'Enter a name, or at least one alias or nickname' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('firstName');

    await page.getByLabel('First name (optional)').fill('Dalton');
    await page.getByLabel('Last name (optional)').fill('Vexmoor');
    await page.getByLabel('Alias or nickname 1').fill('Dex');
    await page.getByRole('button', { name: 'Add another alias or nickname' }).click();
    await page.getByLabel('Alias or nickname 2').fill('DV');
    await page.getByRole('button', { name: 'Add person of concern' }).click();

    // The server refuses a police reference another person has; the problem shows beside the box, nothing typed is lost.
    await summary(page).getByRole('link', { name: 'A person of concern with police reference KM-N4101 is already recorded' }).waitFor();
    expect(await page.locator('#policeReference-error').innerText()).toContain('KM-N4101 is already recorded');
    expect(await page.getByLabel('Alias or nickname 2').inputValue()).toBe('DV');
    expect(await page.getByLabel('Make and model (optional)').inputValue()).toBe('Ford Focus');
    await page.getByLabel('Police reference (optional)').fill('KM-N9901');
    await page.getByRole('button', { name: 'Add person of concern' }).click();

    await page.getByRole('heading', { level: 1, name: 'Dalton Vexmoor' }).waitFor();
    personUrl = page.url();
    expect(await flash(page).innerText()).toContain('Dalton Vexmoor has been added.');
    const details = page.locator('.govuk-summary-list').first();
    expect(await details.innerText()).toMatch(/Dex[\s\S]*DV/);
    expect(await details.innerText()).toContain('KX19AB, Grey Ford Focus');
    expect(await details.innerText()).toContain('07700900461');
    expect(await details.innerText()).toContain('Flat 3, 14 Quayside Walk');
    expect(await details.innerText()).toContain('Under investigation');
    expect(await details.innerText()).toContain('KM-N9901');
  });

  it('changes them, and on a clash with someone else keeps what was typed and offers to reload', async () => {
    const { page, context } = police;
    await page.getByRole('button', { name: 'Change details' }).click();
    await page.getByRole('heading', { name: 'Change Dalton Vexmoor' }).waitFor();
    await expectAccessible(page, 'edit person of concern');
    await page.getByRole('button', { name: 'Remove alias or nickname 2' }).click();
    await page.getByRole('button', { name: 'Add another phone number' }).click();
    await page.getByLabel('Phone number 2').fill('07700 900999');
    await page.getByLabel('Arrested').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dalton Vexmoor' }).waitFor();
    expect(await flash(page).innerText()).toContain('Changes to Dalton Vexmoor have been saved.');
    const details = await page.locator('.govuk-summary-list').first().innerText();
    expect(details).toContain('Arrested');
    expect(details).toContain('07700900999');
    expect(details).not.toMatch(/\bDV\b/);

    // Two officers open the same record; the second to save is told, and loses nothing typed.
    const editUrl = `${personUrl}/edit`;
    const other = await context.newPage();
    await other.goto(editUrl);
    await page.goto(editUrl);
    await other.getByLabel('Description (optional)').fill('Seen with a black rucksack.');
    await other.getByRole('button', { name: 'Save changes' }).click();
    await other.getByRole('heading', { level: 1, name: 'Dalton Vexmoor' }).waitFor();
    await other.close();

    await page.getByLabel('Charged', { exact: true }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await summary(page).getByText(/Someone else changed this person of concern/).waitFor();
    expect(await page.getByLabel('Charged', { exact: true }).isChecked()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'person-of-concern-conflict.png'), fullPage: true });
    await page.getByRole('button', { name: 'Reload this person of concern' }).click();
    await expect.poll(() => page.getByLabel('Description (optional)').inputValue()).toBe('Seen with a black rucksack.');
    expect(await page.getByLabel('Arrested').isChecked()).toBe(true);
    await page.getByLabel('Charged', { exact: true }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dalton Vexmoor' }).waitFor();
    expect(await page.locator('.govuk-summary-list').first().innerText()).toContain('Charged');
  });

  it('records a disruption on the person of concern page', async () => {
    const { page } = police;
    await page.goto(personUrl);
    const form = page.getByRole('form', { name: 'Record a disruption' });
    await form.waitFor();
    await form.getByLabel('Date', { exact: true }).fill('2099-01-01');
    await form.getByRole('button', { name: 'Record the disruption' }).click();
    await form.getByText('Choose the type of disruption').first().waitFor();
    expect(await form.locator('.govuk-error-summary').innerText()).toContain('The date of a disruption cannot be in the future');
    await form.getByLabel('Child abduction warning notice (CAWN)').check();
    await form.getByLabel('Date', { exact: true }).fill(daysAgo(3));
    await form.getByLabel('Notes (optional)').fill('Served at the address; valid until the young person turns 18.');
    await expectAccessible(page, 'disruption form');
    await form.getByRole('button', { name: 'Record the disruption' }).click();
    await page.getByText('Child abduction warning notice (CAWN) recorded').waitFor();
    const table = page.getByRole('table', { name: 'Disruptions, newest first' });
    await table.getByText('Served at the address').waitFor();
    expect(await table.innerText()).toContain('Child abduction warning notice');
    await page.screenshot({ path: join(ARTIFACTS, 'person-of-concern-recorded.png'), fullPage: true });
  });

  it('adds a place outside the borough (saved with a warning), then moves it into a ward', async () => {
    const { page } = police;
    await page.goto(`${baseUrl}/intelligence/places`);
    await page.getByRole('button', { name: 'Add a place' }).click();
    await page.getByRole('heading', { name: 'Add a place' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Bus shelter, Quayside Walk');
    await page.getByLabel('Type of place').selectOption('TRANSPORT_HUB');
    await page.getByLabel('Latitude').fill('55.1');
    await page.getByLabel('Longitude').fill('north');
    await page.getByRole('button', { name: 'Add place' }).click();
    await summary(page).getByText('Enter the longitude as a decimal number of degrees, for example -2.1045').waitFor();
    await expectAccessible(page, 'new place with an error');
    await page.getByLabel('Longitude').fill('2.9');
    await page.getByRole('button', { name: 'Add place' }).click();

    await page.getByRole('heading', { level: 1, name: 'Bus shelter, Quayside Walk' }).waitFor();
    placeUrl = page.url();
    expect(await page.locator('.govuk-warning-text').first().innerText()).toContain('The point is outside every imported ward');
    expect(await flash(page).innerText()).toContain('It is not in any imported ward.');
    expect(await page.locator('.govuk-summary-list').innerText()).toContain('Not in an imported ward');
    await page.screenshot({ path: join(ARTIFACTS, 'place-outside-borough.png'), fullPage: true });
    await expectAccessible(page, 'place with a warning');

    await page.getByRole('button', { name: 'Change details' }).click();
    await page.getByRole('heading', { name: 'Change Bus shelter, Quayside Walk' }).waitFor();
    expect(await page.getByLabel('Latitude').inputValue()).toBe('55.1');
    await page.getByLabel('Latitude').fill('54.35');
    await page.getByLabel('Longitude').fill('2.25');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bus shelter, Quayside Walk' }).waitFor();
    expect(await flash(page).innerText()).toMatch(/It is in .+ ward\./);
    expect(await page.locator('.govuk-warning-text').count()).toBe(0);
    expect(await page.locator('.govuk-summary-list').innerText()).toMatch(/Ward\s+\S.*\(KGM-W\d\d\)/);
  });

  it('records a link from the place to the person of concern, and again from the person (merged)', async () => {
    const { page } = police;
    await page.goto(placeUrl);
    await page.getByRole('button', { name: 'Record a link' }).click();
    await page.getByRole('heading', { name: 'Record a link' }).waitFor();
    expect(await page.locator('.govuk-summary-list').innerText()).toContain('Bus shelter, Quayside Walk');
    // Young people can be found too (by name, reference or pseudonym for the police).
    await page.getByLabel('A young person').check();
    await page.getByLabel('Find the young person').fill('YP-');
    await page.getByLabel('Find the young person').press('Enter');
    await page.getByRole('group', { name: 'Choose the young person' }).waitFor();
    expect(await page.getByRole('group', { name: 'Choose the young person' }).getByRole('radio').count()).toBeGreaterThan(0);
    await page.getByLabel('A person of concern').check();
    expect(await page.getByRole('group', { name: 'Choose the young person' }).count()).toBe(0);
    await page.getByLabel('Find the person of concern').fill('vexmoor');
    await page.getByLabel('Find the person of concern').press('Enter');
    await page.getByLabel('Dalton Vexmoor').check();
    await page.getByLabel('Frequents').check();
    expect(await page.getByLabel('Source agency').locator('option:checked').innerText()).toMatch(/Police/);
    await page.getByLabel('First seen').fill(daysAgo(10));
    await page.getByLabel('Last seen').fill(daysAgo(20));
    await page.getByLabel('2: Untested').check();
    await page.getByLabel('B: Known indirectly to the source but corroborated').check();
    await page.getByLabel('C: Lawful sharing permitted subject to conditions').check();
    await page.getByText("Do not disseminate without the originator's permission.").waitFor();
    await page.getByRole('button', { name: 'Record the link' }).click();
    await summary(page).getByText('Last seen must be on or after first seen').waitFor();
    expect(await page.getByLabel('Dalton Vexmoor').isChecked()).toBe(true);
    await page.getByLabel('Last seen').fill(daysAgo(2));
    await page.screenshot({ path: join(ARTIFACTS, 'record-link-form.png'), fullPage: true });
    await expectAccessible(page, 'record a link');
    await page.getByRole('button', { name: 'Record the link' }).click();

    await page.getByRole('heading', { level: 1, name: 'Bus shelter, Quayside Walk' }).waitFor();
    expect(await flash(page).innerText()).toContain('Link to Dalton Vexmoor recorded.');
    const links = page.locator('section[aria-labelledby="links-heading"]');
    await links.getByRole('link', { name: 'Dalton Vexmoor' }).waitFor();
    expect(await links.innerText()).toContain('C: conditions apply');

    // The same two and type again, from the other end: merged into the link already there.
    await page.goto(personUrl);
    await page.getByRole('button', { name: 'Record a link' }).click();
    await page.getByLabel('A place').check();
    await page.getByLabel('Find the place').fill('Quayside');
    await page.getByRole('button', { name: 'Search for the place' }).click();
    await page.getByLabel('Bus shelter, Quayside Walk').check();
    await page.getByLabel('Frequents').check();
    await page.getByLabel('First seen').fill(daysAgo(40));
    await page.getByLabel('Last seen').fill(daysAgo(1));
    await page.getByLabel('1: Reliable').check();
    await page.getByLabel('A: Known directly to the source').check();
    await page.getByLabel('P: Lawful sharing permitted', { exact: true }).check();
    await page.getByRole('button', { name: 'Record the link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dalton Vexmoor' }).waitFor();
    expect(await flash(page).innerText()).toContain('was already recorded, so it was not added again');
    const personLinks = page.locator('section[aria-labelledby="links-heading"]');
    await personLinks.getByRole('link', { name: 'Bus shelter, Quayside Walk' }).waitFor();
    expect(await personLinks.getByRole('link', { name: 'Bus shelter, Quayside Walk' }).count()).toBe(1);
    // Once C, always C; the latest grading shows.
    expect(await personLinks.innerText()).toMatch(/1\/A\/C/);
  });

  it('records a hot-spot report for the place this month, then corrects it', async () => {
    const { page } = police;
    await page.goto(placeUrl);
    await page.getByRole('button', { name: 'Record a hot-spot report' }).click();
    await page.getByRole('heading', { name: `Record a hot-spot report for ${monthLabel(thisMonth)}` }).waitFor();
    await page.getByLabel('Sightings').fill('4');
    await page.getByLabel('Incidents').fill('one');
    await page.getByLabel('Medium').check();
    await page.getByRole('button', { name: 'Record the report' }).click();
    await summary(page).getByText('Enter the number of incidents as a whole number, 0 or more').waitFor();
    await page.getByLabel('Incidents').fill('1');
    await page.screenshot({ path: join(ARTIFACTS, 'hot-spot-report-form.png'), fullPage: true });
    await expectAccessible(page, 'hot-spot report');
    await page.getByRole('button', { name: 'Record the report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bus shelter, Quayside Walk' }).waitFor();
    expect(await flash(page).innerText()).toContain(`Hot-spot report for ${monthLabel(thisMonth)} recorded.`);
    const reports = page.getByRole('table', { name: 'Hot-spot reports in the last 12 months' });
    expect(await reports.innerText()).toMatch(/4\s+1\s+Medium/);

    await reports.getByRole('link', { name: `Correct the report for ${monthLabel(thisMonth)}` }).click();
    await page.getByRole('heading', { name: `Correct the hot-spot report for ${monthLabel(thisMonth)}` }).waitFor();
    expect(await page.getByLabel('Sightings').inputValue()).toBe('4');
    await page.getByLabel('Incidents').fill('2');
    await page.getByLabel('High').check();
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bus shelter, Quayside Walk' }).waitFor();
    expect(await flash(page).innerText()).toContain(`Hot-spot report for ${monthLabel(thisMonth)} corrected.`);
    expect(await page.getByRole('table', { name: 'Hot-spot reports in the last 12 months' }).innerText()).toMatch(/4\s+2\s+High/);
  });

  it('records the police monthly report and corrects last month’s, handling a clash', async () => {
    const { page, context } = police;
    await page.goto(`${baseUrl}/intelligence`);
    await page.getByRole('button', { name: 'Record the police monthly report' }).click();
    await page.getByRole('heading', { name: 'Police monthly report' }).waitFor();
    await expectAccessible(page, 'police monthly reports');

    // This month has no report yet.
    await page.getByRole('link', { name: `Record the report for ${monthLabel(thisMonth)}` }).click();
    await page.getByRole('heading', { name: `Record the police report for ${monthLabel(thisMonth)}` }).waitFor();
    for (const label of ['Open investigations', 'Arrests', 'Charges', 'Convictions', 'Child abduction warning notices (CAWNs)', 'Orders', 'Other disruptions']) {
      await page.getByLabel(label, { exact: true }).fill('1');
    }
    await page.getByLabel('Summary (optional)').fill('Test purchase operation at two fast-food outlets.');
    await expectAccessible(page, 'police report form');
    await page.getByRole('button', { name: 'Record the report' }).click();
    await page.getByRole('heading', { name: 'Police monthly report' }).waitFor();
    expect(await flash(page).innerText()).toContain(`Police report for ${monthLabel(thisMonth)} recorded.`);

    // Last month is recorded: the month step leads to its correction.
    expect(await page.getByLabel('Which month is the report for?').inputValue()).toBe(lastMonth);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: `Correct the police report for ${monthLabel(lastMonth)}` }).waitFor();
    const correctUrl = page.url();
    const other = await context.newPage();
    await other.goto(correctUrl);
    await other.getByLabel('Arrests', { exact: true }).fill('9');
    await other.getByRole('button', { name: 'Save the correction' }).click();
    await other.getByRole('heading', { name: 'Police monthly report' }).waitFor();
    await other.close();

    await page.getByLabel('Charges', { exact: true }).fill('7');
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await summary(page).getByText(/Someone else changed this report/).waitFor();
    expect(await page.getByLabel('Charges', { exact: true }).inputValue()).toBe('7');
    await page.screenshot({ path: join(ARTIFACTS, 'police-report-conflict.png'), fullPage: true });
    await page.getByRole('button', { name: 'Reload this report' }).click();
    await expect.poll(() => page.getByLabel('Arrests', { exact: true }).inputValue()).toBe('9');
    await page.getByLabel('Charges', { exact: true }).fill('7');
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await page.getByRole('heading', { name: 'Police monthly report' }).waitFor();
    expect(await flash(page).innerText()).toContain(`Police report for ${monthLabel(lastMonth)} corrected.`);
    const table = page.getByRole('table', { name: /Police monthly reports/ });
    expect(await table.getByRole('row').filter({ hasText: monthLabel(lastMonth) }).innerText()).toMatch(/Recorded\s+9\s+7/);
  });
});

describe('readers of intelligence', () => {
  it('are not offered the record buttons or forms', async () => {
    const { context, page, problems } = await signIn('ANALYST');
    await page.goto(`${baseUrl}/intelligence`);
    await page.getByRole('heading', { level: 1, name: 'Intelligence' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Record intelligence' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Record the police monthly report' }).count()).toBe(0);

    await page.goto(`${baseUrl}/intelligence/people`);
    const person = page.getByRole('table').getByRole('link', { name: 'Dalton Vexmoor' });
    await person.waitFor();
    expect(await page.getByRole('button', { name: 'Add a person of concern' }).count()).toBe(0);
    await person.click();
    await page.getByRole('heading', { name: 'Links' }).waitFor();
    const personPath = new URL(page.url()).pathname;
    await page.getByText('Child abduction warning notice').first().waitFor();
    for (const name of ['Change details', 'Record a link', 'Record the disruption']) expect(await page.getByRole('button', { name }).count()).toBe(0);

    await page.goto(`${baseUrl}/intelligence/places`);
    const place = page.getByRole('table').getByRole('link', { name: 'Bus shelter, Quayside Walk' });
    await place.waitFor();
    expect(await page.getByRole('button', { name: 'Add a place' }).count()).toBe(0);
    await place.click();
    await page.getByRole('heading', { name: 'Links' }).waitFor();
    for (const name of ['Change details', 'Record a link', 'Record a hot-spot report']) expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Correct/ }).count()).toBe(0);

    for (const path of ['/intelligence/people/new', '/intelligence/places/new', '/intelligence/police-report', `${personPath}/edit`, `/intelligence/links/new?fromKind=PERSON_OF_CONCERN&fromId=${personPath.split('/').pop()}`]) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }).waitFor();
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
