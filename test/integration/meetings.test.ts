import { mkdirSync, writeFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { projectRoot } from '../../server/src/database/project-root.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ITEM = `id section position generator title notes version entries { key person text detail linkKind linkId }`;
const MEETING = `query($id: ID!) { meeting(id: $id) { id date status version agenda { ${ITEM} } actions { id description owner dueOn status overdue ownerAgency { id } version } decisions { id kind person } } }`;
const GENERATE = `mutation($id: ID!) { generateAgenda(meetingId: $id) { ${ITEM} } }`;
const SCHEDULE = `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id date status version } }`;
const ISSUE = `mutation($id: ID!, $v: Int!) { issueAgenda(meetingId: $id, version: $v) { id status version } }`;
const CHANGES = `query($id: ID!, $a: AgendaChangeBasis!) { agendaChanges(meetingId: $id, against: $a) { generator added { key person text } removed { key } } }`;

type Entry = { key: string; person: string | null; text: string; detail: string | null; linkKind: string | null; linkId: string | null };
type Item = { id: string; section: string; position: number; generator: string | null; title: string; notes: string | null; version: number; entries: Entry[] };
type Meeting = { id: string; date: string; status: string; version: number; agenda: Item[]; actions: { id: string; description: string; status: string; overdue: boolean; version: number; ownerAgency: { id: string } }[]; decisions: { kind: string; person: string | null }[] };

let t: TestApp;
let coChair: GqlClient;
let coordinator: GqlClient;
let analyst: GqlClient;
let police: GqlClient;
let lead: GqlClient;
let user: string;
let leadAgency: string;
let otherAgency: string;
const yp: Record<string, { id: string; reference: string; first: string; last: string }> = {};
let previous: string;
let current: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const today = day(0);
const periodBefore = (() => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
})();

async function addYp(key: string, first: string, last: string, over: { legal?: string; placement?: string; borough?: string } = {}) {
  const reference = `MOS-MTG-${Object.keys(yp).length + 1}`;
  const [{ id }]: { id: string }[] = await t.ds.query(
    `INSERT INTO young_person (pseudonym, reference, first_name, last_name, first_name_key, last_name_key, date_of_birth, gender, ethnicity, legal_status, education_status, presentation, placement_type, placement_borough, created_by, version)
     VALUES ($1, $2, $3, $4, lower($3), lower($4), '2011-05-05', 'FEMALE', 'WHITE_BRITISH', $5, 'IN_EDUCATION', 'CSE', $6, $7, $8, 1) RETURNING id`,
    [`YP-MTG0000${Object.keys(yp).length + 1}`, reference, first, last, over.legal ?? 'CHILD_IN_NEED', over.placement ?? 'HOME_BOROUGH', over.borough ?? null, user],
  );
  yp[key] = { id, reference, first, last };
}
const join = (key: string, on: string) => t.ds.query(`INSERT INTO list_membership (young_person_id, started_on, start_reason, created_by) VALUES ($1, $2, 'OVERRIDE', $3)`, [yp[key].id, on, user]);
const screen = (key: string, on: string, score: number, reviewOn = day(60)) =>
  t.ds.query(
    `INSERT INTO risk_assessment (young_person_id, assessed_on, assessor_id, answers, models, computed_score, final_score, rag, status, next_review_on, version)
     VALUES ($1, $2, $3, '{}'::jsonb, '{}', $4, $4, $5, 'FINAL', $6, 1)`,
    [yp[key].id, on, user, score, score === 3 ? 'RED' : score === 2 ? 'AMBER' : 'GREEN', reviewOn],
  );
const members = (m: Meeting, generator: string) => m.agenda.find((i) => i.generator === generator)!.entries.map((e) => e.person ?? e.text).sort();

beforeAll(async () => {
  t = await startTestApp();
  [coChair, coordinator, analyst, police, lead] = await Promise.all(['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE', 'AGENCY_LEAD'].map((r) => t.as(r as never)));
  [{ id: user }] = await t.ds.query(`SELECT id FROM app_user WHERE role = 'COORDINATOR'`);
  [{ agency_id: leadAgency }] = await t.ds.query(`SELECT agency_id FROM app_user WHERE role = 'AGENCY_LEAD'`);
  [{ id: otherAgency }] = await t.ds.query(`SELECT id FROM agency WHERE kind = 'HOUSING'`);

  // Victims.
  await addYp('newcomer', 'Ada', 'Newcombe');
  await join('newcomer', day(-10));
  await screen('newcomer', day(-12), 2);
  await addYp('riser', 'Bea', 'Upton');
  await join('riser', day(-200));
  await screen('riser', day(-100), 1, day(-10));
  await screen('riser', day(-5), 3);
  await addYp('overdue', 'Cat', 'Lately');
  await join('overdue', day(-300));
  await screen('overdue', day(-120), 1, day(-30));
  await addYp('stepdown', 'Dot', 'Downes');
  await join('stepdown', day(-300));
  await screen('stepdown', day(-20), 0);
  await addYp('placed', 'Eve', 'Away', { legal: 'LOOKED_AFTER_S20', placement: 'PLACED_OUT', borough: 'Westhaven' });
  await join('placed', day(-90));
  await screen('placed', day(-25), 1);
  await addYp('unlisted', 'Fay', 'Offlist');

  // A return naming a child not on the list, with a blockage.
  const [{ id: returnId }]: { id: string }[] = await t.ds.query(
    `INSERT INTO agency_return (agency_id, period, status, content, deadline, late, version_count, version) VALUES ($1, $2, 'SUBMITTED', $3::jsonb, $4, false, 1, 1) RETURNING id`,
    [leadAgency, `${periodBefore}-01`, JSON.stringify({ measures: [], localities: [], youngPeople: [], outcomes: 'x', blockages: ['No CAMHS slots this month'] }), day(-5)],
  );
  await t.ds.query(`INSERT INTO agency_return_young_person (return_id, reference, agency_id, period, involvement, young_person_id, matched_by) VALUES ($1, $2, $3, $4, 'AT_RISK', $5, 'REFERENCE')`, [
    returnId,
    yp.unlisted.reference,
    leadAgency,
    `${periodBefore}-01`,
    yp.unlisted.id,
  ]);

  // Offenders: a person of concern recorded this month with a disruption; a group meeting the complex-abuse rule.
  const poc = async (ref: string, last: string, created: string) =>
    (
      await t.ds.query<{ id: string }[]>(
        `INSERT INTO person_of_concern (police_reference, first_name, last_name, approximate_age, gender, category, status, version, created_at, updated_at) VALUES ($1, 'Gus', $2, 30, 'MALE', 'SUSPECTED_PERPETRATOR', 'UNDER_INVESTIGATION', 1, $3, $3) RETURNING id`,
        [ref, last, created],
      )
    )[0].id;
  const recent = await poc('KM-T100', 'Recentman', day(-5));
  const older = await poc('KM-T200', 'Oldhand', day(-400));
  await t.ds.query(`INSERT INTO disruption_action (person_of_concern_id, type, date) VALUES ($1, 'CAWN', $2)`, [older, day(-3)]);
  const [{ id: police_agency }]: { id: string }[] = await t.ds.query(`SELECT id FROM agency WHERE kind = 'POLICE'`);
  const link = (fromKind: string, fromId: string, toKind: string, toId: string) =>
    police.ok(`mutation($i: RecordLinkInput!) { recordLink(input: $i) { merged } }`, {
      i: { fromKind, fromId, toKind, toId, type: 'SUSPECTED_OF_EXPLOITING', sourceAgencyId: police_agency, firstSeen: day(-40), lastSeen: day(-2), sourceGrade: 2, intelligenceGrade: 'B', handling: 'P' },
    });
  await link('PERSON_OF_CONCERN', recent, 'YOUNG_PERSON', yp.riser.id);
  await link('PERSON_OF_CONCERN', older, 'YOUNG_PERSON', yp.riser.id);
  await link('PERSON_OF_CONCERN', older, 'YOUNG_PERSON', yp.newcomer.id);

  // Locations: a place first reported last month.
  const [{ id: place }]: { id: string }[] = await t.ds.query(`INSERT INTO location (name, type, version) VALUES ('Pier Arcade', 'OTHER', 1) RETURNING id`);
  await t.ds.query(`INSERT INTO hot_spot_report (location_id, month, sightings, incidents, risk_level, version) VALUES ($1, $2, 4, 2, 'HIGH', 1)`, [place, `${periodBefore}-01`]);

  // The meeting before, with actions: one overdue, one done, and a blockage still open.
  previous = (await coChair.ok<{ scheduleMeeting: { id: string } }>(SCHEDULE, { i: { date: day(-30), chairs: ['Safeguarding manager', 'Detective Inspector'] } })).scheduleMeeting.id;
  await coChair.ok(GENERATE, { id: previous });
  await coChair.ok(ISSUE, { id: previous, v: 2 });
  const action = `mutation($i: RecordActionInput!) { recordAction(input: $i) { id version } }`;
  await coChair.ok(action, { i: { meetingId: previous, description: 'Chase the school about attendance', ownerAgencyId: leadAgency, owner: 'Lead officer', dueOn: day(-2) } });
  await coChair.ok(action, { i: { meetingId: previous, description: 'Visit the hotel', ownerAgencyId: otherAgency, owner: 'Housing officer', dueOn: day(20) } });
  const done = await coChair.ok<{ recordAction: { id: string; version: number } }>(action, { i: { meetingId: previous, description: 'Already done', ownerAgencyId: otherAgency, owner: 'Someone', dueOn: day(-20) } });
  await coChair.ok(`mutation($i: UpdateActionInput!) { updateAction(input: $i) { id } }`, { i: { id: done.recordAction.id, status: 'DONE', version: done.recordAction.version } });
  await coChair.ok(`mutation($i: RaiseBlockageInput!) { raiseBlockage(input: $i) { id } }`, { i: { meetingId: previous, description: 'Hotel will not share its register' } });

  current = (await coChair.ok<{ scheduleMeeting: { id: string } }>(SCHEDULE, { i: { date: today } })).scheduleMeeting.id;
});
afterAll(async () => {
  await t?.close();
});

describe('the agenda generated from the data', () => {
  it('lists every section’s members as the data stands, young people by initials and reference only', async () => {
    const items = (await coordinator.ok<{ generateAgenda: Item[] }>(GENERATE, { id: current })).generateAgenda;
    const m = { agenda: items } as Meeting;
    const label = (k: string) => `${yp[k].first[0]}.${yp[k].last[0]}. (${yp[k].reference})`;
    expect(items.map((i) => i.section).filter((s, i, a) => a.indexOf(s) === i)).toEqual(['WELCOME', 'MINUTES', 'VICTIMS', 'OFFENDERS', 'LOCATIONS', 'THEMES', 'RETURNS', 'BLOCKAGES', 'AOB']);
    expect(members(m, 'new_to_list')).toEqual([label('newcomer')]);
    expect(members(m, 'score_rose')).toEqual([label('riser')]);
    expect(members(m, 'red')).toEqual([label('riser')]);
    expect(members(m, 'reviews_overdue')).toEqual([label('overdue')]);
    expect(members(m, 'step_downs')).toEqual([label('stepdown')]);
    expect(members(m, 'cross_borough')).toEqual([label('placed')]);
    expect(m.agenda.find((i) => i.generator === 'cross_borough')!.entries[0].text).toBe('placed out of the borough, in Westhaven');
    expect(members(m, 'unscreened')).toEqual([label('unlisted')]);
    expect(m.agenda.find((i) => i.generator === 'unscreened')!.entries[0].text).toMatch(/^named by .* in its \d{4}-\d{2} return: recorded but not on the list/);
    expect(m.agenda.find((i) => i.generator === 'people_of_concern')!.entries.map((e) => e.text)).toEqual(['KM-T100: new, now under investigation']);
    expect(m.agenda.find((i) => i.generator === 'disruptions')!.entries.map((e) => e.text)).toEqual([expect.stringMatching(/^Child abduction warning notice on .*: KM-T200$/)]);
    expect(m.agenda.find((i) => i.generator === 'complex_groups')!.entries.map((e) => e.text)).toEqual(['2 young people, 2 people of concern and 0 places connected: consider a complex strategy meeting']);
    expect(m.agenda.find((i) => i.generator === 'hot_spots')!.entries.map((e) => e.text)).toEqual([expect.stringMatching(/^Pier Arcade: new hot spot, 2 incidents/)]);
    expect(m.agenda.find((i) => i.generator === 'open_actions')!.entries.map((e) => e.text)).toEqual([
      expect.stringMatching(/^Overdue: Chase the school about attendance — Lead officer/),
      expect.stringMatching(/^Visit the hotel — Housing officer/),
    ]);
    expect(m.agenda.find((i) => i.generator === 'blockages')!.entries.map((e) => e.text)).toEqual(['Hotel will not share its register', expect.stringMatching(/^No CAMHS slots this month \(/)]);
    expect(m.agenda.find((i) => i.generator === 'next_meeting')!.entries[0].text).toMatch(/^Next meeting: .*the usual day/);
    const everything = JSON.stringify(items);
    for (const k of Object.keys(yp)) expect(everything).not.toContain(yp[k].last);
  });

  it('lets the preparers edit, add, reorder and remove items, and the police only the offenders and locations', async () => {
    let m = (await coChair.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting;
    const red = m.agenda.find((i) => i.generator === 'red')!;
    const UPDATE = `mutation($i: UpdateAgendaItemInput!) { updateAgendaItem(input: $i) { id title notes version } }`;
    await coChair.ok(UPDATE, { i: { id: red.id, title: 'Red (score 3): discuss first', notes: 'Safety plans due', version: red.version } });
    expect(codeOf(await analyst.gql(UPDATE, { i: { id: red.id, title: 'x', version: red.version } }))).toBe('CONFLICT');
    expect(codeOf(await police.gql(UPDATE, { i: { id: red.id, title: 'x', version: red.version + 1 } }))).toBe('FORBIDDEN');
    const hot = m.agenda.find((i) => i.generator === 'hot_spots')!;
    expect((await police.gql(UPDATE, { i: { id: hot.id, title: hot.title, notes: 'Patrols planned', version: hot.version } })).errors).toBeUndefined();
    await coChair.ok(`mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }`, { i: { meetingId: current, section: 'AOB', title: 'Training day' } });
    const victims = m.agenda.filter((i) => i.section === 'VICTIMS');
    await coChair.ok(`mutation($i: MoveAgendaItemInput!) { moveAgendaItem(input: $i) { id } }`, { i: { id: victims[2].id, by: -1 } });
    await coChair.ok(`mutation($id: ID!) { removeAgendaItem(id: $id) { id } }`, { id: m.agenda.find((i) => i.generator === 'themes')!.id });
    // Generating again keeps notes, order and added items.
    await coChair.ok(GENERATE, { id: current });
    m = (await coChair.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting;
    expect(m.agenda.find((i) => i.generator === 'red')).toMatchObject({ title: 'Red (score 3): discuss first', notes: 'Safety plans due' });
    expect(m.agenda.filter((i) => i.section === 'VICTIMS').slice(0, 3).map((i) => i.generator)).toEqual(['new_to_list', 'red', 'score_rose']);
    expect(m.agenda.some((i) => i.title === 'Training day')).toBe(true);
    expect(m.agenda.find((i) => i.generator === 'themes')).toBeDefined(); // regenerated: removing an item is undone by generating again
  });

  it('freezes when issued: later data does not alter it, "changes since issued" shows what moved, and it cannot be issued or edited again', async () => {
    let m = (await coChair.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting;
    expect(codeOf(await coordinator.gql(ISSUE, { id: current, v: m.version }))).toBe('FORBIDDEN');
    await coChair.ok(ISSUE, { id: current, v: m.version });
    expect(codeOf(await coChair.gql(ISSUE, { id: current, v: m.version + 1 }))).toBe('CONFLICT');
    const before = JSON.stringify(m.agenda.map((i) => i.entries));
    await addYp('late', 'Gil', 'Latecomer');
    await join('late', day(-1));
    m = (await coChair.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting;
    expect(JSON.stringify(m.agenda.map((i) => i.entries))).toBe(before);
    const item = m.agenda[0];
    expect(codeOf(await coChair.gql(`mutation($i: UpdateAgendaItemInput!) { updateAgendaItem(input: $i) { id } }`, { i: { id: item.id, title: 'x', version: item.version } }))).toBe('CONFLICT');
    expect(codeOf(await coChair.gql(GENERATE, { id: current }))).toBe('CONFLICT');
    await expect(t.ds.query(`UPDATE agenda_item SET title = 'tampered' WHERE id = $1`, [item.id])).rejects.toThrow(/frozen/);
    const changes = await coChair.ok<{ agendaChanges: { generator: string; added: { person: string | null }[]; removed: unknown[] }[] }>(CHANGES, { id: current, a: 'ISSUED' });
    expect(changes.agendaChanges.find((c) => c.generator === 'new_to_list')!.added.map((e) => e.person)).toEqual([`G.L. (${yp.late.reference})`]);
    const sinceLast = await coChair.ok<{ agendaChanges: { generator: string; added: { person: string | null }[] }[] }>(CHANGES, { id: current, a: 'LAST_MEETING' });
    expect(sinceLast.agendaChanges.find((c) => c.generator === 'red')!.added.map((e) => e.person)).toEqual([`B.U. (${yp.riser.reference})`]);
  });
});

describe('during and after the meeting', () => {
  it('records decisions and actions (refusing an action without an owner or due date), then approves minutes and locks', async () => {
    const m = (await coChair.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting;
    const noOwner = await coChair.gql(`mutation($i: RecordActionInput!) { recordAction(input: $i) { id } }`, { i: { meetingId: current, description: 'Do something' } });
    expect(noOwner.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['ownerAgencyId', 'owner', 'dueOn']);
    await coChair.ok(`mutation($i: RecordActionInput!) { recordAction(input: $i) { id } }`, {
      i: { meetingId: current, description: 'Safety plan for the newcomer', ownerAgencyId: leadAgency, owner: 'Lead officer', dueOn: day(14), youngPersonId: yp.newcomer.id },
    });
    await coChair.ok(`mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }`, { i: { meetingId: current, kind: 'STEP_DOWN', youngPersonId: yp.stepdown.id } });
    const approveEarly = await coChair.gql(`mutation($id: ID!, $v: Int!) { approveMinutes(meetingId: $id, version: $v) { id } }`, { id: current, v: m.version });
    expect(codeOf(approveEarly)).toBe('CONFLICT');
    expect(approveEarly.errors?.[0].message).toBe('The minutes of a meeting that has not been held cannot be approved.');
    const held = await coChair.ok<{ markMeetingHeld: { version: number } }>(`mutation($id: ID!, $v: Int!) { markMeetingHeld(meetingId: $id, version: $v) { version } }`, { id: current, v: m.version });
    const saved = await coChair.ok<{ saveMinutes: { version: number } }>(`mutation($i: SaveMinutesInput!) { saveMinutes(input: $i) { version } }`, { i: { meetingId: current, minutes: 'Discussed the list.', version: held.markMeetingHeld.version } });
    await coChair.ok(`mutation($id: ID!, $v: Int!) { approveMinutes(meetingId: $id, version: $v) { id } }`, { id: current, v: saved.saveMinutes.version });
    const locked = await coChair.gql(`mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }`, { i: { meetingId: current, kind: 'REMAIN', youngPersonId: yp.riser.id } });
    expect(locked.errors?.[0].message).toBe('The minutes are approved: this meeting is locked.');
    const after = (await coChair.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting;
    expect(after.status).toBe('MINUTES_APPROVED');
    expect(after.decisions.map(({ kind, person }) => ({ kind, person }))).toEqual([{ kind: 'STEP_DOWN', person: `D.D. (${yp.stepdown.reference})` }]);
  });

  it('shows an agency lead the issued agenda redacted, their agency’s actions, which they can update, and nothing of another agency’s', async () => {
    const m = (await lead.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting;
    const offenders = m.agenda.filter((i) => i.section === 'OFFENDERS').flatMap((i) => i.entries);
    expect(offenders.every((e) => e.detail === null && e.linkId === null)).toBe(true);
    expect(JSON.stringify(m)).not.toMatch(/Recentman|Oldhand|Newcombe/);
    const open = await lead.ok<{ openActions: { id: string; description: string; ownerAgency: { id: string }; version: number }[] }>(`{ openActions { id description ownerAgency { id } version } }`);
    expect(open.openActions.map((a) => a.description).sort()).toEqual(['Chase the school about attendance', 'Safety plan for the newcomer']);
    const mine = open.openActions[0];
    const UPDATE = `mutation($i: UpdateActionInput!) { updateAction(input: $i) { id status update } }`;
    expect((await lead.ok<{ updateAction: { status: string } }>(UPDATE, { i: { id: mine.id, status: 'IN_PROGRESS', update: 'Called the school', version: mine.version } })).updateAction.status).toBe('IN_PROGRESS');
    const [{ id: theirs, version }]: { id: string; version: number }[] = await t.ds.query(`SELECT id, version FROM meeting_action WHERE owner_agency_id = $1 AND status = 'OPEN' LIMIT 1`, [otherAgency]);
    expect(codeOf(await lead.gql(UPDATE, { i: { id: theirs, status: 'DONE', version } }))).toBe('FORBIDDEN');
    const [{ n }]: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'meeting.action_access_refused' AND entity_id = $1`, [theirs]);
    expect(n).toBe(1);
    // A planned meeting is not theirs to see.
    const planned = (await coChair.ok<{ scheduleMeeting: { id: string } }>(SCHEDULE, { i: { date: day(40) } })).scheduleMeeting.id;
    expect(codeOf(await lead.gql(MEETING, { id: planned }))).toBe('NOT_FOUND');
  });
});

describe('the meeting pack', () => {
  async function pdfText(client: GqlClient, id: string): Promise<{ status: number; pages: string[] }> {
    const res = await fetch(`${t.baseUrl}/files/meetings/${id}/pack.pdf`, { headers: { cookie: client.cookie! } });
    if (res.status !== 200) return { status: res.status, pages: [] };
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    mkdirSync(joinPath(projectRoot(), 'artifacts'), { recursive: true });
    writeFileSync(joinPath(projectRoot(), 'artifacts', `meeting-pack-${client === coChair ? 'co-chair' : client === analyst ? 'analyst' : 'other'}.pdf`), bytes);
    const pdf = await getDocumentProxy(bytes);
    const { text } = await extractText(pdf, { mergePages: false });
    return { status: 200, pages: text };
  }

  it('is a PDF of the issued agenda, marked OFFICIAL-SENSITIVE on every page, with initials and references and no names', async () => {
    const { pages } = await pdfText(coChair, current);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.match(/OFFICIAL-SENSITIVE/g)?.length).toBeGreaterThanOrEqual(2);
    const all = pages.join('\n');
    for (const heading of ['1. Welcome, attendance and apologies', '3. Victims', '4. Offenders', '5. Locations', '6. Themes, trends and patterns', '7. Agency returns', '9. Any other business']) expect(all).toContain(heading);
    expect(all).toContain(`B.U. (${yp.riser.reference})`);
    expect(all).toContain('The MASE list by RAG rating');
    expect(all).toContain('Hot spots this month');
    for (const k of Object.keys(yp)) {
      expect(all).not.toContain(yp[k].first);
      expect(all).not.toContain(yp[k].last);
    }
    const [{ n }]: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'meeting.pack_generated' AND entity_id = $1`, [current]);
    expect(n).toBe(1);
  });

  it('gives the analyst pseudonyms, refuses a planned meeting, and keeps intelligence detail from agency leads', async () => {
    const analystPack = (await pdfText(analyst, current)).pages.join('\n');
    expect(analystPack).toContain('YP-MTG');
    expect(analystPack).not.toContain('MOS-MTG');
    const leadPack = (await pdfText(lead, current)).pages.join('\n');
    expect(leadPack).not.toMatch(/Recentman|Oldhand/);
    expect(leadPack).toContain('KM-T100');
    expect((await pdfText(coChair, previous)).status).toBe(200);
    const planned = (await coChair.ok<{ meetings: { id: string; status: string }[] }>(`{ meetings { id status } }`)).meetings.find((x) => x.status === 'PLANNED')!;
    expect((await pdfText(coChair, planned.id)).status).toBe(409);
  });
});

describe('a meeting further ahead', () => {
  it('gets its agenda from the last complete month', async () => {
    const far = (await coChair.ok<{ scheduleMeeting: { id: string } }>(SCHEDULE, { i: { date: day(100) } })).scheduleMeeting.id;
    const items = (await coChair.ok<{ generateAgenda: Item[] }>(GENERATE, { id: far })).generateAgenda;
    expect(items.find((i) => i.generator === 'returns')!.entries.some((e) => e.text.includes(periodBefore))).toBe(true);
  });
});
