import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useParams } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { Flash } from '../../../components/Flash';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { Tag } from '../../../components/Tag';
import { IntelPlaceDocument, type SessionUserFragment } from '../../../gql/graphql';
import { hasErrorCode } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';
import { BackLink } from '../../admin/BackLink';
import { canIdentify } from '../../list/common';
import { ButtonLink, canRecordIntelligence, WarningText } from '../forms/common';
import { recordLinkPath } from '../forms/linkDraft';
import { formatMonth, lastTwelveMonths, thisMonth } from '../months';
import { formatPoint, labelOf, LOCATION_TYPE_LABELS, RISK_LEVEL_LABELS } from '../people/labels';
import { IntelChronology } from '../people/IntelChronology';
import { LinksTable } from '../people/LinksTable';
import { Row } from '../people/Row';

/** Warnings from the save that led here (e.g. a point outside every ward), passed in navigation state. */
function warningsOf(state: unknown): string[] {
  const warnings = (state as { warnings?: unknown } | null)?.warnings;
  return Array.isArray(warnings) ? warnings.filter((w): w is string => typeof w === 'string') : [];
}

function RiskTag({ risk }: { risk: string }) {
  return <Tag colour={risk === 'HIGH' ? 'red' : risk === 'MEDIUM' ? 'orange' : 'green'}>{labelOf(RISK_LEVEL_LABELS, risk)}</Tag>;
}

/** One location of concern: where it is, its hot-spot reports over the last 12 months, and its links. */
export function PlacePage({ me }: { me: SessionUserFragment }) {
  const { id = '' } = useParams();
  const location = useLocation();
  // Read once: the flash clears the navigation state straight away.
  const [warnings] = useState(() => warningsOf(location.state));
  const range = useMemo(() => lastTwelveMonths(), []);
  const { data, error, refetch } = useQuery(IntelPlaceDocument, { variables: { id, range }, fetchPolicy: 'cache-and-network' });
  const place = data?.location;
  usePageTitle(place ? place.name : 'Place');
  const retry = () => void refetch().catch(() => undefined);

  if (!place || !data) {
    return (
      <>
        <BackLink to="/intelligence/places">Back to places</BackLink>
        {error ? (
          hasErrorCode(error, 'NOT_FOUND') || hasErrorCode(error, 'BAD_USER_INPUT') ? (
            <>
              <h1 className="govuk-heading-l">Place not found</h1>
              <p className="govuk-body">
                Check the link, or{' '}
                <Link to="/intelligence/places" className="govuk-link">
                  go back to places
                </Link>
                .
              </p>
            </>
          ) : (
            <QueryError error={error} onRetry={retry} />
          )
        ) : (
          <Loading what="Loading the place" />
        )}
      </>
    );
  }

  const reports = [...data.hotSpotReports].sort((a, b) => b.month.localeCompare(a.month));
  const police = canRecordIntelligence(me.role);
  const reportPath = (month: string) => `/intelligence/places/${place.id}/hot-spot-report?month=${month.slice(0, 7)}`;
  return (
    <>
      <BackLink to="/intelligence/places">Back to places</BackLink>
      <Flash />
      {warnings.map((w) => (
        <WarningText key={w}>{w}</WarningText>
      ))}
      <span className="govuk-caption-l">{labelOf(LOCATION_TYPE_LABELS, place.type)}</span>
      <h1 className="govuk-heading-l">{place.name}</h1>
      {police ? (
        <div className="govuk-button-group">
          <ButtonLink to={`/intelligence/places/${place.id}/edit`}>Change details</ButtonLink>
          <ButtonLink to={recordLinkPath('LOCATION', place.id)}>Record a link</ButtonLink>
          <ButtonLink to={reportPath(thisMonth())}>Record a hot-spot report</ButtonLink>
        </div>
      ) : null}

      <h2 className="govuk-heading-m">Details</h2>
      <dl className="govuk-summary-list">
        <Row label="Name">{place.name}</Row>
        <Row label="Type">{labelOf(LOCATION_TYPE_LABELS, place.type)}</Row>
        <Row label="Ward">{place.ward ? `${place.ward.name} (${place.ward.code})` : 'Not in an imported ward'}</Row>
        <Row label="Point">{formatPoint(place.lat, place.lng) ?? 'No point (for example, an online platform)'}</Row>
      </dl>

      <h2 className="govuk-heading-m">Hot-spot reports</h2>
      <p className="govuk-body">
        {formatMonth(range.from)} to {formatMonth(range.to)}, newest first.
      </p>
      {reports.length === 0 ? (
        <p className="govuk-body">No hot-spot reports in the last 12 months.</p>
      ) : (
        <DataTable
          caption="Hot-spot reports in the last 12 months"
          captionClass="govuk-visually-hidden"
          className="app-table--compact"
          rows={reports}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Month', cell: (r) => <span className="app-nowrap">{formatMonth(r.month)}</span> },
            { header: 'Sightings', numeric: true, cell: (r) => String(r.sightings) },
            { header: 'Incidents', numeric: true, cell: (r) => String(r.incidents) },
            { header: 'Risk', cell: (r) => <RiskTag risk={r.riskLevel} /> },
            { header: 'Notes', cell: (r) => r.notes ?? '' },
            ...(police
              ? [
                  {
                    header: <span className="govuk-visually-hidden">Action</span>,
                    cell: (r: (typeof reports)[number]) => (
                      <Link className="govuk-link" to={reportPath(r.month)}>
                        Correct<span className="govuk-visually-hidden"> the report for {formatMonth(r.month)}</span>
                      </Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}

      <LinksTable kind="LOCATION" id={place.id} identify={canIdentify(me.role)} />
      <IntelChronology entries={place.chronology} />
    </>
  );
}
