import { parseDay } from './import/young-people-csv.js';

/** The three kinds of node in the intelligence network. */
export const NODE_KINDS = ['YOUNG_PERSON', 'PERSON_OF_CONCERN', 'LOCATION'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const LINK_TYPES = ['PEER', 'ASSOCIATE', 'SEEN_WITH', 'SUSPECTED_OF_EXPLOITING', 'FREQUENTS', 'LIVES_AT', 'OTHER'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** 3x5x2 intelligence assessment: A (known to be true) to E (suspected to be false). */
export const INTELLIGENCE_GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type IntelligenceGrade = (typeof INTELLIGENCE_GRADES)[number];

/** 3x5x2 handling: P (lawful sharing permitted) or C (conditions apply). */
export const HANDLING_CODES = ['P', 'C'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * How a CSV names a node: a young person by their MASE reference, a person of concern by their
 * police reference, a place by its name.
 */
export const NODE_KIND_WORDS: Record<NodeKind, readonly string[]> = {
  YOUNG_PERSON: ['young person', 'yp', 'child'],
  PERSON_OF_CONCERN: ['person of concern', 'poc', 'perpetrator', 'suspect'],
  LOCATION: ['place', 'location'],
};

export interface IntelligenceImportColumn {
  label: string;
  required: boolean;
  description: string;
  example: string;
}

export const LINK_IMPORT_COLUMNS = [
  { label: 'From type', required: true, description: 'Young person, Person of concern or Place', example: 'Person of concern' },
  { label: 'From', required: true, description: 'The MASE reference of a young person, the police reference of a person of concern, or the name of a place', example: 'POC-0001' },
  { label: 'To type', required: true, description: 'Young person, Person of concern or Place', example: 'Place' },
  { label: 'To', required: true, description: 'As for From', example: 'Harbour Lane Chicken' },
  { label: 'Link type', required: true, description: `One of: ${LINK_TYPES.join(', ')} (or the words, e.g. "seen with")`, example: 'FREQUENTS' },
  { label: 'Source agency', required: true, description: 'The name of the agency the intelligence came from', example: 'Police' },
  { label: 'First seen', required: true, description: 'yyyy-mm-dd or dd/mm/yyyy', example: '2026-06-01' },
  { label: 'Last seen', required: true, description: 'On or after first seen, not in the future', example: '2026-09-14' },
  { label: 'Source grade', required: true, description: 'Source evaluation 1, 2 or 3', example: '2' },
  { label: 'Intelligence grade', required: true, description: 'A, B, C, D or E', example: 'B' },
  { label: 'Handling', required: true, description: 'P (sharing permitted) or C (conditions apply)', example: 'P' },
] as const satisfies readonly IntelligenceImportColumn[];

export const HOT_SPOT_IMPORT_COLUMNS = [
  { label: 'Place', required: true, description: 'The name of a recorded place', example: 'Harbour Lane Chicken' },
  { label: 'Month', required: true, description: 'yyyy-mm, not in the future', example: '2026-09' },
  { label: 'Sightings', required: true, description: 'A whole number, 0 or more', example: '4' },
  { label: 'Incidents', required: true, description: 'A whole number, 0 or more', example: '1' },
  { label: 'Risk level', required: true, description: 'LOW, MEDIUM or HIGH', example: 'MEDIUM' },
  { label: 'Notes', required: false, description: 'Up to 4000 characters', example: '' },
] as const satisfies readonly IntelligenceImportColumn[];

export interface CsvCellProblem {
  column: string;
  message: string;
}

export interface ImportedLink {
  fromKind: NodeKind;
  from: string;
  toKind: NodeKind;
  to: string;
  type: LinkType;
  sourceAgency: string;
  firstSeen: string;
  lastSeen: string;
  sourceGrade: number;
  intelligenceGrade: IntelligenceGrade;
  handling: HandlingCode;
}

export interface ImportedHotSpotReport {
  place: string;
  month: string;
  sightings: number;
  incidents: number;
  riskLevel: RiskLevel;
  notes: string | null;
}

/** A header row and one example row, quoted where needed. */
export function csvTemplate(columns: readonly IntelligenceImportColumn[]): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [columns.map((c) => quote(c.label)), columns.map((c) => quote(c.example))].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

const words = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The header of each column, found case- and punctuation-insensitively; missing required columns are named. */
export function findColumns(headers: readonly string[], columns: readonly IntelligenceImportColumn[]): { headerOf: Map<string, string>; missing: string[] } {
  const headerOf = new Map<string, string>();
  const missing: string[] = [];
  for (const c of columns) {
    const h = headers.find((x) => words(x) === words(c.label));
    if (h !== undefined) headerOf.set(c.label, h);
    else if (c.required) missing.push(c.label);
  }
  return { headerOf, missing };
}

function reader(record: Readonly<Record<string, string>>, headerOf: ReadonlyMap<string, string>) {
  const problems: CsvCellProblem[] = [];
  const cell = (label: string) => (record[headerOf.get(label) ?? ''] ?? '').trim();
  const col = (label: string) => headerOf.get(label) ?? label;
  const required = (label: string, max: number): string => {
    const v = cell(label);
    if (!v) problems.push({ column: col(label), message: `${label} is missing` });
    else if (v.length > max) problems.push({ column: col(label), message: `Must be ${max} characters or fewer` });
    return v;
  };
  const oneOf = <T extends string>(label: string, allowed: readonly T[]): T | null => {
    const raw = cell(label);
    if (!raw) {
      problems.push({ column: col(label), message: `${label} is missing` });
      return null;
    }
    const v = raw.toUpperCase().replace(/[\s-]+/g, '_') as T;
    if (allowed.includes(v)) return v;
    problems.push({ column: col(label), message: `"${raw}" is not one of: ${allowed.join(', ')}` });
    return null;
  };
  const count = (label: string): number | null => {
    const raw = cell(label);
    if (!raw) {
      problems.push({ column: col(label), message: `${label} is missing` });
      return null;
    }
    if (!/^\d{1,6}$/.test(raw)) {
      problems.push({ column: col(label), message: `"${raw}" is not a whole number of 0 or more` });
      return null;
    }
    return Number(raw);
  };
  const day = (label: string): string | null => {
    const raw = cell(label);
    if (!raw) {
      problems.push({ column: col(label), message: `${label} is missing` });
      return null;
    }
    const d = parseDay(raw);
    if (!d) problems.push({ column: col(label), message: `"${raw}" is not a date (use yyyy-mm-dd or dd/mm/yyyy)` });
    return d;
  };
  return { problems, cell, col, required, oneOf, count, day };
}

function nodeKind(raw: string): NodeKind | null {
  const w = words(raw);
  const upper = raw.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if ((NODE_KINDS as readonly string[]).includes(upper)) return upper as NodeKind;
  return NODE_KINDS.find((k) => NODE_KIND_WORDS[k].includes(w)) ?? null;
}

/** One row of a links CSV, or what is wrong with it by column. */
export function readLinkRow(
  record: Readonly<Record<string, string>>,
  headerOf: ReadonlyMap<string, string>,
  today: string,
): { value: ImportedLink | null; problems: CsvCellProblem[] } {
  const r = reader(record, headerOf);
  const kind = (label: string): NodeKind | null => {
    const raw = r.cell(label);
    if (!raw) {
      r.problems.push({ column: r.col(label), message: `${label} is missing` });
      return null;
    }
    const k = nodeKind(raw);
    if (!k) r.problems.push({ column: r.col(label), message: `"${raw}" is not Young person, Person of concern or Place` });
    return k;
  };
  const fromKind = kind('From type');
  const from = r.required('From', 200);
  const toKind = kind('To type');
  const to = r.required('To', 200);
  const type = r.oneOf('Link type', LINK_TYPES);
  const sourceAgency = r.required('Source agency', 200);
  const firstSeen = r.day('First seen');
  const lastSeen = r.day('Last seen');
  if (firstSeen && lastSeen && lastSeen < firstSeen) r.problems.push({ column: r.col('Last seen'), message: 'Last seen must be on or after first seen' });
  if (lastSeen && lastSeen > today) r.problems.push({ column: r.col('Last seen'), message: 'Last seen cannot be in the future' });
  const gradeRaw = r.cell('Source grade');
  const sourceGrade = /^[123]$/.test(gradeRaw) ? Number(gradeRaw) : null;
  if (sourceGrade === null) r.problems.push({ column: r.col('Source grade'), message: gradeRaw ? `"${gradeRaw}" is not 1, 2 or 3` : 'Source grade is missing' });
  const intelligenceGrade = r.oneOf('Intelligence grade', INTELLIGENCE_GRADES);
  const handling = r.oneOf('Handling', HANDLING_CODES);
  if (fromKind && toKind && fromKind === toKind && from && words(from) === words(to)) {
    r.problems.push({ column: r.col('To'), message: 'A link needs two different things: this row links a record to itself' });
  }
  if (r.problems.length) return { value: null, problems: r.problems };
  return {
    value: { fromKind: fromKind!, from, toKind: toKind!, to, type: type!, sourceAgency, firstSeen: firstSeen!, lastSeen: lastSeen!, sourceGrade: sourceGrade!, intelligenceGrade: intelligenceGrade!, handling: handling! },
    problems: [],
  };
}

/** One row of a hot-spot reports CSV, or what is wrong with it by column. */
export function readHotSpotRow(
  record: Readonly<Record<string, string>>,
  headerOf: ReadonlyMap<string, string>,
  currentMonth: string,
): { value: ImportedHotSpotReport | null; problems: CsvCellProblem[] } {
  const r = reader(record, headerOf);
  const place = r.required('Place', 200);
  const monthRaw = r.cell('Month');
  let month: string | null = null;
  const m = /^(\d{4})-(\d{1,2})$/.exec(monthRaw) ?? /^(\d{1,2})\/(\d{4})$/.exec(monthRaw);
  if (!monthRaw) r.problems.push({ column: r.col('Month'), message: 'Month is missing' });
  else if (!m) r.problems.push({ column: r.col('Month'), message: `"${monthRaw}" is not a month (use yyyy-mm)` });
  else {
    const [y, mo] = monthRaw.includes('/') ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) r.problems.push({ column: r.col('Month'), message: `"${monthRaw}" is not a month (use yyyy-mm)` });
    else {
      month = `${y}-${String(mo).padStart(2, '0')}`;
      if (month > currentMonth) r.problems.push({ column: r.col('Month'), message: 'The month must not be in the future' });
    }
  }
  const sightings = r.count('Sightings');
  const incidents = r.count('Incidents');
  const riskLevel = r.oneOf('Risk level', RISK_LEVELS);
  const notes = r.cell('Notes');
  if (notes.length > 4000) r.problems.push({ column: r.col('Notes'), message: 'Must be 4000 characters or fewer' });
  if (r.problems.length) return { value: null, problems: r.problems };
  return { value: { place, month: month!, sightings: sightings!, incidents: incidents!, riskLevel: riskLevel!, notes: notes || null }, problems: [] };
}
