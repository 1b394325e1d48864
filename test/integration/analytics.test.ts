import { ageBand, ageOn, DIMENSION_INFO, DIMENSIONS, FLOW_MEASURES, INDICATORS, isSmall, medianDays, SUPPRESS_UP_TO, TIME_ON_LIST, type Dimension } from '@mase/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotHorizon, lastCompletePeriod } from '../../server/src/modules/analytics/snapshot.js';
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

type Yp = {
  id: string;
  gender: string;
  home_ward: string | null;
  legal_status: string;
  date_of_birth: string;
  ethnicity: string;
  placement_type: string;
  send: string;
  education_status: string;
  presentation: string;
};
type Membership = { young_person_id: string; started_on: string; ended_on: string | null; end_kind: string | null };
type Assessment = { young_person_id: string; assessed_on: string; created_at: string; rag: string; final_score: number; models: string[]; next_review_on: string; present: string[] };
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
  await load();
});

/** Reads the rows the figures are counted from, for the recounts in the test. */
async function load(): Promise<void> {
  yps = new Map(
    (
      await t.ds.query<Yp[]>(
        `SELECT id, gender, home_ward, legal_status, date_of_birth::text, ethnicity, placement_type, send, education_status, presentation FROM young_person`,
      )
    ).map((y) => [y.id, y]),
  );
  memberships = await t.ds.query(`SELECT young_person_id, started_on::text, ended_on::text, end_kind FROM list_membership`);
  assessments = await t.ds.query(
    `SELECT young_person_id, assessed_on::text, created_at::text, rag, final_score, models, next_review_on::text,
            ARRAY(SELECT a.key FROM jsonb_each(answers) a WHERE a.value ->> 'answer' = 'PRESENT') AS present
     FROM risk_assessment WHERE status = 'FINAL'`,
  );
  episodes = await t.ds.query(`SELECT young_person_id, (started_at AT TIME ZONE 'UTC')::date::text AS started FROM missing_episode`);
}
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
type Filter = { rag?: string[]; gender?: string[]; model?: string[]; ageBand?: string[]; ward?: string[]; legalStatus?: string[] };
function passes(ypId: string, d: string, f: Filter): boolean {
  const yp = yps.get(ypId)!;
  const la = latest(ypId, d);
  if (f.gender && !f.gender.includes(yp.gender)) return false;
  if (f.ward && !f.ward.includes(yp.home_ward ?? '')) return false;
  if (f.legalStatus && !f.legalStatus.includes(yp.legal_status)) return false;
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

const FILTERS: Filter[] = [
  {},
  { gender: ['FEMALE'] },
  { rag: ['RED'] },
  { rag: ['AMBER', 'GREEN'], ageBand: ['AGE_15', 'AGE_16'] },
  { model: ['ONLINE', 'PEER_ON_PEER'] },
  { ward: ['*'] },
  { legalStatus: ['LOOKED_AFTER_S20', 'LOOKED_AFTER_S31', 'CHILD_PROTECTION'] },
];
/** The filters as sent: a ward of '*' stands for the home ward most young people on the list have. */
function resolve(f: Filter): Filter {
  if (f.ward?.[0] !== '*') return f;
  const counts = new Map<string, number>();
  for (const m of memberships) {
    const w = yps.get(m.young_person_id)!.home_ward;
    if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return { ...f, ward: [[...counts.entries()].sort((a, b) => b[1] - a[1])[0][0]] };
}
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Each breakdown of the list on a date, recounted from the rows: dimension → category → young people. */
function recountProfile(d: string, f: Filter): Map<Dimension, Map<string, number>> {
  const out = new Map<Dimension, Map<string, number>>(DIMENSIONS.map((x) => [x, new Map()]));
  const add = (dim: Dimension, cat: string) => out.get(dim)!.set(cat, (out.get(dim)!.get(cat) ?? 0) + 1);
  const people = new Set(onDate(d).filter((m) => passes(m.young_person_id, d, f)).map((m) => m.young_person_id));
  for (const id of people) {
    const yp = yps.get(id)!;
    const la = latest(id, d);
    add('RAG', la?.rag ?? 'NONE');
    add('SCORE', la ? String(la.final_score) : 'NONE');
    add('AGE_BAND', ageBand(ageOn(yp.date_of_birth, d)));
    add('GENDER', yp.gender);
    add('ETHNICITY', yp.ethnicity);
    add('LEGAL_STATUS', yp.legal_status);
    add('PLACEMENT', yp.placement_type);
    add('SEND', yp.send);
    add('EDUCATION', yp.education_status);
    add('PRESENTATION', yp.presentation);
    add('WARD', yp.home_ward ?? 'Not recorded');
    for (const model of new Set(la?.models ?? [])) add('MODEL', model);
    const present = INDICATORS.filter((x) => la?.present.includes(x.id));
    for (const area of new Set(present.filter((x) => x.area).map((x) => x.area!))) add('SAFEGUARD_AREA', area);
    for (const x of present.filter((i) => i.group === 'PUSH')) add('PUSH_FACTOR', x.id);
    for (const x of present.filter((i) => i.group === 'PULL')) add('PULL_FACTOR', x.id);
  }
  return out;
}

/** Checks every breakdown of a profile against the recount, month by month; returns how many non-zero cells it compared. */
function expectProfileRecounted(p: Profile, f: Filter): number {
  let nonZero = 0;
  p.periods.forEach((period, i) => {
    const d = p.dates[i];
    expect(d).toBe(endOf(period));
    const expected = recountProfile(d, f);
    expect(p.totals[i].count.value).toBe(onDate(d).filter((m) => passes(m.young_person_id, d, f)).length);
    for (const dim of DIMENSIONS) {
      const cells = p.series.find((x) => x.dimension === dim)!.cells.filter((c) => c.period === period);
      const fixed = DIMENSION_INFO[dim].categories;
      if (fixed) expect(cells.map((c) => c.category)).toEqual(fixed.map((c) => c.key));
      for (const [cat, n] of expected.get(dim)!) expect([dim, cat, cells.find((c) => c.category === cat)?.count.value]).toEqual([dim, cat, n]);
      for (const c of cells) expect([dim, c.category, c.count.value]).toEqual([dim, c.category, expected.get(dim)!.get(c.category) ?? 0]);
      nonZero += [...expected.get(dim)!.values()].filter((n) => n > 0).length;
    }
  });
  return nonZero;
}
const RANGES = [
  { from: month(5), to: month(0) },
  { from: month(26), to: month(23) },
];

describe('every figure equals a recount of the rows behind it', () => {
  it.each(FILTERS.flatMap((f) => RANGES.map((r) => [JSON.stringify(f), r, f] as const)))('victim profile with %s over %o', async (_, range, given) => {
    const f = resolve(given);
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

  it.each(FILTERS.flatMap((f) => RANGES.map((r) => [JSON.stringify(f), r, f] as const)))('monthly trends with %s over %o', async (_, range, given) => {
    const f = resolve(given);
    const r = await analyst.ok<{ listTrends: Trends }>(TRENDS, { f: { ...range, ...f } });
    const value = (measure: string, period: string) => r.listTrends.measures.find((m) => m.measure === measure)!.points.find((x) => x.period === period)!.count.value;
    for (const period of r.listTrends.periods) {
      const end = endOf(period);
      const ok = (ypId: string) => passes(ypId, end, f);
      expect(value('onList', period)).toBe(onDate(end).filter((m) => ok(m.young_person_id)).length);
      expect(value(TIME_ON_LIST.key, period)).toBe(medianDays(onDate(end).filter((m) => ok(m.young_person_id)).map((m) => daysBetween(m.started_on, end))));
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

  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))(
    'every breakdown of the profile with %s, on complete months (the snapshot) and this month (counted live)',
    async (_, given) => {
      const f = resolve(given);
      // The two complete months are read from the snapshot, this month is counted live.
      expect(await snapshotHorizon(t.ds.manager)).toBe(lastCompletePeriod());
      const range = { from: month(2), to: month(0) };
      const r = await analyst.ok<{ victimProfile: Profile }>(PROFILE, { f: { ...range, ...f } });
      expect(r.victimProfile.series.map((x) => x.dimension)).toEqual([...DIMENSIONS]);
      expect(expectProfileRecounted(r.victimProfile, f)).toBeGreaterThan(20);
    },
  );

  it('the median time on the list is in the trends, by the snapshot and live, and some months have one', async () => {
    const r = await analyst.ok<{ listTrends: Trends }>(TRENDS, { f: { from: month(11), to: month(0) } });
    const medians = r.listTrends.measures.find((m) => m.measure === TIME_ON_LIST.key)!.points;
    expect(medians.map((x) => x.period)).toEqual(r.listTrends.periods);
    for (const pt of medians) {
      const end = endOf(pt.period);
      expect(pt.count.value).toBe(medianDays(onDate(end).map((m) => daysBetween(m.started_on, end))));
    }
    expect(medians.filter((x) => (x.count.value ?? 0) > 0).length).toBeGreaterThan(6);
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

// ---------- an attacker's view: what can be worked out from figures published side by side ----------

type Known = Map<string, number>;
type Relation = [string, number][];
/** The flow identity of each month with the one before: onList(m) − onList(m−1) − newToList(m) + steppedDown(m) + closed(m) = 0. */
const flowRelations = (periods: string[]): Relation[] =>
  periods.slice(1).map((m, i) => [
    [`onList|${m}`, 1],
    [`onList|${periods[i]}`, -1],
    [`newToList|${m}`, -1],
    [`steppedDown|${m}`, 1],
    [`closed|${m}`, 1],
  ]);
/** Solves every relation left with one unknown, over and over, as a reader with the figures could; returns the cells worked out. */
function recover(known: Known, relations: Relation[]): Map<string, number> {
  const found = new Map<string, number>();
  for (let more = true; more; ) {
    more = false;
    for (const rel of relations) {
      const unknown = rel.filter(([k]) => !known.has(k));
      if (unknown.length !== 1) continue;
      const [k, coef] = unknown[0];
      const rest = rel.filter(([x]) => x !== k).reduce((a, [x, c]) => a + c * known.get(x)!, 0);
      known.set(k, -rest / coef);
      found.set(k, -rest / coef);
      more = true;
    }
  }
  return found;
}
/** The figures of a FLOWS export, by measure and month ("c" left out). */
function flowsKnown(e: { header: string[]; rows: string[][] }, into: Known = new Map(), hidden: Set<string> = new Set()): Known {
  const keyOf = new Map<string, string>([...FLOW_MEASURES, TIME_ON_LIST].map((m) => [m.label, m.key]));
  for (const row of e.rows) {
    e.header.slice(1).forEach((label, j) => {
      const k = `${keyOf.get(label)}|${row[0]}`;
      if (row[j + 1] === 'c') hidden.add(k);
      else into.set(k, Number(row[j + 1]));
    });
  }
  return into;
}
type Export = { exportAnalytics: { header: string[]; rows: string[][] } };
const truthOf = (r: { listTrends: Trends }) => {
  const m = new Map<string, number>();
  for (const x of r.listTrends.measures) for (const pt of x.points) m.set(`${x.measure}|${pt.period}`, pt.count.value!);
  return m;
};

describe('no suppressed count can be worked out from the others', () => {
  it('an agency lead cannot recover a hidden flow from the change in the list, within an export, across two exports or with the dashboard', async () => {
    const a = await lead.ok<Export>(EXPORT, { w: 'FLOWS', f: { from: month(11), to: month(0) } });
    const b = await lead.ok<Export>(EXPORT, { w: 'FLOWS', f: { from: month(17), to: month(6) } });
    const view = await lead.ok<{ listTrends: Trends }>(TRENDS, { f: { from: month(23), to: month(0) } });
    const profile = await lead.ok<{ victimProfile: Profile }>(PROFILE, { f: { from: month(23), to: month(0) }, d: ['RAG'] });
    const truth = truthOf(await analyst.ok<{ listTrends: Trends }>(TRENDS, { f: { from: month(23), to: month(0) } }));
    const periods = view.listTrends.periods;
    // Without secondary suppression the identity would give a small count away: some month has exactly one count of 1 to 5 in it.
    const primaryOnly = flowRelations(periods).filter((rel) => rel.filter(([k]) => isSmall(truth.get(k)!)).length === 1);
    expect(primaryOnly.length).toBeGreaterThan(0);

    const hidden = new Set<string>();
    const known = flowsKnown(a.exportAnalytics, new Map(), hidden);
    flowsKnown(b.exportAnalytics, known, hidden);
    for (const m of view.listTrends.measures) {
      for (const pt of m.points) {
        if (pt.count.display === 'c') hidden.add(`${m.measure}|${pt.period}`);
        else known.set(`${m.measure}|${pt.period}`, pt.count.value!);
      }
    }
    for (const tot of profile.victimProfile.totals) if (tot.count.display !== 'c') known.set(`onList|${tot.period}`, tot.count.value!);
    // What one source shows, every other shows the same (or hides): the mask does not depend on the range asked for.
    for (const k of hidden) expect([k, known.has(k)]).toEqual([k, false]);
    for (const [k, v] of known) expect([k, v]).toEqual([k, truth.get(k)]);
    expect([...hidden].filter((k) => !k.startsWith(TIME_ON_LIST.key)).length).toBeGreaterThan(0);
    expect([...recover(known, flowRelations(periods)).keys()]).toEqual([]);
  });

  it('an analyst’s filtered export hides the counts an unfiltered one would give away by subtraction', async () => {
    const range = { from: month(11), to: month(0) };
    const filter = { ...range, gender: ['FEMALE'] };
    // The profile by RAG: unfiltered and for girls only, as CSVs, and the truth behind them.
    const whole = await analyst.ok<Export>(EXPORT, { w: 'PROFILE', f: range, d: 'RAG' });
    const girls = await analyst.ok<Export>(EXPORT, { w: 'PROFILE', f: filter, d: 'RAG' });
    const truthWhole = await analyst.ok<{ victimProfile: Profile }>(PROFILE, { f: range, d: ['RAG'] });
    const truthGirls = await analyst.ok<{ victimProfile: Profile }>(PROFILE, { f: filter, d: ['RAG'] });
    const cats = ['GREEN', 'AMBER', 'RED', 'NONE'];
    let complementHidden = 0;
    girls.exportAnalytics.rows.forEach((row, i) => {
      const period = row[0];
      const cellOf = (p: Profile, cat: string) => p.series[0].cells.find((c) => c.period === period && c.category === cat)!.count.value!;
      cats.forEach((cat, j) => {
        const u = whole.exportAnalytics.rows[i][j + 1];
        const g = row[j + 1];
        // Subtracting the two exports never leaves a count of 1 to 5 (the boys and others of that RAG).
        if (u !== 'c' && g !== 'c') expect([period, cat, isSmall(Number(u) - Number(g))]).toEqual([period, cat, false]);
        const complement = cellOf(truthWhole.victimProfile, cat) - cellOf(truthGirls.victimProfile, cat);
        if (isSmall(complement) && cellOf(truthGirls.victimProfile, cat) > 0) {
          expect(g).toBe('c');
          if (!isSmall(cellOf(truthGirls.victimProfile, cat))) complementHidden++;
        }
      });
      // Nor does the month's total give a hidden cell back.
      const totalShown = row[cats.length + 1] !== 'c';
      if (totalShown) expect(row.slice(1, cats.length + 1).filter((v) => v === 'c').length).not.toBe(1);
      const ut = whole.exportAnalytics.rows[i][cats.length + 1];
      if (totalShown && ut !== 'c') expect(isSmall(Number(ut) - Number(row[cats.length + 1]))).toBe(false);
    });
    expect(complementHidden).toBeGreaterThan(0); // counts of 6 or more hidden only because of what the filter leaves out

    // The flows likewise, and the identity between them cannot be solved from the two exports together.
    const flowsWhole = await analyst.ok<Export>(EXPORT, { w: 'FLOWS', f: range });
    const flowsGirls = await analyst.ok<Export>(EXPORT, { w: 'FLOWS', f: filter });
    const hidden = new Set<string>();
    const u = flowsKnown(flowsWhole.exportAnalytics);
    const g = flowsKnown(flowsGirls.exportAnalytics, new Map(), hidden);
    for (const [k, v] of g) if (u.has(k) && !k.startsWith(TIME_ON_LIST.key)) expect([k, isSmall(u.get(k)! - v)]).toEqual([k, false]);
    const periods = flowsGirls.exportAnalytics.rows.map((r) => r[0]);
    expect([...recover(g, flowRelations(periods)).keys()]).toEqual([]);
    expect(hidden.size).toBeGreaterThan(0);
    // The export is audited with its filters.
    const [audit]: { details: { widget: string; filter: { gender: string[] } } }[] = await t.ds.query(
      `SELECT details FROM audit_event WHERE action = 'analytics.exported' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit.details).toMatchObject({ widget: 'FLOWS', filter: { gender: ['FEMALE'] } });
  });
});

describe('meeting dates on the time axes', () => {
  it('are the meetings scheduled (not cancelled), and the usual meeting day only in months with none', async () => {
    const [{ id: user }]: { id: string }[] = await t.ds.query(`SELECT id FROM app_user WHERE role = 'COORDINATOR' LIMIT 1`);
    const first = (p: string) => `${p}-01`;
    // Where months 8 and 9 back have no meetings yet: one scheduled on the 3rd of month 8 back, and month 9 back's only meeting cancelled.
    const existing: { date: string }[] = await t.ds.query(`SELECT date::text FROM meeting WHERE date >= $1 AND date < $2`, [first(month(9)), first(month(7))]);
    const moved = `${month(8)}-03`;
    if (!existing.length) {
      await t.ds.query(`INSERT INTO meeting (date, status, version, created_by) VALUES ($1, 'PLANNED', 1, $3), ($2, 'CANCELLED', 1, $3)`, [moved, `${month(9)}-15`, user]);
    }
    const r = await analyst.ok<{ listTrends: Trends }>(TRENDS, { f: { from: month(11), to: month(0) } });
    const meetings: { date: string; cancelled: boolean }[] = await t.ds.query(
      `SELECT date::text AS date, status = 'CANCELLED' AS cancelled FROM meeting WHERE date >= $1 ORDER BY date`,
      [first(month(11))],
    );
    const dates = r.listTrends.meetingDates;
    for (const period of r.listTrends.periods) {
      const inMonth = meetings.filter((m) => m.date.startsWith(period));
      const marked = dates.filter((d) => d.startsWith(period));
      if (inMonth.length) expect([period, marked]).toEqual([period, inMonth.filter((m) => !m.cancelled).map((m) => m.date)]);
      else expect([period, marked.length]).toEqual([period, 1]);
    }
    if (!existing.length) {
      expect(dates).toContain(moved);
      expect(dates.filter((d) => d.startsWith(month(9)))).toEqual([]);
    }
    // Months with no meeting in the product keep the usual day (here, those more than a year back).
    const old = await analyst.ok<{ listTrends: Trends }>(TRENDS, { f: { from: month(47), to: month(36) } });
    const oldMeetings: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM meeting WHERE date >= $1 AND date < $2`, [first(month(47)), first(month(35))]);
    if (oldMeetings[0].n === 0) expect(old.listTrends.meetingDates.length).toBe(12);
  });
});

describe('a change after the snapshot was built shows in the figures at once', () => {
  it('a new final screening dated in a past month, a list spell ended in a past month, and a gender changed', async () => {
    const range = { from: month(4), to: month(0) };
    expect(await snapshotHorizon(t.ds.manager)).toBe(lastCompletePeriod()); // past months come from the snapshot
    const before = await analyst.ok<{ victimProfile: Profile }>(PROFILE, { f: range, d: ['RAG', 'GENDER'] });
    const trendsBefore = await analyst.ok<{ listTrends: Trends }>(TRENDS, { f: range });
    const cell = (p: Profile, dim: string, period: string, cat: string) => p.series.find((x) => x.dimension === dim)!.cells.find((c) => c.period === period && c.category === cat)!.count.value!;
    const flow = (r: { listTrends: Trends }, measure: string, period: string) => r.listTrends.measures.find((m) => m.measure === measure)!.points.find((x) => x.period === period)!.count.value!;
    const [{ id: user }]: { id: string }[] = await t.ds.query(`SELECT id FROM app_user WHERE role = 'COORDINATOR' LIMIT 1`);

    // A screening on the last day of three months back, for someone on the list then who was not red.
    const p3 = month(3);
    const end3 = endOf(p3);
    const screened = onDate(end3).find((m) => latest(m.young_person_id, end3)?.rag !== 'RED')!;
    const wasRag = latest(screened.young_person_id, end3)?.rag ?? 'NONE';
    await t.ds.query(
      `INSERT INTO risk_assessment (young_person_id, assessed_on, assessor_id, answers, models, computed_score, final_score, rag, status, next_review_on, version)
       VALUES ($1, $2, $3, '{}'::jsonb, '{COUNTY_LINES}', 3, 3, 'RED', 'FINAL', $2::date + 30, 1)`,
      [screened.young_person_id, end3, user],
    );
    // A spell that began before two months back, still open, ended (closed) on the 10th of two months back.
    const p2 = month(2);
    const spell = memberships.find((m) => m.ended_on === null && m.started_on < `${p2}-01` && m.young_person_id !== screened.young_person_id)!;
    await t.ds.query(`UPDATE list_membership SET ended_on = $2, end_kind = 'CLOSED', end_reason = 'Closed in a test' WHERE young_person_id = $1 AND ended_on IS NULL`, [spell.young_person_id, `${p2}-10`]);
    // A girl on the list last month recorded as a boy.
    const p1 = month(1);
    const girl = onDate(endOf(p1)).find((m) => yps.get(m.young_person_id)!.gender === 'FEMALE' && ![screened.young_person_id, spell.young_person_id].includes(m.young_person_id))!;
    await t.ds.query(`UPDATE young_person SET gender = 'MALE' WHERE id = $1`, [girl.young_person_id]);

    const after = await analyst.ok<{ victimProfile: Profile }>(PROFILE, { f: range, d: ['RAG', 'GENDER'] });
    const trendsAfter = await analyst.ok<{ listTrends: Trends }>(TRENDS, { f: range });
    expect(cell(after.victimProfile, 'RAG', p3, 'RED')).toBe(cell(before.victimProfile, 'RAG', p3, 'RED') + 1);
    expect(cell(after.victimProfile, 'RAG', p3, wasRag)).toBe(cell(before.victimProfile, 'RAG', p3, wasRag) - 1);
    expect(flow(trendsAfter, 'closed', p2)).toBe(flow(trendsBefore, 'closed', p2) + 1);
    expect(flow(trendsAfter, 'onList', p2)).toBe(flow(trendsBefore, 'onList', p2) - 1);
    expect(flow(trendsAfter, 'onList', month(0))).toBe(flow(trendsBefore, 'onList', month(0)) - 1);
    // Last month the girl counts as a boy, and the young person whose spell ended counts no more.
    const leaver = yps.get(spell.young_person_id)!.gender;
    expect(cell(after.victimProfile, 'GENDER', p1, 'MALE')).toBe(cell(before.victimProfile, 'GENDER', p1, 'MALE') + 1 - (leaver === 'MALE' ? 1 : 0));
    expect(cell(after.victimProfile, 'GENDER', p1, 'FEMALE')).toBe(cell(before.victimProfile, 'GENDER', p1, 'FEMALE') - 1 - (leaver === 'FEMALE' ? 1 : 0));
    // And every figure still equals a recount of the rows as they now are, on the snapshot's months and this one.
    await load();
    const full = await analyst.ok<{ victimProfile: Profile }>(PROFILE, { f: range });
    expectProfileRecounted(full.victimProfile, {});
    const boys = await analyst.ok<{ victimProfile: Profile }>(PROFILE, { f: { ...range, gender: ['MALE'] } });
    expectProfileRecounted(boys.victimProfile, { gender: ['MALE'] });
    for (const period of trendsAfter.listTrends.periods) {
      const end = endOf(period);
      expect(flow(trendsAfter, 'onList', period)).toBe(onDate(end).length);
      expect(flow(trendsAfter, 'closed', period)).toBe(memberships.filter((m) => inMonth(m.ended_on, period) && m.end_kind === 'CLOSED').length);
      expect(flow(trendsAfter, TIME_ON_LIST.key, period)).toBe(medianDays(onDate(end).map((m) => daysBetween(m.started_on, end))));
    }
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
