import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { AssessTargetDocument, CreateAssessmentDocument, type CreateAssessmentInput, type SessionUserFragment } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { AccessDeniedPage } from '../../app/pages';
import { BackLink } from '../admin/BackLink';
import { AssessmentForm } from './AssessmentForm';
import { displayName, forgetList, isKeeper } from './common';

export function AssessPage({ me }: { me: SessionUserFragment }) {
  if (!isKeeper(me.role)) return <AccessDeniedPage />;
  return <Assess />;
}

function Assess() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data, error, refetch } = useQuery(AssessTargetDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [create, { loading }] = useMutation(CreateAssessmentDocument, { update: (cache) => forgetList(cache, id) });
  const person = data?.youngPerson;
  usePageTitle('Complete a screening');

  async function submit(input: CreateAssessmentInput) {
    await create({ variables: { input } });
    void navigate(`/list/${id}`, { state: { flash: 'Screening recorded: it needs two sign-offs' } });
  }

  return (
    <>
      <BackLink to={`/list/${id}`}>Back to the young person</BackLink>
      {!person ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
        ) : (
          <Loading what="Loading the young person" />
        )
      ) : (
        <>
          <span className="govuk-caption-l">{displayName(person)}</span>
          <h1 className="govuk-heading-l">Complete a screening</h1>
          <p className="govuk-body">
            Answer every indicator. Mark it present only with evidence; if you do not know, say so: the score is only as good as the information gathered.
          </p>
          <AssessmentForm youngPersonId={person.id} dateOfBirth={person.identity.dateOfBirth} busy={loading} onSubmit={submit} />
        </>
      )}
    </>
  );
}
