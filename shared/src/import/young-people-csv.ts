import {
  EDUCATION_STATUS_LABELS,
  ETHNICITY_LABELS,
  GENDER_LABELS,
  LEGAL_STATUS_LABELS,
  PLACEMENT_TYPE_LABELS,
  PRESENTATION_LABELS,
  SEND_STATUS_LABELS,
  type EducationStatus,
  type Ethnicity,
  type Gender,
  type LegalStatus,
  type PlacementType,
  type Presentation,
  type SendStatus,
} from '../young-people.js';

/**
 * The columns of a young-people CSV import (an export from a case-management system). One list
 * drives the template, the column-mapping step, the validation and the documentation.
 */
export interface ImportColumn {
  key: YoungPersonImportKey;
  label: string;
  required: boolean;
  description: string;
  example: string;
  /** Header names commonly used for this column in case-management exports (lower-case). */
  aliases: string[];
}

export type YoungPersonImportKey =
  | 'reference'
  | 'firstName'
  | 'lastName'
  | 'dateOfBirth'
  | 'gender'
  | 'ethnicity'
  | 'legalStatus'
  | 'educationStatus'
  | 'presentation'
  | 'placementType'
  | 'placementBorough'
  | 'send'
  | 'school'
  | 'homeWard'
  | 'socialWorker'
  | 'team'
  | 'crisNumber'
  | 'firstLanguage'
  | 'nationality'
  | 'religion';

const codes = (labels: Record<string, string>) => Object.keys(labels).join(', ');

export const YOUNG_PERSON_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'reference', label: 'Reference', required: true, description: 'Case-management reference (e.g. MOSAIC id); matches an existing record to update it', example: 'MOS-123456', aliases: ['reference', 'mosaic id', 'mosaic', 'person id', 'case reference', 'id'] },
  { key: 'firstName', label: 'First name', required: true, description: 'Forename', example: 'Alex', aliases: ['first name', 'forename', 'given name', 'firstname'] },
  { key: 'lastName', label: 'Last name', required: true, description: 'Surname', example: 'Sample', aliases: ['last name', 'surname', 'family name', 'lastname'] },
  { key: 'dateOfBirth', label: 'Date of birth', required: true, description: 'yyyy-mm-dd or dd/mm/yyyy', example: '2011-03-27', aliases: ['date of birth', 'dob', 'birth date'] },
  { key: 'gender', label: 'Gender', required: true, description: `One of: ${codes(GENDER_LABELS)} (or the label)`, example: 'FEMALE', aliases: ['gender', 'sex'] },
  { key: 'ethnicity', label: 'Ethnicity', required: true, description: `ONS 2021 code: ${codes(ETHNICITY_LABELS)} (or the label)`, example: 'WHITE_BRITISH', aliases: ['ethnicity', 'ethnic group', 'ethnic origin'] },
  { key: 'legalStatus', label: 'Legal status', required: true, description: `One of: ${codes(LEGAL_STATUS_LABELS)}`, example: 'CHILD_IN_NEED', aliases: ['legal status', 'status', 'case status'] },
  { key: 'educationStatus', label: 'Education status', required: true, description: `One of: ${codes(EDUCATION_STATUS_LABELS)}`, example: 'PERSISTENT_ABSENCE', aliases: ['education status', 'education', 'school status'] },
  { key: 'presentation', label: 'Presentation', required: true, description: `One of: ${codes(PRESENTATION_LABELS)}`, example: 'BOTH', aliases: ['presentation', 'presenting issue'] },
  { key: 'placementType', label: 'Placement', required: false, description: `One of: ${codes(PLACEMENT_TYPE_LABELS)} (default HOME_BOROUGH)`, example: 'HOME_BOROUGH', aliases: ['placement', 'placement type'] },
  { key: 'placementBorough', label: 'Placement borough', required: false, description: 'Required when placed out of, or placed in, the borough', example: '', aliases: ['placement borough', 'placing authority', 'placed in'] },
  { key: 'send', label: 'SEND', required: false, description: `One of: ${codes(SEND_STATUS_LABELS)} (default NOT_KNOWN)`, example: 'SEN_SUPPORT', aliases: ['send', 'sen', 'sen status'] },
  { key: 'school', label: 'School', required: false, description: 'School or provision', example: 'Kingsmere Academy', aliases: ['school', 'school name', 'provision'] },
  { key: 'homeWard', label: 'Home ward', required: false, description: 'Ward of the home address', example: 'Brookside', aliases: ['ward', 'home ward'] },
  { key: 'socialWorker', label: 'Social worker', required: false, description: 'Allocated social worker', example: '', aliases: ['social worker', 'allocated worker', 'worker'] },
  { key: 'team', label: 'Team', required: false, description: 'Allocated team', example: 'Assessment Team 1', aliases: ['team', 'allocated team'] },
  { key: 'crisNumber', label: 'CRIS number', required: false, description: 'Police CSE CRIS number', example: '', aliases: ['cris', 'cris number', 'cris no'] },
  { key: 'firstLanguage', label: 'First language', required: false, description: 'First language', example: 'English', aliases: ['first language', 'language'] },
  { key: 'nationality', label: 'Nationality', required: false, description: 'Nationality', example: 'British', aliases: ['nationality'] },
  { key: 'religion', label: 'Religion', required: false, description: 'Religion', example: '', aliases: ['religion', 'faith'] },
];

/** The template: a header row and one example row. */
export function youngPeopleCsvTemplate(): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [YOUNG_PERSON_IMPORT_COLUMNS.map((c) => quote(c.label)), YOUNG_PERSON_IMPORT_COLUMNS.map((c) => quote(c.example))].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Suggests which CSV header feeds each column, by label or a common alias. */
export function suggestMapping(headers: readonly string[]): Partial<Record<YoungPersonImportKey, string>> {
  const out: Partial<Record<YoungPersonImportKey, string>> = {};
  for (const c of YOUNG_PERSON_IMPORT_COLUMNS) {
    const names = new Set([norm(c.label), norm(c.key), ...c.aliases.map(norm)]);
    const found = headers.find((h) => names.has(norm(h)));
    if (found !== undefined) out[c.key] = found;
  }
  return out;
}

export interface ImportedYoungPerson {
  reference: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  gender: Gender;
  ethnicity: Ethnicity;
  legalStatus: LegalStatus;
  educationStatus: EducationStatus;
  presentation: Presentation;
  placementType: PlacementType;
  placementBorough: string | null;
  send: SendStatus;
  school: string | null;
  homeWard: string | null;
  socialWorker: string | null;
  team: string | null;
  crisNumber: string | null;
  firstLanguage: string | null;
  nationality: string | null;
  religion: string | null;
}

export interface CellProblem {
  /** The CSV header the value came from (or the column's label when it is not mapped). */
  column: string;
  message: string;
}

function vocab<T extends string>(labels: Record<T, string>, raw: string): T | null {
  const v = raw.trim();
  if (!v) return null;
  const upper = v.toUpperCase().replace(/[\s-]+/g, '_');
  if (upper in labels) return upper as T;
  const byLabel = (Object.entries(labels) as [T, string][]).find(([, label]) => label.toLowerCase() === v.toLowerCase());
  return byLabel ? byLabel[0] : null;
}

/** yyyy-mm-dd or dd/mm/yyyy → yyyy-mm-dd, or null when it is not a real date. */
export function parseDay(raw: string): string | null {
  const v = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Turns one CSV record (header → value) into a young person, or says what is wrong, by column. */
export function readYoungPersonRow(
  record: Readonly<Record<string, string>>,
  mapping: Partial<Record<YoungPersonImportKey, string>>,
  today: string,
): { value: ImportedYoungPerson | null; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const cell = (key: YoungPersonImportKey) => {
    const header = mapping[key];
    return header === undefined ? '' : (record[header] ?? '').trim();
  };
  const where = (key: YoungPersonImportKey) => mapping[key] ?? YOUNG_PERSON_IMPORT_COLUMNS.find((c) => c.key === key)!.label;
  const text = (key: YoungPersonImportKey, max: number): string | null => {
    const v = cell(key);
    if (v.length > max) problems.push({ column: where(key), message: `Must be ${max} characters or fewer` });
    return v || null;
  };
  for (const c of YOUNG_PERSON_IMPORT_COLUMNS) {
    if (c.required && !cell(c.key)) problems.push({ column: where(c.key), message: mapping[c.key] ? `${c.label} is missing` : `No column is mapped to ${c.label}` });
  }
  const choose = <T extends string>(key: YoungPersonImportKey, labels: Record<T, string>, fallback: T | null): T | null => {
    const raw = cell(key);
    if (!raw) return fallback;
    const v = vocab(labels, raw);
    if (!v) problems.push({ column: where(key), message: `"${raw}" is not one of: ${Object.keys(labels).join(', ')}` });
    return v;
  };
  const dobRaw = cell('dateOfBirth');
  const dateOfBirth = dobRaw ? parseDay(dobRaw) : null;
  if (dobRaw && !dateOfBirth) problems.push({ column: where('dateOfBirth'), message: `"${dobRaw}" is not a date (use yyyy-mm-dd or dd/mm/yyyy)` });
  if (dateOfBirth && dateOfBirth > today) problems.push({ column: where('dateOfBirth'), message: 'Date of birth must be in the past' });
  const placementType = choose('placementType', PLACEMENT_TYPE_LABELS, 'HOME_BOROUGH');
  const placementBorough = text('placementBorough', 100);
  if (placementType && placementType !== 'HOME_BOROUGH' && !placementBorough) {
    problems.push({ column: where('placementBorough'), message: 'Placement borough is needed for a child placed out of or into the borough' });
  }
  const value = {
    reference: text('reference', 50) ?? '',
    firstName: text('firstName', 100) ?? '',
    lastName: text('lastName', 100) ?? '',
    dateOfBirth: dateOfBirth ?? '',
    gender: choose('gender', GENDER_LABELS, null),
    ethnicity: choose('ethnicity', ETHNICITY_LABELS, null),
    legalStatus: choose('legalStatus', LEGAL_STATUS_LABELS, null),
    educationStatus: choose('educationStatus', EDUCATION_STATUS_LABELS, null),
    presentation: choose('presentation', PRESENTATION_LABELS, null),
    placementType: placementType ?? 'HOME_BOROUGH',
    placementBorough: placementType === 'HOME_BOROUGH' ? null : placementBorough,
    send: choose('send', SEND_STATUS_LABELS, 'NOT_KNOWN') ?? 'NOT_KNOWN',
    school: text('school', 200),
    homeWard: text('homeWard', 100),
    socialWorker: text('socialWorker', 200),
    team: text('team', 200),
    crisNumber: text('crisNumber', 50),
    firstLanguage: text('firstLanguage', 100),
    nationality: text('nationality', 100),
    religion: text('religion', 100),
  };
  if (problems.length) return { value: null, problems };
  return { value: value as ImportedYoungPerson, problems };
}
