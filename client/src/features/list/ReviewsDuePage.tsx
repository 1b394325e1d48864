import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Tag } from '../../components/Tag';
import { ReviewsDueDocument, type ReviewsDueQuery, type SessionUserFragment } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { BackLink } from '../admin/BackLink';
import { canIdentify, displayName, formatDay } from './common';

type Review = ReviewsDueQuery['reviewsDue'][number];

export function ReviewsDuePage({ me }: { me: SessionUserFragment }) {
  usePageTitle('Reviews due');
  const identify = canIdentify(me.role);
  const { data, error, refetch } = useQuery(ReviewsDueDocument, { variables: { canIdentify: identify }, fetchPolicy: 'cache-and-network' });
  const people = new Map([...(data?.due.nodes ?? []), ...(data?.overdue.nodes ?? [])].map((p) => [p.id, p]));
  const reviews = [...(data?.reviewsDue ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.nextReviewOn.localeCompare(b.nextReviewOn));

  return (
    <>
      <BackLink to="/list">Back to the list</BackLink>
      <h1 className="govuk-heading-l">Reviews due</h1>
      <p className="govuk-body">Screenings are reviewed three months after they were done. This shows reviews overdue and due in the next 14 days.</p>
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !data ? (
        <Loading what="Loading reviews due" />
      ) : reviews.length === 0 ? (
        <p className="govuk-body">No reviews are due in the next 14 days.</p>
      ) : (
        <DataTable<Review>
          caption="Reviews overdue and due soon"
          scrollLabel="Reviews due table"
          className="app-table--compact"
          rows={reviews}
          rowKey={(r) => r.assessmentId}
          columns={[
            {
              header: 'Young person',
              cell: (r) => {
                const p = people.get(r.youngPersonId);
                return (
                  <Link className="govuk-link" to={`/list/${r.youngPersonId}`}>
                    {p ? displayName(p) : 'View young person'}
                  </Link>
                );
              },
            },
            {
              header: 'Review due',
              cell: (r) => (
                <>
                  <span className="app-nowrap">{formatDay(r.nextReviewOn)}</span> {r.overdue ? <Tag colour="red">Overdue</Tag> : <Tag colour="yellow">Due soon</Tag>}
                </>
              ),
            },
            { header: 'Score', numeric: true, cell: (r) => String(r.finalScore) },
            {
              header: 'Prompt',
              cell: (r) => (r.strategyMeetingPrompt ? <strong>Score {r.finalScore}: consider a further strategy meeting</strong> : ''),
            },
          ]}
        />
      )}
    </>
  );
}
