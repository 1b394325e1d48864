import { describe, expect, it } from 'vitest';
import { cellFromCsv, change, count, HIDDEN, NOT_AVAILABLE, rollingSums, type Cell } from './data';
import { latestComparison, TREND_CHARTS, trendView } from './trends';

const months = (n: number, first = 1) => Array.from({ length: n }, (_, i) => `2025-${String(first + i).padStart(2, '0')}`);

describe('12-month rolling sums', () => {
  it('adds up twelve months of counts it may show', () => {
    const values = Array.from({ length: 13 }, (_, i) => count(i + 1));
    const sums = rollingSums(values);
    expect(sums.slice(0, 11)).toEqual(Array(11).fill(NOT_AVAILABLE));
    expect(sums[11]).toEqual(count(78)); // 1 + … + 12
    expect(sums[12]).toEqual(count(90)); // 2 + … + 13
  });

  it('refuses to add a hidden count: every sum that would include it is "c"', () => {
    const values: Cell[] = Array.from({ length: 14 }, () => count(10));
    values[1] = HIDDEN;
    const sums = rollingSums(values);
    expect(sums[11]).toEqual(HIDDEN); // months 0–11 include month 1
    expect(sums[12]).toEqual(HIDDEN); // months 1–12 include month 1
    expect(sums[13]).toEqual(count(120)); // months 2–13 are all shown
    expect(sums.map((s) => s.display)).not.toContain('NaN');
  });

  it('hides the rolling sum on the trends page when a month behind it is hidden', () => {
    const chart = TREND_CHARTS.find((c) => c.id === 'trend-joining-leaving')!;
    const periods = [...months(12), '2026-01', '2026-02'];
    const cells = periods.map((_, i) => (i === 1 ? HIDDEN : count(7)));
    const data = { periods, measures: chart.measures.map((m) => ({ measure: m, label: m, cells })) };
    const view = trendView(chart, data, { from: '2025-12', to: '2026-02', rolling: true, compare: false, meetings: [] });
    expect(view.columns[0].values.map((c) => c.display)).toEqual(['c', 'c', '84']);
    // The hidden sums are not drawn: the chart gets nothing for them.
    expect(view.spec?.series[0].values.map((c) => c.value)).toEqual([null, null, 84]);
  });

  it('does not add up counts at a month end, even when asked', () => {
    const chart = TREND_CHARTS.find((c) => c.id === 'trend-on-list')!;
    const periods = months(12);
    const data = { periods, measures: [{ measure: 'onList', label: 'On the list', cells: periods.map(() => count(40)) }] };
    const view = trendView(chart, data, { from: '2025-01', to: '2025-12', rolling: true, compare: false, meetings: ['2025-03-12'] });
    expect(view.columns[0].values.every((c) => c.value === 40)).toBe(true);
    expect(view.spec?.marks).toEqual(['2025-03']);
  });
});

describe('comparisons and exported cells', () => {
  it('compares with a year before, hiding a change that would reveal a hidden count', () => {
    expect(change(count(12), count(9))).toBe('+3');
    expect(change(count(2), count(9))).toBe('-7');
    expect(change(HIDDEN, count(9))).toBe('c');
    expect(change(count(9), NOT_AVAILABLE)).toBe('–');
  });

  it('reads "c" from an export as hidden, never as a number', () => {
    expect(cellFromCsv('c')).toEqual(HIDDEN);
    expect(cellFromCsv('14')).toEqual(count(14));
    expect(cellFromCsv('0')).toEqual(count(0));
    expect(cellFromCsv(undefined)).toEqual(NOT_AVAILABLE);
  });

  it('states the latest month against the same month a year before', () => {
    const chart = TREND_CHARTS.find((c) => c.id === 'trend-missing-people')!;
    const periods = [...months(12), '2026-01'];
    const cells = periods.map((_, i) => (i === 0 ? HIDDEN : count(i + 6)));
    const view = trendView(chart, { periods, measures: [{ measure: 'missingYoungPeople', label: 'Young people missing', cells }] }, { from: '2026-01', to: '2026-01', rolling: false, compare: true, meetings: [] });
    expect(latestComparison(view)).toEqual([{ label: 'Young people missing', now: '18', before: 'c', change: 'c' }]);
  });
});
