import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDay, readYoungPersonRow, suggestMapping, YOUNG_PERSON_IMPORT_COLUMNS, youngPeopleCsvTemplate } from './young-people-csv.js';

describe('the young-people CSV columns', () => {
  it('are all documented in the README', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const c of YOUNG_PERSON_IMPORT_COLUMNS) expect(readme).toContain(`| ${c.label} | ${c.required ? 'yes' : ''} |`);
  });

  it('make a template whose example row reads back without problems', () => {
    const [header, example] = youngPeopleCsvTemplate().trim().split('\r\n').map((l) => l.split(','));
    const record = Object.fromEntries(header.map((h, i) => [h, example[i]]));
    const r = readYoungPersonRow(record, suggestMapping(header), '2026-11-25');
    expect(r.problems).toEqual([]);
    expect(r.value).toMatchObject({ reference: 'MOS-123456', dateOfBirth: '2011-03-27', gender: 'FEMALE', placementType: 'HOME_BOROUGH' });
  });
});

describe('parseDay', () => {
  it.each([
    ['2011-03-27', '2011-03-27'],
    ['27/03/2011', '2011-03-27'],
    ['7/3/2011', '2011-03-07'],
    ['31/02/2011', null],
    ['2011-13-01', null],
    ['03/27/2011', null],
    ['yesterday', null],
  ])('%s → %s', (raw, day) => {
    expect(parseDay(raw)).toBe(day);
  });
});

describe('readYoungPersonRow', () => {
  const mapping = suggestMapping(['Reference', 'First name', 'Last name', 'Date of birth', 'Gender', 'Ethnicity', 'Legal status', 'Education status', 'Presentation']);
  const base = {
    Reference: 'MOS-1',
    'First name': 'Ada',
    'Last name': 'Sample',
    'Date of birth': '2011-01-01',
    Gender: 'female',
    Ethnicity: 'White: Irish',
    'Legal status': 'child in need',
    'Education status': 'PERSISTENT_ABSENCE',
    Presentation: 'cse',
  };

  it('accepts codes or labels in any case', () => {
    expect(readYoungPersonRow(base, mapping, '2026-11-25').value).toMatchObject({ gender: 'FEMALE', ethnicity: 'WHITE_IRISH', legalStatus: 'CHILD_IN_NEED', presentation: 'CSE' });
  });

  it('names every problem by the CSV column it came from', () => {
    const r = readYoungPersonRow({ ...base, 'First name': ' ', Gender: 'robot', 'Date of birth': '2030-01-01' }, mapping, '2026-11-25');
    expect(r.value).toBeNull();
    expect(r.problems).toEqual([
      { column: 'First name', message: 'First name is missing' },
      { column: 'Date of birth', message: 'Date of birth must be in the past' },
      { column: 'Gender', message: expect.stringMatching(/^"robot" is not one of/) },
    ]);
  });

  it('says when a required column is not mapped at all', () => {
    const { reference: _, ...withoutReference } = mapping;
    const r = readYoungPersonRow(base, withoutReference, '2026-11-25');
    expect(r.problems).toEqual([{ column: 'Reference', message: 'No column is mapped to Reference' }]);
  });
});
