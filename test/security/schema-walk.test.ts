import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ROLES, type Role } from '@mase/shared';
import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printSortedSchema } from '../../server/src/schema.js';
import { ACCESS_POLICY } from '../support/access-policy.js';
import { codeOf, GqlClient } from '../support/gql-client.js';
import { documentFor, rootFields } from '../support/schema-walk.js';
import { DEMO_PASSWORD, emailOf, startTestApp, type TestApp } from '../support/test-app.js';

const committed = readFileSync(new URL('../../server/schema.gql', import.meta.url), 'utf8');
const schema = buildSchema(committed);
const fields = rootFields(schema);

let t: TestApp;
const clients = new Map<Role, GqlClient>();
beforeAll(async () => {
  t = await startTestApp();
  for (const role of ROLES) clients.set(role, await t.as(role));
});
afterAll(async () => {
  await t.close();
});

describe('the schema', () => {
  it('served by the running app is the committed server/schema.gql', () => {
    expect(printSortedSchema(t.app.get(GraphQLSchemaHost).schema)).toBe(committed);
  });

  it('has an access decision for every root field, and none for fields that do not exist', () => {
    const inSchema = fields.map((f) => `${f.type}.${f.field.name}`).sort();
    const inPolicy = (['Query', 'Mutation'] as const).flatMap((type) => Object.keys(ACCESS_POLICY[type]).map((n) => `${type}.${n}`)).sort();
    expect(inSchema).toEqual(inPolicy);
  });
});

describe('deny by default', () => {
  it.each(fields.map((f) => [`${f.type}.${f.field.name}`, f] as const))('%s refuses a caller who is not signed in', async (_, f) => {
    const access = ACCESS_POLICY[f.type][f.field.name];
    if (access === 'PUBLIC') {
      // Signing in is open to anyone. The only other public field, the second step of a sign-in
      // (verifyMfa), is still refused below to a caller without a pending sign-in.
      expect(['signIn', 'verifyMfa']).toContain(f.field.name);
      if (f.field.name === 'signIn') return;
    }
    const r = await t.anonymous().gql(documentFor(f.operation, f.field));
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect((r.data as Record<string, unknown> | null)?.[f.field.name] ?? null).toBeNull();
  });

  const wrongRoleCases = fields.flatMap((f) => {
    const access = ACCESS_POLICY[f.type][f.field.name];
    if (!access || access === 'PUBLIC') return [];
    return ROLES.filter((r) => !access.includes(r)).map((role) => [`${f.type}.${f.field.name}`, role, f] as const);
  });

  it('leaves some field that some role may not call (the walk below is not empty)', () => {
    expect(wrongRoleCases.length).toBeGreaterThan(20);
  });

  it.each(wrongRoleCases)('%s refuses %s', async (_, role, f) => {
    const r = await clients.get(role)!.gql(documentFor(f.operation, f.field));
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect((r.data as Record<string, unknown> | null)?.[f.field.name] ?? null).toBeNull();
  });

  const allowedQueries = fields.flatMap((f) => {
    const access = ACCESS_POLICY[f.type][f.field.name];
    if (f.type !== 'Query' || !access || access === 'PUBLIC') return [];
    return access.map((role) => [`Query.${f.field.name}`, role, f] as const);
  });

  it.each(allowedQueries)('%s lets %s through the guard', async (_, role, f) => {
    const r = await clients.get(role)!.gql(documentFor(f.operation, f.field));
    expect(passedTheGuard(r)).toBe(true);
  });
});

/**
 * Whether the call got past the role guard: any outcome but an authentication or role refusal. A
 * bad-input, not-found or conflict error is fine (the sample arguments are placeholders), and so is a
 * record-level refusal (an agency lead and another agency's data), which the service makes past the guard.
 */
function passedTheGuard(r: Awaited<ReturnType<GqlClient['gql']>>): boolean {
  const recordLevel = r.errors?.[0]?.extensions?.scope === 'RECORD';
  const code = recordLevel ? null : codeOf(r);
  return !['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED', 'MFA_SETUP_REQUIRED'].includes(code ?? '');
}

// Last in the file: some of these mutations end sessions (sign out, sign out everywhere), so each
// case signs in afresh and the shared clients above are not used after them.
describe('allowed roles', () => {
  const allowedMutations = fields.flatMap((f) => {
    const access = ACCESS_POLICY[f.type][f.field.name];
    if (f.type !== 'Mutation' || !access || access === 'PUBLIC') return [];
    return access.map((role) => [`Mutation.${f.field.name}`, role, f] as const);
  });

  it('cover every mutation that is not public (the walk below is not empty)', () => {
    const names = new Set(allowedMutations.map(([name]) => name));
    expect(names.size).toBe(fields.filter((f) => f.type === 'Mutation' && ACCESS_POLICY.Mutation[f.field.name] !== 'PUBLIC').length);
    expect(names.size).toBeGreaterThan(50);
  });

  it.each(allowedMutations)('%s lets %s through the guard', async (_, role, f) => {
    const client = new GqlClient(t.baseUrl);
    expect((await client.signIn(emailOf(role), DEMO_PASSWORD)).errors).toBeUndefined();
    const r = await client.gql(documentFor(f.operation, f.field));
    expect({ code: codeOf(r), message: r.errors?.[0]?.message, passed: passedTheGuard(r) }).toMatchObject({ passed: true });
  });
});
