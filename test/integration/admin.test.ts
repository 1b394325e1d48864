import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: GqlClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('ADMIN');
});
afterAll(async () => {
  await t.close();
});

const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { temporaryPassword user { id email role status mustChangePassword version agency { id kind } } } }`;
const UPDATE_USER = `mutation($i: UpdateUserInput!) { updateUser(input: $i) { id name role version } }`;

async function agencyId(kind: string): Promise<string> {
  const [row]: { id: string }[] = await t.ds.query(`SELECT id FROM agency WHERE kind = $1 LIMIT 1`, [kind]);
  return row.id;
}
const count = async (table: string) => {
  const [row]: { n: string }[] = await t.ds.query(`SELECT count(*) AS n FROM ${table}`);
  return Number(row.n);
};

describe('users', () => {
  it('creates a user with a one-time password, which must be changed at first sign-in', async () => {
    const health = await agencyId('HEALTH');
    const r = await admin.ok<{ createUser: { temporaryPassword: string; user: { id: string; email: string; mustChangePassword: boolean; agency: { id: string } } } }>(
      CREATE_USER,
      { i: { name: 'Sam Nurse', email: 'Sam.Nurse@Health.example', role: 'AGENCY_LEAD', agencyId: health } },
    );
    expect(r.createUser.user).toMatchObject({ email: 'sam.nurse@health.example', mustChangePassword: true, agency: { id: health } });
    const signIn = await t.anonymous().signIn('sam.nurse@health.example', r.createUser.temporaryPassword);
    expect(signIn.data?.signIn).toMatchObject({ role: 'AGENCY_LEAD', mustChangePassword: true });
    const [event]: { details: { email: string } }[] = await t.ds.query(`SELECT details FROM audit_event WHERE action = 'user.created' AND entity_id = $1`, [
      r.createUser.user.id,
    ]);
    expect(event.details.email).toBe('sam.nurse@health.example');
    expect(JSON.stringify(event)).not.toContain(r.createUser.temporaryPassword);
  });

  it.each([
    [{ name: '', email: 'a@b.example', role: 'ANALYST' }, [{ field: 'name', message: 'Enter a name' }]],
    [{ name: 'X Y', email: 'not-an-email', role: 'ANALYST' }, [{ field: 'email', message: expect.stringMatching(/correct format/) }]],
    [{ name: 'X Y', email: 'lead@x.example', role: 'AGENCY_LEAD' }, [{ field: 'agencyId', message: 'Select the agency this user belongs to' }]],
    [{ name: 'X Y', email: 'admin@kingsmere.example', role: 'ANALYST' }, [{ field: 'email', message: 'A user with this email address already exists' }]],
  ])('refuses %j naming the field, and changes nothing', async (input, fields) => {
    const users = await count('app_user');
    const events = await count('audit_event');
    const r = await admin.gql(CREATE_USER, { i: input });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.fields).toEqual(fields);
    expect(await count('app_user')).toBe(users);
    expect(await count('audit_event')).toBe(events);
  });

  it('refuses a police user outside a police agency, and an unknown agency', async () => {
    const health = await agencyId('HEALTH');
    const police = await admin.gql(CREATE_USER, { i: { name: 'P C', email: 'pc@x.example', role: 'POLICE', agencyId: health } });
    expect(police.errors?.[0].extensions?.fields).toEqual([{ field: 'agencyId', message: 'Police users must belong to a police agency' }]);
    const unknown = await admin.gql(CREATE_USER, {
      i: { name: 'P C', email: 'pc@x.example', role: 'ANALYST', agencyId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.errors?.[0].extensions?.fields).toEqual([{ field: 'agencyId', message: 'Select an agency from the list' }]);
    const malformed = await admin.gql(CREATE_USER, { i: { name: 'P C', email: 'pc@x.example', role: 'ANALYST', agencyId: 'nope' } });
    expect(malformed.errors?.[0].extensions?.fields?.[0].field).toBe('agencyId');
  });

  it('detects a concurrent edit: the second save is told of the conflict and does not overwrite', async () => {
    const created = await admin.ok<{ createUser: { user: { id: string; version: number } } }>(CREATE_USER, {
      i: { name: 'Robin Analyst', email: 'robin@kingsmere.example', role: 'ANALYST' },
    });
    const { id, version } = created.createUser.user;
    const other = await t.as('ADMIN');
    await other.ok(UPDATE_USER, { i: { id, version, name: 'Robin First', role: 'ANALYST' } });
    const second = await admin.gql(UPDATE_USER, { i: { id, version, name: 'Robin Second', role: 'CO_CHAIR' } });
    expect(codeOf(second)).toBe('CONFLICT');
    expect(second.errors?.[0].message).toMatch(/Someone else changed this user/);
    const [row]: { name: string; role: string }[] = await t.ds.query(`SELECT name, role FROM app_user WHERE id = $1`, [id]);
    expect(row).toEqual({ name: 'Robin First', role: 'ANALYST' });
  });

  it('ends the sessions of a user whose role changes, so the new access applies at once', async () => {
    const coordinator = await t.as('COORDINATOR');
    const { me } = await coordinator.ok<{ me: { id: string; version: number } }>(`{ me { id version } }`);
    await admin.ok(UPDATE_USER, { i: { id: me.id, version: me.version, name: 'Casey Coordinator', role: 'ANALYST', agencyId: await agencyId('CHILDRENS_SOCIAL_CARE') } });
    expect(codeOf(await coordinator.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
  });

  it('will not let an admin disable themselves or change their own role', async () => {
    const { me } = await admin.ok<{ me: { id: string; version: number } }>(`{ me { id version } }`);
    const disable = await admin.gql(`mutation($i: SetUserStatusInput!) { setUserStatus(input: $i) { id } }`, { i: { id: me.id, status: 'DISABLED' } });
    expect(disable.errors?.[0].extensions?.fields).toEqual([{ field: 'status', message: 'You cannot disable your own account' }]);
    const demote = await admin.gql(UPDATE_USER, { i: { id: me.id, version: me.version, name: 'Avery Admin', role: 'ANALYST' } });
    expect(demote.errors?.[0].extensions?.fields).toEqual([{ field: 'role', message: 'You cannot change your own role' }]);
  });

  it('lists users by name with filters and cursor pages', async () => {
    type R = { users: { nodes: { name: string; role: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
    const Q = `query($f: UsersFilter, $p: PageInput) { users(filter: $f, page: $p) { nodes { name role } pageInfo { endCursor hasNextPage } } }`;
    const all = await admin.ok<R>(Q, { p: { first: 200 } });
    const names = all.users.nodes.map((n) => n.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const page1 = await admin.ok<R>(Q, { p: { first: 3 } });
    const page2 = await admin.ok<R>(Q, { p: { first: 3, after: page1.users.pageInfo.endCursor } });
    expect([...page1.users.nodes, ...page2.users.nodes].map((n) => n.name)).toEqual(names.slice(0, 6));
    const analysts = await admin.ok<R>(Q, { f: { role: 'ANALYST' } });
    expect(analysts.users.nodes.every((n) => n.role === 'ANALYST')).toBe(true);
    const search = await admin.ok<R>(Q, { f: { search: '100%_' } });
    expect(search.users.nodes).toEqual([]);
  });
});

describe('agencies', () => {
  const CREATE = `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id name kind version } }`;
  const UPDATE = `mutation($i: UpdateAgencyInput!) { updateAgency(input: $i) { id name active version } }`;

  it('creates and renames an agency, with optimistic locking and audit', async () => {
    const c = await admin.ok<{ createAgency: { id: string; version: number } }>(CREATE, { i: { name: 'Riverside Academy Trust', kind: 'EDUCATION' } });
    const u = await admin.ok<{ updateAgency: { version: number; active: boolean } }>(UPDATE, {
      i: { id: c.createAgency.id, version: c.createAgency.version, name: 'Riverside Academies', kind: 'EDUCATION', active: false },
    });
    expect(u.updateAgency).toMatchObject({ active: false, version: c.createAgency.version + 1 });
    const stale = await admin.gql(UPDATE, { i: { id: c.createAgency.id, version: c.createAgency.version, name: 'Late', kind: 'EDUCATION', active: true } });
    expect(codeOf(stale)).toBe('CONFLICT');
    const actions: { action: string }[] = await t.ds.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq`, [c.createAgency.id]);
    expect(actions.map((a) => a.action)).toEqual(['agency.created', 'agency.updated']);
    const anyone = await t.as('ANALYST');
    const listed = await anyone.ok<{ agencies: { name: string }[] }>(`{ agencies { name } }`);
    expect(listed.agencies.map((a) => a.name)).not.toContain('Riverside Academies');
  });

  it('refuses a duplicate name (any case), an empty name and an unknown kind', async () => {
    const dup = await admin.gql(CREATE, { i: { name: 'KINGSMERE CAMHS', kind: 'CAMHS' } });
    expect(dup.errors?.[0].extensions?.fields).toEqual([{ field: 'name', message: 'An agency with this name already exists' }]);
    const empty = await admin.gql(CREATE, { i: { name: '   ', kind: 'CAMHS' } });
    expect(empty.errors?.[0].extensions?.fields).toEqual([{ field: 'name', message: 'Enter the agency name' }]);
    const kind = await admin.gql(CREATE, { i: { name: 'Z', kind: 'SPACE_AGENCY' } });
    expect(kind.status).toBe(400);
    expect(kind.errors?.[0].message).toMatch(/kind/);
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const analyst = await t.as('ANALYST');
    expect(codeOf(await analyst.gql(`{ agency(id: "00000000-0000-4000-8000-000000000000") { id } }`))).toBe('NOT_FOUND');
    const bad = await analyst.gql(`{ agency(id: "1; DROP TABLE agency") { id } }`);
    expect(bad.errors?.[0].extensions?.fields).toEqual([{ field: 'id', message: 'This is not a valid identifier' }]);
  });
});
