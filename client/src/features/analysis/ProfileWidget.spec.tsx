import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { AnalysisProfileQuery } from '../../gql/graphql';
import { defaultFilters } from './filters';
import { gridOf, profileSpec } from './profile';
import { ProfileWidget } from './ProfileWidget';

type Profile = AnalysisProfileQuery['victimProfile'];
const c = (value: number | null) => ({ value, display: value === null ? 'c' : String(value) });

/** Two months, a year apart, of RAG ratings, as an agency lead sees them: small counts hidden. */
const PROFILE: Profile = {
  
  periods: ['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'],
  dates: ['2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-17'],
  suppressed: true,
  totals: ['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'].map((period) => ({
    
    period,
    count: c(period === '2026-03' ? 31 : 28),
  })),
  series: [
    {
      
      dimension: 'RAG',
      label: 'RAG rating',
      multi: false,
      cells: ['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'].flatMap((period) =>
        [
          ['GREEN', 'Green', period === '2026-03' ? null : 8],
          ['AMBER', 'Amber', period === '2026-03' ? 12 : 10],
          ['RED', 'Red', period === '2026-03' ? 14 : null],
          ['NONE', 'Not screened', 0],
        ].map(([category, label, value]) => ({ period, category: String(category), label: String(label), count: c(value as number | null) })),
      ),
    },
  ],
};

function renderWidget(canList: boolean) {
  const filters = { ...defaultFilters(new Date('2026-03-17T12:00:00Z')), from: '2025-03', to: '2026-03' };
  render(
    <MockedProvider>
      <MemoryRouter>
        <ProfileWidget
          id="widget-rag"
          title="RAG rating"
          dimension="RAG"
          grid={gridOf(PROFILE, 'RAG')}
          defaultFrame="latest"
          filters={filters}
          sent={{ from: filters.from, to: filters.to }}
          canList={canList}
        />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('a victim-profile widget with suppressed counts', () => {
  it('shows "c" in its table, with no number behind it, and no change that would give it away', () => {
    renderWidget(false);
    const table = screen.getByRole('table', { name: /RAG rating: Mar 2026 and Mar 2025/ });
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(within(row('Green')).getAllByRole('cell').map((td) => td.textContent)).toEqual(['c', '8', 'c']);
    expect(within(row('Red')).getAllByRole('cell').map((td) => td.textContent)).toEqual(['14', 'c', 'c']);
    expect(within(row('Amber')).getAllByRole('cell').map((td) => td.textContent)).toEqual(['12', '10', '+2']);
    // Without access to the list, counts are not links.
    expect(within(table).queryAllByRole('link')).toEqual([]);
  });

  it('leaves hidden counts out of what is drawn', () => {
    const spec = profileSpec(gridOf(PROFILE, 'RAG'), 'latest', 'RAG')!;
    const now = spec.series.find((s) => s.key === 'now')!;
    expect(spec.keys).toEqual(['GREEN', 'AMBER', 'RED']); // nobody unscreened in either month: left out of the chart
    expect(now.values.map((v) => v.value)).toEqual([null, 12, 14]);
    expect(now.values.map((v) => v.display)).toEqual(['c', '12', '14']);
  });

  it('links each count to the young people behind it on the list, for roles that may see it', () => {
    renderWidget(true);
    const table = screen.getByRole('table', { name: /RAG rating: Mar 2026/ });
    const red = within(table).getByRole('link', { name: /^14 young people: Red, Mar 2026/ });
    expect(red.getAttribute('href')).toBe('/list?onListOn=2026-03-17&rag=RED');
    fireEvent.change(screen.getByLabelText('Time frame'), { target: { value: 'year' } });
    expect(screen.getByRole('table', { name: /RAG rating: Apr 2025 to Mar 2026/ })).toBeTruthy();
  });
});
