import type { EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GqlClient } from '../support/gql-client.js';
import { AuditService } from '../../server/src/modules/audit/audit.service.js';
import { retentionSchedule } from '../../server/src/modules/retention/retention.service.js';
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

interface Planted {
  oldYp: string;
  recentYp: string;
  oldPoc: string;
  chargedPoc: string;
  oldSession: string;
  recentSession: string;
  oldThrottle: string;
  recentThrottle: string;
  oldImport: string;
  recentImport: string;
}

/** One record past retention and one within it, of each record type. */
async function plant(db: Pick<EntityManager, 'query'>): Promise<Planted> {
  const [{ id: user }]: { id: string }[] = await db.query(`SELECT id FROM app_user WHERE role = 'COORDINATOR'`);
  const yp = async (ref: string, created: string) =>
    (
      await db.query<{ id: string }[]>(
        `INSERT INTO young_person (pseudonym, reference, first_name, last_name, first_name_key, last_name_key, date_of_birth, gender, ethnicity, legal_status, education_status, presentation, school, created_by, version, created_at)
         VALUES ($1, $2, 'Hazel', 'Oldfield', 'hazel', 'oldfield', '2003-04-09', 'FEMALE', 'WHITE_BRITISH', 'CARE_LEAVER', 'NEET', 'CSE', 'Kingsmere Academy', $3, 1, $4) RETURNING id`,
        [`YP-RET${ref}`, `MOS-RET-${ref}`, user, created],
      )
    )[0].id;
  const old = await yp('OLD01', '2015-01-01');
  const recent = await yp('NEW01', '2015-01-01');
  // The old record's last activity was nine years ago: a screening with evidence and a list spell.
  await db.query(`INSERT INTO list_membership (young_person_id, started_on, start_reason, ended_on, end_kind, end_reason, created_by) VALUES ($1, '2016-01-01', 'OVERRIDE', '2017-01-01', 'CLOSED', 'Moved to Scotland', $2)`, [old, user]);
  await db.query(
    `INSERT INTO risk_assessment (young_person_id, assessed_on, assessor_id, answers, models, computed_score, final_score, rag, status, next_review_on, version)
     VALUES ($1, '2016-06-01', $2, '{"missing_from_home_or_care": {"answer": "PRESENT", "evidence": "Seen at the station with an older man"}}'::jsonb, '{}', 2, 2, 'AMBER', 'FINAL', '2016-09-01', 1)`,
    [old, user],
  );
  // The other has a missing episode last month.
  await db.query(`INSERT INTO missing_episode (young_person_id, started_at, reported_by, where_found, return_interview_offered, return_interview_done, created_by, version) VALUES ($1, now() - interval '30 days', 'POLICE', 'At a friend''s', false, false, $2, 1)`, [recent, user]);
  const poc = async (status: string) =>
    (
      await db.query<{ id: string }[]>(
        `INSERT INTO person_of_concern (police_reference, first_name, last_name, date_of_birth, gender, category, status, phone_numbers, version, created_at, updated_at)
         VALUES ($1, 'Rex', 'Bygone', '1980-02-02', 'MALE', 'PERSON_OF_CONCERN', $2, '{07700900111}', 1, '2014-01-01', '2014-01-01') RETURNING id`,
        [`KM-OLD-${status}`, status],
      )
    )[0].id;
  const session = async (key: string, endedDaysAgo: number) =>
    (
      await db.query<{ id: string }[]>(
        `INSERT INTO user_session (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (decode(md5($1), 'hex'), $2, now() - make_interval(days => $3 + 1), now() - make_interval(days => $3 + 1), now() - make_interval(days => $3)) RETURNING id`,
        [key, user, endedDaysAgo],
      )
    )[0].id;
  const throttle = async (key: string, daysAgo: number) => {
    await db.query(`INSERT INTO sign_in_throttle (key, failures, window_started_at) VALUES ($1, 3, now() - make_interval(days => $2))`, [key, daysAgo]);
    return key;
  };
  const importJob = async (daysAgo: number) =>
    (
      await db.query<{ id: string }[]>(
        `INSERT INTO import_job (kind, status, total, processed, created_by, created_at, heartbeat_at, finished_at)
         VALUES ('YOUNG_PEOPLE', 'DONE', 1, 1, $1, now() - make_interval(days => $2), now() - make_interval(days => $2), now() - make_interval(days => $2)) RETURNING id`,
        [user, daysAgo],
      )
    )[0].id;
  return {
    oldYp: old,
    recentYp: recent,
    oldPoc: await poc('NFA'),
    chargedPoc: await poc('CHARGED'),
    oldSession: await session('old', 89),
    recentSession: await session('recent', 2),
    oldThrottle: await throttle('old@retention.example', 45),
    recentThrottle: await throttle('recent@retention.example', 3),
    oldImport: await importJob(120),
    recentImport: await importJob(10),
  };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('ADMIN');
  ({ oldYp, recentYp, oldPoc, chargedPoc } = await plant(t.ds.manager));
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

/**
 * The schedule itself: a server started with RETENTION_SCHEDULE_HOURS set runs retention from its own
 * timer (here every 1.8 seconds, so the first check is 1.8 s after start), as the system, audited.
 */
describe('scheduled retention', () => {
  const PERIOD_HOURS = '0.0005';
  type Event = { seq: string; action: string; actor_label: string | null; actor_user_id: string | null; entity_id: string; details: { items: { recordType: string; count: number }[] } };
  /** Retention's audit events for runs begun after `since` (the database's clock). */
  const events = (app: TestApp, since: Date): Promise<Event[]> =>
    app.ds.query(
      `SELECT e.seq::text, e.action, e.actor_label, e.actor_user_id, e.entity_id, e.details FROM audit_event e JOIN retention_run r ON r.id::text = e.entity_id
       WHERE e.action LIKE 'retention.%' AND r.created_at > $1 ORDER BY e.seq`,
      [since],
    );
  /**
   * Plants the records while holding retention_run locked, so no scheduled run can see half of them;
   * returns them and the moment they were committed: every run begun after it sees them all.
   */
  async function plantLocked(app: TestApp): Promise<{ p: Planted; since: Date }> {
    const p = await app.ds.transaction(async (m) => {
      await m.query(`LOCK TABLE retention_run IN ACCESS EXCLUSIVE MODE`);
      return plant(m);
    });
    const [{ now }]: { now: Date }[] = await app.ds.query(`SELECT clock_timestamp() AS now`);
    return { p, since: now };
  }
  async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const got = await probe();
      if (got !== undefined) return got;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  async function startScheduled(autoApply: string): Promise<TestApp> {
    const saved = { hours: process.env.RETENTION_SCHEDULE_HOURS, apply: process.env.RETENTION_AUTO_APPLY };
    process.env.RETENTION_SCHEDULE_HOURS = PERIOD_HOURS;
    process.env.RETENTION_AUTO_APPLY = autoApply;
    try {
      return await startTestApp();
    } finally {
      // Read once at start: restoring them now does not change the running server's schedule.
      for (const [k, v] of [['RETENTION_SCHEDULE_HOURS', saved.hours], ['RETENTION_AUTO_APPLY', saved.apply]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }
  const snapshot = (app: TestApp) =>
    Promise.all([
      app.ds.query(`SELECT id, first_name, reference, date_of_birth::text, school, version FROM young_person ORDER BY id`),
      app.ds.query(`SELECT id, first_name, phone_numbers, description, version FROM person_of_concern ORDER BY id`),
      app.ds.query(`SELECT answers FROM risk_assessment ORDER BY id`),
      app.ds.query(`SELECT id FROM user_session ORDER BY id`),
      app.ds.query(`SELECT key FROM sign_in_throttle ORDER BY key`),
      app.ds.query(`SELECT id FROM import_job ORDER BY id`),
    ]);

  it('with auto-apply off, writes only a dry-run report, audited as the schedule, changing nothing', async () => {
    const app = await startScheduled('false');
    try {
      const { p: planted, since } = await plantLocked(app);
      const before = await snapshot(app);
      const dry = await until('the scheduled dry run', async () => (await events(app, since)).find((e) => e.action === 'retention.dry_run'));
      expect(dry).toMatchObject({ actor_label: 'retention schedule', actor_user_id: null });
      const count = (type: string) => dry.details.items.find((i) => i.recordType === type)?.count;
      expect(['YOUNG_PERSON', 'PERSON_OF_CONCERN', 'SESSION', 'SIGN_IN_THROTTLE', 'IMPORT_JOB'].map(count)).toEqual([1, 1, 1, 1, 1]);
      const [run]: { report: Record<string, { ids: string[] }>; applied_at: Date | null; created_by: string | null }[] = await app.ds.query(
        `SELECT report, applied_at, created_by FROM retention_run WHERE id = $1`,
        [dry.entity_id],
      );
      expect(run).toMatchObject({ applied_at: null, created_by: null });
      expect(run.report.YOUNG_PERSON.ids).toEqual([planted.oldYp]);
      expect(run.report.SESSION.ids).toEqual([planted.oldSession]);
      // Another check of the timer (1.8 s later) still applies nothing.
      await new Promise((r) => setTimeout(r, 2_500));
      expect((await events(app, new Date(0))).filter((e) => e.action === 'retention.applied')).toEqual([]);
      expect(await app.ds.query(`SELECT 1 FROM retention_run WHERE applied_at IS NOT NULL`)).toEqual([]);
      expect(await snapshot(app)).toEqual(before);
    } finally {
      await app.close();
    }
  }, 90_000);

  it('with auto-apply on, first reports, then applies that report: past retention anonymised or deleted per type, within retention untouched, both audited', async () => {
    const app = await startScheduled('true');
    try {
      const { p, since } = await plantLocked(app);
      const applied = await until('the scheduled apply', async () => (await events(app, since)).find((e) => e.action === 'retention.applied'));
      const all = await events(app, since);
      const dry = all.find((e) => e.action === 'retention.dry_run' && e.entity_id === applied.entity_id)!;
      // The dry run of that very run comes first in the chain, and both are the schedule's.
      expect(BigInt(dry.seq)).toBeLessThan(BigInt(applied.seq));
      expect([dry.actor_label, applied.actor_label, applied.actor_user_id]).toEqual(['retention schedule', 'retention schedule', null]);
      expect(Object.fromEntries(applied.details.items.map((i) => [i.recordType, i.count]))).toEqual({ YOUNG_PERSON: 1, PERSON_OF_CONCERN: 1, SESSION: 1, SIGN_IN_THROTTLE: 1, IMPORT_JOB: 1 });

      const people: { id: string; first_name: string; school: string | null; reference: string }[] = await app.ds.query(
        `SELECT id, first_name, school, reference FROM young_person WHERE id = ANY($1::uuid[])`,
        [[p.oldYp, p.recentYp]],
      );
      expect(people.find((x) => x.id === p.oldYp)).toMatchObject({ first_name: 'Anonymised', school: null, reference: 'ANON-YP-RETOLD01' });
      expect(people.find((x) => x.id === p.recentYp)).toMatchObject({ first_name: 'Hazel', school: 'Kingsmere Academy', reference: 'MOS-RET-NEW01' });
      const [screening]: { answers: Record<string, { evidence?: string }> }[] = await app.ds.query(`SELECT answers FROM risk_assessment WHERE young_person_id = $1`, [p.oldYp]);
      expect(screening.answers.missing_from_home_or_care.evidence).toBeUndefined();
      const pocs: { id: string; first_name: string | null }[] = await app.ds.query(`SELECT id, first_name FROM person_of_concern WHERE id = ANY($1::uuid[])`, [[p.oldPoc, p.chargedPoc]]);
      expect(Object.fromEntries(pocs.map((x) => [x.id, x.first_name]))).toEqual({ [p.oldPoc]: null, [p.chargedPoc]: 'Rex' });
      const ids = async (sql: string, list: string[]) => (await app.ds.query<{ id: string }[]>(sql, [list])).map((r) => r.id);
      expect(await ids(`SELECT id FROM user_session WHERE id = ANY($1::uuid[])`, [p.oldSession, p.recentSession])).toEqual([p.recentSession]);
      expect(await ids(`SELECT key AS id FROM sign_in_throttle WHERE key = ANY($1::text[])`, [p.oldThrottle, p.recentThrottle])).toEqual([p.recentThrottle]);
      expect(await ids(`SELECT id FROM import_job WHERE id = ANY($1::uuid[])`, [p.oldImport, p.recentImport])).toEqual([p.recentImport]);
      const [run]: { applied_at: Date | null; applied_by: string | null }[] = await app.ds.query(`SELECT applied_at, applied_by FROM retention_run WHERE id = $1`, [applied.entity_id]);
      expect(run.applied_at).toBeInstanceOf(Date);
      expect(run.applied_by).toBeNull();
      // The chain still verifies with the schedule's events in it.
      expect((await app.app.get(AuditService).verify()).ok).toBe(true);
    } finally {
      await app.close();
    }
  }, 90_000);

  it('refuses a schedule setting it cannot read rather than silently not running', () => {
    expect(retentionSchedule({ RETENTION_SCHEDULE_HOURS: '24', RETENTION_AUTO_APPLY: 'true' })).toEqual({ hours: 24, autoApply: true });
    expect(retentionSchedule({ NODE_ENV: 'production' })).toEqual({ hours: 24, autoApply: false });
    expect(retentionSchedule({ RETENTION_SCHEDULE_HOURS: '0' })).toEqual({ hours: null, autoApply: false });
    expect(() => retentionSchedule({ RETENTION_SCHEDULE_HOURS: 'daily' })).toThrow(/RETENTION_SCHEDULE_HOURS/);
    // More than 24.8 days in one Node timer would fire at once: the schedule checks hourly instead, up to a year.
    expect(retentionSchedule({ RETENTION_SCHEDULE_HOURS: '720' }).hours).toBe(720);
    expect(() => retentionSchedule({ RETENTION_SCHEDULE_HOURS: '9000' })).toThrow(/RETENTION_SCHEDULE_HOURS/);
    expect(() => retentionSchedule({ RETENTION_AUTO_APPLY: 'sometimes' })).toThrow(/RETENTION_AUTO_APPLY/);
  });
});
