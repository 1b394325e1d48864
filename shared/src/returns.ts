import type { AgencyKind } from './agencies.js';
import { parseDay } from './import/young-people-csv.js';

/**
 * The monthly agency return: one catalogue of measures, a template per agency kind choosing the
 * measures that make sense for it, and the rules that check a return. The same definitions drive
 * the form, the server's validation, the CSV template and the aggregation.
 */
export const RETURN_SECTIONS = ['PREVENTION', 'DISRUPTION', 'PROSECUTION', 'REFERRALS'] as const;
export type ReturnSection = (typeof RETURN_SECTIONS)[number];

export const RETURN_SECTION_LABELS: Record<ReturnSection, string> = {
  PREVENTION: 'Prevention',
  DISRUPTION: 'Disruption',
  PROSECUTION: 'Prosecution',
  REFERRALS: 'Referrals made',
};

export interface Measure {
  key: string;
  section: ReturnSection;
  label: string;
  hint: string;
}

export const MEASURES = [
  { key: 'sessionsDelivered', section: 'PREVENTION', label: 'Prevention sessions delivered', hint: 'Group or one-to-one sessions about CSE, healthy relationships or online safety' },
  { key: 'youngPeopleReached', section: 'PREVENTION', label: 'Young people reached by prevention work', hint: 'Count each young person once in the month' },
  { key: 'parentsReached', section: 'PREVENTION', label: 'Parents and carers reached', hint: 'Awareness sessions, advice and support' },
  { key: 'staffTrained', section: 'PREVENTION', label: 'Staff trained in CSE awareness', hint: 'Staff who completed CSE training this month' },
  { key: 'settingsEngaged', section: 'PREVENTION', label: 'Schools and settings engaged', hint: 'Schools, colleges, children’s homes or youth settings worked with' },
  { key: 'cawnsIssued', section: 'DISRUPTION', label: 'Child abduction warning notices issued', hint: 'CAWNs served this month' },
  { key: 'ordersObtained', section: 'DISRUPTION', label: 'Orders obtained', hint: 'Sexual risk orders, sexual harm prevention orders, closure and other orders' },
  { key: 'arrests', section: 'DISRUPTION', label: 'Arrests', hint: 'Arrests for CSE-related offences' },
  { key: 'premisesVisits', section: 'DISRUPTION', label: 'Visits to premises of concern', hint: 'Hotels, B&Bs, takeaways, licensed premises, party houses' },
  { key: 'tenancyActions', section: 'DISRUPTION', label: 'Tenancy or licensing enforcement actions', hint: 'Warnings, notices or licence reviews' },
  { key: 'licenceConditions', section: 'DISRUPTION', label: 'Licence conditions imposed or enforced', hint: 'On people of concern under supervision' },
  { key: 'otherDisruption', section: 'DISRUPTION', label: 'Other disruption actions', hint: 'Any other action taken to disrupt exploitation' },
  { key: 'investigationsOpened', section: 'PROSECUTION', label: 'Investigations opened', hint: 'CSE investigations opened this month' },
  { key: 'charges', section: 'PROSECUTION', label: 'Charges', hint: 'People charged with CSE-related offences' },
  { key: 'convictions', section: 'PROSECUTION', label: 'Convictions', hint: 'Convictions for CSE-related offences' },
  { key: 'referralsForScreening', section: 'REFERRALS', label: 'Young people referred for CSE screening', hint: 'Referrals to MASE or for a CSE risk screening' },
  { key: 'referralsToSocialCare', section: 'REFERRALS', label: 'Referrals to children’s social care', hint: 'Where CSE was a concern' },
  { key: 'nrmReferrals', section: 'REFERRALS', label: 'National Referral Mechanism referrals', hint: 'Children referred as possible victims of trafficking' },
  { key: 'specialistReferrals', section: 'REFERRALS', label: 'Referrals to specialist support', hint: 'CSE support services, sexual health, CAMHS, ISVA' },
  { key: 'returnHomeInterviews', section: 'REFERRALS', label: 'Return-home interviews completed', hint: 'After a missing episode' },
] as const satisfies readonly Measure[];

export type MeasureKey = (typeof MEASURES)[number]['key'];
export const MEASURE_BY_KEY: ReadonlyMap<string, Measure> = new Map(MEASURES.map((m) => [m.key, m]));

const PREVENTION_CORE: MeasureKey[] = ['sessionsDelivered', 'youngPeopleReached', 'staffTrained'];
const REFERRALS_CORE: MeasureKey[] = ['referralsForScreening', 'referralsToSocialCare', 'specialistReferrals'];

/** The measures each kind of agency returns. Police and youth offending also report prosecution. */
export const RETURN_TEMPLATES: Record<AgencyKind, readonly MeasureKey[]> = {
  POLICE: ['sessionsDelivered', 'staffTrained', 'cawnsIssued', 'ordersObtained', 'arrests', 'premisesVisits', 'otherDisruption', 'investigationsOpened', 'charges', 'convictions', 'referralsForScreening', 'referralsToSocialCare', 'nrmReferrals'],
  CHILDRENS_SOCIAL_CARE: [...PREVENTION_CORE, 'parentsReached', 'otherDisruption', 'referralsForScreening', 'nrmReferrals', 'specialistReferrals', 'returnHomeInterviews'],
  HEALTH: [...PREVENTION_CORE, ...REFERRALS_CORE],
  EDUCATION: [...PREVENTION_CORE, 'parentsReached', 'settingsEngaged', ...REFERRALS_CORE],
  YOUTH_OFFENDING: [...PREVENTION_CORE, 'otherDisruption', 'investigationsOpened', 'charges', 'convictions', ...REFERRALS_CORE],
  PROBATION: ['staffTrained', 'licenceConditions', 'otherDisruption', 'referralsToSocialCare'],
  HOUSING: ['staffTrained', 'premisesVisits', 'tenancyActions', 'otherDisruption', 'referralsToSocialCare'],
  CAMHS: [...PREVENTION_CORE, ...REFERRALS_CORE],
  YOUTH_SERVICE: [...PREVENTION_CORE, 'settingsEngaged', ...REFERRALS_CORE],
  EARLY_HELP: [...PREVENTION_CORE, 'parentsReached', ...REFERRALS_CORE],
  VOLUNTARY: [...PREVENTION_CORE, 'parentsReached', 'settingsEngaged', ...REFERRALS_CORE],
  AMBULANCE: ['staffTrained', 'referralsToSocialCare', 'specialistReferrals'],
  OTHER: [...PREVENTION_CORE, 'otherDisruption', ...REFERRALS_CORE],
};

export function templateFor(kind: AgencyKind): Measure[] {
  return RETURN_TEMPLATES[kind].map((k) => MEASURE_BY_KEY.get(k)!);
}

export const LOCALITY_KINDS = ['LOCALITY', 'PEER_GROUP', 'GANG'] as const;
export type LocalityKind = (typeof LOCALITY_KINDS)[number];
export const LOCALITY_KIND_LABELS: Record<LocalityKind, string> = { LOCALITY: 'Locality', PEER_GROUP: 'Peer group', GANG: 'Gang' };

export const INVOLVEMENTS = ['AT_RISK', 'EXPERIENCING'] as const;
export type Involvement = (typeof INVOLVEMENTS)[number];
export const INVOLVEMENT_LABELS: Record<Involvement, string> = { AT_RISK: 'At risk of CSE', EXPERIENCING: 'Experiencing CSE' };

export const RETURN_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** What an agency returns for a month. */
export interface ReturnContent {
  measures: { key: string; value: number | null }[];
  localities: { kind: LocalityKind; description: string; locationId: string | null }[];
  youngPeople: { reference: string; involvement: Involvement; firstName: string | null; lastName: string | null; dateOfBirth: string | null }[];
  outcomes: string | null;
  blockages: string[];
}

export const RETURN_LIMITS = { maxCount: 100_000, localities: 50, youngPeople: 500, blockages: 20, description: 500, outcomes: 4000, blockage: 1000, reference: 50, name: 100 } as const;

export interface ReturnProblem {
  /** The form's path of the field: measures.arrests, localities.0.description, youngPeople.2.reference, outcomes, blockages.1 */
  field: string;
  message: string;
}

/**
 * Checks a return against its agency kind's template. A draft may leave things out; a submission
 * (`complete`) needs every measure and the outcomes. Problems name the field the way the form does.
 */
export function checkReturn(kind: AgencyKind, c: ReturnContent, complete: boolean, today: string): ReturnProblem[] {
  const out: ReturnProblem[] = [];
  const allowed = new Set<string>(RETURN_TEMPLATES[kind]);
  const seen = new Set<string>();
  for (const m of c.measures) {
    const f = `measures.${m.key}`;
    if (!allowed.has(m.key)) out.push({ field: f, message: MEASURE_BY_KEY.has(m.key) ? `${MEASURE_BY_KEY.get(m.key)!.label} is not part of this agency’s return` : `"${m.key}" is not a measure of the return` });
    else if (seen.has(m.key)) out.push({ field: f, message: `${MEASURE_BY_KEY.get(m.key)!.label} is given twice` });
    else if (m.value !== null && (!Number.isInteger(m.value) || m.value < 0)) out.push({ field: f, message: `${MEASURE_BY_KEY.get(m.key)!.label} must be a whole number, 0 or more` });
    else if (m.value !== null && m.value > RETURN_LIMITS.maxCount) out.push({ field: f, message: `${MEASURE_BY_KEY.get(m.key)!.label} must be ${RETURN_LIMITS.maxCount.toLocaleString('en-GB')} or fewer` });
    seen.add(m.key);
  }
  if (complete) {
    for (const key of RETURN_TEMPLATES[kind]) {
      const m = c.measures.find((x) => x.key === key);
      if (!m || m.value === null) out.push({ field: `measures.${key}`, message: `${MEASURE_BY_KEY.get(key)!.label}: enter a number (0 if none)` });
    }
    if (!c.outcomes?.trim()) out.push({ field: 'outcomes', message: 'Describe the outcomes of your work this month (write “None” if there are none)' });
  }
  if (c.localities.length > RETURN_LIMITS.localities) out.push({ field: 'localities', message: `List at most ${RETURN_LIMITS.localities} localities, peer groups and gangs` });
  c.localities.forEach((l, i) => {
    if (!(LOCALITY_KINDS as readonly string[]).includes(l.kind)) out.push({ field: `localities.${i}.kind`, message: 'Choose locality, peer group or gang' });
    if (!l.description.trim()) out.push({ field: `localities.${i}.description`, message: 'Describe the locality, peer group or gang' });
    else if (l.description.length > RETURN_LIMITS.description) out.push({ field: `localities.${i}.description`, message: `Must be ${RETURN_LIMITS.description} characters or fewer` });
  });
  if (c.youngPeople.length > RETURN_LIMITS.youngPeople) out.push({ field: 'youngPeople', message: `List at most ${RETURN_LIMITS.youngPeople} young people` });
  const refs = new Map<string, number>();
  c.youngPeople.forEach((y, i) => {
    const ref = y.reference.trim();
    if (!ref) out.push({ field: `youngPeople.${i}.reference`, message: 'Enter the young person’s case reference' });
    else if (ref.length > RETURN_LIMITS.reference) out.push({ field: `youngPeople.${i}.reference`, message: `Must be ${RETURN_LIMITS.reference} characters or fewer` });
    else if (refs.has(ref.toUpperCase())) out.push({ field: `youngPeople.${i}.reference`, message: `Reference ${ref} is listed twice (also young person ${refs.get(ref.toUpperCase())! + 1})` });
    else refs.set(ref.toUpperCase(), i);
    if (!(INVOLVEMENTS as readonly string[]).includes(y.involvement)) out.push({ field: `youngPeople.${i}.involvement`, message: 'Choose at risk of CSE or experiencing CSE' });
    for (const k of ['firstName', 'lastName'] as const) {
      if ((y[k]?.length ?? 0) > RETURN_LIMITS.name) out.push({ field: `youngPeople.${i}.${k}`, message: `Must be ${RETURN_LIMITS.name} characters or fewer` });
    }
    if (y.dateOfBirth && (!parseDay(y.dateOfBirth) || parseDay(y.dateOfBirth) !== y.dateOfBirth)) out.push({ field: `youngPeople.${i}.dateOfBirth`, message: 'Enter a real date of birth' });
    else if (y.dateOfBirth && y.dateOfBirth > today) out.push({ field: `youngPeople.${i}.dateOfBirth`, message: 'Date of birth must be in the past' });
  });
  if ((c.outcomes?.length ?? 0) > RETURN_LIMITS.outcomes) out.push({ field: 'outcomes', message: `Must be ${RETURN_LIMITS.outcomes} characters or fewer` });
  if (c.blockages.length > RETURN_LIMITS.blockages) out.push({ field: 'blockages', message: `List at most ${RETURN_LIMITS.blockages} blockages` });
  c.blockages.forEach((b, i) => {
    if (!b.trim()) out.push({ field: `blockages.${i}`, message: 'Describe the blockage, or remove it' });
    else if (b.length > RETURN_LIMITS.blockage) out.push({ field: `blockages.${i}`, message: `Must be ${RETURN_LIMITS.blockage} characters or fewer` });
  });
  return out;
}

/** yyyy-mm → the month before it. */
export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}

export function periodLabel(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

// ---------------------------------------------------------------------------------------------
// CSV: one row per item, so a return with its lists fits one sheet.
//   Section,Item,Value,Detail
//   Measure,<measure label>,<number>,
//   Locality | Peer group | Gang,,<description>,<place name (optional)>
//   Young person,<reference>,At risk | Experiencing,<first name;last name;yyyy-mm-dd (optional)>
//   Outcomes,,<text>,
//   Blockage,,<text>,
// ---------------------------------------------------------------------------------------------

export const RETURN_CSV_HEADER = ['Section', 'Item', 'Value', 'Detail'] as const;

export interface ReturnCsvRow {
  line: number;
  section: string;
  item: string;
  value: string;
  detail: string;
}

export interface ReturnCsvProblem {
  line: number;
  column: string;
  message: string;
}

/** The template for an agency kind: every measure of its return with 0, and one example of each list. */
export function returnCsvTemplate(kind: AgencyKind): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows: string[][] = [
    [...RETURN_CSV_HEADER],
    ...templateFor(kind).map((m) => ['Measure', m.label, '0', '']),
    ['Locality', '', 'Groups of older males gathering after school', 'Harbour Lane Chicken'],
    ['Young person', 'MOS-123456', 'At risk', ''],
    ['Outcomes', '', 'Describe the outcomes of your work this month', ''],
    ['Blockage', '', 'Anything you need MASE to resolve (delete this row if none)', ''],
  ];
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Turns the rows of a return CSV into return content (place names are returned for the server to
 * resolve). Unknown sections or measures, numbers that are not whole, and repeated measures are
 * named by line and column; the content is then checked like a form with `checkReturn`.
 */
export function readReturnCsv(
  kind: AgencyKind,
  rows: readonly ReturnCsvRow[],
): { content: ReturnContent; placeNames: (string | null)[]; problems: ReturnCsvProblem[]; lineOf: (field: string) => number | null } {
  const problems: ReturnCsvProblem[] = [];
  const content: ReturnContent = { measures: [], localities: [], youngPeople: [], outcomes: null, blockages: [] };
  const placeNames: (string | null)[] = [];
  const template = templateFor(kind);
  const measureLine = new Map<string, number>();
  const outcomes: string[] = [];
  const lines = new Map<string, number>();
  for (const r of rows) {
    const section = norm(r.section);
    if (section === 'measure') {
      const m = template.find((x) => norm(x.label) === norm(r.item) || norm(x.key) === norm(r.item));
      if (!m) {
        const elsewhere = MEASURES.find((x) => norm(x.label) === norm(r.item));
        problems.push({ line: r.line, column: 'Item', message: elsewhere ? `${elsewhere.label} is not part of this agency’s return` : `"${r.item}" is not a measure of this agency’s return` });
        continue;
      }
      if (measureLine.has(m.key)) {
        problems.push({ line: r.line, column: 'Item', message: `${m.label} is also on line ${measureLine.get(m.key)}` });
        continue;
      }
      measureLine.set(m.key, r.line);
      lines.set(`measures.${m.key}`, r.line);
      const v = r.value.trim();
      if (v === '') content.measures.push({ key: m.key, value: null });
      else if (!/^\d{1,9}$/.test(v)) problems.push({ line: r.line, column: 'Value', message: `"${r.value}" is not a whole number of 0 or more` });
      else content.measures.push({ key: m.key, value: Number(v) });
    } else if (section === 'locality' || section === 'peer group' || section === 'gang') {
      lines.set(`localities.${content.localities.length}`, r.line);
      content.localities.push({ kind: section === 'locality' ? 'LOCALITY' : section === 'gang' ? 'GANG' : 'PEER_GROUP', description: r.value.trim(), locationId: null });
      placeNames.push(r.detail.trim() || null);
    } else if (section === 'young person') {
      const inv = norm(r.value);
      const involvement = inv === 'at risk' || inv === 'at risk of cse' ? 'AT_RISK' : inv === 'experiencing' || inv === 'experiencing cse' ? 'EXPERIENCING' : null;
      if (!involvement) problems.push({ line: r.line, column: 'Value', message: `"${r.value}" is not At risk or Experiencing` });
      const [firstName, lastName, dob] = r.detail.split(';').map((x) => x.trim());
      const dateOfBirth = dob ? parseDay(dob) : null;
      if (dob && !dateOfBirth) problems.push({ line: r.line, column: 'Detail', message: `"${dob}" is not a date (use yyyy-mm-dd or dd/mm/yyyy)` });
      lines.set(`youngPeople.${content.youngPeople.length}`, r.line);
      content.youngPeople.push({ reference: r.item.trim(), involvement: involvement ?? 'AT_RISK', firstName: firstName || null, lastName: lastName || null, dateOfBirth });
    } else if (section === 'outcomes' || section === 'outcome') {
      if (!lines.has('outcomes')) lines.set('outcomes', r.line);
      if (r.value.trim()) outcomes.push(r.value.trim());
    } else if (section === 'blockage' || section === 'blockages') {
      lines.set(`blockages.${content.blockages.length}`, r.line);
      content.blockages.push(r.value.trim());
    } else {
      problems.push({ line: r.line, column: 'Section', message: `"${r.section}" is not a section: use Measure, Locality, Peer group, Gang, Young person, Outcomes or Blockage` });
    }
  }
  content.outcomes = outcomes.length ? outcomes.join('\n\n') : null;
  const lineOf = (field: string) => lines.get(field) ?? lines.get(field.split('.').slice(0, 2).join('.')) ?? null;
  return { content, placeNames, problems, lineOf };
}
