const LONDON = 'Europe/London';

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as people in the UK read it, in London time, e.g. "3 Mar 2026, 14:30". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function londonParts(ms: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of partsFormat.formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The value for an `<input type="datetime-local">` showing an instant in London time. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return '';
  const p = londonParts(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/**
 * A `datetime-local` value (yyyy-mm-ddThh:mm, read as London time whatever the browser's zone)
 * as an ISO instant, or null when it is not a real date and time.
 */
export function localInputToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // London is UTC or UTC+1: find the offset that maps back to the same wall-clock time.
  for (const offsetHours of [0, 1]) {
    const ms = wall - offsetHours * 3_600_000;
    const p = londonParts(ms);
    if (p.year === y && p.month === mo && p.day === d && p.hour === h && p.minute === mi) return new Date(ms).toISOString();
  }
  // A time skipped when the clocks go forward: take the hour after.
  return new Date(wall).toISOString();
}
