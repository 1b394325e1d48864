import Holidays from 'date-holidays';

/** England and Wales bank holidays (the panel's working calendar), by yyyy-mm-dd. */
const calendar = new Holidays('GB', 'ENG');
const holidayCache = new Map<number, Set<string>>();
function holidays(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(calendar.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidayCache.set(year, set);
  }
  return set;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function isWorkingDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  const wd = d.getUTCDay();
  return wd !== 0 && wd !== 6 && !holidays(d.getUTCFullYear()).has(day);
}

/** The day `n` working days before `day`. */
export function workingDaysBefore(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() - 1);
    if (isWorkingDay(iso(d))) left--;
  }
  return iso(d);
}

export interface DeadlineRule {
  rule: 'WORKING_DAYS_BEFORE_MEETING' | 'FIXED_DAY';
  workingDays: number;
  fixedDay: number;
  meetingWeekday: number;
  meetingWeek: number;
}

/** yyyy-mm → the first day of the month after it. */
export function monthAfter(period: string): Date {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1));
}

/** The usual meeting day for a period: the nth given weekday of the month after it. */
export function defaultMeetingDate(period: string, rule: Pick<DeadlineRule, 'meetingWeekday' | 'meetingWeek'>): string {
  const d = monthAfter(period);
  const offset = (rule.meetingWeekday - d.getUTCDay() + 7) % 7;
  d.setUTCDate(1 + offset + 7 * (rule.meetingWeek - 1));
  return iso(d);
}

/** The deadline of a period's returns under the rule (and the meeting date, when one is scheduled). */
export function deadlineFor(period: string, rule: DeadlineRule, meetingDate: string | null = null): string {
  if (rule.rule === 'FIXED_DAY') {
    const d = monthAfter(period);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(rule.fixedDay, last));
    return iso(d);
  }
  return workingDaysBefore(meetingDate ?? defaultMeetingDate(period, rule), rule.workingDays);
}

/** The calendar day in London of an instant: what "submitted by the deadline" is judged on. */
export function londonDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** yyyy-mm periods from `from` to `to`, inclusive. */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
