import { useMemo, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { asWardCollection, choroplethSteps } from '../../components/map/choropleth';
import { MapLegend } from '../../components/map/mapParts';
import { IntelHotSpotMapDocument, IntelWardGeometryDocument, MeDocument, type IntelHotSpotMapQuery } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { BackLink } from '../admin/BackLink';
import { canIdentify } from '../list/common';
import { ExploreMap } from './map/ExploreMap';
import { Markers, RiskTag } from './map/parts';
import { PlacePanel } from './map/PlacePanel';
import { WardPanel } from './map/WardPanel';
import { formatMonth, lastTwelveMonths, type MonthRange } from './months';
import { MonthRangeForm } from './MonthRangeForm';
import { labelOf, LOCATION_TYPE_LABELS } from './people/labels';

type WardTotal = IntelHotSpotMapQuery['hotSpotMap']['wards'][number];
type LocationTotal = IntelHotSpotMapQuery['hotSpotMap']['locations'][number];

export function HotSpotMapPage() {
  usePageTitle('Hot-spot map');
  const [range, setRange] = useState<MonthRange>(() => lastTwelveMonths());
  // The selection is in the address, so going back from a person's or a place's page finds it again.
  const [params, setParams] = useSearchParams();
  const wardId = params.get('ward');
  const locationId = params.get('place');
  const select = (ward: string | null, place: string | null) => {
    const next = new URLSearchParams();
    if (ward) next.set('ward', ward);
    if (place) next.set('place', place);
    setParams(next, { replace: true });
  };
  const sideRef = useRef<HTMLDivElement>(null);
  const me = useQuery(MeDocument, { fetchPolicy: 'cache-only' });
  const identify = me.data ? canIdentify(me.data.me.role) : false;
  const geometry = useQuery(IntelWardGeometryDocument);
  const totals = useQuery(IntelHotSpotMapDocument, { variables: { range }, fetchPolicy: 'cache-and-network' });
  const wards = useMemo(() => asWardCollection(geometry.data?.boundaryGeometry), [geometry.data]);
  const wardTotals = useMemo(() => totals.data?.hotSpotMap.wards ?? [], [totals.data]);
  const locations = useMemo(() => totals.data?.hotSpotMap.locations ?? [], [totals.data]);
  const steps = useMemo(() => choroplethSteps(wardTotals.map((w) => w.incidents)), [wardTotals]);
  const ward = wardTotals.find((w) => w.wardId === wardId);
  const wardName = ward?.name ?? wards?.features.find((f) => f.properties.id === wardId)?.properties.name ?? 'Ward';
  const location = locations.find((l) => l.locationId === locationId);
  const sortedWards = [...wardTotals].sort((a, b) => b.incidents - a.incidents || b.sightings - a.sightings || a.name.localeCompare(b.name));
  const sortedLocations = [...locations].sort((a, b) => b.incidents - a.incidents || a.name.localeCompare(b.name));

  /** Moves keyboard focus to the panel's heading (selections made outside the map, whose button may go away). */
  const focusPanel = () => requestAnimationFrame(() => sideRef.current?.querySelector<HTMLElement>('h2')?.focus());
  const selectWard = (id: string, focus = false) => {
    select(id, null);
    if (focus) focusPanel();
  };
  const selectLocation = (id: string, focus = false) => {
    // A place with hot-spot figures brings its ward; one without (chosen from a ward's list) keeps the ward.
    const loc = locations.find((l) => l.locationId === id);
    select(loc ? loc.wardId ?? null : wardId, id);
    if (focus) focusPanel();
  };

  const failed = geometry.error ?? (totals.error && !totals.data ? totals.error : undefined);

  return (
    <>
      <BackLink to="/intelligence">Back to intelligence</BackLink>
      <h1 className="govuk-heading-l">Hot-spot map</h1>
      <p className="govuk-body">
        Wards are shaded by incidents reported at their locations from {formatMonth(range.from)} to {formatMonth(range.to)}. Select a ward to list
        the places in it, or a location to see its incidents and the people linked to it. On the map, use Tab to reach a ward or a location and Enter
        to select it. The same figures are in the tables below the map.
      </p>
      <MonthRangeForm value={range} onChange={setRange} />
      {failed ? (
        <QueryError
          error={failed}
          onRetry={() => {
            void geometry.refetch().catch(() => undefined);
            void totals.refetch().catch(() => undefined);
          }}
        />
      ) : !geometry.data || !totals.data ? (
        <Loading what="Loading the map" />
      ) : !wards || wards.features.length === 0 ? (
        <div className="govuk-inset-text">No ward boundaries are imported yet. An administrator can import them.</div>
      ) : (
        <>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <ExploreMap
                label="Map of wards and hot-spot locations"
                wards={wards}
                totals={wardTotals}
                locations={locations}
                steps={steps}
                selectedWardId={wardId}
                selectedLocationId={locationId}
                onSelectWard={(id) => selectWard(id)}
                onSelectLocation={(id) => selectLocation(id)}
                tiles={geometry.data.mapTiles}
              />
            </div>
            <div className="govuk-grid-column-one-third app-explore-side" ref={sideRef} role="region" aria-label="Selected on the map" aria-live="polite" tabIndex={-1}>
              {locationId ? (
                <PlacePanel
                  key={locationId}
                  locationId={locationId}
                  total={location}
                  range={range}
                  identify={identify}
                  onSelectWard={(id) => selectWard(id, true)}
                  onClose={() => {
                    select(wardId, null);
                    focusPanel();
                  }}
                />
              ) : wardId ? (
                <WardPanel
                  key={wardId}
                  wardId={wardId}
                  name={wardName}
                  total={ward}
                  locations={locations}
                  range={range}
                  onSelectLocation={(id) => selectLocation(id, true)}
                  onClose={() => {
                    select(null, null);
                    requestAnimationFrame(() => sideRef.current?.focus());
                  }}
                />
              ) : (
                <>
                  <p className="govuk-body">Select a ward or a location on the map, or in the tables below, to see what is linked there.</p>
                  <MapLegend steps={steps} />
                </>
              )}
            </div>
          </div>

          <h2 className="govuk-heading-m">The map as tables</h2>
          <DataTable<WardTotal>
            caption="Wards"
            scrollLabel="Wards table"
            className="app-table--compact"
            rows={sortedWards}
            rowKey={(w) => w.wardId}
            columns={[
              {
                header: 'Ward',
                cell: (w) => (
                  <button type="button" className="app-link-button govuk-link" aria-pressed={w.wardId === wardId && !locationId} onClick={() => selectWard(w.wardId, true)}>
                    {w.name}
                  </button>
                ),
              },
              { header: 'Code', cell: (w) => w.code },
              { header: 'Incidents', numeric: true, cell: (w) => String(w.incidents) },
              { header: 'Sightings', numeric: true, cell: (w) => String(w.sightings) },
              { header: 'Locations', numeric: true, cell: (w) => String(w.locations) },
            ]}
          />
          {sortedLocations.length === 0 ? (
            <p className="govuk-body">No locations were reported in this range.</p>
          ) : (
            <DataTable<LocationTotal>
              caption="Locations"
              scrollLabel="Locations table"
              className="app-table--compact"
              rows={sortedLocations}
              rowKey={(l) => l.locationId}
              columns={[
                {
                  header: 'Location',
                  cell: (l) => (
                    <button type="button" className="app-link-button govuk-link" aria-pressed={l.locationId === locationId} onClick={() => selectLocation(l.locationId, true)}>
                      {l.name}
                    </button>
                  ),
                },
                { header: 'Type', cell: (l) => labelOf(LOCATION_TYPE_LABELS, l.type) },
                { header: 'Ward', cell: (l) => wardTotals.find((w) => w.wardId === l.wardId)?.name ?? (l.lat == null ? 'Online' : 'Outside the wards') },
                { header: 'Incidents', numeric: true, cell: (l) => String(l.incidents) },
                { header: 'Sightings', numeric: true, cell: (l) => String(l.sightings) },
                { header: 'Months', numeric: true, cell: (l) => String(l.months) },
                { header: 'Highest risk', cell: (l) => <RiskTag risk={l.highestRisk} /> },
                { header: 'Hot spot', cell: (l) => <Markers loc={l} /> },
                {
                  header: 'Page',
                  cell: (l) => (
                    <Link className="govuk-link" to={`/intelligence/places/${l.locationId}`}>
                      Open<span className="govuk-visually-hidden"> the page for {l.name}</span>
                    </Link>
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </>
  );
}
