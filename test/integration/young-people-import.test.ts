import { YOUNG_PERSON_IMPORT_COLUMNS } from '@mase/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YoungPeopleImportService } from '../../server/src/modules/imports/young-people-import.service.js';
import { codeOf, type GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let coordinator: GqlClient;
beforeAll(async () => {
  t = await startTestApp();
  coordinator = await t.as('COORDINATOR');
});
afterAll(async () => {
  await t.close();
});

const PREVIEW = `mutation($csv: String!, $m: [ColumnMappingInput!]) { previewYoungPeopleImport(csv: $csv, mapping: $m) {
  headers mapping { key header } total creates updates errors fileErrors rows { line reference outcome errors { column message } } } }`;
const START = `mutation($csv: String!, $m: [ColumnMappingInput!]!) { startYoungPeopleImport(csv: $csv, mapping: $m) { id status total } }`;
const JOB = `query($id: ID!) { importJob(id: $id) { status total processed created updated message } }`;

type Preview = {
  headers: string[];
  mapping: { key: string; header: string }[];
  total: number;
  creates: number;
  updates: number;
  errors: number;
  fileErrors: string[];
  rows: { line: number; reference: string; outcome: string; errors: { column: string; message: string }[] }[];
};

// A case-management export: its own header names, UK dates, labels instead of codes.
const HEADER = 'MOSAIC ID,Forename,Surname,DOB,Sex,Ethnic Group,Legal Status,Education,Presentation,Placement,Placement borough';
const row = (ref: string, first: string, dob: string, extra = '') =>
  `${ref},${first},Importer,${dob},Female,White: Irish,CHILD_IN_NEED,persistent absence,BOTH,HOME_BOROUGH,${extra}`;

async function waitForJob(id: string): Promise<{ status: string; created: number; updated: number; processed: number; total: number; message: string }> {
  const service = t.app.get(YoungPeopleImportService);
  await service.running.get(id);
  return (await coordinator.ok<{ importJob: { status: string; created: number; updated: number; processed: number; total: number; message: string } }>(JOB, { id })).importJob;
}

describe('importing young people from a CSV export', () => {
  it('serves a template with every column to keepers only', async () => {
    const res = await fetch(`${t.baseUrl}/files/templates/young-people.csv`, { headers: { cookie: coordinator.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const [header] = (await res.text()).split('\r\n');
    expect(header.split(',')).toEqual(YOUNG_PERSON_IMPORT_COLUMNS.map((c) => c.label));
    expect((await fetch(`${t.baseUrl}/files/templates/young-people.csv`)).status).toBe(401);
    const analyst = await t.as('ANALYST');
    expect((await fetch(`${t.baseUrl}/files/templates/young-people.csv`, { headers: { cookie: analyst.cookie! } })).status).toBe(403);
  });

  it('suggests a mapping from the headers and shows every row’s outcome and errors by row and column, saving nothing', async () => {
    const csv = [HEADER, row('MOS-1', 'Ada', '14/02/2011'), row('MOS-2', 'Bea', '31/02/2011'), row('MOS-3', 'Cat', '2012-01-01').replace('Female', 'Robot'), row('MOS-1', 'Dee', '2010-01-01'), row('MOS-5', 'Eve', '2010-05-05').replace('HOME_BOROUGH', 'PLACED_OUT')].join('\n');
    const { previewYoungPeopleImport: p } = await coordinator.ok<{ previewYoungPeopleImport: Preview }>(PREVIEW, { csv, m: null });
    expect(Object.fromEntries(p.mapping.map((x) => [x.key, x.header]))).toMatchObject({ reference: 'MOSAIC ID', firstName: 'Forename', lastName: 'Surname', dateOfBirth: 'DOB', gender: 'Sex', ethnicity: 'Ethnic Group' });
    expect(p).toMatchObject({ total: 5, creates: 1, errors: 4, fileErrors: [] });
    expect(p.rows).toEqual([
      { line: 2, reference: 'MOS-1', outcome: 'CREATE', errors: [] },
      { line: 3, reference: null, outcome: 'ERROR', errors: [{ column: 'DOB', message: '"31/02/2011" is not a date (use yyyy-mm-dd or dd/mm/yyyy)' }] },
      { line: 4, reference: null, outcome: 'ERROR', errors: [{ column: 'Sex', message: expect.stringMatching(/^"Robot" is not one of: FEMALE/) }] },
      { line: 5, reference: 'MOS-1', outcome: 'ERROR', errors: [{ column: 'MOSAIC ID', message: 'Reference MOS-1 is also on line 2' }] },
      { line: 6, reference: null, outcome: 'ERROR', errors: [{ column: 'Placement borough', message: expect.stringMatching(/Placement borough is needed/) }] },
    ]);
    expect(await t.ds.query(`SELECT 1 FROM young_person`)).toHaveLength(0);
  });

  it('names problems with the file itself: ragged rows, bad quoting, no rows', async () => {
    const ragged = await coordinator.ok<{ previewYoungPeopleImport: Preview }>(PREVIEW, { csv: `${HEADER}\nMOS-9,Only,Three`, m: null });
    expect(ragged.previewYoungPeopleImport.fileErrors).toEqual([expect.stringMatching(/Line 2 has 3 values but the header has 11|not valid CSV/)]);
    const quotes = await coordinator.ok<{ previewYoungPeopleImport: Preview }>(PREVIEW, { csv: `${HEADER}\n"MOS-9,unterminated`, m: null });
    expect(quotes.previewYoungPeopleImport.fileErrors[0]).toMatch(/not valid CSV/);
    const empty = await coordinator.gql(START, { csv: HEADER, m: [{ key: 'reference', header: 'MOSAIC ID' }] });
    expect(empty.errors?.[0].extensions?.fields).toEqual([{ field: 'csv', message: 'The file has no rows' }]);
    const badMap = await coordinator.gql(PREVIEW, { csv: HEADER, m: [{ key: 'reference', header: 'No such column' }] });
    expect(badMap.errors?.[0].extensions?.fields).toEqual([{ field: 'mapping.header', message: 'The file has no column "No such column"' }]);
  });

  it('refuses to start a file with errors, and imports a clean one all at once, with progress and audit', async () => {
    const bad = [HEADER, row('MOS-10', 'Fay', '2011-01-01'), row('MOS-11', 'Gus', 'yesterday')].join('\n');
    const mapping = (await coordinator.ok<{ previewYoungPeopleImport: Preview }>(PREVIEW, { csv: bad, m: null })).previewYoungPeopleImport.mapping;
    const refused = await coordinator.gql(START, { csv: bad, m: mapping });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.fields?.[0].message).toMatch(/1 rows have errors/);
    expect(await t.ds.query(`SELECT 1 FROM young_person`)).toHaveLength(0);

    const rows = Array.from({ length: 1200 }, (_, i) => row(`MOS-${20000 + i}`, `Name${i}`, `2011-01-${String((i % 28) + 1).padStart(2, '0')}`));
    const good = [HEADER, ...rows].join('\n');
    const started = await coordinator.ok<{ startYoungPeopleImport: { id: string; status: string; total: number } }>(START, { csv: good, m: mapping });
    expect(started.startYoungPeopleImport).toMatchObject({ status: 'RUNNING', total: 1200 });
    const done = await waitForJob(started.startYoungPeopleImport.id);
    expect(done).toMatchObject({ status: 'DONE', created: 1200, updated: 0, processed: 1200, total: 1200 });
    const [{ n }]: { n: string }[] = await t.ds.query(`SELECT count(*) AS n FROM young_person WHERE last_name = 'Importer'`);
    expect(Number(n)).toBe(1200);
    const [{ pseudonyms }]: { pseudonyms: string }[] = await t.ds.query(`SELECT count(DISTINCT pseudonym) AS pseudonyms FROM young_person`);
    expect(Number(pseudonyms)).toBe(1200);
    const [event]: { details: { created: number; references: string[] } }[] = await t.ds.query(
      `SELECT details FROM audit_event WHERE action = 'young_person.imported' AND entity_id = $1`,
      [started.startYoungPeopleImport.id],
    );
    expect(event.details.created).toBe(1200);
    expect(event.details.references).toHaveLength(1200);
  });

  it('updates existing records by reference, and refuses a name and date of birth already recorded under another reference', async () => {
    const again = [HEADER, row('MOS-20000', 'Name0', '2011-01-01').replace('CHILD_IN_NEED', 'CHILD_PROTECTION'), row('MOS-99999', 'Name1', '2011-01-02')].join('\n');
    const { previewYoungPeopleImport: p } = await coordinator.ok<{ previewYoungPeopleImport: Preview }>(PREVIEW, { csv: again, m: null });
    expect(p.rows.map((r) => r.outcome)).toEqual(['UPDATE', 'ERROR']);
    expect(p.rows[1].errors[0].message).toBe('The same name and date of birth are already recorded under reference MOS-20001');
    const fixed = again.split('\n').slice(0, 2).join('\n');
    const started = await coordinator.ok<{ startYoungPeopleImport: { id: string } }>(START, { csv: fixed, m: p.mapping });
    expect(await waitForJob(started.startYoungPeopleImport.id)).toMatchObject({ status: 'DONE', created: 0, updated: 1 });
    const [yp]: { legal_status: string; version: number }[] = await t.ds.query(`SELECT legal_status, version FROM young_person WHERE reference = 'MOS-20000'`);
    expect(yp).toEqual({ legal_status: 'CHILD_PROTECTION', version: 2 });
  });

  it('saves nothing when the rows stop importing cleanly between the check and the commit', async () => {
    const csv = [HEADER, row('MOS-30001', 'Hal', '2012-02-02'), row('MOS-30002', 'Ivy', '2012-03-03')].join('\n');
    const { previewYoungPeopleImport: p } = await coordinator.ok<{ previewYoungPeopleImport: Preview }>(PREVIEW, { csv, m: null });
    // Someone records one of them while the import is queued behind this transaction's lock.
    const service = t.app.get(YoungPeopleImportService);
    let jobId = '';
    await t.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('young_person.create'))`);
      const started = await coordinator.ok<{ startYoungPeopleImport: { id: string } }>(START, { csv, m: p.mapping });
      jobId = started.startYoungPeopleImport.id;
      await m.query(
        `INSERT INTO young_person (pseudonym, reference, first_name, last_name, first_name_key, last_name_key, date_of_birth, gender, ethnicity, legal_status, education_status, presentation, version)
         VALUES ('YP-RACE0001', 'MOS-30002', 'Ivy', 'Importer', 'ivy', 'importer', '2012-03-03', 'FEMALE', 'WHITE_IRISH', 'CHILD_IN_NEED', 'PERSISTENT_ABSENCE', 'BOTH', 1)`,
      );
    });
    await service.running.get(jobId);
    const job = (await coordinator.ok<{ importJob: { status: string; message: string; processed: number } }>(JOB, { id: jobId })).importJob;
    expect(job.status).toBe('DONE'); // MOS-30002 now exists, so that row became an update: still clean.
    const csv2 = [HEADER, row('MOS-30003', 'Jo', '2012-04-04'), row('MOS-30004', 'Ivy', '2012-03-03')].join('\n');
    const p2 = (await coordinator.ok<{ previewYoungPeopleImport: Preview }>(PREVIEW, { csv: csv2, m: null })).previewYoungPeopleImport;
    expect(p2.errors).toBe(1);
    const before = await t.ds.query(`SELECT count(*) FROM young_person`);
    let job2 = '';
    await t.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('young_person.create'))`);
      const fine = [HEADER, row('MOS-30005', 'Kit', '2012-05-05'), row('MOS-30006', 'Lou', '2012-06-06')].join('\n');
      job2 = (await coordinator.ok<{ startYoungPeopleImport: { id: string } }>(START, { csv: fine, m: p2.mapping })).startYoungPeopleImport.id;
      await m.query(
        `INSERT INTO young_person (pseudonym, reference, first_name, last_name, first_name_key, last_name_key, date_of_birth, gender, ethnicity, legal_status, education_status, presentation, version)
         VALUES ('YP-RACE0002', 'MOS-OTHER', 'Lou', 'Importer', 'lou', 'importer', '2012-06-06', 'FEMALE', 'WHITE_IRISH', 'CHILD_IN_NEED', 'PERSISTENT_ABSENCE', 'BOTH', 1)`,
      );
    });
    await service.running.get(job2);
    const failed = (await coordinator.ok<{ importJob: { status: string; message: string } }>(JOB, { id: job2 })).importJob;
    expect(failed.status).toBe('FAILED');
    expect(failed.message).toMatch(/no longer import cleanly/);
    const after: { count: string }[] = await t.ds.query(`SELECT count(*) FROM young_person`);
    expect(Number(after[0].count)).toBe(Number((before as { count: string }[])[0].count) + 1); // only the racing insert
    expect(await t.ds.query(`SELECT 1 FROM young_person WHERE reference = 'MOS-30005'`)).toHaveLength(0);
  });
});
