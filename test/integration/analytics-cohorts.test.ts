import { ageBand, ageOn, FLOW_MEASURES, type FlowMeasure } from '@mase/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortMembers } from '../../server/src/modules/analytics/cohorts.js';
import { buildSnapshot, lastCompletePeriod, NO_SNAPSHOT, snapshotHorizon } from '../../server/src/modules/analytics/snapshot.js';
import { codeOf, type GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The click-through from the trends: for each flow measure, the MASE list of a month's cohort holds
 * exactly the young people the month's count counts, with the same filters, whether the month is
 * read from the snapshot or counted live.
 */

const TRENDS = `query($f: AnalyticsFilter!) { listTrends(filter: $f) { measures { measure points { period count { value } } } } }`;
const LIST = `query($f: YoungPeopleFilter, $p: PageInput) { youngPeople(filter: $f, page: $p) { nodes { id } pageInfo { hasNextPage endCursor } } }`;

type Yp = { id: string; gender: string; home_ward: string | null; legal_status: string; date_of_birth: string };
type Membership = { young_person_id: string; started_on: string; ended_on: string | null; end_kind: string | null };
type Assessment = { young_person_id: string; assessed_on: string; created_at: string; rag: string; final_score: number; models: string[]; next_review_on: string };
type Episode = { young_person_id: string; started: string };
type Filter = { rag?: string[]; gender?: string[]; model?: string[]; ageBand?: string[]; legalStatus?: string[] };

let t: TestApp;
let analyst: GqlClient;
let police: GqlClient;
let lead: GqlClient;
let yps: Map<string, Yp>;
let memberships: Membership[];
let assessments: Assessment[];
let episodes: Episode[];

const month = (back: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
};

beforeAll(async () => {
  t = await startTestApp({}, { cases: true });
  [analyst, police, lead] = await Promise.all([t.as('ANALYST'), t.as('POLICE'), t.as('AGENCY_LEAD')]);
  // The demo borough has nobody leaving the list: some spells are ended here, as the co-chair would,
  // in complete months (kept in the snapshot by the database) and this month (counted live).
  const coChair = await t.as('CO_CHAIR');
  const open: { young_person_id: string }[] = await t.ds.query(
    `SELECT young_person_id FROM list_membership WHERE ended_on IS NULL AND started_on < $1::date ORDER BY started_on, young_person_id LIMIT 14`,
    [`${month(4)}-01`],
  );
  const today = new Date().toISOString().slice(0, 10);
  const ends = [`${month(4)}-03`, `${month(4)}-17`, `${month(4)}-28`, `${month(1)}-02`, `${month(1)}-14`, `${month(1)}-28`, `${month(0)}-01`, today];
  for (const [i, row] of open.entries()) {
    await coChair.ok(`mutation($i: EndMembershipInput!) { endListMembership(input: $i) { id } }`, {
      i: { youngPersonId: row.young_person_id, kind: i % 3 === 2 ? 'CLOSED' : 'STEPPED_DOWN', endedOn: ends[i % ends.length], reason: 'Ended for the cohort test' },
    });
  }
  await t.ds.transaction((m) => buildSnapshot(m));
  yps = new Map((await t.ds.query<Yp[]>(`SELECT id, gender, home_ward, legal_status, date_of_birth::text FROM young_person`)).map((y) => [y.id, y]));
  memberships = await t.ds.query(`SELECT young_person_id, started_on::text, ended_on::text, end_kind FROM list_membership`);
  assessments = await t.ds.query(
    `SELECT young_person_id, assessed_on::text, created_at::text, rag, final_score, models, next_review_on::text FROM risk_assessment WHERE status = 'FINAL'`,
  );
  episodes = await t.ds.query(`SELECT young_person_id, (started_at AT TIME ZONE 'UTC')::date::text AS started FROM missing_episode`);
});

afterAll(async () => {
  await t?.close();
});

// ---------- who each measure counts, worked out in the test from the rows themselves ----------

const endOf = (period: string) => {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);
  return last > today ? today : last;
};
const inMonth = (date: string | null, period: string) => !!date && date.slice(0, 7) === period && date <= endOf(period);
const onDate = (d: string) => memberships.filter((m) => m.started_on <= d && (m.ended_on === null || m.ended_on > d));
const before = (a: Assessment, b: Assessment) => a.assessed_on < b.assessed_on || (a.assessed_on === b.assessed_on && a.created_at < b.created_at);
function latest(ypId: string, d: string): Assessment | null {
  let best: Assessment | null = null;
  for (const a of assessments) if (a.young_person_id === ypId && a.assessed_on <= d && (!best || before(best, a))) best = a;
  return best;
}
function previous(a: Assessment): Assessment | null {
  let best: Assessment | null = null;
  for (const b of assessments) if (b.young_person_id === a.young_person_id && before(b, a) && (!best || before(best, b))) best = b;
  return best;
}
function passes(ypId: string, d: string, f: Filter): boolean {
  const yp = yps.get(ypId)!;
  const la = latest(ypId, d);
  if (f.gender && !f.gender.includes(yp.gender)) return false;
  if (f.legalStatus && !f.legalStatus.includes(yp.legal_status)) return false;
  if (f.ageBand && !f.ageBand.includes(ageBand(ageOn(yp.date_of_birth, d)))) return false;
  if (f.rag && (!la || !f.rag.includes(la.rag))) return false;
  if (f.model && (!la || !la.models.some((m) => f.model!.includes(m)))) return false;
  return true;
}

/** Young person → how many times they count in the measure that month (spells, screenings or episodes; 1 for counts of young people). */
function expectedCohort(measure: FlowMeasure, period: string, f: Filter): Map<string, number> {
  const end = endOf(period);
  const ok = (id: string) => passes(id, end, f);
  const ids: string[] = [];
  const screened = () => assessments.filter((a) => inMonth(a.assessed_on, period) && ok(a.young_person_id)).map((a) => ({ a, prev: previous(a) }));
  const started = () => episodes.filter((e) => inMonth(e.started, period) && ok(e.young_person_id));
  switch (measure) {
    case 'onList':
      ids.push(...onDate(end).filter((m) => ok(m.young_person_id)).map((m) => m.young_person_id));
      break;
    case 'newToList':
      ids.push(...memberships.filter((m) => inMonth(m.started_on, period) && ok(m.young_person_id)).map((m) => m.young_person_id));
      break;
    case 'steppedDown':
    case 'closed': {
      const kind = measure === 'closed' ? 'CLOSED' : 'STEPPED_DOWN';
      ids.push(...memberships.filter((m) => inMonth(m.ended_on, period) && m.end_kind === kind && ok(m.young_person_id)).map((m) => m.young_person_id));
      break;
    }
    case 'escalations':
      ids.push(...screened().filter((x) => x.prev && x.a.final_score > x.prev.final_score).map((x) => x.a.young_person_id));
      break;
    case 'deescalations':
      ids.push(...screened().filter((x) => x.prev && x.a.final_score < x.prev.final_score).map((x) => x.a.young_person_id));
      break;
    case 'reviewsOnTime':
      ids.push(...screened().filter((x) => x.prev && x.a.assessed_on <= x.prev.next_review_on).map((x) => x.a.young_person_id));
      break;
    case 'reviewsLate':
      ids.push(...screened().filter((x) => x.prev && x.a.assessed_on > x.prev.next_review_on).map((x) => x.a.young_person_id));
      break;
    case 'reviewsOverdue':
      ids.push(...onDate(end).filter((m) => ok(m.young_person_id) && (latest(m.young_person_id, end)?.next_review_on ?? '9999') < end).map((m) => m.young_person_id));
      break;
    case 'missingEpisodes':
      ids.push(...started().map((e) => e.young_person_id));
      break;
    case 'missingYoungPeople':
      ids.push(...new Set(started().map((e) => e.young_person_id)));
      break;
    case 'missingOnList':
      ids.push(...started().filter((e) => onDate(e.started).some((m) => m.young_person_id === e.young_person_id)).map((e) => e.young_person_id));
      break;
  }
  const out = new Map<string, number>();
  for (const id of ids) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

/** Measures whose count is of young people: their cohort on the list is as long as the count. */
const OF_PEOPLE: readonly FlowMeasure[] = ['onList', 'newToList', 'steppedDown', 'closed', 'reviewsOverdue', 'missingYoungPeople'];

async function trendCount(measure: FlowMeasure, period: string, f: Filter): Promise<number> {
  const r = await analyst.ok<{ listTrends: { measures: { measure: string; points: { period: string; count: { value: number | null } }[] }[] } }>(TRENDS, {
    f: { from: period, to: period, ...f },
  });
  return r.listTrends.measures.find((m) => m.measure === measure)!.points.find((p) => p.period === period)!.count.value!;
}

/** Every young person of a cohort on the MASE list, page by page. */
async function cohortList(client: GqlClient, measure: FlowMeasure, period: string, f: Filter): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const r: { youngPeople: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await client.ok(LIST, {
      f: { cohort: { measure, month: period, ...f } },
      p: { first: 40, after },
    });
    ids.push(...r.youngPeople.nodes.map((n) => n.id));
    if (!r.youngPeople.pageInfo.hasNextPage) return ids;
    after = r.youngPeople.pageInfo.endCursor;
  }
}

const MEASURES = FLOW_MEASURES.map((m) => m.key);
const FILTERS: Filter[] = [{}, { gender: ['FEMALE'] }, { rag: ['RED', 'AMBER'] }, { ageBand: ['AGE_15', 'AGE_16'], legalStatus: ['CHILD_PROTECTION', 'LOOKED_AFTER_S31', 'LOOKED_AFTER_S20'] }, { model: ['ONLINE', 'PEER_ON_PEER'] }];
/**
 * This month (counted live), complete months read from the snapshot, and the latest months in which
 * someone was stepped down and someone's spell was closed (rarer events).
 */
function periods(): string[] {
  const latestWith = (kind: string) =>
    memberships
      .filter((m) => m.end_kind === kind && m.ended_on && m.ended_on.slice(0, 7) >= month(36))
      .map((m) => m.ended_on!.slice(0, 7))
      .sort()
      .pop();
  return [...new Set([...[0, 1, 4, 9].map(month), latestWith('STEPPED_DOWN'), latestWith('CLOSED')].filter((p): p is string => !!p))];
}

let nonEmpty = 0;
const seen = new Set<FlowMeasure>();

async function checkCohort(measure: FlowMeasure, period: string, f: Filter) {
  const expected = expectedCohort(measure, period, f);
  const count = await trendCount(measure, period, f);
  // The trend's count is the independent recount …
  expect([measure, period, count]).toEqual([measure, period, [...expected.values()].reduce((a, b) => a + b, 0)]);
  // … the list shows exactly the young people behind it (each once) …
  const listed = await cohortList(analyst, measure, period, f);
  expect(new Set(listed).size).toBe(listed.length);
  expect([measure, period, [...listed].sort()]).toEqual([measure, period, [...expected.keys()].sort()]);
  if (OF_PEOPLE.includes(measure)) expect(listed.length).toBe(count);
  // … and how many times each counts adds up to the count.
  const members = await cohortMembers(t.ds.manager, measure, period, f);
  expect(new Map(members.map((m) => [m.id, m.n]))).toEqual(expected);
  if (count > 0) {
    nonEmpty++;
    seen.add(measure);
  }
}

describe('the young people behind a monthly count', () => {
  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('every measure, in months read from the snapshot and this month counted live, with %s', async (_, f) => {
    expect(await snapshotHorizon(t.ds.manager)).toBe(lastCompletePeriod());
    for (const period of periods()) for (const measure of MEASURES) await checkCohort(measure, period, f);
  });

  it('agrees when complete months are counted live too (the snapshot set aside, as while it is rebuilt)', async () => {
    const [{ catalogue }] = await t.ds.query<{ catalogue: string }[]>(`SELECT catalogue FROM analytics_state`);
    await t.ds.query(`UPDATE analytics_state SET catalogue = 'set aside'`);
    try {
      expect(await snapshotHorizon(t.ds.manager)).toBe(NO_SNAPSHOT);
      for (const f of [{}, { gender: ['FEMALE'], rag: ['RED', 'AMBER'] }]) for (const measure of MEASURES) await checkCohort(measure, month(2), f);
    } finally {
      await t.ds.query(`UPDATE analytics_state SET catalogue = $1`, [catalogue]);
    }
  });

  it('the checks above were not empty: most measures had young people behind them', () => {
    expect(nonEmpty).toBeGreaterThan(60);
    for (const m of ['onList', 'newToList', 'steppedDown', 'closed', 'escalations', 'reviewsOnTime', 'missingEpisodes', 'missingYoungPeople'] as const) expect([m, seen.has(m)]).toEqual([m, true]);
  });

  it('includes young people who have left the list, and a cohort with more episodes than young people lists each once', async () => {
    const period = periods().find((p) => expectedCohort('steppedDown', p, {}).size > 0)!;
    const left = await cohortList(analyst, 'steppedDown', period, {});
    const open: { young_person_id: string }[] = await t.ds.query(`SELECT young_person_id FROM list_membership WHERE ended_on IS NULL AND young_person_id = ANY($1::uuid[])`, [left]);
    expect(left.length).toBeGreaterThan(open.length);
    const busy = [...Array(12).keys()].map(month).find((p) => [...expectedCohort('missingEpisodes', p, {}).values()].some((n) => n > 1));
    if (busy) {
      const people = await cohortList(analyst, 'missingEpisodes', busy, {});
      expect(people.length).toBe(expectedCohort('missingEpisodes', busy, {}).size);
      expect(people.length).toBeLessThan(await trendCount('missingEpisodes', busy, {}));
    }
  });

  it('audits a cohort read as a list read, with the cohort and the ids shown', async () => {
    const period = month(1);
    const r = await police.ok<{ youngPeople: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } }>(LIST, {
      f: { cohort: { measure: 'newToList', month: period, gender: ['FEMALE'] } },
      p: { first: 200 },
    });
    expect(r.youngPeople.pageInfo.hasNextPage).toBe(false);
    const ids = r.youngPeople.nodes.map((n) => n.id);
    expect(ids.length).toBeGreaterThan(0);
    const [event]: { details: { ids: string[]; identifiable: boolean; filter: { cohort: Record<string, unknown> } } }[] = await t.ds.query(
      `SELECT details FROM audit_event WHERE action = 'young_person.list_viewed' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event.details.filter.cohort).toMatchObject({ measure: 'newToList', month: period, gender: ['FEMALE'] });
    expect(event.details.identifiable).toBe(true);
    expect(event.details.ids.sort()).toEqual(ids.sort());
  });

  it('refuses the agency lead, a month in the future and a measure that is not a count of young people', async () => {
    const r = await lead.gql(LIST, { f: { cohort: { measure: 'steppedDown', month: month(1) } } });
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(r.data?.youngPeople ?? null).toBeNull();
    expect(codeOf(await analyst.gql(LIST, { f: { cohort: { measure: 'steppedDown', month: month(-1) } } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await analyst.gql(LIST, { f: { cohort: { measure: 'medianDaysOnList', month: month(1) } } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await analyst.gql(LIST, { f: { cohort: { measure: 'steppedDown', month: '2026-13' } } }))).toBe('BAD_USER_INPUT');
  });
});
