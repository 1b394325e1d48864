import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Tag } from '../../components/Tag';
import { SignOffAssessmentDocument, SignOffQueueDocument, type SessionUserFragment, type SignOffQueueQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { AccessDeniedPage } from '../../app/pages';
import { BackLink } from '../admin/BackLink';
import { canIdentify, displayName, forgetList, formatDay, isKeeper, RagTag } from './common';

type Item = SignOffQueueQuery['signOffQueue'][number];

export function SignOffQueuePage({ me }: { me: SessionUserFragment }) {
  if (!isKeeper(me.role)) return <AccessDeniedPage />;
  return <SignOffQueue me={me} />;
}

function SignOffQueue({ me }: { me: SessionUserFragment }) {
  usePageTitle('Sign-off queue');
  const identify = canIdentify(me.role);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { data, error, refetch } = useQuery(SignOffQueueDocument, { variables: { canIdentify: identify }, fetchPolicy: 'cache-and-network' });
  const [signOff, { loading }] = useMutation(SignOffAssessmentDocument);

  async function sign(item: Item, as: 'LINE_MANAGER' | 'COORDINATOR') {
    if (loading) return;
    setProblem(null);
    setDone(null);
    try {
      await signOff({
        variables: { input: { assessmentId: item.id, as, version: item.version } },
        // The queue itself is refetched below; everything else that shows the assessment is fetched afresh.
        update: (cache) => forgetList(cache, item.youngPersonId, ['youngPeople', 'reviewsDue']),
      });
      await refetch().catch(() => undefined);
      setDone(`Signed off ${displayName(item.youngPerson)}'s screening as ${as === 'LINE_MANAGER' ? 'line manager' : 'co-ordinator'}.`);
    } catch (e) {
      setProblem(errorMessage(e));
      await refetch().catch(() => undefined);
    }
  }

  const items = data?.signOffQueue ?? [];
  return (
    <>
      <BackLink to="/list">Back to the list</BackLink>
      <ErrorSummary items={problem ? [{ text: problem }] : []} />
      {done ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{done}</p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">Sign-off queue</h1>
      <p className="govuk-body">
        Each screening needs two sign-offs, a line manager&apos;s and a co-ordinator&apos;s, by people other than the one who completed it. Oldest first.
      </p>
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !data ? (
        <Loading what="Loading the sign-off queue" />
      ) : items.length === 0 ? (
        <p className="govuk-body">Nothing is waiting for sign-off.</p>
      ) : (
        <DataTable<Item>
          caption="Screenings awaiting sign-off"
          scrollLabel="Sign-off queue table"
          className="app-table--compact"
          rows={items}
          rowKey={(i) => i.id}
          columns={[
            {
              header: 'Young person',
              cell: (i) => (
                <>
                  <Link className="govuk-link" to={`/list/${i.youngPersonId}`}>
                    {displayName(i.youngPerson)}
                  </Link>
                  {i.youngPerson.identity ? <div className="govuk-hint govuk-!-margin-bottom-0">{i.youngPerson.identity.reference}</div> : null}
                </>
              ),
            },
            { header: 'Assessed on', cell: (i) => <span className="app-nowrap">{formatDay(i.assessedOn)}</span> },
            { header: 'Score', numeric: true, cell: (i) => String(i.finalScore) },
            { header: 'RAG', cell: (i) => <RagTag rag={i.rag} /> },
            {
              header: 'Signed off',
              cell: (i) => (
                <>
                  <div>Line manager: {i.lineManagerSigned ? <Tag colour="green">Signed</Tag> : <Tag colour="grey">Not yet</Tag>}</div>
                  <div>Co-ordinator: {i.coordinatorSigned ? <Tag colour="green">Signed</Tag> : <Tag colour="grey">Not yet</Tag>}</div>
                </>
              ),
            },
            {
              header: 'Action',
              cell: (i) =>
                i.assessedByMe ? (
                  <span className="govuk-hint">You completed it, so someone else must sign it off</span>
                ) : (
                  <div className="govuk-button-group govuk-!-margin-bottom-0">
                    {!i.lineManagerSigned ? (
                      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" disabled={loading} onClick={() => void sign(i, 'LINE_MANAGER')}>
                        Sign off as line manager
                      </button>
                    ) : null}
                    {me.role === 'COORDINATOR' && !i.coordinatorSigned ? (
                      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" disabled={loading} onClick={() => void sign(i, 'COORDINATOR')}>
                        Sign off as co-ordinator
                      </button>
                    ) : null}
                  </div>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
