import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { Tag } from '../../../components/Tag';
import { IntelLocationDetailDocument, type IntelHotSpotMapQuery, type IntelLocationDetailQuery } from '../../../gql/graphql';
import { formatMonth, type MonthRange } from '../months';
import { labelOf, LINK_TYPE_LABELS, LOCATION_TYPE_LABELS } from '../people/labels';
import { linkedTo, type Linked } from './linked';
import { Markers, plural, RiskTag } from './parts';

type LocationTotal = IntelHotSpotMapQuery['hotSpotMap']['locations'][number];
type Report = IntelLocationDetailQuery['hotSpotReports'][number];

/** Links read for the panel; the place page pages through the rest. */
const LINKS_SHOWN = 100;

function LinkedList({ title, entries, href, empty }: { title: string; entries: Linked[]; href: (e: Linked) => string | null; empty: string }) {
  return (
    <>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
        {title} ({entries.length})
      </h3>
      {entries.length === 0 ? (
        <p className="govuk-body-s">{empty}</p>
      ) : (
        <ul className="govuk-list app-explore-panel__list">
          {entries.map((e) => {
            const to = href(e);
            return (
              <li key={`${e.end.kind}:${e.end.id}`}>
                {to ? (
                  <Link className="govuk-link" to={to}>
                    {e.end.label}
                  </Link>
                ) : (
                  <span className="govuk-!-font-weight-bold">{e.end.label}</span>
                )}
                <span className="govuk-body-s app-explore-panel__meta">{e.types.map((t) => labelOf(LINK_TYPE_LABELS, t)).join(', ')}</span>
                {e.condition ? (
                  <span className="app-explore-panel__meta">
                    <Tag colour="pink">Handling C</Tag> <span className="govuk-body-s">{e.condition}</span>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

interface Props {
  locationId: string;
  /** The place's hot-spot totals in the range; undefined when nothing was reported there. */
  total: LocationTotal | undefined;
  range: MonthRange;
  /** The signed-in role may open young people's records (otherwise they are shown by pseudonym only). */
  identify: boolean;
  onSelectWard: (wardId: string) => void;
  onClose: () => void;
}

/** A selected place: its incidents in the range, the people linked to it and its monthly reports. */
export function PlacePanel({ locationId, total, range, identify, onSelectWard, onClose }: Props) {
  const { data, error, refetch } = useQuery(IntelLocationDetailDocument, {
    variables: { id: locationId, range, links: { first: LINKS_SHOWN } },
    fetchPolicy: 'cache-and-network',
  });
  const place = data?.location.id === locationId ? data.location : undefined;
  const linked = data ? linkedTo(data.links.nodes, 'LOCATION', locationId) : null;
  const reports = data ? [...data.hotSpotReports].sort((a, b) => a.month.localeCompare(b.month)) : [];

  return (
    <section className="app-explore-panel" aria-labelledby="place-panel-heading">
      <span className="govuk-caption-m">Place</span>
      <h2 className="govuk-heading-m" id="place-panel-heading" tabIndex={-1}>
        {place?.name ?? total?.name ?? 'Place'}
      </h2>
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !data || !place || !linked ? (
        <Loading what="Loading the place" />
      ) : (
        <>
          <dl className="govuk-summary-list govuk-summary-list--no-border app-table--compact">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Type</dt>
              <dd className="govuk-summary-list__value">{labelOf(LOCATION_TYPE_LABELS, place.type)}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Ward</dt>
              <dd className="govuk-summary-list__value">
                {place.ward ? (
                  <button type="button" className="app-link-button govuk-link" onClick={() => onSelectWard(place.ward!.id)}>
                    {place.ward.name}
                    <span className="govuk-visually-hidden"> ward: list its places</span>
                  </button>
                ) : place.lat == null ? (
                  'Online'
                ) : (
                  'Not in an imported ward'
                )}
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Incidents</dt>
              <dd className="govuk-summary-list__value">
                {total?.incidents ?? 0} from {formatMonth(range.from)} to {formatMonth(range.to)}
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Sightings</dt>
              <dd className="govuk-summary-list__value">{total?.sightings ?? 0}</dd>
            </div>
            {total ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Highest risk</dt>
                <dd className="govuk-summary-list__value">
                  <RiskTag risk={total.highestRisk} /> <Markers loc={total} />
                </dd>
              </div>
            ) : null}
          </dl>
          <p className="govuk-body">
            <Link className="govuk-link" to={`/intelligence/places/${place.id}`}>
              Open the page for {place.name}
            </Link>
          </p>

          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">Linked to this place</h3>
          <p className="govuk-body-s">
            {plural(data.links.nodes.length, 'link', 'links')}
            {data.links.pageInfo.hasNextPage ? ` shown; the place page lists them all` : ''}.
          </p>
          <LinkedList
            title="People of concern"
            entries={linked.peopleOfConcern}
            href={(e) => `/intelligence/people/${e.end.id}`}
            empty="No people of concern are linked to this place."
          />
          <LinkedList
            title={identify ? 'Young people' : 'Young people (by pseudonym)'}
            entries={linked.youngPeople}
            href={(e) => (identify ? `/list/${e.end.id}` : null)}
            empty="No young people are linked to this place."
          />
          {linked.places.length > 0 ? (
            <LinkedList title="Other places" entries={linked.places} href={(e) => `/intelligence/places/${e.end.id}`} empty="" />
          ) : null}

          {reports.length === 0 ? (
            <p className="govuk-body">No monthly reports in this range.</p>
          ) : (
            <DataTable<Report>
              caption="Monthly reports"
              captionClass="govuk-table__caption--s"
              className="app-table--compact"
              rows={reports}
              rowKey={(r) => r.id}
              columns={[
                { header: 'Month', cell: (r) => <span className="app-nowrap">{formatMonth(r.month)}</span> },
                { header: 'Incidents', numeric: true, cell: (r) => String(r.incidents) },
                { header: 'Sightings', numeric: true, cell: (r) => String(r.sightings) },
                { header: 'Risk', cell: (r) => <RiskTag risk={r.riskLevel} /> },
              ]}
            />
          )}
        </>
      )}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onClose}>
        Close place
      </button>
    </section>
  );
}
