import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Dimension } from '@mase/shared';
import type { AnalyticsFilter } from '../../gql/graphql';
import { formatDay } from '../list/common';
import { formatMonth } from '../intelligence/months';
import { change, type Cell } from './data';
import { describeFilters, listCanShow, listLink, type DashboardFilters } from './filters';
import { frameIndexes, gridFromExport, profileSpec, selection, TOTAL, yearBeforeIndex, type Grid } from './profile';
import { Widget, type Frame } from './Widget';

interface Props {
  id: string;
  title: string;
  hint?: ReactNode;
  dimension: Dimension | typeof TOTAL;
  grid: Grid;
  defaultFrame: Frame;
  filters: DashboardFilters;
  /** The filter sent to the server (without person filters for roles that may not use them). */
  sent: AnalyticsFilter;
  /** The viewer may open the MASE list (and filter by young person). */
  canList: boolean;
}

/** A victim-profile widget: one breakdown of the list, over the time frame chosen. */
export function ProfileWidget({ id, title, hint, dimension, grid, defaultFrame, filters, sent, canList }: Props) {
  const [frame, setFrame] = useState<Frame>(defaultFrame);
  const navigate = useNavigate();
  const spec = profileSpec(grid, frame, dimension);
  const months = frameIndexes(grid, frame);
  const latest = grid.periods.length - 1;
  const before = yearBeforeIndex(grid);
  const clickable = canList && (dimension === TOTAL || listCanShow(dimension));

  const linkFor = (period: number, category: string | null): string | null => {
    if (!clickable || period < 0) return null;
    const date = grid.dates[period];
    return category === null || dimension === TOTAL ? listLink(filters, date) : listLink(filters, date, { dimension, category });
  };

  const shown = (cell: Cell, period: number, category: string | null, what: string): ReactNode => {
    const link = cell.value ? linkFor(period, category) : null;
    if (!link) return cell.display;
    return (
      <Link className="govuk-link" to={link}>
        {cell.display}{' '}
        <span className="govuk-visually-hidden">
          young people: {what}, {formatMonth(grid.periods[period])}. Open them on the MASE list
        </span>
      </Link>
    );
  };

  const onSelect = clickable && spec
    ? (index: number, seriesKey: string) => {
        const picked = selection(grid, spec, index, seriesKey);
        const link = picked ? linkFor(picked.period, picked.category) : null;
        if (link) void navigate(link);
      }
    : undefined;

  const countedOn = (i: number) => (grid.dates[i] ? `counted on ${formatDay(grid.dates[i])}` : '');
  const isTotal = dimension === TOTAL;
  const table =
    frame === 'latest' ? (
      <div className="app-table-scroll" role="region" aria-label={`${title}: table`} tabIndex={0}>
        <table className="govuk-table app-table--compact">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {title}: {formatMonth(grid.periods[latest])}
            {before >= 0 ? ` and ${formatMonth(grid.periods[before])}` : ''}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {isTotal ? 'Measure' : 'Category'}
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                {formatMonth(grid.periods[latest])}
              </th>
              {before >= 0 ? (
                <>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {formatMonth(grid.periods[before])}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Change
                  </th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {grid.categories.map((c, j) => (
              <tr key={c.key} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {c.label}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{shown(grid.cells[latest][j], latest, isTotal ? null : c.key, c.label)}</td>
                {before >= 0 ? (
                  <>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{shown(grid.cells[before][j], before, isTotal ? null : c.key, c.label)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{change(grid.cells[latest][j], grid.cells[before][j])}</td>
                  </>
                ) : null}
              </tr>
            ))}
            {isTotal ? null : (
              <tr className="govuk-table__row app-total-row">
                <th scope="row" className="govuk-table__header">
                  All on the list{grid.multi ? ' (each young person once)' : ''}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{shown(grid.totals[latest], latest, null, 'everyone counted')}</td>
                {before >= 0 ? (
                  <>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{shown(grid.totals[before], before, null, 'everyone counted')}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{change(grid.totals[latest], grid.totals[before])}</td>
                  </>
                ) : null}
              </tr>
            )}
          </tbody>
        </table>
      </div>
    ) : (
      <div className="app-table-scroll" role="region" aria-label={`${title}: table`} tabIndex={0}>
        <table className="govuk-table app-table--compact">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {title}: {formatMonth(grid.periods[months[0]])} to {formatMonth(grid.periods[latest])}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Month
              </th>
              {isTotal
                ? null
                : grid.categories.map((c) => (
                    <th key={c.key} scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {c.label}
                    </th>
                  ))}
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                On the list{grid.multi ? ' (each young person once)' : ''}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {months.map((i) => (
              <tr key={grid.periods[i]} className="govuk-table__row">
                <th scope="row" className="govuk-table__header app-nowrap">
                  {formatMonth(grid.periods[i])}
                  {' '}<span className="govuk-visually-hidden">({countedOn(i)})</span>
                </th>
                {isTotal
                  ? null
                  : grid.categories.map((c, j) => (
                      <td key={c.key} className="govuk-table__cell govuk-table__cell--numeric">
                        {shown(grid.cells[i][j], i, c.key, c.label)}
                      </td>
                    ))}
                <td className="govuk-table__cell govuk-table__cell--numeric">{shown(grid.totals[i], i, null, 'everyone counted')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  // Exports: the months the frame shows (an image of the latest month also needs the year before).
  const frameFrom = grid.periods[months[0]] ?? sent.from;
  const exportDimension: Dimension = dimension === TOTAL ? 'RAG' : dimension;
  const imageFrom = frame === 'latest' && before >= 0 ? grid.periods[before] : frameFrom;
  const latestLabel = grid.periods[latest] ? formatMonth(grid.periods[latest]) : '';
  const chartLabel =
    frame === 'latest'
      ? `Bar chart of ${title.toLowerCase()} in ${latestLabel}${before >= 0 ? `, beside ${formatMonth(grid.periods[before])}` : ''}. The figures are in the table below.`
      : `${spec?.kind === 'line' ? 'Line' : 'Stacked bar'} chart of ${title.toLowerCase()} by month, ${formatMonth(frameFrom)} to ${latestLabel}. The figures are in the table below.`;

  return (
    <Widget
      id={id}
      title={title}
      hint={hint}
      frame={{ value: frame, onChange: setFrame }}
      spec={spec}
      empty={
        <>
          Nobody was on the list {frame === 'latest' ? `in ${latestLabel}` : 'in these months'} with these filters. Choose a longer time frame, widen the dates or clear the filters
          above.
        </>
      }
      chartLabel={chartLabel}
      onSelect={onSelect}
      footnote={clickable && spec ? `Select a ${spec.kind === 'line' ? 'point' : 'bar'}, or a number in the table, to see those young people on the MASE list.` : undefined}
      table={table}
      csv={{ widget: 'PROFILE', dimension: exportDimension, filter: { ...sent, from: frameFrom } }}
      image={{
        request: { widget: 'PROFILE', dimension: exportDimension, filter: { ...sent, from: imageFrom } },
        toSpec: (header, rows) => profileSpec(gridFromExport(header, rows, grid, dimension), frame, dimension),
        subtitle: `${frame === 'latest' ? latestLabel : `${formatMonth(frameFrom)} to ${latestLabel}`}. On the MASE list at each month end. Filters: ${describeFilters(filters, canList)}.`,
      }}
    />
  );
}
