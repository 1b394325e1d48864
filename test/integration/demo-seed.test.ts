import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../server/src/modules/audit/audit.service.js';
import { seedDemo } from '../../server/src/modules/demo/demo-seed.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { cases: true });
});
afterAll(async () => {
  await t.close();
});

const one = async <T>(sql: string): Promise<T> => {
  const rows: T[] = await t.ds.query(sql);
  return rows[0];
};

describe('the demo borough', () => {
  it('has a plausible MASE list: 70–140 on it today, two thirds girls, most aged 10 or over', async () => {
    const s = await one<{ on_list: string; girls: string; total: string; ten_plus: string; absent: string }>(`
      SELECT (SELECT count(*) FROM list_membership WHERE ended_on IS NULL) AS on_list,
             count(*) FILTER (WHERE gender = 'FEMALE') AS girls, count(*) AS total,
             count(*) FILTER (WHERE date_part('year', age(date_of_birth)) >= 10) AS ten_plus,
             count(*) FILTER (WHERE education_status = 'PERSISTENT_ABSENCE') AS absent
      FROM young_person`);
    const total = Number(s.total);
    expect(Number(s.on_list)).toBeGreaterThanOrEqual(70);
    expect(Number(s.on_list)).toBeLessThanOrEqual(140);
    expect(Number(s.girls) / total).toBeGreaterThan(0.55);
    expect(Number(s.girls) / total).toBeLessThan(0.8);
    expect(Number(s.ten_plus) / total).toBeGreaterThan(0.7);
    expect(Number(s.absent) / total).toBeGreaterThan(0.5);
  });

  it('keeps the rules: two distinct sign-offs by others than the assessor, one open spell at most, overrides with reasons', async () => {
    const bad = await one<{ n: string }>(`
      SELECT count(*) AS n FROM risk_assessment
      WHERE status = 'FINAL' AND (line_manager_id IS NULL OR coordinator_id IS NULL OR line_manager_id = coordinator_id
             OR assessor_id IN (line_manager_id, coordinator_id))`);
    expect(Number(bad.n)).toBe(0);
    const overrides = await one<{ n: string; without_reason: string }>(`
      SELECT count(*) FILTER (WHERE final_score <> computed_score) AS n,
             count(*) FILTER (WHERE final_score <> computed_score AND override_reason IS NULL) AS without_reason FROM risk_assessment`);
    expect(Number(overrides.n)).toBeGreaterThan(0);
    expect(Number(overrides.without_reason)).toBe(0);
    const overlaps = await one<{ n: string }>(`
      SELECT count(*) AS n FROM list_membership a JOIN list_membership b
        ON a.young_person_id = b.young_person_id AND a.id < b.id
       AND daterange(a.started_on, a.ended_on) && daterange(b.started_on, b.ended_on)`);
    expect(Number(overlaps.n)).toBe(0);
    const pending = await one<{ n: string }>(`SELECT count(*) AS n FROM risk_assessment WHERE status = 'AWAITING_SIGN_OFF'`);
    expect(Number(pending.n)).toBeGreaterThan(0);
  });

  it('has missing episodes with the patterns that matter: weekend and school-day ones, some still open', async () => {
    const r = await one<{ n: string; weekend: string; school: string; open: string; bad: string }>(`
      SELECT count(*) AS n,
             count(*) FILTER (WHERE extract(isodow FROM started_at AT TIME ZONE 'Europe/London') IN (5, 6, 7)) AS weekend,
             count(*) FILTER (WHERE extract(hour FROM started_at AT TIME ZONE 'Europe/London') BETWEEN 9 AND 15) AS school,
             count(*) FILTER (WHERE ended_at IS NULL) AS open,
             count(*) FILTER (WHERE ended_at < started_at OR started_at > now()) AS bad
      FROM missing_episode`);
    expect(Number(r.n)).toBeGreaterThan(100);
    expect(Number(r.weekend)).toBeGreaterThan(0);
    expect(Number(r.school)).toBeGreaterThan(0);
    expect(Number(r.bad)).toBe(0);
  });

  it('has a median of about five factors present per screening', async () => {
    const r = await one<{ median: number }>(`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n)::float8 AS median FROM (
        SELECT (SELECT count(*) FROM jsonb_each(answers) e WHERE e.value->>'answer' = 'PRESENT') AS n FROM risk_assessment) x`);
    expect(r.median).toBeGreaterThanOrEqual(3);
    expect(r.median).toBeLessThanOrEqual(8);
  });

  it('is deterministic for a seed, idempotent, and audited', async () => {
    const refs = await t.ds.query(`SELECT reference, gender, date_of_birth::text FROM young_person ORDER BY reference`);
    const again = await startTestApp({}, { cases: true });
    try {
      expect(await again.ds.query(`SELECT reference, gender, date_of_birth::text FROM young_person ORDER BY reference`)).toEqual(refs);
      const second = await seedDemo(again.ds, { profile: 'demo', seed: 1 });
      expect(second).toMatchObject({ agencies: 0, users: 0, youngPeople: 0 });
      expect((await new AuditService(again.ds).verify()).ok).toBe(true);
    } finally {
      await again.close();
    }
  });
});

describe('the demo geography', () => {
  it('has twelve fictional wards that tile without overlaps, over open sea, and places inside them', async () => {
    const wards: { code: string; name: string }[] = await t.ds.query(`SELECT code, name FROM boundary WHERE kind = 'WARD' ORDER BY code`);
    expect(wards).toHaveLength(12);
    expect(wards.every((w) => w.code.startsWith('KGM-'))).toBe(true);
    const box: { min_lat: number; max_lat: number; min_lon: number; max_lon: number }[] = await t.ds.query(
      `SELECT min(min_lat) AS min_lat, max(max_lat) AS max_lat, min(min_lon) AS min_lon, max(max_lon) AS max_lon FROM boundary`,
    );
    // The southern North Sea, well away from any coast.
    expect(box[0].min_lat).toBeGreaterThan(54);
    expect(box[0].max_lon).toBeLessThan(2.5);
    expect(box[0].min_lon).toBeGreaterThan(2);
    const placed: { total: string; in_ward: string; online: string }[] = await t.ds.query(
      `SELECT count(*) AS total, count(ward_id) AS in_ward, count(*) FILTER (WHERE type = 'ONLINE_PLATFORM') AS online FROM location`,
    );
    expect(Number(placed[0].in_ward) + Number(placed[0].online)).toBe(Number(placed[0].total));
    expect(Number(placed[0].total)).toBeGreaterThan(20);
  });
});

describe('the demo intelligence', () => {
  it('has a network with at least one complex-abuse group, shown to the analyst by pseudonym only', async () => {
    const analyst = await t.as('ANALYST');
    const r = await analyst.ok<{ complexAbuseGroups: { reasons: string[]; members: { kind: string; label: string }[] }[] }>(
      `{ complexAbuseGroups { reasons members { kind label } } }`,
    );
    expect(r.complexAbuseGroups.length).toBeGreaterThanOrEqual(1);
    const names: { first_name: string; last_name: string }[] = await t.ds.query(`SELECT first_name, last_name FROM young_person`);
    const youngLabels = r.complexAbuseGroups.flatMap((g) => g.members.filter((x) => x.kind === 'YOUNG_PERSON').map((x) => x.label));
    expect(youngLabels.length).toBeGreaterThanOrEqual(3);
    for (const label of youngLabels) expect(label).toMatch(/^YP-[A-Z2-9]{8}$/);
    expect(names.some((n) => youngLabels.includes(`${n.first_name} ${n.last_name}`))).toBe(false);
  });

  it('has a dozen hot spots on the map, persistent ones, a new one, and monthly police figures', async () => {
    const analyst = await t.as('ANALYST');
    const to = new Date().toISOString().slice(0, 7);
    const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 7);
    const r = await analyst.ok<{ hotSpotMap: { locations: { isNew: boolean; persistent: boolean }[] }; policeReports: unknown[] }>(
      `query($r: MonthRangeInput!) { hotSpotMap(range: $r) { locations { isNew persistent } } policeReports(range: $r) { month } }`,
      { r: { from, to } },
    );
    expect(r.hotSpotMap.locations.length).toBeGreaterThanOrEqual(12);
    expect(r.hotSpotMap.locations.filter((l) => l.persistent).length).toBeGreaterThanOrEqual(3);
    expect(r.hotSpotMap.locations.some((l) => l.isNew)).toBe(true);
    expect(r.policeReports.length).toBeGreaterThanOrEqual(11);
  });

  it('has two years of returns from every agency: a few late, two missing, one returned, last month awaiting review, and a child to screen', async () => {
    const agencies = Number((await one<{ n: string }>(`SELECT count(*) AS n FROM agency`)).n);
    const s = await one<{ total: string; late: string; returned: string; awaiting: string; months: string; versions: string }>(`
      SELECT count(*) AS total, count(*) FILTER (WHERE late) AS late, count(*) FILTER (WHERE status = 'RETURNED') AS returned,
             count(*) FILTER (WHERE status = 'SUBMITTED') AS awaiting, count(DISTINCT period) AS months,
             (SELECT count(*) FROM agency_return_version) AS versions
      FROM agency_return`);
    expect(Number(s.months)).toBe(24);
    expect(Number(s.total)).toBe(agencies * 24 - 2);
    expect(Number(s.versions)).toBe(Number(s.total));
    expect(Number(s.returned)).toBe(1);
    expect(Number(s.late) / Number(s.total)).toBeGreaterThan(0.02);
    expect(Number(s.late) / Number(s.total)).toBeLessThan(0.2);
    const lastMonth = await one<{ n: string }>(`SELECT count(*) AS n FROM agency_return WHERE period = (SELECT max(period) FROM agency_return)`);
    expect(Number(s.awaiting)).toBe(Number(lastMonth.n) - 1); // all of last month's but the one returned
    // Figures match what each return holds, and sit in plausible ranges.
    const mismatch = await one<{ n: string }>(`
      SELECT count(*) AS n FROM agency_return r, jsonb_array_elements(r.content->'measures') m
      WHERE NOT EXISTS (SELECT 1 FROM agency_return_figure f WHERE f.return_id = r.id AND f.measure = m->>'key' AND f.value = (m->>'value')::int)`);
    expect(Number(mismatch.n)).toBe(0);
    expect(Number((await one<{ n: string }>(`SELECT max(value) AS n FROM agency_return_figure`)).n)).toBeLessThanOrEqual(80);
    const flagged = await one<{ n: string }>(`SELECT count(*) AS n FROM agency_return_young_person WHERE reference = 'HLTH-90417' AND young_person_id IS NULL`);
    expect(Number(flagged.n)).toBe(1);
  });

  it('has the panel’s recent meetings, made by the product: agendas issued, decisions, actions, minutes approved but the latest, and the next one planned', async () => {
    const rows: { status: string; items: string; decisions: string; open: string }[] = await t.ds.query(`
      SELECT m.status, (SELECT count(*) FROM agenda_item i WHERE i.meeting_id = m.id) AS items,
             (SELECT count(*) FROM meeting_decision d WHERE d.meeting_id = m.id) AS decisions,
             (SELECT count(*) FROM meeting_action a WHERE a.meeting_id = m.id AND a.status IN ('OPEN', 'IN_PROGRESS')) AS open
      FROM meeting m ORDER BY m.date`);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const past = rows.filter((r) => r.status !== 'PLANNED');
    expect(past.slice(0, -1).every((r) => r.status === 'MINUTES_APPROVED')).toBe(true);
    expect(past[past.length - 1].status).toBe('HELD');
    expect(rows[rows.length - 1].status).toBe('PLANNED');
    expect(past.every((r) => Number(r.items) >= 17)).toBe(true);
    expect(past.some((r) => Number(r.decisions) > 0)).toBe(true);
    expect(past.slice(-2).every((r) => Number(r.open) === 2)).toBe(true);
    expect(past.slice(0, -2).every((r) => Number(r.open) === 0)).toBe(true);
    const names: { first_name: string; last_name: string }[] = await t.ds.query(`SELECT first_name, last_name FROM young_person`);
    const agendas = JSON.stringify(await t.ds.query(`SELECT entries FROM agenda_item`));
    expect(names.some((n) => agendas.includes(`${n.first_name} ${n.last_name}`))).toBe(false);
  });
});
