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

/**
 * Time on the list, a monthly measure beside the flows: of the young people on the list at the month
 * end (today, for the month in progress), the median number of days since the spell they are on
 * began — the lower of the two middle values when their number is even (PostgreSQL's
 * percentile_disc(0.5)); 0 when no one is on the list.
 */
export const TIME_ON_LIST = { key: 'medianDaysOnList', label: 'Median days on the list (those on it at month end)' } as const;

/** The median as TIME_ON_LIST counts it. */
export function medianDays(days: readonly number[]): number {
  if (!days.length) return 0;
  const sorted = [...days].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1];
}

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

/** A count disclosure control hides on sight: 1 to 5. */
export const isSmall = (v: number): boolean => v >= 1 && v <= SUPPRESS_UP_TO;

/**
 * Which of a set of published counts to hide. `relations` lists the exact linear relations between
 * them (each as the indices of the counts it ties together: a total and its parts, or the list at
 * two month ends and the flows between), any one of which a reader could solve for the count it
 * lacks. Primary: every count from 1 to 5, and those `alsoHidden` marks. Secondary: wherever a
 * relation has exactly one hidden count, the smallest non-zero other count of it is hidden too;
 * repeated until no relation has exactly one. Zero is never hidden. Counts `fixed` marks are
 * published as they are (hidden only if `alsoHidden` says so) and never chosen as the second
 * count. The one place suppression is decided: every table below is put in these terms.
 */
export function suppressCells(values: readonly number[], relations: readonly (readonly number[])[], alsoHidden: readonly boolean[] = [], fixed: readonly boolean[] = []): boolean[] {
  const hidden = values.map((v, i) => v !== 0 && (isSmall(v) || !!alsoHidden[i]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const rel of relations) {
      let count = 0;
      for (const i of rel) if (hidden[i]) count++;
      if (count !== 1) continue;
      let best = -1;
      for (const i of rel) if (!hidden[i] && !fixed[i] && values[i] > 0 && (best < 0 || values[i] < values[best])) best = i;
      if (best >= 0) {
        hidden[best] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

/**
 * For a filtered view: the counts to hide because the same count unfiltered, less this one, is 1 to
 * 5 — the two views side by side would give away the small group the filter leaves out.
 */
export const complementHidden = (filtered: readonly number[], unfiltered: readonly number[]): boolean[] => filtered.map((v, i) => v !== 0 && isSmall(unfiltered[i] - v));

export interface ProtectedLine {
  cells: number[];
  /** The published total of the line (null when the line has no total, or its cells do not add up to it). */
  total: number | null;
}

/**
 * Which cells of a table to hide (see suppressCells): its lines are its rows, each with its total,
 * and its columns when `columnTotals` are published. `alsoHidden` adds cells and row totals to hide
 * from the start (a filtered view's complement).
 */
export function suppressionMask(
  rows: readonly ProtectedLine[],
  columnTotals: readonly number[] | null = null,
  alsoHidden: { cells: readonly (readonly boolean[])[]; totals: readonly boolean[] } | null = null,
): { cells: boolean[][]; totals: boolean[]; columnTotals: boolean[] } {
  const values: number[] = [];
  const extra: boolean[] = [];
  const cellAt = rows.map((r, i) => r.cells.map((v, j) => (values.push(v), extra.push(!!alsoHidden?.cells[i]?.[j]), values.length - 1)));
  const totalAt = rows.map((r, i) => (r.total === null ? -1 : (values.push(r.total), extra.push(!!alsoHidden?.totals[i]), values.length - 1)));
  const colAt = (columnTotals ?? []).map((v) => (values.push(v), extra.push(false), values.length - 1));
  const relations: number[][] = [];
  rows.forEach((_, i) => totalAt[i] >= 0 && relations.push([...cellAt[i], totalAt[i]]));
  colAt.forEach((at, j) => relations.push([...rows.map((_, i) => cellAt[i][j]), at]));
  const hidden = suppressCells(values, relations, extra);
  return { cells: cellAt.map((r) => r.map((at) => hidden[at])), totals: totalAt.map((at) => at >= 0 && hidden[at]), columnTotals: colAt.map((at) => hidden[at]) };
}

/**
 * The exact relation between the monthly flows: the list at a month end is the list at the month end
 * before, plus those new to it, less those stepped down and those closed (each young person on the
 * list in one spell at a time). `onList` of the month before counts as `lag: 1`.
 */
export const FLOW_IDENTITY: readonly { measure: FlowMeasure; lag: 0 | 1 }[] = [
  { measure: 'onList', lag: 0 },
  { measure: 'onList', lag: 1 },
  { measure: 'newToList', lag: 0 },
  { measure: 'steppedDown', lag: 0 },
  { measure: 'closed', lag: 0 },
];

/**
 * Which monthly figures to hide: counts by suppressCells, with the flow identity for each month
 * and the one before it (so over the months given, which should be every month there is, that a
 * view of any range is cut from the same mask); the time on the list wherever the list it is the
 * median of is 1 to 5 young people. `values` maps each measure to its count month by month.
 */
export function flowSuppression(values: Readonly<Record<string, readonly number[]>>, alsoHidden: Readonly<Record<string, readonly boolean[]>> = {}): Record<string, boolean[]> {
  const keys = Object.keys(values).filter((k) => k !== TIME_ON_LIST.key);
  const flat: number[] = [];
  const extra: boolean[] = [];
  const at: Record<string, number[]> = {};
  for (const k of keys) at[k] = values[k].map((v, i) => (flat.push(v), extra.push(!!alsoHidden[k]?.[i]), flat.length - 1));
  const hidden = suppressCells(flat, flowIdentityRelations(at, values.onList?.length ?? 0), extra);
  const out: Record<string, boolean[]> = {};
  for (const k of keys) out[k] = at[k].map((x) => hidden[x]);
  if (values[TIME_ON_LIST.key]) out[TIME_ON_LIST.key] = values[TIME_ON_LIST.key].map((_, i) => isSmall(values.onList?.[i] ?? 0));
  return out;
}

/**
 * One dimension of a filtered view's person filters, counted category by category: for each
 * category of the dimension (for a multi-valued one, each combination of values a young person can
 * have, so that the categories still partition the young people), the view's figures cell by cell
 * with the other filters applied, and which categories the filter keeps. Their sum, cell by cell,
 * is the view with this dimension unfiltered.
 */
export interface FilterBreakdown {
  counts: readonly (readonly number[])[];
  selected: readonly boolean[];
  /** Cells the view with this dimension unfiltered hides from the start (the list total as the flows hide it). */
  totalAlsoHidden?: readonly boolean[];
}

/**
 * The one rule for what a filtered view may publish, wherever disclosure control applies: the cells
 * of the view (`view`, tied by `relations` as in suppressCells) to hide before its own primary and
 * secondary suppression.
 *
 * For each filter dimension in force, the figures of every one of its categories and their total
 * (the dimension unfiltered) form one table: each category's figures and the total's, tied by the
 * view's relations, and in each cell the categories adding up to the total. That table is
 * suppressed by suppressCells, its total kept as that view publishes it (its own primary and
 * secondary suppression, never more, so it is the very mask the view with this dimension unfiltered
 * shows), and where the total is shown and the categories hidden in a cell add up to 1 to 5, one
 * more is hidden (that sum is a filtered count too). With H the categories hidden in a cell, the filtered count (the sum over the selected
 * categories S) is published only where the table already gives it: S holds no hidden category, or
 * S holds all of them and the total is shown (the total less the categories shown). Every filtered
 * view of the dimension is then a sum of figures the one suppressed table publishes, so no number of
 * views side by side reveal more than it does. A cell is hidden too where the total less it is 1 to
 * 5 (what the filter leaves out is a small group). A cell is hidden when any dimension says so.
 *
 * With filters on two or more dimensions at once, each dimension's table is protected as above (the
 * other filters applied), and the view's corners too (`joint`, see cornersHidden): the view and the
 * views that drop some of its filters, combined by inclusion and exclusion, give each group that
 * meets some of the filters and fails the others, so a cell is hidden where any such group is 1 to 5.
 *
 * Residual risk, stated plainly: views that filter different selections on several dimensions are
 * not all judged against one table of every combination of every dimension (a table so fine that it
 * would hide nearly every filtered count), so a reader who combines many such views is protected by
 * the rules above and each view's own suppression, not by a proof over every combination.
 */
export function filteredViewHidden(view: readonly number[], relations: readonly (readonly number[])[], dimensions: readonly FilterBreakdown[], joint?: JointBreakdown): boolean[] {
  const hide = joint ? cornersHidden(view, joint) : view.map(() => false);
  for (const d of dimensions) {
    const n = view.length;
    const total = view.map((_, k) => d.counts.reduce((a, c) => a + c[k], 0));
    // The total as the view with this dimension unfiltered shows it.
    const totalHidden = suppressCells(total, relations, d.totalAlsoHidden ?? []);
    const values = [...d.counts.flatMap((c) => [...c]), ...total];
    const at = (c: number, k: number) => c * n + k;
    const totalAt = (k: number) => d.counts.length * n + k;
    const rels: number[][] = [];
    for (let c = 0; c <= d.counts.length; c++) for (const r of relations) rels.push(r.map((k) => (c < d.counts.length ? at(c, k) : totalAt(k))));
    for (let k = 0; k < n; k++) rels.push([...d.counts.map((_, c) => at(c, k)), totalAt(k)]);
    const fixed = values.map((_, i) => i >= d.counts.length * n);
    const extra = [...d.counts.flatMap(() => new Array<boolean>(n).fill(false)), ...totalHidden];
    // Where the total is shown, the hidden categories of a cell add up to what the total less the
    // others gives: that sum (a group some filter selects) must not be 1 to 5 either.
    let hidden = suppressCells(values, rels, extra, fixed);
    for (let more = true; more; ) {
      more = false;
      for (let k = 0; k < n; k++) {
        if (hidden[totalAt(k)]) continue;
        let sum = 0;
        let best = -1;
        d.counts.forEach((c, i) => {
          if (hidden[at(i, k)]) sum += c[k];
          else if (c[k] > 0 && (best < 0 || c[k] < d.counts[best][k])) best = i;
        });
        if (isSmall(sum) && best >= 0) {
          extra[at(best, k)] = true;
          more = true;
        }
      }
      if (more) hidden = suppressCells(values, rels, extra, fixed);
    }
    for (let k = 0; k < n; k++) {
      if (view[k] === 0) continue;
      let hiddenIn = 0;
      let hiddenOut = 0;
      d.counts.forEach((_, c) => {
        if (!hidden[at(c, k)]) return;
        if (d.selected[c]) hiddenIn++;
        else hiddenOut++;
      });
      const given = hiddenIn === 0 || (hiddenOut === 0 && !hidden[totalAt(k)]);
      if (!given || isSmall(total[k] - view[k])) hide[k] = true;
    }
  }
  return hide;
}

/**
 * A view filtered on two or more dimensions, counted jointly with none of those filters: for each
 * combination of their categories that some young person is in, its figures cell by cell, and which
 * of the view's filters it meets, dimension by dimension.
 */
export interface JointBreakdown {
  counts: readonly (readonly number[])[];
  meets: readonly (readonly boolean[])[];
}

/**
 * The corners of a filtered view: in each cell, for every way of meeting some of the view's filters
 * and failing the others (all met is the view itself), how many young people do. The view and the
 * views that drop some of its filters give each corner by inclusion and exclusion (for two filters
 * F and W: all − F − W + (F and W) are those who meet neither), so a non-zero cell is hidden where
 * any corner is 1 to 5. With one filter the one corner is the complement, as filteredViewHidden
 * already hides.
 */
export function cornersHidden(view: readonly number[], joint: JointBreakdown): boolean[] {
  return view.map((v, k) => {
    if (v === 0) return false;
    const corners = new Map<string, number>();
    joint.counts.forEach((c, i) => {
      const meets = joint.meets[i];
      if (meets.every(Boolean)) return;
      const key = meets.map((m) => (m ? '1' : '0')).join('');
      corners.set(key, (corners.get(key) ?? 0) + c[k]);
    });
    return [...corners.values()].some(isSmall);
  });
}

/** The flow identity as relations over flat figures (measure by measure, month by month). */
function flowIdentityRelations(at: Readonly<Record<string, readonly number[]>>, months: number): number[][] {
  const relations: number[][] = [];
  if (FLOW_IDENTITY.every((t) => at[t.measure])) {
    for (let i = 1; i < months; i++) relations.push(FLOW_IDENTITY.map((t) => at[t.measure][i - t.lag]));
  }
  return relations;
}

/** A dimension of filtered monthly figures, category by category (see FilterBreakdown): each category's figures by measure, month by month. */
export interface FlowFilterBreakdown {
  counts: readonly Readonly<Record<string, readonly number[]>>[];
  selected: readonly boolean[];
}

/** filteredViewHidden for the monthly figures: the counts to hide from the start in filtered flows (then flowSuppression). */
export function filteredFlowsHidden(
  values: Readonly<Record<string, readonly number[]>>,
  dimensions: readonly FlowFilterBreakdown[],
  joint?: { counts: readonly Readonly<Record<string, readonly number[]>>[]; meets: readonly (readonly boolean[])[] },
): Record<string, boolean[]> {
  const keys = Object.keys(values).filter((k) => k !== TIME_ON_LIST.key);
  const months = values.onList?.length ?? 0;
  const flat = (v: Readonly<Record<string, readonly number[]>>) => keys.flatMap((k) => Array.from({ length: months }, (_, i) => v[k]?.[i] ?? 0));
  const at = Object.fromEntries(keys.map((k, j) => [k, Array.from({ length: months }, (_, i) => j * months + i)]));
  const hidden = filteredViewHidden(
    flat(values),
    flowIdentityRelations(at, months),
    dimensions.map((d) => ({ counts: d.counts.map(flat), selected: d.selected })),
    joint && { counts: joint.counts.map(flat), meets: joint.meets },
  );
  return Object.fromEntries(keys.map((k) => [k, at[k].map((i) => hidden[i])]));
}

/** A dimension of a filtered table, category by category (see FilterBreakdown): each category's table, and the row totals its view hides from the start. */
export interface TableFilterBreakdown {
  counts: readonly (readonly ProtectedLine[])[];
  selected: readonly boolean[];
  totalsAlsoHidden?: readonly boolean[];
}

/** filteredViewHidden for a table (see suppressionMask): the cells and row totals to hide from the start in a filtered table. */
export function filteredTableHidden(
  rows: readonly ProtectedLine[],
  dimensions: readonly TableFilterBreakdown[],
  joint?: { counts: readonly (readonly ProtectedLine[])[]; meets: readonly (readonly boolean[])[] },
): { cells: boolean[][]; totals: boolean[] } {
  const flat = (t: readonly ProtectedLine[]) => t.flatMap((r, i) => [...r.cells, rows[i].total === null ? 0 : (r.total ?? 0)]);
  const at: number[][] = [];
  let next = 0;
  for (const r of rows) at.push(Array.from({ length: r.cells.length + 1 }, () => next++));
  const relations = rows.flatMap((r, i) => (r.total === null ? [] : [at[i]]));
  const hidden = filteredViewHidden(
    flat(rows),
    relations,
    dimensions.map((d) => ({
      counts: d.counts.map(flat),
      selected: d.selected,
      totalAlsoHidden: rows.flatMap((r, i) => [...r.cells.map(() => false), !!d.totalsAlsoHidden?.[i]]),
    })),
    joint && { counts: joint.counts.map(flat), meets: joint.meets },
  );
  return { cells: rows.map((r, i) => r.cells.map((_, j) => hidden[at[i][j]])), totals: rows.map((r, i) => r.total !== null && hidden[at[i][r.cells.length]]) };
}

/** A count as shown where disclosure control applies. */
export const shown = (value: number, hidden: boolean): string => (hidden ? SUPPRESSED : String(value));
