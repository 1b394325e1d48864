import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import type { NetworkFilter } from '../../server/src/modules/intelligence/intelligence.inputs.js';
import { NetworkService } from '../../server/src/modules/intelligence/network.service.js';

const CREATE_POC = `mutation($i: PersonOfConcernFields!) { createPersonOfConcern(input: $i) { id firstName lastName aliases vehicles { registration make colour } phoneNumbers addresses version } }`;
const UPDATE_POC = `mutation($i: UpdatePersonOfConcernInput!) { updatePersonOfConcern(input: $i) { id status version } }`;
const CREATE_YP = `mutation($i: YoungPersonFields!) { createYoungPerson(input: $i) { id pseudonym } }`;
const CREATE_LOCATION = `mutation($i: CreateLocationInput!) { createLocation(input: $i) { location { id name } } }`;
const RECORD_LINK = `mutation($i: RecordLinkInput!) { recordLink(input: $i) { merged link { id type firstSeen lastSeen sourceGrade intelligenceGrade handling handlingNote from { kind id label } to { kind id label } gradings { sourceGrade intelligenceGrade handling } } } }`;
const NETWORK = `query($f: NetworkFilter) { network(filter: $f) { nodes { id kind label degree betweenness component } edges { id type fromId toId handling handlingNote } } }`;
const GROUPS = `query($f: NetworkFilter) { complexAbuseGroups(filter: $f) { component recommendation reasons members { id kind label } } }`;

type Node = { kind: string; id: string };
type LinkOut = {
  merged: boolean;
  link: { id: string; firstSeen: string; lastSeen: string; handling: string; handlingNote: string | null; gradings: { sourceGrade: number; intelligenceGrade: string; handling: string }[] };
};
type NetworkOut = { nodes: { id: string; kind: string; label: string; degree: number; betweenness: number; component: number }[]; edges: { id: string }[] };

let t: TestApp;
let police: GqlClient;
let analyst: GqlClient;
let coordinator: GqlClient;
let agencyLead: GqlClient;
let admin: GqlClient;
let agencyId: string;
let ypSeq = 0;

const count = async (table: string) => {
  const [row]: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n;
};

const poc = (over: Record<string, unknown> = {}) => ({ firstName: 'Dean', lastName: 'Marsh', approximateAge: 30, gender: 'MALE', category: 'SUSPECTED_PERPETRATOR', status: 'INTELLIGENCE_ONLY', ...over });
async function newPoc(over: Record<string, unknown> = {}): Promise<Node & { version: number }> {
  const r = await police.ok<{ createPersonOfConcern: { id: string; version: number } }>(CREATE_POC, { i: poc(over) });
  return { kind: 'PERSON_OF_CONCERN', id: r.createPersonOfConcern.id, version: r.createPersonOfConcern.version };
}
async function newYp(firstName: string, lastName: string): Promise<Node & { pseudonym: string }> {
  ypSeq++;
  const r = await coordinator.ok<{ createYoungPerson: { id: string; pseudonym: string } }>(CREATE_YP, {
    i: {
      reference: `MOS-INT-${ypSeq}`,
      firstName,
      lastName,
      dateOfBirth: '2010-05-0' + ((ypSeq % 9) + 1),
      gender: 'FEMALE',
      ethnicity: 'WHITE_BRITISH',
      legalStatus: 'CHILD_IN_NEED',
      educationStatus: 'PERSISTENT_ABSENCE',
      presentation: 'BOTH',
    },
  });
  return { kind: 'YOUNG_PERSON', id: r.createYoungPerson.id, pseudonym: r.createYoungPerson.pseudonym };
}
async function newLocation(name: string): Promise<Node> {
  const r = await police.ok<{ createLocation: { location: { id: string } } }>(CREATE_LOCATION, { i: { name, type: 'ONLINE_PLATFORM' } });
  return { kind: 'LOCATION', id: r.createLocation.location.id };
}
const linkInput = (from: Node, to: Node, over: Record<string, unknown> = {}) => ({
  fromKind: from.kind,
  fromId: from.id,
  toKind: to.kind,
  toId: to.id,
  type: 'ASSOCIATE',
  sourceAgencyId: agencyId,
  firstSeen: '2025-03-01',
  lastSeen: '2025-04-01',
  sourceGrade: 2,
  intelligenceGrade: 'B',
  handling: 'P',
  ...over,
});
const link = (from: Node, to: Node, over: Record<string, unknown> = {}) => police.ok<{ recordLink: LinkOut }>(RECORD_LINK, { i: linkInput(from, to, over) });

beforeAll(async () => {
  t = await startTestApp();
  [police, analyst, coordinator, agencyLead, admin] = await Promise.all(['POLICE', 'ANALYST', 'COORDINATOR', 'AGENCY_LEAD', 'ADMIN'].map((r) => t.as(r as never)));
  const [row]: { id: string }[] = await t.ds.query(`SELECT id FROM agency WHERE kind = 'POLICE' ORDER BY name LIMIT 1`);
  agencyId = row.id;
});
afterAll(async () => {
  await t.close();
});

describe('people of concern', () => {
  it('normalises vehicles, phone numbers and addresses, and finds people by alias, partial registration and phone fragment', async () => {
    const r = await police.ok<{ createPersonOfConcern: { vehicles: unknown[]; phoneNumbers: string[]; aliases: string[]; addresses: string[] } }>(CREATE_POC, {
      i: poc({
        firstName: 'Kyle',
        lastName: 'Bennett',
        aliases: ['Snowy', ' K-Dog '],
        vehicles: [{ registration: 'lk19 xyz', make: 'BMW', colour: 'Black' }],
        phoneNumbers: ['07700 900-123'],
        // On one line, as the form's boxes hold them (a line break there would be lost on the next save).
        addresses: ['12 Quay Lane\r\n  Flat 2 ', 'Unit 4\nDock Road\n', 'Unit 4, Dock Road'],
      }),
    });
    expect(r.createPersonOfConcern).toMatchObject({
      aliases: ['Snowy', 'K-Dog'],
      vehicles: [{ registration: 'LK19XYZ', make: 'BMW', colour: 'Black' }],
      phoneNumbers: ['07700900123'],
      addresses: ['12 Quay Lane, Flat 2', 'Unit 4, Dock Road'],
    });
    await newPoc({ firstName: 'Other', lastName: 'Person', aliases: ['Biggs'], vehicles: [{ registration: 'AB12 CDE' }], phoneNumbers: ['07911 555666'] });
    const search = async (s: string) =>
      (await analyst.ok<{ peopleOfConcern: { nodes: { lastName: string }[] } }>(`query($s: String) { peopleOfConcern(filter: { search: $s }) { nodes { lastName } } }`, { s })).peopleOfConcern.nodes.map((n) => n.lastName);
    expect(await search('snowy')).toEqual(['Bennett']);
    expect(await search('19 x')).toEqual(['Bennett']);
    expect(await search('900 12')).toEqual(['Bennett']);
    expect(await search('kyle benn')).toEqual(['Bennett']);
    expect(await search('555')).toEqual(['Person']);
    const filtered = await coordinator.ok<{ peopleOfConcern: { nodes: unknown[] } }>(`{ peopleOfConcern(filter: { status: CONVICTED }) { nodes { id } } }`);
    expect(filtered.peopleOfConcern.nodes).toEqual([]);
  });

  it('needs a date of birth or an approximate age (not both), naming the field, and saves nothing', async () => {
    const before = await count('person_of_concern');
    const both = await police.gql(CREATE_POC, { i: poc({ dateOfBirth: '1990-01-01', approximateAge: 30 }) });
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    expect(both.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['dateOfBirth']);
    const neither = await police.gql(CREATE_POC, { i: poc({ approximateAge: null }) });
    expect(neither.errors?.[0].extensions?.fields?.[0]).toEqual({ field: 'dateOfBirth', message: expect.stringMatching(/date of birth or an approximate age/) });
    expect(await count('person_of_concern')).toBe(before);
  });

  it('updates with optimistic locking, records disruptions, and audits every change and every read', async () => {
    const p = await newPoc({ firstName: 'Lee', lastName: 'Vance' });
    await police.ok(UPDATE_POC, { i: { ...poc({ firstName: 'Lee', lastName: 'Vance', status: 'ARRESTED' }), id: p.id, version: p.version } });
    const stale = await police.gql(UPDATE_POC, { i: { ...poc({ firstName: 'Lee', lastName: 'Vance', status: 'NFA' }), id: p.id, version: p.version } });
    expect(codeOf(stale)).toBe('CONFLICT');
    await police.ok(`mutation($i: RecordDisruptionInput!) { recordDisruption(input: $i) { id } }`, { i: { personOfConcernId: p.id, type: 'CAWN', date: '2025-02-01', notes: 'Served at home address' } });
    expect(codeOf(await coordinator.gql(`mutation($i: RecordDisruptionInput!) { recordDisruption(input: $i) { id } }`, { i: { personOfConcernId: p.id, type: 'ARREST', date: '2025-02-02' } }))).toBe('FORBIDDEN');
    const read = await analyst.ok<{ personOfConcern: { status: string; disruptions: { type: string; date: string; notes: string }[] } }>(
      `query($id: ID!) { personOfConcern(id: $id) { status disruptions { type date notes } } }`,
      { id: p.id },
    );
    expect(read.personOfConcern).toEqual({ status: 'ARRESTED', disruptions: [{ type: 'CAWN', date: '2025-02-01', notes: 'Served at home address' }] });
    const audit: { action: string; actor_role: string }[] = await t.ds.query(`SELECT action, actor_role FROM audit_event WHERE entity_type = 'person_of_concern' AND entity_id = $1 ORDER BY seq`, [p.id]);
    expect(audit).toEqual([
      { action: 'person_of_concern.created', actor_role: 'POLICE' },
      { action: 'person_of_concern.updated', actor_role: 'POLICE' },
      { action: 'person_of_concern.disruption_recorded', actor_role: 'POLICE' },
      { action: 'person_of_concern.viewed', actor_role: 'ANALYST' },
    ]);
  });

  it('audits every list and search read, once per request, with the filter and what was returned', async () => {
    await newPoc({ firstName: 'Audit', lastName: 'Listed', aliases: ['Listy'] });
    const before: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'person_of_concern.list_viewed'`);
    const r = await coordinator.ok<{ peopleOfConcern: { nodes: { id: string }[] } }>(`{ peopleOfConcern(filter: { search: "listy", status: INTELLIGENCE_ONLY }, page: { first: 5 }) { nodes { id } } }`);
    expect(r.peopleOfConcern.nodes).toHaveLength(1);
    const events: { actor_role: string; entity_type: string; details: { filter: unknown; count: number; ids: string[] } }[] = await t.ds.query(
      `SELECT actor_role, entity_type, details FROM audit_event WHERE action = 'person_of_concern.list_viewed' ORDER BY seq DESC`,
    );
    expect(events).toHaveLength(before[0].n + 1);
    expect(events[0]).toEqual({
      actor_role: 'COORDINATOR',
      entity_type: 'person_of_concern',
      details: { filter: { search: 'listy', status: 'INTELLIGENCE_ONLY' }, count: 1, ids: [r.peopleOfConcern.nodes[0].id] },
    });
    // A read that finds nothing is audited too.
    await analyst.ok(`{ peopleOfConcern(filter: { search: "nobody-by-this-name" }) { nodes { id } } }`);
    const [last]: { actor_role: string; details: { count: number } }[] = await t.ds.query(
      `SELECT actor_role, details FROM audit_event WHERE action = 'person_of_concern.list_viewed' ORDER BY seq DESC LIMIT 1`,
    );
    expect(last).toMatchObject({ actor_role: 'ANALYST', details: { count: 0, filter: { search: 'nobody-by-this-name' } } });
  });

  it('is written by the police only and read by the intelligence roles only', async () => {
    for (const client of [analyst, coordinator, admin, agencyLead]) expect(codeOf(await client.gql(CREATE_POC, { i: poc() }))).toBe('FORBIDDEN');
    for (const client of [agencyLead, admin]) {
      expect(codeOf(await client.gql(`{ peopleOfConcern { nodes { id } } }`))).toBe('FORBIDDEN');
      expect(codeOf(await client.gql(NETWORK))).toBe('FORBIDDEN');
      expect(codeOf(await client.gql(GROUPS))).toBe('FORBIDDEN');
      expect(codeOf(await client.gql(`{ links { nodes { id } } }`))).toBe('FORBIDDEN');
    }
  });
});

describe('links', () => {
  it('merges a duplicate (either way round): one row, widened dates, two gradings, handling C shown', async () => {
    const [p, y] = [await newPoc({ firstName: 'Merge', lastName: 'Target' }), await newYp('Jade', 'Holloway')];
    const first = await link(p, y, { type: 'SEEN_WITH', firstSeen: '2025-03-01', lastSeen: '2025-04-01' });
    expect(first.recordLink).toMatchObject({ merged: false, link: { handling: 'P', handlingNote: null } });
    const second = await link(y, p, { type: 'SEEN_WITH', firstSeen: '2025-01-15', lastSeen: '2025-03-10', sourceGrade: 1, intelligenceGrade: 'A', handling: 'C' });
    expect(second.recordLink.merged).toBe(true);
    expect(second.recordLink.link).toMatchObject({
      id: first.recordLink.link.id,
      firstSeen: '2025-01-15',
      lastSeen: '2025-04-01',
      handling: 'C',
      handlingNote: "Handling code C: do not disseminate without the originator's permission",
      gradings: [
        { sourceGrade: 2, intelligenceGrade: 'B', handling: 'P' },
        { sourceGrade: 1, intelligenceGrade: 'A', handling: 'C' },
      ],
    });
    const [{ n }]: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM link WHERE (a_id = $1 OR b_id = $1) AND type = 'SEEN_WITH'`, [p.id]);
    expect(n).toBe(1);
    const listed = await coordinator.ok<{ links: { nodes: { handling: string; handlingNote: string | null }[] } }>(
      `query($id: ID) { links(filter: { nodeKind: YOUNG_PERSON, nodeId: $id }) { nodes { handling handlingNote } } }`,
      { id: y.id },
    );
    expect(listed.links.nodes).toEqual([{ handling: 'C', handlingNote: expect.stringMatching(/^Handling code C/) }]);
    // A different type between the same two is a different link.
    expect((await link(p, y, { type: 'SUSPECTED_OF_EXPLOITING' })).recordLink.merged).toBe(false);
  });

  it('refuses a self-link, a missing node (naming the field) and bad grading, saving nothing', async () => {
    const p = await newPoc({ firstName: 'Self', lastName: 'Loop' });
    const [links, gradings, audits] = [await count('link'), await count('link_grading'), await count('audit_event')];
    const self = await police.gql(RECORD_LINK, { i: linkInput(p, p) });
    expect(codeOf(self)).toBe('BAD_USER_INPUT');
    expect(self.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['toId']);
    const missing = await police.gql(RECORD_LINK, { i: linkInput(p, { kind: 'LOCATION', id: '00000000-0000-4000-8000-000000000001' }) });
    expect(missing.errors?.[0].extensions?.fields).toEqual([{ field: 'toId', message: 'No location with this id is recorded' }]);
    const wrongKind = await police.gql(RECORD_LINK, { i: linkInput({ kind: 'YOUNG_PERSON', id: p.id }, await newLocation('Chat group')) });
    expect(wrongKind.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['fromId']);
    const grade = await police.gql(RECORD_LINK, { i: linkInput(p, await newYp('Grade', 'Check'), { sourceGrade: 4 }) });
    expect(codeOf(grade)).toBe('BAD_USER_INPUT');
    expect(grade.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['sourceGrade']);
    const badLetter = await police.gql(RECORD_LINK, { i: linkInput(p, await newYp('Grade', 'Letter'), { intelligenceGrade: 'F' }) });
    expect(codeOf(badLetter)).toBe('BAD_USER_INPUT');
    const dates = await police.gql(RECORD_LINK, { i: linkInput(p, await newYp('Date', 'Order'), { firstSeen: '2025-05-01', lastSeen: '2025-04-01' }) });
    expect(dates.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['lastSeen']);
    expect([await count('link'), await count('link_grading')]).toEqual([links, gradings]);
    // Only the young people and the location created above were audited: no link event.
    const [{ n }]: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'link.%' AND seq > (SELECT max(seq) - $1 FROM audit_event)`, [
      (await count('audit_event')) - audits,
    ]);
    expect(n).toBe(0);
  });
});

describe('the network', () => {
  let ring: { pocs: Node[]; yps: (Node & { pseudonym: string })[]; place: Node };
  beforeAll(async () => {
    // A case built to meet both shapes of the rule: one adult linked to three girls, a second adult to one of them.
    const pocs = [await newPoc({ firstName: 'Ringo', lastName: 'Leader' }), await newPoc({ firstName: 'Second', lastName: 'Man' })];
    const yps = [await newYp('Amelia', 'Quartermaine'), await newYp('Bethany', 'Ollerenshaw'), await newYp('Chloe', 'Featherstonehaugh')];
    const place = await newLocation('Ring flat');
    for (const y of yps) await link(pocs[0], y, { type: 'SUSPECTED_OF_EXPLOITING', lastSeen: '2025-06-01', sourceGrade: 1, intelligenceGrade: 'A' });
    await link(pocs[1], yps[2], { type: 'SEEN_WITH', lastSeen: '2025-06-01', sourceGrade: 3, intelligenceGrade: 'D' });
    await link(pocs[0], place, { type: 'LIVES_AT', lastSeen: '2025-06-01', sourceGrade: 1, intelligenceGrade: 'A', handling: 'C' });
    ring = { pocs, yps, place };
  });

  it('gives the analyst young people by pseudonym only, with degree, betweenness and components', async () => {
    const r = await analyst.gql<{ network: NetworkOut }>(NETWORK, { f: { lastSeenFrom: '2025-06-01' } });
    expect(r.errors).toBeUndefined();
    const text = JSON.stringify(r.data);
    for (const name of ['Amelia', 'Quartermaine', 'Bethany', 'Ollerenshaw', 'Chloe', 'Featherstonehaugh']) expect(text).not.toContain(name);
    const byId = new Map(r.data!.network.nodes.map((n) => [n.id, n]));
    expect(byId.get(ring.yps[0].id)).toMatchObject({ kind: 'YOUNG_PERSON', label: ring.yps[0].pseudonym, degree: 1, betweenness: 0 });
    expect(byId.get(ring.pocs[0].id)).toMatchObject({ label: 'Ringo Leader', degree: 4 });
    expect(byId.get(ring.place.id)).toMatchObject({ kind: 'LOCATION', label: 'Ring flat', degree: 1 });
    // Leader: between every pair among his 4 neighbours (6) plus the second man to the 3 others via Chloe (3).
    expect(byId.get(ring.pocs[0].id)!.betweenness).toBe(9);
    expect(new Set([...byId.values()].map((n) => n.component)).size).toBe(1);
    expect(r.data!.network.edges).toHaveLength(5);
    const [event]: { actor_role: string; details: { filter: { lastSeenFrom: string } } }[] = await t.ds.query(
      `SELECT actor_role, details FROM audit_event WHERE action = 'network.network_viewed' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event).toMatchObject({ actor_role: 'ANALYST', details: { filter: { lastSeenFrom: '2025-06-01' } } });
  });

  it('filters by grading: without the low-graded link the second man drops out', async () => {
    const r = await analyst.ok<{ network: NetworkOut }>(NETWORK, { f: { lastSeenFrom: '2025-06-01', maxSourceGrade: 2, intelligenceGrades: ['A', 'B'] } });
    expect(r.network.nodes.map((n) => n.id)).not.toContain(ring.pocs[1].id);
    expect(r.network.edges).toHaveLength(4);
    const types = await analyst.ok<{ network: NetworkOut }>(NETWORK, { f: { lastSeenFrom: '2025-06-01', types: ['LIVES_AT'] } });
    expect(types.network.nodes.map((n) => n.id).sort()).toEqual([ring.pocs[0].id, ring.place.id].sort());
  });

  it('flags the constructed case for a complex strategy meeting, with both reasons and its members', async () => {
    const r = await analyst.ok<{ complexAbuseGroups: { reasons: string[]; recommendation: string; members: { id: string; kind: string; label: string }[] }[] }>(GROUPS, {
      f: { lastSeenFrom: '2025-06-01' },
    });
    expect(r.complexAbuseGroups).toHaveLength(1);
    const [g] = r.complexAbuseGroups;
    expect(g.recommendation).toBe('Consider a complex strategy meeting');
    expect(g.reasons).toEqual(['3 young people and 2 people of concern are connected in one network', '3 young people are linked directly to Ringo Leader']);
    expect(g.members.map((m) => m.id).sort()).toEqual([...ring.pocs, ...ring.yps, ring.place].map((n) => n.id).sort());
    expect(JSON.stringify(g)).not.toMatch(/Amelia|Quartermaine/);
    // Only the well-graded links: one adult and three girls still meet the second shape.
    const strong = await analyst.ok<{ complexAbuseGroups: { reasons: string[] }[] }>(GROUPS, { f: { lastSeenFrom: '2025-06-01', maxSourceGrade: 1 } });
    expect(strong.complexAbuseGroups.map((x) => x.reasons)).toEqual([['3 young people are linked directly to Ringo Leader']]);
  });

  it('gives each node its risk: the RAG of a young person\'s latest final screening, a person of concern\'s status and category', async () => {
    const [{ id: assessor }]: { id: string }[] = await t.ds.query(`SELECT id FROM app_user WHERE role = 'COORDINATOR' LIMIT 1`);
    const screen = (yp: Node, on: string, rag: string, status: string) =>
      t.ds.query(
        `INSERT INTO risk_assessment (young_person_id, assessed_on, assessor_id, answers, models, computed_score, final_score, rag, status, next_review_on, version)
         VALUES ($1, $2, $3, '{}'::jsonb, '{}', $4, $4, $5, $6, $2::date + 90, 1)`,
        [yp.id, on, assessor, { GREEN: 0, AMBER: 1, RED: 2 }[rag], rag, status],
      );
    // Amelia: red, then amber (the latest final), then a green still awaiting sign-off (not final, so not shown).
    await screen(ring.yps[0], '2025-01-10', 'RED', 'FINAL');
    await screen(ring.yps[0], '2025-05-10', 'AMBER', 'FINAL');
    await screen(ring.yps[0], '2025-06-10', 'GREEN', 'AWAITING_SIGN_OFF');
    await screen(ring.yps[1], '2025-04-01', 'RED', 'FINAL');
    await police.ok(UPDATE_POC, { i: { ...poc({ firstName: 'Second', lastName: 'Man', status: 'CHARGED', category: 'PERSON_OF_CONCERN' }), id: ring.pocs[1].id, version: (ring.pocs[1] as Node & { version: number }).version } });
    const RISK = `query($f: NetworkFilter) { network(filter: $f) { nodes { id kind rag pocStatus pocCategory } } }`;
    const r = await analyst.ok<{ network: { nodes: { id: string; rag: string | null; pocStatus: string | null; pocCategory: string | null }[] } }>(RISK, { f: { lastSeenFrom: '2025-06-01' } });
    const risk = new Map(r.network.nodes.map(({ id, ...rest }) => [id, rest]));
    expect(risk.get(ring.yps[0].id)).toEqual({ kind: 'YOUNG_PERSON', rag: 'AMBER', pocStatus: null, pocCategory: null });
    expect(risk.get(ring.yps[1].id)).toEqual({ kind: 'YOUNG_PERSON', rag: 'RED', pocStatus: null, pocCategory: null });
    expect(risk.get(ring.yps[2].id)).toEqual({ kind: 'YOUNG_PERSON', rag: null, pocStatus: null, pocCategory: null });
    expect(risk.get(ring.pocs[0].id)).toEqual({ kind: 'PERSON_OF_CONCERN', rag: null, pocStatus: 'INTELLIGENCE_ONLY', pocCategory: 'SUSPECTED_PERPETRATOR' });
    expect(risk.get(ring.pocs[1].id)).toEqual({ kind: 'PERSON_OF_CONCERN', rag: null, pocStatus: 'CHARGED', pocCategory: 'PERSON_OF_CONCERN' });
    expect(risk.get(ring.place.id)).toEqual({ kind: 'LOCATION', rag: null, pocStatus: null, pocCategory: null });
    // A neighbourhood carries the same risk, its starting node included.
    const near = await police.ok<{ neighbourhood: { nodes: { id: string; rag: string | null; pocStatus: string | null }[] } }>(
      `query($id: ID!) { neighbourhood(kind: PERSON_OF_CONCERN, id: $id, hops: 1, filter: { lastSeenFrom: "2025-06-01" }) { nodes { id rag pocStatus } } }`,
      { id: ring.pocs[1].id },
    );
    expect(near.neighbourhood.nodes.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: ring.pocs[1].id, rag: null, pocStatus: 'CHARGED' },
        { id: ring.yps[2].id, rag: null, pocStatus: null },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('bounds the date window at both ends: lastSeenTo leaves out links seen after it, and an inverted window is refused', async () => {
    const y = await newYp('Window', 'Bound');
    const [early, late] = [await newPoc({ firstName: 'Early', lastName: 'Seen' }), await newPoc({ firstName: 'Late', lastName: 'Seen' })];
    await link(early, y, { firstSeen: '2024-01-01', lastSeen: '2024-02-10' });
    await link(late, y, { firstSeen: '2024-01-01', lastSeen: '2024-03-10' });
    const ids = async (f: Record<string, string>) => (await analyst.ok<{ network: NetworkOut }>(NETWORK, { f })).network.nodes.map((n) => n.id);
    const window = { lastSeenFrom: '2024-02-01', lastSeenTo: '2024-02-28' };
    expect((await ids(window)).sort()).toEqual([early.id, y.id].sort());
    // The bound is inclusive: a link last seen on the day itself is in.
    expect(await ids({ lastSeenFrom: '2024-02-01', lastSeenTo: '2024-03-10' })).toEqual(expect.arrayContaining([early.id, late.id, y.id]));
    expect(await ids({ lastSeenFrom: '2024-02-01', lastSeenTo: '2024-03-09' })).not.toContain(late.id);
    const inverted = await analyst.gql(NETWORK, { f: { lastSeenFrom: '2024-03-01', lastSeenTo: '2024-02-01' } });
    expect(codeOf(inverted)).toBe('BAD_USER_INPUT');
    expect(inverted.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['filter.lastSeenTo']);
  });

  it('finds the neighbourhood of a node within a number of hops', async () => {
    const Q = `query($id: ID!, $hops: Int!) { neighbourhood(kind: PERSON_OF_CONCERN, id: $id, hops: $hops, filter: { lastSeenFrom: "2025-06-01" }) { nodes { id } edges { id } } }`;
    const one = await police.ok<{ neighbourhood: NetworkOut }>(Q, { id: ring.pocs[1].id, hops: 1 });
    expect(one.neighbourhood.nodes.map((n) => n.id).sort()).toEqual([ring.pocs[1].id, ring.yps[2].id].sort());
    const two = await police.ok<{ neighbourhood: NetworkOut }>(Q, { id: ring.pocs[1].id, hops: 2 });
    expect(two.neighbourhood.nodes).toHaveLength(3);
    const three = await police.ok<{ neighbourhood: NetworkOut }>(Q, { id: ring.pocs[1].id, hops: 3 });
    expect(three.neighbourhood.nodes).toHaveLength(6);
    expect(codeOf(await police.gql(Q, { id: ring.pocs[1].id, hops: 4 }))).toBe('BAD_USER_INPUT');
  });

  it('finds for the agenda, over the whole network, the groups the network view finds: the same components, numbers, reasons and members, a deleted end left out', async () => {
    const network = t.app.get(NetworkService);
    const shape = (groups: { component: number; reasons: string[]; members: Node[] }[]) =>
      groups.map((g) => ({ component: g.component, reasons: g.reasons, members: g.members.map((m) => `${m.kind}:${m.id}`).sort() }));
    const same = async (filter: NetworkFilter) => {
      const view = shape(await network.complexAbuseGroups(filter));
      expect(shape(await network.complexAbuseGroupSummaries(filter)), JSON.stringify(filter)).toEqual(view);
      return view;
    };
    // Three more groups of two men and two girls: tied in size, numbered by their smallest node key.
    for (let g = 0; g < 3; g++) {
      const [m1, m2, y1, y2] = [await newPoc({ firstName: `Tied${g}`, lastName: 'One' }), await newPoc({ firstName: `Tied${g}`, lastName: 'Two' }), await newYp(`Tia${g}`, 'Tie'), await newYp(`Tess${g}`, 'Tie')];
      for (const [a, b] of [[m1, y1], [m2, y2], [m1, m2]] as const) await link(a, b, { type: 'SEEN_WITH', lastSeen: '2025-06-01' });
    }
    const all = await same({});
    const tied = all.filter((g) => g.members.length === 4);
    expect(tied.length).toBeGreaterThanOrEqual(3);
    expect(tied.map((g) => g.members[0])).toEqual(tied.map((g) => g.members[0]).sort());
    await same({ lastSeenFrom: '2025-06-01' });
    await same({ maxSourceGrade: 1 });
    await same({ types: ['SUSPECTED_OF_EXPLOITING'] });
    expect(await network.complexAbuseGroupSummaries({ lastSeenFrom: '2099-01-01' })).toEqual([]);
    // A place linked to the ring, then deleted: its link is left out of both.
    const gone = await newLocation('Demolished flat');
    await link(ring.pocs[1], gone, { type: 'FREQUENTS', lastSeen: '2025-06-01' });
    expect((await same({ lastSeenFrom: '2025-06-01' })).some((g) => g.members.includes(`LOCATION:${gone.id}`))).toBe(true);
    await t.ds.query(`DELETE FROM location WHERE id = $1`, [gone.id]);
    const after = await same({ lastSeenFrom: '2025-06-01' });
    expect(after.flatMap((g) => g.members)).not.toContain(`LOCATION:${gone.id}`);
    expect(after.flatMap((g) => g.members)).toContain(`PERSON_OF_CONCERN:${ring.pocs[1].id}`);
  });
});

describe('chronology', () => {
  it('gives a person of concern and a place one dated timeline: links first and last seen, disruptions, status, hot-spot reports', async () => {
    const p = await newPoc({ firstName: 'Chrono', lastName: 'Logical' });
    await police.ok(UPDATE_POC, { i: { ...poc({ firstName: 'Chrono', lastName: 'Logical', status: 'ARRESTED' }), id: p.id, version: p.version } });
    const disruption = await police.ok<{ recordDisruption: { disruptions: { id: string }[] } }>(
      `mutation($i: RecordDisruptionInput!) { recordDisruption(input: $i) { disruptions { id } } }`,
      { i: { personOfConcernId: p.id, type: 'CAWN', date: '2025-02-01', notes: 'Served in person' } },
    );
    const y = await newYp('Timeline', 'Girl');
    const place = await newLocation('Chrono arcade');
    const seen = await link(p, y, { type: 'SEEN_WITH', firstSeen: '2025-01-10', lastSeen: '2025-03-05' });
    const frequents = await link(p, place, { type: 'FREQUENTS', firstSeen: '2025-02-20', lastSeen: '2025-02-20', handling: 'C' });
    const [{ id: report }]: { id: string }[] = await t.ds.query(
      `INSERT INTO hot_spot_report (location_id, month, sightings, incidents, risk_level, notes, version) VALUES ($1, '2025-02-01', 1, 2, 'HIGH', 'Groups after school', 1) RETURNING id`,
      [place.id],
    );
    const [{ today }]: { today: string }[] = await t.ds.query(`SELECT to_char((now() AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') AS today`);
    const ENTRIES = `chronology { on kind summary refId }`;
    type Entry = { on: string; kind: string; summary: string; refId: string | null };

    const person = await analyst.ok<{ personOfConcern: { chronology: Entry[] } }>(`query($id: ID!) { personOfConcern(id: $id) { ${ENTRIES} } }`, { id: p.id });
    expect(person.personOfConcern.chronology).toEqual([
      { on: today, kind: 'STATUS', summary: 'Recorded: intelligence only', refId: null },
      { on: today, kind: 'STATUS', summary: 'Status changed to arrested', refId: null },
      { on: '2025-03-05', kind: 'LINK_LAST_SEEN', summary: `Seen with: ${y.pseudonym}, last seen`, refId: seen.recordLink.link.id },
      { on: '2025-02-20', kind: 'LINK_FIRST_SEEN', summary: 'Frequents: Chrono arcade, first seen (handling code C: conditions apply)', refId: frequents.recordLink.link.id },
      { on: '2025-02-01', kind: 'DISRUPTION', summary: 'Child abduction warning notice: Served in person', refId: disruption.recordDisruption.disruptions[0].id },
      { on: '2025-01-10', kind: 'LINK_FIRST_SEEN', summary: `Seen with: ${y.pseudonym}, first seen`, refId: seen.recordLink.link.id },
    ]);
    // Young people by pseudonym only, whoever reads it.
    expect(JSON.stringify(person)).not.toMatch(/Timeline|Girl/);

    const location = await coordinator.ok<{ location: { chronology: Entry[] } }>(`query($id: ID!) { location(id: $id) { ${ENTRIES} } }`, { id: place.id });
    expect(location.location.chronology).toEqual([
      { on: '2025-02-20', kind: 'LINK_FIRST_SEEN', summary: 'Frequents: Chrono Logical, first seen (handling code C: conditions apply)', refId: frequents.recordLink.link.id },
      { on: '2025-02-01', kind: 'HOT_SPOT_REPORT', summary: 'February 2025: 2 incidents, 1 sighting, high risk: Groups after school', refId: report },
    ]);
    expect(codeOf(await agencyLead.gql(`query($id: ID!) { location(id: $id) { ${ENTRIES} } }`, { id: place.id }))).toBe('FORBIDDEN');
  });
});

describe('police references', () => {
  it('are unique (whatever the case), found by search, and can be moved to another person only once freed', async () => {
    const Q = `mutation($i: PersonOfConcernFields!) { createPersonOfConcern(input: $i) { id policeReference version } }`;
    const a = await police.ok<{ createPersonOfConcern: { id: string; policeReference: string; version: number } }>(Q, { i: poc({ policeReference: ' km-n777 ', lastName: 'Refholder' }) });
    expect(a.createPersonOfConcern.policeReference).toBe('KM-N777');
    const dup = await police.gql(Q, { i: poc({ policeReference: 'KM-N777' }) });
    expect(codeOf(dup)).toBe('BAD_USER_INPUT');
    expect(dup.errors?.[0].extensions?.fields).toEqual([{ field: 'policeReference', message: 'A person of concern with police reference KM-N777 is already recorded' }]);
    const found = await analyst.ok<{ peopleOfConcern: { nodes: { lastName: string }[] } }>(`{ peopleOfConcern(filter: { search: "n777" }) { nodes { lastName } } }`);
    expect(found.peopleOfConcern.nodes.map((n) => n.lastName)).toEqual(['Refholder']);
    // Saving the holder again with its own reference is not a duplicate.
    const kept = await police.gql(UPDATE_POC, { i: { ...poc({ policeReference: 'KM-N777', lastName: 'Refholder' }), id: a.createPersonOfConcern.id, version: a.createPersonOfConcern.version } });
    expect(kept.errors).toBeUndefined();
  });
});
