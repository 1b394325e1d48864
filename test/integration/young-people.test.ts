import { INDICATORS } from '@mase/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, GqlClient } from '../support/gql-client.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let coordinator: GqlClient;
let coChair: GqlClient;
let analyst: GqlClient;
let secondCoordinator: GqlClient;

const CREATE_YP = `mutation($i: YoungPersonFields!) { createYoungPerson(input: $i) { id pseudonym version } }`;
const CREATE_ASSESSMENT = `mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id computedScore finalScore rag policeCategory status version nextReviewOn } }`;
const SIGN_OFF = `mutation($i: SignOffInput!) { signOffAssessment(input: $i) { id status version } }`;

const person = (over: Record<string, unknown> = {}) => ({
  reference: 'MOS-100001',
  firstName: 'Zoë',
  lastName: "O'Neil",
  dateOfBirth: '2011-03-14',
  gender: 'FEMALE',
  ethnicity: 'WHITE_BRITISH',
  legalStatus: 'CHILD_IN_NEED',
  educationStatus: 'PERSISTENT_ABSENCE',
  presentation: 'BOTH',
  ...over,
});

/** Every indicator answered: the given ones present (with evidence), the rest not present. */
function answers(presentIds: string[]) {
  return INDICATORS.map((x) => ({
    indicatorId: x.id,
    answer: presentIds.includes(x.id) ? 'PRESENT' : 'NOT_PRESENT',
    evidence: presentIds.includes(x.id) ? `Seen by the social worker (${x.id})` : null,
  }));
}

beforeAll(async () => {
  t = await startTestApp();
  coordinator = await t.as('COORDINATOR');
  coChair = await t.as('CO_CHAIR');
  analyst = await t.as('ANALYST');
  const admin = await t.as('ADMIN');
  const made = await admin.ok<{ createUser: { temporaryPassword: string } }>(
    `mutation { createUser(input: { name: "Drew Deputy", email: "deputy@kingsmere.example", role: COORDINATOR }) { temporaryPassword } }`,
  );
  secondCoordinator = new GqlClient(t.baseUrl);
  await secondCoordinator.signIn('deputy@kingsmere.example', made.createUser.temporaryPassword);
  await secondCoordinator.ok(`mutation($i: ChangePasswordInput!) { changePassword(input: $i) { id } }`, {
    i: { currentPassword: made.createUser.temporaryPassword, newPassword: `${DEMO_PASSWORD} second coordinator` },
  });
});
afterAll(async () => {
  await t.close();
});

describe('young people', () => {
  it('refuses a record with missing names, a future date of birth, or a placement without where, naming each field', async () => {
    const r = await coordinator.gql(CREATE_YP, {
      i: person({ firstName: ' ', dateOfBirth: '2099-01-01', placementType: 'PLACED_OUT', placementBorough: null }),
    });
    expect(r.errors?.[0].extensions?.fields).toEqual([
      { field: 'firstName', message: 'Enter the first name' },
      { field: 'dateOfBirth', message: 'Date of birth must be in the past' },
      { field: 'placementBorough', message: 'Enter where the young person is placed' },
    ]);
    expect(await t.ds.query(`SELECT 1 FROM young_person`)).toHaveLength(0);
  });

  it('detects duplicates by reference, and by name and date of birth however the name is written', async () => {
    await coordinator.ok(CREATE_YP, { i: person() });
    const sameRef = await coordinator.gql(CREATE_YP, { i: person({ firstName: 'Other', lastName: 'Child' }) });
    expect(sameRef.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'reference', message: expect.stringMatching(/MOS-100001 is already recorded/) });
    const sameName = await coordinator.gql(CREATE_YP, { i: person({ reference: 'MOS-100002', firstName: 'zoe', lastName: 'ONEIL' }) });
    expect(sameName.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'dateOfBirth', message: expect.stringMatching(/reference MOS-100001/) });
  });

  it('tells the second of two concurrent editors of a conflict instead of overwriting', async () => {
    const c = await coordinator.ok<{ createYoungPerson: { id: string; version: number } }>(CREATE_YP, { i: person({ reference: 'MOS-200001', firstName: 'Amira' }) });
    const { id, version } = c.createYoungPerson;
    const UPDATE = `mutation($i: UpdateYoungPersonInput!) { updateYoungPerson(input: $i) { version legalStatus } }`;
    await coordinator.ok(UPDATE, { i: { ...person({ reference: 'MOS-200001', firstName: 'Amira', legalStatus: 'CHILD_PROTECTION' }), id, version } });
    const late = await coChair.gql(UPDATE, { i: { ...person({ reference: 'MOS-200001', firstName: 'Amira', legalStatus: 'EARLY_HELP' }), id, version } });
    expect(codeOf(late)).toBe('CONFLICT');
    const [row]: { legal_status: string }[] = await t.ds.query(`SELECT legal_status FROM young_person WHERE id = $1`, [id]);
    expect(row.legal_status).toBe('CHILD_PROTECTION');
  });
});

describe('the screening, its sign-offs and the list', () => {
  let ypId: string;
  beforeAll(async () => {
    const c = await coordinator.ok<{ createYoungPerson: { id: string } }>(CREATE_YP, { i: person({ reference: 'MOS-300001', firstName: 'Leah', dateOfBirth: '2010-09-01' }) });
    ypId = c.createYoungPerson.id;
  });

  it('refuses an assessment with unanswered indicators or present ones without evidence, naming them', async () => {
    const partial = answers([]).slice(1);
    const r = await coordinator.gql(CREATE_ASSESSMENT, { i: { youngPersonId: ypId, assessedOn: '2026-10-01', answers: partial } });
    expect(r.errors?.[0].extensions?.fields).toEqual([{ field: `answers.${INDICATORS[0].id}`, message: expect.stringMatching(/^Answer "/) }]);
    const noEvidence = answers([]).map((a, i) => (i === 0 ? { ...a, answer: 'PRESENT' } : a));
    const r2 = await coordinator.gql(CREATE_ASSESSMENT, { i: { youngPersonId: ypId, assessedOn: '2026-10-01', answers: noEvidence } });
    expect(r2.errors?.[0].extensions?.fields?.[0].message).toMatch(/^Give the evidence/);
    expect(await t.ds.query(`SELECT 1 FROM risk_assessment`)).toHaveLength(0);
  });

  it('refuses an override without a reason', async () => {
    const r = await coordinator.gql(CREATE_ASSESSMENT, { i: { youngPersonId: ypId, assessedOn: '2026-10-01', answers: answers([]), finalScore: 2 } });
    expect(r.errors?.[0].extensions?.fields).toEqual([{ field: 'overrideReason', message: expect.stringMatching(/Give the reason/) }]);
  });

  it('computes the score on the server, needs two different people to sign off, then puts the young person on the list', async () => {
    const level2 = INDICATORS.filter((x) => x.level === 2).slice(0, 2).map((x) => x.id);
    const created = await coordinator.ok<{ createAssessment: { id: string; computedScore: number; rag: string; policeCategory: number; status: string; version: number; nextReviewOn: string } }>(
      CREATE_ASSESSMENT,
      { i: { youngPersonId: ypId, assessedOn: '2026-10-01', answers: answers(level2), models: ['BOYFRIEND', 'ONLINE'] } },
    );
    const a = created.createAssessment;
    expect(a).toMatchObject({ computedScore: 2, rag: 'RED', policeCategory: 2, status: 'AWAITING_SIGN_OFF', nextReviewOn: '2027-01-01' });

    const byAssessor = await coordinator.gql(SIGN_OFF, { i: { assessmentId: a.id, as: 'LINE_MANAGER', version: a.version } });
    expect(byAssessor.errors?.[0].extensions?.fields?.[0].message).toMatch(/someone else must sign it off/);

    const lm = await coChair.ok<{ signOffAssessment: { status: string; version: number } }>(SIGN_OFF, { i: { assessmentId: a.id, as: 'LINE_MANAGER', version: a.version } });
    expect(lm.signOffAssessment.status).toBe('AWAITING_SIGN_OFF');
    const coChairAsCoordinator = await coChair.gql(SIGN_OFF, { i: { assessmentId: a.id, as: 'COORDINATOR', version: lm.signOffAssessment.version } });
    expect(codeOf(coChairAsCoordinator)).toBe('FORBIDDEN');
    const stale = await secondCoordinator.gql(SIGN_OFF, { i: { assessmentId: a.id, as: 'COORDINATOR', version: a.version } });
    expect(codeOf(stale)).toBe('CONFLICT');

    expect((await coordinator.ok<{ youngPeople: { nodes: unknown[] } }>(`{ youngPeople { nodes { id } } }`)).youngPeople.nodes).toHaveLength(0);
    const final = await secondCoordinator.ok<{ signOffAssessment: { status: string } }>(SIGN_OFF, {
      i: { assessmentId: a.id, as: 'COORDINATOR', version: lm.signOffAssessment.version },
    });
    expect(final.signOffAssessment.status).toBe('FINAL');

    const list = await coordinator.ok<{ youngPeople: { nodes: { id: string; latestAssessment: { finalScore: number; rag: string }; currentMembership: { startReason: string } }[] } }>(
      `{ youngPeople { nodes { id latestAssessment { finalScore rag } currentMembership { startReason } } } }`,
    );
    expect(list.youngPeople.nodes).toEqual([{ id: ypId, latestAssessment: { finalScore: 2, rag: 'RED' }, currentMembership: { startReason: 'SCORE' } }]);
    const again = await secondCoordinator.gql(SIGN_OFF, { i: { assessmentId: a.id, as: 'COORDINATOR', version: lm.signOffAssessment.version + 1 } });
    expect(again.errors?.[0].extensions?.fields?.[0].message).toMatch(/already signed off and final/);
  });

  it('shows the analyst pseudonyms and profiles, never identity or evidence, and audits every read', async () => {
    const list = await analyst.ok<{ youngPeople: { nodes: { id: string; pseudonym: string; ageBand: string; gender: string }[] } }>(
      `{ youngPeople { nodes { id pseudonym ageBand gender } } }`,
    );
    expect(list.youngPeople.nodes[0]).toMatchObject({ pseudonym: expect.stringMatching(/^YP-[A-Z2-9]{8}$/), ageBand: 'AGE_16', gender: 'FEMALE' });
    const identity = await analyst.gql(`query($id: ID!) { youngPerson(id: $id) { identity { firstName } } }`, { id: ypId });
    expect(codeOf(identity)).toBe('FORBIDDEN');
    expect(JSON.stringify(identity.data)).not.toContain('Leah');
    const evidence = await analyst.gql(`query($id: ID!) { youngPerson(id: $id) { assessments { indicators { evidence } } } }`, { id: ypId });
    expect(codeOf(evidence)).toBe('FORBIDDEN');
    for (const field of ['overrideReason', 'outcomeReason']) {
      const r = await analyst.gql(`query($id: ID!) { youngPerson(id: $id) { assessments { ${field} } } }`, { id: ypId });
      expect(codeOf(r)).toBe('FORBIDDEN');
    }
    const byName = await analyst.ok<{ youngPeople: { nodes: unknown[] } }>(`{ youngPeople(filter: { search: "Leah" }) { nodes { id } } }`);
    expect(byName.youngPeople.nodes).toEqual([]);
    const asCoordinator = await coordinator.ok<{ youngPeople: { nodes: unknown[] } }>(`{ youngPeople(filter: { search: "leah" }) { nodes { id } } }`);
    expect(asCoordinator.youngPeople.nodes).toHaveLength(1);
    const views: { actor_role: string; details: { identifiable: boolean } }[] = await t.ds.query(
      `SELECT actor_role, details FROM audit_event WHERE action = 'young_person.viewed' AND entity_id = $1 ORDER BY seq`,
      [ypId],
    );
    expect(views.map((v) => [v.actor_role, v.details.identifiable])).toEqual(Array.from({ length: 4 }, () => ['ANALYST', false]));
  });

  it('lists the review as due, steps the young person down with a date and reason, keeping the history', async () => {
    // Move the review date into the window, behind the immutability trigger's back (as time passing would).
    await t.ds.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`UPDATE risk_assessment SET next_review_on = current_date + 7 WHERE young_person_id = $1`, [ypId]);
    });
    const due = await coordinator.ok<{ reviewsDue: { youngPersonId: string; overdue: boolean; strategyMeetingPrompt: boolean }[] }>(
      `{ reviewsDue { youngPersonId overdue strategyMeetingPrompt } }`,
    );
    expect(due.reviewsDue).toEqual([{ youngPersonId: ypId, overdue: false, strategyMeetingPrompt: true }]);
    const END = `mutation($i: EndMembershipInput!) { endListMembership(input: $i) { endedOn endKind } }`;
    const before = await coordinator.gql(END, { i: { youngPersonId: ypId, kind: 'STEPPED_DOWN', endedOn: '2000-01-01', reason: 'Risk reduced' } });
    expect(before.errors?.[0].extensions?.fields?.[0].field).toBe('endedOn');
    const today = new Date().toISOString().slice(0, 10);
    await coordinator.ok(END, { i: { youngPersonId: ypId, kind: 'STEPPED_DOWN', endedOn: today, reason: 'Risk reduced after review' } });
    const offList = await coordinator.ok<{ youngPeople: { nodes: { id: string; memberships: { endKind: string }[] }[] } }>(
      `{ youngPeople(filter: { onList: false, search: "MOS-300001" }) { nodes { id memberships { endKind } } } }`,
    );
    expect(offList.youngPeople.nodes).toEqual([{ id: ypId, memberships: [{ endKind: 'STEPPED_DOWN' }] }]);
    const twice = await coordinator.gql(END, { i: { youngPersonId: ypId, kind: 'CLOSED', endedOn: today, reason: 'Again' } });
    expect(twice.errors?.[0].extensions?.fields?.[0].message).toBe('This young person is not on the MASE list');
  });
});

describe('missing episodes, chronology and the list on a date', () => {
  let ypId: string;
  const RECORD = `mutation($i: RecordMissingEpisodeInput!) { recordMissingEpisode(input: $i) { id version } }`;
  beforeAll(async () => {
    const c = await coordinator.ok<{ createYoungPerson: { id: string } }>(CREATE_YP, { i: person({ reference: 'MOS-500001', firstName: 'Nadia', dateOfBirth: '2012-05-05' }) });
    ypId = c.createYoungPerson.id;
  });

  it('refuses an end before the start and a future start, naming the fields', async () => {
    const r = await coordinator.gql(RECORD, {
      i: { youngPersonId: ypId, startedAt: '2026-03-10T10:00:00Z', endedAt: '2026-03-09T10:00:00Z', reportedBy: 'Carer' },
    });
    expect(r.errors?.[0].extensions?.fields).toEqual([{ field: 'endedAt', message: 'The return must be after the start' }]);
    const future = await coordinator.gql(RECORD, { i: { youngPersonId: ypId, startedAt: '2099-01-01T00:00:00Z', reportedBy: 'Carer' } });
    expect(future.errors?.[0].extensions?.fields?.[0].field).toBe('startedAt');
    expect(await t.ds.query(`SELECT 1 FROM missing_episode`)).toHaveLength(0);
  });

  it('records episodes (police too), computes the patterns, and hides where found from the analyst', async () => {
    const police = await t.as('POLICE');
    await police.ok(RECORD, { i: { youngPersonId: ypId, startedAt: '2026-03-10T10:00:00Z', endedAt: '2026-03-10T13:00:00Z', reportedBy: 'School', whereFound: 'Shopping centre' } });
    await coordinator.ok(RECORD, { i: { youngPersonId: ypId, startedAt: '2026-03-17T10:30:00Z', endedAt: '2026-03-17T12:00:00Z', reportedBy: 'School' } });
    const open = await coordinator.ok<{ recordMissingEpisode: { id: string; version: number } }>(RECORD, {
      i: { youngPersonId: ypId, startedAt: '2026-03-20T20:00:00Z', reportedBy: 'Carer' },
    });
    const Q = `query($id: ID!) { youngPerson(id: $id) { missingFlags { repeated shortSchoolDayAbsences weekendPattern episodes open } missingEpisodes { reportedBy whereFound } } }`;
    const r = await coordinator.ok<{ youngPerson: { missingFlags: Record<string, unknown>; missingEpisodes: { whereFound: string | null }[] } }>(Q, { id: ypId });
    expect(r.youngPerson.missingFlags).toEqual({ repeated: true, shortSchoolDayAbsences: true, weekendPattern: false, episodes: 3, open: 1 });
    expect(r.youngPerson.missingEpisodes.map((e) => e.whereFound)).toContain('Shopping centre');
    expect(codeOf(await analyst.gql(Q, { id: ypId }))).toBe('FORBIDDEN');
    const flags = await analyst.ok<{ youngPerson: { missingFlags: { episodes: number } } }>(`query($id: ID!) { youngPerson(id: $id) { missingFlags { episodes } } }`, { id: ypId });
    expect(flags.youngPerson.missingFlags.episodes).toBe(3);

    const UPDATE = `mutation($i: UpdateMissingEpisodeInput!) { updateMissingEpisode(input: $i) { endedAt returnInterviewDone } }`;
    const noReturn = await coordinator.gql(UPDATE, {
      i: { id: open.recordMissingEpisode.id, version: open.recordMissingEpisode.version, startedAt: '2026-03-20T20:00:00Z', reportedBy: 'Carer', returnInterviewDone: true },
    });
    expect(noReturn.errors?.[0].extensions?.fields?.[0].field).toBe('returnInterviewDone');
    await coordinator.ok(UPDATE, {
      i: { id: open.recordMissingEpisode.id, version: open.recordMissingEpisode.version, startedAt: '2026-03-20T20:00:00Z', endedAt: '2026-03-21T11:00:00Z', reportedBy: 'Carer', returnInterviewOffered: true, returnInterviewDone: true },
    });
  });

  it('shows one time-ordered chronology of screenings, sign-offs, list changes and missing episodes', async () => {
    const withAssessment = await t.ds.query(`SELECT young_person_id FROM risk_assessment WHERE status = 'FINAL' LIMIT 1`);
    const id = (withAssessment as { young_person_id: string }[])[0].young_person_id;
    await coordinator.ok(RECORD, { i: { youngPersonId: id, startedAt: '2026-02-01T20:00:00Z', endedAt: '2026-02-02T09:00:00Z', reportedBy: 'Police' } });
    const r = await coordinator.ok<{ youngPerson: { chronology: { at: string; kind: string; summary: string }[] } }>(
      `query($id: ID!) { youngPerson(id: $id) { chronology { at kind summary } } }`,
      { id },
    );
    const kinds = r.youngPerson.chronology.map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(['ASSESSMENT', 'SIGNED_OFF', 'LIST_JOINED', 'LIST_ENDED', 'MISSING', 'RETURNED']));
    const times = r.youngPerson.chronology.map((c) => Date.parse(c.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(r.youngPerson.chronology.find((c) => c.kind === 'LIST_ENDED')?.summary).toMatch(/Stepped down from the MASE list: Risk reduced after review/);
  });

  it('answers "who was on the list on date D" from the membership history', async () => {
    await t.ds.query(
      `INSERT INTO list_membership (young_person_id, started_on, start_reason, ended_on, end_kind, end_reason)
       VALUES ($1, '2025-01-10', 'SCORE', '2025-06-01', 'STEPPED_DOWN', 'Risk reduced'), ($1, '2025-09-01', 'OVERRIDE', NULL, NULL, NULL)`,
      [ypId],
    );
    const Q = `query($d: String!) { youngPeople(filter: { onListOn: $d }) { nodes { id } } }`;
    const on = async (d: string) => (await coordinator.ok<{ youngPeople: { nodes: { id: string }[] } }>(Q, { d })).youngPeople.nodes.map((n) => n.id);
    expect(await on('2025-01-09')).not.toContain(ypId);
    expect(await on('2025-01-10')).toContain(ypId);
    expect(await on('2025-05-31')).toContain(ypId);
    expect(await on('2025-06-01')).not.toContain(ypId);
    expect(await on('2025-09-01')).toContain(ypId);
    const bad = await coordinator.gql(Q, { d: 'yesterday' });
    expect(bad.errors?.[0].extensions?.fields?.[0].field).toBe('filter.onListOn');
  });

  it('refuses to change or delete a signed-off assessment, in the database itself', async () => {
    await expect(t.ds.query(`UPDATE risk_assessment SET final_score = 0 WHERE status = 'FINAL'`)).rejects.toThrow(/cannot be changed/);
    await expect(t.ds.query(`DELETE FROM risk_assessment WHERE status = 'FINAL'`)).rejects.toThrow(/cannot be deleted/);
    const [a]: { id: string }[] = await t.ds.query(`SELECT id FROM risk_assessment WHERE status = 'FINAL' LIMIT 1`);
    const r = await coordinator.ok<{ recordAssessmentOutcome: { outcome: string } }>(
      `mutation($i: RecordOutcomeInput!) { recordAssessmentOutcome(input: $i) { outcome } }`,
      { i: { assessmentId: a.id, outcome: 'STRATEGY_DISCUSSION', outcomeOn: new Date().toISOString().slice(0, 10) } },
    );
    expect(r.recordAssessmentOutcome.outcome).toBe('STRATEGY_DISCUSSION');
    const nfa = await coordinator.gql(`mutation($i: RecordOutcomeInput!) { recordAssessmentOutcome(input: $i) { outcome } }`, {
      i: { assessmentId: a.id, outcome: 'NO_FURTHER_ACTION', outcomeOn: new Date().toISOString().slice(0, 10) },
    });
    expect(nfa.errors?.[0].extensions?.fields).toEqual([{ field: 'reason', message: 'Give the reason for no further action' }]);
  });
});

describe('opening a record the user has no link to', () => {
  it('asks for a reason, kept in the audit event, when nothing in the last year connects the user to the young person', async () => {
    const t2 = t;
    const [{ id: creator }]: { id: string }[] = await t2.ds.query(`SELECT id FROM app_user WHERE role = 'COORDINATOR' LIMIT 1`);
    const [{ id }]: { id: string }[] = await t2.ds.query(
      `INSERT INTO young_person (pseudonym, reference, first_name, last_name, first_name_key, last_name_key, date_of_birth, gender, ethnicity, legal_status, education_status, presentation, created_by, version, created_at)
       VALUES ('YP-OLDREC01', 'MOS-OLD-1', 'Olive', 'Archive', 'olive', 'archive', '2005-01-01', 'FEMALE', 'WHITE_BRITISH', 'CARE_LEAVER', 'NEET', 'CSE', $1, 1, now() - interval '3 years') RETURNING id`,
      [creator],
    );
    const coordinator = await t2.as('COORDINATOR');
    const Q = `query($id: ID!, $r: String) { youngPerson(id: $id, reason: $r) { id identity { firstName } } }`;
    const refused = await coordinator.gql(Q, { id });
    expect(codeOf(refused)).toBe('REASON_REQUIRED');
    expect(refused.errors?.[0].message).toMatch(/Say why you need to open their record/);
    const opened = await coordinator.ok<{ youngPerson: { identity: { firstName: string } } }>(Q, { id, r: 'Subject access request from the young person' });
    expect(opened.youngPerson.identity.firstName).toBe('Olive');
    const [audit]: { reason: string; details: { justified: boolean } }[] = await t2.ds.query(
      `SELECT reason, details FROM audit_event WHERE action = 'young_person.viewed' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
      [id],
    );
    expect(audit).toEqual({ reason: 'Subject access request from the young person', details: { identifiable: true, justified: true } });
    // The analyst sees pseudonyms only, so no reason is asked.
    expect((await (await t2.as('ANALYST')).gql(`query($id: ID!) { youngPerson(id: $id) { pseudonym } }`, { id })).errors).toBeUndefined();
  });
});
