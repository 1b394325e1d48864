import { areasFor, ROLES, ROLE_LABELS, type Role } from '@mase/shared';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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

const emailOf = (role: Role) => DEMO_USERS.find((u) => u.role === role)!.email;

describe('signing in', () => {
  it('shows an error summary and inline errors for a wrong password, and says nothing about the account', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(baseUrl);
    await expectAccessible(page, 'sign-in page');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText('Enter your email address').count()).toBeGreaterThanOrEqual(2);
    await page.getByLabel('Email address').fill(emailOf('ANALYST'));
    await page.getByLabel('Password').fill('not the right password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText('Enter a correct email address and password').count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: join(ARTIFACTS, 'sign-in-error.png'), fullPage: true });
    await expectAccessible(page, 'sign-in page with errors');
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each(ROLES)('as %s shows only that role’s navigation, is accessible, and signs out', async (role) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(baseUrl);
    await page.getByLabel('Email address').fill(emailOf(role));
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    await expect.poll(() => page.getByText(ROLE_LABELS[role]).count()).toBeGreaterThanOrEqual(1);
    const links = await nav.getByRole('link').allInnerTexts();
    expect(links.map((l) => l.trim())).toEqual(areasFor(role).map((a) => a.label));
    await page.screenshot({ path: join(ARTIFACTS, `home-${role.toLowerCase()}.png`), fullPage: true });
    await expectAccessible(page, `${role} home`);

    // The session cookie is HttpOnly: page scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('mase_session');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
