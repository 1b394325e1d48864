import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChartView } from './ChartView';
import { count, HIDDEN, type ChartSpec } from './data';

const bars = (container: HTMLElement) => [...container.querySelectorAll<SVGGElement>('.app-chart-bar')];
const marks = (container: HTMLElement) => [...container.querySelectorAll<SVGGElement>('[data-hidden="c"]')];

describe('charts of suppressed counts', () => {
  it('draws no bar for a hidden count, and marks it "c" instead', () => {
    const spec: ChartSpec = {
      layout: 'category',
      kind: 'bar',
      keys: ['RED', 'AMBER', 'GREEN'],
      labels: ['Red', 'Amber', 'Green'],
      series: [
        { key: 'before', label: 'Mar 2025', colour: '#505a5f', values: [HIDDEN, count(9), count(8)] },
        { key: 'now', label: 'Mar 2026', colour: '#1d70b8', values: [count(12), HIDDEN, count(7)] },
      ],
    };
    const { container } = render(<ChartView spec={spec} label="RAG rating in Mar 2026" width={600} height={300} />);
    // Four counts are drawn; the two hidden ones are not, at any height.
    expect(bars(container).map((b) => `${b.dataset.series}:${b.dataset.key}=${b.dataset.value}`).sort()).toEqual(['before:AMBER=9', 'before:GREEN=8', 'now:GREEN=7', 'now:RED=12']);
    expect(marks(container).map((m) => `${m.dataset.series}:${m.dataset.key}`).sort()).toEqual(['before:RED', 'now:AMBER']);
    expect(marks(container).every((m) => m.textContent === 'c')).toBe(true);
    expect(container.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('RAG rating in Mar 2026');
  });

  it('stacks only the counts it may show, with one "c" on a month with a hidden count', () => {
    const spec: ChartSpec = {
      layout: 'time',
      kind: 'stacked',
      keys: ['2026-01', '2026-02'],
      labels: ['Jan 2026', 'Feb 2026'],
      series: [
        { key: 'RED', label: 'Red', colour: '#d4351c', values: [count(6), HIDDEN] },
        { key: 'AMBER', label: 'Amber', colour: '#f47738', values: [count(10), count(11)] },
      ],
    };
    const { container } = render(<ChartView spec={spec} label="RAG rating over time" width={600} height={300} />);
    expect(bars(container).map((b) => `${b.dataset.series}:${b.dataset.key}`).sort()).toEqual(['AMBER:2026-01', 'AMBER:2026-02', 'RED:2026-01']);
    expect(marks(container).map((m) => m.dataset.key)).toEqual(['2026-02']);
  });

  it('leaves a gap in a line where a count is hidden', () => {
    const spec: ChartSpec = {
      layout: 'time',
      kind: 'line',
      keys: ['2026-01', '2026-02', '2026-03'],
      labels: ['Jan 2026', 'Feb 2026', 'Mar 2026'],
      series: [{ key: 'TOTAL', label: 'On the list', colour: '#1d70b8', values: [count(8), HIDDEN, count(9)] }],
    };
    const { container } = render(<ChartView spec={spec} label="List size" width={600} height={300} />);
    const points = [...container.querySelectorAll<SVGCircleElement>('.app-chart-point')];
    expect(points.map((p) => `${p.dataset.key}=${p.dataset.value}`)).toEqual(['2026-01=8', '2026-03=9']);
    expect(marks(container).map((m) => m.dataset.key)).toEqual(['2026-02']);
  });
});
