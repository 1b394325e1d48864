import { describe, expect, it } from 'vitest';
import { deadlineFor, defaultMeetingDate, isWorkingDay, londonDay, workingDaysBefore } from './deadlines.js';

const rule = { rule: 'WORKING_DAYS_BEFORE_MEETING' as const, workingDays: 5, fixedDay: 10, meetingWeekday: 3, meetingWeek: 3 };

describe('return deadlines', () => {
  it('skips weekends and England and Wales bank holidays', () => {
    expect(isWorkingDay('2026-12-25')).toBe(false); // Christmas Day
    expect(isWorkingDay('2026-12-28')).toBe(false); // Boxing Day substitute (a Monday)
    expect(isWorkingDay('2026-12-29')).toBe(true);
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-11-28')).toBe(false); // a Saturday
    // Five working days before Tuesday 2026-04-07 crosses Easter Monday and Good Friday.
    expect(workingDaysBefore('2026-04-07', 5)).toBe('2026-03-27');
  });

  it('puts the meeting on the nth weekday of the month after the period', () => {
    expect(defaultMeetingDate('2026-10', rule)).toBe('2026-11-18'); // third Wednesday of November 2026
    expect(defaultMeetingDate('2026-11', { meetingWeekday: 1, meetingWeek: 1 })).toBe('2026-12-07');
  });

  it('sets the deadline a number of working days before the meeting, or on a fixed day', () => {
    expect(deadlineFor('2026-10', rule)).toBe('2026-11-11');
    expect(deadlineFor('2026-10', rule, '2026-11-05')).toBe('2026-10-29');
    expect(deadlineFor('2026-01', { ...rule, rule: 'FIXED_DAY', fixedDay: 31 })).toBe('2026-02-28');
  });

  it('judges lateness on the London calendar day', () => {
    expect(londonDay(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // BST
    expect(londonDay(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31'); // GMT
  });
});
