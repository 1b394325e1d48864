import { describe, expect, it } from 'vitest';
import { listFiltersFromUrl, toFilter } from '../list/ListPage';
import { defaultFilters, describeFilters, filtersFromView, listLink, readFilters, toAnalyticsFilter, writeFilters } from './filters';

const NOW = new Date('2026-03-17T12:00:00Z');

describe('dashboard filters in the address', () => {
  it('opens on the two years to the last complete month, and round-trips through the address', () => {
    const base = defaultFilters(NOW);
    expect(base).toMatchObject({ from: '2024-03', to: '2026-02', rag: [], gender: [] });
    const f = { ...base, rag: ['RED', 'AMBER'], gender: ['FEMALE'], ward: ['Castle Hill'] };
    expect(readFilters(writeFilters(f), NOW)).toEqual(f);
    expect(describeFilters(f)).toBe('Mar 2024 to Feb 2026; RAG rating: Red, Amber; gender: Female; home ward: Castle Hill');
  });

  it('drops what it does not know, and a range it cannot show', () => {
    const f = readFilters(new URLSearchParams('from=2026-05&to=2026-01&rag=PURPLE&gender=FEMALE'), NOW);
    expect(f).toMatchObject({ from: '2024-03', to: '2026-02', rag: [], gender: ['FEMALE'] });
    expect(filtersFromView('not json', NOW)).toEqual(defaultFilters(NOW));
    expect(filtersFromView(JSON.stringify({ from: '2025-01', to: '2025-12', model: ['ONLINE'] }), NOW)).toMatchObject({ from: '2025-01', to: '2025-12', model: ['ONLINE'] });
  });

  it('sends only the dates for roles that see whole-list figures', () => {
    const f = { ...defaultFilters(NOW), gender: ['FEMALE'] };
    expect(toAnalyticsFilter(f, false)).toEqual({ from: '2024-03', to: '2026-02' });
    expect(toAnalyticsFilter(f, true)).toEqual({ from: '2024-03', to: '2026-02', gender: ['FEMALE'] });
  });
});

describe('opening the young people behind a count', () => {
  it('carries the filters, the category and the count date to the MASE list, which reads them back', () => {
    const f = { ...defaultFilters(NOW), gender: ['FEMALE'], ageBand: ['AGE_15', 'AGE_16'] };
    const link = listLink(f, '2026-02-28', { dimension: 'RAG', category: 'RED' })!;
    expect(link.startsWith('/list?')).toBe(true);
    const read = listFiltersFromUrl(new URLSearchParams(link.split('?')[1]));
    expect(read).toMatchObject({ onListOn: '2026-02-28', rag: ['RED'], gender: ['FEMALE'], ageBand: ['AGE_15', 'AGE_16'] });
    expect(toFilter(read)).toMatchObject({ onListOn: '2026-02-28', rag: ['RED'], gender: ['FEMALE'], ageBand: ['AGE_15', 'AGE_16'] });
  });

  it('does not link where the list could not show exactly the group counted', () => {
    const f = { ...defaultFilters(NOW), model: ['ONLINE'] };
    expect(listLink(f, '2026-02-28', { dimension: 'ETHNICITY', category: 'WHITE_BRITISH' })).toBeNull();
    expect(listLink(f, '2026-02-28', { dimension: 'RAG', category: 'NONE' })).toBeNull();
    expect(listLink(f, '2026-02-28', { dimension: 'MODEL', category: 'COUNTY_LINES' })).toBeNull();
    expect(listLink(f, '2026-02-28', { dimension: 'MODEL', category: 'ONLINE' })).toBe('/list?onListOn=2026-02-28&model=ONLINE');
  });
});
