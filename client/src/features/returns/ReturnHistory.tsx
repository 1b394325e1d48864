import { Tag } from '../../components/Tag';
import type { AgencyReturnWithVersionsFragment } from '../../gql/graphql';
import { longDateTime, VERSION_KIND_LABELS } from './format';
import { ReturnContent } from './ReturnContent';

type Version = AgencyReturnWithVersionsFragment['versions'][number];

function Outcome({ v }: { v: Version }) {
  if (v.outcome === 'ACCEPTED') {
    return (
      <p className="govuk-body">
        <Tag colour="green">Accepted</Tag> by {v.reviewedByName ?? 'a reviewer'} on {longDateTime(v.reviewedAt)}
      </p>
    );
  }
  if (v.outcome === 'RETURNED') {
    return (
      <>
        <p className="govuk-body">
          <Tag colour="orange">Returned for correction</Tag> by {v.reviewedByName ?? 'a reviewer'} on {longDateTime(v.reviewedAt)}
        </p>
        {v.reviewComment ? <div className="govuk-inset-text app-pre-line">{v.reviewComment}</div> : null}
      </>
    );
  }
  return <p className="govuk-body">Not reviewed yet.</p>;
}

/** Every submitted version of a return, newest first, each with what it held. */
export function ReturnHistory({ versions }: { versions: AgencyReturnWithVersionsFragment['versions'] }) {
  return (
    <section aria-labelledby="history-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="history-heading">
        History
      </h2>
      {versions.length === 0 ? (
        <p className="govuk-body">Nothing has been submitted yet: the return is still a draft.</p>
      ) : (
        <ol className="app-versions" reversed>
          {versions.map((v) => (
            <li key={v.number} className="app-version">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
                Version {v.number}: {VERSION_KIND_LABELS[v.kind] ?? v.kind}
              </h3>
              <p className="govuk-body govuk-!-margin-bottom-2">
                Submitted on {longDateTime(v.submittedAt)}
                {v.submittedByName ? ` by ${v.submittedByName}` : ''}
                {v.late ? (
                  <>
                    {' '}
                    <Tag colour="yellow">Late</Tag>
                  </>
                ) : null}
              </p>
              {v.reason ? (
                <p className="govuk-body govuk-!-margin-bottom-2">
                  <strong>Reason for the amendment:</strong> {v.reason}
                </p>
              ) : null}
              <Outcome v={v} />
              <details className="govuk-details">
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">What version {v.number} held</span>
                </summary>
                <div className="govuk-details__text">
                  <ReturnContent content={v.content} level="h4" idPrefix={`version-${v.number}`} />
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
