import { mkdirSync, writeFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { projectRoot } from '../../server/src/database/project-root.js';
import { AGENDA_GENERATORS } from '@mase/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ITEM = `id section position generator title notes version entries { key person text detail linkKind linkId }`;
const MEETING = `query($id: ID!) { meeting(id: $id) { id date status version agenda { ${ITEM} } actions { id description owner dueOn status overdue ownerAgency { id } version } decisions { id kind person } } }`;
const GENERATE = `mutation($id: ID!) { generateAgenda(meetingId: $id) { ${ITEM} } }`;
const SCHEDULE = `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id date status version } }`;
const ISSUE = `mutation($id: ID!, $v: Int!) { issueAgenda(meetingId: $id, version: $v) { id status version } }`;
const CHANGES = `query($id: ID!, $a: AgendaChangeBasis!) { agendaChanges(meetingId: $id, against: $a) { generator added { key person text } removed { key } } }`;
const FIGURES = `query($id: ID!) { meeting(id: $id) { figures { period frozen
  chart { periods series { category label counts { value display } } totals { value display } }
  hotSpots { from to frozen locations { locationId name ward lat lng incidents sightings highestRisk isNew persistent } wards { name incidents sightings } wardGeometry } } } }`;
const PROFILE = `query($f: AnalyticsFilter!) { victimProfile(filter: $f, dimensions: [RAG]) { totals { period count { value } } series { cells { period category count { value } } } } }`;

type Entry = { key: string; person: string | null; text: string; detail: string | null; linkKind: string | null; linkId: string | null };
type Item = { id: string; section: string; position: number; generator: string | null; title: string; notes: string | null; version: number; entries: Entry[] };
type FigureCount = { value: number | null; display: string };
type HotSpot = { locationId: string; name: string; ward: string | null; lat: number | null; lng: number | null; incidents: number; sightings: number; highestRisk: string; isNew: boolean; persistent: boolean };
type Figures = {
  period: string;
  frozen: boolean;
  chart: { periods: string[]; series: { category: string; label: string; counts: FigureCount[] }[]; totals: FigureCount[] };
  hotSpots: { from: string; to: string; frozen: boolean; locations: HotSpot[]; wards: { name: string; incidents: number; sightings: number }[]; wardGeometry: { type: string; features: { properties: { name: string } }[] } } | null;
};
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
const longDate = (d: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
const POLICE_NARRATIVE = 'Operation Larch: two men arrested at the arcade; a sexual risk order obtained.';
const entriesOf = (m: { agenda: Item[] }, generator: string) => m.agenda.find((i) => i.generator === generator)!.entries;
const figuresOf = async (client: GqlClient, id: string) => (await client.ok<{ meeting: { figures: Figures } }>(FIGURES, { id })).meeting.figures;
const cell = (f: Figures, category: string, period: string) => f.chart.series.find((x) => x.category === category)!.counts[f.chart.periods.indexOf(period)];
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
  // Its figures: 12 prevention sessions (shown to everyone) and 3 warning notices (a small count, hidden from agency leads).
  await t.ds.query(
    `INSERT INTO agency_return_figure (return_id, measure, agency_id, agency_kind, period, value)
     SELECT $1, m.measure, a.id, a.kind, $3, m.value FROM agency a, (VALUES ('sessionsDelivered', 12), ('cawnsIssued', 3)) AS m(measure, value) WHERE a.id = $2`,
    [returnId, leadAgency, `${periodBefore}-01`],
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

  // The police's report for the month the agenda reports on (replacing the demo borough's).
  await t.ds.query(
    `INSERT INTO police_report (month, open_investigations, arrests, charges, convictions, cawns, orders, other_disruptions, narrative, version) VALUES ($1, 14, 3, 2, 0, 1, 6, 9, $2, 1)
     ON CONFLICT (month) DO UPDATE SET open_investigations = 14, arrests = 3, charges = 2, convictions = 0, cawns = 1, orders = 6, other_disruptions = 9, narrative = $2`,
    [`${periodBefore}-01`, POLICE_NARRATIVE],
  );

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
  // It was held, with two decisions and minutes written but not yet approved.
  for (const k of ['riser', 'overdue']) await coChair.ok(`mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }`, { i: { meetingId: previous, kind: 'REMAIN', youngPersonId: yp[k].id } });
  const held = await coChair.ok<{ markMeetingHeld: { version: number } }>(`mutation($id: ID!, $v: Int!) { markMeetingHeld(meetingId: $id, version: $v) { version } }`, { id: previous, v: 3 });
  await coChair.ok(`mutation($i: SaveMinutesInput!) { saveMinutes(input: $i) { version } }`, {
    i: { meetingId: previous, minutes: 'Reviewed the list and the hotel.\n\nAgreed joint visits with housing.', version: held.markMeetingHeld.version },
  });

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
    const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${periodBefore}-01T00:00:00Z`));
    expect(entriesOf(m, 'police_report').map((e) => [e.text, e.detail])).toEqual([
      [`${month}: open investigations 14; arrests 3; charges 2; convictions 0; child abduction warning notices 1; orders 6; other disruptions 9`, POLICE_NARRATIVE],
    ]);
    expect(m.agenda.find((i) => i.generator === 'people_of_concern')!.entries.map((e) => e.text)).toEqual(['KM-T100: new, now under investigation']);
    expect(m.agenda.find((i) => i.generator === 'disruptions')!.entries.map((e) => e.text)).toEqual([expect.stringMatching(/^Child abduction warning notice on .*: KM-T200$/)]);
    expect(m.agenda.find((i) => i.generator === 'complex_groups')!.entries.map((e) => e.text)).toEqual(['2 young people, 2 people of concern and 0 places connected: consider a complex strategy meeting']);
    expect(m.agenda.find((i) => i.generator === 'hot_spots')!.entries.map((e) => e.text)).toEqual([expect.stringMatching(/^Pier Arcade: new hot spot, 2 incidents/)]);
    expect(items.filter((i) => i.section === 'MINUTES').map((i) => i.generator)).toEqual(['last_minutes', 'open_actions']);
    expect(entriesOf(m, 'last_minutes').map(({ text, detail }) => ({ text, detail }))).toEqual([
      { text: `Minutes of the meeting of ${longDate(day(-30))}: written, awaiting approval`, detail: 'Reviewed the list and the hotel. Agreed joint visits with housing.' },
      { text: `2 decisions recorded at the meeting of ${longDate(day(-30))}`, detail: null },
    ]);
    expect(m.agenda.find((i) => i.generator === 'open_actions')!.entries.map((e) => e.text)).toEqual([
      expect.stringMatching(/^Overdue: Chase the school about attendance — Lead officer/),
      expect.stringMatching(/^Visit the hotel — Housing officer/),
    ]);
    expect(m.agenda.find((i) => i.generator === 'blockages')!.entries.map((e) => e.text)).toEqual(['Hotel will not share its register', expect.stringMatching(/^No CAMHS slots this month \(/)]);
    expect(m.agenda.find((i) => i.generator === 'next_meeting')!.entries[0].text).toMatch(/^Next meeting: .*the usual day/);
    const everything = JSON.stringify(items);
    for (const k of Object.keys(yp)) expect(everything).not.toContain(yp[k].last);
  });

  it('gives the Locations map and the Themes chart from the data as it stands until the agenda is issued', async () => {
    const hot = (await coChair.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting.agenda.find((i) => i.generator === 'hot_spots')!;
    const live = await figuresOf(coChair, current);
    expect(live).toMatchObject({ period: periodBefore, frozen: false });
    // The map: the hot spots the Locations item lists, over its three months; no wards are imported here.
    expect(live.hotSpots).toMatchObject({ to: periodBefore, frozen: false, wards: [], wardGeometry: { type: 'FeatureCollection', features: [] } });
    expect(live.hotSpots!.locations).toEqual([{ locationId: hot.entries[0].linkId, name: 'Pier Arcade', ward: null, lat: null, lng: null, incidents: 2, sightings: 4, highestRisk: 'HIGH', isNew: true, persistent: false }]);
    expect(live.hotSpots!.locations.map((l) => `place:${l.locationId}`)).toEqual(hot.entries.map((e) => e.key));
    // The chart: the list by RAG at each of the six month ends, as the analysis pages count it.
    const { periods } = live.chart;
    expect(periods).toHaveLength(6);
    expect(periods[5]).toBe(periodBefore);
    expect(live.chart.series.map((x) => x.category).sort()).toEqual(['AMBER', 'GREEN', 'NONE', 'RED']);
    const profile = (await analyst.ok<{ victimProfile: { totals: { period: string; count: { value: number } }[]; series: { cells: { period: string; category: string; count: { value: number } }[] }[] } }>(PROFILE, { f: { from: periods[0], to: periodBefore } })).victimProfile;
    expect(live.chart.totals.map((x) => x.value)).toEqual(profile.totals.map((x) => x.count.value));
    for (const x of live.chart.series) expect(x.counts.map((c) => c.value)).toEqual(periods.map((p) => profile.series[0].cells.find((c) => c.period === p && c.category === x.category)?.count.value ?? 0));
    expect(live.chart.totals.some((x) => (x.value ?? 0) > 0)).toBe(true);
    // Nothing is frozen before issue: a young person on the list (green) through these months moves the chart at once.
    await addYp('steady', 'Ivy', 'Steadman');
    await join('steady', day(-220));
    await screen('steady', day(-215), 1);
    const moved = await figuresOf(coChair, current);
    expect(moved.chart.totals[5].value).toBe(live.chart.totals[5].value! + 1);
    expect(cell(moved, 'GREEN', periodBefore).value).toBe(cell(live, 'GREEN', periodBefore).value! + 1);
    // The other roles who prepare or contribute see the same figures.
    for (const client of [coordinator, analyst, police]) expect(await figuresOf(client, current)).toEqual(moved);
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
    await coChair.ok(`mutation($id: ID!) { removeAgendaItem(id: $id) { id } }`, { id: m.agenda.find((i) => i.generator === 'step_downs')!.id });
    // Generating again keeps notes, order, added items and removals.
    await coChair.ok(GENERATE, { id: current });
    m = (await coChair.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting;
    expect(m.agenda.find((i) => i.generator === 'red')).toMatchObject({ title: 'Red (score 3): discuss first', notes: 'Safety plans due' });
    expect(m.agenda.filter((i) => i.section === 'VICTIMS').slice(0, 3).map((i) => i.generator)).toEqual(['new_to_list', 'red', 'score_rose']);
    expect(m.agenda.some((i) => i.title === 'Training day')).toBe(true);
    expect(m.agenda.find((i) => i.generator === 'step_downs')).toBeUndefined();
    // Every generated item but the one removed.
    expect(m.agenda.filter((i) => i.generator).map((i) => i.generator).sort()).toEqual(AGENDA_GENERATORS.map((g) => g.key).filter((k) => k !== 'step_downs').sort());
    expect(m.version).toBe(3); // scheduled, generated twice: removing an item is not a change to the meeting
    const [{ removed }]: { removed: string[] }[] = await t.ds.query(`SELECT removed_generators AS removed FROM meeting WHERE id = $1`, [current]);
    expect(removed).toEqual(['step_downs']);
  });

  it('freezes when issued: later data does not alter it, "changes since issued" shows what moved, and it cannot be issued or edited again', async () => {
    let m = (await coChair.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting;
    expect(codeOf(await coordinator.gql(ISSUE, { id: current, v: m.version }))).toBe('FORBIDDEN');
    await coChair.ok(ISSUE, { id: current, v: m.version });
    const twice = await coChair.gql(ISSUE, { id: current, v: m.version + 1 });
    expect(codeOf(twice)).toBe('CONFLICT');
    expect(twice.errors?.[0].message).toBe('The agenda has already been issued.');
    const before = JSON.stringify(m.agenda.map((i) => i.entries));
    await addYp('late', 'Gil', 'Latecomer');
    await join('late', day(-1));
    m = (await coChair.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting;
    expect(JSON.stringify(m.agenda.map((i) => i.entries))).toBe(before);
    const item = m.agenda[0];
    expect(codeOf(await coChair.gql(`mutation($i: UpdateAgendaItemInput!) { updateAgendaItem(input: $i) { id } }`, { i: { id: item.id, title: 'x', version: item.version } }))).toBe('CONFLICT');
    expect(codeOf(await coChair.gql(GENERATE, { id: current }))).toBe('CONFLICT');
    await expect(t.ds.query(`UPDATE agenda_item SET title = 'tampered' WHERE id = $1`, [item.id])).rejects.toThrow(/frozen/);
    await expect(t.ds.query(`UPDATE meeting SET removed_generators = '{}' WHERE id = $1`, [current])).rejects.toThrow(/frozen/);
    await expect(t.ds.query(`UPDATE meeting SET pack_figures = NULL WHERE id = $1`, [current])).rejects.toThrow(/frozen/);
    const changes = await coChair.ok<{ agendaChanges: { generator: string; added: { person: string | null }[]; removed: unknown[] }[] }>(CHANGES, { id: current, a: 'ISSUED' });
    expect(changes.agendaChanges.find((c) => c.generator === 'new_to_list')!.added.map((e) => e.person)).toEqual([`G.L. (${yp.late.reference})`]);
    expect(changes.agendaChanges.map((c) => c.generator)).not.toContain('step_downs'); // removed from this agenda, so nothing to compare
    const sinceLast = await coChair.ok<{ agendaChanges: { generator: string; added: { person: string | null }[] }[] }>(CHANGES, { id: current, a: 'LAST_MEETING' });
    expect(sinceLast.agendaChanges.find((c) => c.generator === 'red')!.added.map((e) => e.person)).toEqual([`B.U. (${yp.riser.reference})`]);
  });

  it('keeps the map and the chart as they stood at issue: later data does not move them', async () => {
    const before = await figuresOf(coChair, current);
    expect(before.frozen).toBe(true);
    expect(before.hotSpots!.frozen).toBe(true);
    const mapNow = async () =>
      (await police.ok<{ hotSpotMap: { locations: { name: string }[] } }>(`query($r: MonthRangeInput!) { hotSpotMap(range: $r) { locations { name } } }`, { r: { from: before.hotSpots!.from, to: periodBefore } })).hotSpotMap.locations.map((l) => l.name);
    const listNow = async () => (await analyst.ok<{ victimProfile: { totals: { count: { value: number } }[] } }>(PROFILE, { f: { from: periodBefore, to: periodBefore } })).victimProfile.totals[0].count.value;
    const [mapBefore, listBefore] = [await mapNow(), await listNow()];
    // After issue: an amber young person on the list through the chart's months, a ward and a new hot spot in it.
    await addYp('amber', 'Jo', 'Amberley');
    await join('amber', day(-220));
    await screen('amber', day(-215), 2);
    const square = [[[-1.21, 51.21], [-1.19, 51.21], [-1.19, 51.19], [-1.21, 51.19], [-1.21, 51.21]]];
    const [{ id: ward }]: { id: string }[] = await t.ds.query(
      `INSERT INTO boundary (kind, code, name, geometry, min_lon, min_lat, max_lon, max_lat, source) VALUES ('WARD', 'E05999998', 'Lighthouse Ward', $1::jsonb, -1.21, 51.19, -1.19, 51.21, 'test') RETURNING id`,
      [JSON.stringify({ type: 'Polygon', coordinates: square })],
    );
    const [{ id: place }]: { id: string }[] = await t.ds.query(`INSERT INTO location (name, type, lat, lng, ward_id, version) VALUES ('Harbour Steps', 'OTHER', 51.2, -1.2, $1, 1) RETURNING id`, [ward]);
    await t.ds.query(`INSERT INTO hot_spot_report (location_id, month, sightings, incidents, risk_level, version) VALUES ($1, $2, 8, 6, 'MEDIUM', 1)`, [place, `${periodBefore}-01`]);
    // The live figures moved...
    expect((await mapNow()).sort()).toEqual([...mapBefore, 'Harbour Steps'].sort());
    expect(await listNow()).toBe(listBefore + 1);
    // ...the agenda's did not.
    const after = await figuresOf(coChair, current);
    expect(after).toEqual(before);
    expect(after.hotSpots!.locations.map((l) => l.name)).toEqual(['Pier Arcade']);
    expect(after.hotSpots!.wardGeometry.features).toEqual([]);
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

  it('shows an agency lead every count in the issued agenda through disclosure control: 1 to 5 as c, zero as zero', async () => {
    const full = (await coChair.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting;
    const seen = (await lead.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting;
    // The co-chair reads the counts as they are.
    expect(entriesOf(full, 'hot_spots')[0].text).toMatch(/^Pier Arcade: new hot spot, 2 incidents and 4 sightings in three months/);
    expect(entriesOf(full, 'complex_groups')[0].text).toMatch(/^2 young people, 2 people of concern and 0 places/);
    expect(entriesOf(full, 'returns').map((e) => e.text)).toEqual(expect.arrayContaining([`Prevention: 12 in ${periodBefore} across the returns received`, `Disruption: 3 in ${periodBefore} across the returns received`]));
    const pier = entriesOf(full, 'themes').find((e) => e.text === 'New hot spot: Pier Arcade')!;
    expect(pier.detail).toMatch(/^2 incidents this month/);
    expect(entriesOf(full, 'last_minutes')[1].text).toMatch(/^2 decisions recorded/);
    // The agency lead reads them through disclosure control.
    expect(entriesOf(seen, 'hot_spots').map((e) => e.text)).toEqual(['Pier Arcade: new hot spot, c incidents and c sightings in three months, high risk']);
    expect(entriesOf(seen, 'complex_groups').map((e) => e.text)).toEqual(['c young people, c people of concern and 0 places connected: consider a complex strategy meeting']);
    expect(entriesOf(seen, 'returns').filter((e) => e.key.startsWith('total:')).map((e) => e.text)).toEqual([
      `Prevention: 12 in ${periodBefore} across the returns received`,
      `Disruption: c in ${periodBefore} across the returns received`,
      `Prosecution: 0 in ${periodBefore} across the returns received`,
      `Referrals made: 0 in ${periodBefore} across the returns received`,
    ]);
    const pierSeen = entriesOf(seen, 'themes').find((e) => e.text === 'New hot spot: Pier Arcade')!;
    expect(pierSeen.detail).toBe('c incidents this month, none reported in the three months before. Reported this month and not in the previous three months');
    expect(entriesOf(seen, 'last_minutes')[1].text).toBe(`c decisions recorded at the meeting of ${longDate(day(-30))}`);
    // The police's figures through disclosure control too, and their summary (intelligence detail) not at all.
    expect(entriesOf(seen, 'police_report').map((e) => [e.text.replace(/^[A-Z][a-z]+ \d{4}: /, ''), e.detail])).toEqual([
      ['open investigations 14; arrests c; charges c; convictions 0; child abduction warning notices c; orders 6; other disruptions 9', null],
    ]);
    expect(entriesOf(full, 'police_report')[0].detail).toBe(POLICE_NARRATIVE);
    // Keys name no record to an agency lead, yet stay stable and distinct.
    const keys = seen.agenda.flatMap((i) => i.entries.map((e) => e.key));
    for (const k of Object.keys(yp)) expect(keys.join(' ')).not.toContain(yp[k].id);
    expect(new Set(keys).size).toBe(new Set(full.agenda.flatMap((i) => i.entries.map((e) => e.key))).size);
    expect((await lead.ok<{ meeting: Meeting }>(MEETING, { id: current })).meeting.agenda.flatMap((i) => i.entries.map((e) => e.key))).toEqual(keys);
    // No small count anywhere in a counted line: not in its text, its detail or its key.
    const standaloneSmall = /(?<![\w.\-/])[1-5](?:\.\d+)?(?![\w/]|\.\d|-\d)/;
    for (const g of ['themes', 'returns', 'complex_groups', 'hot_spots', 'last_minutes', 'police_report']) {
      for (const e of entriesOf(seen, g).filter((x) => !x.key.startsWith('return:') && !x.key.startsWith('minutes:'))) {
        const dates = /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/g;
        expect(`${e.key} ${e.text} ${e.detail ?? ''}`.replace(dates, 'DATE')).not.toMatch(standaloneSmall);
      }
    }
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

  it('shows an agency lead the pack’s counts through disclosure control', async () => {
    const full = (await pdfText(coChair, current)).pages.join('\n');
    const seen = (await pdfText(lead, current)).pages.join('\n');
    expect(full).toContain('2 incidents this month');
    expect(seen).toContain('c incidents this month');
    expect(seen).not.toContain('2 incidents this month');
    expect(seen).toContain(`Disruption: c in ${periodBefore}`);
    expect(seen).toContain('c young people, c people of concern');
    // The chart's monthly totals: a total of 1 to 5 reads c, any other as it is.
    const labels = (text: string) => [...text.matchAll(/(\d{4}-\d{2}) \((\d+|c)\)/g)].map((m) => [m[1], m[2]]);
    const totals = labels(full);
    expect(totals).toHaveLength(6);
    expect(labels(seen)).toEqual(totals.map(([p, n]) => [p, Number(n) >= 1 && Number(n) <= 5 ? 'c' : n]));
    expect(seen).toContain('counts of 1 to 5 are not shown (c)');
  });

  it('gives an agency lead the key chart through disclosure control exactly as the pack, and no map', async () => {
    const full = await figuresOf(coChair, current);
    const seen = await figuresOf(lead, current);
    expect(seen.hotSpots).toBeNull();
    expect(full.hotSpots!.locations).toHaveLength(1);
    expect(seen).toMatchObject({ period: full.period, frozen: true });
    expect(seen.chart.periods).toEqual(full.chart.periods);
    const small = (c: FigureCount) => c.value !== null && c.value >= 1 && c.value <= 5;
    // Every count of 1 to 5 reads c and has no value; whatever else is shown is the count itself.
    expect(full.chart.totals.some(small)).toBe(true);
    full.chart.totals.forEach((c, i) => expect(seen.chart.totals[i]).toEqual(small(c) ? { value: null, display: 'c' } : c));
    for (const [j, x] of full.chart.series.entries()) {
      x.counts.forEach((c, i) => {
        const s = seen.chart.series[j].counts[i];
        if (small(c)) expect(s).toEqual({ value: null, display: 'c' });
        else expect([c, { value: null, display: 'c' }]).toContainEqual(s); // shown as it is, or hidden so that a total cannot give a small count back
      });
    }
    expect(JSON.stringify(seen.chart)).not.toMatch(/"value":[1-5]\b/);
    // The same figures as the agency lead's pack prints under its chart.
    const pack = (await pdfText(lead, current)).pages.join('\n');
    const labels = [...pack.matchAll(/(\d{4}-\d{2}) \((\d+|c)\)/g)].map((m) => [m[1], m[2]]);
    expect(labels).toEqual(seen.chart.periods.map((p, i) => [p, seen.chart.totals[i].display]));
  });

  it('draws its chart and map from the figures frozen at issue: later data leaves the pack unchanged', async () => {
    const before = (await pdfText(coChair, current)).pages;
    const listAt = async () =>
      (await coChair.ok<{ victimProfile: { totals: { period: string; count: { value: number } }[] } }>(`query($f: AnalyticsFilter!) { victimProfile(filter: $f, dimensions: [RAG]) { totals { period count { value } } } }`, { f: { from: periodBefore, to: periodBefore } }))
        .victimProfile.totals[0].count.value;
    const onListBefore = await listAt();
    // After issue: a young person on the list through the chart's months, a ward and a place reported in it.
    await addYp('charted', 'Hal', 'Chartwell');
    await join('charted', day(-220));
    await screen('charted', day(-215), 3);
    const square = [[[-1.01, 51.01], [-0.99, 51.01], [-0.99, 50.99], [-1.01, 50.99], [-1.01, 51.01]]];
    const [{ id: ward }]: { id: string }[] = await t.ds.query(
      `INSERT INTO boundary (kind, code, name, geometry, min_lon, min_lat, max_lon, max_lat, source) VALUES ('WARD', 'E05999999', 'Harbour Ward', $1::jsonb, -1.01, 50.99, -0.99, 51.01, 'test') RETURNING id`,
      [JSON.stringify({ type: 'Polygon', coordinates: square })],
    );
    const [{ id: place }]: { id: string }[] = await t.ds.query(`INSERT INTO location (name, type, lat, lng, ward_id, version) VALUES ('Quay Steps', 'OTHER', 51, -1, $1, 1) RETURNING id`, [ward]);
    await t.ds.query(`INSERT INTO hot_spot_report (location_id, month, sightings, incidents, risk_level, version) VALUES ($1, $2, 9, 7, 'MEDIUM', 1)`, [place, `${periodBefore}-01`]);
    expect(await listAt()).toBe(onListBefore + 1); // the live figures moved
    const after = (await pdfText(coChair, current)).pages;
    expect(after).toEqual(before);
    expect(after.join('\n')).toContain('No ward boundaries are imported, so there is no map');
    expect(after.join('\n')).toContain('As the figures stood when the agenda was issued.');
  });
});

describe('a meeting further ahead', () => {
  it('gets its agenda from the last complete month', async () => {
    const far = (await coChair.ok<{ scheduleMeeting: { id: string } }>(SCHEDULE, { i: { date: day(100) } })).scheduleMeeting.id;
    const items = (await coChair.ok<{ generateAgenda: Item[] }>(GENERATE, { id: far })).generateAgenda;
    expect(items.find((i) => i.generator === 'returns')!.entries.some((e) => e.text.includes(periodBefore))).toBe(true);
  });
});

describe('the calendar, decisions on items and blockages', () => {
  const SCHEDULE_MONTHLY = `mutation($from: String!, $months: Int!) { scheduleMonthlyMeetings(from: $from, months: $months) { id date status version } }`;
  const MOVE = `mutation($i: MoveMeetingInput!) { moveMeeting(input: $i) { id date status version } }`;
  const CANCEL = `mutation($i: CancelMeetingInput!) { cancelMeeting(input: $i) { id status cancelledReason version } }`;
  const monthAhead = (n: number) => {
    const d = new Date();
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)).toISOString().slice(0, 7);
  };
  type Scheduled = { id: string; date: string; status: string; version: number };
  let monthly: Scheduled[];

  it('schedules the usual monthly meeting for each month that has none, once, and refuses a bad month or count naming the field', async () => {
    monthly = (await coChair.ok<{ scheduleMonthlyMeetings: Scheduled[] }>(SCHEDULE_MONTHLY, { from: monthAhead(8), months: 3 })).scheduleMonthlyMeetings;
    expect(monthly.map((m) => m.date.slice(0, 7))).toEqual([monthAhead(8), monthAhead(9), monthAhead(10)]);
    expect(monthly.every((m) => m.status === 'PLANNED')).toBe(true);
    expect((await coChair.ok<{ scheduleMonthlyMeetings: Scheduled[] }>(SCHEDULE_MONTHLY, { from: monthAhead(8), months: 3 })).scheduleMonthlyMeetings).toEqual([]);
    const [{ n }]: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM meeting WHERE to_char(date, 'YYYY-MM') = ANY($1)`, [[monthAhead(8), monthAhead(9), monthAhead(10)]]);
    expect(n).toBe(3);
    const badMonth = await coChair.gql(SCHEDULE_MONTHLY, { from: '2026-13', months: 1 });
    expect(badMonth.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['from']);
    const tooMany = await coChair.gql(SCHEDULE_MONTHLY, { from: monthAhead(8), months: 25 });
    expect(tooMany.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['months']);
    expect(codeOf(await coordinator.gql(SCHEDULE_MONTHLY, { from: monthAhead(12), months: 1 }))).toBe('FORBIDDEN');
  });

  it('moves a meeting (not onto another meeting’s day, not from a stale copy) and audits the move', async () => {
    const [first, second] = monthly;
    const newDate = `${first.date.slice(0, 7)}-${first.date.slice(8) === '27' ? '26' : '27'}`;
    const clash = await coChair.gql(MOVE, { i: { id: first.id, date: second.date, version: first.version } });
    expect(clash.errors?.[0].extensions?.fields).toEqual([{ field: 'date', message: `A meeting is already scheduled on ${second.date}` }]);
    const moved = (await coChair.ok<{ moveMeeting: Scheduled }>(MOVE, { i: { id: first.id, date: newDate, version: first.version } })).moveMeeting;
    expect(moved).toMatchObject({ date: newDate, status: 'PLANNED', version: first.version + 1 });
    expect(codeOf(await coChair.gql(MOVE, { i: { id: first.id, date: first.date, version: first.version } }))).toBe('CONFLICT');
    const [audit]: { details: { from: string; to: string } }[] = await t.ds.query(`SELECT details FROM audit_event WHERE action = 'meeting.moved' AND entity_id = $1`, [first.id]);
    expect(audit.details).toMatchObject({ from: first.date, to: newDate });
    const held = (await coChair.ok<{ meetings: Scheduled[] }>(`{ meetings { id date status version } }`)).meetings.find((m) => m.id === previous)!;
    const heldMove = await coChair.gql(MOVE, { i: { id: previous, date: day(-29), version: held.version } });
    expect(heldMove.errors?.[0].message).toBe('A meeting that is held cannot be moved.');
    monthly[0] = moved;
  });

  it('cancels a meeting with a reason: it frees its month, cannot be issued, and agency leads never see it', async () => {
    const target = monthly[1];
    const noReason = await coChair.gql(CANCEL, { i: { id: target.id, reason: '  ', version: target.version } });
    expect(noReason.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['reason']);
    expect((await coChair.ok<{ meeting: Scheduled }>(`query($id: ID!) { meeting(id: $id) { id date status version } }`, { id: target.id })).meeting.status).toBe('PLANNED');
    const cancelled = (await coChair.ok<{ cancelMeeting: { status: string; cancelledReason: string; version: number } }>(CANCEL, { i: { id: target.id, reason: 'Clashes with the bank holiday', version: target.version } })).cancelMeeting;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledReason: 'Clashes with the bank holiday' });
    const again = await coChair.gql(ISSUE, { id: target.id, v: cancelled.version });
    expect(again.errors?.[0].message).toBe('This meeting is cancelled.');
    expect(codeOf(await lead.gql(`query($id: ID!) { meeting(id: $id) { id } }`, { id: target.id }))).toBe('NOT_FOUND');
    // Its month has no meeting now, so the monthly schedule fills it.
    const refill = (await coChair.ok<{ scheduleMonthlyMeetings: Scheduled[] }>(SCHEDULE_MONTHLY, { from: monthAhead(8), months: 3 })).scheduleMonthlyMeetings;
    expect(refill.map((m) => m.date)).toEqual([target.date]);
    const [{ n }]: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'meeting.cancelled' AND entity_id = $1`, [target.id]);
    expect(n).toBe(1);
  });

  it('records a decision about an agenda item, refusing an item of another meeting or a decision about nothing', async () => {
    const items = (await coChair.ok<{ meeting: Meeting }>(MEETING, { id: previous })).meeting.agenda;
    const hot = items.find((i) => i.generator === 'hot_spots')!;
    const RECORD = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id kind note agendaItemId youngPersonId } }`;
    const [{ id: otherItem }]: { id: string }[] = await t.ds.query(`SELECT id FROM agenda_item WHERE meeting_id = $1 LIMIT 1`, [current]);
    const foreign = await coChair.gql(RECORD, { i: { meetingId: previous, kind: 'OTHER', agendaItemId: otherItem } });
    expect(foreign.errors?.[0].extensions?.fields).toEqual([{ field: 'agendaItemId', message: 'That item is not on this meeting’s agenda' }]);
    const nothing = await coChair.gql(RECORD, { i: { meetingId: previous, kind: 'OTHER', note: 'About what?' } });
    expect(nothing.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['youngPersonId']);
    const before = (await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM meeting_decision WHERE meeting_id = $1`, [previous]))[0].n;
    expect(before).toBe(2); // the refusals changed nothing
    const d = (await coChair.ok<{ recordDecision: { kind: string; note: string; agendaItemId: string; youngPersonId: string | null } }>(RECORD, { i: { meetingId: previous, kind: 'OTHER', agendaItemId: hot.id, note: 'Ask for patrols at the arcade' } })).recordDecision;
    expect(d).toMatchObject({ kind: 'OTHER', note: 'Ask for patrols at the arcade', agendaItemId: hot.id, youngPersonId: null });
    const decisions = (await coChair.ok<{ meeting: { decisions: { kind: string; agendaItemId: string | null }[] } }>(`query($id: ID!) { meeting(id: $id) { decisions { kind agendaItemId } } }`, { id: previous })).meeting.decisions;
    expect(decisions.filter((x) => x.agendaItemId === hot.id)).toEqual([{ kind: 'OTHER', agendaItemId: hot.id }]);
  });

  it('resolves a blockage once, with a resolution, after which agendas no longer carry it', async () => {
    const BLOCKAGES = `query($id: ID!) { meeting(id: $id) { blockages { id status resolution version } } }`;
    const RESOLVE = `mutation($i: ResolveBlockageInput!) { resolveBlockage(input: $i) { id status resolution version } }`;
    const [b] = (await coChair.ok<{ meeting: { blockages: { id: string; status: string; version: number }[] } }>(BLOCKAGES, { id: previous })).meeting.blockages;
    expect(b.status).toBe('OPEN');
    const empty = await coChair.gql(RESOLVE, { i: { id: b.id, resolution: ' ', version: b.version } });
    expect(empty.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['resolution']);
    const resolved = (await coChair.ok<{ resolveBlockage: { status: string; resolution: string } }>(RESOLVE, { i: { id: b.id, resolution: 'The hotel now shares its register weekly', version: b.version } })).resolveBlockage;
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: 'The hotel now shares its register weekly' });
    const twice = await coChair.gql(RESOLVE, { i: { id: b.id, resolution: 'Again', version: b.version + 1 } });
    expect(twice.errors?.[0].message).toBe('This blockage is already resolved.');
    const agenda = (await coChair.ok<{ generateAgenda: Item[] }>(GENERATE, { id: monthly[0].id })).generateAgenda;
    const texts = agenda.find((i) => i.generator === 'blockages')!.entries.map((e) => e.text);
    expect(texts).not.toContain('Hotel will not share its register');
    const [{ n }]: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'meeting.blockage_resolved' AND entity_id = $1`, [previous]);
    expect(n).toBe(1);
  });
});

describe('a long agenda item', () => {
  it('lists at most 200 lines, then one line saying how many more there are and where to see them all', async () => {
    // A meeting with no meeting before it: its agenda looks back a month, and 205 young people joined the list in it.
    const date = day(-40);
    const joined = day(-45);
    const meeting = (await coChair.ok<{ scheduleMeeting: { id: string } }>(SCHEDULE, { i: { date } })).scheduleMeeting.id;
    await t.ds.query(
      `WITH made AS (
         INSERT INTO young_person (pseudonym, reference, first_name, last_name, first_name_key, last_name_key, date_of_birth, gender, ethnicity, legal_status, education_status, presentation, placement_type, created_by, version)
         SELECT 'YP-CAP' || lpad(n::text, 5, '0'), 'MOS-CAP-' || lpad(n::text, 3, '0'), 'Cap', 'Many' || n, 'cap', 'many' || n, '2011-05-05', 'FEMALE', 'WHITE_BRITISH', 'CHILD_IN_NEED', 'IN_EDUCATION', 'CSE', 'HOME_BOROUGH', $1, 1
         FROM generate_series(1, 205) AS n RETURNING id)
       INSERT INTO list_membership (young_person_id, started_on, start_reason, created_by) SELECT id, $2, 'OVERRIDE', $1 FROM made`,
      [user, joined],
    );
    const items = (await coordinator.ok<{ generateAgenda: Item[] }>(GENERATE, { id: meeting })).generateAgenda;
    const lines = items.find((i) => i.generator === 'new_to_list')!.entries;
    expect(lines).toHaveLength(201);
    // The first 200 in the item's order (by the day they joined, then by reference), each a young person.
    expect(lines.slice(0, 200).map((e) => e.person)).toEqual(Array.from({ length: 200 }, (_, i) => `C.M. (MOS-CAP-${String(i + 1).padStart(3, '0')})`));
    expect(lines.slice(0, 200).every((e) => e.text === `joined the list on ${longDate(joined)}`)).toBe(true);
    expect(lines[200]).toEqual({ key: 'more:new_to_list', person: null, text: '… and 5 more not listed here: the MASE list shows them all', detail: null, linkKind: null, linkId: null });
    // What is stored is what was shown: the agenda read back ends the same way.
    const stored = (await coChair.ok<{ meeting: Meeting }>(MEETING, { id: meeting })).meeting.agenda.find((i) => i.generator === 'new_to_list')!.entries;
    expect(stored).toHaveLength(201);
    expect(stored[200].text).toBe('… and 5 more not listed here: the MASE list shows them all');
  });
});

describe('an agenda issued before agendas kept their hot spots', () => {
  it('draws the chart from its frozen figures and the map from the data as it stands, and says which is which', async () => {
    const kept = await figuresOf(coChair, current);
    // Its figures as frozen then: the pack's chart and map, without the hot spots. (Made directly: it reports on the same month as the agenda above.)
    const [{ id: older }]: { id: string }[] = await t.ds.query(
      `INSERT INTO meeting (date, status, created_by, issued_at, issued_by, pack_figures, version)
       SELECT $1, 'AGENDA_ISSUED', created_by, now(), created_by, pack_figures - 'hotSpots', 1 FROM meeting WHERE id = $2 RETURNING id`,
      [today, current],
    );
    const seen = await figuresOf(coChair, older);
    expect(seen).toMatchObject({ frozen: true, chart: kept.chart });
    expect(seen.hotSpots!.frozen).toBe(false);
    // The live hot spots include the place first reported after the other agenda was issued.
    expect(seen.hotSpots!.locations.map((l) => l.name).sort()).toEqual(['Harbour Steps', 'Pier Arcade', 'Quay Steps']);
    expect(kept.hotSpots!.locations.map((l) => l.name)).toEqual(['Pier Arcade']);
  });
});
