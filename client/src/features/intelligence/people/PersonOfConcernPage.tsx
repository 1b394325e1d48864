import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { GENDER_LABELS } from '@mase/shared';
import { DataTable } from '../../../components/DataTable';
import { Flash } from '../../../components/Flash';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { IntelPersonOfConcernDocument, type SessionUserFragment } from '../../../gql/graphql';
import { hasErrorCode } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';
import { BackLink } from '../../admin/BackLink';
import { canIdentify, formatDay, today } from '../../list/common';
import { ageOn, DISRUPTION_TYPE_LABELS, labelOf, POC_CATEGORY_LABELS, POC_STATUS_LABELS, personName } from './labels';
import { ButtonLink, canRecordIntelligence } from '../forms/common';
import { DisruptionForm } from '../forms/DisruptionForm';
import { recordLinkPath } from '../forms/linkDraft';
import { IntelChronology } from './IntelChronology';
import { LinksTable } from './LinksTable';
import { Row } from './Row';

/** Several values one per line; one value as text; none as null (so the row reads "Not recorded"). */
function list(items: readonly string[]) {
  if (items.length === 0) return null;
  if (items.length === 1) return items[0];
  return (
    <ul className="govuk-list">
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  );
}

/** One person of concern: their details, disruptions and links. */
export function PersonOfConcernPage({ me }: { me: SessionUserFragment }) {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(IntelPersonOfConcernDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const person = data?.personOfConcern;
  usePageTitle(person ? personName(person) : 'Person of concern');
  const retry = () => void refetch().catch(() => undefined);

  if (!person) {
    return (
      <>
        <BackLink to="/intelligence/people">Back to people of concern</BackLink>
        {error ? (
          hasErrorCode(error, 'NOT_FOUND') || hasErrorCode(error, 'BAD_USER_INPUT') ? (
            <>
              <h1 className="govuk-heading-l">Person of concern not found</h1>
              <p className="govuk-body">
                Check the link, or{' '}
                <Link to="/intelligence/people" className="govuk-link">
                  go back to people of concern
                </Link>
                .
              </p>
            </>
          ) : (
            <QueryError error={error} onRetry={retry} />
          )
        ) : (
          <Loading what="Loading the person of concern" />
        )}
      </>
    );
  }

  const age = person.dateOfBirth ? ageOn(person.dateOfBirth, today()) : null;
  const police = canRecordIntelligence(me.role);
  return (
    <>
      <BackLink to="/intelligence/people">Back to people of concern</BackLink>
      <Flash />
      <span className="govuk-caption-l">{POC_CATEGORY_LABELS[person.category]}</span>
      <h1 className="govuk-heading-l">{personName(person)}</h1>
      {police ? (
        <div className="govuk-button-group">
          <ButtonLink to={`/intelligence/people/${person.id}/edit`}>Change details</ButtonLink>
          <ButtonLink to={recordLinkPath('PERSON_OF_CONCERN', person.id)}>Record a link</ButtonLink>
        </div>
      ) : null}

      <h2 className="govuk-heading-m">Details</h2>
      <dl className="govuk-summary-list">
        <Row label="Name">{[person.firstName, person.lastName].filter(Boolean).join(' ')}</Row>
        <Row label="Also known as">{list(person.aliases)}</Row>
        <Row label="Police reference">{person.policeReference}</Row>
        {person.dateOfBirth ? (
          <Row label="Date of birth">
            {formatDay(person.dateOfBirth)}
            {age != null ? ` (age ${age})` : ''}
          </Row>
        ) : (
          <Row label="Age">{person.approximateAge != null ? `About ${person.approximateAge}` : null}</Row>
        )}
        <Row label="Gender">{GENDER_LABELS[person.gender]}</Row>
        <Row label="Description">{person.description ? <span style={{ whiteSpace: 'pre-wrap' }}>{person.description}</span> : null}</Row>
        <Row label="Vehicles">{list(person.vehicles.map((v) => [v.registration, [v.colour, v.make].filter(Boolean).join(' ')].filter(Boolean).join(', ')))}</Row>
        <Row label="Phone numbers">{list(person.phoneNumbers)}</Row>
        <Row label="Addresses">{list(person.addresses)}</Row>
        <Row label="Category">{POC_CATEGORY_LABELS[person.category]}</Row>
        <Row label="Status">{POC_STATUS_LABELS[person.status]}</Row>
      </dl>

      <h2 className="govuk-heading-m">Disruptions</h2>
      {person.disruptions.length === 0 ? (
        <p className="govuk-body">No disruptions recorded.</p>
      ) : (
        <DataTable
          caption="Disruptions, newest first"
          captionClass="govuk-visually-hidden"
          className="app-table--compact"
          rows={person.disruptions}
          rowKey={(d) => d.id}
          columns={[
            { header: 'Date', cell: (d) => <span className="app-nowrap">{formatDay(d.date)}</span> },
            { header: 'Type', cell: (d) => labelOf(DISRUPTION_TYPE_LABELS, d.type) },
            { header: 'Notes', cell: (d) => d.notes ?? '' },
          ]}
        />
      )}
      {police ? <DisruptionForm personOfConcernId={person.id} /> : null}

      <LinksTable kind="PERSON_OF_CONCERN" id={person.id} identify={canIdentify(me.role)} />
      <IntelChronology entries={person.chronology} />
    </>
  );
}
