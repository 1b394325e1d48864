import { existsSync, readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,

  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { Role } from '@mase/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_POLICY } from '../support/access-policy.js';
import { GqlClient } from '../support/gql-client.js';
import { rootFields } from '../support/schema-walk.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { XSS_COVERAGE } from './xss-coverage.js';
import { PAYLOADS } from './xss-payloads.js';

/**
 * The coverage table of hostile text (xss-coverage.ts) against the schema: every String input is
 * listed; every one said to be tested is given to a browser test file that checks it sent a payload
 * through it; and every one said to be refused unless in a format is refused, naming the field,
 * for each payload, when sent through the API as a role that may call it.
 */
const schema = buildSchema(readFileSync(new URL('../../server/schema.gql', import.meta.url), 'utf8'));
const roots = rootFields(schema);

const isString = (type: GraphQLInputType) => {
  const named = getNamedType(type);
  return isScalarType(named) && named.name === 'String';
};

/** Every String input of the schema: input-object fields as `Type.field`, root arguments as `Root.field(arg)`. */
function stringInputs(s: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(s.getTypeMap())) {
    if (!isInputObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) if (isString(field.type)) out.push(`${type.name}.${field.name}`);
  }
  for (const { type, field } of roots) for (const arg of field.args) if (isString(arg.type)) out.push(`${type}.${field.name}(${arg.name})`);
  return out.sort();
}

const SAMPLES: Record<string, unknown> = { ID: '00000000-0000-4000-8000-000000000000', String: 'x', Int: 1, Float: 1, Boolean: false, DateTime: '2026-01-01T00:00:00.000Z', JSON: {} };

/** A value each format accepts, so a required field in format does not hide the refusal of the field under test. */
const VALID: Record<string, string> = {
  'a month, yyyy-mm': '2026-01',
  'a date, yyyy-mm-dd': '2026-01-01',
  'STEPPED_DOWN or CLOSED': 'CLOSED',
  'LINE_MANAGER or COORDINATOR': 'COORDINATOR',
  'an email address': 'someone@example.invalid',
};

function sampleField(owner: string, name: string, type: GraphQLInputType): unknown {
  const coverage = XSS_COVERAGE[`${owner}.${name}`];
  if (coverage && 'format' in coverage && VALID[coverage.format] && isString(type)) return isListType(isNonNullType(type) ? type.ofType : type) ? [VALID[coverage.format]] : VALID[coverage.format];
  return sample(type);
}

/** A JSON value of the type with only its required fields filled (in format where the field has one). */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isScalarType(type)) return SAMPLES[type.name] ?? 'x';
  if (isEnumType(type)) return type.getValues()[0].value;
  const out: Record<string, unknown> = {};
  for (const field of Object.values(type.getFields())) if (isNonNullType(field.type) && field.defaultValue === undefined) out[field.name] = sampleField(type.name, field.name, field.type);
  return out;
}

interface Route {
  operation: 'query' | 'mutation';
  root: 'Query' | 'Mutation';
  field: GraphQLField<unknown, unknown>;
  arg: GraphQLArgument;
  /** Field names from the argument's value down to the input. */
  path: string[];
}

/** A root field and argument through which the API takes a value for `Type.field` (the shortest path). */
function routeTo(typeName: string, fieldName: string): Route | null {
  let best: Route | null = null;
  for (const { operation, type, field } of roots) {
    if (ACCESS_POLICY[type][field.name] === 'PUBLIC') continue;
    for (const arg of field.args) {
      const queue: { type: GraphQLInputType; path: string[]; seen: Set<string> }[] = [{ type: arg.type, path: [], seen: new Set() }];
      while (queue.length) {
        const { type: t, path, seen } = queue.shift()!;
        const named = getNamedType(t);
        if (!isInputObjectType(named) || seen.has(named.name)) continue;
        if (named.name === typeName) {
          if (!best || path.length < best.path.length) best = { operation, root: type, field, arg, path: [...path, fieldName] };
          break;
        }
        for (const f of Object.values(named.getFields())) queue.push({ type: f.type, path: [...path, f.name], seen: new Set([...seen, named.name]) });
      }
    }
  }
  return best;
}

/** The argument's sample value with `payload` at the path (in a list wherever the path goes through one). */
function valueWith(type: GraphQLInputType, path: string[], payload: string): unknown {
  if (isNonNullType(type)) return valueWith(type.ofType, path, payload);
  if (isListType(type)) return [valueWith(type.ofType, path, payload)];
  if (path.length === 0) return payload;
  if (!isInputObjectType(type)) throw new Error(`No field ${path[0]} in ${String(type)}`);
  const [head, ...rest] = path;
  return { ...(sample(type) as Record<string, unknown>), [head]: valueWith(type.getFields()[head].type, rest, payload) };
}

const inSchema = stringInputs(schema);
const formats = Object.entries(XSS_COVERAGE).flatMap(([key, c]) => ('format' in c ? [[key, c.format] as const] : []));
const HOSTILE = [PAYLOADS.img, PAYLOADS.script, PAYLOADS.sql, PAYLOADS.attr, PAYLOADS.js, PAYLOADS.formula];

describe('the hostile-text coverage table', () => {
  it('lists every String input of the schema, and nothing the schema does not have', () => {
    expect(inSchema.length).toBeGreaterThan(100);
    expect(Object.keys(XSS_COVERAGE).sort()).toEqual(inSchema);
  });

  it('gives each tested input to a browser test file that checks, after its tests, that it sent a payload through each of its inputs', () => {
    const files = [...new Set(Object.values(XSS_COVERAGE).flatMap((c) => ('test' in c ? [c.test] : [])))];
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const url = new URL(`./${file}`, import.meta.url);
      expect(existsSync(url), `${file} exists`).toBe(true);
      expect(readFileSync(url, 'utf8'), `${file} checks its inputs`).toContain(`hostileTextSuite('${file}'`);
    }
  });

  it('finds a way through the API to every input said to be refused unless in format', () => {
    const unreachable = formats.filter(([key]) => !key.includes('(') && !routeTo(...(key.split('.') as [string, string])));
    expect(unreachable.map(([k]) => k)).toEqual([]);
  });
});

describe('inputs refused unless in format', () => {
  let t: TestApp;
  const clients = new Map<Role, GqlClient>();
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function as(role: Role): Promise<GqlClient> {
    if (!clients.has(role)) clients.set(role, await t.as(role));
    return clients.get(role)!;
  }

  it.each(formats)('%s (%s) refuses every payload, naming the field, and changes nothing', async (key) => {
    let route: Route;
    let expectedField: string;
    const rootArg = /^(Query|Mutation)\.(\w+)\((\w+)\)$/.exec(key);
    if (rootArg) {
      const [, root, fieldName, argName] = rootArg as unknown as [string, 'Query' | 'Mutation', string, string];
      const field = roots.find((r) => r.type === root && r.field.name === fieldName)!.field;
      route = { operation: root === 'Query' ? 'query' : 'mutation', root, field, arg: field.args.find((a) => a.name === argName)!, path: [] };
      expectedField = argName;
    } else {
      const [typeName, fieldName] = key.split('.');
      route = routeTo(typeName, fieldName)!;
      expectedField = fieldName;
    }
    const access = ACCESS_POLICY[route.root][route.field.name];
    const role = (access as readonly Role[])[0];
    const client = await as(role);
    // Every other argument the field requires, so the refusal can only be this one's.
    const args = route.field.args.filter((a) => a === route.arg || (isNonNullType(a.type) && a.defaultValue === undefined));
    const selection = isScalarType(getNamedType(route.field.type)) || isEnumType(getNamedType(route.field.type)) ? '' : ' { __typename }';
    const document = `${route.operation}(${args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')}) { ${route.field.name}(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection} }`;
    const before = await t.ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_event`);
    for (const payload of HOSTILE) {
      const variables = Object.fromEntries(args.map((a) => [a.name, a === route.arg ? valueWith(a.type, route.path, payload) : sample(a.type)]));
      const r = await client.gql(document, variables);
      const refusal = r.errors?.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
      expect(refusal, `${key} as ${role} with ${JSON.stringify(payload)}: ${JSON.stringify(r.errors ?? r.data)}`).toBeDefined();
      const named = (refusal!.extensions!.fields ?? []).map((f) => f.field.split('.').pop());
      expect(named, `${key}: the refusal names the field ${expectedField}`).toContain(expectedField);
    }
    const after = await t.ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_event`);
    expect(after[0].n).toBe(before[0].n);
  });
});
