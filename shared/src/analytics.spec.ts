import { describe, expect, it } from 'vitest';
import { shown, suppressionMask } from './analytics.js';

/** Tries to recover each hidden cell of a row from its published total and the other published cells. */
function recoverable(cells: number[], total: number | null, hidden: boolean[], totalHidden: boolean): number[] {
  if (total === null || totalHidden) return [];
  const unknown = hidden.map((h, i) => (h && cells[i] > 0 ? i : -1)).filter((i) => i >= 0);
  return unknown.length === 1 ? unknown : [];
}

describe('statistical disclosure control', () => {
  it('hides counts of 1 to 5 and keeps zero as zero', () => {
    const m = suppressionMask([{ cells: [0, 1, 5, 6, 40], total: null }]);
    expect(m.cells[0]).toEqual([false, true, true, false, false]);
    expect([0, 1, 5, 6, 40].map((v, i) => shown(v, m.cells[0][i]))).toEqual(['0', 'c', 'c', '6', '40']);
  });

  it('hides a second cell when the total would give a single hidden cell away', () => {
    const m = suppressionMask([{ cells: [3, 12, 9, 0], total: 24 }]);
    expect(m.cells[0]).toEqual([true, false, true, false]); // 9 is the smallest other non-zero cell
    expect(m.totals).toEqual([false]);
    expect(recoverable([3, 12, 9, 0], 24, m.cells[0], m.totals[0])).toEqual([]);
  });

  it('hides a small total, and needs nothing more when the only non-zero cell is already hidden', () => {
    const m = suppressionMask([{ cells: [4, 0, 0], total: 4 }]);
    expect(m.cells[0]).toEqual([true, false, false]);
    expect(m.totals).toEqual([true]);
  });

  it('protects rows and columns together until no line gives a cell away', () => {
    const rows = [
      { cells: [2, 10, 11], total: 23 },
      { cells: [8, 9, 30], total: 47 },
      { cells: [7, 13, 40], total: 60 },
    ];
    const columnTotals = [17, 32, 81];
    const m = suppressionMask(rows, columnTotals);
    // Every row and every column with a published total has zero or at least two hidden non-zero cells.
    rows.forEach((r, i) => expect(recoverable(r.cells, r.total, m.cells[i], m.totals[i])).toEqual([]));
    columnTotals.forEach((t, j) =>
      expect(
        recoverable(
          rows.map((r) => r.cells[j]),
          t,
          rows.map((_, i) => m.cells[i][j]),
          m.columnTotals[j],
        ),
      ).toEqual([]),
    );
    expect(m.cells[0][0]).toBe(true);
  });
});
