import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Textarea } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { AgencyReturnDocument, ReviewReturnDocument, type AgencyReturnWithVersionsFragment, type SessionUserFragment } from '../../gql/graphql';
import { errorMessage, fieldProblems, formErrors, hasErrorCode, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { BackLink } from '../admin/BackLink';
import { Radios } from '../list/common';
import { forgetReturnSummaries, periodLabel } from './format';
import { ReturnContent } from './ReturnContent';
import { ReturnHistory } from './ReturnHistory';
import { ReturnSummary } from './ReturnSummary';
import './returns.css';

const DECISION_ID = 'decision';
const COMMENT_ID = 'review-comment';

function isReviewer(role: string): boolean {
  return role === 'CO_CHAIR' || role === 'COORDINATOR';
}

/** /returns/view/:id — one return, read-only, with its versions; a submitted one can be accepted or returned for correction. */
export function ReturnViewPage({ me }: { me: SessionUserFragment }) {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AgencyReturnDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [reviewed, setReviewed] = useState<string | null>(null);
  const r = data?.agencyReturn;
  usePageTitle(r ? `${r.agency.name}: return for ${periodLabel(r.period)}` : 'Agency return');

  if (!r && loading) return <Loading what="Loading the return" />;
  if (!r) return <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />;

  return (
    <>
      <BackLink to="/returns">Back to agency returns</BackLink>
      {reviewed ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="reviewed-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="reviewed-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{reviewed}</p>
          </div>
        </div>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{r.agency.name}</span>
          <h1 className="govuk-heading-l">Return for {periodLabel(r.period)}</h1>
          <ReturnSummary r={r} />
          {me.role === 'AGENCY_LEAD' ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={`/returns/${r.period}`}>
                {r.status === 'SUBMITTED' || r.status === 'ACCEPTED' ? 'Amend' : 'Continue'} the return for {periodLabel(r.period)}
              </Link>
            </p>
          ) : null}
          {r.status === 'SUBMITTED' && isReviewer(me.role) ? <ReviewForm r={r} onReviewed={setReviewed} /> : null}
          <ReturnContent content={r.content} />
          <ReturnHistory versions={r.versions} />
        </div>
      </div>
    </>
  );
}

function ReviewForm({ r, onReviewed }: { r: AgencyReturnWithVersionsFragment; onReviewed: (message: string) => void }) {
  const [decision, setDecision] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [review, { loading }] = useMutation(ReviewReturnDocument, { update: forgetReturnSummaries });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const found = formErrors([
      { id: DECISION_ID, message: decision ? null : 'Choose whether to accept the return or return it for correction' },
      { id: COMMENT_ID, message: decision === 'RETURN' && !comment.trim() ? 'Say what the agency needs to correct' : null },
    ]);
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      await review({ variables: { input: { id: r.id, version: r.version, decision: decision as 'ACCEPT' | 'RETURN', comment: decision === 'RETURN' ? comment.trim() : null } } });
      onReviewed(decision === 'ACCEPT' ? `The return for ${periodLabel(r.period)} is accepted` : `The return for ${periodLabel(r.period)} has gone back to ${r.agency.name} for correction`);
    } catch (error) {
      const problems = fieldProblems(error);
      if (problems.length > 0) {
        setErrors(formErrors(problems.map((p) => ({ id: p.field === 'comment' ? COMMENT_ID : DECISION_ID, message: p.message }))));
      } else {
        const extra = hasErrorCode(error, 'CONFLICT') ? ' Reload the page to see the return as it is now.' : '';
        setErrors({ summary: [{ text: `${errorMessage(error)}${extra}` }], fields: {} });
      }
    }
  }

  const commentField = (
    <Textarea id={COMMENT_ID} label="What the agency needs to correct" hint="The agency lead sees this with the returned return" rows={3} value={comment} error={errors.fields[COMMENT_ID]} onChange={setComment} />
  );

  return (
    <section aria-labelledby="review-heading" className="app-review">
      <h2 className="govuk-heading-m" id="review-heading">
        Review the return
      </h2>
      <ErrorSummary items={errors.summary} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Radios
          id={DECISION_ID}
          legend="Your decision"
          choices={[
            { value: 'ACCEPT', label: 'Accept', hint: 'The figures are complete and plausible' },
            { value: 'RETURN', label: 'Return for correction', hint: 'Send it back to the agency with a comment' },
          ]}
          value={decision}
          error={errors.fields[DECISION_ID]}
          onChange={setDecision}
          conditional={{ RETURN: commentField }}
        />
        <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
          Save the review
        </button>
      </form>
    </section>
  );
}
