import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Checkbox } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { AnalysisActivityDocument, AnalysisListTrendsDocument, type AnalysisMeasureFragment, type AnalyticsFilter, type SessionUserFragment } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { formatDay } from '../list/common';
import { addMonths, formatMonth } from '../intelligence/months';
import { AnalysisIntro } from './AnalysisIntro';
import { canUsePersonFilters } from './AnalysisPage';
import { FilterBar } from './FilterBar';
import { describeFilters, hasPersonFilters, listLink, MAX_MONTHS, monthsBetween, readFilters, toAnalyticsFilter, writeFilters, type DashboardFilters } from './filters';
import {
  cohortLink,
  frameParams,
  frameRange,
  hasCohort,
  latestComparison,
  readFrame,
  TREND_CHARTS,
  trendDataFromExport,
  trendView,
  writeFrame,
  type TrendChart,
  type TrendData,
  type TrendOptions,
  type TrendView,
} from './trends';
import { Widget, type Frame } from './Widget';
import './analysis.css';

const asData = (periods: string[], measures: readonly AnalysisMeasureFragment[]): TrendData => ({
  periods,
  measures: measures.map((m) => ({ measure: m.measure, label: m.label, cells: m.points.map((p) => p.count) })),
});

const EMPTY: Record<TrendChart['source'], string> = {
  flows: 'Nothing of this kind was recorded in these months with these filters. Widen the months or clear the filters by young person.',
  police: 'There are no police monthly reports for these months. The police CSE lead records one each month under Intelligence.',
  agencies: 'No agency returns were submitted for these months. Agencies submit one each month under Agency returns.',
};

interface TrendWidgetProps {
  chart: TrendChart;
  data: TrendData;
  options: TrendOptions;
  csvFilter: AnalyticsFilter;
  imageFilter: AnalyticsFilter;
  /** The filters in force, as a sentence (for images). */
  filtersText: string;
  /** The MASE list's address for the young people behind a measure's count in a month, or null (absent for roles that may not see them). */
  listFor?: (measure: string, month: string) => string | null;
  /** The widget's own time frame within the dashboard's months. */
  frame: Frame;
  onFrame: (frame: Frame) => void;
}

/** The day a month's list is counted on: its last day, or today for the month in progress. */
export function countedOn(month: string, today: string = new Date().toISOString().slice(0, 10)): string {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return last < today ? last : today;
}

/** A count in a trend table: a link to the young people behind it where there is one. */
function CountLink({ cell, link, measure, label, month }: { cell: TrendView['columns'][number]['values'][number]; link: string | null; measure: string; label: string; month: string }) {
  if (!link) return <>{cell.display}</>;
  return (
    <Link className="govuk-link" to={link}>
      {cell.display}
      <span className="govuk-visually-hidden">
        {' '}
        {measure === 'onList'
          ? `young people on the list at the end of ${formatMonth(month)}: open them on the MASE list`
          : `${label.toLowerCase()}, ${formatMonth(month)}: open the young people behind it on the MASE list`}
      </span>
    </Link>
  );
}

function TrendWidget({ chart, data, options: dashboard, csvFilter, imageFilter, filtersText, listFor, frame, onFrame }: TrendWidgetProps) {
  const options: TrendOptions = { ...dashboard, ...frameRange(frame, dashboard.from, dashboard.to) };
  const view = trendView(chart, data, options);
  const rolled = view.columns.some((c) => c.rolled);
  const navigate = useNavigate();
  const clickable = !!listFor && !rolled && chart.measures.some(hasCohort);
  /** The list's address for the count in month i of column j (or of the year before), when someone is behind it. */
  const linkFor = (i: number, j: number, yearBefore = false): string | null => {
    const column = view.columns[j];
    const cell = yearBefore ? column?.yearBefore[i] : column?.values[i];
    if (!clickable || !listFor || !column || !cell?.value) return null;
    return listFor(column.measure, yearBefore ? addMonths(view.months[i], -12) : view.months[i]);
  };
  const onSelect = clickable
    ? (index: number, seriesKey: string) => {
        const before = seriesKey.endsWith('-before');
        const j = view.columns.findIndex((c) => c.measure === (before ? seriesKey.slice(0, -'-before'.length) : seriesKey));
        const link = linkFor(index, j, before);
        if (link) void navigate(link);
      }
    : undefined;
  const comparison = latestComparison(view);
  const last = view.months[view.months.length - 1];
  const widget = chart.source === 'flows' ? 'FLOWS' : 'ACTIVITY';
  const what = rolled ? '12-month rolling sums' : 'monthly figures';
  const lead =
    last && comparison.length ? (
      <div className="app-comparison">
        <p className="govuk-body-s govuk-!-margin-bottom-1 govuk-!-font-weight-bold">
          {formatMonth(last)} against {formatMonth(addMonths(last, -12))}
          {rolled ? ' (12-month rolling sums)' : ''}
        </p>
        <ul className="govuk-list govuk-body-s">
          {comparison.map((c) => (
            <li key={c.label}>
              {c.label}: {c.now} against {c.before} ({c.change === 'c' ? 'change hidden' : `change ${c.change}`})
            </li>
          ))}
        </ul>
      </div>
    ) : null;

  const table = (
    <div className="app-table-scroll" role="region" aria-label={`${chart.title}: table`} tabIndex={0}>
      <table className="govuk-table app-table--compact">
        <caption className="govuk-table__caption govuk-table__caption--s">
          {chart.title}: {what}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Month
            </th>
            {view.columns.map((c) => (
              <th key={c.measure} scope="col" className="govuk-table__header govuk-table__header--numeric">
                {c.label}
              </th>
            ))}
            {options.compare
              ? view.columns.map((c) => (
                  <th key={`${c.measure}-before`} scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {c.label}, a year before
                  </th>
                ))
              : null}
            <th scope="col" className="govuk-table__header">
              MASE meeting
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {view.months.map((m, i) => (
            <tr key={m} className="govuk-table__row">
              <th scope="row" className="govuk-table__header app-nowrap">
                {formatMonth(m)}
              </th>
              {view.columns.map((c, j) => (
                <td key={c.measure} className="govuk-table__cell govuk-table__cell--numeric">
                  <CountLink cell={c.values[i]} link={linkFor(i, j)} measure={c.measure} label={c.label} month={m} />
                </td>
              ))}
              {options.compare
                ? view.columns.map((c, j) => (
                    <td key={`${c.measure}-before`} className="govuk-table__cell govuk-table__cell--numeric">
                      <CountLink cell={c.yearBefore[i]} link={linkFor(i, j, true)} measure={c.measure} label={c.label} month={addMonths(m, -12)} />
                    </td>
                  ))
                : null}
              <td className="govuk-table__cell app-nowrap">{(view.meetings.get(m) ?? []).map(formatDay).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  const notes = [
    view.meetings.size ? 'Dashed upright lines mark the months of MASE meetings.' : null,
    options.compare ? 'Dashed lines show the same month a year before.' : null,
    options.rolling && !chart.summable ? 'Not added up over 12 months: these are counts at a point in time, or of young people who could count in several months.' : null,
    rolled ? 'Each month shows the total of the 12 months up to it; a total that would include a hidden count shows as c, and “–” means there are not yet 12 months to add.' : null,
    clickable && view.spec ? `Select a ${view.spec.kind === 'line' ? 'point' : 'bar'}, or a number in the table, to see the young people behind it on the MASE list.` : null,
  ].filter(Boolean);

  return (
    <Widget
      id={chart.id}
      title={chart.title}
      hint={chart.hint}
      frame={{ value: frame, onChange: onFrame }}
      spec={view.spec}
      empty={EMPTY[chart.source]}
      chartLabel={`${options.compare || chart.kind === 'line' ? 'Line' : 'Bar'} chart of ${chart.title.toLowerCase()}, ${what}, ${formatMonth(options.from)} to ${formatMonth(options.to)}. The figures are in the table below.`}
      lead={lead}
      onSelect={onSelect}
      footnote={notes.length ? notes.join(' ') : undefined}
      table={table}
      csv={{ widget, filter: { ...csvFilter, from: options.from, to: options.to } }}
      image={{
        request: { widget, filter: imageFilter },
        toSpec: (header, rows) => trendView(chart, trendDataFromExport(header, rows, data), options).spec,
        subtitle: chart.source === 'flows' ? `${what.charAt(0).toUpperCase()}${what.slice(1)}. Filters: ${filtersText}.` : `${formatMonth(options.from)} to ${formatMonth(options.to)}, ${what}.`,
      }}
    />
  );
}

export function TrendsPage({ me }: { me: SessionUserFragment }) {
  usePageTitle('Trends');
  const [params, setParams] = useSearchParams();
  const { hash } = useLocation();
  const filters = useMemo(() => readFilters(params), [params]);
  const personFilters = canUsePersonFilters(me.role);
  const [rolling, setRolling] = useState(false);
  const [compare, setCompare] = useState(false);
  // The widgets' own time frames stay when the dashboard's filters change.
  const apply = (f: DashboardFilters) => setParams(new URLSearchParams([...writeFilters(f), ...frameParams(params)]));
  const setFrame = (chartId: string, frame: Frame) => setParams(writeFrame(params, chartId, frame), { replace: true });
  // Fetch up to two years before the range: the same month a year before, and 12 months to add up.
  const shown = monthsBetween(filters.from, filters.to).length;
  const extra = Math.max(0, Math.min(12 + (rolling ? 11 : 0), MAX_MONTHS - shown));
  const sent = toAnalyticsFilter(filters, personFilters);
  const fetched = { ...sent, from: addMonths(filters.from, -extra) };
  const flows = useQuery(AnalysisListTrendsDocument, { variables: { filter: fetched } });
  const activity = useQuery(AnalysisActivityDocument, { variables: { filter: { from: fetched.from, to: fetched.to } } });
  const flowData = useMemo(() => (flows.data ? asData(flows.data.listTrends.periods, flows.data.listTrends.measures) : null), [flows.data]);
  const policeData = useMemo(() => (activity.data ? asData(activity.data.activityTrends.periods, activity.data.activityTrends.police) : null), [activity.data]);
  const agencyData = useMemo(() => (activity.data ? asData(activity.data.activityTrends.periods, activity.data.activityTrends.agencies) : null), [activity.data]);
  const options: TrendOptions = { from: filters.from, to: filters.to, rolling, compare, meetings: flows.data?.listTrends.meetingDates ?? [] };
  const loaded = !!flowData && !!policeData;

  // A link to one chart (from "What changed") lands on it once the charts are drawn.
  useEffect(() => {
    if (!loaded || !hash) return;
    const target = document.getElementById(`${hash.slice(1)}-title`);
    target?.scrollIntoView();
    target?.focus({ preventScroll: true });
  }, [loaded, hash]);

  const widgets = (source: TrendChart['source'], data: TrendData | null, exportFilter: AnalyticsFilter, imageFilter: AnalyticsFilter) =>
    data
      ? TREND_CHARTS.filter((c) => c.source === source).map((c) => (
          <TrendWidget
            key={c.id}
            chart={c}
            data={data}
            options={options}
            csvFilter={exportFilter}
            imageFilter={imageFilter}
            filtersText={describeFilters(filters, personFilters)}
            listFor={
              personFilters
                ? (measure, month) => (measure === 'onList' ? listLink(filters, countedOn(month)) : hasCohort(measure) ? cohortLink(filters, measure, month, frameParams(params)) : null)
                : undefined
            }
            frame={readFrame(params, c.id)}
            onFrame={(frame) => setFrame(c.id, frame)}
          />
        ))
      : null;

  return (
    <>
      <AnalysisIntro current="trends" filters={filters} title="Trends">
        How the list changes month by month: who joins and leaves, screenings, reviews and missing episodes, with MASE meeting dates marked; then police and agency
        activity.
      </AnalysisIntro>
      {!personFilters ? (
        <div className="govuk-inset-text" data-testid="agency-lead-note">
          Your role sees figures for the whole list by month, so the only filter is the months. Counts from 1 to 5 show as <strong>c</strong>.
          {hasPersonFilters(filters) ? ' This address had filters by young person: they have been left out.' : ''}
        </div>
      ) : null}
      <FilterBar key={writeFilters(filters).toString()} filters={filters} onApply={apply} personFilters={personFilters} />
      <fieldset className="govuk-fieldset app-trend-options">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">How to show the months</legend>
        <Checkbox
          id="trend-rolling"
          label="Show 12-month rolling sums"
          hint="Each month shows the total of the 12 months up to it. A total that would include a hidden count (c) shows as c."
          checked={rolling}
          onChange={setRolling}
        />
        <Checkbox id="trend-compare" label="Show the same month a year before" hint="Adds a dashed line for each measure, 12 months earlier." checked={compare} onChange={setCompare} />
      </fieldset>

      <h2 className="govuk-heading-l app-analysis-section">The list, screenings, reviews and missing episodes</h2>
      {flows.error && !flows.data ? (
        <QueryError error={flows.error} onRetry={() => void flows.refetch().catch(() => undefined)} />
      ) : !flowData ? (
        <Loading what="Counting the months" />
      ) : (
        <div className="app-widgets">{widgets('flows', flowData, sent, fetched)}</div>
      )}

      <h2 className="govuk-heading-l app-analysis-section">Police and agency activity</h2>
      <p className="govuk-body">These figures are not about individual young people: the filters by young person do not apply to them.</p>
      {activity.error && !activity.data ? (
        <QueryError error={activity.error} onRetry={() => void activity.refetch().catch(() => undefined)} />
      ) : !policeData ? (
        <Loading what="Counting police and agency activity" />
      ) : (
        <div className="app-widgets">
          {widgets('police', policeData, { from: sent.from, to: sent.to }, { from: fetched.from, to: fetched.to })}
          {widgets('agencies', agencyData, { from: sent.from, to: sent.to }, { from: fetched.from, to: fetched.to })}
        </div>
      )}
    </>
  );
}
