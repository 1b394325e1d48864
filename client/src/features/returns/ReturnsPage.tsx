import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { AGENCY_KIND_LABELS, type AgencyKind } from '@mase/shared';
import { AccessDeniedPage } from '../../app/pages';
import { Select } from '../../components/fields';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Tag } from '../../components/Tag';
import { AgencyReturnsOfMonthDocument, ReturnPeriodsDocument, type ReturnPeriodsQuery, type SessionUserFragment } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { DeadlineSettingsSection } from './DeadlineSettings';
import { ComplianceSection, OverdueSection, ScreeningSection } from './Oversight';
import { addPeriods, currentPeriod, isInHand, longDate, longDateTime, periodLabel, RETURN_MONTHS, templateHref } from './format';
import { StatusTag } from './ReturnSummary';
import { TotalsSection } from './Totals';
import './returns.css';

/** /returns — what each role does with the monthly returns. */
export function ReturnsPage({ me }: { me: SessionUserFragment }) {
  usePageTitle('Agency returns');
  if (me.role === 'AGENCY_LEAD') {
    if (!me.agency) return <NoAgency />;
    return <AgencyLeadReturns agency={me.agency} />;
  }
  if (me.role === 'CO_CHAIR' || me.role === 'COORDINATOR') {
    return (
      <>
        <Flash />
        <h1 className="govuk-heading-l">Agency returns</h1>
        <p className="govuk-body">Every member agency sends a return each month. Check who has sent theirs, open a return to review it, and follow up the overdue ones.</p>
        <ComplianceSection />
        <OverdueSection />
        <ScreeningSection />
        <TotalsSection />
        <DeadlineSettingsSection canChange={me.role === 'CO_CHAIR'} />
      </>
    );
  }
  if (me.role === 'ANALYST') {
    return (
      <>
        <h1 className="govuk-heading-l">Agency returns</h1>
        <p className="govuk-body">What the member agencies returned, month by month. Young people named in returns appear by pseudonym.</p>
        <TotalsSection />
        <ReturnsOfMonth />
      </>
    );
  }
  return <AccessDeniedPage />;
}

function NoAgency() {
  return (
    <>
      <h1 className="govuk-heading-l">Agency returns</h1>
      <p className="govuk-body">Your account is not linked to an agency, so there is no return for you to fill in. Ask your MASE Hub administrator to link it to your agency.</p>
    </>
  );
}

type Period = ReturnPeriodsQuery['returnPeriods'][number];

function actionOf(p: Period): string {
  if (!p.status) return 'Start';
  if (p.status === 'DRAFT') return 'Continue';
  if (p.status === 'RETURNED') return 'Correct';
  return 'View';
}

/** The agency lead's months: where each return stands and what to do next. */
function AgencyLeadReturns({ agency }: { agency: { id: string; name: string; kind: AgencyKind } }) {
  const { data, loading, error, refetch } = useQuery(ReturnPeriodsDocument, { variables: { agencyId: agency.id, months: RETURN_MONTHS }, fetchPolicy: 'cache-and-network' });
  const periods = data?.returnPeriods ?? [];
  return (
    <>
      <Flash />
      <span className="govuk-caption-l">{agency.name}</span>
      <h1 className="govuk-heading-l">Your agency's returns</h1>
      <p className="govuk-body">
        Each month your agency returns its figures for prevention, disruption, prosecution and referrals, the localities and young people of concern, outcomes and any
        blockages. Start a month's return from the table; you can save a draft and come back to it before the deadline.
      </p>
      <p className="govuk-body">
        You can also fill in a CSV file and upload it:{' '}
        <a className="govuk-link" href={templateHref(agency.kind)} download>
          download the template for your agency ({AGENCY_KIND_LABELS[agency.kind]}, CSV)
        </a>
        .
      </p>
      {!data && loading ? <Loading what="Loading your returns" /> : null}
      {!data && error ? <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} /> : null}
      {data ? (
        periods.length === 0 ? (
          <p className="govuk-body">There are no months to return yet. Come back at the start of next month.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">The last {RETURN_MONTHS} months</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Month
                </th>
                <th scope="col" className="govuk-table__header">
                  Deadline
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {periods.map((p) => (
                <tr key={p.period} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    {periodLabel(p.period)}
                  </th>
                  <td className="govuk-table__cell">
                    {longDate(p.deadline)}
                    {p.overdue ? (
                      <>
                        {' '}
                        <Tag colour="red">Overdue</Tag>
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">
                    <StatusTag status={p.status} />
                    {p.late && isInHand(p.status) ? (
                      <>
                        {' '}
                        <Tag colour="yellow">Late</Tag>
                      </>
                    ) : null}
                    {p.status === 'RETURNED' && p.reviewComment ? (
                      <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0 app-pre-line">
                        <strong>What to correct:</strong> {p.reviewComment}
                      </p>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/returns/${p.period}`}>
                      {actionOf(p)}
                      <span className="govuk-visually-hidden"> the return for {periodLabel(p.period)}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </>
  );
}

/** The analyst opens any agency's return for a month, read-only. */
function ReturnsOfMonth() {
  const months = Array.from({ length: RETURN_MONTHS }, (_, i) => addPeriods(currentPeriod(), -i));
  const [month, setMonth] = useState(months[1]);
  const { data, loading, error, refetch } = useQuery(AgencyReturnsOfMonthDocument, { variables: { filter: { from: month, to: month } }, fetchPolicy: 'cache-and-network' });
  const rows = (data?.agencyReturns ?? []).filter((r) => r.status !== 'DRAFT');
  return (
    <section aria-labelledby="month-returns-heading" className="app-section-gap">
      <h2 className="govuk-heading-m" id="month-returns-heading">
        Returns for a month
      </h2>
      <Select id="returns-month" label="Month" value={month} options={months.map((m) => ({ value: m, label: periodLabel(m) }))} onChange={setMonth} />
      {!data && loading ? <Loading what="Loading the returns" /> : null}
      {!data && error ? <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} /> : null}
      {data ? (
        rows.length === 0 ? (
          <p className="govuk-body">No agency has submitted a return for {periodLabel(month)} yet. Choose an earlier month.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Returns for {periodLabel(month)}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Agency
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
                <th scope="col" className="govuk-table__header">
                  Last submitted
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((r) => (
                <tr key={r.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/returns/view/${r.id}`}>
                      {r.agency.name}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    <StatusTag status={r.status} />
                    {r.late ? (
                      <>
                        {' '}
                        <Tag colour="yellow">Late</Tag>
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">{longDateTime(r.lastSubmittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </section>
  );
}
