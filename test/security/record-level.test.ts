import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, GqlClient } from '../support/gql-client.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Record-level access, with the demo data: what the schema walk cannot see because the root field is
 * allowed — another agency's records, identifying fields, and nested paths to what a root refuses.
 */
let t: TestApp;
let lead: GqlClient;
let otherLead: GqlClient;
let analyst: GqlClient;
let police: GqlClient;
let leadAgency: string;
let otherAgency: string;
/** An open action owned by the other agency, on an issued meeting the lead can see. */
let housingAction: string;
const month = (back: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
};

beforeAll(async () => {
  t = await startTestApp({}, { cases: true });
  [lead, analyst, police] = await Promise.all([t.as('AGENCY_LEAD'), t.as('ANALYST'), t.as('POLICE')]);
  [{ agency_id: leadAgency }] = await t.ds.query(`SELECT agency_id FROM app_user WHERE role = 'AGENCY_LEAD'`);
  [{ id: otherAgency }] = await t.ds.query(`SELECT id FROM agency WHERE kind = 'HOUSING'`);
  await t.ds.query(
    `INSERT INTO app_user (email, name, role, agency_id, password_hash, status, must_change_password, version)
     SELECT 'housing-lead@kingsmere.example', 'Housing Lead', 'AGENCY_LEAD', $1, password_hash, 'ACTIVE', false, 1 FROM app_user WHERE role = 'AGENCY_LEAD' LIMIT 1`,
    [otherAgency],
  );
  [{ id: housingAction }] = await t.ds.query(
    `INSERT INTO meeting_action (meeting_id, description, owner_agency_id, owner, due_on, status, version)
     SELECT id, 'Check the hostel’s visitor log', $1, 'Housing officer', current_date + 14, 'OPEN', 1
     FROM meeting WHERE status IN ('AGENDA_ISSUED', 'HELD', 'MINUTES_APPROVED') ORDER BY date DESC LIMIT 1 RETURNING id`,
    [otherAgency],
  );
  otherLead = new GqlClient(t.baseUrl);
  await otherLead.signIn('housing-lead@kingsmere.example', DEMO_PASSWORD);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('an agency lead and another agency', () => {
  it('cannot reach the other agency’s returns by id, filter, aggregate, periods or export, and each attempt is audited', async () => {
    const [{ id }]: { id: string }[] = await t.ds.query(`SELECT id FROM agency_return WHERE agency_id = $1 ORDER BY period DESC LIMIT 1`, [otherAgency]);
    const before = ((await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'return.access_refused'`)))[0].n;
    const attempts = [
      lead.gql(`query($id: ID!) { agencyReturn(id: $id) { id content { outcomes } } }`, { id }),
      lead.gql(`query($a: ID!) { agencyReturns(filter: { agencyId: $a }) { id } }`, { a: otherAgency }),
      lead.gql(`query($a: ID!, $p: String!) { agencyReturnFor(agencyId: $a, period: $p) { id } }`, { a: otherAgency, p: month(2) }),
      lead.gql(`query($a: ID!) { returnTotals(range: { from: "${month(12)}", to: "${month(1)}" }, agencyId: $a) { byMeasure { total } } }`, { a: otherAgency }),
      lead.gql(`query($a: ID!) { returnPeriods(agencyId: $a) { period } }`, { a: otherAgency }),
    ];
    const results = await Promise.all(attempts);
    expect(results.map((r) => codeOf(r))).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(results.every((r) => !JSON.stringify(r.data ?? {}).includes(otherAgency))).toBe(true);
    const after = ((await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'return.access_refused'`)))[0].n;
    expect(after - before).toBe(5);
    // Exports are aggregates over the whole list, suppressed: there is no per-agency export to reach.
    const exported = await lead.ok<{ exportAnalytics: { rows: string[][] } }>(`mutation { exportAnalytics(widget: ACTIVITY, filter: { from: "${month(6)}", to: "${month(1)}" }) { rows } }`);
    for (const row of exported.exportAnalytics.rows) for (const v of row.slice(1)) expect(v === 'c' || v === '0' || Number(v) > 5).toBe(true);
  });

  it('sees only their own agency’s actions; another agency’s, by filter or by id, is refused at record level and audited', async () => {
    const refusals = async () => (await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'meeting.action_access_refused'`))[0].n;
    const open = await otherLead.ok<{ openActions: { id: string; ownerAgency: { id: string } }[] }>(`{ openActions { id ownerAgency { id } } }`);
    expect(open.openActions.map((a) => a.id)).toContain(housingAction);
    expect(open.openActions.every((a) => a.ownerAgency.id === otherAgency)).toBe(true);
    const own = await lead.ok<{ openActions: { ownerAgency: { id: string } }[] }>(`query($a: ID!) { openActions(agencyId: $a) { ownerAgency { id } } }`, { a: leadAgency });
    expect(own.openActions.every((a) => a.ownerAgency.id === leadAgency)).toBe(true);

    const before = await refusals();
    const byFilter = await lead.gql(`query($a: ID!) { openActions(agencyId: $a) { id description } }`, { a: otherAgency });
    expect(codeOf(byFilter)).toBe('FORBIDDEN');
    expect(byFilter.errors?.[0].extensions?.scope).toBe('RECORD');
    expect(byFilter.data).toBeNull();
    const byId = await lead.gql(`mutation($i: UpdateActionInput!) { updateAction(input: $i) { id } }`, { i: { id: housingAction, status: 'DONE', update: 'closed by someone else', version: 1 } });
    expect(codeOf(byId)).toBe('FORBIDDEN');
    expect(byId.errors?.[0].extensions?.scope).toBe('RECORD');
    expect(await refusals()).toBe(before + 2);
    const [byFilterEvent, byIdEvent]: { entity_type: string; entity_id: string; actor_role: string }[] = await t.ds.query(
      `SELECT entity_type, entity_id, actor_role FROM audit_event WHERE action = 'meeting.action_access_refused' ORDER BY seq DESC LIMIT 2`,
    ).then((rows: { entity_type: string; entity_id: string; actor_role: string }[]) => rows.reverse());
    expect(byFilterEvent).toEqual({ entity_type: 'agency', entity_id: otherAgency, actor_role: 'AGENCY_LEAD' });
    expect(byIdEvent).toEqual({ entity_type: 'meeting_action', entity_id: housingAction, actor_role: 'AGENCY_LEAD' });
    // Nothing changed on the other agency's action.
    expect(await t.ds.query(`SELECT status, update, version FROM meeting_action WHERE id = $1`, [housingAction])).toEqual([{ status: 'OPEN', update: null, version: 1 }]);

    const viaMeeting = await lead.ok<{ meetings: { actions: { ownerAgency: { id: string } }[] }[] }>(`{ meetings { actions { ownerAgency { id } } } }`);
    expect(viaMeeting.meetings.flatMap((m) => m.actions).every((a) => a.ownerAgency.id === leadAgency)).toBe(true);
  });
});

describe('nested paths', () => {
  it('give an agency lead no young person, decision, intelligence detail or link through a meeting', async () => {
    const r = await lead.ok<{ meetings: { decisions: unknown[]; agenda: { section: string; entries: { person: string | null; detail: string | null; linkId: string | null; linkKind: string | null }[] }[] }[] }>(
      `{ meetings { decisions { id } agenda { section entries { person detail linkId linkKind } } } }`,
    );
    expect(r.meetings.length).toBeGreaterThan(0);
    for (const m of r.meetings) {
      expect(m.decisions).toEqual([]);
      for (const item of m.agenda) for (const e of item.entries) if (e.linkKind !== 'ACTION') expect(e.linkId).toBeNull();
      const offenders = m.agenda.filter((i) => i.section === 'OFFENDERS').flatMap((i) => i.entries);
      expect(offenders.every((e) => e.detail === null)).toBe(true);
    }
    const names: { first_name: string; last_name: string }[] = await t.ds.query(`SELECT first_name, last_name FROM young_person`);
    const text = JSON.stringify(r);
    expect(names.some((n) => text.includes(`${n.first_name} ${n.last_name}`))).toBe(false);
  });

  it('give the analyst no identifying field of a young person, whichever way they are reached', async () => {
    const [{ id }]: { id: string }[] = await t.ds.query(`SELECT young_person_id AS id FROM list_membership WHERE ended_on IS NULL LIMIT 1`);
    const paths = [
      `query($id: ID!) { youngPerson(id: $id) { identity { firstName } } }`,
      `query($id: ID!) { youngPerson(id: $id) { assessments { indicators { evidence } } } }`,
      `{ signOffQueue { youngPerson { identity { lastName } } } }`,
      `{ links(page: { first: 100 }) { nodes { from { kind label } to { kind label } } } }`,
    ];
    for (const q of paths.slice(0, 2)) {
      const res = await analyst.gql(q, { id });
      expect(codeOf(res)).toBe('FORBIDDEN');
    }
    expect(codeOf(await analyst.gql(paths[2]))).toBe('FORBIDDEN');
    const links = await analyst.ok<{ links: { nodes: { from: { kind: string; label: string }; to: { kind: string; label: string } }[] } }>(paths[3]);
    const ends = links.links.nodes.flatMap((n) => [n.from, n.to]).filter((e) => e.kind === 'YOUNG_PERSON');
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.every((e) => /^YP-[A-Z2-9]{8}$/.test(e.label))).toBe(true);
    // Returns: references and names of the children agencies work with are withheld from the analyst.
    const r = await analyst.ok<{ agencyReturns: { content: { youngPeople: { reference: string | null; firstName: string | null }[] } }[] }>(
      `{ agencyReturns { content { youngPeople { reference firstName } } } }`,
    );
    expect(r.agencyReturns.flatMap((x) => x.content.youngPeople).every((y) => y.reference === null && y.firstName === null)).toBe(true);
  });

  it('give the police no agency return through any path', async () => {
    expect(codeOf(await police.gql(`{ agencyReturns { id } }`))).toBe('FORBIDDEN');
    expect(codeOf(await police.gql(`{ returnCompliance(range: { from: "${month(2)}", to: "${month(1)}" }) { periods } }`))).toBe('FORBIDDEN');
  });
});
