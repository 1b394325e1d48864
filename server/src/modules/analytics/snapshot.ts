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

/** A horizon before every month: nothing is read from the snapshot, everything is counted live. */
export const NO_SNAPSHOT = '0000-00';

/**
 * The last month (yyyy-mm) the snapshot covers, for a request: read, never built. Months up to it
 * are exact (the triggers keep them so); later months are counted live. While the snapshot is being
 * built for the first time or rebuilt for a changed catalogue, nothing is read from it (NO_SNAPSHOT),
 * so a request never waits on a build and never sees a half-built table.
 */
export async function snapshotHorizon(m: Pick<EntityManager, 'query'>): Promise<string> {
  const [row] = await m.query<{ horizon: string | null }[]>(
    `SELECT CASE WHEN catalogue = $1::jsonb::text THEN to_char(last_period, 'YYYY-MM') END AS horizon FROM analytics_state WHERE id = 1`,
    [SNAPSHOT_CATALOGUE],
  );
  return row?.horizon ?? NO_SNAPSHOT;
}

/**
 * Builds the snapshot (the first time, or when the screening catalogue changed) or brings it up to
 * the last complete month (once a month it adds the month just completed; otherwise a no-op), and
 * returns the last month it covers (yyyy-mm). Run at start-up and hourly by the server, in the
 * background, and by bulk loads; concurrent builders queue on an advisory lock.
 */
export async function buildSnapshot(m: Pick<EntityManager, 'query'>, today = new Date()): Promise<string> {
  const [row] = await m.query<{ horizon: string }[]>(`SELECT analytics_ensure($1::date, $2::jsonb)::text AS horizon`, [`${lastCompletePeriod(today)}-01`, SNAPSHOT_CATALOGUE]);
  return row.horizon.slice(0, 7);
}
