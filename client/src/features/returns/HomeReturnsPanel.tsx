import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Tag } from '../../components/Tag';
import { OverdueReturnsDocument, ReturnPeriodsDocument, type ReturnPeriodsQuery, type SessionUserFragment } from '../../gql/graphql';
import { isInHand, longDate, periodLabel, plural, RETURN_MONTHS } from './format';
import './returns.css';

type Period = ReturnPeriodsQuery['returnPeriods'][number];

/** The returns part of the home page: what the agency lead has to send, or how many returns are overdue. */
export function HomeReturnsPanel({ me }: { me: SessionUserFragment }) {
  if (me.role === 'AGENCY_LEAD' && me.agency) return <ReturnsDue agencyId={me.agency.id} />;
  if (me.role === 'CO_CHAIR' || me.role === 'COORDINATOR') return <OverdueSummary />;
  return null;
}

function linkText(p: Period): string {
  const month = periodLabel(p.period);
  if (p.status === 'DRAFT') return `Continue the return for ${month}`;
  if (p.status === 'RETURNED') return `Correct the return for ${month}`;
  return `Fill in the return for ${month}`;
}

function DueLine({ p }: { p: Period }) {
  const month = periodLabel(p.period);
  return (
    <li className="app-due">
      <p className="govuk-notification-banner__heading govuk-!-margin-bottom-1">
        {p.overdue ? (
          <>
            <Tag colour="red">Overdue</Tag> Your agency&rsquo;s return for {month} was due by {longDate(p.deadline)}
          </>
        ) : (
          <>
            Your agency&rsquo;s return for {month} is due by {longDate(p.deadline)}
          </>
        )}
      </p>
      {p.status === 'RETURNED' ? (
        <p className="govuk-body govuk-!-margin-bottom-1">
          It was returned for correction{p.reviewComment ? `: ${p.reviewComment}` : '.'}
        </p>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-notification-banner__link" to={`/returns/${p.period}`}>
          {linkText(p)}
        </Link>
      </p>
    </li>
  );
}

function ReturnsDue({ agencyId }: { agencyId: string }) {
  const { data, error } = useQuery(ReturnPeriodsDocument, { variables: { agencyId, months: RETURN_MONTHS }, fetchPolicy: 'cache-and-network' });
  if (!data) {
    if (!error) return null;
    return (
      <p className="govuk-body">
        Your agency&rsquo;s returns could not be loaded just now.{' '}
        <Link className="govuk-link" to="/returns">
          Go to your agency&rsquo;s returns
        </Link>
      </p>
    );
  }
  const open = data.returnPeriods.filter((p) => !isInHand(p.status)).sort((a, b) => a.deadline.localeCompare(b.deadline));
  if (open.length === 0) {
    return (
      <div className="govuk-inset-text">
        Your agency&rsquo;s returns are up to date.{' '}
        <Link className="govuk-link" to="/returns">
          See your agency&rsquo;s returns
        </Link>
      </div>
    );
  }
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="returns-due-title" data-testid="returns-due">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="returns-due-title">
          Monthly returns
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <ul className="govuk-list app-due-list">
          {open.map((p) => (
            <DueLine key={p.period} p={p} />
          ))}
        </ul>
      </div>
    </div>
  );
}

function OverdueSummary() {
  const { data } = useQuery(OverdueReturnsDocument, { fetchPolicy: 'cache-and-network' });
  if (!data) return null;
  const n = data.overdueReturns.length;
  return (
    <div className="govuk-inset-text" data-testid="returns-overdue">
      {n === 0 ? 'No agency returns are overdue.' : <>{plural(n, 'agency return is', 'agency returns are')} overdue.</>}{' '}
      <Link className="govuk-link" to="/returns">
        See the agency returns
      </Link>
    </div>
  );
}
