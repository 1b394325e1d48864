const LONDON = 'Europe/London';

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const dateTimeSecondsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A moment as people in the UK read it, e.g. "3 Mar 2026, 14:05". */
export function formatDateTime(iso: string | null | undefined, options: { seconds?: boolean } = {}): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return (options.seconds ? dateTimeSecondsFormat : dateTimeFormat).format(d);
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** How far London's clocks are ahead of UTC at a moment, in milliseconds. */
function londonOffsetMs(utcMs: number): number {
  const parts = partsFormat.formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The UTC moment at which a calendar day (YYYY-MM-DD, as a date input gives it) starts in London,
 * optionally some days later. Returns null for anything that is not a real date.
 */
export function londonStartOfDay(date: string, addDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const wallMidnight = Date.UTC(year, month - 1, day + addDays);
  let t = wallMidnight - londonOffsetMs(wallMidnight);
  t = wallMidnight - londonOffsetMs(t);
  return new Date(t).toISOString();
}
