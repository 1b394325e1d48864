import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let police: GqlClient;
let analyst: GqlClient;
beforeAll(async () => {
  // The demo borough's wards and places: hot spots are reported against them.
  t = await startTestApp({}, { cases: true });
  // Start from no reports: these tests count exactly what they record.
  await t.ds.query(`DELETE FROM hot_spot_report`);
  await t.ds.query(`DELETE FROM police_report`);
  police = await t.as('POLICE');
  analyst = await t.as('ANALYST');
});
afterAll(async () => {
  await t.close();
});

const RECORD = `mutation($i: HotSpotReportInput!) { recordHotSpotReport(input: $i) { id month sightings incidents riskLevel version } }`;
const MAP = `query($r: MonthRangeInput!) { hotSpotMap(range: $r) {
  wards { wardId code name sightings incidents locations }
  locations { locationId name wardId sightings incidents highestRisk months isNew persistent } } }`;

const month = (offset: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - offset);
  return d.toISOString().slice(0, 7);
};

async function places(): Promise<{ id: string; ward_id: string }[]> {
  return t.ds.query(`SELECT id, ward_id FROM location WHERE ward_id IS NOT NULL ORDER BY name LIMIT 3`);
}

describe('hot-spot reports', () => {
  it('refuses a future month, negative counts, an unknown location and a silent overwrite', async () => {
    const [p] = await places();
    const future = await police.gql(RECORD, { i: { locationId: p.id, month: month(-2), sightings: 1, incidents: 0, riskLevel: 'LOW' } });
    expect(future.errors?.[0].extensions?.fields).toEqual([{ field: 'month', message: 'The month must not be in the future' }]);
    const negative = await police.gql(RECORD, { i: { locationId: p.id, month: month(1), sightings: -1, incidents: 0, riskLevel: 'LOW' } });
    expect(negative.errors?.[0].extensions?.fields?.[0].field).toBe('sightings');
    const unknown = await police.gql(RECORD, { i: { locationId: '00000000-0000-4000-8000-000000000000', month: month(1), sightings: 1, incidents: 0, riskLevel: 'LOW' } });
    expect(unknown.errors?.[0].extensions?.fields?.[0].field).toBe('locationId');
    expect(await t.ds.query(`SELECT 1 FROM hot_spot_report`)).toHaveLength(0);

    const first = await police.ok<{ recordHotSpotReport: { version: number } }>(RECORD, { i: { locationId: p.id, month: month(1), sightings: 2, incidents: 1, riskLevel: 'MEDIUM' } });
    const again = await police.gql(RECORD, { i: { locationId: p.id, month: month(1), sightings: 9, incidents: 9, riskLevel: 'HIGH' } });
    expect(codeOf(again)).toBe('CONFLICT');
    const corrected = await police.ok<{ recordHotSpotReport: { incidents: number } }>(RECORD, {
      i: { locationId: p.id, month: month(1), sightings: 3, incidents: 2, riskLevel: 'HIGH', version: first.recordHotSpotReport.version },
    });
    expect(corrected.recordHotSpotReport.incidents).toBe(2);
    expect(codeOf(await analyst.gql(RECORD, { i: { locationId: p.id, month: month(2), sightings: 1, incidents: 1, riskLevel: 'LOW' } }))).toBe('FORBIDDEN');
  });

  it('totals the map per ward and per location in SQL, and marks new and persistent hot spots', async () => {
    const [p, q, r] = await places();
    for (const o of [1, 2, 3]) await police.ok(RECORD, { i: { locationId: q.id, month: month(o), sightings: 1, incidents: 2, riskLevel: 'LOW' } });
    await police.ok(RECORD, { i: { locationId: r.id, month: month(0), sightings: 4, incidents: 5, riskLevel: 'HIGH' } });
    type Map = { hotSpotMap: { wards: { wardId: string; incidents: number; sightings: number }[]; locations: { locationId: string; incidents: number; months: number; isNew: boolean; persistent: boolean; highestRisk: string }[] } };
    const all = await analyst.ok<Map>(MAP, { r: { from: month(12), to: month(0) } });
    const loc = (id: string) => all.hotSpotMap.locations.find((l) => l.locationId === id)!;
    expect(loc(p.id)).toMatchObject({ incidents: 2, months: 1, highestRisk: 'HIGH', isNew: false, persistent: false });
    expect(loc(q.id)).toMatchObject({ incidents: 6, months: 3, persistent: false });
    expect(loc(r.id)).toMatchObject({ incidents: 5, isNew: true });
    const upToLastMonth = await analyst.ok<Map>(MAP, { r: { from: month(12), to: month(1) } });
    expect(upToLastMonth.hotSpotMap.locations.find((l) => l.locationId === q.id)).toMatchObject({ persistent: true });
    // Every ward total equals a direct recount of the reports of the places in it.
    const recount: { ward_id: string; incidents: number }[] = await t.ds.query(
      `SELECT l.ward_id, sum(h.incidents)::int AS incidents FROM hot_spot_report h JOIN location l ON l.id = h.location_id GROUP BY l.ward_id`,
    );
    for (const w of recount) expect(all.hotSpotMap.wards.find((x) => x.wardId === w.ward_id)?.incidents).toBe(w.incidents);
    expect(all.hotSpotMap.wards).toHaveLength(12);
    const bad = await analyst.gql(MAP, { r: { from: month(0), to: month(3) } });
    expect(bad.errors?.[0].extensions?.fields).toEqual([{ field: 'range.to', message: 'The end month must not be before the start month' }]);
  });
});

describe('the police monthly report', () => {
  const REPORT = `mutation($i: PoliceReportInput!) { recordPoliceReport(input: $i) { month arrests version } }`;
  const figures = { openInvestigations: 4, arrests: 2, charges: 1, convictions: 0, cawns: 3, orders: 1, otherDisruptions: 2, narrative: 'Two premises visits.' };

  it('records one report a month, audited, readable by the panel and not by agency leads', async () => {
    const r = await police.ok<{ recordPoliceReport: { month: string; version: number } }>(REPORT, { i: { month: month(1), ...figures } });
    expect(r.recordPoliceReport.month).toBe(`${month(1)}-01`);
    expect(codeOf(await police.gql(REPORT, { i: { month: month(1), ...figures } }))).toBe('CONFLICT');
    const list = await analyst.ok<{ policeReports: { month: string; arrests: number }[] }>(`query($r: MonthRangeInput!) { policeReports(range: $r) { month arrests } }`, {
      r: { from: month(6), to: month(0) },
    });
    expect(list.policeReports).toEqual([{ month: `${month(1)}-01`, arrests: 2 }]);
    const lead = await t.as('AGENCY_LEAD');
    expect(codeOf(await lead.gql(`query($r: MonthRangeInput!) { policeReports(range: $r) { month } }`, { r: { from: month(6), to: month(0) } }))).toBe('FORBIDDEN');
    const events: unknown[] = await t.ds.query(`SELECT 1 FROM audit_event WHERE action = 'police_report.recorded'`);
    expect(events).toHaveLength(1);
  });
});
