import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  CSE_MODEL_LABELS,
  CSE_MODELS,
  DIMENSION_INFO,
  GENDER_LABELS,
  GENDERS,
  LEGAL_STATUS_LABELS,
  LEGAL_STATUSES,
  RAGS,
  type Dimension,
} from '@mase/shared';
import type { AnalyticsFilter } from '../../gql/graphql';
import { addMonths, formatMonth, isMonth, thisMonth } from '../intelligence/months';

/** The dashboard's filters, as they live in the address (so a view can be bookmarked). */
export interface DashboardFilters {
  from: string;
  to: string;
  rag: string[];
  ageBand: string[];
  gender: string[];
  model: string[];
  ward: string[];
  legalStatus: string[];
}

export const PERSON_FILTERS = ['rag', 'ageBand', 'gender', 'model', 'ward', 'legalStatus'] as const;
export type PersonFilter = (typeof PERSON_FILTERS)[number];

/** The most months the server gives at once. */
export const MAX_MONTHS = 60;
/**
 * The dashboard opens on the two years to the last complete month (the one the monthly meeting
 * looks at), so that month can be set beside the same month a year before.
 */
export const DEFAULT_MONTHS = 24;

const RAG_LABELS: Record<string, string> = { RED: 'Red', AMBER: 'Amber', GREEN: 'Green' };

/** The fixed choices of each person filter (wards come from the data) and how they read. */
export const FILTER_CHOICES: Record<Exclude<PersonFilter, 'ward'>, { legend: string; choices: { value: string; label: string }[] }> = {
  rag: { legend: 'RAG rating', choices: RAGS.map((r) => ({ value: r, label: RAG_LABELS[r] })) },
  ageBand: { legend: 'Age band', choices: AGE_BANDS.map((a) => ({ value: a, label: AGE_BAND_LABELS[a] })) },
  gender: { legend: 'Gender', choices: GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] })) },
  model: { legend: 'Model of CSE', choices: CSE_MODELS.map((m) => ({ value: m, label: CSE_MODEL_LABELS[m] })) },
  legalStatus: { legend: 'Legal status', choices: LEGAL_STATUSES.map((s) => ({ value: s, label: LEGAL_STATUS_LABELS[s] })) },
};

export function defaultFilters(now: Date = new Date()): DashboardFilters {
  const to = addMonths(thisMonth(now), -1);
  return { from: addMonths(to, -(DEFAULT_MONTHS - 1)), to, rag: [], ageBand: [], gender: [], model: [], ward: [], legalStatus: [] };
}

/** Months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length <= MAX_MONTHS * 2; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** What is wrong with a date range, or null. */
export function rangeProblem(from: string, to: string, now: Date = new Date()): { field: 'from' | 'to'; message: string } | null {
  if (!isMonth(from)) return { field: 'from', message: 'Enter the first month as yyyy-mm, for example 2025-04' };
  if (!isMonth(to)) return { field: 'to', message: 'Enter the last month as yyyy-mm, for example 2026-03' };
  if (from > to) return { field: 'to', message: 'The last month must be the same as or after the first month' };
  if (to > thisMonth(now)) return { field: 'to', message: 'The last month must not be in the future' };
  if (monthsBetween(from, to).length > MAX_MONTHS) return { field: 'from', message: `Choose at most ${MAX_MONTHS} months` };
  return null;
}

const valid = (key: PersonFilter, value: string) =>
  key === 'ward' ? value.trim().length > 0 && value.length <= 100 : FILTER_CHOICES[key].choices.some((c) => c.value === value);

/** Filters as read from something a person could have typed or edited (an address, a saved view): anything unknown is dropped. */
export function cleanFilters(input: Partial<Record<keyof DashboardFilters, unknown>>, now: Date = new Date()): DashboardFilters {
  const base = defaultFilters(now);
  const from = typeof input.from === 'string' ? input.from : '';
  const to = typeof input.to === 'string' ? input.to : '';
  const out: DashboardFilters = rangeProblem(from, to, now) ? { ...base } : { ...base, from, to };
  for (const key of PERSON_FILTERS) {
    const raw = input[key];
    const values = Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
    out[key] = [...new Set(values.filter((v) => valid(key, v)))];
  }
  return out;
}

export function readFilters(params: URLSearchParams, now: Date = new Date()): DashboardFilters {
  const input: Partial<Record<keyof DashboardFilters, unknown>> = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  for (const key of PERSON_FILTERS) input[key] = params.getAll(key);
  return cleanFilters(input, now);
}

export function writeFilters(f: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams({ from: f.from, to: f.to });
  for (const key of PERSON_FILTERS) for (const v of f[key]) params.append(key, v);
  return params;
}

/** The filters of a saved view (stored as JSON). */
export function filtersFromView(json: string, now: Date = new Date()): DashboardFilters {
  try {
    const parsed: unknown = JSON.parse(json);
    return cleanFilters(parsed && typeof parsed === 'object' ? parsed : {}, now);
  } catch {
    return defaultFilters(now);
  }
}

export function hasPersonFilters(f: DashboardFilters): boolean {
  return PERSON_FILTERS.some((k) => f[k].length > 0);
}

export function withoutPersonFilters(f: DashboardFilters): DashboardFilters {
  return { ...f, rag: [], ageBand: [], gender: [], model: [], ward: [], legalStatus: [] };
}

/** The filter the server is sent; roles that see whole-list figures only send the dates. */
export function toAnalyticsFilter(f: DashboardFilters, personFilters: boolean, range?: { from: string; to: string }): AnalyticsFilter {
  const out: AnalyticsFilter = { from: range?.from ?? f.from, to: range?.to ?? f.to };
  if (!personFilters) return out;
  for (const key of PERSON_FILTERS) if (f[key].length) out[key] = f[key];
  return out;
}

export function filterLabel(key: PersonFilter, value: string): string {
  if (key === 'ward') return value;
  return FILTER_CHOICES[key].choices.find((c) => c.value === value)?.label ?? value;
}

export const FILTER_LEGENDS: Record<PersonFilter, string> = {
  rag: 'RAG rating',
  ageBand: 'Age band',
  gender: 'Gender',
  model: 'Model of CSE',
  ward: 'Home ward',
  legalStatus: 'Legal status',
};

const FILTER_NAMES: Record<PersonFilter, string> = {
  rag: 'RAG rating',
  ageBand: 'age band',
  gender: 'gender',
  model: 'model of CSE',
  ward: 'home ward',
  legalStatus: 'legal status',
};

/** One line saying what the dashboard is showing, e.g. "Apr 2024 to Mar 2026; gender: Female". */
export function describeFilters(f: DashboardFilters, personFilters = true): string {
  const parts = [`${formatMonth(f.from)} to ${formatMonth(f.to)}`];
  if (personFilters) {
    for (const key of PERSON_FILTERS) {
      if (f[key].length) parts.push(`${FILTER_NAMES[key]}: ${f[key].map((v) => filterLabel(key, v)).join(', ')}`);
    }
  }
  return parts.join('; ');
}

// ---------------------------------------------------------------------------------------------
// Click-through to the MASE list
// ---------------------------------------------------------------------------------------------

/** The MASE list's address parameter for each dimension it can filter by. */
const LIST_PARAM: Partial<Record<Dimension, string>> = {
  RAG: 'rag',
  SCORE: 'score',
  AGE_BAND: 'ageBand',
  GENDER: 'gender',
  LEGAL_STATUS: 'legalStatus',
  PLACEMENT: 'placementType',
  MODEL: 'model',
  WARD: 'ward',
};

/** Categories that stand for "none recorded", which the list cannot filter by. */
const UNFILTERABLE = new Set(['NONE', 'Not recorded']);

/** True when the MASE list can show exactly the young people counted in this dimension's categories. */
export function listCanShow(dimension: Dimension): boolean {
  return dimension in LIST_PARAM;
}

/**
 * The MASE list's address showing exactly the young people counted on `date` with the dashboard's
 * filters and, when given, one category of a dimension. Null when the list cannot show that group
 * exactly (a dimension it has no filter for, or a category outside the dashboard's own filter).
 */
export function listLink(f: DashboardFilters, date: string, pick?: { dimension: Dimension; category: string }): string | null {
  const values: Record<string, string[]> = {
    rag: f.rag,
    ageBand: f.ageBand,
    gender: f.gender,
    model: f.model,
    ward: f.ward,
    legalStatus: f.legalStatus,
  };
  if (pick) {
    const param = LIST_PARAM[pick.dimension];
    if (!param || UNFILTERABLE.has(pick.category)) return null;
    const current = values[param] ?? [];
    // A category outside the dashboard's own filter for the same thing: the list cannot show "both".
    if (current.length && !current.includes(pick.category)) return null;
    values[param] = [pick.category];
  }
  const params = new URLSearchParams({ onListOn: date });
  for (const [key, list] of Object.entries(values)) for (const v of list) params.append(key, v);
  return `/list?${params.toString()}`;
}

export function dimensionLabel(d: Dimension): string {
  return DIMENSION_INFO[d].label;
}
