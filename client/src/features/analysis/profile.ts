import { DIMENSION_INFO, type Dimension } from '@mase/shared';
import type { AnalysisProfileQuery } from '../../gql/graphql';
import { addMonths, formatMonth } from '../intelligence/months';
import { cellFromCsv, colourFor, NOT_AVAILABLE, RAG_COLOURS, THIS_MONTH_COLOUR, YEAR_BEFORE_COLOUR, type Cell, type ChartSpec, type Series } from './data';
import type { Frame } from './Widget';

type Profile = AnalysisProfileQuery['victimProfile'];

/** The list size widget's one "category". */
export const TOTAL = 'TOTAL';

/** A victim-profile breakdown as months × categories, with the list size of each month. */
export interface Grid {
  periods: string[];
  /** The date each month was counted on (its last day, or today for this month). */
  dates: string[];
  categories: { key: string; label: string }[];
  /** cells[month][category] */
  cells: Cell[][];
  totals: Cell[];
  multi: boolean;
}

export function gridOf(profile: Profile, dimension: Dimension | typeof TOTAL): Grid {
  const totals = profile.periods.map((p) => profile.totals.find((t) => t.period === p)?.count ?? NOT_AVAILABLE);
  if (dimension === TOTAL) {
    return { periods: profile.periods, dates: profile.dates, categories: [{ key: TOTAL, label: 'On the list' }], cells: totals.map((t) => [t]), totals, multi: false };
  }
  const series = profile.series.find((s) => s.dimension === dimension);
  const known = DIMENSION_INFO[dimension].categories;
  const seen = [...new Map((series?.cells ?? []).map((c) => [c.category, c.label])).entries()].map(([key, label]) => ({ key, label }));
  const categories = known ? known.map((c) => ({ key: c.key, label: seen.find((s) => s.key === c.key)?.label ?? c.label })) : seen;
  const byKey = new Map((series?.cells ?? []).map((c) => [`${c.period}|${c.category}`, c.count]));
  return {
    periods: profile.periods,
    dates: profile.dates,
    categories,
    cells: profile.periods.map((p) => categories.map((c) => byKey.get(`${p}|${c.key}`) ?? { value: 0, display: '0' })),
    totals,
    multi: DIMENSION_INFO[dimension].multi,
  };
}

/**
 * The same grid from an export's rows (Month, a column per category, On the list), where counts
 * from 1 to 5 are "c" whoever exported them: what images are drawn from.
 */
export function gridFromExport(header: string[], rows: string[][], like: Grid, dimension: Dimension | typeof TOTAL): Grid {
  const periods = rows.map((r) => r[0]);
  const totalColumn = header.length - 1;
  const totals = rows.map((r) => cellFromCsv(r[totalColumn]));
  if (dimension === TOTAL) return { ...like, periods, dates: periods.map((p) => like.dates[like.periods.indexOf(p)] ?? p), cells: totals.map((t) => [t]), totals };
  const column = new Map(header.map((h, i) => [h, i]));
  return {
    ...like,
    periods,
    dates: periods.map((p) => like.dates[like.periods.indexOf(p)] ?? p),
    cells: rows.map((r) => like.categories.map((c) => cellFromCsv(r[column.get(c.label) ?? -1]))),
    totals,
  };
}

/** The months a time frame shows, as indexes into the grid's months. */
export function frameIndexes(grid: Grid, frame: Frame): number[] {
  const n = grid.periods.length;
  const from = frame === 'all' ? 0 : frame === 'year' ? Math.max(0, n - 12) : n - 1;
  return Array.from({ length: n - from }, (_, i) => from + i);
}

/** The index of the same month a year before the latest, or -1 when it is not in the range. */
export function yearBeforeIndex(grid: Grid): number {
  const latest = grid.periods[grid.periods.length - 1];
  return latest ? grid.periods.indexOf(addMonths(latest, -12)) : -1;
}

const nothing = (cells: Cell[]) => cells.every((c) => c.value === 0 || (c.value === null && c.display !== 'c'));

/**
 * What a widget draws for a time frame. The latest month: a bar per category, beside the same month
 * a year before when the range reaches back that far. Longer frames: the list size as a line, RAG
 * (and any breakdown where each young person counts once) as stacked bars, breakdowns where one
 * young person can count several times as lines. Categories with nobody in them are left out of the
 * chart (the table lists them all). Null when there is nothing to draw.
 */
export function profileSpec(grid: Grid, frame: Frame, dimension: Dimension | typeof TOTAL): ChartSpec | null {
  if (!grid.periods.length) return null;
  if (frame === 'latest') {
    const now = grid.periods.length - 1;
    const before = yearBeforeIndex(grid);
    const series: Series[] = [];
    if (before >= 0) series.push({ key: 'before', label: formatMonth(grid.periods[before]), colour: YEAR_BEFORE_COLOUR, values: grid.cells[before] });
    series.push({ key: 'now', label: formatMonth(grid.periods[now]), colour: THIS_MONTH_COLOUR, values: grid.cells[now] });
    const keep = grid.categories.map((_, j) => series.some((s) => !nothing([s.values[j]])));
    if (!keep.some(Boolean)) return null;
    return {
      layout: 'category',
      kind: 'bar',
      keys: grid.categories.filter((_, j) => keep[j]).map((c) => c.key),
      labels: grid.categories.filter((_, j) => keep[j]).map((c) => c.label),
      series: series.map((s) => ({ ...s, values: s.values.filter((_, j) => keep[j]) })),
    };
  }
  const months = frameIndexes(grid, frame);
  const columns = grid.categories
    .map((c, j) => ({ ...c, j, values: months.map((i) => grid.cells[i][j]) }))
    .filter((c) => !nothing(c.values));
  if (!columns.length) return null;
  const kind = dimension === TOTAL || grid.multi ? 'line' : 'stacked';
  return {
    layout: 'time',
    kind,
    keys: months.map((i) => grid.periods[i]),
    labels: months.map((i) => formatMonth(grid.periods[i])),
    series: columns.map((c, n) => ({ key: c.key, label: c.label, colour: dimension === 'RAG' ? (RAG_COLOURS[c.key] ?? colourFor(n)) : colourFor(n), values: c.values })),
  };
}

/** Which month and category a selected bar or point stands for. */
export function selection(grid: Grid, spec: ChartSpec, index: number, seriesKey: string): { period: number; category: string | null } | null {
  if (spec.layout === 'category') {
    const period = seriesKey === 'before' ? yearBeforeIndex(grid) : grid.periods.length - 1;
    const category = spec.keys[index];
    return period < 0 ? null : { period, category: category === TOTAL ? null : category };
  }
  const period = grid.periods.indexOf(spec.keys[index]);
  return period < 0 ? null : { period, category: seriesKey === TOTAL ? null : seriesKey };
}
