import type { ReactNode } from 'react';
import { Tag } from '../../components/Tag';
import type { AgencyReturnFieldsFragment, ReturnStatus } from '../../gql/graphql';
import { longDate, longDateTime, periodLabel, STATUS_COLOURS, STATUS_LABELS } from './format';

export function StatusTag({ status }: { status: ReturnStatus | null }) {
  if (!status) return <Tag colour="grey">Not started</Tag>;
  return <Tag colour={STATUS_COLOURS[status]}>{STATUS_LABELS[status]}</Tag>;
}

function Row({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{name}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** Where a return stands: agency, month, status, deadline and when it was sent. */
export function ReturnSummary({ r }: { r: AgencyReturnFieldsFragment }) {
  return (
    <dl className="govuk-summary-list">
      <Row name="Agency">{r.agency.name}</Row>
      <Row name="Month">{periodLabel(r.period)}</Row>
      <Row name="Status">
        <StatusTag status={r.status} />
      </Row>
      <Row name="Deadline">{longDate(r.deadline)}</Row>
      <Row name="First submitted">
        {r.firstSubmittedAt ? (
          <>
            {longDateTime(r.firstSubmittedAt)}{' '}
            {r.late ? <Tag colour="yellow">Late</Tag> : <Tag colour="green">On time</Tag>}
          </>
        ) : (
          'Not submitted yet'
        )}
      </Row>
      {r.lastSubmittedAt && r.lastSubmittedAt !== r.firstSubmittedAt ? <Row name="Last submitted">{longDateTime(r.lastSubmittedAt)}</Row> : null}
      <Row name="Versions submitted">{r.versionCount}</Row>
      {r.status === 'RETURNED' && r.reviewComment ? (
        <Row name="What to correct">
          <span className="app-pre-line">{r.reviewComment}</span>
        </Row>
      ) : null}
    </dl>
  );
}
