import { INDICATORS, SAFEGUARD_AREA_LABELS, CSE_MODEL_LABELS, SAFEGUARD_AREAS, CSE_MODELS } from './screening/catalogue.js';
import { RAGS } from './screening/score.js';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  EDUCATION_STATUS_LABELS,
  EDUCATION_STATUSES,
  ETHNICITIES,
  ETHNICITY_LABELS,
  GENDER_LABELS,
  GENDERS,
  LEGAL_STATUS_LABELS,
  LEGAL_STATUSES,
  PLACEMENT_TYPE_LABELS,
  PLACEMENT_TYPES,
  PRESENTATION_LABELS,
  PRESENTATIONS,
  SEND_STATUS_LABELS,
  SEND_STATUSES,
} from './young-people.js';

/**
 * The analyst's measures of the MASE list: each dimension the victim profile is broken down by,
 * with its categories and labels. The server computes them in SQL; the client labels and orders
 * them from the same definitions.
 */
export const DIMENSIONS = [
  'RAG',
  'SCORE',
  'AGE_BAND',
  'GENDER',
  'ETHNICITY',
  'LEGAL_STATUS',
  'PLACEMENT',
  'SEND',
  'EDUCATION',
  'PRESENTATION',
  'MODEL',
  'WARD',
  'SAFEGUARD_AREA',
  'PUSH_FACTOR',
  'PULL_FACTOR',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface DimensionInfo {
  label: string;
  /** Fixed categories in display order, or null when they come from the data (wards). */
  categories: readonly { key: string; label: string }[] | null;
  /** True when one young person can count in several categories (models, indicators). */
  multi: boolean;
}

const cats = <T extends string>(keys: readonly T[], labels: Record<T, string>) => keys.map((k) => ({ key: k, label: labels[k] }));
const pushPull = (group: 'PUSH' | 'PULL') => INDICATORS.filter((x) => x.group === group).map((x) => ({ key: x.id, label: x.label }));

export const DIMENSION_INFO: Record<Dimension, DimensionInfo> = {
  RAG: { label: 'RAG rating', categories: [...RAGS.map((r) => ({ key: r, label: r[0] + r.slice(1).toLowerCase() })), { key: 'NONE', label: 'Not screened' }], multi: false },
  SCORE: { label: 'Score', categories: [0, 1, 2, 3].map((s) => ({ key: String(s), label: `Score ${s}` })).concat({ key: 'NONE', label: 'Not screened' }), multi: false },
  AGE_BAND: { label: 'Age band', categories: cats(AGE_BANDS, AGE_BAND_LABELS), multi: false },
  GENDER: { label: 'Gender', categories: cats(GENDERS, GENDER_LABELS), multi: false },
  ETHNICITY: { label: 'Ethnicity', categories: cats(ETHNICITIES, ETHNICITY_LABELS), multi: false },
  LEGAL_STATUS: { label: 'Legal status', categories: cats(LEGAL_STATUSES, LEGAL_STATUS_LABELS), multi: false },
  PLACEMENT: { label: 'Placement', categories: cats(PLACEMENT_TYPES, PLACEMENT_TYPE_LABELS), multi: false },
  SEND: { label: 'SEND', categories: cats(SEND_STATUSES, SEND_STATUS_LABELS), multi: false },
  EDUCATION: { label: 'Education status', categories: cats(EDUCATION_STATUSES, EDUCATION_STATUS_LABELS), multi: false },
  PRESENTATION: { label: 'Presentation', categories: cats(PRESENTATIONS, PRESENTATION_LABELS), multi: false },
  MODEL: { label: 'Model of CSE', categories: cats(CSE_MODELS, CSE_MODEL_LABELS), multi: true },
  WARD: { label: 'Home ward', categories: null, multi: false },
  SAFEGUARD_AREA: { label: 'Indicators present, by SAFEGUARD area', categories: cats(SAFEGUARD_AREAS, SAFEGUARD_AREA_LABELS), multi: true },
  PUSH_FACTOR: { label: 'Push factors present', categories: pushPull('PUSH'), multi: true },
  PULL_FACTOR: { label: 'Pull factors present', categories: pushPull('PULL'), multi: true },
};

/** The monthly flows of the list. */
export const FLOW_MEASURES = [
  { key: 'onList', label: 'On the list at month end' },
  { key: 'newToList', label: 'New to the list' },
  { key: 'steppedDown', label: 'Stepped down' },
  { key: 'closed', label: 'Closed' },
  { key: 'escalations', label: 'Score rose at a screening' },
  { key: 'deescalations', label: 'Score fell at a screening' },
  { key: 'reviewsOnTime', label: 'Reviews completed on time' },
  { key: 'reviewsLate', label: 'Reviews completed late' },
  { key: 'reviewsOverdue', label: 'Reviews overdue at month end' },
  { key: 'missingEpisodes', label: 'Missing episodes started' },
  { key: 'missingYoungPeople', label: 'Young people missing' },
  { key: 'missingOnList', label: 'Missing episodes of young people on the list' },
] as const;
export type FlowMeasure = (typeof FLOW_MEASURES)[number]['key'];

/** Filters every widget of the dashboard obeys. Months are yyyy-mm. */
export interface AnalyticsFilterValues {
  from: string;
  to: string;
  rag?: string[] | null;
  ageBand?: string[] | null;
  gender?: string[] | null;
  model?: string[] | null;
  ward?: string[] | null;
  legalStatus?: string[] | null;
}

// ---------------------------------------------------------------------------------------------
// Statistical disclosure control
// ---------------------------------------------------------------------------------------------

/** Counts from 1 to this are never shown where disclosure control applies; zero stays zero. */
export const SUPPRESS_UP_TO = 5;
export const SUPPRESSED = 'c';

export interface ProtectedLine {
  cells: number[];
  /** The published total of the line (null when the line has no total). */
  total: number | null;
}

/**
 * Which cells of a table to hide. Primary: every count from 1 to 5 (and such a total). Secondary:
 * wherever a line whose total is published has exactly one hidden cell — which its total would
 * reveal by subtraction — the smallest other non-zero cell of the line is hidden too; repeated until
 * no line gives a hidden cell away. Lines are the table's rows (each with its total), and its
 * columns when `columnTotals` are published.
 */
export function suppressionMask(rows: readonly ProtectedLine[], columnTotals: readonly number[] | null = null): { cells: boolean[][]; totals: boolean[]; columnTotals: boolean[] } {
  const small = (v: number) => v >= 1 && v <= SUPPRESS_UP_TO;
  const cells = rows.map((r) => r.cells.map(small));
  const totals = rows.map((r) => r.total !== null && small(r.total));
  const colTotals = (columnTotals ?? []).map(small);
  const lines: { get: () => { value: number; hidden: boolean; set: () => void }[]; totalShown: () => boolean }[] = [];
  rows.forEach((r, i) =>
    lines.push({
      get: () => r.cells.map((value, j) => ({ value, hidden: cells[i][j], set: () => (cells[i][j] = true) })),
      totalShown: () => r.total !== null && !totals[i],
    }),
  );
  if (columnTotals) {
    columnTotals.forEach((_, j) =>
      lines.push({
        get: () => rows.map((r, i) => ({ value: r.cells[j], hidden: cells[i][j], set: () => (cells[i][j] = true) })),
        totalShown: () => !colTotals[j],
      }),
    );
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const items = line.get();
      const hidden = items.filter((x) => x.hidden && x.value > 0);
      if (hidden.length !== 1 || !line.totalShown()) continue;
      const candidates = items.filter((x) => !x.hidden && x.value > 0).sort((a, b) => a.value - b.value);
      if (candidates.length) {
        candidates[0].set();
        changed = true;
      }
    }
  }
  return { cells, totals, columnTotals: colTotals };
}

/** A count as shown where disclosure control applies. */
export const shown = (value: number, hidden: boolean): string => (hidden ? SUPPRESSED : String(value));
