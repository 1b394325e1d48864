import { join } from 'node:path';
import { MEASURES, periodLabel, templateFor } from '@mase/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo-borough.js';
import { ARTIFACTS, expectAccessible, launch, watchForProblems } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

const lead = DEMO_USERS.find((u) => u.role === 'AGENCY_LEAD')!;
const chair = DEMO_USERS.find((u) => u.role === 'CO_CHAIR')!;
const leadAgency = DEMO_AGENCIES.find((a) => a.kind === lead.agencyKind)!;
const template = templateFor(lead.agencyKind!);

async function signIn(email: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { context, page, problems };
}

const grid = (page: Page) => page.getByTestId('compliance-grid');
/** The lead's agency's cell of the grid for a month. */
const cellOf = (page: Page, period: string) => grid(page).locator(`tbody tr[data-agency="${leadAgency.name}"] td[data-period="${period}"]`);

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe("an agency's monthly return, from the home page to the co-chair's acceptance", () => {
  /** The newest month of the grid: the current one, read from the page rather than assumed. */
  let period = '';

  it("shows the co-chair the agency's current month as due, with a key in words", async () => {
    const { context, page, problems } = await signIn(chair.email);
    // The home page sums up the overdue returns in a line (the demo borough has some) and links to them.
    const overdue = page.getByTestId('returns-overdue');
    await overdue.waitFor();
    expect(await overdue.innerText()).toMatch(/^\d+ agency returns? (is|are) overdue\. See the agency returns$/);
    await page.screenshot({ path: join(ARTIFACTS, 'returns-home-co-chair.png'), fullPage: true });
    await expectAccessible(page, 'home page for the co-chair');
    await overdue.getByRole('link', { name: 'See the agency returns' }).click();
    await grid(page).waitFor();
    period = (await grid(page).locator('thead th[data-period]').last().getAttribute('data-period')) ?? '';
    expect(period).toMatch(/^\d{4}-\d{2}$/);
    const cell = cellOf(page, period);
    expect(await cell.getAttribute('data-state')).toBe('DUE');
    expect((await cell.innerText()).trim()).toBe('Due');
    for (const word of ['On time', 'Late', 'Returned', 'Missing', 'Due']) expect(await page.locator('.app-key').getByText(word, { exact: true }).count()).toBe(1);
    // The grid's older months come from two years of demo returns: most are in on time.
    expect(await grid(page).locator('td[data-state="ON_TIME"]').count()).toBeGreaterThan(50);
    await expectAccessible(page, 'returns compliance grid');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is filled in by the agency lead, who is told what is wrong by field and then submits it', async () => {
    const { context, page, problems } = await signIn(lead.email);
    const month = periodLabel(period);

    // The home page says the month's return is due, by when, and links to it.
    const due = page.getByTestId('returns-due');
    await due.waitFor();
    expect(await due.innerText()).toMatch(new RegExp(`Your agency’s return for ${month} is due by \\d{1,2} [A-Z][a-z]+ \\d{4}`));
    await page.screenshot({ path: join(ARTIFACTS, 'returns-home-agency-lead.png'), fullPage: true });
    await expectAccessible(page, 'home page with the return due');
    await due.getByRole('link', { name: `Fill in the return for ${month}` }).click();
    await page.getByRole('heading', { level: 1, name: `Return for ${month}` }).waitFor();

    // A CSV is checked line by line before anything reaches the form.
    await page.getByRole('button', { name: 'Upload a CSV instead' }).click();
    const csv = ['Section,Item,Value,Detail', ...template.map((m, i) => `Measure,${m.label},${i === 0 ? '-1' : '2'},`), 'Outcomes,,Sessions in two schools,'].join('\n');
    await page.getByLabel("CSV file of your agency's return").setInputFiles({ name: 'return.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const fileProblems = page.getByRole('table', { name: 'Problems in the file, by line' });
    await fileProblems.waitFor();
    expect(await fileProblems.innerText()).toMatch(/2\s+Value\s+"-1" is not a whole number of 0 or more/);
    await page.screenshot({ path: join(ARTIFACTS, 'returns-csv-preview.png'), fullPage: true });
    await expectAccessible(page, 'return CSV preview');
    await page.getByRole('button', { name: 'Back to the form' }).first().click();

    // Every measure but one, and one negative number.
    const [negative, leftOut, ...rest] = template;
    await page.getByLabel(negative.label, { exact: true }).fill('-2');
    for (const m of rest) await page.getByLabel(m.label, { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Add a young person' }).click();
    await page.getByLabel('Reference').fill('HLTH-E2E-77');
    await page.getByLabel('At risk of CSE').check();
    await page.getByLabel("What your agency's work on CSE achieved this month").fill('Safety planning completed with two families.');
    await page.getByRole('button', { name: 'Submit the return' }).click();

    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const negativeMessage = `${negative.label} must be a whole number, 0 or more`;
    const leftOutMessage = `Enter ${leftOut.label.charAt(0).toLowerCase()}${leftOut.label.slice(1)} (0 if none)`;
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([negativeMessage, leftOutMessage]);
    expect(await page.locator(`#measure-${negative.key}-error`).innerText()).toContain(negativeMessage);
    expect(await page.locator(`#measure-${leftOut.key}-error`).innerText()).toContain(leftOutMessage);
    await summary.getByRole('link', { name: leftOutMessage }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`measure-${leftOut.key}`);
    await page.screenshot({ path: join(ARTIFACTS, 'returns-form-errors.png'), fullPage: true });
    await expectAccessible(page, 'return form with errors');

    await page.getByLabel(negative.label, { exact: true }).fill('2');
    await page.getByLabel(leftOut.label, { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Submit the return' }).click();
    await page.getByRole('heading', { level: 1, name: 'Return submitted' }).waitFor();
    expect(await page.locator('.govuk-panel').innerText()).toContain(`Your agency's return for ${month} has been sent to the MASE panel`);
    expect(await page.getByRole('heading', { name: 'Version 1: Submission' }).count()).toBe(1);
    expect(await page.getByText('HLTH-E2E-77').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'returns-submitted.png'), fullPage: true });
    await expectAccessible(page, 'return submitted');

    // Their list of months now shows it as submitted, to view.
    await page.goto(`${baseUrl}/returns`);
    const row = page.getByRole('row').filter({ hasText: month }).first();
    await row.getByRole('link', { name: `View the return for ${month}` }).waitFor();
    expect(await row.innerText()).toContain('Submitted');
    await page.screenshot({ path: join(ARTIFACTS, 'returns-agency-lead-months.png'), fullPage: true });
    await expectAccessible(page, "agency lead's months");
    expect(problems).toEqual([]);
    await context.close();
  });

  it('turns the cell on time for the co-chair, who opens the return and accepts it', async () => {
    const { context, page, problems } = await signIn(chair.email);
    await page.goto(`${baseUrl}/returns`);
    await grid(page).waitFor();
    const cell = cellOf(page, period);
    await expect.poll(() => cell.getAttribute('data-state')).toBe('ON_TIME');
    expect((await cell.locator('.govuk-tag').innerText()).trim()).toBe('On time');
    // The totals table is the chart's accessible alternative.
    await page.getByRole('table', { name: 'Prevention: totals by month' }).waitFor();
    await page.getByTestId('totals-chart').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'returns-oversight.png'), fullPage: true });
    await expectAccessible(page, 'returns page for the co-chair');

    // The link names the agency and month for anyone hearing the grid rather than seeing it.
    await cell.getByRole('link', { name: new RegExp(`^On time\\s*: ${leadAgency.name}, ${periodLabel(period)}$`) }).click();
    await page.getByRole('heading', { level: 1, name: `Return for ${periodLabel(period)}` }).waitFor();
    expect(await page.getByText('HLTH-E2E-77').count()).toBeGreaterThan(0);
    const figure = MEASURES.find((m) => m.key === template[1].key)!;
    expect(await page.locator('.govuk-summary-list__row').filter({ hasText: figure.label }).first().innerText()).toContain('0');
    await page.getByLabel('Accept', { exact: true }).check();
    await page.getByRole('button', { name: 'Save the review' }).click();
    await page.getByText(`The return for ${periodLabel(period)} is accepted`).waitFor();
    expect(await page.locator('.govuk-summary-list').first().innerText()).toContain('Accepted');
    expect(await page.getByRole('button', { name: 'Save the review' }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'returns-accepted.png'), fullPage: true });
    await expectAccessible(page, 'accepted return');

    await page.goto(`${baseUrl}/returns`);
    await expect.poll(() => cellOf(page, period).getAttribute('data-state')).toBe('ON_TIME');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the analyst the totals, and a return with its young people by pseudonym only', async () => {
    const analyst = DEMO_USERS.find((u) => u.role === 'ANALYST')!;
    const { context, page, problems } = await signIn(analyst.email);
    await page.goto(`${baseUrl}/returns`);
    await page.getByRole('table', { name: 'Referrals made: totals by month' }).waitFor();
    expect(await page.getByTestId('compliance-grid').count()).toBe(0);
    // Last month's return from the lead's agency names a child who is not recorded; the analyst sees neither the reference nor the name.
    const month = await page.getByLabel('Month', { exact: true }).inputValue();
    await page.getByRole('link', { name: leadAgency.name }).click();
    await page.getByRole('heading', { level: 1, name: `Return for ${periodLabel(month)}` }).waitFor();
    const body = await page.locator('main').innerText();
    expect(body).toContain('Not on the list');
    expect(body).not.toContain('HLTH-90417');
    expect(body).not.toContain('Robin');
    expect(await page.getByRole('button', { name: 'Save the review' }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'returns-analyst-view.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
