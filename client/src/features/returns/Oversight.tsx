import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { INVOLVEMENT_LABELS } from '@mase/shared';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Tag } from '../../components/Tag';
import { OverdueReturnsDocument, ReturnComplianceDocument, ReturnYoungPeopleToScreenDocument, type ComplianceState } from '../../gql/graphql';
import { MonthRangeForm } from '../intelligence/MonthRangeForm';
import {
  addPeriods,
  COMPLIANCE_COLOURS,
  COMPLIANCE_LABELS,
  COMPLIANCE_MEANINGS,
  COMPLIANCE_ORDER,
  currentPeriod,
  longDate,
  periodLabel,
  plural,
  shortDate,
  shortPeriodLabel,
  STATUS_LABELS,
} from './format';
import { ScrollTable } from './ScrollTable';

function ComplianceTag({ state }: { state: ComplianceState }) {
  return <Tag colour={COMPLIANCE_COLOURS[state]}>{COMPLIANCE_LABELS[state]}</Tag>;
}

/** What each colour and word of the grid means. */
function ComplianceKey() {
  return (
    <div className="app-key">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id="compliance-key">
        Key
      </h3>
      <ul className="govuk-list app-key__list" aria-labelledby="compliance-key">
        {COMPLIANCE_ORDER.map((s) => (
          <li key={s} className="app-key__item">
            <ComplianceTag state={s} /> {COMPLIANCE_MEANINGS[s]}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function lastMonths(n: number): { from: string; to: string } {
  const to = currentPeriod();
  return { from: addPeriods(to, -(n - 1)), to };
}

/** Agencies × months: on time, late, returned, missing or due, each cell opening the return. */
export function ComplianceSection() {
  const [range, setRange] = useState(() => lastMonths(12));
  const { data, loading, error, refetch } = useQuery(ReturnComplianceDocument, { variables: { range }, fetchPolicy: 'cache-and-network' });
  const grid = data?.returnCompliance;
  return (
    <section aria-labelledby="compliance-heading" className="app-section-gap">
      <h2 className="govuk-heading-m" id="compliance-heading">
        Who has sent their return
      </h2>
      <MonthRangeForm value={range} onChange={setRange} />
      <ComplianceKey />
      {!grid && loading ? <Loading what="Loading the returns" /> : null}
      {error ? <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} /> : null}
      {grid ? (
        grid.rows.length === 0 ? (
          <p className="govuk-body">There are no active agencies, so no returns are expected. Ask your MASE Hub administrator to add the member agencies.</p>
        ) : (
          <ScrollTable
            id="compliance-caption"
            caption={`Returns by agency, ${periodLabel(grid.periods[0])} to ${periodLabel(grid.periods[grid.periods.length - 1])}`}
            className="app-compliance"
            latest={grid}
            testId="compliance-grid"
          >
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Agency
                  </th>
                  {grid.periods.map((p, i) => (
                    <th key={p} scope="col" className="govuk-table__header app-compliance__month" data-period={p}>
                      <span aria-hidden="true">{shortPeriodLabel(p)}</span>
                      <span className="govuk-visually-hidden">{periodLabel(p)}</span>
                      <span className="app-compliance__deadline">
                        <span aria-hidden="true">due {shortDate(grid.deadlines[i])}</span>
                        <span className="govuk-visually-hidden">, due by {longDate(grid.deadlines[i])}</span>
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {grid.rows.map((row) => (
                  <tr key={row.agency.id} className="govuk-table__row" data-agency={row.agency.name}>
                    <th scope="row" className="govuk-table__header app-compliance__agency">
                      {row.agency.name}
                    </th>
                    {row.cells.map((c) => (
                      <td key={c.period} className="govuk-table__cell" data-period={c.period} data-state={c.state}>
                        {c.returnId ? (
                          <Link className="govuk-link app-tag-link" to={`/returns/view/${c.returnId}`}>
                            <ComplianceTag state={c.state} />
                            <span className="govuk-visually-hidden">
                              : {row.agency.name}, {periodLabel(c.period)}
                            </span>
                          </Link>
                        ) : (
                          <ComplianceTag state={c.state} />
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
          </ScrollTable>
        )
      ) : null}
    </section>
  );
}

/** Returns past their deadline with nothing submitted, most overdue first. */
export function OverdueSection() {
  const { data, loading, error, refetch } = useQuery(OverdueReturnsDocument, { fetchPolicy: 'cache-and-network' });
  const rows = data?.overdueReturns ?? [];
  return (
    <section aria-labelledby="overdue-heading" className="app-section-gap">
      <h2 className="govuk-heading-m" id="overdue-heading">
        Overdue returns
      </h2>
      {!data && loading ? <Loading what="Loading the overdue returns" /> : null}
      {!data && error ? <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} /> : null}
      {data ? (
        rows.length === 0 ? (
          <p className="govuk-body">No returns are overdue: every agency has sent its return for each month whose deadline has passed.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{plural(rows.length, 'return is overdue', 'returns are overdue')}: ask the agency leads to send them</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Agency
                </th>
                <th scope="col" className="govuk-table__header">
                  Month
                </th>
                <th scope="col" className="govuk-table__header">
                  Deadline
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Days overdue
                </th>
                <th scope="col" className="govuk-table__header">
                  Where it stands
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((r) => (
                <tr key={`${r.agency.id}-${r.period}`} className="govuk-table__row">
                  <td className="govuk-table__cell">{r.agency.name}</td>
                  <td className="govuk-table__cell">
                    {r.returnId ? (
                      <Link className="govuk-link" to={`/returns/view/${r.returnId}`}>
                        {periodLabel(r.period)}
                        <span className="govuk-visually-hidden">: {r.agency.name}</span>
                      </Link>
                    ) : (
                      periodLabel(r.period)
                    )}
                  </td>
                  <td className="govuk-table__cell">{longDate(r.deadline)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.daysOverdue}</td>
                  <td className="govuk-table__cell">{r.status ? STATUS_LABELS[r.status] : 'Not started'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </section>
  );
}

const REASONS: Record<string, string> = {
  NOT_RECORDED: 'No record in MASE Hub matches: record the young person and consider a screening',
  NOT_ON_LIST: 'Recorded but not on the list, and not screened since the return: consider a screening',
};

/** Young people named in returns who are not on the MASE list. */
export function ScreeningSection() {
  const { data, loading, error, refetch } = useQuery(ReturnYoungPeopleToScreenDocument, { fetchPolicy: 'cache-and-network' });
  const rows = data?.returnYoungPeopleToScreen ?? [];
  return (
    <section aria-labelledby="screen-heading" className="app-section-gap">
      <h2 className="govuk-heading-m" id="screen-heading">
        Young people named in returns who are not on the list
      </h2>
      {!data && loading ? <Loading what="Loading the young people" /> : null}
      {!data && error ? <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} /> : null}
      {data ? (
        rows.length === 0 ? (
          <p className="govuk-body">Every young person named in a submitted return is on the MASE list or has been screened since. Nothing to follow up.</p>
        ) : (
          <div className="app-table-scroll app-scroll-contain" role="region" aria-labelledby="screen-caption" tabIndex={0}>
            <table className="govuk-table app-table--compact">
              <caption className="govuk-table__caption govuk-table__caption--s" id="screen-caption">
                {plural(rows.length, 'young person', 'young people')} to consider for a screening
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Reference
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Name and date of birth
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Named by
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Involvement
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Why
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {rows.map((y) => (
                  <tr key={`${y.agency.id}-${y.period}-${y.reference}`} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      {y.youngPersonId ? (
                        <Link className="govuk-link" to={`/list/${y.youngPersonId}`}>
                          {y.reference}
                        </Link>
                      ) : (
                        y.reference
                      )}
                    </td>
                    <td className="govuk-table__cell">
                      {[y.firstName, y.lastName].filter(Boolean).join(' ') || 'Name not given'}
                      {y.dateOfBirth ? `, born ${longDate(y.dateOfBirth)}` : ''}
                    </td>
                    <td className="govuk-table__cell">
                      {y.agency.name}, {periodLabel(y.period)}
                    </td>
                    <td className="govuk-table__cell">{INVOLVEMENT_LABELS[y.involvement]}</td>
                    <td className="govuk-table__cell">{REASONS[y.reason] ?? y.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
