import { GENDERS, isSmall, SUPPRESS_UP_TO } from '@mase/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PROFILE = `query($f: AnalyticsFilter!, $d: [Dimension!]) { victimProfile(filter: $f, dimensions: $d) { periods totals { period count { value } } series { cells { period category count { value } } } } }`;
const EXPORT = `mutation($w: AnalyticsWidget!, $f: AnalyticsFilter!, $d: Dimension) { exportAnalytics(widget: $w, filter: $f, dimension: $d) { header rows } }`;
type Export = { exportAnalytics: { header: string[]; rows: string[][] } };
type Profile = { victimProfile: { periods: string[]; totals: { period: string; count: { value: number } }[]; series: { cells: { period: string; category: string; count: { value: number } }[] }[] } };

let t: TestApp;
let analyst: GqlClient;
const month = (back: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
};
const range = { from: month(2), to: month(0) };
const RAG_CATS = ['GREEN', 'AMBER', 'RED', 'NONE'];

beforeAll(async () => {
  t = await startTestApp({}, { cases: true });
  analyst = await t.as('ANALYST');
  // A known dataset: everyone female or male, but for three young people on the list throughout the months asked for, whose gender is Other.
  await t.ds.query(`UPDATE young_person SET gender = 'FEMALE' WHERE gender NOT IN ('FEMALE', 'MALE')`);
  await t.ds.query(
    `UPDATE young_person SET gender = 'OTHER' WHERE id IN (
       SELECT young_person_id FROM list_membership WHERE started_on < $1::date AND ended_on IS NULL ORDER BY young_person_id LIMIT 3)`,
    [`${month(2)}-01`],
  );
});
afterAll(async () => {
  await t?.close();
});

/** Is `target` (coefficients over the genders) a linear combination of the published vectors? */
function inSpan(published: number[][], target: number[]): boolean {
  const rank = (rows: number[][]) => {
    const m = rows.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < target.length && r < m.length; c++) {
      const p = m.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
      if (p < 0) continue;
      [m[r], m[p]] = [m[p], m[r]];
      for (let i = 0; i < m.length; i++) {
        if (i === r) continue;
        const f = m[i][c] / m[r][c];
        m[i] = m[i].map((x, j) => x - f * m[r][j]);
      }
      r++;
    }
    return r;
  };
  return rank([...published, target]) === rank(published);
}

describe('filtered exports side by side', () => {
  it('no combination of the gender-filtered and unfiltered exports gives away the small Other group; zero stays zero and large counts stay shown', async () => {
    // Every selection of genders a reader might export, and the unfiltered export.
    const selections: (string[] | null)[] = [null, ...GENDERS.map((g) => [g]), ['FEMALE', 'MALE'], ['FEMALE', 'OTHER'], ['MALE', 'OTHER'], ['FEMALE', 'MALE', 'NON_BINARY', 'NOT_KNOWN']];
    const profiles: Export[] = [];
    const flows: Export[] = [];
    for (const s of selections) {
      const f = s ? { ...range, gender: s } : range;
      profiles.push(await analyst.ok<Export>(EXPORT, { w: 'PROFILE', f, d: 'RAG' }));
      flows.push(await analyst.ok<Export>(EXPORT, { w: 'FLOWS', f }));
    }
    // The truth by gender, from the analyst's own (unsuppressed) profile.
    const truth = new Map<string, Profile>();
    for (const g of GENDERS) truth.set(g, await analyst.ok<Profile>(PROFILE, { f: { ...range, gender: [g] }, d: ['RAG'] }));
    const truthOf = (g: string, period: string, col: number) => {
      const p = truth.get(g)!.victimProfile;
      return col < RAG_CATS.length ? (p.series[0].cells.find((c) => c.period === period && c.category === RAG_CATS[col])?.count.value ?? 0) : p.totals.find((x) => x.period === period)!.count.value;
    };
    const periods = profiles[0].exportAnalytics.rows.map((r) => r[0]);
    expect(periods).toEqual([month(2), month(1), month(0)]);
    const otherIndex = GENDERS.indexOf('OTHER');
    let smallCells = 0;
    const largeShown: Record<string, number> = { FEMALE: 0, MALE: 0 };
    periods.forEach((period, i) => {
      for (let col = 0; col <= RAG_CATS.length; col++) {
        // What a reader has for this cell: each export's figure (c left out), as a sum over the genders it selects.
        const published: number[][] = [];
        selections.forEach((s, k) => {
          const vec = GENDERS.map((g) => (s === null || s.includes(g) ? 1 : 0));
          const shownValues = [profiles[k].exportAnalytics.rows[i][col + 1]];
          if (col === RAG_CATS.length) shownValues.push(flows[k].exportAnalytics.rows[i][flows[k].exportAnalytics.header.indexOf('On the list at month end')]);
          for (const v of shownValues) {
            if (v === 'c') continue;
            expect([period, col, s, Number(v)]).toEqual([period, col, s, GENDERS.reduce((a, g, j) => a + vec[j] * truthOf(g, period, col), 0)]);
            published.push(vec);
            // A published 0 tells the reader each gender in it is 0.
            if (Number(v) === 0) vec.forEach((x, j) => x && published.push(GENDERS.map((_, jj) => (jj === j ? 1 : 0))));
          }
        });
        GENDERS.forEach((g, j) => {
          const n = truthOf(g, period, col);
          if (!isSmall(n)) return;
          smallCells++;
          expect([period, col, g, inSpan(published, GENDERS.map((_, jj) => (jj === j ? 1 : 0)))]).toEqual([period, col, g, false]);
        });
      }
      // The Other group is three young people on the list every month: hidden in its own export, and not to be had from the others.
      expect(truthOf('OTHER', period, RAG_CATS.length)).toBe(3);
      expect(profiles[1 + otherIndex].exportAnalytics.rows[i][RAG_CATS.length + 1]).toBe('c');
      // Zero stays zero: nobody is non-binary or not known.
      for (const k of [1 + GENDERS.indexOf('NON_BINARY'), 1 + GENDERS.indexOf('NOT_KNOWN')]) expect(profiles[k].exportAnalytics.rows[i].slice(1)).toEqual(['0', '0', '0', '0', '0']);
      // Counts above 5 shown in the girls' and boys' exports (each shown figure was checked against the truth above).
      for (const g of ['FEMALE', 'MALE'] as const) {
        expect(truthOf(g, period, RAG_CATS.length)).toBeGreaterThan(SUPPRESS_UP_TO);
        largeShown[g] += profiles[1 + GENDERS.indexOf(g)].exportAnalytics.rows[i].slice(1).filter((v) => v !== 'c' && Number(v) > SUPPRESS_UP_TO).length;
      }
    });
    expect(smallCells).toBeGreaterThanOrEqual(periods.length);
    // Where Other is hidden, the smaller of the other two in that cell goes with it (else the whole less the larger would give Other away); large counts stay shown elsewhere.
    expect(Math.max(largeShown.FEMALE, largeShown.MALE)).toBeGreaterThan(0);
    expect(profiles[0].exportAnalytics.rows.flat().filter((v) => v !== 'c' && Number(v) > SUPPRESS_UP_TO).length).toBeGreaterThan(0);
  });
});

describe('filtered exports on two dimensions at once', () => {
  it('do not give away, by inclusion and exclusion with the views that drop a filter, a small group that meets neither filter', async () => {
    // Everyone a girl or a boy; girls looked after (s20) or on a child protection plan, half and half; every boy
    // looked after (s20) but for three on the list throughout, who are children in need. Each filter on its own
    // leaves no small group, so only the corner (neither a girl nor looked after) is small.
    await t.ds.query(`UPDATE young_person SET gender = 'MALE' WHERE gender <> 'FEMALE'`);
    await t.ds.query(`UPDATE young_person SET legal_status = CASE WHEN gender = 'MALE' OR get_byte(uuid_send(id), 15) % 2 = 0 THEN 'LOOKED_AFTER_S20' ELSE 'CHILD_PROTECTION' END`);
    await t.ds.query(
      `UPDATE young_person SET legal_status = 'CHILD_IN_NEED' WHERE id IN (
         SELECT lm.young_person_id FROM list_membership lm JOIN young_person yp ON yp.id = lm.young_person_id
         WHERE yp.gender = 'MALE' AND lm.started_on < $1::date AND lm.ended_on IS NULL ORDER BY lm.young_person_id LIMIT 3)`,
      [`${month(2)}-01`],
    );
    const F = { gender: ['FEMALE'] };
    const L = { legalStatus: ['LOOKED_AFTER_S20'] };
    // The four views a reader combines: all − F − L + (F and L) is everyone who is neither a girl nor looked after.
    const views = [{}, F, L, { ...F, ...L }].map((x) => ({ ...range, ...x }));
    const signs = [1, -1, -1, 1];
    const exports: Export[][] = [];
    const truths: Profile[] = [];
    for (const f of views) {
      exports.push([await analyst.ok<Export>(EXPORT, { w: 'PROFILE', f, d: 'RAG' }), await analyst.ok<Export>(EXPORT, { w: 'FLOWS', f })]);
      truths.push(await analyst.ok<Profile>(PROFILE, { f, d: ['RAG'] }));
    }
    const truthOf = (v: number, period: string, col: number) => {
      const p = truths[v].victimProfile;
      return col < RAG_CATS.length ? (p.series[0].cells.find((c) => c.period === period && c.category === RAG_CATS[col])?.count.value ?? 0) : p.totals.find((x) => x.period === period)!.count.value;
    };
    const periods = exports[0][0].exportAnalytics.rows.map((r) => r[0]);
    let smallCorners = 0;
    periods.forEach((period, i) => {
      for (let col = 0; col <= RAG_CATS.length; col++) {
        const corner = signs.reduce((a, s, v) => a + s * truthOf(v, period, col), 0);
        // The same figure in the profile's column and, for the list total, the flows' "on the list" too: a reader takes it from either.
        const shownIn = (v: number) => {
          const cells = [exports[v][0].exportAnalytics.rows[i][col + 1]];
          if (col === RAG_CATS.length) cells.push(exports[v][1].exportAnalytics.rows[i][exports[v][1].exportAnalytics.header.indexOf('On the list at month end')]);
          return cells.find((c) => c !== 'c') ?? null;
        };
        const published = views.map((_, v) => shownIn(v));
        published.forEach((x, v) => x !== null && expect([period, col, v, Number(x)]).toEqual([period, col, v, truthOf(v, period, col)]));
        if (!isSmall(corner)) continue;
        smallCorners++;
        // Not all four are published where the corner is 1 to 5 (and a published zero in the combined view changes nothing: the corner needs all four).
        expect([period, col, published.every((x) => x !== null)]).toEqual([period, col, false]);
      }
    });
    // The three boys are the corner on the list every month.
    periods.forEach((period) => expect(signs.reduce((a, s, v) => a + s * truthOf(v, period, RAG_CATS.length), 0)).toBe(3));
    expect(smallCorners).toBeGreaterThanOrEqual(periods.length);
    // The views that drop a filter still show their large counts.
    for (const v of [0, 1]) expect(exports[v][0].exportAnalytics.rows.flat().filter((x) => x !== 'c' && Number(x) > SUPPRESS_UP_TO).length).toBeGreaterThan(0);
  });
});
