import { AGE_BANDS, type AnalyticsFilterValues } from '@mase/shared';
import { ageBandAt } from './sql.js';
import { latestAt } from './cohorts.js';

/**
 * The person filters as dimensions of disclosure control (filteredViewHidden in @mase/shared): for
 * each, the category a young person is in, in SQL, so that a filtered view can be counted category
 * by category in one query (GROUP BY the category). Gender, ward, legal status, age band and RAG
 * are single-valued: each young person is in one category (no ward and not screened are categories
 * too, never selected by a filter). Models are multi-valued: the category is the exact combination
 * of models of the latest screening (its atom, '' for none), which partitions the young people as
 * the rule needs; a model filter selects the combinations holding any model it names.
 */
export const FILTER_KEYS = ['gender', 'ward', 'legalStatus', 'ageBand', 'rag', 'model'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

type PersonFilterValues = Omit<AnalyticsFilterValues, 'from' | 'to'>;

/** The filter dimensions in force. */
export const filtersInForce = (f: PersonFilterValues): FilterKey[] => FILTER_KEYS.filter((k) => !!f[k]?.length);

/** The filters less one dimension. */
export const without = <F extends PersonFilterValues>(f: F, key: FilterKey): F => ({ ...f, [key]: null });

const sortedText = (array: string) => `array_to_string(ARRAY(SELECT DISTINCT x FROM unnest(${array}) x ORDER BY 1), ',')`;

/** The category of a row `s` of analytics_person_month, or of the live rows with the same columns. */
export const ROW_CATEGORY: Record<FilterKey, string> = {
  gender: 's.gender',
  ward: 's.home_ward',
  legalStatus: 's.legal_status',
  ageBand: 's.age_band',
  rag: 's.rag',
  model: sortedText('s.models'),
};

/** The category of `yp` on a date (SQL), as the live person filters judge it. */
export function personCategory(key: FilterKey, date: string): string {
  switch (key) {
    case 'gender':
      return 'yp.gender';
    case 'ward':
      return 'yp.home_ward';
    case 'legalStatus':
      return 'yp.legal_status';
    case 'ageBand':
      return ageBandAt(date);
    case 'rag':
      return latestAt('rag', date);
    case 'model':
      return sortedText(latestAt('models', date));
  }
}

/** Every category a young person can be in on a date, in SQL (one text column), for the live counts. */
export const ALL_CATEGORIES: Record<FilterKey, string> = {
  gender: 'SELECT DISTINCT gender FROM young_person',
  ward: 'SELECT DISTINCT home_ward FROM young_person',
  legalStatus: 'SELECT DISTINCT legal_status FROM young_person',
  ageBand: `SELECT unnest(ARRAY[${AGE_BANDS.map((b) => `'${b}'`).join(', ')}]::text[])`,
  rag: `SELECT DISTINCT rag FROM risk_assessment WHERE status = 'FINAL' UNION SELECT NULL::text`,
  model: `SELECT DISTINCT ${sortedText('ra.models')} FROM risk_assessment ra WHERE ra.status = 'FINAL' UNION SELECT ''`,
};

/** Whether the filter keeps a category (as the SQL person filters do: no ward or no screening never). */
export function selectedBy(key: FilterKey, f: PersonFilterValues, category: string | null): boolean {
  const values = f[key] ?? [];
  if (category === null) return false;
  if (key === 'model') return category.split(',').some((m) => values.includes(m));
  return values.includes(category);
}
