import { INDICATORS } from '@mase/shared';
import type { EntityManager } from 'typeorm';

/**
 * The monthly snapshots behind the analyst's figures (migration AnalyticsSnapshots): maintained by
 * the database as the data changes; brought up to the last complete month here.
 */

/** Which indicators count in which breakdown, as the live queries count them: the snapshot's catalogue. */
export const SNAPSHOT_CATALOGUE = JSON.stringify(
  INDICATORS.flatMap((x) => [
    ...(x.area ? [['SAFEGUARD_AREA', x.id, x.area]] : []),
    ...(x.group === 'PUSH' ? [['PUSH_FACTOR', x.id, x.id]] : []),
    ...(x.group === 'PULL' ? [['PULL_FACTOR', x.id, x.id]] : []),
  ]).sort((a, b) => (a.join('|') < b.join('|') ? -1 : 1)),
);

/** The last complete month (yyyy-mm): the month before today's. */
export function lastCompletePeriod(today = new Date()): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

/**
 * Brings the snapshot up to the last complete month (normally a no-op; once a month it adds the
 * month just completed) and returns the last month it covers (yyyy-mm).
 */
export async function ensureSnapshot(m: Pick<EntityManager, 'query'>): Promise<string> {
  const [row] = await m.query<{ horizon: string }[]>(`SELECT analytics_ensure($1::date, $2::jsonb)::text AS horizon`, [`${lastCompletePeriod()}-01`, SNAPSHOT_CATALOGUE]);
  return row.horizon.slice(0, 7);
}
