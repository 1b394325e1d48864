import { DIMENSIONS } from '@mase/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot, snapshotHorizon, lastCompletePeriod, NO_SNAPSHOT } from '../../server/src/modules/analytics/snapshot.js';
import type { GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The monthly snapshot behind the analyst's figures for complete months: once built, requests read
 * it; every figure read from it equals the same figure counted live from the tables (the recounts in
 * analytics.test.ts check the live counts against the rows), before and after the data changes.
 */

const PROFILE = `query($f: AnalyticsFilter!, $d: [Dimension!]) { victimProfile(filter: $f, dimensions: $d) { totals { period count { value } } series { dimension cells { period category count { value } } } } }`;
const TRENDS = `query($f: AnalyticsFilter!) { listTrends(filter: $f) { measures { measure points { period count { value } } } } }`;

type Profile = { victimProfile: { totals: { period: string; count: { value: number | null } }[]; series: { dimension: string; cells: { period: string; category: string; count: { value: number | null } }[] }[] } };
type Trends = { listTrends: { measures: { measure: string; points: { period: string; count: { value: number | null } }[] }[] } };

let t: TestApp;
let analyst: GqlClient;

const month = (back: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
};
const RANGE = { from: month(18), to: month(1) };
const FILTERS: Record<string, unknown>[] = [{}, { gender: ['FEMALE'] }, { rag: ['RED', 'AMBER'] }, { model: ['ONLINE'] }, { ageBand: ['AGE_15', 'AGE_16'] }, { legalStatus: ['CHILD_IN_NEED'] }];

/** Every figure of the profile and the trends, as a flat map, for the filter. */
async function figures(filter: Record<string, unknown>): Promise<Map<string, number | null>> {
  const f = { ...RANGE, ...filter };
  const [p, tr] = await Promise.all([analyst.ok<Profile>(PROFILE, { f, d: [...DIMENSIONS] }), analyst.ok<Trends>(TRENDS, { f })]);
  const out = new Map<string, number | null>();
  for (const x of p.victimProfile.totals) out.set(`TOTAL|${x.period}`, x.count.value);
  for (const s of p.victimProfile.series) for (const c of s.cells) if (c.count.value) out.set(`${s.dimension}|${c.period}|${c.category}`, c.count.value);
  for (const m of tr.listTrends.measures) for (const x of m.points) out.set(`${m.measure}|${x.period}`, x.count.value);
  return out;
}

/** The same figures counted live: the snapshot set aside (as while it is being rebuilt), then put back. */
async function liveFigures(filter: Record<string, unknown>): Promise<Map<string, number | null>> {
  const [{ catalogue }] = await t.ds.query<{ catalogue: string }[]>(`SELECT catalogue FROM analytics_state`);
  await t.ds.query(`UPDATE analytics_state SET catalogue = 'set aside'`);
  try {
    expect(await snapshotHorizon(t.ds.manager)).toBe(NO_SNAPSHOT);
    return await figures(filter);
  } finally {
    await t.ds.query(`UPDATE analytics_state SET catalogue = $1`, [catalogue]);
  }
}

beforeAll(async () => {
  t = await startTestApp({}, { cases: true });
  analyst = await t.as('ANALYST');
  await t.ds.transaction((m) => buildSnapshot(m));
});

afterAll(async () => {
  await t?.close();
});

describe('the analytics snapshot', () => {
  it('covers every complete month once built, and is what requests read', async () => {
    expect(await snapshotHorizon(t.ds.manager)).toBe(lastCompletePeriod());
    const [{ n }] = await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM analytics_month_count WHERE dim = 'TOTAL' AND period = $1::date`, [`${month(1)}-01`]);
    expect(n).toBe(1);
    // A figure planted in the snapshot shows: requests read complete months from it.
    await t.ds.query(`UPDATE analytics_month_count SET n = n + 1000 WHERE dim = 'TOTAL' AND period = $1::date`, [`${month(1)}-01`]);
    try {
      const p = await analyst.ok<Profile>(PROFILE, { f: { from: month(1), to: month(1) }, d: ['RAG'] });
      expect(p.victimProfile.totals[0].count.value).toBeGreaterThanOrEqual(1000);
    } finally {
      await t.ds.query(`UPDATE analytics_month_count SET n = n - 1000 WHERE dim = 'TOTAL' AND period = $1::date`, [`${month(1)}-01`]);
    }
  });

  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('gives the same figures as a live count, with %s', async (_label, filter) => {
    const snapshot = await figures(filter);
    expect([...snapshot.values()].some((v) => (v ?? 0) > 0)).toBe(true);
    expect(snapshot).toEqual(await liveFigures(filter));
  });

  it('keeps up at once with changes to past months: a screening, a spell ended, a record changed, an episode removed', async () => {
    const before = await figures({});
    const [person] = await t.ds.query<{ id: string; gender: string; started_on: string }[]>(
      `SELECT yp.id, yp.gender, lm.started_on::text FROM young_person yp JOIN list_membership lm ON lm.young_person_id = yp.id AND lm.ended_on IS NULL
       WHERE lm.started_on < $1::date - interval '6 months' ORDER BY yp.reference LIMIT 1`,
      [`${month(0)}-01`],
    );
    expect(person).toBeDefined();
    const [latest] = await t.ds.query<{ id: string }[]>(
      `SELECT id FROM risk_assessment WHERE young_person_id = $1 AND status = 'FINAL' ORDER BY assessed_on DESC, created_at DESC LIMIT 1`,
      [person.id],
    );
    const pastDay = `${month(4)}-10`;
    await t.ds.transaction(async (m) => {
      // A final screening dated four months ago, copied from the latest with the highest score.
      await m.query(
        `INSERT INTO risk_assessment
         SELECT * FROM jsonb_populate_record(NULL::risk_assessment, (
           SELECT to_jsonb(r) || jsonb_build_object('id', gen_random_uuid(), 'assessed_on', $2::date, 'computed_score', 3, 'final_score', 3, 'rag', 'RED',
                                                    'next_review_on', $2::date + 90, 'created_at', now(), 'updated_at', now())
           FROM risk_assessment r WHERE r.id = $1))`,
        [latest.id, pastDay],
      );
      // The open spell ended two months ago.
      await m.query(`UPDATE list_membership SET ended_on = $2::date, end_kind = 'STEPPED_DOWN', end_reason = 'Risk reduced' WHERE young_person_id = $1 AND ended_on IS NULL`, [
        person.id,
        `${month(2)}-05`,
      ]);
      await m.query(`UPDATE young_person SET gender = $2 WHERE id = $1`, [person.id, person.gender === 'FEMALE' ? 'MALE' : 'FEMALE']);
    });
    await t.ds.query(`DELETE FROM missing_episode WHERE id = (SELECT id FROM missing_episode WHERE started_at < $1::date ORDER BY started_at DESC LIMIT 1)`, [`${month(1)}-01`]);

    const after = await figures({});
    expect(after).not.toEqual(before);
    expect(after.get(`onList|${month(1)}`)).toBe((before.get(`onList|${month(1)}`) ?? 0) - 1);
    expect(after).toEqual(await liveFigures({}));
    expect(await figures({ gender: ['FEMALE'] })).toEqual(await liveFigures({ gender: ['FEMALE'] }));
    // Nothing is left waiting: every change was applied when its transaction committed.
    const [{ pending }] = await t.ds.query<{ pending: number }[]>(`SELECT count(*)::int AS pending FROM analytics_pending`);
    expect(pending).toBe(0);
  });
});
