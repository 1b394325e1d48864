import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { LocationsFigures, ragChartSpec, ThemesChart, type AgendaFiguresState } from './AgendaFigures';

type Figures = NonNullable<AgendaFiguresState['figures']>;
const c = (value: number | null) => (value === null ? { value: null, display: 'c' } : { value, display: String(value) });
const PERIODS = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

function figures(over: Partial<Figures> = {}): Figures {
  return {
    period: '2026-11',
    frozen: false,
    chart: {
      periods: PERIODS,
      // As the server sends them: in the categories' own order, not the stacking order.
      series: [
        { category: 'GREEN', label: 'Green', counts: PERIODS.map(() => c(0)) },
        { category: 'AMBER', label: 'Amber', counts: PERIODS.map((_, i) => c(i === 5 ? null : 8)) },
        { category: 'RED', label: 'Red', counts: PERIODS.map(() => c(12)) },
        { category: 'NONE', label: 'Not screened', counts: PERIODS.map((_, i) => c(i === 5 ? null : 0)) },
      ],
      totals: PERIODS.map((_, i) => c(i === 5 ? 23 : 20)),
    },
    hotSpots: {
      from: '2026-09',
      to: '2026-11',
      frozen: false,
      locations: [{ locationId: 'l1', name: 'Pier Arcade', ward: null, lat: null, lng: null, incidents: 2, sightings: 4, highestRisk: 'HIGH', isNew: true, persistent: false }],
      wards: [],
      wardGeometry: { type: 'FeatureCollection', features: [] },
    },
    ...over,
  };
}
const state = (f: Figures | null): AgendaFiguresState => ({ figures: f, tiles: null, loading: false, error: undefined, retry: () => undefined });
const show = (ui: React.ReactElement) => render(<MemoryRouter>{ui}</MemoryRouter>);

describe('the agenda’s Locations map', () => {
  it('lists the hot spots in a table, saying why there is no map when no ward boundaries are imported', () => {
    show(<LocationsFigures state={state(figures())} role={'CO_CHAIR'} />);
    expect(screen.getByTestId('no-ward-boundaries').textContent).toMatch(/No ward boundaries are imported/);
    const table = screen.getByRole('table', { name: 'Hot spots, Sept 2026 to Nov 2026' });
    const row = within(table).getAllByRole('row')[1];
    expect(within(row).getByRole('link', { name: 'Pier Arcade' }).getAttribute('href')).toBe('/intelligence/places/l1');
    expect(row.textContent).toContain('New');
    expect(screen.getByTestId('figures-basis').textContent).toBe('From the data as it stands: the figures are frozen when the agenda is issued.');
  });

  it('says so when there are no new or persistent hot spots, and when the map is not the viewer’s', () => {
    const none = figures();
    none.hotSpots = { ...none.hotSpots!, frozen: true, locations: [] };
    const { unmount } = show(<LocationsFigures state={state(none)} role={'POLICE'} />);
    expect(screen.getByTestId('no-hot-spots').textContent).toBe('No new or persistent hot spots from Sept 2026 to Nov 2026: no place was reported for the first time in the last month, and none in each of the three months.');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByTestId('figures-basis').textContent).toBe('As the figures stood when the agenda was issued.');
    unmount();
    show(<LocationsFigures state={state(figures({ hotSpots: null }))} role={'AGENCY_LEAD'} />);
    expect(screen.getByTestId('hot-spot-map-withheld').textContent).toMatch(/listed above/);
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('the agenda’s Themes chart', () => {
  it('stacks red at the bottom, as the pack draws it', () => {
    expect(ragChartSpec(figures().chart).series.map((s) => s.key)).toEqual(['RED', 'AMBER', 'GREEN', 'NONE']);
  });

  it('has a table with every month, hidden counts as c, and says what c means', () => {
    show(<ThemesChart state={state(figures({ frozen: true }))} />);
    const table = screen.getByRole('table', { name: 'The MASE list by RAG rating, month by month' });
    const rows = within(table).getAllByRole('row').map((r) => within(r).queryAllByRole('cell').map((x) => x.textContent));
    expect(rows.slice(1)).toEqual([...PERIODS.slice(0, 5).map((_, i) => [['Jun', 'Jul', 'Aug', 'Sept', 'Oct'][i] + ' 2026', '12', '8', '0', '0', '20']), ['Nov 2026', '12', 'c', '0', 'c', '23']]);
    expect(screen.getByText('c = 1 to 5, hidden.')).toBeTruthy();
    expect(screen.getByTestId('figures-basis').textContent).toBe('As the figures stood when the agenda was issued.');
  });

  it('says there is nothing to chart when nobody was on the list', () => {
    const empty = figures();
    empty.chart = { ...empty.chart, series: empty.chart.series.map((s) => ({ ...s, counts: PERIODS.map(() => c(0)) })), totals: PERIODS.map(() => c(0)) };
    show(<ThemesChart state={state(empty)} />);
    expect(screen.getByTestId('themes-chart-empty').textContent).toMatch(/^Nobody was on the MASE list at the end of any month from Jun 2026 to Nov 2026/);
  });
});
