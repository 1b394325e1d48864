import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHQL_LIMITS } from '../../server/src/common/graphql/graphql.options.js';
import { codeOf } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let prod: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  prod = await startTestApp({ production: true });
});
afterAll(async () => {
  await t.close();
  await prod.close();
});

const limitsEchoed = (text: string) => Object.values(GRAPHQL_LIMITS).some((n) => new RegExp(`\\b${n}\\b`).test(text));

/** A refusal by the transport's rules: a 4xx, never a 5xx or a 200. */
function expect4xx(status: number): void {
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
}

/** After every abuse case the server still answers, and a signed-in query still works. */
async function expectHealthy(app: TestApp = t): Promise<void> {
  const health = await fetch(`${app.baseUrl}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok' });
}

describe('GraphQL hygiene', () => {
  it('refuses deep nesting with a 4xx, without echoing the limit, and stays healthy', async () => {
    const c = await t.as('ADMIN');
    expect((await c.gql(`{ me { agency { name } } }`)).errors).toBeUndefined();
    const query = `{ me { ${Array.from({ length: 20 }, () => 'agency {').join(' ')} id ${'}'.repeat(20)} } }`;
    const res = await c.post({ query });
    expect4xx(res.status);
    expect(limitsEchoed(await res.text())).toBe(false);
    await expectHealthy();
  });

  it('refuses alias floods and token floods with a 400, staying healthy after each', async () => {
    const c = await t.as('ADMIN');
    const aliases = `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const r1 = await c.post({ query: aliases });
    expect(r1.status).toBe(400);
    expect(limitsEchoed(await r1.text())).toBe(false);
    await expectHealthy();
    const tokens = `{ me { ${Array.from({ length: 4000 }, () => 'id').join(' ')} } }`;
    const r2 = await c.post({ query: tokens });
    expect(r2.status).toBe(400);
    expect(limitsEchoed(await r2.text())).toBe(false);
    await expectHealthy();
  });

  it('refuses a fragment cycle with a 400 and no stack trace, and stays healthy', async () => {
    const c = await t.as('COORDINATOR');
    const cycle = `query { me { ...A } } fragment A on User { id ...B } fragment B on User { name ...A }`;
    const r1 = await c.post({ query: cycle });
    expect(r1.status).toBe(400);
    expect(await r1.text()).not.toMatch(/at .*\.js:\d+/);
    await expectHealthy();
  });

  it('refuses huge strings and huge lists in variables with a 400 naming the field, changes nothing, and stays healthy', async () => {
    const c = await t.as('COORDINATOR');
    const count = async () => (await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM young_person`))[0].n;
    const before = await count();
    const huge = 'x'.repeat(200_000);
    const person = { reference: huge, firstName: huge, lastName: 'A', dateOfBirth: '2010-01-01', gender: 'FEMALE', ethnicity: 'WHITE_BRITISH', legalStatus: 'CHILD_IN_NEED', educationStatus: 'IN_EDUCATION', presentation: 'CSE' };
    const r2 = await c.gql(`mutation($i: YoungPersonFields!) { createYoungPerson(input: $i) { id } }`, { i: person });
    expect(r2.status).toBe(400);
    expect(codeOf(r2)).toBe('BAD_USER_INPUT');
    expect(r2.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['reference', 'firstName']);
    expect(JSON.stringify(r2)).not.toContain('"http"');
    await expectHealthy();
    const r3 = await c.gql(`query($f: YoungPeopleFilter) { youngPeople(filter: $f) { nodes { id } } }`, { f: { ward: Array.from({ length: 10_000 }, (_, i) => `w${i}`) } });
    expect(r3.status).toBe(400);
    expect(codeOf(r3)).toBe('BAD_USER_INPUT');
    expect(r3.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['filter.ward']);
    await expectHealthy();
    // A list of huge strings inside an otherwise small list.
    const r4 = await c.gql(`query($f: YoungPeopleFilter) { youngPeople(filter: $f) { nodes { id } } }`, { f: { ward: [huge] } });
    expect(r4.status).toBe(400);
    expect(codeOf(r4)).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
    await expectHealthy();
  });

  it('keeps ordinary validation errors as before: HTTP 200, BAD_USER_INPUT naming the field, which the client reads', async () => {
    const c = await t.as('COORDINATOR');
    const r = await c.gql(`mutation($i: YoungPersonFields!) { createYoungPerson(input: $i) { id } }`, {
      i: { reference: 'MOS-1', firstName: ' ', lastName: 'A', dateOfBirth: '2099-01-01', gender: 'FEMALE', ethnicity: 'WHITE_BRITISH', legalStatus: 'CHILD_IN_NEED', educationStatus: 'IN_EDUCATION', presentation: 'CSE' },
    });
    expect(r.status).toBe(200);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['firstName', 'dateOfBirth']);
    // The browser client asks for application/graphql-response+json and so reads a 400's errors as a result.
    const res = await c.post(
      { query: `query($f: YoungPeopleFilter) { youngPeople(filter: $f) { nodes { id } } }`, variables: { f: { search: 'y'.repeat(101) } } },
      { accept: 'application/graphql-response+json,application/json;q=0.9' },
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const body = (await res.json()) as { errors: { extensions: { code: string; fields: { field: string }[] } }[] };
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.search', message: expect.any(String) }] });
  });

  it('refuses batched requests with a 400 and stays healthy', async () => {
    const c = await t.as('ADMIN');
    const res = await c.post([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(res.status).toBe(400);
    await expectHealthy();
  });

  it('refuses a cross-site simple request (CSRF prevention) with a 400 and stays healthy', async () => {
    const c = await t.as('ADMIN');
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: c.cookie! },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(res.status).toBe(400);
    expect(codeOf(await c.gql('{ me { id } }'))).toBeUndefined();
    await expectHealthy();
  });

  it('refuses an oversized body with 413 and malformed JSON with 400, with no stack trace, staying healthy after each', async () => {
    const big = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(5_100_000) } }),
    });
    expect(big.status).toBe(413);
    expect(await big.text()).toMatch(/too large/);
    await expectHealthy();
    const bad = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toContain('Unexpected end of JSON input');
    expect(text).not.toMatch(/at .+\.(js|ts):\d+/);
    await expectHealthy();
  });

  it('hides field suggestions, refusing the probe with a 400', async () => {
    const c = await t.as('ADMIN');
    const r = await c.gql('{ me { emial } }');
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(r.errors?.[0].message).not.toContain('email');
    await expectHealthy();
  });

  it('sends no-store and strict security headers on API responses, Referrer-Policy no-referrer, and no HSTS outside production', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'.*style-src 'self'.*frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect((await fetch(`${t.baseUrl}/health`)).headers.get('cache-control')).toBe('no-store');
  });

  it('hides unexpected errors behind a reference, never a stack trace', async () => {
    const c = await t.as('ADMIN');
    await t.ds.query(`ALTER TABLE agency RENAME COLUMN kind TO kind_gone`);
    try {
      const r = await c.gql('{ agencies { id } }');
      expect(codeOf(r)).toBe('INTERNAL_SERVER_ERROR');
      expect(r.errors?.[0].message).toMatch(/Something went wrong on the server \(reference [0-9a-f]{8}\)/);
      expect(JSON.stringify(r)).not.toMatch(/kind_gone|stacktrace|relation|select/i);
    } finally {
      await t.ds.query(`ALTER TABLE agency RENAME COLUMN kind_gone TO kind`);
    }
  });
});

describe('production mode', () => {
  it('turns introspection off and names the cookie __Host-', async () => {
    const c = prod.anonymous();
    const signIn = await c.signIn('admin@kingsmere.example', 'kingsmere-demo-2026');
    expect(signIn.errors).toBeUndefined();
    expect(c.lastSetCookie).toMatch(/^__Host-mase_session=.+; Path=\/;.*HttpOnly; Secure; SameSite=Strict/);
    const r = await c.gql('{ __schema { types { name } } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0].message).toMatch(/introspection/i);
    expect((await t.anonymous().gql('{ __schema { queryType { name } } }')).errors).toBeUndefined();
    await expectHealthy(prod);
  });

  it('sends HSTS (a year, subdomains) and Referrer-Policy no-referrer', async () => {
    const res = await fetch(`${prod.baseUrl}/health`);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});
