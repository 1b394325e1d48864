import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GqlClient } from '../support/gql-client.js';
import { emailOf, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Access justification (DPA 2018 s.62), per user: opening the identifiable record of a young person
 * the user's own or their agency's work in the last year does not connect them to asks for a reason,
 * kept in the audit event. Co-chairs and the co-ordinator hold the whole list and every meeting.
 */
let t: TestApp;
let coChair: GqlClient;
let coordinator: GqlClient;
let police: GqlClient;
let policeAgency: string;
let housingAgency: string;
/** Another officer of the police user's agency. */
let colleague: string;
const yp: Record<string, string> = {};

const OPEN = `query($id: ID!, $r: String) { youngPerson(id: $id, reason: $r) { id identity { firstName } } }`;
const monthStart = (back: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
};

/** A young person recorded three years ago by no one in particular: nothing links anyone to them yet. */
async function youngPerson(key: string): Promise<string> {
  const [{ id }]: { id: string }[] = await t.ds.query(
    `INSERT INTO young_person (pseudonym, reference, first_name, last_name, first_name_key, last_name_key, date_of_birth, gender, ethnicity, legal_status, education_status, presentation, version, created_at)
     VALUES ($1, $2, $3, 'Synthetic', lower($3), 'synthetic', '2010-06-01', 'FEMALE', 'WHITE_BRITISH', 'CHILD_IN_NEED', 'IN_EDUCATION', 'CSE', 1, now() - interval '3 years') RETURNING id`,
    [`YP-AJ${key.slice(0, 6).toUpperCase().padEnd(6, 'X')}`, `MOS-AJ-${key}`, key[0].toUpperCase() + key.slice(1)],
  );
  yp[key] = id;
  return id;
}

/** A meeting in the past month whose agenda names the young person; the police attended or not. */
async function onAgenda(youngPersonId: string, policeStatus: 'ATTENDED' | 'APOLOGIES', daysAgo: number): Promise<void> {
  const [{ id: meeting }]: { id: string }[] = await t.ds.query(`INSERT INTO meeting (date, status, version) VALUES (current_date - $1::int, 'PLANNED', 1) RETURNING id`, [daysAgo]);
  await t.ds.query(
    `INSERT INTO agenda_item (meeting_id, section, position, title, entries, version) VALUES ($1, 'VICTIMS', 1, 'Red', $2::jsonb, 1)`,
    [meeting, JSON.stringify([{ key: `yp:${youngPersonId}`, text: 'Red', youngPerson: { id: youngPersonId, initials: 'S.S.', reference: 'MOS-AJ', pseudonym: 'YP-AJ' } }])],
  );
  await t.ds.query(`UPDATE meeting SET status = 'HELD' WHERE id = $1`, [meeting]);
  await t.ds.query(`INSERT INTO meeting_attendance (meeting_id, agency_id, status) VALUES ($1, $2, $3)`, [meeting, policeAgency, policeStatus]);
}

async function namedInReturn(youngPersonId: string, agencyId: string, reference: string): Promise<void> {
  const period = monthStart(1);
  const [{ id }]: { id: string }[] = await t.ds.query(
    `INSERT INTO agency_return (agency_id, period, status, content, deadline, version) VALUES ($1, $2, 'SUBMITTED', '{}'::jsonb, $2::date + 40, 1)
     RETURNING id`,
    [agencyId, period],
  );
  await t.ds.query(`INSERT INTO agency_return_young_person (return_id, reference, agency_id, period, involvement, young_person_id) VALUES ($1, $2, $3, $4, 'AT_RISK', $5)`, [
    id,
    reference,
    agencyId,
    period,
    youngPersonId,
  ]);
}

async function linkedInNetwork(youngPersonId: string, lastSeenDaysAgo: number): Promise<void> {
  const [{ id: poc }]: { id: string }[] = await t.ds.query(
    `INSERT INTO person_of_concern (first_name, approximate_age, gender, category, status, version) VALUES ('Synthetic', 30, 'MALE', 'PERSON_OF_CONCERN', 'ACTIVE', 1) RETURNING id`,
  );
  await t.ds.query(
    `INSERT INTO link (a_kind, a_id, b_kind, b_id, type, source_agency_id, first_seen, last_seen, source_grade, intelligence_grade, handling, version)
     VALUES ('PERSON_OF_CONCERN', $1, 'YOUNG_PERSON', $2, 'ASSOCIATE', $3, current_date - $4::int - 30, current_date - $4::int, 2, 'B', 'P', 1)`,
    [poc, youngPersonId, policeAgency, lastSeenDaysAgo],
  );
}

const viewedEvents = (id: string): Promise<{ actor_role: string; reason: string | null; details: { identifiable: boolean; justified: boolean } }[]> =>
  t.ds.query(`SELECT actor_role, reason, details FROM audit_event WHERE action = 'young_person.viewed' AND entity_id = $1 ORDER BY seq`, [id]);

const refusedEvents = (id: string): Promise<{ actor_user_id: string; actor_role: string; actor_label: string; entity_type: string; reason: string | null; details: Record<string, unknown> }[]> =>
  t.ds.query(`SELECT actor_user_id, actor_role, actor_label, entity_type, reason, details FROM audit_event WHERE action = 'young_person.view_refused' AND entity_id = $1 ORDER BY seq`, [id]);
const userId = async (role: 'POLICE' | 'CO_CHAIR' | 'COORDINATOR'): Promise<string> =>
  (await t.ds.query<{ id: string }[]>(`SELECT id FROM app_user WHERE email = $1`, [emailOf(role)]))[0].id;

beforeAll(async () => {
  t = await startTestApp();
  [coChair, coordinator, police] = await Promise.all([t.as('CO_CHAIR'), t.as('COORDINATOR'), t.as('POLICE')]);
  [{ agency_id: policeAgency }] = await t.ds.query(`SELECT agency_id FROM app_user WHERE role = 'POLICE'`);
  [{ id: housingAgency }] = await t.ds.query(`SELECT id FROM agency WHERE kind = 'HOUSING'`);
  [{ id: colleague }] = await t.ds.query(
    `INSERT INTO app_user (email, name, role, agency_id, password_hash, status, version) VALUES ('officer2@kingsmere.example', 'Second Officer', 'POLICE', $1, 'x', 'ACTIVE', 1) RETURNING id`,
    [policeAgency],
  );

  await youngPerson('unlinked');
  // On the list: the panel's work, not the police officer's.
  await t.ds.query(`INSERT INTO list_membership (young_person_id, started_on, start_reason) VALUES ($1, current_date - 60, 'Screened at 2')`, [await youngPerson('listed')]);
  await namedInReturn(await youngPerson('policereturn'), policeAgency, 'CRIS-AJ-1');
  await namedInReturn(await youngPerson('housingreturn'), housingAgency, 'HOU-AJ-1');
  await onAgenda(await youngPerson('attended'), 'ATTENDED', 20);
  await onAgenda(await youngPerson('apologies'), 'APOLOGIES', 20);
  await t.ds.query(
    `INSERT INTO risk_assessment (young_person_id, assessed_on, assessor_id, answers, computed_score, final_score, rag, next_review_on, version)
     VALUES ($1, current_date - 10, $2, '[]'::jsonb, 1, 1, 'AMBER', current_date + 80, 1)`,
    [await youngPerson('screened'), colleague],
  );
  await t.ds.query(`UPDATE young_person SET created_at = now() - interval '10 days', created_by = $2 WHERE id = $1`, [await youngPerson('recorded'), colleague]);
  await linkedInNetwork(await youngPerson('networked'), 30);
  await linkedInNetwork(await youngPerson('oldlink'), 500);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('the police (linked only through themselves or their agency)', () => {
  const linked = ['policereturn', 'attended', 'screened', 'recorded', 'networked'];
  const unlinked = ['unlinked', 'listed', 'housingreturn', 'apologies', 'oldlink'];

  it.each(linked)('open the record of a young person linked to them (%s) with no reason asked, audited as not justified', async (key) => {
    const r = await police.ok<{ youngPerson: { identity: { firstName: string } } }>(OPEN, { id: yp[key] });
    expect(r.youngPerson.identity.firstName.toLowerCase()).toBe(key);
    expect((await viewedEvents(yp[key])).filter((e) => e.actor_role === 'POLICE')).toEqual([{ actor_role: 'POLICE', reason: null, details: { identifiable: true, justified: false } }]);
  });

  it.each(unlinked)('are refused the record of a young person not linked to them (%s) until they give a reason, which the audit event keeps', async (key) => {
    const refused = await police.gql(OPEN, { id: yp[key] });
    expect(codeOf(refused)).toBe('REASON_REQUIRED');
    expect(refused.errors?.[0].message).toMatch(/Say why you need to open their record/);
    expect(refused.data).toBeNull();
    // A blank reason is no reason.
    expect(codeOf(await police.gql(OPEN, { id: yp[key], r: '   ' }))).toBe('REASON_REQUIRED');
    expect((await viewedEvents(yp[key])).filter((e) => e.actor_role === 'POLICE')).toEqual([]);
    // Each refused attempt is itself in the audit log: who, which record, refused for want of a reason.
    const officer = await userId('POLICE');
    const attempt = (blankReason: boolean) => ({
      actor_user_id: officer,
      actor_role: 'POLICE',
      actor_label: emailOf('POLICE'),
      entity_type: 'young_person',
      reason: null,
      details: { identifiable: true, refused: 'REASON_REQUIRED', blankReason },
    });
    expect(await refusedEvents(yp[key])).toEqual([attempt(false), attempt(true)]);

    const reason = `Section 47 enquiry for a sibling (${key})`;
    const opened = await police.ok<{ youngPerson: { identity: { firstName: string } } }>(OPEN, { id: yp[key], r: `  ${reason} ` });
    expect(opened.youngPerson.identity.firstName.toLowerCase()).toBe(key);
    expect((await viewedEvents(yp[key])).filter((e) => e.actor_role === 'POLICE')).toEqual([{ actor_role: 'POLICE', reason, details: { identifiable: true, justified: true } }]);
    // The justified open is a view, not another refusal.
    expect(await refusedEvents(yp[key])).toHaveLength(2);
  });

  it('leave no refusal in the audit log when the record opens without one, or when there is no such record', async () => {
    for (const key of linked) expect(await refusedEvents(yp[key])).toEqual([]);
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect(codeOf(await police.gql(OPEN, { id: nobody }))).toBe('NOT_FOUND');
    expect(await refusedEvents(nobody)).toEqual([]);
  });
});

describe('co-chairs and the co-ordinator (the whole list and every meeting)', () => {
  const panelWork = ['listed', 'policereturn', 'housingreturn', 'attended', 'apologies', 'screened', 'recorded'];

  it('open the record of anyone on the list, on any agenda, screened, recorded or named in any return in the last year with no reason asked', async () => {
    for (const key of panelWork) {
      for (const [role, client] of [['CO_CHAIR', coChair], ['COORDINATOR', coordinator]] as const) {
        const r = await client.gql<{ youngPerson: { id: string } }>(OPEN, { id: yp[key] });
        expect({ key, role, code: codeOf(r), id: r.data?.youngPerson.id }).toEqual({ key, role, code: undefined, id: yp[key] });
      }
      const events = await viewedEvents(yp[key]);
      expect(events.filter((e) => e.actor_role !== 'POLICE').map((e) => [e.actor_role, e.reason, e.details.justified])).toEqual([
        ['CO_CHAIR', null, false],
        ['COORDINATOR', null, false],
      ]);
    }
  });

  it('give a reason for a young person nothing on the panel has touched in the last year, and the audit event keeps it', async () => {
    for (const [role, client] of [['CO_CHAIR', coChair], ['COORDINATOR', coordinator]] as const) {
      for (const key of ['unlinked', 'oldlink']) {
        expect(codeOf(await client.gql(OPEN, { id: yp[key] }))).toBe('REASON_REQUIRED');
        const [refusal] = (await refusedEvents(yp[key])).filter((e) => e.actor_role === role);
        expect(refusal).toMatchObject({ actor_user_id: await userId(role), details: { refused: 'REASON_REQUIRED', blankReason: false } });
        await client.ok(OPEN, { id: yp[key], r: `Subject access request (${role})` });
        const [last] = (await viewedEvents(yp[key])).slice(-1);
        expect(last).toEqual({ actor_role: role, reason: `Subject access request (${role})`, details: { identifiable: true, justified: true } });
      }
    }
  });
});
