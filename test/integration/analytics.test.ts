import { ageBand, ageOn, DIMENSION_INFO, SUPPRESS_UP_TO } from '@mase/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PROFILE = `query($f: AnalyticsFilter!, $d: [Dimension!]) { victimProfile(filter: $f, dimensions: $d) { periods dates suppressed totals { period count { value display } } series { dimension cells { period category count { value display } } } } }`;
const TRENDS = `query($f: AnalyticsFilter!) { listTrends(filter: $f) { periods meetingDates suppressed measures { measure points { period count { value display } } } } }`;
const ACTIVITY = `query($f: AnalyticsFilter!) { activityTrends(filter: $f) { periods police { measure points { period count { value display } } } agencies { measure points { period count { value display } } } } }`;
const EXPORT = `mutation($w: AnalyticsWidget!, $f: AnalyticsFilter!, $d: Dimension) { exportAnalytics(widget: $w, filter: $f, dimension: $d) { filename csv header rows } }`;
const LIST = `query($f: YoungPeopleFilter, $p: PageInput) { youngPeople(filter: $f, page: $p) { nodes { id } pageInfo { hasNextPage } } }`;

type Profile = {
  periods: string[];
  dates: string[];
  suppressed: boolean;
  totals: { period: string; count: { value: number | null; display: string } }[];
  series: { dimension: string; cells: { period: string; category: string; count: { value: number | null; display: string } }[] }[];
};
type Trends = { periods: string[]; meetingDates: string[]; measures: { measure: string; points: { period: string; count: { value: number | null; display: string } }[] }[] };

type Yp = { id: string; gender: string; home_ward: string | null; legal_status: string; date_of_birth: string };
type Membership = { young_person_id: string; started_on: string; ended_on: string | null; end_kind: string | null };
type Assessment = { young_person_id: string; assessed_on: string; created_at: string; rag: string; final_score: number; models: string[]; next_review_on: string };
type Episode = { young_person_id: string; started: string };

let t: TestApp;
let analyst: GqlClient;
let lead: GqlClient;
let coChair: GqlClient;
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
  [analyst, lead, coChair] = await Promise.all([t.as('ANALYST'), t.as('AGENCY_LEAD'), t.as('CO_CHAIR')]);
  yps = new Map(((await t.ds.query<Yp[]>(`SELECT id, gender, home_ward, legal_status, date_of_birth::text FROM young_person`))).map((y) => [y.id, y]));
  memberships = await t.ds.query(`SELECT young_person_id, started_on::text, ended_on::text, end_kind FROM list_membership`);
  assessments = await t.ds.query(
    `SELECT young_person_id, assessed_on::text, created_at::text, rag, final_score, models, next_review_on::text FROM risk_assessment WHERE status = 'FINAL'`,
  );
  episodes = await t.ds.query(`SELECT young_person_id, (started_at AT TIME ZONE 'UTC')::date::text AS started FROM missing_episode`);
});
afterAll(async () => {
  await t?.close();
});

// ---------- an independent recount, in the test, from the rows themselves ----------

const onDate = (d: string) => memberships.filter((m) => m.started_on <= d && (m.ended_on === null || m.ended_on > d));
function latest(ypId: string, d: string): Assessment | null {
  const mine = assessments.filter((a) => a.young_person_id === ypId && a.assessed_on <= d);
  mine.sort((a, b) => (a.assessed_on === b.assessed_on ? b.created_at.localeCompare(a.created_at) : b.assessed_on.localeCompare(a.assessed_on)));
  return mine[0] ?? null;
}
type Filter = { rag?: string[]; gender?: string[]; model?: string[]; ageBand?: string[] };
function passes(ypId: string, d: string, f: Filter): boolean {
  const yp = yps.get(ypId)!;
  const la = latest(ypId, d);
  if (f.gender && !f.gender.includes(yp.gender)) return false;
  if (f.ageBand && !f.ageBand.includes(ageBand(ageOn(yp.date_of_birth, d)))) return false;
  if (f.rag && (!la || !f.rag.includes(la.rag))) return false;
  if (f.model && (!la || !la.models.some((m) => f.model!.includes(m)))) return false;
  return true;
}
const endOf = (period: string) => {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);
  return last > today ? today : last;
};
const inMonth = (date: string | null, period: string) => !!date && date.slice(0, 7) === period && date <= endOf(period);

const FILTERS: Filter[] = [{}, { gender: ['FEMALE'] }, { rag: ['RED'] }, { rag: ['AMBER', 'GREEN'], ageBand: ['AGE_15', 'AGE_16'] }, { model: ['ONLINE', 'PEER_ON_PEER'] }];
const RANGES = [
  { from: month(5), to: month(0) },
  { from: month(26), to: month(23) },
];

describe('every figure equals a recount of the rows behind it', () => {
  it.each(FILTERS.flatMap((f) => RANGES.map((r) => [JSON.stringify(f), r, f] as const)))('victim profile with %s over %o', async (_, range, f) => {
    const r = await analyst.ok<{ victimProfile: Profile }>(PROFILE, { f: { ...range, ...f }, d: ['RAG', 'GENDER', 'AGE_BAND', 'MODEL'] });
    const p = r.victimProfile;
    expect(p.suppressed).toBe(false);
    p.periods.forEach((period, i) => {
      const d = p.dates[i];
      expect(d).toBe(endOf(period));
      const people = onDate(d).filter((m) => passes(m.young_person_id, d, f));
      expect(p.totals[i].count.value).toBe(people.length);
      const byRag = new Map<string, number>();
      const byGender = new Map<string, number>();
      const byAge = new Map<string, number>();
      const byModel = new Map<string, number>();
      for (const m of people) {
        const la = latest(m.young_person_id, d);
        const yp = yps.get(m.young_person_id)!;
        byRag.set(la?.rag ?? 'NONE', (byRag.get(la?.rag ?? 'NONE') ?? 0) + 1);
        byGender.set(yp.gender, (byGender.get(yp.gender) ?? 0) + 1);
        const band = ageBand(ageOn(yp.date_of_birth, d));
        byAge.set(band, (byAge.get(band) ?? 0) + 1);
        for (const model of new Set(la?.models ?? [])) byModel.set(model, (byModel.get(model) ?? 0) + 1);
      }
      const check = (dim: string, expected: Map<string, number>) => {
        const cells = p.series.find((s) => s.dimension === dim)!.cells.filter((c) => c.period === period);
        expect(cells.map((c) => c.category)).toEqual(DIMENSION_INFO[dim as keyof typeof DIMENSION_INFO].categories!.map((c) => c.key));
        for (const c of cells) expect([dim, c.category, c.count.value]).toEqual([dim, c.category, expected.get(c.category) ?? 0]);
      };
      check('RAG', byRag);
      check('GENDER', byGender);
      check('AGE_BAND', byAge);
      check('MODEL', byModel);
    });
  });

  it.each(FILTERS.flatMap((f) => RANGES.map((r) => [JSON.stringify(f), r, f] as const)))('monthly trends with %s over %o', async (_, range, f) => {
    const r = await analyst.ok<{ listTrends: Trends }>(TRENDS, { f: { ...range, ...f } });
    const value = (measure: string, period: string) => r.listTrends.measures.find((m) => m.measure === measure)!.points.find((x) => x.period === period)!.count.value;
    for (const period of r.listTrends.periods) {
      const end = endOf(period);
      const ok = (ypId: string) => passes(ypId, end, f);
      expect(value('onList', period)).toBe(onDate(end).filter((m) => ok(m.young_person_id)).length);
      expect(value('newToList', period)).toBe(memberships.filter((m) => inMonth(m.started_on, period) && ok(m.young_person_id)).length);
      expect(value('steppedDown', period)).toBe(memberships.filter((m) => inMonth(m.ended_on, period) && m.end_kind === 'STEPPED_DOWN' && ok(m.young_person_id)).length);
      expect(value('closed', period)).toBe(memberships.filter((m) => inMonth(m.ended_on, period) && m.end_kind === 'CLOSED' && ok(m.young_person_id)).length);
      const withPrev = assessments
        .filter((a) => inMonth(a.assessed_on, period) && ok(a.young_person_id))
        .map((a) => {
          const earlier = assessments
            .filter((b) => b.young_person_id === a.young_person_id && (b.assessed_on < a.assessed_on || (b.assessed_on === a.assessed_on && b.created_at < a.created_at)))
            .sort((x, y) => (x.assessed_on === y.assessed_on ? y.created_at.localeCompare(x.created_at) : y.assessed_on.localeCompare(x.assessed_on)))[0];
          return { a, prev: earlier ?? null };
        });
      expect(value('escalations', period)).toBe(withPrev.filter((x) => x.prev && x.a.final_score > x.prev.final_score).length);
      expect(value('deescalations', period)).toBe(withPrev.filter((x) => x.prev && x.a.final_score < x.prev.final_score).length);
      expect(value('reviewsOnTime', period)).toBe(withPrev.filter((x) => x.prev && x.a.assessed_on <= x.prev.next_review_on).length);
      expect(value('reviewsLate', period)).toBe(withPrev.filter((x) => x.prev && x.a.assessed_on > x.prev.next_review_on).length);
      expect(value('reviewsOverdue', period)).toBe(onDate(end).filter((m) => ok(m.young_person_id) && (latest(m.young_person_id, end)?.next_review_on ?? '9999') < end).length);
      const started = episodes.filter((e) => inMonth(e.started, period) && ok(e.young_person_id));
      expect(value('missingEpisodes', period)).toBe(started.length);
      expect(value('missingYoungPeople', period)).toBe(new Set(started.map((e) => e.young_person_id)).size);
      expect(value('missingOnList', period)).toBe(started.filter((e) => onDate(e.started).some((m) => m.young_person_id === e.young_person_id)).length);
    }
    expect(r.listTrends.meetingDates.length).toBeGreaterThan(0);
  });

  it('police and agency figures per month equal the reports and the submitted returns', async () => {
    const range = { from: month(12), to: month(1) };
    const r = await analyst.ok<{ activityTrends: { periods: string[]; police: Trends['measures']; agencies: Trends['measures'] } }>(ACTIVITY, { f: range });
    const police: { period: string; arrests: number }[] = await t.ds.query(`SELECT to_char(month, 'YYYY-MM') AS period, arrests FROM police_report`);
    const arrests = r.activityTrends.police.find((m) => m.measure === 'arrests')!;
    for (const pt of arrests.points) expect(pt.count.value).toBe(police.find((x) => x.period === pt.period)?.arrests ?? 0);
    const returns: { period: string; content: { measures: { key: string; value: number }[] } }[] = await t.ds.query(
      `SELECT to_char(period, 'YYYY-MM') AS period, content FROM agency_return WHERE status IN ('SUBMITTED', 'ACCEPTED')`,
    );
    const { MEASURE_BY_KEY } = await import('@mase/shared');
    const prevention = r.activityTrends.agencies.find((m) => m.measure === 'PREVENTION')!;
    for (const pt of prevention.points) {
      const expected = returns
        .filter((x) => x.period === pt.period)
        .flatMap((x) => x.content.measures)
        .filter((m) => MEASURE_BY_KEY.get(m.key)?.section === 'PREVENTION')
        .reduce((a, m) => a + m.value, 0);
      expect(pt.count.value).toBe(expected);
    }
  });

  it('click-through: the list on a date with the same filters holds exactly the young people counted', async () => {
    const period = month(3);
    const d = endOf(period);
    const f = { rag: ['RED', 'AMBER'], gender: ['FEMALE'] };
    const profile = await analyst.ok<{ victimProfile: Profile }>(PROFILE, { f: { from: period, to: period, ...f }, d: ['RAG'] });
    const list = await analyst.ok<{ youngPeople: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } }>(LIST, { f: { onListOn: d, ...f }, p: { first: 200 } });
    expect(list.youngPeople.pageInfo.hasNextPage).toBe(false);
    expect(list.youngPeople.nodes.length).toBe(profile.victimProfile.totals[0].count.value);
    const expected = onDate(d).filter((m) => passes(m.young_person_id, d, f)).map((m) => m.young_person_id).sort();
    expect(list.youngPeople.nodes.map((n) => n.id).sort()).toEqual(expected);
  });
});

describe('statistical disclosure control', () => {
  it('shows an agency lead counts of 1 to 5 as c, with no hidden cell recoverable from its month’s total', async () => {
    const r = await lead.ok<{ victimProfile: Profile }>(PROFILE, { f: { from: month(5), to: month(0) } });
    const full = await analyst.ok<{ victimProfile: Profile }>(PROFILE, { f: { from: month(5), to: month(0) } });
    const p = r.victimProfile;
    expect(p.suppressed).toBe(true);
    let hiddenCells = 0;
    for (const s of p.series) {
      const info = DIMENSION_INFO[s.dimension as keyof typeof DIMENSION_INFO];
      const fullSeries = full.victimProfile.series.find((x) => x.dimension === s.dimension)!;
      for (const period of p.periods) {
        const cells = s.cells.filter((c) => c.period === period);
        for (const c of cells) {
          const truth = fullSeries.cells.find((x) => x.period === period && x.category === c.category)!.count.value!;
          if (truth === 0) expect(c.count.display).toBe('0');
          if (truth >= 1 && truth <= SUPPRESS_UP_TO) expect(c.count).toEqual({ value: null, display: 'c' });
          if (c.count.display === 'c') hiddenCells++;
          else expect(c.count.value).toBe(truth);
        }
        // Recovery by subtraction from the month's total: never exactly one hidden non-zero cell where the total is shown.
        const total = p.totals.find((x) => x.period === period)!.count;
        if (!info.multi && total.value !== null) expect(cells.filter((c) => c.count.display === 'c').length).not.toBe(1);
      }
    }
    expect(hiddenCells).toBeGreaterThan(0);
  });

  it('refuses an agency lead the filters whose difference could reveal a hidden count', async () => {
    const r = await lead.gql(PROFILE, { f: { from: month(2), to: month(0), gender: ['MALE'] } });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.fields?.[0].field).toBe('filter');
    const trends = await lead.ok<{ listTrends: Trends & { suppressed: boolean } }>(TRENDS, { f: { from: month(11), to: month(0) } });
    expect(trends.listTrends.suppressed).toBe(true);
    for (const m of trends.listTrends.measures) for (const pt of m.points) expect(pt.count.value === null || pt.count.value === 0 || pt.count.value > SUPPRESS_UP_TO).toBe(true);
    expect(codeOf(await lead.gql(`{ themes(period: "${month(1)}") { period } }`))).toBe('FORBIDDEN');
  });

  it('applies to every export whoever makes it, and audits the export with its filters', async () => {
    const f = { from: month(5), to: month(0), gender: ['MALE'] };
    const r = await coChair.ok<{ exportAnalytics: { filename: string; csv: string; header: string[]; rows: string[][] } }>(EXPORT, { w: 'PROFILE', f, d: 'RAG' });
    const full = await coChair.ok<{ victimProfile: Profile }>(PROFILE, { f, d: ['RAG'] });
    expect(r.exportAnalytics.header).toEqual(['Month', 'Green', 'Amber', 'Red', 'Not screened', 'On the list']);
    expect(r.exportAnalytics.csv.split('\r\n')[0]).toBe('Month,Green,Amber,Red,Not screened,On the list');
    r.exportAnalytics.rows.forEach((row, i) => {
      const period = full.victimProfile.periods[i];
      ['GREEN', 'AMBER', 'RED', 'NONE'].forEach((cat, j) => {
        const truth = full.victimProfile.series[0].cells.find((c) => c.period === period && c.category === cat)!.count.value!;
        if (truth >= 1 && truth <= SUPPRESS_UP_TO) expect(row[j + 1]).toBe('c');
        else if (row[j + 1] !== 'c') expect(Number(row[j + 1])).toBe(truth);
      });
    });
    expect(r.exportAnalytics.rows.flat()).toContain('c');
    const [audit]: { details: { widget: string; dimension: string; filter: { gender: string[] } } }[] = await t.ds.query(
      `SELECT details FROM audit_event WHERE action = 'analytics.exported' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit.details).toMatchObject({ widget: 'PROFILE', dimension: 'RAG', filter: { gender: ['MALE'] } });
    const flows = await lead.ok<{ exportAnalytics: { rows: string[][] } }>(EXPORT, { w: 'FLOWS', f: { from: month(5), to: month(0) } });
    for (const row of flows.exportAnalytics.rows) for (const v of row.slice(1)) expect(v === 'c' || v === '0' || Number(v) > SUPPRESS_UP_TO).toBe(true);
  });
});

describe('saved views', () => {
  it('are named, reopened, shared with others, and deleted only by their owner', async () => {
    const SAVE = `mutation($i: SaveViewInput!) { saveView(input: $i) { id name filter shared mine } }`;
    const LISTV = `{ savedViews { id name filter shared mine ownerName } }`;
    const filter = { from: month(11), to: month(0), rag: ['RED'], model: ['ONLINE'] };
    const mine = await analyst.ok<{ saveView: { id: string; filter: string } }>(SAVE, { i: { name: 'Red online', filter, shared: false } });
    expect(JSON.parse(mine.saveView.filter)).toEqual(filter);
    expect((await coChair.ok<{ savedViews: unknown[] }>(LISTV)).savedViews).toHaveLength(0);
    const shared = await analyst.ok<{ saveView: { id: string } }>(SAVE, { i: { name: 'Red online', filter: { ...filter, rag: ['RED', 'AMBER'] }, shared: true } });
    expect(shared.saveView.id).toBe(mine.saveView.id); // the same name replaces the view
    const seen = await coChair.ok<{ savedViews: { id: string; mine: boolean; ownerName: string; filter: string }[] }>(LISTV);
    expect(seen.savedViews).toEqual([{ id: mine.saveView.id, name: 'Red online', shared: true, mine: false, ownerName: expect.any(String), filter: expect.stringContaining('AMBER') }]);
    expect(codeOf(await coChair.gql(`mutation($id: ID!) { deleteView(id: $id) }`, { id: mine.saveView.id }))).toBe('NOT_FOUND');
    expect((await analyst.ok<{ deleteView: boolean }>(`mutation($id: ID!) { deleteView(id: $id) }`, { id: mine.saveView.id })).deleteView).toBe(true);
    expect(codeOf(await analyst.gql(SAVE, { i: { name: '  ', filter, shared: false } }))).toBe('BAD_USER_INPUT');
  });
});
