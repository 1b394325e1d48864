import { SUPPRESSED } from '@mase/shared';

/** A count as the viewer may see it: `value` is null where disclosure control hides it (`display` "c"). */
export interface Cell {
  value: number | null;
  display: string;
}

export const SUPPRESSED_NOTE = 'c = 1 to 5, hidden';
/** Shown where there is no figure (a month before the range, or too few months to add up). */
export const NOT_AVAILABLE: Cell = { value: null, display: '–' };
export const HIDDEN: Cell = { value: null, display: SUPPRESSED };

export const isHidden = (c: Cell | undefined): boolean => c?.display === SUPPRESSED;
export const count = (n: number): Cell => ({ value: n, display: String(n) });

/** A cell of an exported CSV: "c", a whole number, or nothing. */
export function cellFromCsv(text: string | undefined): Cell {
  if (text === undefined || text === '') return NOT_AVAILABLE;
  if (text === SUPPRESSED) return HIDDEN;
  const n = Number(text);
  return Number.isFinite(n) ? count(n) : NOT_AVAILABLE;
}

/**
 * Rolling sums over `window` months. A sum that would include a hidden count is itself hidden
 * ("c"): adding a hidden count as anything (nought, or a guess) would publish a made-up number.
 * The first months of the range, without `window` months behind them, have no sum.
 */
export function rollingSums(values: readonly Cell[], window = 12): Cell[] {
  return values.map((_, i) => {
    if (i < window - 1) return NOT_AVAILABLE;
    const span = values.slice(i - window + 1, i + 1);
    if (span.some(isHidden)) return HIDDEN;
    if (span.some((c) => c.value === null)) return NOT_AVAILABLE;
    return count(span.reduce((sum, c) => sum + (c.value ?? 0), 0));
  });
}

/** The change from a year before, as shown: "c" when either count is hidden, "–" when one is missing. */
export function change(now: Cell | undefined, before: Cell | undefined): string {
  if (isHidden(now) || isHidden(before)) return SUPPRESSED;
  if (now?.value == null || before?.value == null) return '–';
  const d = now.value - before.value;
  return d > 0 ? `+${d}` : String(d);
}

/** One line (or set of bars) of a chart. */
export interface Series {
  key: string;
  label: string;
  colour: string;
  values: Cell[];
  dashed?: boolean;
}

/**
 * What a chart draws, independent of how: time charts have months along the bottom; category
 * charts have categories down the side (with a bar per series, e.g. this month and a year before).
 */
export interface ChartSpec {
  layout: 'time' | 'category';
  kind: 'line' | 'bar' | 'stacked';
  /** The key of each position along the category axis (a month or a category). */
  keys: string[];
  /** How each position reads. */
  labels: string[];
  series: Series[];
  /** Keys of months with a MASE meeting (time charts). */
  marks?: string[];
}

export function hasHidden(spec: ChartSpec): boolean {
  return spec.series.some((s) => s.values.some(isHidden));
}

/** The rows Recharts draws: hidden and missing counts are null, so nothing is drawn for them. */
export function chartRows(spec: ChartSpec): Record<string, string | number | null>[] {
  return spec.keys.map((key, i) => {
    const row: Record<string, string | number | null> = { key, label: spec.labels[i] };
    for (const s of spec.series) row[s.key] = s.values[i]?.value ?? null;
    return row;
  });
}

/** Where a "c" marker goes: one per hidden count (grouped bars), or one per position (lines, stacks). */
export interface HiddenMark {
  index: number;
  /** The series' position in a group of bars, or null for one marker per position. */
  slot: number | null;
  /** Stacked bars: the top of what is drawn, where the marker sits. */
  base: number;
}

export function hiddenMarks(spec: ChartSpec): HiddenMark[] {
  const marks: HiddenMark[] = [];
  if (spec.kind === 'bar') {
    spec.series.forEach((s, slot) => s.values.forEach((c, index) => (isHidden(c) ? marks.push({ index, slot, base: 0 }) : undefined)));
    return marks;
  }
  spec.keys.forEach((_, index) => {
    if (!spec.series.some((s) => isHidden(s.values[index]))) return;
    const base = spec.kind === 'stacked' ? spec.series.reduce((sum, s) => sum + (s.values[index]?.value ?? 0), 0) : 0;
    marks.push({ index, slot: null, base });
  });
  return marks;
}

/** GOV.UK Frontend's colours, in an order where neighbours differ. */
export const PALETTE = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#f47738', '#28a197', '#d53880', '#003078', '#b58840', '#6f72af', '#505a5f', '#912b88', '#85994b', '#5694ca'];
export const RAG_COLOURS: Record<string, string> = { RED: '#d4351c', AMBER: '#f47738', GREEN: '#00703c', NONE: '#b1b4b6' };
export const THIS_MONTH_COLOUR = '#1d70b8';
export const YEAR_BEFORE_COLOUR = '#505a5f';

export const colourFor = (i: number): string => PALETTE[i % PALETTE.length];
