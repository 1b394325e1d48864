import { describe, expect, it } from 'vitest';
import { complementHidden, cornersHidden, filteredFlowsHidden, filteredTableHidden, flowSuppression, isSmall, medianDays, shown, suppressionMask, TIME_ON_LIST, type ProtectedLine } from './analytics.js';

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

/**
 * The attacker of filtered views: a table (months × cells, each month with its total) of a
 * dimension's categories, every filtered view of it (each subset of the categories) and the
 * unfiltered one published as disclosure control shows them. Returns the small counts a reader
 * could work out exactly: those whose vector over the unknowns (each category's count in each
 * cell) lies in the span of the published figures' vectors (and of the unknowns a published 0
 * shows to be 0).
 */
function attackFilteredViews(x: number[][][], rule: (view: ProtectedLine[], byCategory: ProtectedLine[][], selected: boolean[], whole: ProtectedLine[]) => { cells: boolean[][]; totals: boolean[] }) {
  const C = x.length;
  const R = x[0].length;
  const B = x[0][0].length;
  const u = (c: number, r: number, b: number) => (c * R + r) * B + b;
  const size = C * R * B;
  const tableOf = (S: boolean[]): ProtectedLine[] =>
    Array.from({ length: R }, (_, r) => {
      const cells = Array.from({ length: B }, (_, b) => x.reduce((a, cat, c) => a + (S[c] ? cat[r][b] : 0), 0));
      return { cells, total: cells.reduce((a, v) => a + v, 0) };
    });
  const vec = (S: boolean[], r: number, b: number | null) => {
    const v = new Array<number>(size).fill(0);
    for (let c = 0; c < C; c++) if (S[c]) for (let j = 0; j < B; j++) if (b === null || b === j) v[u(c, r, j)] = 1;
    return v;
  };
  const published: number[][] = [];
  const publish = (S: boolean[], table: ProtectedLine[], mask: { cells: boolean[][]; totals: boolean[] }) =>
    table.forEach((row, r) => {
      row.cells.forEach((v, b) => {
        if (mask.cells[r][b]) return;
        if (v === 0) for (let c = 0; c < C; c++) if (S[c]) published.push(vec(x.map((_, i) => i === c), r, b));
        published.push(vec(S, r, b));
      });
      if (!mask.totals[r]) published.push(vec(S, r, null));
    });
  const all = x.map(() => true);
  const whole = tableOf(all);
  const wholeMask = suppressionMask(whole);
  publish(all, whole, wholeMask);
  const subsets: boolean[][] = [];
  for (let bits = 1; bits < (1 << C) - 1; bits++) subsets.push(x.map((_, c) => ((bits >> c) & 1) === 1));
  const byCategory = x.map((_, c) => tableOf(x.map((_, i) => i === c)));
  let shownSmall = 0;
  for (const S of subsets) {
    const view = tableOf(S);
    const mask = suppressionMask(view, null, rule(view, byCategory, S, whole));
    view.forEach((row, r) => row.cells.forEach((v, b) => (isSmall(v) && !mask.cells[r][b] ? shownSmall++ : v === 0 && mask.cells[r][b] ? shownSmall++ : 0)));
    publish(S, view, mask);
  }
  // Row echelon form of the published vectors, once; a target is recoverable if it reduces to nothing.
  const basis: { pivot: number; row: number[] }[] = [];
  const reduce = (v: number[]) => {
    const w = [...v];
    for (const { pivot, row } of basis) {
      const f = w[pivot];
      if (Math.abs(f) > 1e-9) for (let j = 0; j < size; j++) w[j] -= f * row[j];
    }
    return w;
  };
  for (const v of published) {
    const w = reduce(v);
    const pivot = w.findIndex((a) => Math.abs(a) > 1e-9);
    if (pivot < 0) continue;
    const row = w.map((a) => a / w[pivot]);
    for (const b of basis) {
      const f = b.row[pivot];
      if (Math.abs(f) > 1e-9) for (let j = 0; j < size; j++) b.row[j] -= f * row[j];
    }
    basis.push({ pivot, row });
  }
  const recoverable = (v: number[]) => reduce(v).every((a) => Math.abs(a) < 1e-9);
  const leaks: string[] = [];
  let targets = 0;
  // Every small group a filtered view could count: a category in a cell or a month, or any subset of them.
  for (const S of subsets.concat([all])) {
    for (let r = 0; r < R; r++) {
      for (let b = -1; b < B; b++) {
        const n = x.reduce((a, cat, c) => a + (S[c] ? (b < 0 ? cat[r].reduce((s, v) => s + v, 0) : cat[r][b]) : 0), 0);
        if (!isSmall(n)) continue;
        targets++;
        if (recoverable(vec(S, r, b < 0 ? null : b))) leaks.push(`${S.map(Number).join('')} month ${r} cell ${b < 0 ? 'total' : b}: ${n}`);
      }
    }
  }
  return { leaks, targets, shownSmall };
}

/** Random small histories: a dimension of 3 to 5 categories, 1 to 3 months of 2 or 3 cells, counts often 1 to 5. */
function randomHistories(trials: number, seed0: number): number[][][][] {
  let seed = seed0;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const out: number[][][][] = [];
  for (let t = 0; t < trials; t++) {
    const C = 3 + rand(3);
    const R = 1 + rand(3);
    const B = 2 + rand(2);
    const big = rand(C);
    out.push(Array.from({ length: C }, (_, c) => Array.from({ length: R }, () => Array.from({ length: B }, () => (c === big ? 6 + rand(30) : [0, 1, 2, 3, 4, 6, 8, 12, 20][rand(9)])))));
  }
  return out;
}

const newRule = (view: ProtectedLine[], byCategory: ProtectedLine[][], selected: boolean[]) => filteredTableHidden(view, [{ counts: byCategory, selected }]);
/** The rule before: a filtered count hidden only where the unfiltered one less it is 1 to 5. */
const complementOnly = (view: ProtectedLine[], _: ProtectedLine[][], __: boolean[], whole: ProtectedLine[]) => ({
  cells: view.map((r, i) => complementHidden(r.cells, whole[i].cells)),
  totals: view.map((r, i) => complementHidden([r.total ?? 0], [whole[i].total ?? 0])[0]),
});

describe('disclosure control of filtered views', () => {
  it('a small group left out of two large filtered views: the complement rule alone gives it away, the rule does not', () => {
    // Gender: female 40, male 30, other 3, in one month of one breakdown cell (and a second cell of 20, 15, 0).
    const x = [[[40, 20]], [[30, 15]], [[3, 0]]];
    const before = attackFilteredViews(x, complementOnly);
    expect(before.leaks).toContain('001 month 0 cell 0: 3'); // unfiltered − female − male
    const after = attackFilteredViews(x, newRule);
    expect(after.leaks).toEqual([]);
    expect(after.shownSmall).toBe(0);
    // Large counts still shown, zero still zero: the female view shows 40 and 20 and the "other" view shows its 0.
    const female = [{ cells: [40, 20], total: 60 }];
    const byCategory = x.map((cat) => [{ cells: cat[0], total: cat[0][0] + cat[0][1] }]);
    const fm = suppressionMask(female, null, filteredTableHidden(female, [{ counts: byCategory, selected: [true, false, false] }]));
    expect(fm.cells[0]).toEqual([false, false]);
    const other = [{ cells: [3, 0], total: 3 }];
    const om = suppressionMask(other, null, filteredTableHidden(other, [{ counts: byCategory, selected: [false, false, true] }]));
    expect(om.cells[0]).toEqual([true, false]);
    // {other, female} and {other, male} less the total would give other: one of them is hidden.
    const pairs = [[true, false, true], [false, true, true]].map((selected) => {
      const v = [{ cells: [40 * Number(selected[0]) + 30 * Number(selected[1]) + 3, 20 * Number(selected[0]) + 15 * Number(selected[1])], total: 0 }];
      v[0].total = v[0].cells[0] + v[0].cells[1];
      return suppressionMask(v, null, filteredTableHidden(v, [{ counts: byCategory, selected }])).cells[0][0];
    });
    expect(pairs.filter(Boolean).length).toBeGreaterThan(0);
  });

  it('leaves no small group recoverable from every filtered view and the unfiltered one together, over many random histories', () => {
    let targets = 0;
    for (const x of randomHistories(300, 11)) {
      const r = attackFilteredViews(x, newRule);
      expect(r.leaks).toEqual([]);
      expect(r.shownSmall).toBe(0); // counts of 1 to 5 never shown, zero never hidden
      targets += r.targets;
    }
    expect(targets).toBeGreaterThan(1000);
  });

  it('the complement rule alone leaks in those same histories (so the attack above would notice a regression)', () => {
    let leaks = 0;
    for (const x of randomHistories(300, 11)) leaks += attackFilteredViews(x, complementOnly).leaks.length;
    expect(leaks).toBeGreaterThan(50);
  });

  it('treats the filtered flows the same way: a small group of new arrivals is not given away by the other groups and the whole list', () => {
    const months = 3;
    const series = (onList: number[], newToList: number[]) => ({ onList, newToList, steppedDown: new Array<number>(months).fill(0), closed: new Array<number>(months).fill(0) });
    const female = series([30, 40, 40], [0, 10, 0]);
    const male = series([25, 33, 33], [0, 8, 0]);
    const other = series([10, 13, 13], [0, 3, 0]);
    const counts = [female, male, other];
    const view = (sel: boolean[]) => Object.fromEntries(Object.keys(female).map((k) => [k, female[k as 'onList'].map((_, i) => counts.reduce((a, c, j) => a + (sel[j] ? c[k as 'onList'][i] : 0), 0))]));
    const maskOf = (sel: boolean[]) => flowSuppression(view(sel), filteredFlowsHidden(view(sel), [{ counts, selected: sel }]));
    const f = maskOf([true, false, false]);
    const m = maskOf([false, true, false]);
    // The other group's 3 new arrivals in month 1 equal the whole list's less the girls' and the boys': one of those is hidden.
    const whole = flowSuppression(view([true, true, true]));
    expect(whole.newToList[1]).toBe(false);
    expect(f.newToList[1] || m.newToList[1]).toBe(true);
    // Nor through the identity: the other group's list at the end of month 0 or 1 (the whole list's less the girls' and the boys') cannot both be worked out.
    const otherOnList = [0, 1].filter((i) => !whole.onList[i] && !f.onList[i] && !m.onList[i]);
    expect(otherOnList.length).toBeLessThan(2);
    expect(maskOf([false, false, true]).newToList[1]).toBe(true);
    // The girls' large counts stay shown where the line gives them, and zero stays zero.
    expect(f.onList).toEqual([false, false, false]);
    expect(f.steppedDown).toEqual([false, false, false]);
  });
});

describe('cornersHidden', () => {
  // Two filters (F, W): combinations meeting both, F only, W only, neither; two cells.
  const meets = [
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ];
  it('hides a cell where the group meeting neither filter is 1 to 5, though each filter alone leaves a large group out', () => {
    expect(cornersHidden([40, 40], { counts: [[40, 40], [30, 30], [25, 25], [3, 0]], meets })).toEqual([true, false]);
  });
  it('hides a cell where the group meeting one filter and failing the other is small, and keeps zero as zero', () => {
    expect(cornersHidden([40, 0], { counts: [[40, 0], [2, 4], [25, 25], [9, 9]], meets })).toEqual([true, false]);
  });
  it('shows a cell whose every corner is zero or above 5', () => {
    expect(cornersHidden([40], { counts: [[40], [0], [6], [12]], meets })).toEqual([false]);
  });
  it('sums the combinations of a corner before judging it', () => {
    // Two combinations (e.g. two wards not selected, with the same gender) of 3 each: the corner is 6.
    expect(cornersHidden([40], { counts: [[40], [30], [25], [3], [3]], meets: [...meets, [false, false]] })).toEqual([false]);
  });
});
