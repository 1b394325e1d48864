/** Month helpers for the intelligence screens' time ranges (yyyy-mm). */

export interface MonthRange {
  from: string;
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value.trim());
}

/** The month `n` months after `month` (negative goes back). */
export function addMonths(month: string, n: number): string {
  const m = MONTH.exec(month);
  if (!m) return month;
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** This month in London, yyyy-mm. */
export function thisMonth(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
}

/** The last 12 months up to and including this one. */
export function lastTwelveMonths(now: Date = new Date()): MonthRange {
  const to = thisMonth(now);
  return { from: addMonths(to, -11), to };
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' });

/** "2026-03" or "2026-03-01" as "Mar 2026". */
export function formatMonth(value: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(value);
  if (!m) return value;
  return monthFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}

/** Checks a range typed by hand; returns an error message or null. */
export function rangeError(range: MonthRange): string | null {
  if (!isMonth(range.from)) return 'Enter the first month as yyyy-mm, for example 2025-04';
  if (!isMonth(range.to)) return 'Enter the last month as yyyy-mm, for example 2026-03';
  if (range.from > range.to) return 'The first month must be the same as or before the last month';
  return null;
}
