import type { ApolloCache } from '@apollo/client';
import { periodLabel, type AgencyKind, type ReturnStatus } from '@mase/shared';
import type { TagColour } from '../../components/Tag';
import type { ComplianceState } from '../../gql/graphql';

export { periodLabel };

/** How many months the agency lead's list (and home page) shows. */
export const RETURN_MONTHS = 12;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a month written yyyy-mm. */
export function isPeriod(value: string): boolean {
  return MONTH.test(value);
}

/** This month in London, yyyy-mm. */
export function currentPeriod(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
}

/** The month `n` months after `period` (negative goes back). */
export function addPeriods(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number);
  const index = y * 12 + m - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, oldest first. */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to && out.length < 120; p = addPeriods(p, 1)) out.push(p);
  return out;
}

const shortMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' });

/** "2026-10" as "Oct 2026", for narrow columns. */
export function shortPeriodLabel(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return shortMonth.format(new Date(Date.UTC(y, m - 1, 1)));
}

const longDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** A calendar day (yyyy-mm-dd) as "11 November 2026". */
export function longDate(day: string | null | undefined): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return day;
  return longDay.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

const shortDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/** A calendar day (yyyy-mm-dd) as "11 Nov", for narrow columns. */
export function shortDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? shortDay.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : day;
}

const londonMoment = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A moment as "3 November 2026, 14:05" in London time. */
export function longDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : londonMoment.format(d).replace(' at ', ', ');
}

export const STATUS_LABELS: Record<ReturnStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  RETURNED: 'Returned for correction',
  ACCEPTED: 'Accepted',
};

export const STATUS_COLOURS: Record<ReturnStatus, TagColour> = {
  DRAFT: 'light-blue',
  SUBMITTED: 'blue',
  RETURNED: 'orange',
  ACCEPTED: 'green',
};

export const COMPLIANCE_LABELS: Record<ComplianceState, string> = {
  ON_TIME: 'On time',
  LATE: 'Late',
  RETURNED: 'Returned',
  MISSING: 'Missing',
  DUE: 'Due',
};

export const COMPLIANCE_COLOURS: Record<ComplianceState, TagColour> = {
  ON_TIME: 'green',
  LATE: 'yellow',
  RETURNED: 'orange',
  MISSING: 'red',
  DUE: 'grey',
};

export const COMPLIANCE_MEANINGS: Record<ComplianceState, string> = {
  ON_TIME: 'submitted by the deadline',
  LATE: 'submitted after the deadline',
  RETURNED: 'sent back for correction and not yet submitted again',
  MISSING: 'the deadline has passed with nothing submitted',
  DUE: 'not submitted yet, the deadline is still ahead',
};

export const COMPLIANCE_ORDER: readonly ComplianceState[] = ['ON_TIME', 'LATE', 'RETURNED', 'MISSING', 'DUE'];

export const VERSION_KIND_LABELS: Record<string, string> = {
  SUBMISSION: 'Submission',
  RESUBMISSION: 'Resubmission after correction',
  AMENDMENT: 'Amendment',
};

/** The address of the CSV template for an agency kind. */
export function templateHref(kind: AgencyKind): string {
  return `/files/templates/returns/${kind.toLowerCase().replace(/_/g, '-')}.csv`;
}

/** Whether a return is with the panel (submitted or accepted) rather than still with the agency. */
export function isInHand(status: ReturnStatus | null | undefined): boolean {
  return status === 'SUBMITTED' || status === 'ACCEPTED';
}

/** After a return changes, forget every cached summary of returns so pages fetch afresh. */
export function forgetReturnSummaries(cache: ApolloCache): void {
  for (const fieldName of ['returnPeriods', 'returnCompliance', 'overdueReturns', 'returnTotals', 'agencyReturns', 'returnYoungPeopleToScreen']) {
    cache.evict({ id: 'ROOT_QUERY', fieldName });
  }
  cache.gc();
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
