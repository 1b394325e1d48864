import type { ApolloCache, Reference } from '@apollo/client';
import { AREAS, type ActionStatus, type AreaKey, type MeetingStatus, type Role } from '@mase/shared';
import type { TagColour } from '../../components/Tag';

const longDayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** A meeting's day (yyyy-mm-dd) as people say it, e.g. "Wednesday 18 March 2026". */
export function meetingDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const parts = longDayFormat.formatToParts(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`;
}

/** A day some days after another (yyyy-mm-dd in, yyyy-mm-dd out). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day of the month before the one a day falls in (yyyy-mm-dd). */
export function firstOfMonthBefore(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10);
}

/** The month after the one a day falls in, yyyy-mm. */
export function nextMonth(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

export const MEETING_STATUS_COLOURS: Record<MeetingStatus, TagColour> = {
  PLANNED: 'blue',
  AGENDA_ISSUED: 'turquoise',
  HELD: 'purple',
  MINUTES_APPROVED: 'green',
  CANCELLED: 'grey',
};

export const ACTION_STATUS_COLOURS: Record<ActionStatus, TagColour> = {
  OPEN: 'blue',
  IN_PROGRESS: 'yellow',
  DONE: 'green',
  CANCELLED: 'grey',
};

/** True when the role may open an area of the product (used to decide which links to offer). */
export function mayUse(role: Role, area: AreaKey): boolean {
  return AREAS.some((a) => a.key === area && a.available && a.roles.includes(role));
}

/** Where an agenda entry's link goes, if this role may follow it. */
export function entryHref(role: Role, kind: string | null, id: string | null): string | null {
  if (!kind || !id) return null;
  switch (kind) {
    case 'YOUNG_PERSON':
      return mayUse(role, 'list') ? `/list/${id}` : null;
    case 'PERSON_OF_CONCERN':
      return mayUse(role, 'intelligence') ? `/intelligence/people/${id}` : null;
    case 'PLACE':
      return mayUse(role, 'intelligence') ? `/intelligence/places/${id}` : null;
    case 'RETURN':
      return mayUse(role, 'returns') ? `/returns/view/${id}` : null;
    default:
      return null;
  }
}

/** The meeting pack of an issued agenda, redacted by the server for the viewer's role. */
export function packHref(meetingId: string): string {
  return `/files/meetings/${meetingId}/pack.pdf`;
}

/** Roles that build and edit the agenda. */
export function isPreparer(role: Role): boolean {
  return role === 'CO_CHAIR' || role === 'COORDINATOR' || role === 'ANALYST';
}

const TYPENAMES = { agenda: 'AgendaItem', actions: 'MeetingAction', decisions: 'Decision', blockages: 'Blockage' } as const;

/** Points a meeting's list field (agenda, actions, ...) at the given normalised objects, or adds them to it. */
export function setMeetingList(cache: ApolloCache, meetingId: string, field: keyof typeof TYPENAMES, items: readonly { id: string }[], mode: 'replace' | 'append' = 'replace'): void {
  cache.modify({
    id: cache.identify({ __typename: 'Meeting', id: meetingId }),
    fields: {
      [field]: (existing: readonly Reference[] = [], { toReference }) => {
        const refs = items.map((i) => toReference({ __typename: TYPENAMES[field], id: i.id })).filter((r): r is Reference => !!r);
        if (mode === 'replace') return refs;
        const seen = new Set(existing.map((r) => r.__ref));
        return [...existing, ...refs.filter((r) => !seen.has(r.__ref))];
      },
    },
  });
}
