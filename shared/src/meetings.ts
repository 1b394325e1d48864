/** The monthly MASE meeting: its statuses, the agenda's sections in the order practitioners use, decisions and actions. */
export const MEETING_STATUSES = ['PLANNED', 'AGENDA_ISSUED', 'HELD', 'MINUTES_APPROVED', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  PLANNED: 'Planned',
  AGENDA_ISSUED: 'Agenda issued',
  HELD: 'Held',
  MINUTES_APPROVED: 'Minutes approved',
  CANCELLED: 'Cancelled',
};

/** Victims, Offenders, Locations, Themes — framed by the standard items. */
export const AGENDA_SECTIONS = ['WELCOME', 'MINUTES', 'VICTIMS', 'OFFENDERS', 'LOCATIONS', 'THEMES', 'RETURNS', 'BLOCKAGES', 'AOB'] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];
export const AGENDA_SECTION_LABELS: Record<AgendaSection, string> = {
  WELCOME: '1. Welcome, attendance and apologies',
  MINUTES: '2. Minutes and actions from the last meeting',
  VICTIMS: '3. Victims',
  OFFENDERS: '4. Offenders',
  LOCATIONS: '5. Locations',
  THEMES: '6. Themes, trends and patterns',
  RETURNS: '7. Agency returns',
  BLOCKAGES: '8. Blockages and obstacles',
  AOB: '9. Any other business and date of next meeting',
};

/** The generated items, each in its section: one list from the data as it stands. */
export const AGENDA_GENERATORS = [
  { key: 'attendance', section: 'WELCOME', title: 'Attendance and apologies' },
  { key: 'last_minutes', section: 'MINUTES', title: 'Minutes and decisions of the last meeting' },
  { key: 'open_actions', section: 'MINUTES', title: 'Actions carried forward (overdue first)' },
  { key: 'new_to_list', section: 'VICTIMS', title: 'New to the list since the last meeting' },
  { key: 'score_rose', section: 'VICTIMS', title: 'Score rose at a screening' },
  { key: 'red', section: 'VICTIMS', title: 'Red (score 3)' },
  { key: 'reviews_overdue', section: 'VICTIMS', title: 'Reviews overdue' },
  { key: 'step_downs', section: 'VICTIMS', title: 'Proposed step-downs (latest screening scored 0)' },
  { key: 'cross_borough', section: 'VICTIMS', title: 'Looked-after children placed in or out of the borough' },
  { key: 'unscreened', section: 'VICTIMS', title: 'Named in agency returns but not yet screened' },
  { key: 'police_report', section: 'OFFENDERS', title: 'The police monthly report' },
  { key: 'people_of_concern', section: 'OFFENDERS', title: 'People of concern new or changed' },
  { key: 'disruptions', section: 'OFFENDERS', title: 'Disruption activity' },
  { key: 'complex_groups', section: 'OFFENDERS', title: 'Groups flagged for a complex strategy meeting' },
  { key: 'hot_spots', section: 'LOCATIONS', title: 'New and persistent hot spots' },
  { key: 'themes', section: 'THEMES', title: 'What changed this month' },
  { key: 'returns', section: 'RETURNS', title: 'Returns received, late and missing, and the month’s totals' },
  { key: 'blockages', section: 'BLOCKAGES', title: 'Blockages raised' },
  { key: 'next_meeting', section: 'AOB', title: 'Any other business; date of next meeting' },
] as const satisfies readonly { key: string; section: AgendaSection; title: string }[];
export type AgendaGenerator = (typeof AGENDA_GENERATORS)[number]['key'];

export const DECISION_KINDS = ['REMAIN', 'STEP_DOWN', 'ESCALATE', 'STRATEGY_MEETING', 'OTHER'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  REMAIN: 'Remain on the list',
  STEP_DOWN: 'Step down',
  ESCALATE: 'Escalate',
  STRATEGY_MEETING: 'Refer for a strategy meeting',
  OTHER: 'Other',
};

export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { OPEN: 'Open', IN_PROGRESS: 'In progress', DONE: 'Done', CANCELLED: 'Cancelled' };

export const ATTENDANCE_STATUSES = ['ATTENDED', 'APOLOGIES', 'ABSENT'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** "Amelia Quartermaine" → "A.Q.": how young people appear in agendas and packs. */
export function initials(firstName: string, lastName: string): string {
  return [firstName, lastName].map((n) => (n.trim()[0] ?? '').toUpperCase() + '.').join('');
}

/** The protective marking carried on every page of a pack. */
export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';
