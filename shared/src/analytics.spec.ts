import { describe, expect, it } from 'vitest';
import { complementHidden, flowSuppression, isSmall, medianDays, shown, suppressionMask, TIME_ON_LIST } from './analytics.js';

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

/**
 * The hidden cells a reader could work out exactly from the published ones and the relations
 * (each relation as its coefficients, summing to zero): those whose unit vector lies in the row space
 * of the relations restricted to the hidden cells.
 */
function solvable(values: number[], hidden: boolean[], relations: Map<number, number>[]): number[] {
  const unknown = values.map((v, i) => (hidden[i] && v !== 0 ? i : -1)).filter((i) => i >= 0);
  const rank = (rows: number[][]) => {
    const m = rows.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < unknown.length && r < m.length; c++) {
      const p = m.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
      if (p < 0) continue;
      [m[r], m[p]] = [m[p], m[r]];
      for (let i = 0; i < m.length; i++) if (i !== r) { const f = m[i][c] / m[r][c]; m[i] = m[i].map((x, j) => x - f * m[r][j]); }
      r++;
    }
    return r;
  };
  const base = relations.map((rel) => unknown.map((u) => rel.get(u) ?? 0));
  const k = rank(base);
  return unknown.filter((u, idx) => rank([...base, unknown.map((_, j) => (j === idx ? 1 : 0))]) === k);
}

describe('disclosure control over linear relations', () => {
  const flowRelations = (months: number, at: (measure: string, i: number) => number) => {
    const rels: Map<number, number>[] = [];
    for (let i = 1; i < months; i++) {
      rels.push(new Map([[at('onList', i), 1], [at('onList', i - 1), -1], [at('newToList', i), -1], [at('steppedDown', i), 1], [at('closed', i), 1]]));
    }
    return rels;
  };
  const flatten = (v: Record<string, number[]>, h: Record<string, boolean[]>) => {
    const keys = ['onList', 'newToList', 'steppedDown', 'closed'];
    const n = v.onList.length;
    return { values: keys.flatMap((k) => v[k]), hidden: keys.flatMap((k) => h[k]), at: (k: string, i: number) => keys.indexOf(k) * n + i, n };
  };

  it('hides a second flow when the change in the list would give a hidden one away', () => {
    const v = { onList: [20, 23, 23], newToList: [0, 3, 0], steppedDown: [0, 0, 0], closed: [0, 0, 0] };
    // Without secondary suppression: 23 − 20 = 3 − 0 − 0 recovers the hidden new-to-list count.
    const primary = flatten(v, { onList: [false, false, false], newToList: [false, true, false], steppedDown: [false, false, false], closed: [false, false, false] });
    expect(solvable(primary.values, primary.hidden, flowRelations(3, primary.at))).toEqual([primary.at('newToList', 1)]);
    const m = flowSuppression(v);
    expect(m.newToList).toEqual([false, true, false]);
    expect(m.onList).toEqual([true, false, false]); // 20 is the smallest non-zero other count of the relation
    const after = flatten(v, m);
    expect(solvable(after.values, after.hidden, flowRelations(3, after.at))).toEqual([]);
  });

  it('leaves no hidden flow solvable from the relations, over many random histories', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    let hiddenSeen = 0;
    for (let trial = 0; trial < 300; trial++) {
      const months = 2 + rand(10);
      const v: Record<string, number[]> = { onList: [], newToList: [], steppedDown: [], closed: [] };
      let list = rand(12);
      for (let i = 0; i < months; i++) {
        const joined = i === 0 ? 0 : rand(9);
        const stepped = i === 0 ? 0 : Math.min(list + joined, rand(5));
        const closed = i === 0 ? 0 : Math.min(list + joined - stepped, rand(4));
        list = list + joined - stepped - closed;
        v.onList.push(list);
        v.newToList.push(joined);
        v.steppedDown.push(stepped);
        v.closed.push(closed);
      }
      const m = flowSuppression(v);
      const f = flatten(v, m);
      hiddenSeen += f.hidden.filter(Boolean).length;
      f.values.forEach((x, i) => (isSmall(x) ? expect(f.hidden[i]).toBe(true) : x === 0 ? expect(f.hidden[i]).toBe(false) : undefined));
      expect(solvable(f.values, f.hidden, flowRelations(months, f.at))).toEqual([]);
    }
    expect(hiddenSeen).toBeGreaterThan(100);
  });

  it('hides a month’s time on the list where the list is 1 to 5 young people, whatever the days', () => {
    const m = flowSuppression({ onList: [0, 4, 30], newToList: [0, 4, 26], steppedDown: [0, 0, 0], closed: [0, 0, 0], [TIME_ON_LIST.key]: [0, 200, 3] });
    expect(m[TIME_ON_LIST.key]).toEqual([false, true, false]);
  });

  it('hides a filtered count whose complement in the unfiltered count is 1 to 5, and keeps zero', () => {
    expect(complementHidden([0, 10, 20, 3, 12], [2, 13, 40, 3, 18])).toEqual([false, true, false, false, false]);
    // With the complement hidden, a row total still shown must not give that cell away.
    const m = suppressionMask([{ cells: [10, 30, 12], total: 52 }], null, { cells: [[true, false, false]], totals: [false] });
    expect(m.cells[0]).toEqual([true, false, true]);
  });

  it('hides a cell when only its row total is hidden, so the cells do not add up to it', () => {
    const m = suppressionMask([{ cells: [10, 30, 12], total: 52 }], null, { cells: [[false, false, false]], totals: [true] });
    expect(m.totals).toEqual([true]);
    expect(m.cells[0]).toEqual([true, false, false]);
  });

  it('takes the median of time on the list as PostgreSQL’s percentile_disc(0.5) does', () => {
    expect(medianDays([])).toBe(0);
    expect(medianDays([40])).toBe(40);
    expect(medianDays([30, 10, 20, 40])).toBe(20);
    expect(medianDays([5, 1, 9])).toBe(5);
  });
});
