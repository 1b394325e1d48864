import { useEffect, useRef, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { type AgencyKind } from '@mase/shared';
import { AccessDeniedPage } from '../../app/pages';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Tag } from '../../components/Tag';
import { AgencyReturnForDocument, ReturnPeriodsDocument, type AgencyReturnWithVersionsFragment, type SessionUserFragment } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { BackLink } from '../admin/BackLink';
import { today } from '../list/common';
import { currentPeriod, isInHand, isPeriod, longDate, periodLabel, RETURN_MONTHS } from './format';
import { ReturnForm } from './ReturnForm';
import { ReturnSummary } from './ReturnSummary';
import { ReturnContent } from './ReturnContent';
import { ReturnHistory } from './ReturnHistory';
import './returns.css';

/** /returns/:period — the agency lead's return for a month: the form while it is with the agency, then the return as sent. */
export function ReturnPeriodPage({ me }: { me: SessionUserFragment }) {
  const { period = '' } = useParams();
  if (me.role !== 'AGENCY_LEAD' || !me.agency) return <AccessDeniedPage />;
  if (!isPeriod(period) || period > currentPeriod()) return <NoSuchMonth period={period} />;
  return <AgencyReturn key={period} agency={me.agency} period={period} />;
}

function NoSuchMonth({ period }: { period: string }) {
  usePageTitle('No return for this month');
  return (
    <>
      <BackLink to="/returns">Back to your returns</BackLink>
      <h1 className="govuk-heading-l">No return for this month</h1>
      <p className="govuk-body">
        {isPeriod(period) ? `Returns for ${periodLabel(period)} cannot be started yet: a return is for the current month or an earlier one.` : `"${period}" is not a month.`}
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/returns">
          Choose a month from your agency's returns
        </Link>
      </p>
    </>
  );
}

type Done = 'SUBMITTED' | 'AMENDED' | null;

function PageTitle({ title }: { title: string }) {
  usePageTitle(title);
  return null;
}

function Confirmation({ done, period }: { done: Exclude<Done, null>; period: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title" ref={ref} tabIndex={-1}>
        {done === 'SUBMITTED' ? 'Return submitted' : 'Amendment submitted'}
      </h1>
      <div className="govuk-panel__body">
        Your agency's return for {periodLabel(period)} {done === 'SUBMITTED' ? 'has been sent to the MASE panel' : 'has been sent again with your changes'}
      </div>
    </div>
  );
}

function AgencyReturn({ agency, period }: { agency: { id: string; name: string; kind: AgencyKind }; period: string }) {
  const client = useApolloClient();
  const variables = { agencyId: agency.id, period };
  const { data, loading, error, refetch } = useQuery(AgencyReturnForDocument, { variables, fetchPolicy: 'network-only' });
  // The deadline of a month not started yet (the same query as the list of months, so usually cached).
  const periods = useQuery(ReturnPeriodsDocument, { variables: { agencyId: agency.id, months: RETURN_MONTHS } });
  const [formKey, setFormKey] = useState(0);
  const [done, setDone] = useState<Done>(null);
  const [amending, setAmending] = useState(false);
  const [reloading, setReloading] = useState(false);
  const saved = data?.agencyReturnFor ?? null;
  const label = periodLabel(period);
  const deadline = saved?.deadline ?? periods.data?.returnPeriods.find((p) => p.period === period)?.deadline ?? null;
  const withAgency = !saved || !isInHand(saved.status) || amending;

  async function reload() {
    setReloading(true);
    try {
      await refetch();
      setFormKey((k) => k + 1);
    } finally {
      setReloading(false);
    }
  }

  function finished(r: AgencyReturnWithVersionsFragment, how: Exclude<Done, null>) {
    client.cache.writeQuery({ query: AgencyReturnForDocument, variables, data: { agencyReturnFor: r } });
    setAmending(false);
    setDone(how);
  }

  if (!data && loading) {
    return (
      <>
        <PageTitle title={`Return for ${label}`} />
        <Loading what="Loading the return" />
      </>
    );
  }
  if (!data && error) return <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (reloading) return <Loading what="Reloading the saved return" />;

  return (
    <>
      <BackLink to="/returns">Back to your returns</BackLink>
      {done ? <Confirmation done={done} period={period} /> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{agency.name}</span>
          {done ? (
            <h2 className="govuk-heading-l">Return for {label}</h2>
          ) : (
            <h1 className="govuk-heading-l">
              {amending ? 'Amend the return' : 'Return'} for {label}
            </h1>
          )}
          {saved?.status === 'RETURNED' && !amending ? (
            <div className="govuk-inset-text app-returned">
              <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Returned for correction</h2>
              <p className="govuk-body app-pre-line govuk-!-margin-bottom-0">{saved.reviewComment ?? 'The panel asked for a correction.'}</p>
            </div>
          ) : null}
          {withAgency ? (
            <>
              <p className="govuk-body">
                {deadline ? (
                  <>
                    Due by <strong>{longDate(deadline)}</strong>
                  </>
                ) : (
                  'Due by the deadline for the month'
                )}
                {saved ? null : <>. Not started yet.</>}
                {deadline && deadline < today() && !isInHand(saved?.status) ? (
                  <>
                    {' '}
                    <Tag colour="red">Overdue</Tag>
                  </>
                ) : null}
              </p>
              <ReturnForm
                key={formKey}
                agencyId={agency.id}
                kind={agency.kind}
                period={period}
                saved={saved}
                mode={amending ? 'amend' : 'edit'}
                title={`${amending ? 'Amend the return' : 'Return'} for ${label}`}
                onDone={(r) => finished(r, amending ? 'AMENDED' : 'SUBMITTED')}
                onReload={() => void reload()}
                onCancel={() => setAmending(false)}
              />
            </>
          ) : saved ? (
            <>
              <PageTitle title={done ? (done === 'SUBMITTED' ? 'Return submitted' : 'Amendment submitted') : `Return for ${label}`} />
              {done ? (
                <>
                  <h2 className="govuk-heading-m">What happens next</h2>
                  <p className="govuk-body">A co-chair or the co-ordinator reviews it. If something needs correcting, it comes back to you with a comment.</p>
                </>
              ) : null}
              <ReturnSummary r={saved} />
              <div className="govuk-button-group">
                <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setAmending(true)}>
                  Amend this return
                </button>
                <Link className="govuk-link" to="/returns">
                  Back to your returns
                </Link>
              </div>
              <ReturnContent content={saved.content} />
              <ReturnHistory versions={saved.versions} />
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
