import { join } from 'node:path';
import { generateSync } from 'otplib';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo-borough.js';
import { ARTIFACTS, expectAccessible, launch, watchForProblems } from './browser.js';

const baseUrl = inject('baseUrl');
/** A user of this test's own (a copy of the demo analyst), so turning MFA on changes no one else's sign-in. */
const email = 'mfa-browser-test@kingsmere.example';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  const db = new pg.Client({ connectionString: inject('e2eDatabaseUrl') });
  await db.connect();
  await db.query(
    `INSERT INTO app_user (name, email, password_hash, role, agency_id, status, must_change_password, version)
     SELECT 'Morgan Testwell', $1, password_hash, role, agency_id, 'ACTIVE', false, 1 FROM app_user WHERE email = $2
     ON CONFLICT (email) DO NOTHING`,
    [email, DEMO_USERS.find((u) => u.role === 'ANALYST')!.email],
  );
  await db.end();
});
afterAll(async () => {
  await browser.close();
});

async function open(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  return { context, page, problems: watchForProblems(page) };
}

async function passwordStep(page: Page): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The code the authenticator app shows, `steps` time steps (30 s) from now. */
const codeAt = (secret: string, steps = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

describe('two-step verification in the browser', () => {
  it('is set up on the account page, then asked for at sign-in; the account page lists sessions and signs another one out', async () => {
    // Sign in with the password alone and set up two-step verification from the account page.
    const a = await open();
    await passwordStep(a.page);
    await a.page.getByRole('navigation', { name: 'Main' }).waitFor();
    await a.page.getByRole('link', { name: 'Your account' }).click();
    await a.page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    await expectAccessible(a.page, 'account page, two-step verification off');
    await a.page.getByRole('button', { name: 'Set up two-step verification' }).click();
    const secretText = a.page.getByTestId('mfa-secret');
    await secretText.waitFor();
    const secret = (await secretText.innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const qr = a.page.getByRole('img', { name: 'QR code to add MASE Hub to your authenticator app' });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    await a.page.screenshot({ path: join(ARTIFACTS, 'mfa-setup.png'), fullPage: true });
    await expectAccessible(a.page, 'two-step verification set-up');

    // A wrong code first: the GOV.UK error summary and the message beside the field.
    await a.page.getByLabel('Enter the 6-digit code the app shows').fill('12345');
    await a.page.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await expect.poll(() => a.page.getByText('The security code must be 6 digits').count()).toBe(2);
    await a.page.getByLabel('Enter the 6-digit code the app shows').fill(codeAt(secret));
    await a.page.getByRole('button', { name: 'Turn on two-step verification' }).click();
    const codesList = a.page.getByTestId('recovery-codes');
    await codesList.waitFor();
    await a.page.getByText('Save these recovery codes now. You will not be able to see them again.').waitFor();
    const recoveryCodes = (await codesList.locator('li').allInnerTexts()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    await a.page.screenshot({ path: join(ARTIFACTS, 'mfa-recovery-codes.png'), fullPage: true });
    await expectAccessible(a.page, 'recovery codes');
    await a.page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await a.page.getByText('Two-step verification is on.').waitFor();
    expect(await a.page.getByTestId('mfa-secret').count()).toBe(0);

    // Another browser signs in with the password and a recovery code.
    const b = await open();
    await passwordStep(b.page);
    await b.page.getByRole('heading', { name: 'Enter your security code', level: 1 }).waitFor();
    await b.page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await b.page.getByLabel('Recovery code').fill(recoveryCodes[0]);
    await b.page.getByRole('button', { name: 'Continue' }).click();
    await b.page.getByRole('navigation', { name: 'Main' }).waitFor();

    // The first browser signs out, then signs in with the password and a code from the app.
    await a.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await a.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await passwordStep(a.page);
    await a.page.getByRole('heading', { name: 'Enter your security code', level: 1 }).waitFor();
    await a.page.screenshot({ path: join(ARTIFACTS, 'mfa-code-step.png'), fullPage: true });
    await expectAccessible(a.page, 'security code step');
    // The keyboard alone: type the code into the focused field and press Enter.
    await a.page.getByLabel('Security code').focus();
    await a.page.keyboard.type(codeAt(secret, 1));
    await a.page.keyboard.press('Enter');
    await a.page.getByRole('navigation', { name: 'Main' }).waitFor();

    // Both sessions are listed; the other browser's is signed out from here.
    await a.page.getByRole('link', { name: 'Your account' }).click();
    const sessions = a.page.getByRole('table', { name: 'Your sessions' });
    await sessions.waitFor();
    await expect.poll(() => sessions.locator('tbody tr').count()).toBe(2);
    expect(await sessions.getByText('This device').count()).toBe(1);
    await a.page.screenshot({ path: join(ARTIFACTS, 'mfa-account-sessions.png'), fullPage: true });
    await expectAccessible(a.page, 'account page with sessions');
    await sessions.getByRole('button', { name: /^Sign out .+, signed in / }).click();
    await a.page.getByText(/has been signed out\./).waitFor();
    await expect.poll(() => sessions.locator('tbody tr').count()).toBe(1);

    // The other browser is signed out at once.
    await b.page.reload();
    await b.page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await b.page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);

    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
