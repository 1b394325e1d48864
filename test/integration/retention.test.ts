import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const DRY = `mutation { retentionDryRun { id kind items { recordType action keepDays count } } }`;
const APPLY = `mutation($id: ID!) { applyRetention(dryRunId: $id) { id kind appliedAt items { recordType count } } }`;
type Run = { id: string; kind: string; appliedAt?: string | null; items: { recordType: string; action?: string; keepDays?: number; count: number }[] };

let t: TestApp;
let admin: GqlClient;
let oldYp: string;
let recentYp: string;
let oldPoc: string;
let chargedPoc: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('ADMIN');
  const [{ id: user }]: { id: string }[] = await t.ds.query(`SELECT id FROM app_user WHERE role = 'COORDINATOR'`);
  const yp = async (ref: string, created: string) =>
    (
      await t.ds.query<{ id: string }[]>(
        `INSERT INTO young_person (pseudonym, reference, first_name, last_name, first_name_key, last_name_key, date_of_birth, gender, ethnicity, legal_status, education_status, presentation, school, created_by, version, created_at)
         VALUES ($1, $2, 'Hazel', 'Oldfield', 'hazel', 'oldfield', '2003-04-09', 'FEMALE', 'WHITE_BRITISH', 'CARE_LEAVER', 'NEET', 'CSE', 'Kingsmere Academy', $3, 1, $4) RETURNING id`,
        [`YP-RET${ref}`, `MOS-RET-${ref}`, user, created],
      )
    )[0].id;
  oldYp = await yp('OLD01', '2015-01-01');
  recentYp = await yp('NEW01', '2015-01-01');
  // The old record's last activity was nine years ago: a screening with evidence and a list spell.
  await t.ds.query(`INSERT INTO list_membership (young_person_id, started_on, start_reason, ended_on, end_kind, end_reason, created_by) VALUES ($1, '2016-01-01', 'OVERRIDE', '2017-01-01', 'CLOSED', 'Moved to Scotland', $2)`, [oldYp, user]);
  await t.ds.query(
    `INSERT INTO risk_assessment (young_person_id, assessed_on, assessor_id, answers, models, computed_score, final_score, rag, status, next_review_on, version)
     VALUES ($1, '2016-06-01', $2, '{"missing_from_home_or_care": {"answer": "PRESENT", "evidence": "Seen at the station with an older man"}}'::jsonb, '{}', 2, 2, 'AMBER', 'FINAL', '2016-09-01', 1)`,
    [oldYp, user],
  );
  // The other has a missing episode last month.
  await t.ds.query(`INSERT INTO missing_episode (young_person_id, started_at, reported_by, where_found, return_interview_offered, return_interview_done, created_by, version) VALUES ($1, now() - interval '30 days', 'POLICE', 'At a friend''s', false, false, $2, 1)`, [recentYp, user]);
  const poc = async (status: string) =>
    (
      await t.ds.query<{ id: string }[]>(
        `INSERT INTO person_of_concern (police_reference, first_name, last_name, date_of_birth, gender, category, status, phone_numbers, version, created_at, updated_at)
         VALUES ($1, 'Rex', 'Bygone', '1980-02-02', 'MALE', 'PERSON_OF_CONCERN', $2, '{07700900111}', 1, '2014-01-01', '2014-01-01') RETURNING id`,
        [`KM-OLD-${status}`, status],
      )
    )[0].id;
  oldPoc = await poc('NFA');
  chargedPoc = await poc('CHARGED');
  await t.ds.query(`INSERT INTO user_session (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (decode(md5('x'), 'hex'), $1, now() - interval '90 days', now() - interval '90 days', now() - interval '89 days')`, [user]);
});
afterAll(async () => {
  await t?.close();
});

describe('retention', () => {
  it('lists what is past retention in a dry run, changing nothing, and audits it', async () => {
    const before = await t.ds.query(`SELECT first_name FROM young_person WHERE id = $1`, [oldYp]);
    const dry = (await admin.ok<{ retentionDryRun: Run }>(DRY)).retentionDryRun;
    expect(dry.kind).toBe('DRY_RUN');
    const count = (type: string) => dry.items.find((i) => i.recordType === type)!.count;
    expect(count('YOUNG_PERSON')).toBe(1);
    expect(count('PERSON_OF_CONCERN')).toBe(1);
    expect(count('SESSION')).toBe(1);
    expect(await t.ds.query(`SELECT first_name FROM young_person WHERE id = $1`, [oldYp])).toEqual(before);
    const [{ n }]: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'retention.dry_run' AND entity_id = $1`, [dry.id]);
    expect(n).toBe(1);
  });

  it('applies a dry run: anonymises the old child (evidence stripped from the signed-off screening) and the never-charged person of concern, deletes the old session', async () => {
    const dry = (await admin.ok<{ retentionDryRun: Run }>(DRY)).retentionDryRun;
    const done = (await admin.ok<{ applyRetention: Run }>(APPLY, { id: dry.id })).applyRetention;
    expect(done.kind).toBe('APPLIED');
    expect(Date.parse(done.appliedAt!)).toBeGreaterThan(Date.now() - 60_000);
    const [child]: { first_name: string; reference: string; date_of_birth: string; school: string | null; pseudonym: string }[] = await t.ds.query(
      `SELECT first_name, reference, date_of_birth::text, school, pseudonym FROM young_person WHERE id = $1`,
      [oldYp],
    );
    expect(child).toEqual({ first_name: 'Anonymised', reference: 'ANON-YP-RETOLD01', date_of_birth: '2003-07-01', school: null, pseudonym: 'YP-RETOLD01' });
    const [screening]: { answers: Record<string, { answer: string; evidence?: string }>; final_score: number }[] = await t.ds.query(`SELECT answers, final_score FROM risk_assessment WHERE young_person_id = $1`, [oldYp]);
    expect(screening).toEqual({ answers: { missing_from_home_or_care: { answer: 'PRESENT' } }, final_score: 2 });
    const [{ end_reason }]: { end_reason: string | null }[] = await t.ds.query(`SELECT end_reason FROM list_membership WHERE young_person_id = $1`, [oldYp]);
    expect(end_reason).toBeNull();
    expect((await t.ds.query<{ first_name: string }[]>(`SELECT first_name FROM young_person WHERE id = $1`, [recentYp]))[0].first_name).toBe('Hazel');
    const pocs: { id: string; first_name: string | null; phone_numbers: string[]; approximate_age: number | null }[] = await t.ds.query(`SELECT id, first_name, phone_numbers, approximate_age FROM person_of_concern ORDER BY police_reference NULLS FIRST`);
    expect(pocs.find((p) => p.id === oldPoc)).toMatchObject({ first_name: null, phone_numbers: [], approximate_age: expect.any(Number) });
    expect(pocs.find((p) => p.id === chargedPoc)!.first_name).toBe('Rex');
    expect(await t.ds.query(`SELECT 1 FROM user_session WHERE created_at < now() - interval '60 days'`)).toHaveLength(0);
    // The screening is otherwise as immutable as ever.
    await expect(t.ds.query(`UPDATE risk_assessment SET final_score = 0 WHERE young_person_id = $1`, [oldYp])).rejects.toThrow(/cannot be changed/);
    // A dry run is applied once.
    expect(codeOf(await admin.gql(APPLY, { id: dry.id }))).toBe('CONFLICT');
    // Nothing is left to do.
    const again = (await admin.ok<{ retentionDryRun: Run }>(DRY)).retentionDryRun;
    expect(again.items.every((i) => i.count === 0)).toBe(true);
    const [audit]: { details: { items: { recordType: string; count: number }[] } }[] = await t.ds.query(`SELECT details FROM audit_event WHERE action = 'retention.applied' ORDER BY seq DESC LIMIT 1`);
    expect(audit.details.items.find((i) => i.recordType === 'YOUNG_PERSON')!.count).toBe(1);
  });

  it('keeps policies configurable within limits, for administrators only', async () => {
    const UPDATE = `mutation($t: RetentionRecordType!, $d: Int!) { updateRetentionPolicy(recordType: $t, keepDays: $d, enabled: true) { recordType keepDays } }`;
    const r = await admin.ok<{ updateRetentionPolicy: { recordType: string; keepDays: number }[] }>(UPDATE, { t: 'SESSION', d: 7 });
    expect(r.updateRetentionPolicy.find((p) => p.recordType === 'SESSION')!.keepDays).toBe(7);
    expect(codeOf(await admin.gql(UPDATE, { t: 'YOUNG_PERSON', d: 30 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await (await t.as('CO_CHAIR')).gql(DRY))).toBe('FORBIDDEN');
  });
});
