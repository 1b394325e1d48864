import { FLOW_MEASURES, type AnalyticsFilterValues, type FlowMeasure } from '@mase/shared';
import type { EntityManager } from 'typeorm';
import { ageBandAt } from './sql.js';
import { snapshotHorizon } from './snapshot.js';

/**
 * The monthly flow measures in SQL, one definition each, from which both the trends count them and
 * the MASE list shows the young people behind a count (a cohort): the two cannot disagree. Also the
 * person filters both apply.
 */

/** The dashboard's filters by young person. */
export type PersonFilters = Omit<AnalyticsFilterValues, 'from' | 'to'>;

export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

export const and = (w: string[]) => (w.length ? ` AND ${w.join(' AND ')}` : '');

export const hasPersonFilters = (f: PersonFilters) => !!(f.gender?.length || f.ward?.length || f.legalStatus?.length || f.ageBand?.length || f.rag?.length || f.model?.length);

/** The latest final screening of `yp` on or before a date, in SQL (one column of it). */
export const latestAt = (column: string, date: string) =>
  `(SELECT ra.${column} FROM risk_assessment ra WHERE ra.young_person_id = yp.id AND ra.status = 'FINAL' AND ra.assessed_on <= ${date} ORDER BY ra.assessed_on DESC, ra.created_at DESC LIMIT 1)`;

/**
 * The person filters as SQL over `yp`, judged on the young person's profile on `date` (age then,
 * latest final screening then). Legal status, ward and gender are as recorded now: the record keeps
 * no history of them.
 */
export function personFilter(f: PersonFilters, p: Params, date: string): string[] {
  const w: string[] = [];
  if (f.gender?.length) w.push(`yp.gender = ANY(${p.add(f.gender)}::text[])`);
  if (f.ward?.length) w.push(`yp.home_ward = ANY(${p.add(f.ward)}::text[])`);
  if (f.legalStatus?.length) w.push(`yp.legal_status = ANY(${p.add(f.legalStatus)}::text[])`);
  if (f.ageBand?.length) w.push(`${ageBandAt(date)} = ANY(${p.add(f.ageBand)}::text[])`);
  if (f.rag?.length) w.push(`${latestAt('rag', date)} = ANY(${p.add(f.rag)}::text[])`);
  if (f.model?.length) w.push(`${latestAt('models', date)} && ${p.add(f.model)}::text[]`);
  return w;
}

/** The person filters over a row `s` of analytics_person_month, or of the live rows with the same columns (the young person as they were at the month end). */
export function snapshotFilter(f: PersonFilters, p: Params): string[] {
  const w: string[] = [];
  if (f.gender?.length) w.push(`s.gender = ANY(${p.add(f.gender)}::text[])`);
  if (f.ward?.length) w.push(`s.home_ward = ANY(${p.add(f.ward)}::text[])`);
  if (f.legalStatus?.length) w.push(`s.legal_status = ANY(${p.add(f.legalStatus)}::text[])`);
  if (f.ageBand?.length) w.push(`s.age_band = ANY(${p.add(f.ageBand)}::text[])`);
  if (f.rag?.length) w.push(`s.rag = ANY(${p.add(f.rag)}::text[])`);
  if (f.model?.length) w.push(`s.models && ${p.add(f.model)}::text[]`);
  return w;
}

/** The day a month is counted on (yyyy-mm-dd): its last day, or today for the month in progress. */
export function countDate(period: string, today = new Date().toISOString().slice(0, 10)): string {
  const [y, m] = period.split('-').map(Number);
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return end > today ? today : end;
}

export const FLOW_MEASURE_KEYS: readonly FlowMeasure[] = FLOW_MEASURES.map((m) => m.key);
/** The measures of the flow identity (the list at month end and what joins and leaves it). */
export const IDENTITY_MEASURES: readonly FlowMeasure[] = ['onList', 'newToList', 'steppedDown', 'closed'];

/**
 * For a complete month, from its row `s` of analytics_person_month: how many times the young person
 * counts in each measure (the month's count is the sum over the rows; the cohort, the rows above 0).
 */
export const PERSON_MONTH_COUNT: Record<FlowMeasure, string> = {
  onList: 's.on_list::int',
  newToList: 's.joined',
  steppedDown: 's.stepped_down',
  closed: 's.closed',
  escalations: 's.escalations',
  deescalations: 's.deescalations',
  reviewsOnTime: 's.reviews_on_time',
  reviewsLate: 's.reviews_late',
  reviewsOverdue: `(s.on_list AND s.next_review_on < (s.period + interval '1 month' - interval '1 day')::date)::int`,
  missingEpisodes: 's.missing_episodes',
  missingYoungPeople: '(s.missing_episodes > 0)::int',
  missingOnList: 's.missing_on_list',
};

/**
 * Each final screening from `from` to `to` against the final screening before it, as the CTE
 * `scored` (what the live counts of score changes and reviews read).
 */
export const scoredCte = (from: string, to: string) => `scored AS (
        SELECT ra.young_person_id, ra.assessed_on, ra.final_score, prev.final_score AS prev_score, prev.next_review_on AS prev_due
        FROM risk_assessment ra
        LEFT JOIN LATERAL (
          SELECT pr.final_score, pr.next_review_on FROM risk_assessment pr
          WHERE pr.young_person_id = ra.young_person_id AND pr.status = 'FINAL' AND (pr.assessed_on, pr.created_at) < (ra.assessed_on, ra.created_at)
          ORDER BY pr.assessed_on DESC, pr.created_at DESC LIMIT 1
        ) prev ON true
        WHERE ra.status = 'FINAL' AND ra.assessed_on >= ${from} AND ra.assessed_on <= ${to}
      )`;

/**
 * Counted live (the month in progress, or before the snapshot is built), for the month from `start`
 * to `end` (SQL dates): the rows each measure counts, one per spell, screening or episode, each of a
 * young person `yp` (FROM … WHERE …, to which the person filters are added). `people` measures count
 * each young person once however many rows they have.
 */
export const LIVE_ROWS: Record<FlowMeasure, { rows: (start: string, end: string) => string; people?: true }> = {
  onList: { rows: (_s, e) => `FROM list_membership lm JOIN young_person yp ON yp.id = lm.young_person_id WHERE lm.started_on <= ${e} AND (lm.ended_on IS NULL OR lm.ended_on > ${e})` },
  newToList: { rows: (s, e) => `FROM list_membership lm JOIN young_person yp ON yp.id = lm.young_person_id WHERE lm.started_on BETWEEN ${s} AND ${e}` },
  steppedDown: { rows: (s, e) => `FROM list_membership lm JOIN young_person yp ON yp.id = lm.young_person_id WHERE lm.ended_on BETWEEN ${s} AND ${e} AND lm.end_kind = 'STEPPED_DOWN'` },
  closed: { rows: (s, e) => `FROM list_membership lm JOIN young_person yp ON yp.id = lm.young_person_id WHERE lm.ended_on BETWEEN ${s} AND ${e} AND lm.end_kind = 'CLOSED'` },
  escalations: { rows: (s, e) => `FROM scored sc JOIN young_person yp ON yp.id = sc.young_person_id WHERE sc.assessed_on BETWEEN ${s} AND ${e} AND sc.final_score > sc.prev_score` },
  deescalations: { rows: (s, e) => `FROM scored sc JOIN young_person yp ON yp.id = sc.young_person_id WHERE sc.assessed_on BETWEEN ${s} AND ${e} AND sc.final_score < sc.prev_score` },
  reviewsOnTime: {
    rows: (s, e) => `FROM scored sc JOIN young_person yp ON yp.id = sc.young_person_id WHERE sc.assessed_on BETWEEN ${s} AND ${e} AND sc.prev_due IS NOT NULL AND sc.assessed_on <= sc.prev_due`,
  },
  reviewsLate: {
    rows: (s, e) => `FROM scored sc JOIN young_person yp ON yp.id = sc.young_person_id WHERE sc.assessed_on BETWEEN ${s} AND ${e} AND sc.prev_due IS NOT NULL AND sc.assessed_on > sc.prev_due`,
  },
  reviewsOverdue: {
    rows: (_s, e) =>
      `FROM list_membership lm JOIN young_person yp ON yp.id = lm.young_person_id WHERE lm.started_on <= ${e} AND (lm.ended_on IS NULL OR lm.ended_on > ${e}) AND ${latestAt('next_review_on', e)} < ${e}`,
  },
  missingEpisodes: { rows: (s, e) => `FROM missing_episode me JOIN young_person yp ON yp.id = me.young_person_id WHERE me.started_at >= ${s} AND me.started_at < ${e} + 1` },
  missingYoungPeople: { rows: (s, e) => `FROM missing_episode me JOIN young_person yp ON yp.id = me.young_person_id WHERE me.started_at >= ${s} AND me.started_at < ${e} + 1`, people: true },
  missingOnList: {
    rows: (s, e) => `FROM missing_episode me JOIN young_person yp ON yp.id = me.young_person_id WHERE me.started_at >= ${s} AND me.started_at < ${e} + 1
            AND EXISTS (SELECT 1 FROM list_membership lm WHERE lm.young_person_id = me.young_person_id AND lm.started_on <= me.started_at::date AND (lm.ended_on IS NULL OR lm.ended_on > me.started_at::date))`,
  },
};

/** The live count of a measure over the month from `start` to `end`, with the person filters `w`: a scalar subquery. */
export const liveCount = (measure: FlowMeasure, start: string, end: string, w: string) =>
  `(SELECT count(${LIVE_ROWS[measure].people ? 'DISTINCT yp.id' : '*'}) ${LIVE_ROWS[measure].rows(start, end)}${w})::int`;

/** A young person behind a monthly count, and how many times they count in it (spells, screenings or episodes; 1 for counts of young people). */
export interface CohortMember {
  id: string;
  n: number;
}

/**
 * The young people a measure counts in a month (yyyy-mm) with the dashboard's filters, as the trends
 * count them: a complete month the snapshot covers from its rows, a later month live. The sum of `n`
 * is the month's count.
 */
export async function cohortMembers(m: Pick<EntityManager, 'query'>, measure: FlowMeasure, period: string, f: PersonFilters): Promise<CohortMember[]> {
  const p = new Params();
  const horizon = await snapshotHorizon(m);
  if (period <= horizon) {
    const count = PERSON_MONTH_COUNT[measure];
    return m.query(
      `SELECT s.young_person_id AS id, ${count} AS n FROM analytics_person_month s
       WHERE s.period = ${p.add(`${period}-01`)}::date AND ${count} > 0${and(snapshotFilter(f, p))}`,
      p.values,
    );
  }
  const start = `${p.add(`${period}-01`)}::date`;
  const end = `${p.add(countDate(period))}::date`;
  const { rows, people } = LIVE_ROWS[measure];
  return m.query(
    `WITH ${scoredCte(start, end)}
     SELECT yp.id, ${people ? '1' : 'count(*)::int'} AS n ${rows(start, end)}${and(personFilter(f, p, end))} GROUP BY yp.id`,
    p.values,
  );
}
