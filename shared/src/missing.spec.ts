import { describe, expect, it } from 'vitest';
import { isShortSchoolDayAbsence, isWeekendStart, missingFlags } from './missing.js';

const ep = (start: string, end: string | null) => ({ startedAt: new Date(start), endedAt: end ? new Date(end) : null });

describe('missing episode patterns (UK local time)', () => {
  it('a Tuesday 10:00–13:00 absence is a short school-day absence; a Saturday one or an overnight one is not', () => {
    expect(isShortSchoolDayAbsence(ep('2026-03-10T10:00:00Z', '2026-03-10T13:00:00Z'))).toBe(true);
    expect(isShortSchoolDayAbsence(ep('2026-03-14T10:00:00Z', '2026-03-14T13:00:00Z'))).toBe(false);
    expect(isShortSchoolDayAbsence(ep('2026-03-10T10:00:00Z', '2026-03-11T08:00:00Z'))).toBe(false);
    expect(isShortSchoolDayAbsence(ep('2026-03-10T10:00:00Z', null))).toBe(false);
  });

  it('judges the school day in London time: 08:00 UTC in summer is 09:00 in London', () => {
    expect(isShortSchoolDayAbsence(ep('2026-06-09T08:00:00Z', '2026-06-09T11:00:00Z'))).toBe(true);
    expect(isShortSchoolDayAbsence(ep('2026-01-13T08:00:00Z', '2026-01-13T11:00:00Z'))).toBe(false);
  });

  it('Friday evening to Sunday is a weekend start', () => {
    expect(isWeekendStart(ep('2026-03-13T19:00:00Z', null))).toBe(true);
    expect(isWeekendStart(ep('2026-03-13T12:00:00Z', null))).toBe(false);
    expect(isWeekendStart(ep('2026-03-15T23:00:00Z', null))).toBe(true);
    expect(isWeekendStart(ep('2026-03-16T09:00:00Z', null))).toBe(false);
  });

  it('flags three episodes within 90 days as repeated, but not three spread over a year', () => {
    const close = [ep('2026-01-05T20:00:00Z', '2026-01-06T09:00:00Z'), ep('2026-02-10T20:00:00Z', null), ep('2026-04-01T20:00:00Z', null)];
    expect(missingFlags(close)).toMatchObject({ repeated: true, episodes: 3, open: 2 });
    const spread = [ep('2025-01-05T20:00:00Z', null), ep('2025-06-10T20:00:00Z', null), ep('2025-12-01T20:00:00Z', null)];
    expect(missingFlags(spread).repeated).toBe(false);
  });

  it('needs two occurrences for the school-day and weekend patterns', () => {
    const one = [ep('2026-03-10T10:00:00Z', '2026-03-10T13:00:00Z'), ep('2026-03-13T19:00:00Z', null)];
    expect(missingFlags(one)).toMatchObject({ shortSchoolDayAbsences: false, weekendPattern: false });
    const two = [...one, ep('2026-03-17T10:00:00Z', '2026-03-17T12:00:00Z'), ep('2026-03-21T01:00:00Z', null)];
    expect(missingFlags(two)).toMatchObject({ shortSchoolDayAbsences: true, weekendPattern: true });
  });
});
