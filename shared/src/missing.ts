/**
 * Patterns in a young person's missing episodes that matter for CSE (DOMAIN.md, "Missing"):
 * repeated episodes, short absences in the school day, and weekend patterns. Times are judged in
 * UK local time, whatever the server's zone.
 */
export interface EpisodeTimes {
  startedAt: Date;
  endedAt: Date | null;
}

export interface MissingFlags {
  /** Three or more episodes starting within any 90 days. */
  repeated: boolean;
  /** Two or more episodes starting on a school day (Mon–Fri) between 08:30 and 15:30 and lasting under 8 hours. */
  shortSchoolDayAbsences: boolean;
  /** Two or more episodes that start between Friday 18:00 and Sunday 23:59. */
  weekendPattern: boolean;
  episodes: number;
  /** Episodes still open (no return recorded). */
  open: number;
}

export const REPEATED = { count: 3, withinDays: 90 } as const;

const londonParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function local(d: Date): { weekday: string; minutes: number } {
  const parts = Object.fromEntries(londonParts.formatToParts(d).map((p) => [p.type, p.value]));
  return { weekday: parts.weekday ?? '', minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

export function isShortSchoolDayAbsence(e: EpisodeTimes): boolean {
  if (!e.endedAt) return false;
  const { weekday, minutes } = local(e.startedAt);
  const hours = (e.endedAt.getTime() - e.startedAt.getTime()) / 3_600_000;
  return !['Sat', 'Sun'].includes(weekday) && minutes >= 8 * 60 + 30 && minutes <= 15 * 60 + 30 && hours < 8;
}

export function isWeekendStart(e: EpisodeTimes): boolean {
  const { weekday, minutes } = local(e.startedAt);
  return (weekday === 'Fri' && minutes >= 18 * 60) || weekday === 'Sat' || weekday === 'Sun';
}

export function missingFlags(episodes: readonly EpisodeTimes[]): MissingFlags {
  const starts = episodes.map((e) => e.startedAt.getTime()).sort((a, b) => a - b);
  const window = REPEATED.withinDays * 86_400_000;
  let repeated = false;
  for (let i = 0; i + REPEATED.count - 1 < starts.length; i++) {
    if (starts[i + REPEATED.count - 1] - starts[i] <= window) repeated = true;
  }
  return {
    repeated,
    shortSchoolDayAbsences: episodes.filter(isShortSchoolDayAbsence).length >= 2,
    weekendPattern: episodes.filter(isWeekendStart).length >= 2,
    episodes: episodes.length,
    open: episodes.filter((e) => !e.endedAt).length,
  };
}
