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

describe('GraphQL hygiene', () => {
  it('refuses deep nesting with a 4xx, without echoing the limit, and stays healthy', async () => {
    const c = await t.as('ADMIN');
    expect((await c.gql(`{ me { agency { name } } }`)).errors).toBeUndefined();
    const query = `{ me { ${Array.from({ length: 20 }, () => 'agency {').join(' ')} id ${'}'.repeat(20)} } }`;
    const res = await c.post({ query });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(limitsEchoed(await res.text())).toBe(false);
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
  });

  it('refuses alias floods and token floods', async () => {
    const c = await t.as('ADMIN');
    const aliases = `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const r1 = await c.post({ query: aliases });
    expect(r1.status).toBe(400);
    expect(limitsEchoed(await r1.text())).toBe(false);
    const tokens = `{ me { ${Array.from({ length: 4000 }, () => 'id').join(' ')} } }`;
    const r2 = await c.post({ query: tokens });
    expect(r2.status).toBe(400);
  });

  it('refuses fragment cycles, and huge lists and strings in variables, with a 4xx and changes nothing', async () => {
    const c = await t.as('COORDINATOR');
    const cycle = `query { me { ...A } } fragment A on User { id ...B } fragment B on User { name ...A }`;
    const r1 = await c.post({ query: cycle });
    expect(r1.status).toBe(400);
    expect(await r1.text()).not.toMatch(/at .*\.js:\d+/);
    const before = ((await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM young_person`)))[0].n;
    const huge = 'x'.repeat(200_000);
    const r2 = await c.gql(`mutation($i: YoungPersonFields!) { createYoungPerson(input: $i) { id } }`, {
      i: { reference: huge, firstName: huge, lastName: 'A', dateOfBirth: '2010-01-01', gender: 'FEMALE', ethnicity: 'WHITE_BRITISH', legalStatus: 'CHILD_IN_NEED', educationStatus: 'IN_EDUCATION', presentation: 'CSE' },
    });
    expect(r2.status).toBeLessThan(500); // refused by validation (GraphQL answers 200 with the error named), not by the transport
    expect(codeOf(r2)).toBe('BAD_USER_INPUT');
    const r3 = await c.gql(`query($f: YoungPeopleFilter) { youngPeople(filter: $f) { nodes { id } } }`, { f: { ward: Array.from({ length: 10_000 }, (_, i) => `w${i}`) } });
    expect(r3.status).toBeLessThan(500);
    expect(codeOf(r3)).toBe('BAD_USER_INPUT');
    expect(((await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM young_person`)))[0].n).toBe(before);
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
  });

  it('refuses batched requests', async () => {
    const c = await t.as('ADMIN');
    const res = await c.post([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(res.status).toBe(400);
  });

  it('refuses a cross-site simple request (CSRF prevention)', async () => {
    const c = await t.as('ADMIN');
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: c.cookie! },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(res.status).toBe(400);
    expect(codeOf(await c.gql('{ me { id } }'))).toBeUndefined();
  });

  it('refuses an oversized body with 413 and malformed JSON with 400, with no stack trace', async () => {
    const big = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(5_100_000) } }),
    });
    expect(big.status).toBe(413);
    expect(await big.text()).toMatch(/too large/);
    const bad = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toContain('Unexpected end of JSON input');
    expect(text).not.toMatch(/at .+\.(js|ts):\d+/);
  });

  it('hides field suggestions', async () => {
    const c = await t.as('ADMIN');
    const r = await c.gql('{ me { emial } }');
    expect(r.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(r.errors?.[0].message).not.toContain('email');
  });

  it('sends no-store and strict security headers on API responses', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
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
  });
});
