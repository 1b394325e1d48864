import { checkReturn, MEASURES, RETURN_SECTIONS, RETURN_TEMPLATES, templateFor, type AgencyKind, type Involvement, type LocalityKind, type ReturnContent, type ReturnProblem } from '@mase/shared';
import type { ReturnContentFieldsFragment, ReturnContentInput } from '../../gql/graphql';
import { errorMessage, fieldProblems, type ErrorItem, type FormErrors } from '../../lib/errors';

/** What the return form holds while it is being written: numbers as typed, so a mistake can be named. */
export interface ReturnDraft {
  measures: Record<string, string>;
  localities: { kind: LocalityKind; description: string; locationId: string | null; placeName: string | null }[];
  youngPeople: { reference: string; involvement: Involvement | ''; firstName: string; lastName: string; dateOfBirth: string }[];
  outcomes: string;
  blockages: string[];
}

export const EMPTY_LOCALITY: ReturnDraft['localities'][number] = { kind: 'LOCALITY', description: '', locationId: null, placeName: null };
export const EMPTY_YOUNG_PERSON: ReturnDraft['youngPeople'][number] = { reference: '', involvement: '', firstName: '', lastName: '', dateOfBirth: '' };

/** A form draft from saved (or uploaded) content; measures outside the agency's template are dropped. */
export function draftFrom(kind: AgencyKind, content: ReturnContentFieldsFragment | null | undefined): ReturnDraft {
  const measures: Record<string, string> = {};
  for (const m of templateFor(kind)) {
    const value = content?.measures.find((x) => x.key === m.key)?.value;
    measures[m.key] = value === null || value === undefined ? '' : String(value);
  }
  return {
    measures,
    localities: (content?.localities ?? []).map((l) => ({ kind: l.kind, description: l.description, locationId: l.locationId, placeName: l.placeName })),
    youngPeople: (content?.youngPeople ?? []).map((y) => ({
      reference: y.reference ?? '',
      involvement: y.involvement,
      firstName: y.firstName ?? '',
      lastName: y.lastName ?? '',
      dateOfBirth: y.dateOfBirth ?? '',
    })),
    outcomes: content?.outcomes ?? '',
    blockages: [...(content?.blockages ?? [])],
  };
}

const opt = (s: string) => s.trim() || null;

/**
 * The content a draft stands for, and the numbers that could not be read (text, negative or not
 * whole), each named by its measure.
 */
export function contentOf(kind: AgencyKind, draft: ReturnDraft): { content: ReturnContent; problems: ReturnProblem[] } {
  const problems: ReturnProblem[] = [];
  const measures = templateFor(kind).map((m) => {
    const raw = (draft.measures[m.key] ?? '').trim();
    if (raw === '') return { key: m.key, value: null };
    if (/^\d{1,9}$/.test(raw)) return { key: m.key, value: Number(raw) };
    problems.push({ field: `measures.${m.key}`, message: `${m.label} must be a whole number, 0 or more` });
    return { key: m.key, value: null };
  });
  return {
    content: {
      measures,
      localities: draft.localities.map((l) => ({ kind: l.kind, description: l.description.trim(), locationId: l.locationId })),
      youngPeople: draft.youngPeople.map((y) => ({
        reference: y.reference.trim(),
        involvement: y.involvement as Involvement,
        firstName: opt(y.firstName),
        lastName: opt(y.lastName),
        dateOfBirth: opt(y.dateOfBirth),
      })),
      outcomes: opt(draft.outcomes),
      blockages: draft.blockages.map((b) => b.trim()),
    },
    problems,
  };
}

/** The shape the API takes. */
export function toInput(content: ReturnContent): ReturnContentInput {
  return {
    measures: content.measures.map((m) => ({ key: m.key, value: m.value })),
    localities: content.localities.map((l) => ({ kind: l.kind, description: l.description, locationId: l.locationId })),
    youngPeople: content.youngPeople.map((y) => ({ ...y })),
    outcomes: content.outcomes,
    blockages: content.blockages,
  };
}

const YOUNG_PERSON_PARTS: Record<string, string> = { reference: 'reference', involvement: 'involvement', firstName: 'first-name', lastName: 'last-name', dateOfBirth: 'date-of-birth' };

export const measureId = (key: string) => `measure-${key}`;
export const localityId = (i: number, part: 'kind' | 'description') => `locality-${i}-${part}`;
export const youngPersonId = (i: number, part: keyof typeof YOUNG_PERSON_PARTS) => `young-person-${i}-${YOUNG_PERSON_PARTS[part]}`;
export const blockageId = (i: number) => `blockage-${i}`;
export const OUTCOMES_ID = 'outcomes';
export const REASON_ID = 'amend-reason';

/**
 * The input that shows a problem the API or the shared checks name by path
 * (`content.measures.arrests`, `localities.0.description`, `youngPeople.2.reference`, `blockages.1`, `reason`).
 */
export function inputIdOf(path: string): string | null {
  const p = path.replace(/^input\./, '').replace(/^content\./, '');
  let m: RegExpExecArray | null;
  if ((m = /^measures\.([A-Za-z]+)$/.exec(p))) return measureId(m[1]);
  if ((m = /^localities\.(\d+)\.(kind|description|locationId)$/.exec(p))) return localityId(Number(m[1]), m[2] === 'kind' ? 'kind' : 'description');
  if ((m = /^youngPeople\.(\d+)\.(reference|involvement|firstName|lastName|dateOfBirth)$/.exec(p))) return youngPersonId(Number(m[1]), m[2]);
  if (p === 'outcomes') return OUTCOMES_ID;
  if ((m = /^blockages\.(\d+)$/.exec(p))) return blockageId(Number(m[1]));
  if (p === 'reason') return REASON_ID;
  return null;
}

const MEASURE_RANK = new Map<string, number>(MEASURES.map((m, i) => [m.key, RETURN_SECTIONS.indexOf(m.section) * 100 + i]));

/** Where a field comes in the form, so the error summary reads in the same order as the page. */
function rank(path: string | null): number {
  const p = (path ?? '').replace(/^input\./, '').replace(/^content\./, '');
  let m: RegExpExecArray | null;
  if ((m = /^measures\.([A-Za-z]+)/.exec(p))) return MEASURE_RANK.get(m[1]) ?? 999;
  if ((m = /^localities(?:\.(\d+))?/.exec(p))) return 1_000 + Number(m[1] ?? 0) * 10;
  if ((m = /^youngPeople(?:\.(\d+)\.(\w+))?/.exec(p))) return 10_000 + Number(m[1] ?? 0) * 10 + Object.keys(YOUNG_PERSON_PARTS).indexOf(m[2] ?? 'reference');
  if (p === 'outcomes') return 20_000;
  if ((m = /^blockages(?:\.(\d+))?/.exec(p))) return 30_000 + Number(m[1] ?? 0);
  if (p === 'reason') return 40_000;
  return -1;
}

/** The measures of an agency kind's return in a section, in the order the form shows them. */
export function sectionMeasures(kind: AgencyKind, section: (typeof RETURN_SECTIONS)[number]) {
  const keys = new Set<string>(RETURN_TEMPLATES[kind]);
  return MEASURES.filter((m) => m.section === section && keys.has(m.key));
}

/** Problems as the form shows them: beside their input and in the summary (in page order), linking to it. */
export function formErrorsOf(problems: readonly { field: string | null; message: string }[], extra: ErrorItem[] = []): FormErrors {
  const fields: Record<string, string> = {};
  const summary: ErrorItem[] = [];
  const ordered = problems.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p.field) - rank(b.p.field) || a.i - b.i).map((x) => x.p);
  for (const p of ordered) {
    const id = p.field ? inputIdOf(p.field) : null;
    if (id) {
      if (fields[id]) continue;
      fields[id] = p.message;
      summary.push({ text: p.message, href: `#${id}` });
    } else if (!summary.some((s) => s.text === p.message)) {
      summary.push({ text: p.message });
    }
  }
  return { summary: [...summary, ...extra], fields };
}

/** What the API refused, as form errors; an error without field problems becomes one summary line. */
export function formErrorsFromApi(error: unknown): FormErrors {
  const problems = fieldProblems(error);
  if (problems.length === 0) return { summary: [{ text: errorMessage(error) }], fields: {} };
  return formErrorsOf(problems);
}

/**
 * The same checks the server makes, before anything is sent: numbers that are not whole numbers
 * of 0 or more, and (to submit) every measure and the outcomes.
 */
export function checkDraft(kind: AgencyKind, draft: ReturnDraft, complete: boolean, today: string): { content: ReturnContent; errors: FormErrors } {
  const { content, problems } = contentOf(kind, draft);
  const unreadable = new Set(problems.map((p) => p.field));
  // A measure left out is named with its label as written ("staff trained in CSE awareness", not "… cse …").
  const missing = complete
    ? templateFor(kind)
        .filter((m) => !unreadable.has(`measures.${m.key}`) && content.measures.find((x) => x.key === m.key)?.value === null)
        .map((m) => ({ field: `measures.${m.key}`, message: `Enter ${lowerFirst(m.label)} (0 if none)` }))
    : [];
  const named = new Set([...unreadable, ...missing.map((p) => p.field)]);
  const checks = checkReturn(kind, content, complete, today).filter((p) => !named.has(p.field));
  return { content, errors: formErrorsOf([...problems, ...missing, ...checks]) };
}

/** "Staff trained in CSE awareness" → "staff trained in CSE awareness"; an acronym at the start stays as it is. */
function lowerFirst(label: string): string {
  return /^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
