import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { MEASURES, RETURN_SECTION_LABELS, RETURN_SECTIONS } from '@mase/shared';
import { Select } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { ReturnTotalsDocument } from '../../gql/graphql';
import { lastMonths } from './Oversight';
import { periodLabel, periodsBetween, shortPeriodLabel } from './format';
import { ScrollTable } from './ScrollTable';

// Recharts is loaded only when the totals are shown, never with the first page.
const TotalsChart = lazy(() => import('./TotalsChart').then((m) => ({ default: m.TotalsChart })));

const MONTHS = 12;

/** Monthly totals of every agency's submitted returns: a table per section, and a chart of one measure. */
export function TotalsSection() {
  const range = useMemo(() => lastMonths(MONTHS), []);
  const periods = useMemo(() => periodsBetween(range.from, range.to), [range]);
  const { data, loading, error, refetch } = useQuery(ReturnTotalsDocument, { variables: { range, agencyId: null }, fetchPolicy: 'cache-and-network' });
  const [chosen, setChosen] = useState('');

  const totals = useMemo(() => {
    const map = new Map<string, number>();
    for (const t of data?.returnTotals.byMeasure ?? []) map.set(`${t.measure}:${t.period}`, t.total);
    return map;
  }, [data]);
  const measures = useMemo(() => MEASURES.filter((m) => periods.some((p) => totals.has(`${m.key}:${p}`))), [periods, totals]);
  const measure = measures.find((m) => m.key === chosen) ?? measures[0];
  const cell = (key: string, p: string) => totals.get(`${key}:${p}`);

  return (
    <section aria-labelledby="totals-heading" className="app-section-gap">
      <h2 className="govuk-heading-m" id="totals-heading">
        Totals over the last {MONTHS} months
      </h2>
      <p className="govuk-body">
        What every agency returned, added up by month, from {periodLabel(range.from)} to {periodLabel(range.to)}. Only submitted and accepted returns count; a return sent back
        for correction counts again once it is corrected.
      </p>
      {!data && loading ? <Loading what="Loading the totals" /> : null}
      {!data && error ? <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} /> : null}
      {data && !measure ? (
        <p className="govuk-body">No returns have been submitted in these months, so there are no totals yet. They appear here as agencies submit their returns.</p>
      ) : null}
      {data && measure ? (
        <>
          <Select id="chart-measure" label="Measure to chart" value={measure.key} options={measures.map((m) => ({ value: m.key, label: m.label }))} onChange={setChosen} />
          <figure className="app-figure">
            <figcaption className="govuk-body">
              <strong>{measure.label}</strong>: total of all agencies&rsquo; returns by month. The same figures are in the tables below.
            </figcaption>
            <Suspense fallback={<Loading what="Loading the chart" />}>
              <TotalsChart label={measure.label} data={periods.map((p) => ({ month: shortPeriodLabel(p), total: cell(measure.key, p) ?? null }))} />
            </Suspense>
          </figure>
          {RETURN_SECTIONS.map((section) => {
            const inSection = measures.filter((m) => m.section === section);
            if (inSection.length === 0) return null;
            const captionId = `totals-${section.toLowerCase()}`;
            return (
              <ScrollTable key={section} id={captionId} caption={`${RETURN_SECTION_LABELS[section]}: totals by month`} className="app-totals" latest={data}>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">
                        Measure
                      </th>
                      {periods.map((p) => (
                        <th key={p} scope="col" className="govuk-table__header govuk-table__header--numeric">
                          <span aria-hidden="true">{shortPeriodLabel(p)}</span>
                          <span className="govuk-visually-hidden">{periodLabel(p)}</span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {inSection.map((m) => (
                      <tr key={m.key} className="govuk-table__row">
                        <th scope="row" className="govuk-table__header">
                          {m.label}
                        </th>
                        {periods.map((p) => {
                          const v = cell(m.key, p);
                          return (
                            <td key={p} className="govuk-table__cell govuk-table__cell--numeric">
                              {v === undefined ? (
                                <>
                                  <span aria-hidden="true">–</span>
                                  <span className="govuk-visually-hidden">none returned</span>
                                </>
                              ) : (
                                v.toLocaleString('en-GB')
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
              </ScrollTable>
            );
          })}
        </>
      ) : null}
    </section>
  );
}
