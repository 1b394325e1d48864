import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  OperationTypeNode,
  parse,
  valueFromAST,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { projectRoot } from '../../server/src/database/project-root.js';
import { XSS_COVERAGE } from './xss-coverage.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo-borough.js';
import { launch, watchForProblems } from '../e2e/browser.js';

/**
 * What the browser tests of hostile input share: the payloads, signing in, calling the API as the
 * signed-in user, and the checks that nothing ran and the text is shown as text. Each payload would
 * set window.__xss if it ran. Which test covers which String input of the schema is listed (and
 * checked against the schema) in xss-coverage.ts / xss-coverage.test.ts.
 */
export const baseUrl = (): string => inject('baseUrl');
export { NAME, PAYLOADS, RAN } from './xss-payloads.js';

export async function signedIn(browser: Browser, role: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  // Any dialog would mean a script ran.
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(baseUrl());
  await page.getByLabel('Email address').fill(DEMO_USERS.find((u) => u.role === role)!.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { context, page, problems };
}

const schema = buildSchema(readFileSync(join(projectRoot(), 'server', 'schema.gql'), 'utf8'));
/** Text that holds one of the payloads (whole or cut to a field's length). */
const HOSTILE = /__xss|DROP TABLE|cmd\||Zoë|HYPERLINK|SUM\(1\+1\)/;
/** The String inputs (`Type.field`, or `Root.field(arg)` for a root argument) this file has sent a payload through. */
const typed = new Set<string>();

function record(value: unknown, type: GraphQLInputType, key: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return record(value, type.ofType, key);
  if (isListType(type)) {
    for (const item of Array.isArray(value) ? value : [value]) record(item, type.ofType, key);
    return;
  }
  if (isScalarType(type)) {
    if (type.name === 'String' && typeof value === 'string' && HOSTILE.test(value)) typed.add(key);
    return;
  }
  if (isInputObjectType(type) && typeof value === 'object') {
    for (const [name, field] of Object.entries(type.getFields())) record((value as Record<string, unknown>)[name], field.type, `${type.name}.${name}`);
  }
}

/** Notes which String inputs of the schema a request carries a payload in, by walking its arguments against the schema. */
function recordTyped(query: string, variables: Record<string, unknown>): void {
  for (const definition of parse(query).definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const operation: OperationDefinitionNode = definition;
    const root = operation.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : schema.getQueryType();
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || !root) continue;
      const field = root.getFields()[selection.name.value];
      for (const arg of selection.arguments ?? []) {
        const definitionOfArg = field?.args.find((a) => a.name === arg.name.value);
        if (!definitionOfArg) continue;
        const value: unknown = valueFromAST(arg.value, definitionOfArg.type, variables);
        const named = getNamedType(definitionOfArg.type);
        record(value, definitionOfArg.type, isInputObjectType(named) ? named.name : `${root.name}.${field.name}(${arg.name.value})`);
      }
    }
  }
}

/**
 * Every String input the coverage table gives to this test file was sent a payload by it (through
 * `gql`): the table cannot claim a test covers an input the test never touches.
 */
export function expectEveryInputTyped(file: string): void {
  const promised = Object.entries(XSS_COVERAGE).filter(([, c]) => 'test' in c && c.test === file).map(([k]) => k).sort();
  expect(promised.filter((k) => !typed.has(k)), `${file}: inputs the coverage table gives it that it sent no payload through`).toEqual([]);
}

export async function gql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  recordTyped(query, variables);
  const res = await page.request.post(`${baseUrl()}/graphql`, { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Elements or attributes a payload would have created had it been parsed as markup. */
export const INJECTED = 'img[src="x"], svg[onload], [onerror], [onfocus], [onload], a[href^="javascript:" i], iframe';

/** No payload ran or became markup: the marker is unset, no element it would make exists, no inline script holds it. */
export async function noScriptRan(page: Page, label = page.url()): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), label).toBeUndefined();
  expect(await page.locator(INJECTED).count(), `${label}: injected markup`).toBe(0);
  expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('__xss'))), `${label}: a script element`).toBe(false);
}

/** The page holds each text exactly, as text (not as markup, not only in a form field). */
export async function expectText(page: Page, texts: readonly string[], label = page.url()): Promise<void> {
  for (const text of texts) {
    await expect.poll(() => page.evaluate((t) => document.body.textContent?.includes(t) ?? false, text), { message: `${label} shows ${JSON.stringify(text)}`, timeout: 15_000 }).toBe(true);
  }
}

/** Opens a page, waits for it to settle, and checks it shows the texts and that nothing ran. */
export async function visit(page: Page, path: string, texts: readonly string[]): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await expectText(page, texts, path);
  await page.waitForLoadState('networkidle');
  await noScriptRan(page, path);
}

/** A user who is not one of the demo borough's: signs in with the temporary password and chooses a new one. */
export async function signedInAs(browser: Browser, email: string, temporaryPassword: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await gql(page, `mutation($i: SignInInput!) { signIn(input: $i) { id } }`, { i: { email, password: temporaryPassword } });
  await gql(page, `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { id } }`, { i: { currentPassword: temporaryPassword, newPassword: `${DEMO_PASSWORD}-xss-Zq9` } });
  await page.goto(baseUrl());
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { context, page, problems };
}


/**
 * What a hostile-input test file opens before its tests and closes after: headless Chromium and a
 * connection to the test database. After its tests it checks that it sent a payload through every
 * input the coverage table gives it (`file`), then runs its own clean-up, if any, on the database.
 */
export function hostileTextSuite(file: string, options: { cleanUp?: (db: pg.Client) => Promise<void> } = {}) {
  const db = new pg.Client({ connectionString: inject('e2eDatabaseUrl') });
  let opened: Browser | null = null;
  const browser = (): Browser => {
    if (!opened) throw new Error('The browser is opened before the tests');
    return opened;
  };
  beforeAll(async () => {
    opened = await launch();
    await db.connect();
  });
  afterAll(async () => {
    expectEveryInputTyped(file);
    await options.cleanUp?.(db);
    await db.end();
    await opened?.close();
  });
  return {
    db,
    browser,
    signedIn: (role: string) => signedIn(browser(), role),
    signedInAs: (email: string, temporaryPassword: string) => signedInAs(browser(), email, temporaryPassword),
  };
}
