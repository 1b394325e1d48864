import { describe, expect, it } from 'vitest';
import { formatDateTime, londonStartOfDay } from './dates';

describe('londonStartOfDay', () => {
  it('is midnight UTC in winter (GMT)', () => {
    expect(londonStartOfDay('2026-01-15')).toBe('2026-01-15T00:00:00.000Z');
  });

  it('is 23:00 UTC the day before in summer (BST)', () => {
    expect(londonStartOfDay('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
  });

  it('adds days for an end-of-day bound, across the clocks changing', () => {
    // Clocks go forward on 29 March 2026: the day after the 28th starts at midnight GMT.
    expect(londonStartOfDay('2026-03-28', 1)).toBe('2026-03-29T00:00:00.000Z');
    expect(londonStartOfDay('2026-03-29', 1)).toBe('2026-03-29T23:00:00.000Z');
  });

  it('refuses dates that do not exist', () => {
    expect(londonStartOfDay('2026-02-30')).toBeNull();
    expect(londonStartOfDay('yesterday')).toBeNull();
  });
});

describe('formatDateTime', () => {
  it('shows UK local time', () => {
    expect(formatDateTime('2026-07-01T12:30:05Z', { seconds: true })).toBe('1 Jul 2026, 13:30:05');
    expect(formatDateTime('2026-01-01T12:30:05Z')).toBe('1 Jan 2026, 12:30');
    expect(formatDateTime(null)).toBe('');
  });
});
