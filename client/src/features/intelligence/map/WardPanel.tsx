import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { IntelWardPlacesDocument, type IntelHotSpotMapQuery } from '../../../gql/graphql';
import { formatMonth, type MonthRange } from '../months';
import { labelOf, LOCATION_TYPE_LABELS } from '../people/labels';
import { Markers, plural, RiskTag } from './parts';

type WardTotal = IntelHotSpotMapQuery['hotSpotMap']['wards'][number];
type LocationTotal = IntelHotSpotMapQuery['hotSpotMap']['locations'][number];

/** Places read for one ward; a ward with more is listed in full on the places page. */
const PLACES_SHOWN = 200;

interface Props {
  wardId: string;
  name: string;
  total: WardTotal | undefined;
  /** Hot-spot totals of every location in the range (those of this ward are picked out). */
  locations: readonly LocationTotal[];
  range: MonthRange;
  onSelectLocation: (locationId: string) => void;
  onClose: () => void;
}

/** A selected ward: every place in it with its incidents in the range, most incidents first. */
export function WardPanel({ wardId, name, total, locations, range, onSelectLocation, onClose }: Props) {
  const { data, error, refetch } = useQuery(IntelWardPlacesDocument, { variables: { wardId, page: { first: PLACES_SHOWN } } });
  const totals = new Map(locations.filter((l) => l.wardId === wardId).map((l) => [l.locationId, l]));
  const places = (data?.locations.nodes ?? [])
    .map((p) => ({ ...p, total: totals.get(p.id) }))
    .sort((a, b) => (b.total?.incidents ?? -1) - (a.total?.incidents ?? -1) || a.name.localeCompare(b.name));
  const reported = places.filter((p) => p.total).length;

  return (
    <section className="app-explore-panel" aria-labelledby="ward-panel-heading">
      <span className="govuk-caption-m">Ward</span>
      <h2 className="govuk-heading-m" id="ward-panel-heading" tabIndex={-1}>
        {name}
      </h2>
      <p className="govuk-body">
        {plural(total?.incidents ?? 0, 'incident', 'incidents')} and {plural(total?.sightings ?? 0, 'sighting', 'sightings')} from{' '}
        {formatMonth(range.from)} to {formatMonth(range.to)}.
      </p>
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !data ? (
        <Loading what="Loading the places in this ward" />
      ) : places.length === 0 ? (
        <p className="govuk-body">No places of concern are recorded in this ward.</p>
      ) : (
        <>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">Places in this ward ({places.length})</h3>
          <p className="govuk-body-s">
            {plural(reported, 'place', 'places')} reported in this range. Select a place to see who is linked to it.
            {data.locations.pageInfo.hasNextPage ? (
              <>
                {' '}
                Only the first {PLACES_SHOWN} are listed:{' '}
                <Link className="govuk-link" to="/intelligence/places">
                  see all places
                </Link>
                .
              </>
            ) : null}
          </p>
          <ul className="govuk-list app-explore-panel__list" aria-label={`Places in ${name}`}>
            {places.map((p) => (
              <li key={p.id}>
                <button type="button" className="app-link-button govuk-link govuk-!-font-weight-bold" onClick={() => onSelectLocation(p.id)}>
                  {p.name}
                </button>
                <span className="govuk-body-s app-explore-panel__meta">
                  {labelOf(LOCATION_TYPE_LABELS, p.type)}:{' '}
                  {p.total ? `${plural(p.total.incidents, 'incident', 'incidents')}, ${plural(p.total.sightings, 'sighting', 'sightings')}` : 'nothing reported in this range'}
                </span>
                {p.total ? (
                  <span className="app-explore-panel__meta">
                    <RiskTag risk={p.total.highestRisk} /> <Markers loc={p.total} />
                  </span>
                ) : null}
                <Link className="govuk-link govuk-body-s" to={`/intelligence/places/${p.id}`}>
                  Place page<span className="govuk-visually-hidden"> for {p.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onClose}>
        Close ward
      </button>
    </section>
  );
}
