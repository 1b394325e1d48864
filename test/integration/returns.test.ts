import { RETURN_TEMPLATES, type AgencyKind } from '@mase/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, GqlClient } from '../support/gql-client.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

const RETURN_FIELDS = `id period status deadline late version versionCount reviewComment agency { id kind }
  content { measures { key value } localities { kind description locationId placeName } youngPeople { reference involvement firstName pseudonym } outcomes blockages }`;
const SAVE = `mutation($i: SaveReturnDraftInput!) { saveReturnDraft(input: $i) { ${RETURN_FIELDS} } }`;
const SUBMIT = `mutation($i: SubmitReturnInput!) { submitReturn(input: $i) { ${RETURN_FIELDS} } }`;
const AMEND = `mutation($i: AmendReturnInput!) { amendReturn(input: $i) { ${RETURN_FIELDS} } }`;
const REVIEW = `mutation($i: ReviewReturnInput!) { reviewReturn(input: $i) { ${RETURN_FIELDS} } }`;
const GET = `query($id: ID!) { agencyReturn(id: $id) { ${RETURN_FIELDS} versions { number kind late reason outcome reviewComment submittedByName content { measures { key value } } } } }`;
const LIST = `query($f: ReturnsFilter) { agencyReturns(filter: $f) { id agency { id } period status } }`;
const TOTALS = `query($r: PeriodRangeInput!, $a: ID) { returnTotals(range: $r, agencyId: $a) { byMeasure { period measure total agencies } byAgencyKind { period measure agencyKind total } } }`;
const COMPLIANCE = `query($r: PeriodRangeInput!) { returnCompliance(range: $r) { periods deadlines rows { agency { id name } cells { period state returnId } } } }`;
const OVERDUE = `{ overdueReturns { agency { id } period deadline daysOverdue status } }`;
const FLAGS = `{ returnYoungPeopleToScreen { agency { id } period reference reason youngPersonId firstName } }`;
const PERIODS = `query($a: ID!) { returnPeriods(agencyId: $a, months: 3) { period deadline status overdue late returnId } }`;
const CSV = `mutation($a: ID!, $p: String!, $csv: String!) { previewReturnCsv(agencyId: $a, period: $p, csv: $csv) { fileErrors problems { line column field message } content { measures { key value } localities { kind description locationId placeName } youngPeople { reference involvement } outcomes blockages } } }`;

type Ret = {
  id: string;
  period: string;
  status: string;
  deadline: string;
  late: boolean;
  version: number;
  versionCount: number;
  reviewComment: string | null;
  content: { measures: { key: string; value: number | null }[]; youngPeople: { reference: string | null; pseudonym: string | null; firstName: string | null }[]; outcomes: string | null };
};

let t: TestApp;
let lead: GqlClient;
let lead2: GqlClient;
let otherLead: GqlClient;
let coordinator: GqlClient;
let coChair: GqlClient;
let analyst: GqlClient;
let health: { id: string; kind: AgencyKind };
let housing: { id: string; kind: AgencyKind };

const month = (back: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
};
const full = (kind: AgencyKind, base = 1) => RETURN_TEMPLATES[kind].map((key, i) => ({ key, value: base + i }));
const content = (kind: AgencyKind, over: Record<string, unknown> = {}) => ({ measures: full(kind), localities: [], youngPeople: [], outcomes: 'Two prevention sessions in schools', blockages: [], ...over });

async function leadOf(agencyId: string, email: string): Promise<GqlClient> {
  await t.ds.query(
    `INSERT INTO app_user (email, name, role, agency_id, password_hash, status, must_change_password, version)
     SELECT $1, 'Second Lead', 'AGENCY_LEAD', $2, password_hash, 'ACTIVE', false, 1 FROM app_user WHERE role = 'AGENCY_LEAD' LIMIT 1`,
    [email, agencyId],
  );
  const c = new GqlClient(t.baseUrl);
  const r = await c.signIn(email, DEMO_PASSWORD);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return c;
}

beforeAll(async () => {
  t = await startTestApp();
  [lead, coordinator, coChair, analyst] = await Promise.all([t.as('AGENCY_LEAD'), t.as('COORDINATOR'), t.as('CO_CHAIR'), t.as('ANALYST')]);
  [health] = await t.ds.query(`SELECT a.id, a.kind FROM agency a JOIN app_user u ON u.agency_id = a.id WHERE u.role = 'AGENCY_LEAD'`);
  [housing] = await t.ds.query(`SELECT id, kind FROM agency WHERE kind = 'HOUSING'`);
  lead2 = await leadOf(health.id, 'second-lead@health.example');
  otherLead = await leadOf(housing.id, 'lead@housing.example');
});
afterAll(async () => {
  await t?.close();
});

const count = async (sql: string, params: unknown[] = []) => ((await t.ds.query<{ n: number }[]>(sql, params)))[0].n;

describe('writing a return', () => {
  it('saves a partial draft, refuses bad figures naming each field, and never a future period', async () => {
    const period = month(2);
    const draft = await lead.ok<{ saveReturnDraft: Ret }>(SAVE, { i: { agencyId: health.id, period, content: content(health.kind, { measures: [{ key: 'sessionsDelivered', value: 3 }], outcomes: null }) } });
    expect(draft.saveReturnDraft).toMatchObject({ period, status: 'DRAFT', version: 1, versionCount: 0 });
    expect(draft.saveReturnDraft.deadline > `${period}-28`).toBe(true);

    const bad = await lead.gql(SAVE, {
      i: { agencyId: health.id, period, version: 1, content: content(health.kind, { measures: [{ key: 'sessionsDelivered', value: -2 }, { key: 'arrests', value: 1 }, { key: 'bogus', value: 1 }] }) },
    });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields).toEqual([
      { field: 'content.measures.sessionsDelivered', message: 'Prevention sessions delivered must be a whole number, 0 or more' },
      { field: 'content.measures.arrests', message: 'Arrests is not part of this agency’s return' },
      { field: 'content.measures.bogus', message: '"bogus" is not a measure of the return' },
    ]);
    const text = await lead.gql(SAVE, { i: { agencyId: health.id, period, version: 1, content: content(health.kind, { measures: [{ key: 'sessionsDelivered', value: 'three' }] }) } });
    expect(codeOf(text)).toBe('BAD_USER_INPUT');
    const future = await lead.gql(SAVE, { i: { agencyId: health.id, period: month(-1), content: content(health.kind) } });
    expect(future.errors?.[0].extensions?.fields).toEqual([{ field: 'period', message: 'The period must not be in the future: returns are for the current month or earlier' }]);
    const [{ content: kept }]: { content: { measures: { value: number }[] } }[] = await t.ds.query(`SELECT content FROM agency_return WHERE agency_id = $1 AND period = $2`, [health.id, `${period}-01`]);
    expect(kept.measures).toEqual([{ key: 'sessionsDelivered', value: 3 }]);
  });

  it('tells the second of two leads saving the same draft about the conflict, keeping the first save', async () => {
    const period = month(3);
    const first = await lead.ok<{ saveReturnDraft: Ret }>(SAVE, { i: { agencyId: health.id, period, content: content(health.kind, { outcomes: 'first' }) } });
    const a = await lead.gql<{ saveReturnDraft: Ret }>(SAVE, { i: { agencyId: health.id, period, version: first.saveReturnDraft.version, content: content(health.kind, { outcomes: 'lead one' }) } });
    const b = await lead2.gql(SAVE, { i: { agencyId: health.id, period, version: first.saveReturnDraft.version, content: content(health.kind, { outcomes: 'lead two' }) } });
    expect(a.errors).toBeUndefined();
    expect(codeOf(b)).toBe('CONFLICT');
    expect(b.errors?.[0].message).toMatch(/^Taylor Lead saved this return at .*, after you opened it\. Your changes have not been saved/);
    const [{ outcomes }]: { outcomes: string }[] = await t.ds.query(`SELECT content->>'outcomes' AS outcomes FROM agency_return WHERE agency_id = $1 AND period = $2`, [health.id, `${period}-01`]);
    expect(outcomes).toBe('lead one');

    // Two first saves at once: one starts the return, the other is told it already exists.
    const period2 = month(4);
    const both = await Promise.all([lead, lead2].map((c) => c.gql(SAVE, { i: { agencyId: health.id, period: period2, content: content(health.kind) } })));
    expect(both.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect(await count(`SELECT count(*)::int AS n FROM agency_return WHERE agency_id = $1 AND period = $2`, [health.id, `${period2}-01`])).toBe(1);
  });

  it('walks draft → submitted → returned → resubmitted → accepted → amended, keeping every version', async () => {
    const period = month(0);
    const d = await lead.ok<{ saveReturnDraft: Ret }>(SAVE, { i: { agencyId: health.id, period, content: content(health.kind, { measures: full(health.kind).slice(1), outcomes: '' }) } });
    const missing = await lead.gql(SUBMIT, { i: { id: d.saveReturnDraft.id, version: d.saveReturnDraft.version } });
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors?.[0].message).toBe('The return has 2 problems: correct them and submit again');
    expect(missing.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['content.measures.sessionsDelivered', 'content.outcomes']);
    expect(await count(`SELECT count(*)::int AS n FROM agency_return_version`)).toBe(0);

    const fixed = await lead.ok<{ saveReturnDraft: Ret }>(SAVE, { i: { agencyId: health.id, period, version: d.saveReturnDraft.version, content: content(health.kind) } });
    const sub = await lead.ok<{ submitReturn: Ret }>(SUBMIT, { i: { id: fixed.saveReturnDraft.id, version: fixed.saveReturnDraft.version } });
    expect(sub.submitReturn).toMatchObject({ status: 'SUBMITTED', late: false, versionCount: 1 });
    const again = await lead.gql(SAVE, { i: { agencyId: health.id, period, version: sub.submitReturn.version, content: content(health.kind) } });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/already been submitted: amend it instead/);

    const noComment = await coordinator.gql(REVIEW, { i: { id: sub.submitReturn.id, version: sub.submitReturn.version, decision: 'RETURN' } });
    expect(noComment.errors?.[0].extensions?.fields).toEqual([{ field: 'comment', message: 'Say what the agency needs to correct' }]);
    expect(codeOf(await lead.gql(REVIEW, { i: { id: sub.submitReturn.id, version: sub.submitReturn.version, decision: 'ACCEPT' } }))).toBe('FORBIDDEN');
    const returned = await coordinator.ok<{ reviewReturn: Ret }>(REVIEW, { i: { id: sub.submitReturn.id, version: sub.submitReturn.version, decision: 'RETURN', comment: 'Staff trained looks too high' } });
    expect(returned.reviewReturn).toMatchObject({ status: 'RETURNED', reviewComment: 'Staff trained looks too high' });

    const corrected = await lead.ok<{ saveReturnDraft: Ret }>(SAVE, { i: { agencyId: health.id, period, version: returned.reviewReturn.version, content: content(health.kind, { measures: full(health.kind, 0) }) } });
    const resub = await lead.ok<{ submitReturn: Ret }>(SUBMIT, { i: { id: corrected.saveReturnDraft.id, version: corrected.saveReturnDraft.version } });
    expect(resub.submitReturn).toMatchObject({ status: 'SUBMITTED', versionCount: 2, reviewComment: null });
    const accepted = await coChair.ok<{ reviewReturn: Ret }>(REVIEW, { i: { id: resub.submitReturn.id, version: resub.submitReturn.version, decision: 'ACCEPT' } });
    expect(accepted.reviewReturn.status).toBe('ACCEPTED');
    expect(codeOf(await coChair.gql(REVIEW, { i: { id: resub.submitReturn.id, version: accepted.reviewReturn.version, decision: 'ACCEPT' } }))).toBe('CONFLICT');

    const noReason = await lead.gql(AMEND, { i: { id: accepted.reviewReturn.id, version: accepted.reviewReturn.version, content: content(health.kind), reason: '  ' } });
    expect(noReason.errors?.[0].extensions?.fields).toEqual([{ field: 'reason', message: 'Say why the return is being amended' }]);
    const amended = await lead.ok<{ amendReturn: Ret }>(AMEND, {
      i: { id: accepted.reviewReturn.id, version: accepted.reviewReturn.version, content: content(health.kind, { measures: full(health.kind, 5) }), reason: 'Late-reported sessions added' },
    });
    expect(amended.amendReturn).toMatchObject({ status: 'SUBMITTED', versionCount: 3 });

    const history = await coChair.ok<{ agencyReturn: { versions: { number: number; kind: string; reason: string | null; outcome: string | null; reviewComment: string | null; submittedByName: string; content: { measures: { value: number }[] } }[] } }>(GET, { id: amended.amendReturn.id });
    expect(history.agencyReturn.versions.map((v) => [v.number, v.kind, v.outcome, v.reason ?? v.reviewComment])).toEqual([
      [3, 'AMENDMENT', null, 'Late-reported sessions added'],
      [2, 'RESUBMISSION', 'ACCEPTED', null],
      [1, 'SUBMISSION', 'RETURNED', 'Staff trained looks too high'],
    ]);
    expect(history.agencyReturn.versions[2].content.measures[0].value).toBe(1);
    expect(history.agencyReturn.versions[0].submittedByName).toBe('Taylor Lead');
    await expect(t.ds.query(`UPDATE agency_return_version SET content = '{}'::jsonb WHERE number = 1`)).rejects.toThrow(/cannot be changed/);
    await expect(t.ds.query(`DELETE FROM agency_return_version`)).rejects.toThrow(/cannot be deleted/);

    const actions: { action: string }[] = await t.ds.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq`, [amended.amendReturn.id]);
    expect(actions.map((a) => a.action).filter((a) => a !== 'return.draft_saved')).toEqual(['return.submitted', 'return.returned', 'return.resubmitted', 'return.accepted', 'return.amended']);
  });

  it('marks a return first submitted after its deadline as late', async () => {
    const period = month(6);
    const d = await lead.ok<{ saveReturnDraft: Ret }>(SAVE, { i: { agencyId: health.id, period, content: content(health.kind) } });
    const s = await lead.ok<{ submitReturn: Ret }>(SUBMIT, { i: { id: d.saveReturnDraft.id, version: d.saveReturnDraft.version } });
    expect(s.submitReturn.late).toBe(true);
  });
});

describe('another agency’s returns', () => {
  it('are refused to an agency lead by id, filter, aggregate and CSV, and every attempt is audited', async () => {
    const [{ id }]: { id: string }[] = await t.ds.query(`SELECT id FROM agency_return WHERE agency_id = $1 LIMIT 1`, [health.id]);
    const before = await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'return.access_refused'`);
    const attempts = [
      await otherLead.gql(GET, { id }),
      await otherLead.gql(LIST, { f: { agencyId: health.id } }),
      await otherLead.gql(TOTALS, { r: { from: month(12), to: month(0) }, a: health.id }),
      await otherLead.gql(TOTALS, { r: { from: month(12), to: month(0) } }),
      await otherLead.gql(PERIODS, { a: health.id }),
      await otherLead.gql(SAVE, { i: { agencyId: health.id, period: month(1), content: content(health.kind) } }),
      await otherLead.gql(SUBMIT, { i: { id, version: 1 } }),
      await otherLead.gql(CSV, { a: health.id, p: month(1), csv: 'Section,Item,Value,Detail\n' }),
    ];
    expect(attempts.map((r) => codeOf(r))).toEqual(Array(8).fill('FORBIDDEN'));
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'return.access_refused'`)).toBe(before + 8);
    expect(await count(`SELECT count(*)::int AS n FROM agency_return WHERE agency_id = $1 AND period = $2`, [health.id, `${month(1)}-01`])).toBe(0);
    // Their own list holds only their own agency.
    const own = await otherLead.ok<{ agencyReturns: { agency: { id: string } }[] }>(LIST);
    expect(own.agencyReturns.every((r) => r.agency.id === housing.id)).toBe(true);
    const all = await coordinator.ok<{ agencyReturns: { agency: { id: string } }[] }>(LIST);
    expect(all.agencyReturns.some((r) => r.agency.id === health.id)).toBe(true);
  });
});

describe('oversight', () => {
  it('adds up submitted and accepted returns in SQL, per measure and per agency kind, leaving returned ones out', async () => {
    const period = month(8);
    const h = await lead.ok<{ saveReturnDraft: Ret }>(SAVE, { i: { agencyId: health.id, period, content: content(health.kind, { measures: full(health.kind, 10) }) } });
    await lead.ok(SUBMIT, { i: { id: h.saveReturnDraft.id, version: h.saveReturnDraft.version } });
    const o = await otherLead.ok<{ saveReturnDraft: Ret }>(SAVE, { i: { agencyId: housing.id, period, content: content(housing.kind, { measures: full(housing.kind, 100) }) } });
    const os = await otherLead.ok<{ submitReturn: Ret }>(SUBMIT, { i: { id: o.saveReturnDraft.id, version: o.saveReturnDraft.version } });
    const r = await analyst.ok<{ returnTotals: { byMeasure: { period: string; measure: string; total: number; agencies: number }[]; byAgencyKind: { measure: string; agencyKind: string; total: number }[] } }>(TOTALS, {
      r: { from: period, to: period },
    });
    const staff = r.returnTotals.byMeasure.find((x) => x.measure === 'staffTrained')!;
    const expected = 10 + RETURN_TEMPLATES.HEALTH.indexOf('staffTrained') + 100 + RETURN_TEMPLATES.HOUSING.indexOf('staffTrained');
    expect(staff).toEqual({ period, measure: 'staffTrained', total: expected, agencies: 2 });
    expect(r.returnTotals.byAgencyKind.filter((x) => x.measure === 'staffTrained').map((x) => x.agencyKind).sort()).toEqual(['HEALTH', 'HOUSING']);
    const [{ sum }]: { sum: number }[] = await t.ds.query(
      `SELECT sum((m->>'value')::int)::int AS sum FROM agency_return r, jsonb_array_elements(r.content->'measures') m WHERE r.period = $1 AND r.status IN ('SUBMITTED','ACCEPTED')`,
      [`${period}-01`],
    );
    expect(r.returnTotals.byMeasure.reduce((a, x) => a + x.total, 0)).toBe(sum);

    await coordinator.ok(REVIEW, { i: { id: os.submitReturn.id, version: os.submitReturn.version, decision: 'RETURN', comment: 'Check the visits' } });
    const after = await analyst.ok<{ returnTotals: { byMeasure: { measure: string; total: number; agencies: number }[] } }>(TOTALS, { r: { from: period, to: period } });
    expect(after.returnTotals.byMeasure.find((x) => x.measure === 'staffTrained')).toMatchObject({ total: 10 + RETURN_TEMPLATES.HEALTH.indexOf('staffTrained'), agencies: 1 });
    // An agency lead may total their own agency's figures.
    const own = await lead.ok<{ returnTotals: { byMeasure: unknown[] } }>(TOTALS, { r: { from: period, to: period }, a: health.id });
    expect(own.returnTotals.byMeasure.length).toBe(RETURN_TEMPLATES.HEALTH.length);
  });

  it('shows agencies × months as on time, late, returned, missing or due, and lists what is overdue', async () => {
    const r = await coChair.ok<{ returnCompliance: { periods: string[]; rows: { agency: { id: string }; cells: { period: string; state: string }[] }[] } }>(COMPLIANCE, { r: { from: month(8), to: month(0) } });
    expect(r.returnCompliance.periods).toHaveLength(9);
    const cell = (agencyId: string, p: string) => r.returnCompliance.rows.find((x) => x.agency.id === agencyId)!.cells.find((c) => c.period === p)!.state;
    expect(cell(health.id, month(0))).toBe('ON_TIME'); // amended, awaiting acceptance again: still submitted on time
    expect(cell(health.id, month(6))).toBe('LATE');
    expect(cell(housing.id, month(8))).toBe('RETURNED');
    expect(cell(housing.id, month(7))).toBe('MISSING');
    expect(cell(housing.id, month(0))).toBe('DUE');
    const agencies = await count(`SELECT count(*)::int AS n FROM agency WHERE active`);
    expect(r.returnCompliance.rows).toHaveLength(agencies);

    const overdue = await coordinator.ok<{ overdueReturns: { agency: { id: string }; period: string; daysOverdue: number; status: string | null }[] }>(OVERDUE);
    expect(overdue.overdueReturns.find((x) => x.agency.id === housing.id && x.period === month(8))).toMatchObject({ status: 'RETURNED' });
    expect(overdue.overdueReturns.find((x) => x.agency.id === housing.id && x.period === month(7))).toMatchObject({ status: null });
    expect(overdue.overdueReturns.some((x) => x.agency.id === health.id && x.period === month(6))).toBe(false);
    expect(overdue.overdueReturns.map((x) => x.daysOverdue)).toEqual([...overdue.overdueReturns.map((x) => x.daysOverdue)].sort((a, b) => b - a));
    expect(codeOf(await analyst.gql(OVERDUE))).toBe('FORBIDDEN');

    const periods = await lead.ok<{ returnPeriods: { period: string; status: string | null; overdue: boolean }[] }>(PERIODS, { a: health.id });
    expect(periods.returnPeriods.map((p) => p.period)).toEqual([month(0), month(1), month(2)]);
    expect(periods.returnPeriods[0].status).toBe('SUBMITTED');
    expect(periods.returnPeriods[2]).toMatchObject({ status: 'DRAFT', overdue: true });
  });
});

describe('young people named in returns', () => {
  it('are matched to the list by reference or name and date of birth; those not on it are flagged for screening; the analyst sees pseudonyms only', async () => {
    const [{ id: creator }]: { id: string }[] = await t.ds.query(`SELECT id FROM app_user WHERE role = 'COORDINATOR' LIMIT 1`);
    const [onList, offList]: { id: string }[] = await t.ds.query(
      `INSERT INTO young_person (pseudonym, reference, first_name, last_name, first_name_key, last_name_key, date_of_birth, gender, ethnicity, legal_status, education_status, presentation, created_by, version)
       VALUES ('YP-RETAAAA1', 'MOS-RET-1', 'Cara', 'Sample', 'cara', 'sample', '2010-02-03', 'FEMALE', 'WHITE_BRITISH', 'CHILD_IN_NEED', 'PERSISTENT_ABSENCE', 'BOTH', $1, 1),
              ('YP-RETAAAA2', 'MOS-RET-2', 'Dana', 'Sample', 'dana', 'sample', '2011-04-05', 'FEMALE', 'WHITE_BRITISH', 'CHILD_IN_NEED', 'PERSISTENT_ABSENCE', 'BOTH', $1, 1)
       RETURNING id`,
      [creator],
    );
    await t.ds.query(`INSERT INTO list_membership (young_person_id, started_on, start_reason, created_by) VALUES ($1, '2026-01-01', 'OVERRIDE', $2)`, [onList.id, creator]);
    const period = month(9);
    const yps = [
      { reference: 'mos-ret-1', involvement: 'EXPERIENCING' },
      { reference: 'HLTH-77', involvement: 'AT_RISK', firstName: 'Dana', lastName: 'Sample', dateOfBirth: '2011-04-05' },
      { reference: 'HLTH-99', involvement: 'AT_RISK', firstName: 'Nova', lastName: 'Unlisted', dateOfBirth: '2012-01-01' },
    ];
    const d = await lead.ok<{ saveReturnDraft: Ret }>(SAVE, { i: { agencyId: health.id, period, content: content(health.kind, { youngPeople: yps }) } });
    const s = await lead.ok<{ submitReturn: Ret }>(SUBMIT, { i: { id: d.saveReturnDraft.id, version: d.saveReturnDraft.version } });
    // The lead sees what they entered, never whether a child is on the list.
    expect(s.submitReturn.content.youngPeople.map((y) => [y.reference, y.pseudonym])).toEqual([['mos-ret-1', null], ['HLTH-77', null], ['HLTH-99', null]]);
    const matched: { reference: string; young_person_id: string | null; matched_by: string | null }[] = await t.ds.query(
      `SELECT reference, young_person_id, matched_by FROM agency_return_young_person WHERE return_id = $1 ORDER BY reference`,
      [s.submitReturn.id],
    );
    expect(matched).toEqual([
      { reference: 'HLTH-77', young_person_id: offList.id, matched_by: 'NAME_AND_DOB' },
      { reference: 'HLTH-99', young_person_id: null, matched_by: null },
      { reference: 'mos-ret-1', young_person_id: onList.id, matched_by: 'REFERENCE' },
    ]);
    const flags = await coordinator.ok<{ returnYoungPeopleToScreen: { period: string; reference: string; reason: string; youngPersonId: string | null; firstName: string | null }[] }>(FLAGS);
    expect(flags.returnYoungPeopleToScreen.filter((f) => f.period === period).map((f) => [f.reference, f.reason, f.youngPersonId, f.firstName])).toEqual([
      ['HLTH-77', 'NOT_ON_LIST', offList.id, 'Dana'],
      ['HLTH-99', 'NOT_RECORDED', null, 'Nova'],
    ]);
    const seen = await analyst.ok<{ agencyReturn: Ret }>(GET, { id: s.submitReturn.id });
    expect(seen.agencyReturn.content.youngPeople).toEqual([
      { reference: null, involvement: 'EXPERIENCING', firstName: null, pseudonym: 'YP-RETAAAA1' },
      { reference: null, involvement: 'AT_RISK', firstName: null, pseudonym: null },
      { reference: null, involvement: 'AT_RISK', firstName: null, pseudonym: null },
    ]);
    expect(codeOf(await analyst.gql(FLAGS))).toBe('FORBIDDEN');
  });
});

describe('a return uploaded as CSV', () => {
  it('downloads a template per agency kind and previews the file with the form’s checks, by line, saving nothing', async () => {
    const template = await fetch(`${t.baseUrl}/files/templates/returns/housing.csv`, { headers: { cookie: otherLead.cookie! } });
    expect(template.status).toBe(200);
    const lines = (await template.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Section,Item,Value,Detail');
    expect(lines.filter((l) => l.startsWith('Measure,'))).toHaveLength(RETURN_TEMPLATES.HOUSING.length);
    expect((await fetch(`${t.baseUrl}/files/templates/returns/nothing.csv`, { headers: { cookie: otherLead.cookie! } })).status).toBe(400);

    await t.ds.query(`INSERT INTO location (name, type, version) VALUES ('Canal Steps', 'OTHER', 1)`);
    const period = month(10);
    const before = await count(`SELECT count(*)::int AS n FROM agency_return`);
    const csv = [
      'Section,Item,Value,Detail',
      'Measure,Staff trained in CSE awareness,4,',
      'Measure,Visits to premises of concern,lots,',
      'Measure,Arrests,2,',
      'Measure,Staff trained in CSE awareness,5,',
      'Gang,,Older youths recruiting at the steps,Canal Steps',
      'Locality,,Flats behind the parade,Nowhere Known',
      'Young person,HSG-1,At risk,',
      'Outcomes,,Two tenancy warnings served,',
      'Blockage,,Landlord will not share CCTV,',
      'Weather,,sunny,',
    ].join('\n');
    const r = await otherLead.ok<{ previewReturnCsv: { fileErrors: string[]; problems: { line: number | null; column: string; field: string | null; message: string }[]; content: { localities: { placeName: string | null }[]; blockages: string[]; outcomes: string } } }>(CSV, {
      a: housing.id,
      p: period,
      csv,
    });
    const p = r.previewReturnCsv;
    expect(p.fileErrors).toEqual([]);
    expect(p.problems.map((x) => [x.line, x.column, x.message])).toEqual([
      [3, 'Value', '"lots" is not a whole number of 0 or more'],
      [4, 'Item', 'Arrests is not part of this agency’s return'],
      [5, 'Item', 'Staff trained in CSE awareness is also on line 2'],
      [7, 'Detail', 'No place called "Nowhere Known" is recorded'],
      [11, 'Section', '"Weather" is not a section: use Measure, Locality, Peer group, Gang, Young person, Outcomes or Blockage'],
      [null, 'Section', 'Tenancy or licensing enforcement actions: enter a number (0 if none) (add a row for it)'],
      [null, 'Section', 'Other disruption actions: enter a number (0 if none) (add a row for it)'],
      [null, 'Section', 'Referrals to children’s social care: enter a number (0 if none) (add a row for it)'],
    ]);
    expect(p.content.localities[0].placeName).toBe('Canal Steps');
    expect(p.content.blockages).toEqual(['Landlord will not share CCTV']);
    expect(await count(`SELECT count(*)::int AS n FROM agency_return`)).toBe(before);

    const broken = await otherLead.ok<{ previewReturnCsv: { fileErrors: string[] } }>(CSV, { a: housing.id, p: period, csv: 'Item,Value\nx,1\n' });
    expect(broken.previewReturnCsv.fileErrors).toEqual(['The header row has no column "Section", "Detail": download the template for your agency']);
  });
});

describe('deadline settings', () => {
  const SETTINGS = `{ returnSettings { rule workingDays fixedDay meetingWeekday meetingWeek version } }`;
  const UPDATE = `mutation($i: UpdateReturnSettingsInput!) { updateReturnSettings(input: $i) { rule workingDays fixedDay meetingWeekday meetingWeek version } }`;
  type Settings = { rule: string; workingDays: number; fixedDay: number; meetingWeekday: number; meetingWeek: number; version: number };

  it('are changed by a co-chair only: drafts move to the new deadline, submitted returns keep theirs, a stale or bad change is refused and nothing moves', async () => {
    const before = (await coChair.ok<{ returnSettings: Settings }>(SETTINGS)).returnSettings;
    const draftPeriod = month(40);
    const submittedPeriod = month(41);
    const draft = (await lead.ok<{ saveReturnDraft: Ret }>(SAVE, { i: { agencyId: health.id, period: draftPeriod, content: content(health.kind) } })).saveReturnDraft;
    const toSubmit = (await lead.ok<{ saveReturnDraft: Ret }>(SAVE, { i: { agencyId: health.id, period: submittedPeriod, content: content(health.kind) } })).saveReturnDraft;
    const submitted = (await lead.ok<{ submitReturn: Ret }>(SUBMIT, { i: { id: toSubmit.id, version: toSubmit.version } })).submitReturn;
    const deadlineOf = async (id: string) => (await t.ds.query<{ d: string }[]>(`SELECT deadline::text AS d FROM agency_return WHERE id = $1`, [id]))[0].d;

    const fixed = { ...before, rule: 'FIXED_DAY', fixedDay: 10 };
    expect(codeOf(await lead.gql(UPDATE, { i: fixed }))).toBe('FORBIDDEN');
    expect(codeOf(await coordinator.gql(UPDATE, { i: fixed }))).toBe('FORBIDDEN');
    const bad = await coChair.gql(UPDATE, { i: { ...fixed, fixedDay: 40 } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors?.[0].extensions?.fields)).toMatch(/fixedDay/);
    expect(await deadlineOf(draft.id)).toBe(draft.deadline);

    const changed = (await coChair.ok<{ updateReturnSettings: Settings }>(UPDATE, { i: fixed })).updateReturnSettings;
    expect(changed).toMatchObject({ rule: 'FIXED_DAY', fixedDay: 10, version: before.version + 1 });
    const [y, m] = draftPeriod.split('-').map(Number);
    const tenthAfter = new Date(Date.UTC(y, m, 10)).toISOString().slice(0, 10);
    expect(await deadlineOf(draft.id)).toBe(tenthAfter);
    expect(await deadlineOf(submitted.id)).toBe(submitted.deadline);
    const [event] = await t.ds.query<{ details: { rule: string; fixedDay: number } }[]>(`SELECT details FROM audit_event WHERE action = 'return_settings.updated' ORDER BY seq DESC LIMIT 1`);
    expect(event.details).toMatchObject({ rule: 'FIXED_DAY', fixedDay: 10 });

    // A change made on settings someone else has since changed is refused, and changes nothing.
    const stale = await coChair.gql(UPDATE, { i: { ...fixed, fixedDay: 5 } });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await deadlineOf(draft.id)).toBe(tenthAfter);

    const restored = (await coChair.ok<{ updateReturnSettings: Settings }>(UPDATE, { i: { ...before, version: changed.version } })).updateReturnSettings;
    expect(restored).toMatchObject({ rule: before.rule, workingDays: before.workingDays, version: before.version + 2 });
    expect(await deadlineOf(draft.id)).toBe(draft.deadline);
  });
});
