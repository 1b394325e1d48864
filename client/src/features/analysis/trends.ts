import { FLOW_MEASURES, TIME_ON_LIST, type FlowMeasure } from '@mase/shared';
import { addMonths, formatMonth } from '../intelligence/months';
import { cellFromCsv, change, colourFor, NOT_AVAILABLE, rollingSums, type Cell, type ChartSpec, type Series } from './data';
import { writeFilters, type DashboardFilters } from './filters';
import type { Frame } from './Widget';

export type TrendSource = 'flows' | 'police' | 'agencies';

export interface TrendChart {
  id: string;
  title: string;
  source: TrendSource;
  measures: string[];
  kind: 'line' | 'bar';
  /**
   * True for monthly flows, which a 12-month rolling view adds up. Counts at a month's end (the list,
   * reviews overdue, open investigations) and counts of different young people each month are not
   * added: the same young person would count more than once.
   */
  summable: boolean;
  hint?: string;
}

export const TREND_CHARTS: TrendChart[] = [
  { id: 'trend-on-list', title: 'On the list at month end', source: 'flows', measures: ['onList'], kind: 'line', summable: false },
  {
    id: 'trend-time-on-list',
    title: 'Time on the list',
    source: 'flows',
    measures: [TIME_ON_LIST.key],
    kind: 'line',
    summable: false,
    hint: 'Of the young people on the list at the month end (today, this month), the median number of days since they joined it. Hidden where 1 to 5 are on the list.',
  },
  { id: 'trend-joining-leaving', title: 'Joining and leaving the list', source: 'flows', measures: ['newToList', 'steppedDown', 'closed'], kind: 'bar', summable: true },
  { id: 'trend-scores', title: 'Scores rising and falling at screenings', source: 'flows', measures: ['escalations', 'deescalations'], kind: 'bar', summable: true },
  { id: 'trend-reviews', title: 'Reviews completed', source: 'flows', measures: ['reviewsOnTime', 'reviewsLate'], kind: 'bar', summable: true },
  { id: 'trend-overdue', title: 'Reviews overdue at month end', source: 'flows', measures: ['reviewsOverdue'], kind: 'line', summable: false },
  { id: 'trend-missing', title: 'Missing episodes', source: 'flows', measures: ['missingEpisodes', 'missingOnList'], kind: 'line', summable: true },
  {
    id: 'trend-missing-people',
    title: 'Young people who went missing',
    source: 'flows',
    measures: ['missingYoungPeople'],
    kind: 'line',
    summable: false,
    hint: 'Each young person counts once a month, however many times they went missing.',
  },
  {
    id: 'trend-investigations',
    title: 'Open police investigations',
    source: 'police',
    measures: ['openInvestigations'],
    kind: 'line',
    summable: false,
    hint: 'From the police monthly report. Police figures are for the whole borough: the filters by young person do not apply.',
  },
  {
    id: 'trend-disruption',
    title: 'Police disruption and prosecution',
    source: 'police',
    measures: ['arrests', 'charges', 'convictions', 'cawns', 'orders', 'otherDisruptions'],
    kind: 'line',
    summable: true,
    hint: 'From the police monthly report. Police figures are for the whole borough: the filters by young person do not apply.',
  },
  {
    id: 'trend-agencies',
    title: 'Agency activity from monthly returns',
    source: 'agencies',
    measures: ['PREVENTION', 'DISRUPTION', 'PROSECUTION', 'REFERRALS'],
    kind: 'line',
    summable: true,
    hint: 'Totals of the returns agencies submitted, by section of the return. The filters by young person do not apply.',
  },
];

/** The trends chart a measure is drawn in (for links to it). */
export function chartForMeasure(measure: string | null | undefined): TrendChart | undefined {
  return TREND_CHARTS.find((c) => measure && c.measures.includes(measure));
}

/** Monthly figures of one measure over the months fetched. */
export interface MeasureData {
  measure: string;
  label: string;
  cells: Cell[];
}

export interface TrendData {
  /** Months fetched: the range shown, and up to two years before it for rolling sums and comparisons. */
  periods: string[];
  measures: MeasureData[];
}

export interface TrendOptions {
  from: string;
  to: string;
  rolling: boolean;
  compare: boolean;
  /** MASE meeting dates (yyyy-mm-dd). */
  meetings: string[];
}

export interface TrendView {
  spec: ChartSpec | null;
  months: string[];
  /** The figures of each measure in the months shown (rolled up when the rolling view is on). */
  columns: { measure: string; label: string; values: Cell[]; yearBefore: Cell[]; rolled: boolean }[];
  /** Meeting dates by month shown. */
  meetings: Map<string, string[]>;
}

/** The figures of a measure in each month, rolled up over 12 months when asked and it adds up. */
function valuesOf(m: MeasureData, rolled: boolean): Cell[] {
  return rolled ? rollingSums(m.cells, 12) : m.cells;
}

export function trendView(chart: TrendChart, data: TrendData, o: TrendOptions): TrendView {
  const months = data.periods.filter((p) => p >= o.from && p <= o.to);
  const at = (cells: Cell[], period: string) => {
    const i = data.periods.indexOf(period);
    return i < 0 ? NOT_AVAILABLE : (cells[i] ?? NOT_AVAILABLE);
  };
  const rolled = o.rolling && chart.summable;
  const columns = chart.measures.flatMap((key) => {
    const m = data.measures.find((x) => x.measure === key);
    if (!m) return [];
    const all = valuesOf(m, rolled);
    return [{ measure: key, label: m.label, values: months.map((p) => at(all, p)), yearBefore: months.map((p) => at(all, addMonths(p, -12))), rolled }];
  });
  const meetings = new Map<string, string[]>();
  for (const d of o.meetings) {
    const p = d.slice(0, 7);
    if (months.includes(p)) meetings.set(p, [...(meetings.get(p) ?? []), d]);
  }
  const drawn = columns.some((c) => c.values.some((v) => v.value !== 0 && v.display !== '–'));
  const series: Series[] = columns.flatMap((c, i) => {
    const now: Series = { key: c.measure, label: c.label, colour: colourFor(i), values: c.values };
    if (!o.compare) return [now];
    return [now, { key: `${c.measure}-before`, label: `${c.label}, a year before`, colour: colourFor(i), values: c.yearBefore, dashed: true }];
  });
  return {
    spec: drawn
      ? { layout: 'time', kind: o.compare ? 'line' : chart.kind, keys: months, labels: months.map(formatMonth), series, marks: [...meetings.keys()] }
      : null,
    months,
    columns,
    meetings,
  };
}

/** The latest month against the same month a year before, per measure. */
export function latestComparison(view: TrendView): { label: string; now: string; before: string; change: string }[] {
  const last = view.months.length - 1;
  if (last < 0) return [];
  return view.columns.map((c) => ({ label: c.label, now: c.values[last].display, before: c.yearBefore[last].display, change: change(c.values[last], c.yearBefore[last]) }));
}

/**
 * Trend data from an export (Month, then a column per measure named by its label), where counts
 * from 1 to 5 are "c" whoever exported them: what images are drawn from.
 */
export function trendDataFromExport(header: string[], rows: string[][], like: TrendData): TrendData {
  const column = new Map(header.map((h, i) => [h, i]));
  return {
    periods: rows.map((r) => r[0]),
    measures: like.measures.map((m) => ({ ...m, cells: rows.map((r) => cellFromCsv(r[column.get(m.label) ?? -1])) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Each widget's time frame, and the young people behind a month's count
// ---------------------------------------------------------------------------------------------

/** The address parameter keeping a trend widget's time frame (absent: the dashboard's whole range). */
export const frameParam = (chartId: string) => `frame-${chartId}`;

/** A trend widget's time frame, as kept in the address. */
export function readFrame(params: URLSearchParams, chartId: string): Frame {
  const v = params.get(frameParam(chartId));
  return v === 'latest' || v === 'year' ? v : 'all';
}

/** The address with one widget's time frame set (the whole range is the default, so it is left out). */
export function writeFrame(params: URLSearchParams, chartId: string, frame: Frame): URLSearchParams {
  const next = new URLSearchParams(params);
  if (frame === 'all') next.delete(frameParam(chartId));
  else next.set(frameParam(chartId), frame);
  return next;
}

/** The address parameters that are widgets' time frames (kept when the dashboard's filters change). */
export function frameParams(params: URLSearchParams): [string, string][] {
  return [...params.entries()].filter(([k]) => TREND_CHARTS.some((c) => frameParam(c.id) === k));
}

/** The months a time frame shows of the dashboard's range: all of it, its last 12 months, or its last month. */
export function frameRange(frame: Frame, from: string, to: string): { from: string; to: string } {
  if (frame === 'latest') return { from: to, to };
  if (frame === 'year') {
    const start = addMonths(to, -11);
    return { from: start > from ? start : from, to };
  }
  return { from, to };
}

const COHORT_MEASURES = new Set<string>(FLOW_MEASURES.map((m) => m.key));

/** True for the measures that count young people (or their spells, screenings or episodes): those the MASE list can show the young people behind. */
export const hasCohort = (measure: string): measure is FlowMeasure => COHORT_MEASURES.has(measure);

/**
 * The MASE list's address for the young people behind a month's count of a measure, with the
 * dashboard's filters, its months and `keep` (the widgets' time frames, for the way back).
 */
export function cohortLink(f: DashboardFilters, measure: FlowMeasure, month: string, keep: [string, string][] = []): string {
  const params = new URLSearchParams({ cohort: measure, month });
  for (const [k, v] of [...writeFilters(f), ...keep]) params.append(k, v);
  return `/list?${params.toString()}`;
}

/** Reads a cohort from the MASE list's address, or null. */
export function readCohort(params: URLSearchParams): { measure: FlowMeasure; month: string } | null {
  const measure = params.get('cohort') ?? '';
  const month = params.get('month') ?? '';
  return hasCohort(measure) && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? { measure, month } : null;
}
