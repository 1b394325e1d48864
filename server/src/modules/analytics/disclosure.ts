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

/**
 * What a filtered view's figures are counted by, for disclosure control: one filter dimension
 * (its categories), or several jointly (each combination of their categories, for the corners of
 * the view: see cornersHidden in @mase/shared).
 */
export type Grouping = FilterKey | readonly FilterKey[];

/** The filters less every dimension of the grouping. */
export const withoutAll = <F extends PersonFilterValues>(f: F, keys: readonly FilterKey[]): F => keys.reduce((g, k) => without(g, k), f);

/** A joint category as text: the JSON array of its dimensions' categories (null for none). */
const joint = (parts: readonly string[]) => `json_build_array(${parts.join(', ')})::text`;

/** The category of a row `s` of analytics_person_month (or the live rows) under a grouping. */
export const rowCategory = (by: Grouping): string => (typeof by === 'string' ? ROW_CATEGORY[by] : joint(by.map((k) => ROW_CATEGORY[k])));

/** The category of `yp` on a date under a grouping. */
export const liveCategory = (by: Grouping, date: string): string => (typeof by === 'string' ? personCategory(by, date) : joint(by.map((k) => personCategory(k, date))));

/**
 * The categories to count the live figures on a date by: every category of a dimension; for a
 * joint grouping, the combinations some young person is in on that date (any other counts zero).
 */
export const liveCategories = (by: Grouping, date: string): string =>
  typeof by === 'string' ? ALL_CATEGORIES[by] : `SELECT DISTINCT ${liveCategory(by, date)} FROM young_person yp`;

/** For a joint category, which of the view's filters it meets, dimension by dimension. */
export function meetsEach(keys: readonly FilterKey[], f: PersonFilterValues, category: string | null): boolean[] {
  const parts = category === null ? [] : (JSON.parse(category) as (string | null)[]);
  return keys.map((k, i) => selectedBy(k, f, parts[i] ?? null));
}
