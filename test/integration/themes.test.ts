import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jstat from 'jstat';
import { type GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const { jStat } = jstat;
const THEMES = `query($p: String!) { themes(period: $p) { period method themes { kind title detail observed expected pValue test link { kind dimension category measure locationId } } } }`;
type Theme = { kind: string; title: string; observed: number; expected: number | null; pValue: number | null; test: string; link: { kind: string; dimension: string | null; category: string | null; measure: string | null; locationId: string | null } };

let t: TestApp;
let analyst: GqlClient;
const monthStart = (back: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));
};
const iso = (d: Date) => d.toISOString().slice(0, 10);
const period = monthStart(1).toISOString().slice(0, 7);
let placeId: string;

/**
 * A constructed borough: one missing episode a month for six months, then fourteen in the month
 * looked at; a place first reported that month; eight screenings recording online exploitation,
 * every one after a missing episode, among twenty; and, in the month looked at, five screenings
 * recording county lines and being passed between several adults, neither seen in the six months before.
 */
beforeAll(async () => {
  t = await startTestApp();
  analyst = await t.as('ANALYST');
  const [{ id: user }]: { id: string }[] = await t.ds.query(`SELECT id FROM app_user WHERE role = 'COORDINATOR'`);
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) {
    const [{ id }]: { id: string }[] = await t.ds.query(
      `INSERT INTO young_person (pseudonym, reference, first_name, last_name, first_name_key, last_name_key, date_of_birth, gender, ethnicity, legal_status, education_status, presentation, created_by, version)
       VALUES ($1, $2, 'Test', $3, 'test', $4, '2011-01-01', 'FEMALE', 'WHITE_BRITISH', 'CHILD_IN_NEED', 'IN_EDUCATION', 'CSE', $5, 1) RETURNING id`,
      [`YP-THM${String(i).padStart(5, '0')}`, `THM-${i}`, `Person${i}`, `person${i}`, user],
    );
    ids.push(id);
  }
  const episode = (yp: string, at: Date) => t.ds.query(`INSERT INTO missing_episode (young_person_id, started_at, reported_by, return_interview_offered, return_interview_done, created_by, version) VALUES ($1, $2, 'POLICE', false, false, $3, 1)`, [yp, at, user]);
  for (let back = 2; back <= 7; back++) await episode(ids[back], new Date(monthStart(back).getTime() + 5 * 86_400_000));
  for (let i = 0; i < 14; i++) await episode(ids[i], new Date(monthStart(1).getTime() + (i + 1) * 86_400_000));
  // Screenings 9–10 months back, outside the six months the counts are compared with.
  for (let i = 0; i < 20; i++) {
    const assessed = new Date(monthStart(10).getTime() + (i + 1) * 86_400_000);
    if (i < 8) await episode(ids[i], new Date(assessed.getTime() - 20 * 86_400_000));
    await t.ds.query(
      `INSERT INTO risk_assessment (young_person_id, assessed_on, assessor_id, answers, models, computed_score, final_score, rag, status, next_review_on, version)
       VALUES ($1, $2, $3, '{}'::jsonb, $4, 1, 1, 'GREEN', 'FINAL', $5, 1)`,
      [ids[i], iso(assessed), user, i < 8 ? ['ONLINE'] : ['PEER_ON_PEER'], iso(new Date(assessed.getTime() + 90 * 86_400_000))],
    );
  }
  // Five review screenings in the month looked at (of young people with no missing episodes), recording a model and an indicator new to the borough.
  for (let i = 15; i < 20; i++) {
    const assessed = new Date(monthStart(1).getTime() + (i + 2) * 86_400_000);
    await t.ds.query(
      `INSERT INTO risk_assessment (young_person_id, assessed_on, assessor_id, answers, models, computed_score, final_score, rag, status, next_review_on, version)
       VALUES ($1, $2, $3, '{"sg_multiple_perpetrators": {"answer": "PRESENT"}}'::jsonb, '{COUNTY_LINES}', 1, 1, 'GREEN', 'FINAL', $4, 1)`,
      [ids[i], iso(assessed), user, iso(new Date(assessed.getTime() + 90 * 86_400_000))],
    );
  }
  [{ id: placeId }] = await t.ds.query(`INSERT INTO location (name, type, version) VALUES ('Arcade Corner', 'OTHER', 1) RETURNING id`);
  await t.ds.query(`INSERT INTO hot_spot_report (location_id, month, sightings, incidents, risk_level, version) VALUES ($1, $2, 5, 3, 'HIGH', 1)`, [placeId, iso(monthStart(1))]);
});
afterAll(async () => {
  await t?.close();
});

describe('the month’s themes', () => {
  it('names a count that rose beyond noise, with its Poisson test', async () => {
    const r = await analyst.ok<{ themes: { method: string; themes: Theme[] } }>(THEMES, { p: period });
    const missing = r.themes.themes.find((x) => x.kind === 'CHANGE' && x.link.measure === 'missingEpisodes')!;
    expect(missing).toMatchObject({ observed: 14, expected: 1, title: 'Missing episodes started: up to 14' });
    expect(missing.pValue).toBeCloseTo(1 - jStat.poisson.cdf(13, 1), 12);
    expect(missing.test).toMatch(/Poisson/);
    expect(r.themes.method).toMatch(/Poisson.*Fisher/);
    // A quiet measure is not a theme.
    expect(r.themes.themes.some((x) => x.link.measure === 'closed')).toBe(false);
  });

  it('flags a new hot spot, linked to its place', async () => {
    const r = await analyst.ok<{ themes: { themes: Theme[] } }>(THEMES, { p: period });
    expect(r.themes.themes.find((x) => x.kind === 'NEW_HOT_SPOT')).toMatchObject({ title: 'New hot spot: Arcade Corner', observed: 3, link: { kind: 'PLACE', locationId: placeId } });
  });

  it('finds a model that goes with going missing more than chance, with Fisher’s exact test', async () => {
    const r = await analyst.ok<{ themes: { themes: Theme[] } }>(THEMES, { p: period });
    const co = r.themes.themes.find((x) => x.kind === 'CO_OCCURRENCE')!;
    expect(co).toMatchObject({ observed: 8, link: { kind: 'DIMENSION', dimension: 'MODEL', category: 'ONLINE' } });
    // 8 of 25 screenings followed an episode, and the 8 recording online exploitation are those 8.
    expect(co.expected).toBeCloseTo((8 * 8) / 25, 10);
    expect(co.pValue).toBeCloseTo(1 - jStat.hypgeom.cdf(7, 25, 8, 8), 12);
    expect(r.themes.themes.some((x) => x.kind === 'CO_OCCURRENCE' && ['PEER_ON_PEER', 'COUNTY_LINES'].includes(x.link.category ?? ''))).toBe(false);
  });

  it('names a model and an indicator emerging this month, with their Poisson test and a link to the profile', async () => {
    const r = await analyst.ok<{ themes: { themes: Theme[] } }>(THEMES, { p: period });
    const model = r.themes.themes.find((x) => x.kind === 'EMERGING_MODEL')!;
    // Five screenings this month against none in the six months before: tested against a floor of 0.5 a month.
    expect(model).toMatchObject({ title: 'Model emerging: County lines', observed: 5, expected: 0, link: { kind: 'DIMENSION', dimension: 'MODEL', category: 'COUNTY_LINES' } });
    expect(model.pValue).toBeCloseTo(1 - jStat.poisson.cdf(4, 0.5), 12);
    expect(model.test).toMatch(/Poisson/);
    const indicator = r.themes.themes.find((x) => x.kind === 'EMERGING_INDICATOR')!;
    expect(indicator).toMatchObject({ observed: 5, expected: 0, link: { kind: 'DIMENSION', dimension: 'SAFEGUARD_AREA', category: 'R' } });
    expect(indicator.title).toBe('Indicator emerging: Passed between several adults or taken to parties or other areas');
    // Online exploitation, recorded ten months back and not since, is not emerging; nor is anything in a month with too few screenings.
    expect(r.themes.themes.some((x) => x.kind === 'EMERGING_MODEL' && x.link.category === 'ONLINE')).toBe(false);
    const earlier = await analyst.ok<{ themes: { themes: Theme[] } }>(THEMES, { p: monthStart(2).toISOString().slice(0, 7) });
    expect(earlier.themes.themes.filter((x) => x.kind === 'EMERGING_MODEL' || x.kind === 'EMERGING_INDICATOR')).toEqual([]);
  });
});
