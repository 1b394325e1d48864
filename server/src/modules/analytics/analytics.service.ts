import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  CSE_MODEL_LABELS,
  CSE_MODELS,
  DIMENSION_INFO,
  DIMENSIONS,
  filteredFlowsHidden,
  filteredTableHidden,
  csvFile,
  flowSuppression,
  FLOW_MEASURES,
  INDICATORS,
  isSmall,
  MEASURES,
  RETURN_SECTION_LABELS,
  RETURN_SECTIONS,
  shown,
  suppressionMask,
  TIME_ON_LIST,
  type Dimension,
  type ProtectedLine,
  type TableFilterBreakdown,
} from '@mase/shared';
import jstat from 'jstat';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { badInput } from '../../common/graphql/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { defaultMeetingDate, periodsBetween } from '../returns/deadlines.js';
import { ReturnsService } from '../returns/returns.service.js';
import { ageBandAt } from './sql.js';
import { and, countDate, FLOW_MEASURE_KEYS, hasPersonFilters, IDENTITY_MEASURES, liveCount, Params, personFilter, PERSON_MONTH_COUNT, scoredCte, snapshotFilter } from './cohorts.js';
import { filtersInForce, liveCategories, liveCategory, meetsEach, rowCategory, selectedBy, without, withoutAll, type FilterKey, type Grouping } from './disclosure.js';
import { buildSnapshot, snapshotHorizon } from './snapshot.js';
import type { ActivityTrends, AnalyticsExport, AnalyticsFilter, Count, ExportWidget, ListTrends, MeasureSeries, ProfileSeries, Theme, Themes, VictimProfile } from './analytics.types.js';

const { jStat } = jstat;
/** Which monthly figures to read: all with the time on the list, all counts, or only those of the flow identity (for disclosure control). */
type FlowScope = 'TRENDS' | 'COUNTS' | 'IDENTITY';
/** The measures of the trends: the flows, then the time on the list. */
const TREND_MEASURES: readonly { key: string; label: string }[] = [...FLOW_MEASURES, TIME_ON_LIST];
const MAX_MONTHS = 60;
const FULL_ACCESS = new Set(['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE']);

/** Roles without case-level access see every count through disclosure control. */
export const isSuppressed = (actor: Actor) => !FULL_ACCESS.has(actor.role);

const lastDay = (period: string) => {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const todayIso = () => new Date().toISOString().slice(0, 10);
const plain = (value: number): Count => ({ value, display: String(value) });

/** A count of the profile; `fcat` is the category of a filter dimension it is counted in (disclosure control), '' when not counted by one. */
type ProfileRow = { dim: string; period: string; category: string; n: number; fcat: string | null };

/** The single-valued breakdowns of the profile, over `s` (a young person on a date). */
const SINGLE_DIMENSIONS: Partial<Record<Dimension, string>> = {
  RAG: `coalesce(s.rag, 'NONE')`,
  SCORE: `coalesce(s.final_score::text, 'NONE')`,
  AGE_BAND: 's.age_band',
  GENDER: 's.gender',
  ETHNICITY: 's.ethnicity',
  LEGAL_STATUS: 's.legal_status',
  PLACEMENT: 's.placement_type',
  SEND: 's.send',
  EDUCATION: 's.education_status',
  PRESENTATION: 's.presentation',
  WARD: `coalesce(s.home_ward, 'Not recorded')`,
};

/**
 * The analyst's measures, computed in PostgreSQL: the victim profile of the list at each month end,
 * the monthly flows, missing episodes, police and agency activity, and the month's themes. Counts
 * reach roles without case-level access through statistical disclosure control, applied here.
 */
@Injectable()
export class AnalyticsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AnalyticsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly returns: ReturnsService,
    private readonly audit: AuditService,
  ) {}

  private snapshotTimer: NodeJS.Timeout | null = null;

  /**
   * Brings the monthly snapshot up to date in the background: at start-up (a first build on a new or
   * upgraded database can take minutes at scale, and starting must not wait for it) and then hourly
   * (a month that has just completed is added). Until a first build is done, figures are counted live.
   */
  onModuleInit(): void {
    const run = () => {
      void this.dataSource
        .transaction(async (m) => {
          await m.query(`SET LOCAL statement_timeout = 0`);
          return buildSnapshot(m);
        })
        .then((horizon) => this.logger.debug(`Analytics snapshot covers the months to ${horizon}`))
        .catch((err: unknown) => this.logger.warn(`The analytics snapshot could not be brought up to date: ${err instanceof Error ? err.message : String(err)}`));
    };
    run();
    this.snapshotTimer = setInterval(run, 3_600_000);
    this.snapshotTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.snapshotTimer) clearInterval(this.snapshotTimer);
  }

  private periods(f: AnalyticsFilter, actor: Actor): string[] {
    if (f.from > f.to) throw badInput([{ field: 'filter.to', message: 'The end month must not be before the start month' }]);
    if (f.to > todayIso().slice(0, 7)) throw badInput([{ field: 'filter.to', message: 'The end month must not be in the future' }]);
    const periods = periodsBetween(f.from, f.to);
    if (periods.length > MAX_MONTHS) throw badInput([{ field: 'filter.from', message: `Choose at most ${MAX_MONTHS} months` }]);
    if (isSuppressed(actor) && (f.rag?.length || f.ageBand?.length || f.gender?.length || f.model?.length || f.ward?.length || f.legalStatus?.length)) {
      // Two filtered views could be subtracted to recover a hidden count: these viewers see whole months only.
      throw badInput([{ field: 'filter', message: 'Your role sees the whole list’s figures by month only: remove the filters other than the dates' }]);
    }
    return periods;
  }

  /** The date a period is counted on: its last day, or today for the current month. */
  private countDate(period: string): string {
    return countDate(period, todayIso());
  }

  async profile(actor: Actor, f: AnalyticsFilter, dimensions: Dimension[]): Promise<VictimProfile> {
    const periods = this.periods(f, actor);
    const dates = periods.map((p) => this.countDate(p));
    const dims = [...new Set(dimensions.length ? dimensions : DIMENSIONS)];
    const rows = await this.profileRows(periods, f, dims);
    const suppress = isSuppressed(actor);
    const totals = new Map(rows.filter((r) => r.dim === 'TOTAL').map((r) => [r.period, r.n]));
    // The list at each month end is also a figure of the flows: hidden here wherever it is hidden there.
    const totalMask = suppress ? await this.onListHidden(f, periods) : null;
    // A month's total hidden by any breakdown's suppression is hidden for all.
    const totalHidden = totalMask ? [...totalMask] : null;
    const series: ProfileSeries[] = [];
    for (const d of dims) {
      const info = DIMENSION_INFO[d];
      const mine = rows.filter((r) => r.dim === d);
      const categories = info.categories ?? [...new Set(mine.map((r) => r.category))].sort().map((k) => ({ key: k, label: k }));
      const value = new Map(mine.map((r) => [`${r.period}|${r.category}`, r.n]));
      // A breakdown in which one young person counts once adds up to the month's total; one in which they may count several times does not.
      const table = periods.map((period) => ({ cells: categories.map((c) => value.get(`${period}|${c.key}`) ?? 0), total: info.multi ? null : (totals.get(period) ?? 0) }));
      // With person filters, the rule for filtered views as well (filteredViewHidden), as in every export.
      const also = totalMask && hasPersonFilters(f) ? await this.filteredProfileHidden(f, periods, d, categories.map((c) => c.key), table) : null;
      const mask = totalMask ? suppressionMask(table, null, { cells: also?.cells ?? table.map((r) => r.cells.map(() => false)), totals: totalMask.map((h, i) => h || !!also?.totals[i]) }) : null;
      mask?.totals.forEach((h, i) => h && totalHidden && (totalHidden[i] = true));
      series.push({
        dimension: d,
        label: info.label,
        multi: info.multi,
        cells: periods.flatMap((period, i) =>
          categories.map((c, j) => {
            const n = table[i].cells[j];
            const hidden = mask?.cells[i][j] ?? false;
            return { period, category: c.key, label: c.label, count: { value: hidden ? null : n, display: shown(n, hidden) } };
          }),
        ),
      });
    }
    return {
      periods,
      dates,
      totals: periods.map((period, i) => {
        const n = totals.get(period) ?? 0;
        const hidden = totalHidden?.[i] ?? false;
        return { period, count: { value: hidden ? null : n, display: shown(n, hidden) } };
      }),
      series,
      suppressed: suppress,
    };
  }

  /**
   * The counts of the profile: complete months from the monthly snapshot, the month in progress
   * counted live; with `by`, each counted by the category of that filter dimension too (fcat).
   */
  private async profileRows(periods: string[], f: AnalyticsFilter, dims: Dimension[], by?: Grouping): Promise<ProfileRow[]> {
    const horizon = await snapshotHorizon(this.dataSource.manager);
    const kept = periods.filter((p) => p <= horizon);
    const live = periods.filter((p) => p > horizon);
    return [
      ...(kept.length ? await this.profileOfSnapshot(kept, f, dims, by) : []),
      ...(live.length ? await this.profileLive(live, live.map((p) => this.countDate(p)), f, dims, by) : []),
    ];
  }

  /**
   * The cells and month totals of a filtered profile table (a breakdown month by month) that the rule
   * for filtered views hides (filteredTableHidden): for each filter dimension in force, the same table
   * for every category of it, the other filters applied, counted in one query grouped by the
   * category, its total as the view without that filter shows it.
   */
  private async filteredProfileHidden(f: AnalyticsFilter, periods: string[], d: Dimension, categories: string[], table: readonly ProtectedLine[]): Promise<{ cells: boolean[][]; totals: boolean[] }> {
    const multi = DIMENSION_INFO[d].multi;
    const grouped: { key: FilterKey; rows: ProfileRow[] }[] = [];
    for (const key of filtersInForce(f)) grouped.push({ key, rows: await this.profileRows(periods, without(f, key), [d], key) });
    // Wards come from the data: a category of a filter dimension may count in a ward the view has none in.
    const known = new Set(categories);
    const extra = [...new Set(grouped.flatMap((g) => g.rows.filter((r) => r.dim === d && !known.has(r.category)).map((r) => r.category)))];
    const keys = [...categories, ...extra];
    const wide = table.map((r) => ({ cells: [...r.cells, ...extra.map(() => 0)], total: r.total }));
    const dimensions: TableFilterBreakdown[] = [];
    for (const { key, rows } of grouped) {
      const cats = [...new Set(rows.map((r) => r.fcat))];
      const n = new Map(rows.map((r) => [`${r.fcat}|${r.period}|${r.dim}|${r.category}`, r.n]));
      dimensions.push({
        counts: cats.map((c) => periods.map((period) => ({ cells: keys.map((k) => n.get(`${c}|${period}|${d}|${k}`) ?? 0), total: multi ? null : (n.get(`${c}|${period}|TOTAL|`) ?? 0) }))),
        selected: cats.map((c) => selectedBy(key, f, c)),
        totalsAlsoHidden: await this.onListHidden(without(f, key), periods),
      });
    }
    let joint: { counts: ProtectedLine[][]; meets: boolean[][] } | undefined;
    const keysInForce = filtersInForce(f);
    if (keysInForce.length > 1) {
      // The corners: the table by each combination of the filtered dimensions' categories, none of those filters applied.
      const rows = await this.profileRows(periods, withoutAll(f, keysInForce), [d], keysInForce);
      const cats = [...new Set(rows.map((r) => r.fcat))];
      const n = new Map(rows.map((r) => [`${r.fcat}|${r.period}|${r.dim}|${r.category}`, r.n]));
      joint = {
        counts: cats.map((c) => periods.map((period) => ({ cells: keys.map((k) => n.get(`${c}|${period}|${d}|${k}`) ?? 0), total: multi ? null : (n.get(`${c}|${period}|TOTAL|`) ?? 0) }))),
        meets: cats.map((c) => meetsEach(keysInForce, f, c)),
      };
    }
    const hidden = filteredTableHidden(wide, dimensions, joint);
    return { cells: hidden.cells.map((r) => r.slice(0, categories.length)), totals: hidden.totals };
  }

  /** Indicator breakdowns and the indicators they count, as (id, category) pairs. */
  private indicatorLists(d: Dimension): { ids: string[]; cats: string[] } {
    const list = d === 'SAFEGUARD_AREA' ? INDICATORS.filter((x) => x.area) : INDICATORS.filter((x) => x.group === (d === 'PUSH_FACTOR' ? 'PUSH' : 'PULL'));
    return { ids: list.map((x) => x.id), cats: list.map((x) => (d === 'SAFEGUARD_AREA' ? x.area! : x.id)) };
  }

  /** The profile of complete months: their counts as kept, or — with person filters — counted from each young person's month. */
  private async profileOfSnapshot(periods: string[], f: AnalyticsFilter, dims: Dimension[], by?: Grouping): Promise<ProfileRow[]> {
    const p = new Params();
    const periodsParam = p.add(periods.map((x) => `${x}-01`));
    if (!hasPersonFilters(f) && !by) {
      return this.dataSource.query(
        `SELECT dim, to_char(period, 'YYYY-MM') AS period, category, n, '' AS fcat FROM analytics_month_count
         WHERE period = ANY(${periodsParam}::date[]) AND dim = ANY(${p.add(['TOTAL', ...dims])}::text[]) AND n <> 0`,
        p.values,
      );
    }
    const where = snapshotFilter(f, p);
    const single = SINGLE_DIMENSIONS;
    const parts = [`SELECT 'TOTAL' AS dim, s.period, '' AS category, count(*)::int AS n, s.fcat FROM s GROUP BY s.period, s.fcat`];
    for (const d of dims) {
      if (single[d]) parts.push(`SELECT '${d}', s.period, ${single[d]}, count(*)::int, s.fcat FROM s GROUP BY s.period, 3, s.fcat`);
      else if (d === 'MODEL') parts.push(`SELECT 'MODEL', s.period, m, count(*)::int, s.fcat FROM s, unnest(s.models) AS m GROUP BY s.period, m, s.fcat`);
    }
    const indicatorDims = dims.filter((d) => !single[d] && d !== 'MODEL');
    if (indicatorDims.length) {
      parts.push(
        `SELECT split_part(c, ':', 1), s.period, substr(c, strpos(c, ':') + 1), count(*)::int, s.fcat FROM s, unnest(s.categories) AS c
         WHERE split_part(c, ':', 1) = ANY(${p.add(indicatorDims)}::text[]) GROUP BY 1, 2, 3, 5`,
      );
    }
    return this.dataSource.query(
      `WITH s AS MATERIALIZED (
         SELECT to_char(s.period, 'YYYY-MM') AS period, s.young_person_id AS id, s.gender, s.ethnicity, s.legal_status, s.placement_type, s.send,
                s.education_status, s.presentation, s.home_ward, s.age_band, s.rag, s.final_score, s.models, s.categories,
                ${by ? rowCategory(by) : `''`} AS fcat
         FROM analytics_person_month s WHERE s.period = ANY(${periodsParam}::date[]) AND s.on_list${and(where)}
       )
       ${parts.join('\nUNION ALL\n')}`,
      p.values,
    );
  }

  /** The profile counted from the tables (the month in progress): the list on each date, each young person as they were then. */
  private async profileLive(periods: string[], dates: string[], f: AnalyticsFilter, dims: Dimension[], by?: Grouping): Promise<ProfileRow[]> {
    const p = new Params();
    const periodsParam = p.add(periods);
    const datesParam = p.add(dates);
    // The same person filters as the snapshot's rows: the live rows have the same columns.
    const where = snapshotFilter(f, p);
    const single = SINGLE_DIMENSIONS;
    const parts = [`SELECT 'TOTAL' AS dim, s.period, '' AS category, count(*)::int AS n, s.fcat FROM f s GROUP BY s.period, s.fcat`];
    for (const d of dims) {
      if (single[d]) parts.push(`SELECT '${d}', s.period, ${single[d]}, count(*)::int, s.fcat FROM f s GROUP BY s.period, 3, s.fcat`);
      else if (d === 'MODEL') parts.push(`SELECT 'MODEL', s.period, m, count(DISTINCT s.id)::int, s.fcat FROM f s, unnest(s.models) AS m GROUP BY s.period, m, s.fcat`);
      else {
        const { ids, cats } = this.indicatorLists(d);
        parts.push(
          `SELECT '${d}', s.period, ind.cat, count(DISTINCT s.id)::int, s.fcat FROM f s JOIN unnest(${p.add(ids)}::text[], ${p.add(cats)}::text[]) AS ind(id, cat) ON ind.id = ANY(s.present) GROUP BY s.period, ind.cat, s.fcat`,
        );
      }
    }
    // Each latest screening's present indicators are read from its answers once.
    return this.dataSource.query(
      `WITH s AS MATERIALIZED (
         SELECT d.period, yp.id, yp.gender, yp.ethnicity, yp.legal_status, yp.placement_type, yp.send, yp.education_status, yp.presentation, yp.home_ward,
                ${ageBandAt('d.on_date')} AS age_band, la.rag, la.final_score, coalesce(la.models, '{}') AS models,
                coalesce(ARRAY(SELECT a.key FROM jsonb_each(la.answers) a WHERE a.value ->> 'answer' = 'PRESENT'), '{}') AS present
         FROM unnest(${periodsParam}::text[], ${datesParam}::date[]) AS d(period, on_date)
         JOIN list_membership lm ON lm.started_on <= d.on_date AND (lm.ended_on IS NULL OR lm.ended_on > d.on_date)
         JOIN young_person yp ON yp.id = lm.young_person_id
         LEFT JOIN LATERAL (
           SELECT ra.rag, ra.final_score, ra.models, ra.answers FROM risk_assessment ra
           WHERE ra.young_person_id = yp.id AND ra.status = 'FINAL' AND ra.assessed_on <= d.on_date
           ORDER BY ra.assessed_on DESC, ra.created_at DESC LIMIT 1
         ) la ON true
       ), f AS (SELECT *, ${by ? rowCategory(by) : `''`} AS fcat FROM s ${where.length ? `WHERE ${where.join(' AND ')}` : ''})
       ${parts.join('\nUNION ALL\n')}`,
      p.values,
    );
  }

  /** Monthly figures as series; `mask` (measure → month → hidden) is the disclosure control to apply, if any. */
  private series(periods: string[], measures: readonly { key: string; label: string }[], rows: Record<string, number | string>[], mask: Record<string, boolean[]> | null): MeasureSeries[] {
    const byPeriod = new Map(rows.map((r) => [String(r.period), r]));
    return measures.map((m) => ({
      measure: m.key,
      label: m.label,
      points: periods.map((period, i) => {
        const n = Number(byPeriod.get(period)?.[m.key] ?? 0);
        const hidden = mask ? (mask[m.key]?.[i] ?? isSmall(n)) : false;
        return { period, count: hidden ? { value: null, display: shown(n, true) } : plain(n) };
      }),
    }));
  }

  /** The monthly flows of the list, reviews and missing episodes and the time on the list, each young person filtered on their profile at the month end. */
  async trends(actor: Actor, f: AnalyticsFilter): Promise<ListTrends> {
    const periods = this.periods(f, actor);
    const rows = await this.flowRows(periods, f, 'TRENDS');
    const suppress = isSuppressed(actor);
    const mask = suppress ? await this.flowMask(periods, f, rows) : null;
    return { periods, meetingDates: await this.meetingDates(periods), measures: this.series(periods, TREND_MEASURES, rows, mask), suppressed: suppress };
  }

  /** The monthly figures of some months (see FlowScope): complete months from the snapshot, the month in progress counted live. */
  private async flowRows(periods: string[], f: AnalyticsFilter, what: FlowScope, by?: Grouping): Promise<Record<string, number | string>[]> {
    if (!periods.length) return [];
    const horizon = await snapshotHorizon(this.dataSource.manager);
    const kept = periods.filter((p) => p <= horizon);
    const live = periods.filter((p) => p > horizon);
    return [...(kept.length ? await this.trendsOfSnapshot(kept, f, what, by) : []), ...(live.length ? await this.trendsLive(live, f, what, by) : [])];
  }

  /**
   * Disclosure control of the monthly figures of `periods` (whose rows are given). The flow identity
   * ties each month to the one before, so the mask is worked out over every month there is — from
   * the month the first list spell began to this one — and cut to the months asked for: views of any two
   * ranges hide the same counts. With person filters, the rule for filtered views decides first
   * (filteredFlowsHidden): each filter dimension in force counted category by category, the other
   * filters applied, in one query grouped by the category.
   */
  private async flowMask(periods: string[], f: AnalyticsFilter, rows: Record<string, number | string>[]): Promise<Record<string, boolean[]>> {
    // From the list's first spell (an index lookup), whatever state the snapshot is in.
    const [{ first }] = await this.dataSource.query<{ first: string | null }[]>(`SELECT to_char(min(started_on), 'YYYY-MM') AS first FROM list_membership`);
    const all = periodsBetween(first && first < periods[0] ? first : periods[0], todayIso().slice(0, 7));
    const shownSet = new Set(periods);
    // Months not shown matter to the mask only through the identity.
    const rest = await this.flowRows(all.filter((p) => !shownSet.has(p)), f, 'IDENTITY');
    const byPeriod = new Map([...rows, ...rest].map((r) => [String(r.period), r]));
    const table = (byP: Map<string, Record<string, number | string>>) =>
      Object.fromEntries(TREND_MEASURES.map((m) => [m.key, all.map((p) => Number(byP.get(p)?.[m.key] ?? 0))])) as Record<string, number[]>;
    const values = table(byPeriod);
    let alsoHidden: Record<string, boolean[]> = {};
    const keys = filtersInForce(f);
    if (keys.length) {
      const dimensions = [];
      for (const key of keys) {
        const rows = await this.flowRows(all, without(f, key), 'COUNTS', key);
        const cats = [...new Set(rows.map((r) => (r.fcat ?? null) as string | null))];
        dimensions.push({
          counts: cats.map((c) => table(new Map(rows.filter((r) => (r.fcat ?? null) === c).map((r) => [String(r.period), r])))),
          selected: cats.map((c) => selectedBy(key, f, c)),
        });
      }
      let joint: { counts: Record<string, number[]>[]; meets: boolean[][] } | undefined;
      if (keys.length > 1) {
        // The corners: the figures by each combination of the filtered dimensions' categories, none of those filters applied.
        const rows = await this.flowRows(all, withoutAll(f, keys), 'COUNTS', keys);
        const cats = [...new Set(rows.map((r) => (r.fcat ?? null) as string | null))];
        joint = {
          counts: cats.map((c) => table(new Map(rows.filter((r) => (r.fcat ?? null) === c).map((r) => [String(r.period), r])))),
          meets: cats.map((c) => meetsEach(keys, f, c)),
        };
      }
      alsoHidden = filteredFlowsHidden(values, dimensions, joint);
    }
    const mask = flowSuppression(values, alsoHidden);
    const index = new Map(all.map((p, i) => [p, i]));
    return Object.fromEntries(Object.entries(mask).map(([k, v]) => [k, periods.map((p) => v[index.get(p)!])]));
  }

  /** Whether the list at each month end is hidden where disclosure control applies (as the monthly figures hide it). */
  private async onListHidden(f: AnalyticsFilter, periods: string[]): Promise<boolean[]> {
    return (await this.flowMask(periods, f, await this.flowRows(periods, f, 'IDENTITY'))).onList;
  }

  /** The flows of complete months: as kept, or — with person filters — summed over each young person's month. */
  private async trendsOfSnapshot(periods: string[], f: AnalyticsFilter, what: FlowScope, by?: Grouping): Promise<Record<string, number | string>[]> {
    const median = what === 'TRENDS';
    const p = new Params();
    const periodsParam = p.add(periods.map((x) => `${x}-01`));
    if (!hasPersonFilters(f) && !by) {
      const counts: { period: string; category: string; n: number }[] = await this.dataSource.query(
        `SELECT to_char(period, 'YYYY-MM') AS period, category, n FROM analytics_month_count WHERE dim = 'FLOW' AND period = ANY(${periodsParam}::date[])
         ${
           median
             ? `UNION ALL
         -- The median time on the list, from how many were on it for each number of days.
         SELECT h.period, '${TIME_ON_LIST.key}', min(h.days) FILTER (WHERE h.cum * 2 >= h.total)
         FROM (SELECT to_char(period, 'YYYY-MM') AS period, category::int AS days,
                      sum(n) OVER (PARTITION BY period ORDER BY category::int) AS cum, sum(n) OVER (PARTITION BY period) AS total
               FROM analytics_month_count WHERE dim = 'DAYS_ON_LIST' AND period = ANY(${periodsParam}::date[]) AND n <> 0) h
         GROUP BY h.period`
             : ''
         }`,
        p.values,
      );
      const byPeriod = new Map<string, Record<string, number | string>>();
      for (const c of counts) byPeriod.set(c.period, { ...(byPeriod.get(c.period) ?? { period: c.period }), [c.category]: c.n });
      return [...byPeriod.values()];
    }
    return this.dataSource.query(
      `SELECT to_char(s.period, 'YYYY-MM') AS period,${by ? ` ${rowCategory(by)} AS fcat,` : ''}
              ${FLOW_MEASURE_KEYS.map((k) => `sum(${PERSON_MONTH_COUNT[k]})::int AS "${k}"`).join(',\n              ')}${
                median ? `,
              coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY s.days_on_list) FILTER (WHERE s.on_list), 0)::int AS "${TIME_ON_LIST.key}"` : ''
              }
       FROM analytics_person_month s WHERE s.period = ANY(${periodsParam}::date[])${and(snapshotFilter(f, p))}
       GROUP BY s.period${by ? ', fcat' : ''}`,
      p.values,
    );
  }

  /** The flows counted from the tables (the month in progress), each young person filtered on their profile at the month end. */
  private async trendsLive(periods: string[], f: AnalyticsFilter, what: FlowScope, by?: Grouping): Promise<Record<string, number | string>[]> {
    const median = what === 'TRENDS';
    const p = new Params();
    p.add(periods);
    p.add(periods.map((x) => `${x}-01`));
    p.add(periods.map((x) => this.countDate(x)));
    const d = `d.end_on`;
    // With `by`, each category of that filter dimension (c.cat) counted as a filter of its own.
    const w = () => and([...personFilter(f, p, d), ...(by ? [`(${liveCategory(by, d)}) IS NOT DISTINCT FROM c.cat`] : [])]);
    // The month's rows of each measure, counted as the MASE list shows them (cohorts.ts).
    const measures = what === 'IDENTITY' ? IDENTITY_MEASURES : FLOW_MEASURE_KEYS;
    const sql = `
      WITH ${scoredCte('(SELECT min(x) FROM unnest($2::date[]) x)', '(SELECT max(x) FROM unnest($3::date[]) x)')}
      SELECT d.period,${by ? ' c.cat AS fcat,' : ''}
        ${measures.map((k) => `${liveCount(k, 'd.start_on', d, w())} AS "${k}"`).join(',\n        ')}${
          median
            ? `,
        (SELECT coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY ${d} - lm.started_on), 0) FROM list_membership lm JOIN young_person yp ON yp.id = lm.young_person_id
          WHERE lm.started_on <= ${d} AND (lm.ended_on IS NULL OR lm.ended_on > ${d})${w()})::int AS "${TIME_ON_LIST.key}"`
            : ''
        }
      FROM unnest($1::text[], $2::date[], $3::date[]) AS d(period, start_on, end_on)${by ? ` CROSS JOIN LATERAL (${liveCategories(by, d)}) AS c(cat)` : ''}
      ORDER BY d.period`;
    return this.dataSource.query(sql, p.values);
  }

  /**
   * Meeting dates in the range: the meetings scheduled in the product (not those cancelled), and for a
   * month with no meeting in the product at all, the usual meeting day. A month whose only meeting was
   * cancelled had no meeting, so it shows none.
   */
  async meetingDates(periods: string[]): Promise<string[]> {
    const rule = await this.returns.settings();
    const first = `${periods[0]}-01`;
    const last = lastDay(periods[periods.length - 1]);
    const meetings: { date: string; cancelled: boolean }[] = await this.dataSource.query(
      `SELECT date::text AS date, status = 'CANCELLED' AS cancelled FROM meeting WHERE date BETWEEN $1 AND $2`,
      [first, last],
    );
    const withMeetings = new Set(meetings.map((m) => m.date.slice(0, 7)));
    const previous = periodsBetween(addMonth(periods[0], -1), addMonth(periods[periods.length - 1], -1));
    const byRule = previous.map((p) => defaultMeetingDate(p, rule)).filter((d) => d >= first && d <= last && !withMeetings.has(d.slice(0, 7)));
    return [...new Set([...meetings.filter((m) => !m.cancelled).map((m) => m.date), ...byRule])].sort();
  }

  async activity(actor: Actor, f: AnalyticsFilter): Promise<ActivityTrends> {
    const periods = this.periods({ from: f.from, to: f.to }, actor);
    const police: Record<string, number | string>[] = await this.dataSource.query(
      `SELECT to_char(month, 'YYYY-MM') AS period, open_investigations AS "openInvestigations", arrests, charges, convictions, cawns, orders, other_disruptions AS "otherDisruptions"
       FROM police_report WHERE month BETWEEN $1 AND $2`,
      [`${periods[0]}-01`, `${periods[periods.length - 1]}-01`],
    );
    const sections: { period: string; section: string; total: number }[] = await this.dataSource.query(
      `SELECT to_char(fg.period, 'YYYY-MM') AS period, s.section, sum(fg.value)::int AS total
       FROM agency_return_figure fg
       JOIN agency_return r ON r.id = fg.return_id AND r.status IN ('SUBMITTED', 'ACCEPTED')
       JOIN unnest($3::text[], $4::text[]) AS s(measure, section) ON s.measure = fg.measure
       WHERE fg.period BETWEEN $1 AND $2 GROUP BY fg.period, s.section`,
      [`${periods[0]}-01`, `${periods[periods.length - 1]}-01`, ...measureSections()],
    );
    const byPeriod = new Map<string, Record<string, number | string>>();
    for (const s of sections) byPeriod.set(s.period, { ...(byPeriod.get(s.period) ?? { period: s.period }), [s.section]: s.total });
    const suppress = isSuppressed(actor);
    return {
      periods,
      police: this.series(
        periods,
        [
          { key: 'openInvestigations', label: 'Open investigations' },
          { key: 'arrests', label: 'Arrests' },
          { key: 'charges', label: 'Charges' },
          { key: 'convictions', label: 'Convictions' },
          { key: 'cawns', label: 'Child abduction warning notices' },
          { key: 'orders', label: 'Orders' },
          { key: 'otherDisruptions', label: 'Other disruptions' },
        ],
        police,
        suppress ? {} : null,
      ),
      agencies: this.series(periods, RETURN_SECTIONS.map((s) => ({ key: s, label: RETURN_SECTION_LABELS[s] })), [...byPeriod.values()], suppress ? {} : null),
      suppressed: suppress,
    };
  }

  /**
   * What changed in a month. A count is a theme when a one-sided Poisson test against the mean of the
   * six months before gives p < 0.01; a model co-occurs with going missing when a one-sided Fisher
   * exact test (hypergeometric upper tail) over the last twelve months' screenings gives p < 0.01.
   */
  async themes(actor: Actor, period: string): Promise<Themes> {
    const periods = this.periods({ from: addMonth(period, -6), to: period }, actor);
    const trends = await this.trends(actor, { from: periods[0], to: period });
    const themes: Theme[] = [];
    const POISSON = 'One-sided Poisson test against the mean of the previous six months (p < 0.01)';
    const check = (observed: number, history: number[]) => {
      const expected = history.reduce((a, b) => a + b, 0) / history.length;
      if (expected === 0 && observed === 0) return null;
      const up = observed > expected;
      const pValue = up ? 1 - jStat.poisson.cdf(observed - 1, Math.max(expected, 0.5)) : jStat.poisson.cdf(observed, expected);
      return { expected, pValue, up };
    };
    for (const m of trends.measures) {
      if (m.measure === 'onList' || m.measure === TIME_ON_LIST.key) continue; // a level and a median, not counts of events
      const values = m.points.map((x) => x.count.value ?? 0);
      const r = check(values[values.length - 1], values.slice(0, -1));
      if (r && r.pValue < 0.01) {
        themes.push({
          kind: 'CHANGE',
          title: `${m.label}: ${r.up ? 'up' : 'down'} to ${values[values.length - 1]}`,
          detail: `${values[values.length - 1]} this month against an average of ${r.expected.toFixed(1)} over the previous six months`,
          observed: values[values.length - 1],
          expected: r.expected,
          pValue: r.pValue,
          test: POISSON,
          link: { kind: 'MEASURE', dimension: null, category: null, measure: m.measure, locationId: null },
        });
      }
    }
    // Models and indicators recorded at screenings completed each month (complete months as kept, the month in progress live).
    const horizon = await snapshotHorizon(this.dataSource.manager);
    const kept = periods.filter((x) => x <= horizon);
    const live = periods.filter((x) => x > horizon);
    const counts: { period: string; kind: string; key: string; n: number }[] = [
      ...(kept.length
        ? await this.dataSource.query<{ period: string; kind: string; key: string; n: number }[]>(
            `SELECT to_char(period, 'YYYY-MM') AS period, CASE dim WHEN 'SCREENED_MODEL' THEN 'MODEL' ELSE 'INDICATOR' END AS kind, category AS key, n
             FROM analytics_month_count WHERE dim IN ('SCREENED_MODEL', 'SCREENED_INDICATOR') AND period = ANY($1::date[]) AND n <> 0`,
            [kept.map((x) => `${x}-01`)],
          )
        : []),
      ...(live.length
        ? await this.dataSource.query<{ period: string; kind: string; key: string; n: number }[]>(
            `SELECT to_char(date_trunc('month', ra.assessed_on), 'YYYY-MM') AS period, 'MODEL' AS kind, m AS key, count(*)::int AS n
             FROM risk_assessment ra, unnest(ra.models) AS m WHERE ra.status = 'FINAL' AND ra.assessed_on >= $1 AND ra.assessed_on <= $2 GROUP BY 1, 3
             UNION ALL
             SELECT to_char(date_trunc('month', ra.assessed_on), 'YYYY-MM'), 'INDICATOR', a.key, count(*)::int
             FROM risk_assessment ra, jsonb_each(ra.answers) AS a WHERE ra.status = 'FINAL' AND ra.assessed_on >= $1 AND ra.assessed_on <= $2 AND a.value ->> 'answer' = 'PRESENT' GROUP BY 1, 3`,
            [`${live[0]}-01`, lastDay(period)],
          )
        : []),
    ];
    const keys = new Set(counts.map((c) => `${c.kind}|${c.key}`));
    for (const k of keys) {
      const [kind, key] = k.split('|');
      const values = periods.map((p) => counts.find((c) => c.kind === kind && c.key === key && c.period === p)?.n ?? 0);
      const observed = values[values.length - 1];
      const r = check(observed, values.slice(0, -1));
      if (!r || !r.up || r.pValue >= 0.01 || observed < 3) continue;
      const label = kind === 'MODEL' ? (CSE_MODEL_LABELS[key as (typeof CSE_MODELS)[number]] ?? key) : (INDICATORS.find((x) => x.id === key)?.label ?? key);
      const indicator = INDICATORS.find((x) => x.id === key);
      themes.push({
        kind: kind === 'MODEL' ? 'EMERGING_MODEL' : 'EMERGING_INDICATOR',
        title: `${kind === 'MODEL' ? 'Model' : 'Indicator'} emerging: ${label}`,
        detail: `Recorded at ${observed} screenings this month against an average of ${r.expected.toFixed(1)}`,
        observed,
        expected: r.expected,
        pValue: r.pValue,
        test: POISSON,
        link:
          kind === 'MODEL'
            ? { kind: 'DIMENSION', dimension: 'MODEL', category: key, measure: null, locationId: null }
            : { kind: 'DIMENSION', dimension: indicator?.area ? 'SAFEGUARD_AREA' : indicator?.group === 'PUSH' ? 'PUSH_FACTOR' : 'PULL_FACTOR', category: indicator?.area ?? key, measure: null, locationId: null },
      });
    }
    // New hot spots: reported this month with incidents, and not in the three months before.
    const spots: { id: string; name: string; incidents: number }[] = await this.dataSource.query(
      `SELECT l.id, l.name, h.incidents FROM hot_spot_report h JOIN location l ON l.id = h.location_id
       WHERE h.month = $1 AND h.incidents > 0
         AND NOT EXISTS (SELECT 1 FROM hot_spot_report e WHERE e.location_id = h.location_id AND e.month >= ($1::date - interval '3 months') AND e.month < $1)
       ORDER BY h.incidents DESC, l.name`,
      [`${period}-01`],
    );
    for (const s of spots) {
      themes.push({
        kind: 'NEW_HOT_SPOT',
        title: `New hot spot: ${s.name}`,
        detail: `${s.incidents} incident${s.incidents === 1 ? '' : 's'} this month, none reported in the three months before`,
        observed: s.incidents,
        expected: null,
        pValue: null,
        test: 'Reported this month and not in the previous three months',
        link: { kind: 'PLACE', dimension: null, category: null, measure: null, locationId: s.id },
      });
    }
    // Models that go with going missing more than chance would have it.
    const co: { model: string; total: number; missing: number; with_model: number; both: number }[] = await this.dataSource.query(
      `WITH s AS (
         SELECT ra.models, EXISTS (SELECT 1 FROM missing_episode me WHERE me.young_person_id = ra.young_person_id
                  AND me.started_at >= ra.assessed_on - 90 AND me.started_at < ra.assessed_on + 1) AS missing
         FROM risk_assessment ra WHERE ra.status = 'FINAL' AND ra.assessed_on > $1::date - interval '12 months' AND ra.assessed_on <= $1
       )
       SELECT m AS model, (SELECT count(*) FROM s)::int AS total, (SELECT count(*) FROM s WHERE missing)::int AS missing,
              count(*)::int AS with_model, count(*) FILTER (WHERE s.missing)::int AS both
       FROM s, unnest(s.models) AS m GROUP BY m`,
      [lastDay(period)],
    );
    for (const c of co) {
      if (c.both < 3 || c.total === 0) continue;
      const pValue = 1 - jStat.hypgeom.cdf(c.both - 1, c.total, c.missing, c.with_model);
      const expected = (c.missing * c.with_model) / c.total;
      if (pValue >= 0.01 || c.both <= expected) continue;
      const label = CSE_MODEL_LABELS[c.model as (typeof CSE_MODELS)[number]] ?? c.model;
      themes.push({
        kind: 'CO_OCCURRENCE',
        title: `Going missing goes with ${label}`,
        detail: `${c.both} of ${c.with_model} screenings recording ${label} followed a missing episode in the 90 days before, against ${expected.toFixed(1)} expected`,
        observed: c.both,
        expected,
        pValue,
        test: 'One-sided Fisher exact test over the last twelve months’ screenings (p < 0.01)',
        link: { kind: 'DIMENSION', dimension: 'MODEL', category: c.model, measure: null, locationId: null },
      });
    }
    themes.sort((a, b) => (a.pValue ?? 1) - (b.pValue ?? 1));
    return {
      period,
      method: `${POISSON} for counts, models and indicators; one-sided Fisher exact test for co-occurrence; new hot spots by their reporting history.`,
      themes,
    };
  }

  /**
   * A widget as CSV, through disclosure control whoever exports it: counts of 1 to 5 as c, with
   * secondary suppression over totals and the flow identity, and — with person filters — every count
   * whose complement (the same count without the filters, less it) is 1 to 5, so that subtracting
   * this export from an unfiltered one gives nothing away. Audited with its filters.
   */
  async export(actor: Actor, widget: ExportWidget, dimension: Dimension | null, f: AnalyticsFilter): Promise<AnalyticsExport> {
    const periods = this.periods(f, actor); // the viewer's own limits on filters apply to what they export
    const full: Actor = { ...actor, role: 'ANALYST' };
    let header: string[];
    let rows: string[][];
    if (widget === 'PROFILE') {
      if (!dimension) throw badInput([{ field: 'dimension', message: 'Choose the breakdown to export' }]);
      const info = DIMENSION_INFO[dimension];
      const data = await this.profile(full, f, [dimension]);
      const series = data.series[0];
      const categories = [...new Map(series.cells.map((c) => [c.category, c.label])).entries()];
      const cellOf = (p: VictimProfile, period: string, k: string) => p.series[0].cells.find((c) => c.period === period && c.category === k)?.count.value ?? 0;
      const totalOf = (p: VictimProfile, period: string) => p.totals.find((t) => t.period === period)?.count.value ?? 0;
      const table = data.periods.map((period) => ({ cells: categories.map(([k]) => cellOf(data, period, k)), total: totalOf(data, period) }));
      const totalHidden = await this.onListHidden(f, periods);
      const lines = table.map((r) => ({ cells: r.cells, total: info.multi ? null : r.total }));
      // With person filters, the rule for filtered views decides first (filteredViewHidden).
      const also = hasPersonFilters(f) ? await this.filteredProfileHidden(f, periods, dimension, categories.map(([k]) => k), lines) : null;
      const mask = suppressionMask(lines, null, { cells: also?.cells ?? table.map((r) => r.cells.map(() => false)), totals: totalHidden.map((h, i) => h || !!also?.totals[i]) });
      header = ['Month', ...categories.map(([, label]) => label), 'On the list'];
      rows = data.periods.map((period, i) => [period, ...table[i].cells.map((n, j) => shown(n, mask.cells[i][j])), shown(table[i].total, totalHidden[i] || mask.totals[i])]);
    } else if (widget === 'FLOWS') {
      const values = await this.flowRows(periods, f, 'TRENDS');
      const data = this.series(periods, TREND_MEASURES, values, await this.flowMask(periods, f, values));
      header = ['Month', ...data.map((m) => m.label)];
      rows = periods.map((period, i) => [period, ...data.map((m) => m.points[i].count.display)]);
    } else {
      // Police and agency figures are for the whole borough: person filters do not apply, and no count is a sum of others shown.
      const a = await this.activity(full, f);
      const data = [...a.police, ...a.agencies];
      header = ['Month', ...data.map((m) => m.label)];
      rows = a.periods.map((period, i) => [period, ...data.map((m) => { const n = m.points[i].count.value ?? 0; return shown(n, isSmall(n)); })]);
    }
    // Ward names are free text: the CSV policy (csvFile) writes a cell a spreadsheet would run as a formula as text.
    const csv = csvFile([header, ...rows]);
    const filename = `mase-${widget.toLowerCase()}${dimension ? `-${dimension.toLowerCase().replace(/_/g, '-')}` : ''}-${f.from}-to-${f.to}.csv`;
    await this.audit.recordAlone({ action: 'analytics.exported', actor, entityType: 'analytics', details: { widget, dimension, filter: { ...f }, rows: rows.length } });
    return { filename, csv, header, rows };
  }
}

function addMonth(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

function measureSections(): [string[], string[]] {
  return [Object.keys(MEASURE_SECTION), Object.values(MEASURE_SECTION)];
}

const MEASURE_SECTION: Record<string, string> = Object.fromEntries(MEASURES.map((m) => [m.key, m.section]));
