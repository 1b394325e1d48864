import { INDICATORS } from '@mase/shared';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_DEPUTY, DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo-borough.js';
import { ARTIFACTS, expectAccessible, launch, watchForProblems } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

async function signIn(email: string): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { page, problems, close: () => context.close() };
}

const emailOf = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;
const reference = `MOS-E2E-${Date.now() % 1_000_000}`;

describe('a screening, from the form to the list', () => {
  let youngPersonId: string;

  it('is completed by a co-ordinator with the score computed live as indicators are ticked', async () => {
    const { page, problems, close } = await signIn(DEMO_DEPUTY.email);
    // The record itself, through the API in the same signed-in browser (the form has its own tests).
    const created = await page.request.post(`${baseUrl}/graphql`, {
      data: {
        query: `mutation($i: YoungPersonFields!) { createYoungPerson(input: $i) { id } }`,
        variables: {
          i: {
            reference,
            firstName: 'Ellie',
            lastName: 'Testwood',
            dateOfBirth: '2011-04-02',
            gender: 'FEMALE',
            ethnicity: 'MIXED_OTHER',
            legalStatus: 'CHILD_IN_NEED',
            educationStatus: 'PERSISTENT_ABSENCE',
            presentation: 'BOTH',
          },
        },
      },
    });
    const body = (await created.json()) as { data: { createYoungPerson: { id: string } } };
    youngPersonId = body.data.createYoungPerson.id;

    await page.goto(`${baseUrl}/list/${youngPersonId}/assess`);
    await page.getByRole('button', { name: 'Record the screening' }).waitFor();
    const score = page.getByTestId('computed-score');
    const level2 = INDICATORS.filter((x) => x.level === 2).slice(0, 2);
    for (const x of INDICATORS) {
      const present = level2.includes(x);
      await page.locator(`input[name="answer-${x.id}"][value="${present ? 'PRESENT' : 'NOT_PRESENT'}"]`).check();
      if (present) await page.locator(`#evidence-${x.id}`).fill(`Reported by the school nurse (${x.label})`);
      if (x === level2[0]) await expect.poll(() => score.innerText()).toMatch(/2[\s\S]*Red/);
    }
    await page.getByLabel('Online').check();
    await page.screenshot({ path: join(ARTIFACTS, 'screening-form.png') });
    await expectAccessible(page, 'screening form');
    await page.getByRole('button', { name: 'Record the screening' }).click();
    await page.getByText('Screening recorded: it needs two sign-offs').waitFor();
    await expect.poll(() => page.getByText('Awaiting sign-off').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('needs the line manager and then the co-ordinator, after which the young person is on the list, red', async () => {
    const chair = await signIn(emailOf('CO_CHAIR'));
    await chair.page.goto(`${baseUrl}/list/sign-off`);
    const chairRow = chair.page.getByRole('row').filter({ hasText: reference });
    await chairRow.getByRole('button', { name: 'Sign off as line manager' }).click();
    await expect.poll(() => chairRow.getByRole('button', { name: 'Sign off as line manager' }).count()).toBe(0);
    expect(await chairRow.getByRole('button', { name: 'Sign off as co-ordinator' }).count()).toBe(0);
    expect(chair.problems).toEqual([]);
    await chair.close();

    const coordinator = await signIn(emailOf('COORDINATOR'));
    await coordinator.page.goto(`${baseUrl}/list/sign-off`);
    const row = coordinator.page.getByRole('row').filter({ hasText: reference });
    await row.getByRole('button', { name: 'Sign off as co-ordinator' }).click();
    await expect.poll(() => coordinator.page.getByRole('row').filter({ hasText: reference }).count()).toBe(0);

    // The whole list pages through "Load more": more rows appear, none repeated.
    await coordinator.page.goto(`${baseUrl}/list`);
    const rows = coordinator.page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(50);
    await coordinator.page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(50);
    const links = await coordinator.page.locator('table tbody tr td:first-child a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(50);
    expect(new Set(links).size).toBe(links.length);

    await coordinator.page.getByLabel('Search by reference or name').fill(reference);
    await coordinator.page.getByRole('button', { name: 'Apply filters' }).click();
    const listed = coordinator.page.getByRole('row').filter({ hasText: reference });
    await listed.waitFor();
    expect(await listed.innerText()).toMatch(/Red/);
    await coordinator.page.screenshot({ path: join(ARTIFACTS, 'list-after-sign-off.png'), fullPage: true });
    await expectAccessible(coordinator.page, 'MASE list');
    expect(coordinator.problems).toEqual([]);
    await coordinator.close();
  });

  it('shows the analyst the same young person by pseudonym only', async () => {
    const analyst = await signIn(emailOf('ANALYST'));
    await analyst.page.goto(`${baseUrl}/list/${youngPersonId}`);
    await expect.poll(() => analyst.page.getByText(/YP-[A-Z2-9]{8}/).count()).toBeGreaterThan(0);
    expect(await analyst.page.content()).not.toContain('Testwood');
    expect(await analyst.page.content()).not.toContain(reference);
    await analyst.page.screenshot({ path: join(ARTIFACTS, 'young-person-analyst.png'), fullPage: true });
    expect(analyst.problems).toEqual([]);
    await analyst.close();
  });
});
