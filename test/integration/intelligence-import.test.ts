import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PREVIEW_LINKS = `mutation($csv: String!) { previewLinksImport(csv: $csv) { total creates updates errors fileErrors rows { line reference outcome errors { column message } } } }`;
const IMPORT_LINKS = `mutation($csv: String!) { importLinks(csv: $csv) { rows created updated message } }`;
const PREVIEW_HOT = `mutation($csv: String!) { previewHotSpotReportsImport(csv: $csv) { total creates updates errors fileErrors rows { line reference outcome errors { column message } } } }`;
const IMPORT_HOT = `mutation($csv: String!) { importHotSpotReports(csv: $csv) { rows created updated message } }`;

type Preview = { total: number; creates: number; updates: number; errors: number; fileErrors: string[]; rows: { line: number; reference: string | null; outcome: string; errors: { column: string; message: string }[] }[] };

let t: TestApp;
let police: GqlClient;
let analyst: GqlClient;
let agencyName: string;
const LINK_HEADER = 'From type,From,To type,To,Link type,Source agency,First seen,Last seen,Source grade,Intelligence grade,Handling';
const HOT_HEADER = 'Place,Month,Sightings,Incidents,Risk level,Notes';

const count = async (sql: string) => ((await t.ds.query<{ n: number }[]>(sql)))[0].n;
const thisMonth = new Date().toISOString().slice(0, 7);
const lastMonth = (() => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
})();

beforeAll(async () => {
  t = await startTestApp();
  [police, analyst] = await Promise.all([t.as('POLICE'), t.as('ANALYST')]);
  agencyName = ((await t.ds.query<{ name: string }[]>(`SELECT name FROM agency WHERE kind = 'POLICE' ORDER BY name LIMIT 1`)))[0].name;
  const [{ id: creator }]: { id: string }[] = await t.ds.query(`SELECT id FROM app_user WHERE role = 'POLICE' LIMIT 1`);
  await t.ds.query(
    `INSERT INTO young_person (pseudonym, reference, first_name, last_name, first_name_key, last_name_key, date_of_birth, gender, ethnicity, legal_status, education_status, presentation, created_by, version)
     VALUES ('YP-IMPAAAA1', 'MOS-IMP-1', 'Ava', 'Sample', 'ava', 'sample', '2010-02-03', 'FEMALE', 'WHITE_BRITISH', 'CHILD_IN_NEED', 'PERSISTENT_ABSENCE', 'BOTH', $1, 1),
            ('YP-IMPAAAA2', 'MOS-IMP-2', 'Bea', 'Sample', 'bea', 'sample', '2010-04-05', 'FEMALE', 'WHITE_BRITISH', 'CHILD_IN_NEED', 'PERSISTENT_ABSENCE', 'BOTH', $1, 1)`,
    [creator],
  );
  await t.ds.query(
    `INSERT INTO person_of_concern (police_reference, first_name, last_name, approximate_age, gender, category, status, version)
     VALUES ('KM-T1', 'Dean', 'Testman', 30, 'MALE', 'SUSPECTED_PERPETRATOR', 'INTELLIGENCE_ONLY', 1)`,
  );
  await t.ds.query(
    `INSERT INTO location (name, type, version) VALUES ('Quay Chicken', 'FAST_FOOD_OUTLET', 1), ('Twin Name', 'PARK', 1), ('Twin Name', 'PARK', 1), ('Old Pier', 'OTHER', 1)`,
  );
});
afterAll(async () => {
  await t?.close();
});

const linkRow = (from: string, to: string, over: Partial<Record<string, string>> = {}) => {
  const r = { ft: 'Person of concern', f: from, tt: 'Young person', t: to, type: 'SUSPECTED_OF_EXPLOITING', agency: agencyName, first: '2026-01-05', last: '2026-02-10', sg: '2', ig: 'B', h: 'P', ...over };
  const quote = (v: string) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [r.ft, r.f, r.tt, r.t, r.type, r.agency, r.first, r.last, r.sg, r.ig, r.h].map(quote).join(',');
};

describe('links CSV import', () => {
  it('previews row by row, naming each problem by column, and saves nothing', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM link`);
    const csv = [
      LINK_HEADER,
      linkRow('km-t1', 'MOS-IMP-1'),
      linkRow('KM-T1', 'MOS-NOPE'),
      linkRow('KM-T1', 'Twin Name', { tt: 'Place', type: 'frequents' }),
      linkRow('KM-T1', 'KM-T1', { tt: 'Person of concern', type: 'ASSOCIATE' }),
      linkRow('KM-T1', 'MOS-IMP-2', { first: '2026-03-01', last: '2026-02-01', sg: '4', ig: 'F', h: 'X', agency: 'Nobody' }),
      linkRow('KM-T1', 'MOS-IMP-2', { type: 'cousin', ft: 'Alien' }),
    ].join('\n');
    const { previewLinksImport: p } = await police.ok<{ previewLinksImport: Preview }>(PREVIEW_LINKS, { csv });
    expect(p.total).toBe(6);
    expect(p.creates).toBe(1);
    expect(p.errors).toBe(5);
    expect(p.rows[0]).toMatchObject({ line: 2, outcome: 'CREATE', reference: 'km-t1 → MOS-IMP-1' });
    expect(p.rows[1].errors).toEqual([{ column: 'To', message: 'No young person with MASE reference "MOS-NOPE" is recorded' }]);
    expect(p.rows[2].errors[0].message).toBe('2 places are called "Twin Name": rename one before importing');
    expect(p.rows[3].errors[0].message).toMatch(/links a record to itself/);
    expect(p.rows[4].errors.map((e) => e.column).sort()).toEqual(['Handling', 'Intelligence grade', 'Last seen', 'Source grade']);
    expect(p.rows[5].errors.map((e) => e.column).sort()).toEqual(['From type', 'Link type']);
    expect(await count(`SELECT count(*)::int AS n FROM link`)).toBe(before);
  });

  it('refuses the whole file when any row has an error: nothing half-saved', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM link`);
    const csv = [LINK_HEADER, linkRow('KM-T1', 'MOS-IMP-1'), linkRow('KM-T1', 'MOS-NOPE')].join('\n');
    const res = await police.gql(IMPORT_LINKS, { csv });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toBe('Nothing was imported');
    expect(res.errors?.[0].extensions?.fields).toEqual([{ field: 'csv', message: '1 rows have errors: fix them and check the file again' }]);
    expect(await count(`SELECT count(*)::int AS n FROM link`)).toBe(before);
  });

  it('imports a clean file at once, merging duplicates (in the file or already recorded) with their grading history, and audits it', async () => {
    const csv = [
      LINK_HEADER,
      linkRow('KM-T1', 'MOS-IMP-1'),
      linkRow('KM-T1', 'Quay Chicken', { tt: 'Place', type: 'Frequents' }),
      linkRow('MOS-IMP-1', 'KM-T1', { ft: 'Young person', tt: 'POC', first: '2025-11-01', last: '2026-03-01', ig: 'A', h: 'C' }),
      linkRow('MOS-IMP-1', 'MOS-IMP-2', { ft: 'young person', type: 'peer' }),
    ].join('\r\n');
    const { previewLinksImport: p } = await police.ok<{ previewLinksImport: Preview }>(PREVIEW_LINKS, { csv });
    expect(p.rows.map((r) => r.outcome)).toEqual(['CREATE', 'CREATE', 'UPDATE', 'CREATE']);
    const { importLinks: r } = await police.ok<{ importLinks: { rows: number; created: number; updated: number } }>(IMPORT_LINKS, { csv });
    expect(r).toMatchObject({ rows: 4, created: 3, updated: 1 });
    const [merged]: { first_seen: string; last_seen: string; handling: string; gradings: number }[] = await t.ds.query(
      `SELECT l.first_seen::text, l.last_seen::text, l.handling, (SELECT count(*)::int FROM link_grading g WHERE g.link_id = l.id) AS gradings
       FROM link l JOIN person_of_concern p ON p.id IN (l.a_id, l.b_id) WHERE p.police_reference = 'KM-T1' AND l.type = 'SUSPECTED_OF_EXPLOITING'`,
    );
    expect(merged).toEqual({ first_seen: '2025-11-01', last_seen: '2026-03-01', handling: 'C', gradings: 2 });
    const [audit]: { details: { rows: number; created: number; merged: number; linkIds: string[] } }[] = await t.ds.query(`SELECT details FROM audit_event WHERE action = 'link.imported'`);
    expect(audit.details).toMatchObject({ rows: 4, created: 3, merged: 1 });
    expect(audit.details.linkIds).toHaveLength(3);

    // The same file again: every row now merges into a link already recorded.
    const { previewLinksImport: again } = await police.ok<{ previewLinksImport: Preview }>(PREVIEW_LINKS, { csv });
    expect(again.rows.map((x) => x.outcome)).toEqual(['UPDATE', 'UPDATE', 'UPDATE', 'UPDATE']);
  });

  it('names file-level problems: missing columns, ragged rows, not CSV, too many rows', async () => {
    const missing = await police.ok<{ previewLinksImport: Preview }>(PREVIEW_LINKS, { csv: 'From type,From\nPlace,x\n' });
    expect(missing.previewLinksImport.fileErrors[0]).toMatch(/no column "To type", "To", "Link type"/);
    const ragged = await police.ok<{ previewLinksImport: Preview }>(PREVIEW_LINKS, { csv: `${LINK_HEADER}\nPlace,x\n` });
    expect(ragged.previewLinksImport.fileErrors).toEqual(['Line 2 has 2 values but the header has 11']);
    const bad = await police.ok<{ previewLinksImport: Preview }>(PREVIEW_LINKS, { csv: `${LINK_HEADER}\n"unterminated,x\n` });
    expect(bad.previewLinksImport.fileErrors[0]).toMatch(/not valid CSV/);
    const big = [LINK_HEADER, ...Array.from({ length: 5001 }, () => linkRow('KM-T1', 'MOS-IMP-1'))].join('\n');
    const tooMany = await police.ok<{ previewLinksImport: Preview }>(PREVIEW_LINKS, { csv: big });
    expect(tooMany.previewLinksImport.fileErrors).toEqual(['The file has 5001 rows; import at most 5000 at a time']);
    expect(tooMany.previewLinksImport.rows).toHaveLength(0);
  });

  it('is for the police only', async () => {
    const csv = [LINK_HEADER, linkRow('KM-T1', 'MOS-IMP-1')].join('\n');
    expect(codeOf(await analyst.gql(PREVIEW_LINKS, { csv }))).toBe('FORBIDDEN');
    expect(codeOf(await analyst.gql(IMPORT_LINKS, { csv }))).toBe('FORBIDDEN');
    const template = await fetch(`${t.baseUrl}/files/templates/links.csv`, { headers: { cookie: police.cookie! } });
    expect(template.status).toBe(200);
    expect((await template.text()).split('\r\n')[0]).toBe(LINK_HEADER);
    expect((await fetch(`${t.baseUrl}/files/templates/links.csv`, { headers: { cookie: analyst.cookie! } })).status).toBe(403);
  });
});

describe('hot-spot reports CSV import', () => {
  it('previews, refuses a file with errors, then imports, replacing a month already reported', async () => {
    await t.ds.query(
      `INSERT INTO hot_spot_report (location_id, month, sightings, incidents, risk_level, created_by, version)
       SELECT id, $1::date, 1, 0, 'LOW', NULL, 1 FROM location WHERE name = 'Old Pier'`,
      [`${lastMonth}-01`],
    );
    const future = (() => {
      const d = new Date();
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
    })();
    const bad = [HOT_HEADER, `Quay Chicken,${thisMonth},4,1,MEDIUM,`, `Quay Chicken,${thisMonth},2,0,LOW,dup`, `Nowhere,${future},-1,x,SEVERE,`, `Old Pier,2026-13,1,1,LOW,`].join('\n');
    const { previewHotSpotReportsImport: p } = await police.ok<{ previewHotSpotReportsImport: Preview }>(PREVIEW_HOT, { csv: bad });
    expect(p.rows[0].outcome).toBe('CREATE');
    expect(p.rows[1].errors).toEqual([{ column: 'Month', message: 'The same place and month are also on line 2' }]);
    expect(p.rows[2].errors.map((e) => e.column).sort()).toEqual(['Incidents', 'Month', 'Risk level', 'Sightings']);
    expect(p.rows[3].errors).toEqual([{ column: 'Month', message: '"2026-13" is not a month (use yyyy-mm)' }]);
    const refused = await police.gql(IMPORT_HOT, { csv: bad });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(await count(`SELECT count(*)::int AS n FROM hot_spot_report`)).toBe(1);

    const good = [HOT_HEADER, `Quay Chicken,${thisMonth},4,1,medium,"Groups after school, two cars"`, `old pier,${lastMonth},6,3,HIGH,`].join('\n');
    const { previewHotSpotReportsImport: ok } = await police.ok<{ previewHotSpotReportsImport: Preview }>(PREVIEW_HOT, { csv: good });
    expect(ok.rows.map((r) => r.outcome)).toEqual(['CREATE', 'UPDATE']);
    const { importHotSpotReports: r } = await police.ok<{ importHotSpotReports: { rows: number; created: number; updated: number } }>(IMPORT_HOT, { csv: good });
    expect(r).toEqual(expect.objectContaining({ rows: 2, created: 1, updated: 1 }));
    const rows: { name: string; sightings: number; incidents: number; risk_level: string; notes: string | null; version: number }[] = await t.ds.query(
      `SELECT l.name, h.sightings, h.incidents, h.risk_level, h.notes, h.version FROM hot_spot_report h JOIN location l ON l.id = h.location_id ORDER BY l.name`,
    );
    expect(rows).toEqual([
      { name: 'Old Pier', sightings: 6, incidents: 3, risk_level: 'HIGH', notes: null, version: 2 },
      { name: 'Quay Chicken', sightings: 4, incidents: 1, risk_level: 'MEDIUM', notes: 'Groups after school, two cars', version: 1 },
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'hot_spot_report.imported'`)).toBe(1);
  });
});
